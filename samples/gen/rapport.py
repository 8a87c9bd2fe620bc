"""Mission reports ("rapport de mission", "compte rendu de mission EXPE-CT")
with their truth: sending missions and hosted delegations, every French way
of writing dates, varying section headings, and the defects that the seven
report checks look for."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import dates, scopes, truth, writing
from .applicants import APPLICANTS, Applicant
from .candidature import member_town, mentioned, ucfirst
from .doc import Bullets, Ctl, Doc, Heading, Para, Signature, Spacer, Table
from .people import NAME_STYLES, PeoplePool, Person
from .spec import PieceSpec, Submission, slug
from .world import COUNTRIES, FOREIGN_NAMES, Country, ForeignPool, Foreigner, partner_the

# (how, style, overrides).  how as for candidatures; style: rapport, compte-rendu, fiche.
RECIPES: list[tuple[str, str, dict]] = [
    ("docx", "rapport", {}),
    ("pdf", "rapport", {"hosting": True}),
    ("pdf-lo", "compte-rendu", {"follow_up": "no", "long_term": "no"}),
    ("odt", "rapport", {"merged": True}),
    ("zip", "rapport", {"validation": "letter"}),
    ("folder", "compte-rendu", {"validation": "letter", "hosting": True}),
    ("docx", "fiche", {"purpose": "absent"}),
    ("pdf2", "rapport", {"purpose": "undecided", "undecided_as": "empty"}),
    ("doc", "compte-rendu", {"purpose": "absent", "timing": "late"}),
    ("docx", "rapport", {"follow_up": "absent"}),
    ("scan", "compte-rendu", {"follow_up": "undecided"}),
    ("pdf", "rapport", {"follow_up": "absent", "size": 3}),
    ("pdf-lo", "rapport", {"long_term": "absent"}),
    ("docx", "compte-rendu", {"long_term": "undecided", "undecided_as": "empty"}),
    ("zip", "rapport", {"long_term": "absent", "timing": "undated"}),
    ("docx", "rapport", {"timing": "late_by_one_day"}),
    ("pdf", "fiche", {"timing": "exact_deadline"}),
    ("odt", "rapport", {"timing": "year_end_deadline"}),
    ("scan", "rapport", {"timing": "late"}),
    ("doc", "rapport", {"timing": "undated", "hosting": True}),
    ("pdf", "compte-rendu", {"validation": "absent"}),
    ("docx", "rapport", {"validation": "absent", "days": 10}),
    ("folder", "rapport", {"validation": "undecided"}),
    ("pdf-lo", "rapport", {"size": 4, "hosting": True}),
    ("docx", "fiche", {"days": 8, "size": 3}),
    ("zip", "compte-rendu", {"validation": "absent", "follow_up": "no"}),
    ("scan", "rapport", {"hosting": True, "follow_up": "no", "long_term": "no"}),
]

TITLES = ["RAPPORT DE MISSION", "Compte rendu de mission EXPE-CT", "Rapport de mission d'expertise – Programme EXPE-CT",
          "Mission EXPE-CT – Rapport", "COMPTE RENDU DE MISSION"]
HEADINGS = {
    "context": ["Contexte", "Contexte de la mission", "Origine de la demande"],
    "purpose": ["Objet de la mission", "Objectifs de la mission", "Objet et objectifs", "Termes de référence",
                "Rappel de l'objet de la mission"],
    "agenda": ["Déroulement de la mission", "Déroulement", "Programme et déroulement", "Chronologie"],
    "findings": ["Principaux constats", "Observations", "Constats et recommandations"],
    "follow_up": ["Suites envisagées", "Actions complémentaires", "Prolongements", "Suites à donner"],
    "long_term": ["Perspectives de coopération", "Coopération future", "Perspectives",
                  "Vers une coopération durable ?"],
    "merged": ["Suites et perspectives", "Suites envisagées et perspectives", "Prolongements et coopération future"],
    "people": ["Personnes rencontrées", "Annexe – Liste des personnes rencontrées", "Interlocuteurs"],
}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
FOLLOW_NO = ["Aucune action complémentaire n'est envisagée à ce stade.",
             "La mission ne nécessite pas d'action complémentaire : les recommandations remises suffisent "
             "à la collectivité partenaire pour poursuivre le travail."]
LONG_NO = ["Les contacts établis ne permettent pas, à ce stade, d'envisager une coopération de plus long terme.",
           "Aucune coopération de long terme n'est envisagée : la demande était ponctuelle et a été satisfaite."]
FOREIGN_FUNCTIONS = [("Maire adjoint chargé des services techniques", "Maire adjointe chargée des services techniques"),
                     ("Secrétaire général de la mairie", "Secrétaire générale de la mairie"),
                     ("Directeur des services techniques", "Directrice des services techniques"),
                     ("Conseiller municipal", "Conseillère municipale"),
                     ("Chef du service de l'environnement", "Cheffe du service de l'environnement"),
                     ("Chargé de la coopération décentralisée", "Chargée de la coopération décentralisée")]
EMBASSY = [("Conseiller de coopération et d'action culturelle", "Conseillère de coopération et d'action culturelle"),
           ("Attaché de coopération", "Attachée de coopération"),
           ("Chargé de mission gouvernance", "Chargée de mission gouvernance")]


@dataclass
class Member:
    person: Person | Foreigner
    function: str
    category: str | None = None      # for the French team
    organisation: str | None = None
    style: str = "civ_upper"
    show_org: bool = False           # an employer other than the label holder is named

    def written(self) -> str:
        return self.person.written(self.style)

    def line(self) -> str:
        org = f" ({self.organisation})" if self.show_org else ""
        return f"{self.written()}, {self.function}{org}"


@dataclass
class RapportPlan:
    key: str
    how: str
    style: str
    applicant: Applicant
    executive: Person
    scope: scopes.Scope
    label: str
    themes: tuple[str, ...]
    country: Country
    partner: str
    pcity: str
    hosting: bool
    start: date
    end: date
    report_date: date | None
    validation_date: date | None
    travellers: list[Member]
    team: list[Member]              # the label holder's people taking part (truth experts)
    met: list[Member]               # counterparts met, embassy staff: never participants
    writer: Member
    purpose: str
    follow_up: str                  # yes, no, absent, undecided
    long_term: str
    merged: bool
    validation: str                 # statement, visa, letter, absent, undecided
    undecided_as: str
    notes: list[str] = field(default_factory=list)


def plan_rapport(index: int, recipe: tuple[str, str, dict], seed: int, pool: PeoplePool,
                 foreign: ForeignPool, holders: list[Applicant]) -> RapportPlan:
    how, style, o = recipe
    key = f"r{index:02d}"
    rng = random.Random(f"{seed}:{key}")
    applicant = holders.pop()
    executive = pool.draw()
    hosting = o.get("hosting", False)
    countries = [c for c in COUNTRIES if not hosting or c.region in FOREIGN_NAMES]
    country = rng.choice(countries)
    partner, pcity = rng.choice(country.partners)
    sc = rng.choice(scopes.SCOPES)
    label, themes = rng.choice(sc.labels)
    n_days = o.get("days") or rng.randint(4, 7)
    end_max = date(2025, 9, 30)
    timing = o.get("timing", "on_time")
    if timing == "year_end_deadline":
        end = date(2024, 12, 31)
    else:
        end = date(2023, 3, 1) + timedelta(days=rng.randint(0, (end_max - date(2023, 3, 1)).days))
    start = end - timedelta(days=n_days - 1)
    deadline = dates.deadline(end)
    report_date = {
        "on_time": end + timedelta(days=rng.randint(8, (deadline - end).days - 3)),
        "late": deadline + timedelta(days=rng.randint(12, 45)),
        "late_by_one_day": deadline + timedelta(days=1),
        "exact_deadline": deadline,
        "year_end_deadline": deadline,
        "undated": None,
    }[timing]
    validation = o.get("validation") or rng.choice(["statement", "statement", "visa"])
    validation_date = None
    if report_date and validation in ("statement", "visa", "letter"):
        slack = 0 if timing in ("exact_deadline", "year_end_deadline", "late_by_one_day") else rng.randint(0, 2)
        validation_date = report_date + timedelta(days=slack)
    size = o.get("size") or rng.choice([1, 2, 2])
    team = _french_team(rng, pool, applicant, sc, size if not hosting else rng.choice([1, 2]))
    region = country.region
    if hosting:
        travellers = [_foreigner(rng, foreign, region, partner) for _ in range(size)]
    else:
        travellers = team
    met = []
    if not hosting:  # counterparts abroad, and the embassy that relayed the request
        if region in FOREIGN_NAMES:
            met = [_foreigner(rng, foreign, region, partner) for _ in range(rng.randint(2, 4))]
        embassy_p = pool.draw()
        met.append(Member(embassy_p, embassy_p.g(*rng.choice(EMBASSY)) + f", ambassade de France {country.en}",
                          style=rng.choice(["civ", "civ_upper"])))
    plan = RapportPlan(key=key, how=how, style=style, applicant=applicant, executive=executive, scope=sc,
                       label=label, themes=themes, country=country, partner=partner, pcity=pcity,
                       hosting=hosting, start=start, end=end, report_date=report_date,
                       validation_date=validation_date, travellers=travellers, team=team, met=met,
                       writer=team[0], purpose=o.get("purpose", "ok"),
                       follow_up=o.get("follow_up") or "yes", long_term=o.get("long_term") or "yes",
                       merged=o.get("merged", style == "compte-rendu" and rng.random() < 0.6),
                       validation=validation,
                       undecided_as=o.get("undecided_as", "text"))
    plan.notes.append(f"échéance du rapport : {deadline.isoformat()} ({timing})")
    return plan


def _french_team(rng: random.Random, pool: PeoplePool, a: Applicant, sc: scopes.Scope, n: int) -> list[Member]:
    members = []
    agents = rng.sample(sc.agents, len(sc.agents))
    for i in range(n):
        p = pool.draw()
        roll = rng.random()
        if i > 0 and roll < 0.25 and a.type != "association_elus":
            fn = a.elected_title(p.gender, sc.a, sc.de, a.city, rng.randint(0, 1))
            members.append(Member(p, fn, "elu", a.name, rng.choice(NAME_STYLES)))
        elif roll < 0.8 and agents:
            member_of = a.type == "association_elus"  # an association's experts work for its members
            members.append(Member(p, p.g(*agents.pop()), "agent", member_town(rng) if member_of else a.name,
                                  rng.choice(NAME_STYLES), show_org=member_of))
        else:
            org, fns = rng.choice(sc.partners)
            members.append(Member(p, p.g(*rng.choice(fns)), "partenaire", org, rng.choice(NAME_STYLES),
                                  show_org=True))
    return members


def _foreigner(rng: random.Random, foreign: ForeignPool, region: str, partner: str) -> Member:
    p = foreign.draw(region)
    fn = p.g(*rng.choice(FOREIGN_FUNCTIONS))
    return Member(p, f"{fn} ({partner})" if rng.random() < 0.3 else fn,
                  style=rng.choice(["civ", "civ_upper", "plain"]))


# --------------------------------------------------------------------------- writing

def _fill(plan: RapportPlan, text: str) -> str:
    a = plan.applicant
    return text.format(the=a.the, of_the=a.of_the, short=a.short, partner=partner_the(plan.partner), pcity=plan.pcity,
                       country=plan.country.name, country_en=plan.country.en)


def de(phrase: str) -> str:
    """'de' with elision: "d'appuyer", "de conseiller"."""
    return f"d'{phrase}" if phrase[0] in "aeiouéèêh" else f"de {phrase}"


def header_blocks(plan: RapportPlan, rng: random.Random) -> list:
    a, c = plan.applicant, plan.country
    title = rng.choice(TITLES)
    if plan.hosting:
        subtitle = f"Accueil d'une délégation {partner_of(plan)} ({c.name})"
    elif plan.purpose == "ok":
        subtitle = f"Mission d'expertise « {plan.label} » – {plan.pcity} ({c.name})"
    else:  # no stated purpose: the title names the place only
        subtitle = f"Mission EXPE-CT – {plan.pcity} ({c.name})"
    span = dates.span(rng, plan.start, plan.end)
    blocks = [Para(a.name.upper() if rng.random() < 0.5 else a.name, align="left", bold=True, size=9),
              Spacer(0.4), Heading(title, 1, rng.choice(["style", "caps"])), Para(subtitle, align="center", bold=True)]
    who = "Délégation accueillie" if plan.hosting else rng.choice(["Participants", "Missionnaires", "Experts mobilisés"])
    rows = [["Collectivité labellisée", a.name],
            ["Pays" if rng.random() < 0.5 or plan.hosting else "Pays de la mission", c.name],
            ["Collectivité partenaire", ucfirst(partner_the(plan.partner))],
            [rng.choice(["Thématique", "Domaine d'expertise", "Expertise mobilisée"]), plan.label],
            ["Dates de la mission" if not plan.hosting else "Dates de l'accueil", span],
            [who, "\n".join(m.line() for m in plan.travellers)]]
    if plan.hosting:
        rows.append(["Équipe d'accueil", "\n".join(m.line() for m in plan.team)])
    if plan.report_date and rng.random() < 0.4:
        rows.append(["Date du rapport", dates.numeric(plan.report_date)])
        plan.notes.append("date du rapport dans l'en-tête")
    if rng.random() < 0.6:
        blocks.append(Table(rows, header=False, widths=[1, 2.6]))
    else:
        lines = []
        for k, v in rows:
            lines.append(Para(f"{k} : {v.replace(chr(10), ' ; ')}", align="left"))
        blocks += lines
    return blocks


def partner_of(plan: RapportPlan) -> str:
    t = partner_the(plan.partner)
    return ("de l'" + t[2:]) if t.startswith("l'") else ("de la " + t[3:]) if t.startswith("la ") else ("du " + t[3:])


def section(plan: RapportPlan, rng: random.Random, name: str, number: list[int], numbering) -> Heading:
    """A numbered section heading; number[1:] hold the document's level and look."""
    number[0] += 1
    return Heading(numbering(number[0]) + rng.choice(HEADINGS[name]), number[1], number[2])


