"""Candidature dossiers for the EXPE-CT label, with their truth.

Each dossier follows a recipe: a format, a writing style and the defects to
inject.  Everything else (applicant, expertise, experts, wording, headings,
how experts are presented) is drawn from the seed.  Checks are computed from
what was actually written (truth.py), never from the recipe's intent.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import dates, scopes, truth, writing
from .applicants import APPLICANTS, ELECTED as ELECTED_FORMS, Applicant, of_place
from .doc import (Bullets, Check, Ctl, Doc, Field, Heading, PageBreak, Para, Signature, Spacer,
                  Table)
from .people import NAME_STYLES, PeoplePool, Person
from .spec import PieceSpec, Submission, slug
from .world import COUNTRIES, Country, partner_the

# (how, style, overrides).  how: docx pdf pdf2 (two columns) pdf-lo odt doc scan folder zip.
RECIPES: list[tuple[str, str, dict]] = [
    ("docx", "form", {}),
    ("pdf", "letter", {}),
    ("pdf-lo", "dossier", {}),
    ("odt", "letter", {}),
    ("zip", "form", {"deliberation_scan": True}),
    ("folder", "letter", {"experts_as": "cv"}),
    ("pdf2", "dossier", {}),
    ("doc", "letter", {}),
    ("scan", "letter", {}),
    ("pdf", "letter", {"applicant": "cabinet"}),
    ("docx", "form", {"applicant": "universite"}),
    ("zip", "dossier", {"applicant": "ngo", "inform": "absent"}),
    ("pdf-lo", "dossier", {"applicant": "bureau"}),
    ("odt", "letter", {"applicant": "chamber", "signature": "none"}),
    ("docx", "letter", {"expertise": "absent"}),
    ("pdf", "dossier", {"expertise": "undecided", "undecided_as": "empty"}),
    ("docx", "form", {"expertise": "undecided"}),
    ("pdf-lo", "letter", {"expertise": "absent", "basis": "absent"}),
    ("docx", "dossier", {"basis": "absent", "inform": "absent"}),
    ("folder", "dossier", {"basis": "undecided"}),
    ("odt", "dossier", {"basis": "absent", "signature": "signed_undated"}),
    ("docx", "form", {"meae": "unticked"}),
    ("docx", "form", {"meae": "placeholder", "inform": "placeholder"}),
    ("pdf", "letter", {"meae": "absent"}),
    ("scan", "letter", {"meae": "partial"}),
    ("pdf2", "dossier", {"meae": "undecided"}),
    ("doc", "dossier", {"meae": "undecided", "undecided_as": "empty", "inform": "undecided"}),
    ("pdf-lo", "letter", {"experts": "absent"}),
    ("zip", "letter", {"experts": "absent", "signature": "deliberation"}),
    ("docx", "dossier", {"experts": "undecided"}),
    ("docx", "form", {"function": "placeholder"}),
    ("pdf", "dossier", {"function": "absent", "experts_as": "table"}),
    ("odt", "dossier", {"function": "undecided", "experts_as": "list"}),
    ("folder", "letter", {"function": "absent", "quals": "absent", "experts_as": "prose"}),
    ("pdf-lo", "dossier", {"quals": "absent_all", "experts_as": "table"}),
    ("docx", "dossier", {"quals": "absent", "experts_as": "list"}),
    ("zip", "dossier", {"quals": "undecided", "inform": "absent"}),
    ("scan", "dossier", {"quals": "absent", "experts_as": "table"}),
    ("docx", "letter", {"eligible": "retired", "experts_as": "prose"}),
    ("pdf2", "dossier", {"eligible": "consultant", "experts_as": "table", "signature": "none"}),
    ("folder", "dossier", {"eligible": "consultant", "deliberation_scan": True}),
    ("doc", "form", {"eligible": "consultant", "meae": "unticked"}),
    ("docx", "letter", {"inform": "absent"}),
    ("pdf-lo", "form", {"inform": "unticked", "signature": "none"}),
    ("zip", "dossier", {"signature": "none", "experts_as": "cv"}),
    ("scan", "form", {"inform": "undecided"}),
    ("folder", "dossier", {"exec_expert": True, "signature": "signed_undated"}),
    ("pdf", "letter", {"signature": "unsigned"}),
    ("docx", "letter", {"basis": "absent"}),
]

INELIGIBLE_SUB = {"cabinet": "Cabinet Territoires & Coopération Conseil",
                  "bureau": "Hydro Conseil Sud SARL", "universite": "Université de Bretagne occidentale",
                  "ngo": "Solidarité Eau Sans Frontières", "chamber": "Chambre d'agriculture de la Sarthe"}

AUTRE_PROFILES = {
    "retired": [("Retraité, ancien ingénieur d'une entreprise de travaux publics",
                 "Retraitée, ancienne ingénieure d'une entreprise de travaux publics", None),
                ("Retraité de l'enseignement, bénévole", "Retraitée de l'enseignement, bénévole", None)],
    "consultant": [("Consultant indépendant", "Consultante indépendante", None),
                   ("Gérant de la société Ingé-Sahel Conseil", "Gérante de la société Ingé-Sahel Conseil",
                    "Ingé-Sahel Conseil"),
                   ("Chef de projet au bureau d'études Hydratec Ouest",
                    "Cheffe de projet au bureau d'études Hydratec Ouest", "Hydratec Ouest")],
}
OUTSIDER_STAFF = {
    "consultant": ([("Consultant senior", "Consultante senior"), ("Directeur associé", "Directrice associée"),
                    ("Chef de projet international", "Cheffe de projet international")], "autre"),
    "academic": ([("Professeur des universités", "Professeure des universités"),
                  ("Maître de conférences", "Maîtresse de conférences"),
                  ("Ingénieur de recherche", "Ingénieure de recherche")], "partenaire"),
    "ngo": ([("Chargé de programmes eau et assainissement", "Chargée de programmes eau et assainissement"),
             ("Directeur des opérations", "Directrice des opérations")], "partenaire"),
    "chamber": ([("Conseiller en élevage", "Conseillère en élevage"),
                 ("Responsable du service international", "Responsable du service international")], "partenaire"),
}
MEMBER_COMMUNES = ["Pornic", "Lacanau", "Gujan-Mestras", "Ploemeur", "Guérande", "Hyères", "Sète",
                   "Eymoutiers", "Ussel", "Josselin", "Locminé", "Saint-Malo", "Concarneau"]

UNDECIDED = ["À définir.", "À définir", "à définir", "À préciser ultérieurement.", "À compléter."]


@dataclass
class Expert:
    person: Person
    function: str | None        # as the truth holds it (capitalised), None when not given
    function_state: str         # ok, absent, undecided, placeholder
    category: str
    organisation: str | None
    qualifications: str | None
    qual_state: str             # ok, absent, undecided
    style: str                  # how the name is written
    diploma: str = ""
    applicant: str = ""         # the applicant's name: its own people need no organisation shown

    @property
    def stated(self) -> bool:
        """Whether the function is written: without it, who employs the expert is not shown."""
        return self.function_state == "ok"

    def truth(self) -> dict:
        # Category and organisation are only knowable from a stated function.
        return {"name": self.person.name,
                "function": self.function if self.stated else None,
                "category": self.category if self.stated else None,
                "organisation": self.organisation if self.stated else None,
                "qualifications": self.qualifications if self.qual_state == "ok" else None}

    def fn_text(self, lower: bool = False) -> str:
        """The function as printed ('' when absent)."""
        if self.function_state == "undecided":
            return "fonction à préciser"
        if self.function_state != "ok" or not self.function:
            return ""
        return lcfirst(self.function) if lower else self.function

    def q_text(self) -> str:
        if self.qual_state == "undecided":
            return "qualifications à préciser"
        return self.qualifications if self.qual_state == "ok" and self.qualifications else ""

    def org_suffix(self) -> str:
        if (self.category == "elu" or not self.stated or not self.organisation
                or self.organisation == self.applicant):
            return ""
        return f", {self.organisation}" if "(" in self.organisation else f" ({self.organisation})"


@dataclass
class Plan:
    key: str
    how: str
    style: str
    applicant: Applicant
    executive: Person
    day: date
    expertise: list[tuple[str, tuple[str, ...], scopes.Scope]]
    expertise_state: str
    basis: str | None           # cooperation, territory, both
    basis_state: str
    partner: tuple[str, str, Country]
    meae: str
    inform: str
    experts: list[Expert]
    experts_state: str
    experts_as: str
    signature: str
    undecided_as: str           # text ("à définir") or empty (a heading with nothing under it)
    referent: Person
    daect_contact: Person | None
    cited: Person | None
    councillors: list[Person]
    rapporteur: Person | None
    y1: int
    y2: int
    deliberation_scan: bool = False
    notes: list[str] = field(default_factory=list)


def member_town(rng: random.Random) -> str:
    """A member commune of an association, as an employer's name."""
    city = rng.choice(MEMBER_COMMUNES)
    return f"Ville {of_place(city)}"