def body_blocks(plan: RapportPlan, rng: random.Random) -> list:
    sc = plan.scope
    numbering = rng.choice([lambda i: f"{i}. ", lambda i: f"{ROMAN[i - 1]}. ", lambda i: ""])
    number = [0, rng.choice([1, 1, 2]), rng.choice(["style", "style", "bold"])]
    out: list = []
    objective = rng.choice(sc.objectives)
    if plan.purpose != "absent" or rng.random() < 0.5:
        out.append(section(plan, rng, "context", number, numbering))
        if plan.purpose == "absent":
            out.append(Para(_fill(plan, "La mission s'est déroulée dans le cadre du programme EXPE-CT, à "
                                        "l'invitation de l'ambassade de France {country_en} et avec l'appui de la DAECT.")))
        else:
            out.append(Para(_fill(plan, "La mission fait suite à une demande exprimée par {partner} auprès de "
                                        "l'ambassade de France {country_en}, relayée par la DAECT auprès {of_the}, "
                                        "titulaire du label EXPE-CT.")))
    if plan.purpose == "ok":
        out.append(section(plan, rng, "purpose", number, numbering))
        if plan.hosting:
            out.append(Para(f"L'accueil avait pour objet de présenter à la délégation l'organisation "
                            f"{plan.applicant.of_the} dans le domaine « {plan.label} », afin {de(objective)}."))
        else:
            out.append(Para(f"La mission avait pour objet {de(objective)}."))
            extra = [o for o in sc.objectives if o != objective]
            if extra and rng.random() < 0.5:
                out.append(Bullets([ucfirst(objective), ucfirst(extra[0])], marker=rng.choice(["•", "–"])))
    elif plan.purpose == "undecided":
        out.append(section(plan, rng, "purpose", number, numbering))
        if plan.undecided_as == "text":
            out.append(Para(rng.choice(["À compléter.", "À définir."])))
    out.append(section(plan, rng, "agenda", number, numbering))
    out += agenda(plan, rng)
    if rng.random() < 0.6:
        out.append(section(plan, rng, "findings", number, numbering))
        out.append(Para(rng.choice([
            "Les services rencontrés disposent d'une bonne connaissance du terrain mais manquent d'outils "
            "de planification et de moyens matériels.",
            "La volonté politique est forte ; les équipes techniques, motivées, demandent un appui méthodologique "
            "dans la durée.",
            "Les échanges ont été riches et ont permis d'identifier des priorités partagées."])))
    out += follow_blocks(plan, rng, number, numbering)
    if plan.met and rng.random() < 0.7:
        out.append(section(plan, rng, "people", number, numbering))
        out.append(Bullets([m.line() for m in plan.met], marker=rng.choice(["•", "–", "-"])))
    return out


def agenda(plan: RapportPlan, rng: random.Random) -> list:
    sc = plan.scope
    days = dates.days(plan.start, plan.end)
    acts = list(sc.activities)
    rng.shuffle(acts)
    items = []
    for i, d in enumerate(days):
        when = (rng.choice([ucfirst(dates.day_month(d)), ucfirst(dates.long(d, weekday=True)),
                            f"Jour 1 ({dates.day_month(d)})"]) if i == 0 else ucfirst(dates.day_month(d)))
        if i == 0:
            what = (f"arrivée de la délégation à {plan.applicant.city}, accueil par {plan.team[0].written()}"
                    if plan.hosting else f"départ de Paris, arrivée à {plan.pcity} en soirée")
        elif i == len(days) - 1:
            what = ("bilan de la visite et départ de la délégation" if plan.hosting
                    else "réunion de restitution et retour en France")
        elif d.weekday() >= 5:
            what = rng.choice(["visite libre de la ville", "repos ; préparation des documents de restitution",
                               "déplacement vers les sites de projet"])
        else:
            what = acts[(i - 1) % len(acts)] if acts else "séances de travail"
        items.append(f"{when} : {what}")
    if plan.style == "rapport" and rng.random() < 0.7:
        return [Bullets(items, marker=rng.choice(["•", "–"]))]
    return [Para(it, align="left") for it in items]