def lcfirst(s: str) -> str:
    return s[:1].lower() + s[1:] if s and not s[:2].isupper() else s


def ucfirst(s: str) -> str:
    return s[:1].upper() + s[1:]


def fill(template: str, plan: Plan, scope: scopes.Scope | None = None) -> str:
    a = plan.applicant
    partner, pcity, country = plan.partner
    text = template.format(the=a.the, The=ucfirst(a.the), short=a.short, Short=ucfirst(a.short),
                           size=a.size, y1=plan.y1, y2=plan.y2, partner=partner_the(partner), pcity=pcity,
                           country=country.name, country_en=country.en,
                           field=scope.field if scope else "")
    return ucfirst(text)


# --------------------------------------------------------------------------- planning

def plan_candidature(key: str, recipe: tuple[str, str, dict], seed: int, pool: PeoplePool,
                     applicants: list[Applicant]) -> Plan:
    how, style, o = recipe
    rng = random.Random(f"{seed}:{key}")
    applicant = (next(a for a in APPLICANTS if a.name == INELIGIBLE_SUB[o["applicant"]])
                 if "applicant" in o else applicants.pop())
    executive = pool.draw()
    day = date(2023, 1, 16) + timedelta(days=rng.randint(0, 1000))
    n_exp = 2 if rng.random() < 0.3 else 1
    chosen = rng.sample(scopes.SCOPES, n_exp)
    expertise = []
    for sc in chosen:
        label, themes = rng.choice(sc.labels)
        expertise.append((label, themes, sc))
    expertise_state = o.get("expertise", "ok")
    # Without a field of expertise there is nothing to ground: the basis follows.
    basis_state = expertise_state if expertise_state != "ok" else o.get("basis", "ok")
    basis = None
    if basis_state == "ok":
        basis = ("cooperation" if not applicant.eligible
                 else rng.choice(["cooperation", "territory", "both"]))
    country = rng.choice(COUNTRIES)
    partner_name, pcity = rng.choice(country.partners)
    y1 = rng.randint(2002, 2015)
    y2 = min(day.year - 1, y1 + rng.randint(4, 9))
    experts_state = o.get("experts", "ok")
    experts_as = o.get("experts_as") or rng.choice(
        {"letter": ["prose", "prose", "list", "table"], "dossier": ["table", "table", "list", "prose"],
         "form": ["form", "form", "table"]}[style])
    if experts_as == "cv" and how not in ("folder", "zip"):
        experts_as = "table"
    signature = o.get("signature") or (
        rng.choice(["signed", "both"]) if how in ("folder", "zip") else
        rng.choice(["signed", "signed", "deliberation", "both"]) if style == "dossier" else "signed")
    plan = Plan(key=key, how=how, style=style, applicant=applicant, executive=executive, day=day,
                expertise=expertise if expertise_state == "ok" else [],
                expertise_state=expertise_state, basis=basis, basis_state=basis_state,
                partner=(partner_name, pcity, country), meae=o.get("meae", "ok"),
                inform=o.get("inform", "ok"), experts=[], experts_state=experts_state,
                experts_as=experts_as, signature=signature,
                undecided_as=o.get("undecided_as", "text"),
                referent=pool.draw(), daect_contact=pool.draw() if rng.random() < 0.5 else None,
                cited=pool.draw() if rng.random() < 0.4 else None, councillors=[], rapporteur=None,
                y1=y1, y2=y2)
    if experts_state == "ok":
        people_scopes = chosen if expertise_state == "ok" else [scopes.GENERIC]
        plan.experts = make_experts(rng, plan, pool, o, people_scopes)
    if signature in ("deliberation", "both"):
        plan.councillors = [pool.draw() for _ in range(rng.randint(4, 7))]
        plan.rapporteur = pool.draw() if rng.random() < 0.6 else None
    plan.deliberation_scan = o.get("deliberation_scan", False)
    return plan