def follow_blocks(plan: RapportPlan, rng: random.Random, number, numbering) -> list:
    sc = plan.scope
    out: list = []

    def text(kind: str, state: str) -> list:
        if state == "yes":
            sentence = rng.choice(sc.next_steps if kind == "follow_up" else sc.long_term)
            return [Para(ucfirst(sentence) + ".")]
        if state == "no":
            return [Para(rng.choice(FOLLOW_NO if kind == "follow_up" else LONG_NO))]
        if state == "undecided" and plan.undecided_as == "text":
            return [Para(rng.choice(["À définir.", "À définir avec la collectivité partenaire.",
                                     "À préciser après échange avec l'ambassade."]))]
        return []

    if plan.merged and "absent" not in (plan.follow_up, plan.long_term):
        out.append(section(plan, rng, "merged", number, numbering))
        return out + text("follow_up", plan.follow_up) + text("long_term", plan.long_term)
    for kind, state in (("follow_up", plan.follow_up), ("long_term", plan.long_term)):
        if state == "absent":
            continue
        out.append(section(plan, rng, kind, number, numbering))
        out += text(kind, state)
    return out


def closing_blocks(plan: RapportPlan, rng: random.Random) -> list:
    a, ex = plan.applicant, plan.executive
    out: list = []
    w = plan.writer
    date_line = (writing.place_date(rng, a.city, plan.report_date) if plan.report_date else None)
    out.append(Signature([f"{rng.choice(['Rédigé par', 'Le rédacteur :', 'Pour la délégation,'])}",
                          w.written(), w.function], date_line, signed=rng.random() < 0.5, align="left"))
    title = a.executive(ex.gender)
    vdate = plan.validation_date
    if plan.validation == "statement":
        when = f" le {dates.any_date(rng, vdate)}" if vdate else ""
        out.append(Para(rng.choice([f"Rapport validé par {a.the}{when}.",
                                    f"Vu et approuvé par {a.the}{when}."]), bold=True, align="left"))
        out.append(Signature([f"{title},", ex.written(rng.choice(["upper_last", "plain"]))], None,
                             signed=True, stamp=writing.stamp(a) if rng.random() < 0.5 else None))
    elif plan.validation == "visa":
        when = dates.numeric(vdate) if vdate else ""
        out.append(Table([["Visa de la collectivité labellisée", "Date"],
                          [f"{ex.written('civ_upper')}, {title[3:] if title.startswith(('Le ', 'La ')) else title}"
                           + " – validé", when]], header=True, widths=[2.6, 1]))
        out.append(Signature([""], None, signed=True, stamp=writing.stamp(a)))
    elif plan.validation == "undecided":
        out.append(Para("Validation par la collectivité labellisée : à compléter.", align="left", italic=True))
    return out