def make_experts(rng: random.Random, plan: Plan, pool: PeoplePool, o: dict,
                 chosen: list[scopes.Scope]) -> list[Expert]:
    a = plan.applicant
    quals = QualificationDraws(rng, plan.basis_state == "ok", a.name)
    n = rng.choice([1, 2, 2, 3, 3, 3, 4, 5])
    if o.get("function") or o.get("quals") or o.get("eligible"):
        n = max(n, 2)
    experts: list[Expert] = []
    # Functions and elected titles are drawn without replacement: no two experts share one.
    agent_fns = {sc.key: rng.sample(sc.agents, len(sc.agents)) for sc in chosen}
    partner_fns = {sc.key: rng.sample([(org, fn) for org, fns in sc.partners for fn in fns],
                                      sum(len(fns) for _, fns in sc.partners)) for sc in chosen}
    outsider_fns = rng.sample(OUTSIDER_STAFF[a.staff_kind][0], len(OUTSIDER_STAFF[a.staff_kind][0])) \
        if not a.eligible else []
    titles_left = list(range(len(ELECTED_FORMS.get(a.type, []))))
    if o.get("exec_expert"):
        experts.append(_exec_expert(rng, plan, chosen[0]))
    for i in range(n - len(experts)):
        sc = chosen[i % len(chosen)]
        person = pool.draw()
        if not a.eligible:
            category = OUTSIDER_STAFF[a.staff_kind][1]
            masc, fem = outsider_fns[i % len(outsider_fns)]
            experts.append(_expert(rng, quals, person, person.g(masc, fem), category, a.name, sc))
            continue
        roll = rng.random()
        wants_elected = roll < (0.5 if a.type == "association_elus" else 0.2)
        if wants_elected and titles_left:
            title = a.elected_title(person.gender, sc.a, sc.de, rng.choice(MEMBER_COMMUNES),
                                    titles_left.pop(rng.randrange(len(titles_left))))
            experts.append(_expert(rng, quals, person, title, "elu", a.name, sc, elected=True))
        elif (roll < 0.75 or not partner_fns[sc.key]) and agent_fns[sc.key]:
            masc, fem = agent_fns[sc.key].pop()
            # An association's experts are agents of its member collectivités.
            org = member_town(rng) if a.type == "association_elus" else a.name
            experts.append(_expert(rng, quals, person, person.g(masc, fem), "agent", org, sc))
        elif partner_fns[sc.key]:
            org, (masc, fem) = partner_fns[sc.key].pop()
            exp = _expert(rng, quals, person, person.g(masc, fem), "partenaire", org, sc)
            if "Médecin" in exp.function or "hospitalier" in org:
                exp.style = "dr" if rng.random() < 0.7 else exp.style
            if "Professeur" in exp.function and rng.random() < 0.5:
                exp.style = "pr"
            experts.append(exp)
    if "eligible" in o:
        masc, fem, org = rng.choice(AUTRE_PROFILES[o["eligible"]])
        target = experts[-1]
        target.function = target.person.g(masc, fem)
        target.category = "autre"
        target.organisation = org
        target.qualifications, target.diploma = quals.draw(target.person, chosen[0], elected=False)
        plan.notes.append("un expert n'est ni élu, ni agent, ni personnel d'un partenaire territorial")
    fstate = o.get("function")
    if fstate:
        # Never the ineligible one: its function is what shows it is ineligible.
        candidates = [e for e in experts[1:] or experts if e.category != "autre"]
        victim = rng.choice(candidates)
        victim.function_state = fstate
        plan.notes.append(f"fonction d'un expert : {fstate}")
    q = o.get("quals")
    if q == "absent_all":
        for e in experts:
            e.qual_state = "absent"
        plan.notes.append("aucune qualification indiquée")
    elif q:
        victim = experts[0] if not fstate else experts[rng.randrange(len(experts))]
        victim.qual_state = q
        plan.notes.append(f"qualifications d'un expert : {q}")
    return experts


def _exec_expert(rng: random.Random, plan: Plan, sc: scopes.Scope) -> Expert:
    a, p = plan.applicant, plan.executive
    title = a.executive(p.gender)
    function = title[3:] if title.startswith(("Le ", "La ")) else title
    function = f"{ucfirst(function)} {a.of_the}" if a.type == "commune" else ucfirst(function)
    quals = p.g(f"Élu depuis {rng.randint(2001, 2014)}, ancien ingénieur {sc.field.replace('dans ', 'spécialisé dans ')}",
                f"Élue depuis {rng.randint(2001, 2014)}, ancienne ingénieure {sc.field.replace('dans ', 'spécialisée dans ')}")
    plan.notes.append("le signataire figure aussi parmi les experts")
    return Expert(p, function, "ok", "elu", a.name, quals, "ok", "civ_upper")


class QualificationDraws:
    """Qualification phrasings and diplomas drawn without replacement within a
    dossier (refilled when exhausted), so that experts do not read alike."""

    def __init__(self, rng: random.Random, international: bool, applicant: str):
        self.rng, self.applicant = rng, applicant
        plain = scopes.QUALIFICATIONS if international else [scopes.QUALIFICATIONS[i] for i in (0, 2, 3)]
        elected = scopes.ELECTED_QUALIFICATIONS if international else scopes.ELECTED_QUALIFICATIONS[:2]
        self.banks = {"plain": plain, "elected": elected}
        self.left: dict[str, list] = {}

    def _pop(self, key: str, bank: list):
        if not self.left.get(key):
            self.left[key] = self.rng.sample(bank, len(bank))
        return self.left[key].pop()

    def draw(self, person: Person, sc: scopes.Scope, elected: bool) -> tuple[str, str]:
        masc, fem = self._pop("elected" if elected else "plain", self.banks["elected" if elected else "plain"])
        diploma = self._pop(sc.key, list(sc.diplomas))
        quals = person.g(masc, fem or masc).format(
            dip=diploma, n=self.rng.randint(6, 25), k=self.rng.randint(2, 6), field=sc.field,
            country_en=self.rng.choice(COUNTRIES).en, y=self.rng.randint(2008, 2020))
        return quals, diploma


def _expert(rng: random.Random, quals: QualificationDraws, person: Person, function: str, category: str,
            org: str | None, sc: scopes.Scope, elected: bool = False) -> Expert:
    text, diploma = quals.draw(person, sc, elected)
    return Expert(person, function, "ok", category, org, text, "ok", rng.choice(NAME_STYLES), diploma,
                  quals.applicant)


# --------------------------------------------------------------------------- writing

HEADINGS = {
    "presentation": ["Présentation de la collectivité", "Présentation du candidat", "La collectivité",
                     "Présentation générale"],
    "expertise": ["Compétences et savoir-faire", "Expertise proposée", "Domaine d'expertise",
                  "Compétences et savoir-faire visés", "Objet de la candidature"],
    "basis": ["Expérience et références", "Fondement de l'expertise", "Références",
              "Une expertise éprouvée", "Actions menées"],
    "experts": ["Les experts mobilisables", "Équipe", "Experts proposés", "Personnes ressources",
                "Composition de l'équipe d'experts"],
    "engagements": ["Engagements", "Engagements de la collectivité", "Perspective internationale et engagements",
                    "Nos engagements"],
}
NUMBERING = [lambda i: f"{i}. ", lambda i: f"{['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'][i - 1]}. ",
             lambda i: f"{'ABCDEFG'[i - 1]}. ", lambda i: "", lambda i: f"{i}) "]