def fiche_doc(plan: RapportPlan, rng: random.Random) -> Doc:
    """The report as a one-table return form, fields left at their placeholder when absent."""
    a, c, sc, ex = plan.applicant, plan.country, plan.scope, plan.executive

    def field(state: str, text: str) -> Ctl:
        return Ctl(text) if state in ("ok", "yes", "no") else Ctl("À définir") if state == "undecided" else Ctl(None)

    follow = rng.choice(sc.next_steps) if plan.follow_up == "yes" else rng.choice(FOLLOW_NO)
    longer = rng.choice(sc.long_term) if plan.long_term == "yes" else rng.choice(LONG_NO)
    objective = rng.choice(sc.objectives)
    visa = Ctl(None)
    if plan.validation in ("statement", "visa"):
        when = f", le {dates.numeric(plan.validation_date)}" if plan.validation_date else ""
        visa = Ctl(f"Validé par {ex.written('civ_upper')}, {a.executive(ex.gender)[3:]}{when}")
    elif plan.validation == "undecided":
        visa = Ctl("À compléter")
    agenda_text = " ; ".join(f"{dates.day_month(d)} : {what}" for d, what in zip(
        dates.days(plan.start, plan.end)[1:-1], list(sc.activities) * 3))
    rows = [["Collectivité labellisée", Ctl(a.name)],
            ["Pays et collectivité partenaire", Ctl(f"{c.name} – {plan.partner}")],
            ["Type de mission", Ctl("Accueil d'une délégation" if plan.hosting else "Mission à l'étranger")],
            ["Domaine d'expertise EXPE-CT", Ctl(plan.label)],
            ["Dates de la mission (voyage compris)", Ctl(dates.span(rng, plan.start, plan.end))],
            ["Participants" if not plan.hosting else "Délégation accueillie",
             Ctl(" ; ".join(m.line() for m in plan.travellers))],
            ["Objet précis de la mission", field(plan.purpose, ucfirst(objective) + ".")],
            ["Déroulement de la mission", Ctl(ucfirst(agenda_text) + ".")],
            ["La mission peut-elle être complétée par une action complémentaire ?",
             field(plan.follow_up, ucfirst(follow) + ("" if follow.endswith(".") else "."))],
            ["Les contacts noués permettent-ils une coopération à plus long terme ?",
             field(plan.long_term, ucfirst(longer) + ("" if longer.endswith(".") else "."))],
            ["Rédacteur", Ctl(plan.writer.line())],
            ["Date du rapport", Ctl(dates.numeric(plan.report_date)) if plan.report_date else Ctl(None)],
            ["Visa de la collectivité labellisée", visa]]
    if plan.hosting:
        rows.insert(5, ["Équipe d'accueil", Ctl(" ; ".join(m.line() for m in plan.team))])
    blocks = [Para("Programme EXPE-CT – Délégation pour l'action extérieure des collectivités territoriales",
                   align="center", size=9),
              Heading("FICHE DE RETOUR DE MISSION", 1, "style"),
              Para("À retourner à la DAECT dans les deux mois suivant le retour de mission.", italic=True, size=9),
              Table(rows, header=False, widths=[1.3, 2.6])]
    if plan.validation in ("statement", "visa"):
        blocks.append(Signature(["Signature et cachet"], None, signed=True, stamp=writing.stamp(a)))
    return Doc(blocks, title="Fiche retour de mission", author="DAECT", font="sans", created=plan.report_date)