MEAE_OK = [
    "Cette candidature s'inscrit dans la perspective du développement de notre action internationale : "
    "{the} accepte de travailler avec le ministère de l'Europe et des Affaires étrangères dans le cadre "
    "des missions qui pourraient lui être proposées.",
    "Dans la perspective d'une action internationale renforcée, {short} se tient à la disposition du "
    "MEAE et accepte de participer aux missions d'expertise que le ministère pourrait lui proposer.",
    "Notre démarche s'inscrit pleinement dans une perspective internationale ; nous acceptons de "
    "travailler avec le ministère de l'Europe et des Affaires étrangères sur les missions qui pourraient "
    "nous être confiées.",
]
MEAE_PARTIAL = [
    "Cette démarche s'inscrit pleinement dans la stratégie internationale adoptée par notre assemblée "
    "en {y2}, qui fait de la solidarité internationale un axe prioritaire de notre action.",
    "Le label viendrait consolider la dimension internationale de notre action et renforcer la "
    "visibilité de nos savoir-faire auprès de nos partenaires.",
]
MEAE_CHECK = ("{Short} sollicite le label dans la perspective d'une action internationale et accepte de "
              "travailler avec le MEAE dans le cadre des missions qui pourraient lui être proposées.")
INFORM_OK = [
    "{The} s'engage à informer la DAECT de toute sollicitation dont {pron} serait l'objet en raison de son label.",
    "Nous nous engageons par ailleurs à tenir informée la DAECT de toute sollicitation reçue au titre du label EXPE-CT.",
    "Conformément au règlement du programme, {short} informera la DAECT de toute demande qui lui "
    "serait adressée du fait de ce label.",
]
INFORM_CHECK = ("{Short} s'engage à informer la DAECT de toute sollicitation dont {pron} serait l'objet "
                "en raison de son label.")


def pron(a: Applicant) -> str:
    return "il" if a.short.startswith("le ") else "elle"


def render_statement(plan: Plan, templates: list[str], rng: random.Random) -> str:
    a = plan.applicant
    return ucfirst(rng.choice(templates).format(the=a.the, The=ucfirst(a.the), short=a.short,
                                                Short=ucfirst(a.short), pron=pron(a), y2=plan.y2))


def undecided_blocks(plan: Plan, rng: random.Random) -> list:
    """What sits under a heading whose content is undecided."""
    return [] if plan.undecided_as == "empty" else [Para(rng.choice(UNDECIDED))]


def expertise_blocks(plan: Plan, rng: random.Random, heading) -> list:
    if plan.expertise_state == "absent":
        return []
    out = [heading("expertise")]
    if plan.expertise_state == "undecided":
        return out + undecided_blocks(plan, rng)
    if len(plan.expertise) > 1 or rng.random() < 0.5:
        for i, (label, _, sc) in enumerate(plan.expertise, 1):
            out.append(Heading(f"Expertise {i} : {label}" if len(plan.expertise) > 1 else label, 2,
                               rng.choice(["style", "bold"])))
            out.append(Para(scopes.DESCRIPTION[label]))
    else:
        label, _, sc = plan.expertise[0]
        out.append(Para(f"{ucfirst(plan.applicant.the)} sollicite le label EXPE-CT pour son expertise en "
                        f"matière de « {label} ». {scopes.DESCRIPTION[label]}"))
    if plan.cited:
        label = plan.expertise[0][0]
        out.append(Para(f"L'étude publiée en {plan.y2} par {plan.cited.written(rng.choice(['civ', 'civ_upper', 'plain']))}, "
                        f"chercheu{'se' if plan.cited.gender == 'f' else 'r'} à l'Institut de recherche pour le "
                        f"développement, consacrée au thème « {label} » dans les villes du Sud, souligne "
                        f"d'ailleurs l'ampleur des besoins."))
    return out


def basis_sentences(plan: Plan, rng: random.Random) -> list[str]:
    out = []
    a = plan.applicant
    sc = plan.expertise[0][2] if plan.expertise else rng.choice(scopes.SCOPES)
    if plan.basis in ("territory", "both"):
        templates = scopes.ASSOCIATION_TERRITORY if a.type == "association_elus" else sc.territory
        out.append(fill(rng.choice(templates), plan, sc))
    if plan.basis in ("cooperation", "both"):
        templates = scopes.OUTSIDER_COOPERATION if not a.eligible else sc.cooperation
        out.append(fill(rng.choice(templates), plan, sc))
    return out


def basis_blocks(plan: Plan, rng: random.Random, heading) -> list:
    if plan.basis_state == "absent":
        return []
    out = [heading("basis")]
    if plan.basis_state == "undecided":
        return out + undecided_blocks(plan, rng)
    return out + [Para(s) for s in basis_sentences(plan, rng)]


def expert_name(e: Expert) -> str:
    return e.person.written(e.style)


def experts_blocks(plan: Plan, rng: random.Random, heading, intro: bool = True) -> list:
    """The experts in the plan's chosen presentation."""
    if plan.experts_state == "absent":
        services = ", ".join(sorted({lcfirst(sc.agents[0][0]).replace("directeur", "direction")
                                     for _, _, sc in plan.expertise})) or "services techniques"
        return [Para(f"Les services de {plan.applicant.short} ({services}) seront mobilisés en fonction "
                     f"des besoins exprimés par les collectivités partenaires.")]
    out = [heading("experts")]
    if plan.experts_state == "undecided":
        return out + ([Para("Experts mobilisables : à définir.")] if plan.undecided_as == "text" else [])
    how = plan.experts_as
    if intro and how not in ("form", "cv"):
        n = len(plan.experts)
        out.append(Para(rng.choice([
            f"{ucfirst(plan.applicant.short)} pourra mobiliser {'l’expert suivant' if n == 1 else f'les {n} experts suivants'} :",
            "Les experts auxquels il pourra être fait appel sont les suivants :",
            f"L'équipe proposée réunit {n} personne{'s' if n > 1 else ''} :"])))
    if how == "table":
        out.append(experts_table(plan, rng))
    elif how == "list":
        out.append(Bullets([expert_line(e, rng) for e in plan.experts], marker=rng.choice(["•", "–", "-"])))
    elif how == "prose":
        out += [Para(expert_sentence(e, rng, i, len(plan.experts) == 1)) for i, e in enumerate(plan.experts)]
    elif how == "form":
        out += experts_form(plan, rng)
    elif how == "cv":
        out.append(Para("Les curriculum vitae des experts mobilisables sont joints au présent dossier."))
    return out


def experts_table(plan: Plan, rng: random.Random) -> Table:
    drop_quals = all(e.qual_state == "absent" for e in plan.experts)
    variant = rng.randrange(4)
    if variant == 0:
        header = ["Nom", "Prénom", "Fonction", "Qualifications"]
        rows = [[e.person.last_upper if rng.random() < 0.7 else e.person.last, e.person.first,
                 ucfirst(e.fn_text()) + e.org_suffix() if e.fn_text() else "", ucfirst(e.q_text())]
                for e in plan.experts]
    elif variant == 1:
        header = ["Nom et prénom", "Fonction / service", "Expérience"]
        rows = [[e.person.written("upper_first"), ucfirst(e.fn_text()) + e.org_suffix() if e.fn_text() else "",
                 ucfirst(e.q_text())] for e in plan.experts]
    elif variant == 2:
        header = ["Expert", "Fonction", "Organisme", "Qualifications particulières"]
        rows = [[expert_name(e), ucfirst(e.fn_text()), (e.organisation if e.stated else "") or "",
                 ucfirst(e.q_text())]
                for e in plan.experts]
    else:
        header = ["Identité", "Fonction et employeur", "Diplômes et expérience"]
        rows = [[e.person.written("civ_upper"),
                 (ucfirst(e.fn_text()) + (f", {e.organisation}" if e.organisation and e.stated else ""))
                 if e.fn_text() else "",
                 ucfirst(e.q_text())] for e in plan.experts]
    if drop_quals:
        header, rows = header[:-1], [r[:-1] for r in rows]
    return Table([header] + rows, header=True, ruled=rng.random() < 0.8)


def expert_line(e: Expert, rng: random.Random) -> str:
    name = expert_name(e)
    fn = e.fn_text(lower=rng.random() < 0.5)
    q = e.q_text()
    parts = name + (f", {fn}{e.org_suffix()}" if fn else e.org_suffix())
    if q:
        parts += rng.choice([f" – {q}", f" : {lcfirst(q)}", f" ({lcfirst(q)})"])
    return parts


def expert_sentence(e: Expert, rng: random.Random, i: int, alone: bool) -> str:
    name = expert_name(e)
    fn = e.fn_text(lower=True)
    q = e.q_text()
    fem = e.person.gender == "f"
    org = e.org_suffix()
    if i == 0:
        head = f"{name}, {fn}{org}" if fn else f"{name}{org}"
        role = ("coordonnera l'intervention des experts" if alone is False else
                f"interviendra en qualité d'expert{'e' if fem else ''}")
        return f"{head}{', ' + lcfirst(q) if q else ''}, {role}."
    lead = rng.choice(["Sera également mobilisé" + ("e" if fem else ""), "Interviendra aussi",
                       "L'équipe comprend en outre"])
    tail = f", {fn}{org}" if fn else org
    if not q:
        return f"{lead} {name}{tail}."
    return f"{lead} {name}{tail}" + rng.choice([f", {lcfirst(q)}.", f" ({lcfirst(q)}).",
                                                f". Qualifications : {lcfirst(q)}."])


def experts_form(plan: Plan, rng: random.Random) -> list:
    out = []
    for i, e in enumerate(plan.experts, 1):
        fn_cell = (Ctl(None) if e.function_state in ("placeholder", "absent") else
                   Ctl("À définir") if e.function_state == "undecided" else
                   Ctl(e.function + (f" – {e.organisation}" if e.org_suffix() else "")))
        q_cell = (Ctl(None) if e.qual_state == "absent" else
                  Ctl("À préciser") if e.qual_state == "undecided" else Ctl(e.qualifications))
        out += [Para(f"Expert n° {i}", bold=True, align="left"),
                Table([["Nom", Ctl(e.person.last_upper)], ["Prénom", Ctl(e.person.first)],
                       ["Fonction", fn_cell], ["Qualifications particulières", q_cell]],
                      header=False, widths=[1, 2.5])]
    return out


def engagement_blocks(plan: Plan, rng: random.Random, heading, as_checks: bool) -> list:
    """MEAE and DAECT commitments, as paragraphs or tick boxes."""
    out = []
    glyph = rng.choice(["☒", "☑", "☒"])
    control = rng.random() < 0.7
    items = []
    for what, state in (("meae", plan.meae), ("inform", plan.inform)):
        ok_t, check_t = (MEAE_OK, MEAE_CHECK) if what == "meae" else (INFORM_OK, INFORM_CHECK)
        if state == "ok":
            items.append(Check(render_statement(plan, [check_t], rng), True, glyph, control)
                         if as_checks else Para(render_statement(plan, ok_t, rng)))
        elif state == "unticked":
            items.append(Check(render_statement(plan, [check_t], rng), False, glyph, control))
        elif state == "placeholder":
            label = ("Perspective internationale et engagement auprès du MEAE" if what == "meae"
                     else "Engagement d'information de la DAECT")
            items.append(Field(label, Ctl(None)))
        elif state == "partial":
            items.append(Para(render_statement(plan, MEAE_PARTIAL, rng)))
        elif state == "undecided" and plan.undecided_as == "text":
            items.append(Para(("Engagement auprès du MEAE : " if what == "meae" else
                               "Information de la DAECT : ") + rng.choice(UNDECIDED).lower()))
    if not items and not (plan.meae == "undecided" or plan.inform == "undecided"):
        return []
    out.append(heading("engagements"))
    return out + items


def signature_block(plan: Plan, rng: random.Random, fait: bool = True) -> list:
    """Date and signature, following plan.signature."""
    a, p = plan.applicant, plan.executive
    lines = writing.signature_lines(rng, a, p)
    if plan.signature in ("signed", "both"):
        return [Signature(lines, writing.place_date(rng, a.city, plan.day, fait), signed=True,
                          stamp=writing.stamp(a) if rng.random() < 0.5 else None)]
    if plan.signature == "signed_undated":
        return [Signature(lines, None, signed=True)]
    if plan.signature == "unsigned":
        return [Signature([lines[0], ""], writing.place_date(rng, a.city, plan.day, fait), signed=False)]
    return []


def make_heading(rng: random.Random, numbering, look: str, used: dict):
    counter = [0]

    def heading(section: str) -> Heading:
        counter[0] += 1
        text = used.setdefault(section, rng.choice(HEADINGS[section]))
        if section == "presentation" and used.get("_assoc"):
            text = "Présentation de l'association" if "collectivité" in text else text
        return Heading(numbering(counter[0]) + text, 1, look)
    return heading


def presentation_blocks(plan: Plan, rng: random.Random, heading) -> list:
    a = plan.applicant
    text = (f"{ucfirst(a.the)} compte {a.size} ; ses services rassemblent {a.staff}."
            if a.type not in ("association_elus", "autre") else f"{ucfirst(a.the)} : {a.size}, {a.staff}.")
    if a.type == "association_elus":
        text = f"{ucfirst(a.the)} regroupe {a.size} ; son équipe permanente compte {a.staff}."
    return [heading("presentation"), Para(text)]