def report_doc(plan: RapportPlan, rng: random.Random) -> Doc:
    if plan.style == "fiche":
        return fiche_doc(plan, rng)
    blocks = header_blocks(plan, rng) + body_blocks(plan, rng) + closing_blocks(plan, rng)
    return Doc(blocks, title=rng.choice(["Rapport de mission", "CR mission EXPE-CT", ""]),
               author=plan.writer.person.last.lower(), font=rng.choice(["sans", "serif"]),
               footer=rng.choice([None, f"Rapport de mission EXPE-CT – {plan.country.name}"]),
               french_styles=rng.random() < 0.5, created=plan.report_date)


def transmission_letter(plan: RapportPlan, rng: random.Random) -> Doc:
    """The cover letter by which the label holder validates and sends the report."""
    a, ex = plan.applicant, plan.executive
    head, _ = writing.letterhead(rng, a, None, writing.reference(rng, plan.validation_date or plan.end))
    salutation, civ = rng.choice(writing.ADDRESSEES)
    blocks = [Para(writing.place_date(rng, a.city, plan.validation_date, fait=False), align="right")]
    blocks += writing.addressee_block(rng, salutation)
    blocks += [Spacer(0.4),
               Para(f"Objet : Transmission du rapport de la mission EXPE-CT – {plan.country.name}", bold=True, align="left"),
               Para(salutation, align="left"),
               Para(f"J'ai l'honneur de vous transmettre le rapport de la mission conduite par {a.the} "
                    f"{dates.span(rng, plan.start, plan.end)} {'auprès de ' + partner_the(plan.partner) if not plan.hosting else 'à l’occasion de l’accueil d’une délégation ' + partner_of(plan)}."),
               Para(rng.choice(["Je vous confirme que ce rapport a été validé par notre collectivité.",
                                "Ce rapport, que j'ai validé, rend compte de l'objet de la mission et de ses suites."])),
               Para(rng.choice(writing.CLOSINGS).format(civ=civ)),
               Signature([f"{a.executive(ex.gender)},", ex.written("upper_last")], None, signed=True,
                         stamp=writing.stamp(a))]
    return Doc(blocks, letterhead=head, title="Transmission rapport EXPE-CT", author="Cabinet",
               font=rng.choice(["sans", "serif"]), created=plan.validation_date)


# --------------------------------------------------------------------------- assembling

def build(plan: RapportPlan, seed: int) -> Submission:
    rng = random.Random(f"{seed}:{plan.key}:write")
    base = f"{plan.key}-rapport-{slug(plan.country.name, 2)}-{slug(plan.applicant.name, 2)}"
    base = rng.choice([base, f"{plan.key}-{rng.choice(['cr-mission', 'rapport-mission', 'mission'])}-{slug(plan.pcity, 2)}"])
    doc = report_doc(plan, rng)
    if plan.how in ("folder", "zip"):
        container = plan.how
        name = base + (".zip" if container == "zip" else "")
        report_how = rng.choice(["docx", "pdf", "pdf-lo"])
        pieces = [PieceSpec(rng.choice(["rapport-mission", "Rapport de mission", "CR_mission_EXPE-CT"])
                            + {"docx": ".docx"}.get(report_how, ".pdf"), doc, report_how)]
        if plan.validation == "letter":
            how = rng.choice(["pdf", "scan"])
            pieces.insert(0, PieceSpec("courrier-transmission.pdf", transmission_letter(plan, rng), how))
        junk = rng.sample([".DS_Store", "Thumbs.db", "~$pport de mission.docx"], rng.randint(0, 2))
    else:
        container = "file"
        how = {"pdf2": "pdf"}.get(plan.how, plan.how)
        if plan.how == "pdf2":
            doc.layout = "two-column"
        name = base + {"docx": ".docx", "odt": ".odt", "doc": ".doc"}.get(how, ".pdf")
        pieces = [PieceSpec(name, doc, how)]
        junk = []
    return Submission(name, "rapport", container, pieces, rapport_truth(plan, name, pieces), junk)