def contact_para(plan: Plan, rng: random.Random) -> list:
    out = []
    ref = plan.referent
    out.append(Para(f"Contact : {ref.written(rng.choice(['civ', 'civ_upper']))}, "
                    f"{ref.g('chargé', 'chargée')} de mission relations internationales – "
                    f"{writing.email_of(ref, plan.applicant)}", align="left", size=9))
    return out


def daect_mention(plan: Plan, rng: random.Random) -> list:
    if not plan.daect_contact:
        return []
    c = plan.daect_contact
    return [Para(f"Nous avons eu l'occasion de présenter ce projet à {c.written(rng.choice(['civ', 'civ_upper']))}, "
                 f"{c.g('chargé', 'chargée')} de mission à la DAECT, lors des dernières Assises de la coopération "
                 f"décentralisée.")]


# --- documents

def letter_doc(plan: Plan, rng: random.Random, full: bool) -> Doc:
    """A cover letter; `full` puts the whole dossier in it (single-file letters)."""
    a = plan.applicant
    head, _ = writing.letterhead(rng, a, plan.referent, writing.reference(rng, plan.day))
    salutation, civ = rng.choice(writing.ADDRESSEES)
    label = plan.expertise[0][0] if plan.expertise else None
    top_date = plan.signature not in ("signed_undated", "none") and rng.random() < 0.5
    blocks = []
    if top_date:
        blocks.append(Para(writing.place_date(rng, a.city, plan.day, fait=False), align="right"))
    blocks += writing.addressee_block(rng, salutation)
    blocks.append(Spacer(0.4))
    objet = rng.choice(["Objet : Candidature au label EXPE-CT",
                        f"Objet : candidature {a.of_the} au label EXPE-CT",
                        "Objet : Demande de labellisation EXPE-CT"])
    if label and rng.random() < 0.4:
        objet += f" – {label}"
    blocks += [Para(objet, bold=True, align="left"), Para(salutation, align="left")]
    intro = (f"J'ai l'honneur de vous adresser la candidature {a.of_the} au label EXPE-CT"
             + (f", pour son expertise en matière de « {label} »." if label and full else "."))
    blocks.append(Para(rng.choice([intro, f"J'ai l'honneur de solliciter, au nom {a.of_the}, la "
                                          f"labellisation EXPE-CT" + (f" dans le domaine « {label} »." if label and full else ".")])))
    if full:
        def no_heading(section: str) -> Spacer:
            return Spacer(0.1)

        def body(blocks_: list) -> list:
            return [b for b in blocks_ if not isinstance(b, Spacer)]

        blocks.append(presentation_blocks(plan, rng, no_heading)[1])
        if plan.expertise_state == "ok":
            blocks += body(expertise_blocks(plan, rng, no_heading))
        elif plan.expertise_state == "undecided":
            blocks.append(Para("Le domaine d'expertise proposé reste à définir avec vos services."))
        if plan.basis_state == "ok":
            blocks += body(basis_blocks(plan, rng, no_heading))
        elif plan.basis_state == "undecided":
            blocks.append(Para("Nos références en la matière restent à compléter."))
        blocks += body(experts_blocks(plan, rng, no_heading))
    else:
        blocks.append(Para(rng.choice([
            "Vous trouverez ci-joint le dossier de candidature, qui présente notre expertise, "
            "les actions sur lesquelles elle repose et les experts mobilisables.",
            "Le dossier joint détaille les compétences proposées et l'équipe d'experts."])))
    blocks += [b for b in engagement_blocks(plan, rng, lambda s: Spacer(0.1), as_checks=False)
               if not isinstance(b, Spacer)]
    blocks += daect_mention(plan, rng)
    blocks.append(Para(rng.choice(writing.CLOSINGS).format(civ=civ)))
    sig = signature_block(plan, rng, fait=not top_date)
    if top_date and sig and isinstance(sig[0], Signature):
        sig[0].place_date = None
    blocks += sig
    if not full or plan.signature in ("deliberation", "both"):
        pj = ["formulaire de candidature" if plan.style == "form" else "dossier de candidature"] if not full else []
        if plan.signature in ("deliberation", "both"):
            pj.append(f"délibération du {a.assembly}")
        if plan.experts_as == "cv":
            pj.append("curriculum vitae des experts")
        if pj:
            blocks.append(Para("P.J. : " + ", ".join(pj), align="left", size=9))
    return Doc(blocks, letterhead=head, title="Candidature EXPE-CT", author=_author(plan, rng),
               font=rng.choice(["sans", "serif"]), french_styles=rng.random() < 0.5)


def dossier_doc(plan: Plan, rng: random.Random, with_signature: bool) -> Doc:
    a = plan.applicant
    numbering = rng.choice(NUMBERING)
    used = {"_assoc": a.type == "association_elus"}
    heading = make_heading(rng, numbering, rng.choice(["style", "style", "bold", "caps"]), used)
    blocks = [Para(rng.choice(["DOSSIER DE CANDIDATURE AU LABEL EXPE-CT",
                               "Candidature au label EXPE-CT", "Label EXPE-CT – Dossier de candidature"]),
                   bold=True, align="center", size=16),
              Para(a.name, align="center", bold=True, size=13),
              Para("Programme de valorisation de l'expertise des collectivités territoriales – "
                   "Ministère de l'Europe et des Affaires étrangères (DAECT)", align="center", italic=True, size=9),
              Spacer(0.6)]
    blocks += presentation_blocks(plan, rng, heading)
    blocks += expertise_blocks(plan, rng, heading)
    blocks += basis_blocks(plan, rng, heading)
    blocks += experts_blocks(plan, rng, heading)
    blocks += engagement_blocks(plan, rng, heading, as_checks=rng.random() < 0.3)
    blocks += daect_mention(plan, rng)
    blocks += contact_para(plan, rng)
    if with_signature:
        blocks += signature_block(plan, rng)
    return Doc(blocks, title="Dossier de candidature EXPE-CT", author=_author(plan, rng),
               footer=f"{a.name} – Candidature EXPE-CT", font=rng.choice(["sans", "serif"]),
               french_styles=rng.random() < 0.5)