def rapport_checks(plan: RapportPlan) -> dict[str, str]:
    state = {"yes": "ok", "no": "ok"}
    checks = {
        "report.purpose": truth.statement(plan.purpose),
        "report.follow_up": truth.statement(state.get(plan.follow_up, plan.follow_up)),
        "report.long_term": truth.statement(state.get(plan.long_term, plan.long_term)),
        "report.deadline": truth.deadline_status(plan.end, plan.report_date),
        "report.validated": {"statement": "pass", "visa": "pass", "letter": "pass",
                             "absent": "fail", "undecided": "review"}[plan.validation],
        "mission.size": truth.size_status(len(plan.travellers)),
        "mission.duration": truth.duration_status(plan.start, plan.end),
    }
    return {cid: checks[cid] for cid in truth.RAPPORT_CHECKS}


def rapport_truth(plan: RapportPlan, name: str, pieces: list[PieceSpec]) -> dict:
    checks = rapport_checks(plan)
    scanned = [p for p in pieces if p.how == "scan"]
    text = " ".join(p.doc.plain_text() for p in pieces)
    team = [{"name": m.person.name, "function": m.function, "category": m.category,
             "organisation": m.organisation, "qualifications": None} for m in plan.team]
    return {
        "submission": f"samples/dossiers/{name}", "kind": "rapport", "status": "ok", "error_code": None,
        "formats": sorted({p.format for p in pieces}), "ocr": bool(scanned),
        "pieces": [{"file": p.file, "format": p.format, "ocr": p.ocr} for p in pieces],
        "applicant": {"name": plan.applicant.name, "type": plan.applicant.type,
                      "aliases": list(plan.applicant.aliases)},
        "expertise": [{"label": plan.label, "themes": list(plan.themes)}],
        "basis": None,
        "experts": team,
        "not_experts": [p.name for p in [plan.executive] + [m.person for m in plan.met] if mentioned(p, text)],
        "mission": {"country": plan.country.name, "start": plan.start.isoformat(), "end": plan.end.isoformat(),
                    "report_date": plan.report_date.isoformat() if plan.report_date else None,
                    "participants": [m.person.name for m in plan.travellers], "hosting": plan.hosting},
        "checks": checks,
        "verdict": truth.verdict("rapport", checks),
        "defects": truth.defects(checks),
        "writing": {"style": plan.style, "layout": "two-column" if plan.how == "pdf2" else "single",
                    "merged_sections": plan.merged, "validation": plan.validation,
                    "undecided_as": plan.undecided_as, "pieces": [p.file for p in pieces]},
        "ocr_reference": f"samples/truth/{name}.ocr.txt" if scanned else None,
        "notes": plan.notes + [f"{k} : {v}" for k, v in (("objet", plan.purpose), ("suites", plan.follow_up),
                                                         ("long terme", plan.long_term))],
    }


def build_all(seed: int, pool: PeoplePool, foreign: ForeignPool) -> list[Submission]:
    rng = random.Random(f"{seed}:holders")
    holders = [a for a in APPLICANTS if a.eligible]
    rng.shuffle(holders)
    return [build(plan_rapport(i, r, seed, pool, foreign, holders), seed) for i, r in enumerate(RECIPES, 1)]