def form_doc(plan: Plan, rng: random.Random, with_signature: bool) -> Doc:
    a = plan.applicant
    p = plan.executive
    blocks = [Para("MINISTÈRE DE L'EUROPE ET DES AFFAIRES ÉTRANGÈRES", align="center", bold=True, size=9),
              Para("Délégation pour l'action extérieure des collectivités territoriales", align="center", size=9),
              Spacer(0.3),
              Heading(rng.choice(["FORMULAIRE DE CANDIDATURE – LABEL EXPE-CT",
                                  "Formulaire de candidature au label EXPE-CT"]), 1, "style"),
              Para("Merci de compléter chacune des rubriques ci-dessous.", italic=True, size=9)]
    ref = plan.referent
    kind = {"commune": "Commune", "epci": "Établissement public de coopération intercommunale",
            "departement": "Département", "region": "Région",
            "association_elus": "Association d'élus / réseau de collectivités", "autre": "Autre"}[a.type]
    blocks += [Heading("1. Identification du candidat", 2, "style"),
               Table([["Dénomination", Ctl(a.name)], ["Nature juridique", Ctl(kind)],
                      ["Adresse", Ctl(a.address)],
                      ["Représentant légal", Ctl(f"{p.written('civ_upper')}, {a.executive(p.gender)[3:]}")],
                      ["Personne référente", Ctl(f"{ref.written('civ_upper')}, {ref.g('chargé', 'chargée')} de mission "
                                                 f"relations internationales – {writing.email_of(ref, a)}")]],
                     header=False, widths=[1, 2.5])]
    blocks.append(Heading("2. Expertise proposée", 2, "style"))
    if plan.expertise_state == "ok":
        rows = []
        for i, (label, _, sc) in enumerate(plan.expertise, 1):
            suffix = f" n° {i}" if len(plan.expertise) > 1 else ""
            rows += [[f"Intitulé de l'expertise{suffix}", Ctl(label)],
                     [f"Description des compétences et savoir-faire{suffix}", Ctl(scopes.DESCRIPTION[label])]]
        blocks.append(Table(rows, header=False, widths=[1, 2.5]))
    else:
        value = Ctl(None) if plan.expertise_state == "absent" else Ctl("À définir")
        blocks.append(Table([["Intitulé de l'expertise", value],
                             ["Description des compétences et savoir-faire", Ctl(None) if plan.expertise_state == "absent" else Ctl("À définir")]],
                            header=False, widths=[1, 2.5]))
    blocks.append(Heading("3. Fondement de l'expertise", 2, "style"))
    glyph = rng.choice(["☒", "☑"])
    coop = plan.basis in ("cooperation", "both")
    terr = plan.basis in ("territory", "both")
    blocks += [Check("Actions de coopération décentralisée", coop, glyph),
               Check("Exercice de la compétence sur le territoire de la collectivité", terr, glyph)]
    if plan.basis_state == "ok":
        blocks.append(Field("Précisez", Ctl(" ".join(basis_sentences(plan, rng)))))
    elif plan.basis_state == "undecided":
        blocks.append(Field("Précisez", Ctl("À compléter")))
    else:
        blocks.append(Field("Précisez", Ctl(None)))
    blocks.append(Heading("4. Experts mobilisables", 2, "style"))
    if plan.experts_state == "ok":
        blocks += experts_blocks(plan, rng, lambda s: Spacer(0.1), intro=False)[1:]
    elif plan.experts_state == "undecided":
        blocks.append(Field("Experts", Ctl("À définir")))
    else:
        blocks.append(Table([["Nom", Ctl(None)], ["Prénom", Ctl(None)], ["Fonction", Ctl(None)],
                             ["Qualifications particulières", Ctl(None)]], header=False, widths=[1, 2.5]))
    blocks.append(Heading("5. Engagements", 2, "style"))
    blocks += engagement_blocks(plan, rng, lambda s: Spacer(0.1), as_checks=True)[1:]
    blocks.append(Heading("6. Date et signature", 2, "style"))
    if with_signature and plan.signature in ("signed", "both"):
        blocks += [Field("Fait à", Ctl(a.city)), Field("Le", Ctl(dates.numeric(plan.day))),
                   Field("Nom et qualité du signataire", Ctl(f"{p.written('upper_last')}, {a.executive(p.gender)[3:]}")),
                   Signature(["Signature et cachet"], None, signed=True, stamp=writing.stamp(a))]
    elif with_signature and plan.signature == "signed_undated":
        blocks += [Field("Fait à", Ctl(a.city)), Field("Le", Ctl(None)),
                   Field("Nom et qualité du signataire", Ctl(f"{p.written('upper_last')}, {a.executive(p.gender)[3:]}")),
                   Signature(["Signature et cachet"], None, signed=True)]
    else:
        blocks += [Field("Fait à", Ctl(None)), Field("Le", Ctl(None)),
                   Field("Nom et qualité du signataire", Ctl(None))]
    return Doc(blocks, title="Formulaire de candidature EXPE-CT", author="DAECT",
               font="sans", footer="Formulaire EXPE-CT – version 2021")


def _author(plan: Plan, rng: random.Random) -> str:
    ref = plan.referent
    return rng.choice([f"{ref.first[0].lower()}{ref.last.lower().replace(' ', '')}", "Relations internationales",
                       "Utilisateur Windows"])


def deliberation_doc(plan: Plan, rng: random.Random) -> Doc:
    a = plan.applicant
    label = plan.expertise[0][0] if plan.expertise else None
    rap_title = ""
    if plan.rapporteur:
        rap_title = a.elected_title(plan.rapporteur.gender, "à l'action internationale",
                                    "de l'action internationale", "", 0) if a.type in (
            "commune", "epci", "departement", "region") else "administrat" + plan.rapporteur.g("eur", "rice")
    d = plan.day - timedelta(days=rng.randint(10, 60))
    return writing.deliberation(rng, a, plan.executive, d, plan.councillors, plan.rapporteur,
                                lcfirst(rap_title), label, plan.meae == "ok")


def cv_docs(plan: Plan, rng: random.Random) -> list[tuple[str, Doc]]:
    out = []
    for e in plan.experts:
        sc = plan.expertise[0][2] if plan.expertise else scopes.GENERIC
        country = rng.choice(COUNTRIES).en if plan.basis_state == "ok" else None
        fn = e.function if e.function_state == "ok" else None
        doc = writing.cv(rng, e.person, fn, e.organisation, e.qualifications if e.qual_state == "ok" else None,
                         e.diploma or sc.diplomas[0], sc.field, country,
                         writing.email_of(e.person, plan.applicant) if e.category in ("elu", "agent") else None)
        out.append((f"cv-{slug(e.person.last, 2)}", doc))
    return out


# --------------------------------------------------------------------------- assembling

def build(plan: Plan, seed: int) -> Submission:
    rng = random.Random(f"{seed}:{plan.key}:write")
    a = plan.applicant
    base = f"{plan.key}-{slug(a.name)}"
    suffix = rng.choice(["", "", "-candidature", "-expe-ct", "-dossier"])
    pieces: list[PieceSpec] = []
    deliberation = plan.signature in ("deliberation", "both")
    if plan.how in ("folder", "zip"):
        container = plan.how
        name = base + suffix + (".zip" if container == "zip" else "")
        letter_how = rng.choice(["docx", "pdf", "pdf-lo"])
        pieces.append(PieceSpec(rng.choice(["01-lettre-candidature", "lettre_candidature", "Courrier DAECT"])
                                + _ext(letter_how), letter_doc(plan, rng, full=False), letter_how))
        main_how = rng.choice(["docx", "docx", "pdf", "pdf-lo"])
        main = form_doc(plan, rng, False) if plan.style == "form" else dossier_doc(plan, rng, False)
        if plan.style == "letter":
            main = dossier_doc(plan, rng, False)
        pieces.append(PieceSpec(rng.choice(["02-dossier-candidature", "Formulaire EXPE-CT", "annexe-dossier"])
                                + _ext(main_how), main, main_how))
        if deliberation:
            d_how = "scan" if plan.deliberation_scan or rng.random() < 0.4 else "pdf"
            pieces.append(PieceSpec(f"03-délibération-{plan.day.year}.pdf", deliberation_doc(plan, rng), d_how))
        # CVs come as pieces when they are how experts are presented, and often
        # besides: only when they add nothing the dossier lacks (no defect hidden).
        all_stated = plan.experts_state == "ok" and all(
            e.function_state == "ok" and e.qual_state == "ok" for e in plan.experts)
        if plan.experts_as == "cv" or (all_stated and rng.random() < 0.5):
            sub = rng.choice(["", "CV/", "annexes/"])
            for stem, doc in cv_docs(plan, rng):
                cv_how = rng.choice(["docx", "pdf", "pdf-lo"])
                pieces.append(PieceSpec(sub + stem + _ext(cv_how), doc, cv_how))
        junk = rng.sample([".DS_Store", "Thumbs.db", "~$ttre_candidature.docx", "__MACOSX/._lettre.pdf"],
                          rng.randint(0, 2))
        if container == "folder":
            junk = [j for j in junk if not j.startswith("__MACOSX")]
    else:
        container = "file"
        how = {"pdf2": "pdf"}.get(plan.how, plan.how)
        doc = (letter_doc(plan, rng, full=True) if plan.style == "letter" else
               dossier_doc(plan, rng, True) if plan.style == "dossier" else form_doc(plan, rng, True))
        if plan.how == "pdf2":
            doc.layout = "two-column"
        if deliberation:
            delib = deliberation_doc(plan, rng)
            doc.blocks += [PageBreak()] + delib.blocks
        name = base + suffix + _ext(how)
        pieces.append(PieceSpec(name, doc, how))
        junk = []
    return Submission(name, "candidature", container, pieces, candidature_truth(plan, name, pieces),
                      junk)


def _ext(how: str) -> str:
    return {"docx": ".docx", "pdf": ".pdf", "pdf-lo": ".pdf", "odt": ".odt", "doc": ".doc",
            "scan": ".pdf"}[how]


def candidature_checks(plan: Plan) -> dict[str, str]:
    checks = {
        "applicant.eligible": "pass" if plan.applicant.eligible else "fail",
        "expertise.described": truth.statement(plan.expertise_state),
        "expertise.basis": truth.statement(plan.basis_state),
        "commitment.meae": truth.statement(plan.meae),
    }
    checks.update(truth.expert_checks(plan.experts_state, [e.function_state for e in plan.experts],
                                      [e.qual_state for e in plan.experts],
                                      [e.truth()["category"] for e in plan.experts]))
    checks["commitment.inform_daect"] = truth.statement(plan.inform)
    checks["signature"] = truth.signature_status(plan.signature)
    return {cid: checks[cid] for cid in truth.CANDIDATURE_CHECKS}


def mentioned(person, text: str) -> bool:
    """Whether the pieces name this person (first name and surname as words, any case)."""
    low = text.lower()
    return all(re.search(rf"(?<![\w-]){re.escape(part.lower())}(?![\w-])", low)
               for part in (person.first, person.last))


def candidature_truth(plan: Plan, name: str, pieces: list[PieceSpec]) -> dict:
    checks = candidature_checks(plan)
    experts = {e.person.name for e in plan.experts}
    text = " ".join(p.doc.plain_text() for p in pieces)
    not_experts = [p.name for p in [plan.executive, plan.referent, plan.daect_contact, plan.cited,
                                    plan.rapporteur, *plan.councillors]
                   if p is not None and p.name not in experts and mentioned(p, text)]
    scanned = [p for p in pieces if p.how == "scan"]
    return {
        "submission": f"samples/dossiers/{name}", "kind": "candidature", "status": "ok",
        "error_code": None, "formats": sorted({p.format for p in pieces}),
        "ocr": bool(scanned), "pieces": [{"file": p.file, "format": p.format, "ocr": p.ocr} for p in pieces],
        "applicant": {"name": plan.applicant.name, "type": plan.applicant.type,
                      "aliases": list(plan.applicant.aliases)},
        "expertise": [{"label": label, "themes": list(themes)} for label, themes, _ in plan.expertise],
        "basis": plan.basis if plan.basis_state == "ok" else None,
        "experts": [e.truth() for e in plan.experts],
        "not_experts": not_experts,
        "mission": None,
        "checks": checks,
        "verdict": truth.verdict("candidature", checks),
        "defects": truth.defects(checks),
        "writing": {"style": plan.style, "experts_as": plan.experts_as if plan.experts_state == "ok" else None,
                    "layout": "two-column" if plan.how == "pdf2" else "single",
                    "undecided_as": plan.undecided_as,
                    "pieces": [p.file for p in pieces]},
        "ocr_reference": f"samples/truth/{name}.ocr.txt" if scanned else None,
        "notes": plan.notes + _state_notes(plan),
    }


def _state_notes(plan: Plan) -> list[str]:
    notes = []
    for label, state in (("expertise", plan.expertise_state), ("fondement", plan.basis_state),
                         ("engagement MEAE", plan.meae), ("information DAECT", plan.inform),
                         ("experts", plan.experts_state)):
        if state != "ok":
            notes.append(f"{label} : {state}")
    if plan.signature != "signed":
        notes.append(f"signature : {plan.signature}")
    return notes


def shuffled_eligible(seed: int, salt: str) -> list[Applicant]:
    eligible = [a for a in APPLICANTS if a.eligible]
    random.Random(f"{seed}:{salt}").shuffle(eligible)
    return eligible


def build_all(seed: int, pool: PeoplePool) -> list[Submission]:
    eligible = shuffled_eligible(seed, "applicants")
    out = []
    for i, recipe in enumerate(RECIPES, 1):
        plan = plan_candidature(f"c{i:02d}", recipe, seed, pool, eligible)
        out.append(build(plan, seed))
    return out
