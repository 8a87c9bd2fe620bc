"""Shapes of writing seen in a corpus written by other people that the first
recipes lack (see candidature.py and rapport.py for those).

Each builder writes one submission in a shape of its own:

  c50  a newsletter supplement standing as the dossier: two columns, a running
       header, bold phrases inside justified paragraphs, experts introduced as
       "Trois visages, une équipe" paragraphs;
  c51  a Démarches-simplifiées export: a label on one line, its value on the
       next, empty fields, "Expert nº 2" sub-headings, ☑/☐ boxes;
  c52  another online-form export: label and value side by side in unruled
       tables, an unticked commitment, a function left empty;
  c53  a long dossier (10+ pages): sommaire, president's letter, the bureau of
       the agglomeration with its mandates, member communes and their mayors,
       annexes (cooperations with foreign contacts, budget, press review, the
       délibération with its attendance list) — people in annexes are not experts;
  c54  an association of elected officials named with its acronym in brackets,
       whose bureau table lists an expert among other officers, and whose board
       minutes "désigne comme experts";
  c55  a ZIP whose délibération is where the experts are named ("DÉSIGNE Mme X,
       …, et M. Y, …, comme experts"), their qualifications in attached CVs;
  r28  a report whose sections are listed in a sommaire, then written with run-in
       titles ("Action complémentaire. Oui. …"), naming hosts and an interpreter;
  r29  a ZIP: the report and a cover letter dated later than the report;
  r30  a hosted delegation with the hosting team, an interpreter, a driver and
       the mayor around the two delegates;
  r31  a sending mission with a "Composition de la mission" list, a local
       interpreter, and annex tables (programme with interlocutors, people met,
       expenses), eight days long.

Built after every other submission, from their own seeded Random and from the
shared people pools, so that the first samples do not change.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from . import dates, scopes, truth, writing
from .applicants import Applicant, _a, of_place
from .candidature import (INFORM_OK, MEAE_OK, Expert, QualificationDraws, lcfirst, member_town,
                          mentioned, ucfirst)
from .doc import (Bullets, Check, Doc, Heading, Letterhead, PageBreak, Para, Signature, Spacer,
                  Table)
from .people import PeoplePool, Person
from .rapport import EMBASSY, FOREIGN_FUNCTIONS, Member
from .spec import PieceSpec, Submission, slug
from .world import COUNTRY, ForeignPool, partner_the

LUMBRES = _a("Communauté de communes du Pays de Lumbres", "epci", "la ", "Lumbres",
             "1, rue François-Mitterrand – 62380 Lumbres", "36 communes et 24 000 habitants",
             "160 agents", "la Communauté de communes", ["CCPL"], dep="62")
SEVRE = _a("Syndicat mixte du bassin de la Sèvre nantaise", "epci", "le ", "Clisson",
           "Espace Sèvre – 4, rue Émile-Gabory – 44190 Clisson", "150 communes et 350 000 habitants",
           "45 agents", "le Syndicat", ["EPTB Sèvre nantaise", "SMBSN"], sub="syndicat", dep="44")
CORREZE = _a("Département de la Corrèze", "departement", "le ", "Tulle",
             "Hôtel du Département Marbot – 9, rue René-et-Émile-Fage – 19000 Tulle", "240 000 habitants",
             "1 700 agents", "le Département", ["Conseil départemental de la Corrèze", "CD 19"], dep="19")
DAX = _a("Communauté d'agglomération du Grand Dax", "epci", "la ", "Dax",
         "20, avenue de la Gare – 40100 Dax", "20 communes et 58 000 habitants", "600 agents",
         "l'Agglomération", ["Grand Dax"], dep="40")
AEMMC = _a("Association des élus de la montagne du Massif central", "association_elus", "l'",
           "Clermont-Ferrand", "Maison des collectivités – 13, rue Blatin – 63000 Clermont-Ferrand",
           "214 communes, 18 intercommunalités et 4 départements", "5 salariés", "l'association",
           ["AEMMC"], dep="63")
SAINT_BRIEUC = _a("Ville de Saint-Brieuc", "commune", "la ", "Saint-Brieuc",
                  "Place du Général-de-Gaulle – 22000 Saint-Brieuc", "44 000 habitants", "1 050 agents",
                  "la Ville", ["Mairie de Saint-Brieuc"], dep="22")
PERIGUEUX = _a("Ville de Périgueux", "commune", "la ", "Périgueux", "23, rue du Président-Wilson – 24000 Périgueux",
               "30 000 habitants", "720 agents", "la Ville", dep="24")
DUNKERQUE = _a("Communauté urbaine de Dunkerque", "epci", "la ", "Dunkerque",
               "Pertuis de la Marine – 59140 Dunkerque", "17 communes et 195 000 habitants",
               "1 600 agents", "la Communauté urbaine", ["CUD"], dep="59")
MULHOUSE = _a("Ville de Mulhouse", "commune", "la ", "Mulhouse", "2, rue Pierre-et-Marie-Curie – 68100 Mulhouse",
              "108 000 habitants", "2 300 agents", "la Ville", dep="68")
GRAND_EST = _a("Région Grand Est", "region", "la ", "Strasbourg", "1, place Adrien-Zeller – 67000 Strasbourg",
               "5,5 millions d'habitants", "7 500 agents", "la Région", ["Conseil régional du Grand Est"], dep="67")

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def month_year(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def fill(template: str, a: Applicant, sc: scopes.Scope, y1: int, y2: int, partner: str, pcity: str,
         country) -> str:
    return ucfirst(template.format(the=a.the, The=ucfirst(a.the), short=a.short, Short=ucfirst(a.short),
                                   size=a.size, y1=y1, y2=y2, partner=partner_the(partner), pcity=pcity,
                                   country=country.name, country_en=country.en, field=sc.field))


def statement(templates: list[str], a: Applicant, rng: random.Random, y2: int = 2020) -> str:
    pron = "il" if a.short.startswith("le ") else "elle"
    return ucfirst(rng.choice(templates).format(the=a.the, The=ucfirst(a.the), short=a.short,
                                                Short=ucfirst(a.short), pron=pron, y2=y2))


class Team:
    """Experts of one dossier drawn from a scope: agents, elected, partners."""

    def __init__(self, rng: random.Random, pool: PeoplePool, a: Applicant, sc: scopes.Scope):
        self.rng, self.pool, self.a, self.sc = rng, pool, a, sc
        self.quals = QualificationDraws(rng, True, a.name)
        self.agents = rng.sample(sc.agents, len(sc.agents))
        self.partners = rng.sample([(org, fn) for org, fns in sc.partners for fn in fns],
                                   sum(len(fns) for _, fns in sc.partners))

    def agent(self, org: str | None = None) -> Expert:
        p = self.pool.draw()
        masc, fem = self.agents.pop()
        q, dip = self.quals.draw(p, self.sc, False)
        return Expert(p, p.g(masc, fem), "ok", "agent", org or self.a.name, q, "ok", "civ", dip, self.a.name)

    def elected(self, variant: int = 0, city: str = "") -> Expert:
        p = self.pool.draw()
        title = self.a.elected_title(p.gender, self.sc.a, self.sc.de, city, variant)
        q, dip = self.quals.draw(p, self.sc, True)
        return Expert(p, title, "ok", "elu", self.a.name, q, "ok", "civ", dip, self.a.name)

    def partner(self) -> Expert:
        p = self.pool.draw()
        org, (masc, fem) = self.partners.pop()
        q, dip = self.quals.draw(p, self.sc, False)
        return Expert(p, p.g(masc, fem), "ok", "partenaire", org, q, "ok", "civ", dip, self.a.name)


def expert_truth(e: Expert) -> dict:
    return e.truth()


def cand_checks(a: Applicant, experts: list[Expert], meae: str = "ok", inform: str = "ok",
                signature: str = "signed", expertise: str = "ok", basis: str = "ok") -> dict[str, str]:
    checks = {"applicant.eligible": "pass" if a.eligible else "fail",
              "expertise.described": truth.statement(expertise),
              "expertise.basis": truth.statement(basis),
              "commitment.meae": truth.statement(meae)}
    checks.update(truth.expert_checks("ok" if experts else "absent", [e.function_state for e in experts],
                                      [e.qual_state for e in experts], [e.truth()["category"] for e in experts]))
    checks["commitment.inform_daect"] = truth.statement(inform)
    checks["signature"] = truth.signature_status(signature)
    return {cid: checks[cid] for cid in truth.CANDIDATURE_CHECKS}


def cand_truth(name: str, pieces: list[PieceSpec], a: Applicant, expertise: list[tuple[str, tuple]],
               basis: str | None, experts: list[Expert], others: list, checks: dict, shape: str,
               experts_as: str, layout: str, notes: list[str]) -> dict:
    text = " ".join(p.doc.plain_text() for p in pieces)
    names = {e.person.name for e in experts}
    not_experts = []
    for p in others:
        if p.name not in names and p.name not in not_experts and mentioned(p, text):
            not_experts.append(p.name)
    return {
        "submission": f"samples/dossiers/{name}", "kind": "candidature", "status": "ok", "error_code": None,
        "formats": sorted({p.format for p in pieces}), "ocr": False,
        "pieces": [{"file": p.file, "format": p.format, "ocr": p.ocr} for p in pieces],
        "applicant": {"name": a.name, "type": a.type, "aliases": list(a.aliases)},
        "expertise": [{"label": label, "themes": list(themes)} for label, themes in expertise],
        "basis": basis, "experts": [e.truth() for e in experts], "not_experts": not_experts,
        "mission": None, "checks": checks, "verdict": truth.verdict("candidature", checks),
        "defects": truth.defects(checks),
        "writing": {"style": shape, "experts_as": experts_as, "layout": layout, "undecided_as": "text",
                    "pieces": [p.file for p in pieces]},
        "ocr_reference": None, "notes": notes,
    }


def of_partner(partner: str) -> str:
    t = partner_the(partner)
    return ("de l'" + t[2:]) if t.startswith("l'") else ("de la " + t[3:]) if t.startswith("la ") else ("du " + t[3:])


def pick_label(rng: random.Random, sc: scopes.Scope) -> tuple[str, tuple]:
    return rng.choice(sc.labels)


def world(rng: random.Random, country_name: str):
    country = COUNTRY[country_name]
    partner, pcity = rng.choice(country.partners)
    return country, partner, pcity


# --------------------------------------------------------------------------- c50 newsletter

def c50_newsletter(seed: int, pool: PeoplePool) -> Submission:
    rng = random.Random(f"{seed}:c50:wider")
    a, sc = LUMBRES, scopes.BY_KEY["dechets"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Bénin")
    day = date(2024, 10, 3)
    president = pool.draw()
    team = Team(rng, pool, a, sc)
    experts = [team.elected(0), team.agent(), team.agent()]
    writer, photographer = pool.draw(), pool.draw()
    name = "c50-lettre-pays-lumbres-supplement.pdf"
    title = "LA LETTRE DU PAYS DE LUMBRES"
    y1, y2 = 2009, 2019
    edito1 = (f"Quand nous avons repris la collecte en régie, en {y1}, nos bacs débordaient et la moitié de ce "
              f"que nous enfouissions aurait pu être valorisée. Quinze ans plus tard, nous avons appris à "
              f"faire autrement, avec les habitants plutôt que malgré eux.")
    edito2 = ("Ce savoir-faire, des collectivités d'autres pays nous le demandent. Nous voulons le partager "
              "avec l'appui du ministère et des ambassades, sans détourner nos équipes de leur mission "
              "première : c'est le sens de cette candidature.")
    desc = scopes.DESCRIPTION[label]
    chapeau = (f"Le conseil communautaire a décidé, le {dates.long(day - timedelta(days=16))}, de présenter au "
               f"label EXPE-CT du ministère de l'Europe et des Affaires étrangères l'expérience acquise par "
               f"{a.the} en matière de « {label} ». Ce supplément tient lieu de dossier de candidature : il "
               f"est adressé à la Délégation pour l'action extérieure des collectivités territoriales.")
    terr = fill(rng.choice(sc.territory), a, sc, y1, y2, partner, pcity, country)
    coop = fill(rng.choice(sc.cooperation), a, sc, y1, y2, partner, pcity, country)
    faces = ["Un visage", "Deux visages", "Trois visages", "Quatre visages"][len(experts) - 1]
    blocks = [Heading(title, 1, "caps"),
              Para(f"{a.name} · Supplément au n° 52 · {ucfirst(month_year(day))}", align="left", size=8),
              Para("Trier mieux, jeter moins : notre savoir-faire candidat au label EXPE-CT", bold=True,
                   align="left", size=15),
              Para(chapeau, bold_spans=(f"« {label} »",)),
              Heading("L'édito du Président", 2, "bold"),
              Para(edito1, italic=True), Para(edito2, italic=True),
              Heading("Ce que nous savons faire", 2, "bold"),
              Para(f"Notre expertise porte sur un domaine précis. {desc}",
                   bold_spans=("Notre expertise porte sur un domaine précis.",)),
              Para("En bref", bold=True, align="left"),
              Para(f"{a.size} · 41 % des déchets valorisés · 900 corbeilles de tri · 3 recycleries",
                   align="left", size=8),
              Heading("D'où vient cette expérience", 2, "bold"),
              Para(f"Tout ce que nous proposons a d'abord été fait ici. {terr}",
                   bold_spans=("a d'abord été fait ici",)),
              Para(f"Nous avons aussi appris au-delà de nos frontières. {coop}",
                   bold_spans=("au-delà de nos frontières",)),
              Heading("Repères", 2, "bold"),
              Bullets([f"{y1} : reprise de la collecte en régie", f"{y1 + 3} : première recyclerie à {a.city}",
                       f"{y1 + 6} : redevance incitative sur tout le territoire",
                       f"{y2} : premier échange avec {partner_the(partner)} ({country.name})",
                       f"{y2 + 3} : ouverture de la troisième recyclerie",
                       f"{day.year} : candidature au label EXPE-CT"], marker="▪"),
              Para(f"« Ce que nous avons vu ici, nous pouvons le faire chez nous, à notre échelle », confiait en "
                   f"{y2 + 2} un élu de la délégation venue {of_place(pcity)}, à l'issue d'une journée passée sur les "
                   f"tournées de collecte et à la recyclerie.", italic=True),
              Para("Les tournées de collecte ont été réorganisées en 2016 : une collecte par semaine en porte-à-porte, "
                   "des points d'apport volontaire dans chaque bourg, et une recyclerie itinérante qui passe dans "
                   "les communes rurales une fois par mois. Le coût du service par habitant a baissé de 9 % en "
                   "cinq ans, ce que nos voisins viennent régulièrement observer.",
                   bold_spans=("a baissé de 9 % en cinq ans",)),
              Heading(f"{faces}, une équipe", 2, "bold")]
    for e in experts:
        written = e.person.name
        blocks.append(Para(f"{written}, {lcfirst(e.function)}. {ucfirst(e.qualifications)}.",
                           bold_spans=(written,)))
    meae = statement([MEAE_OK[1]], a, rng)
    inform = statement([INFORM_OK[0]], a, rng)
    blocks += [Heading("Nos engagements", 2, "bold"),
               Para(f"{meae} {inform}", bold_spans=("accepte de participer aux missions d'expertise",)),
               Signature([f"{a.executive(president.gender)} {a.of_the},", president.name],
                         f"Fait à {a.city}, le {dates.long(day)}", signed=True, align="left"),
               Para(f"Textes : {writer.name} · Photos : {photographer.name} · Directeur de la publication : "
                    f"{president.name}", align="left", size=7)]
    doc = Doc(blocks, layout="two-column", font="serif", title=title, author="Service communication",
              footer=f"La Lettre du Pays de Lumbres – supplément EXPE-CT",
              running_header="La Lettre du Pays de Lumbres · supplément EXPE-CT")
    pieces = [PieceSpec(name, doc, "pdf")]
    checks = cand_checks(a, experts)
    return Submission(name, "candidature", "file", pieces,
                      cand_truth(name, pieces, a, [(label, themes)], "both", experts,
                                 [president, writer, photographer], checks, "newsletter", "prose",
                                 "two-column", ["lettre d'information tenant lieu de dossier : deux colonnes, "
                                                "en-tête courant, phrases en gras dans les paragraphes"]))


# --------------------------------------------------------------------------- c51 / c52 online-form exports

def c51_ds_export(seed: int, pool: PeoplePool) -> Submission:
    """Label on one line, value on the next; the second expert's qualifications left empty."""
    rng = random.Random(f"{seed}:c51:wider")
    a, sc = SEVRE, scopes.BY_KEY["eau"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Mauritanie")
    president, depositor = pool.draw(), pool.draw()
    team = Team(rng, pool, a, sc)
    experts = [team.agent(), team.agent(), team.elected(0)]
    experts[1].qual_state = "absent"
    number = 14000000 + rng.randint(100000, 999999)
    filed = date(2024, 5, 13)
    y1, y2 = 2011, 2021
    foot = f"Dossier nº {number} – export généré le {dates.numeric(filed + timedelta(days=6))} – Page"

    def field(label_: str, value: str) -> list:
        return [Para(label_, align="left", size=8.5), Para(value, align="left")]

    blocks = [Para("demarches-simplifiees.fr", align="left", size=8),
              Heading(f"Dossier nº {number}", 1, "style"),
              Heading("Labellisation EXPE-CT – Valorisation de l'expertise des collectivités territoriales "
                      "françaises", 2, "style"),
              Para(f"Dossier déposé le {dates.long(filed)} à 11 h 07", align="left", size=9),
              Para("État du dossier : en construction", align="left", size=9),
              Heading("Identité du demandeur", 2, "style")]
    blocks += field("Email", writing.email_of(depositor, a))
    blocks += field("SIRET", f"254 400 {rng.randint(100, 999)} 000{rng.randint(10, 99)}")
    blocks += field("Dénomination", a.name.upper())
    blocks += field("Forme juridique", "Syndicat mixte fermé")
    blocks += [Heading("Formulaire", 2, "style"), Heading("Présentation de la structure candidate", 3, "style")]
    blocks += field("Nature de la structure candidate",
                    "Groupement de collectivités territoriales (EPCI, syndicat mixte, pôle métropolitain)")
    blocks += field("Nom de la structure", f"{a.name} ({a.aliases[1]})")
    blocks += field("Représentant légal (nom, prénom, qualité)",
                    f"{president.last_upper} {president.first}, {a.executive(president.gender)[3:].lower()} "
                    f"du comité syndical")
    blocks += field("Personne en charge du dossier",
                    f"{depositor.civ} {depositor.name}, {depositor.g('chargé', 'chargée')} de mission "
                    f"coopération – {writing.phone(rng, '44')}")
    blocks += field("Numéro de téléphone secondaire", "")
    blocks += [Heading("Expertise proposée à la labellisation", 3, "style")]
    blocks += field("Intitulé de l'expertise", label)
    blocks += field("Description des compétences et savoir-faire", scopes.DESCRIPTION[label])
    blocks += [Para("Fondement de l'expertise (plusieurs choix possibles)", align="left", size=8.5),
               Check("Exercice de la compétence sur le territoire de la collectivité", True, "☑", False),
               Check("Actions de coopération décentralisée", True, "☑", False),
               Check("Autre", False, "☑", False)]
    blocks += field("Précisez", fill(rng.choice(sc.territory), a, sc, y1, y2, partner, pcity, country) + " "
                    + fill(rng.choice(sc.cooperation), a, sc, y1, y2, partner, pcity, country))
    blocks += field("Zones géographiques d'intérêt", f"Afrique de l'Ouest, {country.name}")
    blocks += field("Documents complémentaires", "")
    blocks += [Heading("Experts mobilisables", 3, "style")]
    statuses = {"agent": "Agent territorial", "elu": "Élu", "partenaire": "Partenaire"}
    for i, e in enumerate(experts, 1):
        blocks.append(Heading(f"Expert nº {i}", 3, "bold"))
        blocks += field("Nom", e.person.last_upper)
        blocks += field("Prénom", e.person.first)
        blocks += field("Fonction", e.function)
        blocks += field("Organisme employeur", a.aliases[1] if e.category != "elu" else f"{a.aliases[1]} (élu)")
        blocks += field("Statut", statuses[e.category])
        blocks += field("Qualifications particulières", e.q_text())
    blocks += [Heading("Engagements", 3, "style"),
               Para("La structure candidate sollicite le label EXPE-CT dans la perspective d'une action "
                    "internationale et accepte de travailler avec le ministère de l'Europe et des Affaires "
                    "étrangères dans le cadre des missions qui pourraient lui être proposées.", align="left", size=8.5),
               Para("Oui", align="left"),
               Para("La structure candidate s'engage à informer la DAECT de toute sollicitation dont elle serait "
                    "l'objet en raison de son label.", align="left", size=8.5),
               Para("Oui", align="left")]
    blocks += field("Délibération de l'organe délibérant (facultatif)", "")
    blocks += [Para("Attestation", align="left", size=8.5),
               Check("Je certifie l'exactitude des informations fournies.", True, "☑", False)]
    doc = Doc(blocks, title=f"Dossier {number}", author="demarches-simplifiees.fr", font="sans", footer=foot)
    name = f"c51-dossier-{number}.pdf"
    pieces = [PieceSpec(name, doc, "pdf")]
    checks = cand_checks(a, experts, signature="none")
    return Submission(name, "candidature", "file", pieces,
                      cand_truth(name, pieces, a, [(label, themes)], "both", experts, [president, depositor],
                                 checks, "export-demarches", "form", "single",
                                 ["export Démarches simplifiées : libellé puis valeur à la ligne, champs vides",
                                  "qualifications d'un expert : champ vide", "signature : none (export en ligne)"]))


def c52_form_export(seed: int, pool: PeoplePool) -> Submission:
    """Label and value side by side (unruled tables); a function left empty, the DAECT box unticked."""
    rng = random.Random(f"{seed}:c52:wider")
    a, sc = CORREZE, scopes.BY_KEY["social"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Madagascar")
    president, contact = pool.draw(), pool.draw()
    team = Team(rng, pool, a, sc)
    experts = [team.agent(), team.agent(), team.elected(0)]
    experts[1].function_state = "absent"
    number = 15000000 + rng.randint(100000, 999999)
    filed = date(2024, 11, 18)
    y1, y2 = 2012, 2022

    def rows(pairs):
        return Table([[k, v] for k, v in pairs], header=False, widths=[1, 2.4], ruled=False)

    blocks = [Para(f"démarches-simplifiées · Dossier nº {number}", align="left", size=8),
              Heading(f"Dossier nº {number}", 1, "style"),
              Heading("Candidature au label EXPE-CT (MEAE – DAECT)", 2, "style"),
              rows([("Déposé le", f"{dates.numeric(filed)} 09:52"),
                    ("Statut", "Déposé – en attente de prise en charge"),
                    ("Demandeur", f"{a.name.upper()} (SIRET 221 927 {rng.randint(100, 999)} 00015)"),
                    ("Déposant", f"{contact.first[0].lower()}.{contact.last.lower().replace(' ', '')} – "
                                 f"Mission relations internationales")]),
              Heading("1 · La collectivité", 2, "style"),
              rows([("Type de collectivité", "Département"), ("Collectivité", a.aliases[0]),
                    ("Adresse", a.address), ("Représentant légal", a.executive(president.gender)[3:]),
                    ("Nom du représentant", f"{president.civ} {president.name}"),
                    ("Interlocuteur", f"{contact.civ} {contact.name}, {contact.g('chargé', 'chargée')} de mission "
                                      f"relations internationales")]),
              Heading("2 · L'expertise", 2, "style"),
              rows([("Intitulé de l'expertise", label),
                    ("Description détaillée", scopes.DESCRIPTION[label]),
                    ("L'expertise repose-t-elle sur des actions de coopération décentralisée ?", "Oui"),
                    ("Si oui, lesquelles", fill(rng.choice(sc.cooperation), a, sc, y1, y2, partner, pcity, country)),
                    ("L'expertise repose-t-elle sur l'exercice d'une compétence sur votre territoire ?", "Oui"),
                    ("Précisez", fill(rng.choice(sc.territory), a, sc, y1, y2, partner, pcity, country)),
                    ("Pays ou zones d'intérêt", f"{country.name}, océan Indien")]),
              Heading("3 · Les experts", 2, "style"),
              rows([("Nombre d'experts proposés", str(len(experts)))])]
    for i, e in enumerate(experts, 1):
        employer = "— (élue)" if e.category == "elu" and e.person.gender == "f" else \
            "— (élu)" if e.category == "elu" else a.name
        blocks += [Heading(f"Expert nº {i}", 3, "bold"),
                   rows([("Civilité", e.person.civ_long), ("Nom", e.person.last_upper), ("Prénom", e.person.first),
                         ("Fonction", e.fn_text()), ("Employeur", employer),
                         ("Qualifications", e.q_text())])]
    blocks += [Heading("4 · Engagements", 2, "style"),
               Table([["La collectivité sollicite le label dans la perspective d'une action internationale et "
                       "accepte de travailler avec le MEAE dans le cadre de missions qui pourraient lui être "
                       "proposées", "☑"],
                      ["La collectivité s'engage à informer la DAECT de toute sollicitation dont elle serait "
                       "l'objet en raison de son label", "☐"]], header=False, widths=[3, 0.4], ruled=False),
               rows([("Pièces justificatives", "Aucune pièce jointe")])]
    doc = Doc(blocks, title=f"Dossier {number}", author="demarches-simplifiees.fr", font="sans",
              footer=f"démarches-simplifiées · Dossier nº {number}",
              running_header=f"démarches-simplifiées · Dossier nº {number}")
    name = f"c52-Dossier_{number}.pdf"
    pieces = [PieceSpec(name, doc, "pdf")]
    checks = cand_checks(a, experts, inform="unticked", signature="none")
    return Submission(name, "candidature", "file", pieces,
                      cand_truth(name, pieces, a, [(label, themes)], "both", experts, [president, contact],
                                 checks, "export-demarches", "form", "single",
                                 ["export en ligne : libellé et valeur côte à côte, tableaux sans filets",
                                  "fonction d'un expert : champ vide", "information DAECT : case non cochée",
                                  "signature : none (export en ligne)"]))


# --------------------------------------------------------------------------- c53 long dossier

def c53_long_dossier(seed: int, pool: PeoplePool, foreign: ForeignPool) -> Submission:
    rng = random.Random(f"{seed}:c53:wider")
    a, sc = DAX, scopes.BY_KEY["tourisme"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Maroc")
    day = date(2024, 4, 11)
    delib_day = day - timedelta(days=9)
    president, dgs, dga, ri_head = pool.draw(), pool.draw(), pool.draw(), pool.draw()
    team = Team(rng, pool, a, sc)
    vp_expert = team.elected(0)
    experts = [team.agent(), team.agent(), vp_expert]
    vps = [pool.draw() for _ in range(6)]
    delegations = ["Finances et administration générale", "Développement économique et emploi",
                   "Eau, assainissement et milieux aquatiques", "Habitat et politique de la ville",
                   "Transition écologique et énergie", "Relations internationales et coopération"]
    mayors = [pool.draw() for _ in range(8)]
    towns = ["Dax", "Saint-Paul-lès-Dax", "Narrosse", "Yzosse", "Oeyreluy", "Saugnac-et-Cambran",
             "Heugas", "Tercis-les-Bains"]
    journalist, resident = pool.draw(), pool.draw()
    absent_councillors = [pool.draw() for _ in range(3)]
    foreigners = [foreign.draw(country.region) for _ in range(3)]
    y1, y2 = 2008, 2018
    footer = f"{a.name} – Candidature au label EXPE-CT – {month_year(day)}"
    pres = a.executive(president.gender)
    blocks = [Para(a.name.upper(), align="left", bold=True, size=14),
              Para("Direction du tourisme et des relations internationales", align="left", size=9),
              Spacer(1.5),
              Heading("DOSSIER DE CANDIDATURE AU LABEL EXPE-CT", 1, "caps"),
              Para(label, align="center", bold=True, size=13),
              Para("Programme de valorisation de l'expertise des collectivités territoriales – Ministère de "
                   "l'Europe et des Affaires étrangères – DAECT", align="center", italic=True, size=9),
              Spacer(1), Heading("Sommaire", 2, "bold"),
              Para("Lettre de candidature du Président", align="left"),
              Bullets(["1. L'expertise proposée", "2. Les fondements de l'expertise", "3. Les experts proposés",
                       "4. Engagements"], marker="–"),
              Para("Annexe 1 – Le territoire et sa gouvernance", align="left"),
              Para("Annexe 2 – Coopérations internationales", align="left"),
              Para("Annexe 3 – Coût indicatif d'une mission EXPE-CT", align="left"),
              Para("Annexe 4 – Revue de presse", align="left"),
              Para("Annexe 5 – Extrait du registre des délibérations du conseil communautaire", align="left"),
              Para(ucfirst(month_year(day)), align="right"),
              PageBreak()]
    # the letter
    blocks += [Para(f"{a.name} – {pres}", align="left", bold=True),
               Para(f"Affaire suivie par : {ri_head.name}, {ri_head.g('chef', 'cheffe')} du service des relations "
                    f"internationales", align="left", size=8),
               Para(f"{a.city}, le {dates.long(day)}", align="right")]
    blocks += writing.addressee_block(rng, "Madame la Déléguée,")
    blocks += [Para(f"Objet : candidature {a.of_the} au label EXPE-CT", bold=True, align="left"),
               Para("Madame la Déléguée,", align="left"),
               Para(f"{ucfirst(a.the)} a l'honneur de solliciter le label EXPE-CT pour son expertise en matière "
                    f"de « {label} »."),
               Para(f"Le conseil communautaire a approuvé cette candidature par une délibération du "
                    f"{dates.long(delib_day)}, dont un extrait figure en annexe 5."),
               Para("Je vous prie d'agréer, Madame la Déléguée, l'expression de ma considération distinguée."),
               Signature([f"{pres} {a.of_the},", president.name], None, signed=True, stamp=writing.stamp(a)),
               PageBreak()]
    # the candidature
    table = [["Nom", "Fonction", "Qualifications particulières", "Catégorie"]]
    cat_label = {"agent": "Agent territorial", "elu": "Élu", "partenaire": "Partenaire"}
    for e in experts:
        table.append([f"{e.person.civ} {e.person.name}", e.function + (f", {a.name}" if e.category == "agent" else ""),
                      ucfirst(e.qualifications), cat_label[e.category]])
    blocks += [Heading("1. L'expertise proposée", 1, "style"),
               Para(f"Intitulé : {label}."), Para(scopes.DESCRIPTION[label]),
               Heading("2. Les fondements de l'expertise", 1, "style"),
               Heading("2.1 Sur le territoire de l'agglomération", 2, "style"),
               Para(fill(rng.choice(sc.territory), a, sc, y1, y2, partner, pcity, country)),
               Heading("2.2 Dans les coopérations décentralisées", 2, "style"),
               Para(fill(rng.choice(sc.cooperation), a, sc, y1, y2, partner, pcity, country) +
                    " (voir annexe 2)."),
               Heading("3. Les experts proposés", 1, "style"),
               Table(table, header=True, widths=[1.2, 1.8, 2.6, 0.9]),
               Para("Les experts peuvent intervenir seuls ou en binôme (un élu et un technicien). Le service des "
                    "relations internationales assure la préparation logistique des missions."),
               Heading("4. Engagements", 1, "style"),
               Para(statement([MEAE_OK[0]], a, rng)), Para(statement([INFORM_OK[2]], a, rng)),
               PageBreak()]
    # annexes
    bureau = [["Vice-président(e)", "Délégation"]]
    vp_rows = list(zip(vps, delegations))
    vp_rows.insert(2, (vp_expert.person, "Tourisme, thermalisme et attractivité"))
    for p, d in vp_rows:
        bureau.append([f"{p.civ} {p.name}", d])
    communes = [["Commune", "Maire"]] + [[t, f"{m.civ} {m.name}"] for t, m in zip(towns, mayors)]
    blocks += [Heading("Annexe 1 – Le territoire et sa gouvernance", 1, "style"),
               Para(f"{ucfirst(a.the)} regroupe {a.size}. Station thermale de premier rang, le territoire accueille "
                    f"chaque année plus de 50 000 curistes."),
               Heading("Les communes membres et leurs maires", 2, "style"), Table(communes, header=True),
               Heading("Le bureau communautaire", 2, "style"),
               Para(f"Président : {president.civ} {president.name}", align="left", bold=True),
               Table(bureau, header=True, widths=[1.2, 2]),
               Heading("L'administration", 2, "style"),
               Para(f"Directeur général des services : {dgs.civ} {dgs.name}. "
                    f"{dga.g('Directeur', 'Directrice')} général{'e' if dga.gender == 'f' else ''} adjoint"
                    f"{'e' if dga.gender == 'f' else ''} chargé{'e' if dga.gender == 'f' else ''} de l'attractivité : "
                    f"{dga.civ} {dga.name}."),
               PageBreak(),
               Heading("Annexe 2 – Coopérations internationales", 1, "style"),
               Table([["Période", "Partenaire", "Pays", "Objet", "Interlocuteur principal"],
                      [f"{y1}-{y1 + 4}", ucfirst(partner), country.name, "Schéma de développement touristique",
                       f"{foreigners[0].written('civ')}, {foreigners[0].g(*FOREIGN_FUNCTIONS[0]).lower()}"],
                      [f"{y1 + 5}-{y2}", ucfirst(partner), country.name, "Formation de guides et signalétique",
                       f"{foreigners[1].written('civ')}, {foreigners[1].g(*FOREIGN_FUNCTIONS[2]).lower()}"],
                      [f"{y2 + 1}-{y2 + 4}", "Province voisine", country.name, "Mission exploratoire",
                       f"{foreigners[2].written('civ')}, {foreigners[2].g(*FOREIGN_FUNCTIONS[5]).lower()}"]],
                     header=True, widths=[0.8, 1.3, 0.8, 1.6, 1.6]),
               PageBreak(),
               Heading("Annexe 3 – Coût indicatif d'une mission EXPE-CT", 1, "style"),
               Para("Hypothèse : mission de six jours, voyage compris, de deux experts."),
               Table([["Poste", "Prise en charge", "Montant estimé (€)"],
                      ["Transport international (2 personnes)", "MEAE", "1 900"],
                      ["Visas, vaccinations, assurances", ucfirst(a.name), "320"],
                      ["Hébergement et restauration", "Collectivité accueillante", "950"],
                      ["Temps de travail des experts valorisé", ucfirst(a.name), "4 100"],
                      ["Total", "", "7 270"]], header=True, widths=[2.2, 1.4, 1]),
               PageBreak(),
               Heading("Annexe 4 – Revue de presse", 1, "style"),
               Para(f"Sud-Landes Matin, {dates.long(day - timedelta(days=140))}", italic=True, align="left"),
               Heading(f"De {pcity} à Dax, les guides apprennent les uns des autres", 2, "bold"),
               Para(f"« Chez nous, les visiteurs passent sans s'arrêter », explique {foreigners[0].name}, venu "
                    f"à Dax avec une délégation. {vp_expert.person.name}, vice-président"
                    f"{'e' if vp_expert.person.gender == 'f' else ''}, le reconnaît : « Nous avons mis quinze ans "
                    f"à apprendre à retenir les curistes en ville. » {resident.name}, commerçant"
                    f"{'e' if resident.gender == 'f' else ''} du centre, regrette que les navettes s'arrêtent "
                    f"trop tôt. – {journalist.name}"),
               PageBreak(),
               Heading("Annexe 5 – Extrait du registre des délibérations", 1, "style"),
               Heading(f"{a.name.upper()} – CONSEIL COMMUNAUTAIRE", 2, "bold"),
               Para(f"Séance du {dates.long(delib_day, weekday=True)}", align="left"),
               Heading(f"Délibération nº {delib_day.year}-{rng.randint(30, 90):03d}", 2, "bold"),
               Para(f"{dates.in_words(delib_day)} à dix-huit heures, le conseil communautaire, régulièrement "
                    f"convoqué, s'est réuni sous la présidence de {president.civ} {president.name}, "
                    f"{pres[3:].lower()}."),
               Para("Nombre de conseillers en exercice : 44 – présents : 38 – pouvoirs : 3 – votants : 41.", size=9),
               Para("Étaient présents : " + ", ".join(f"{p.civ} {p.name}" for p in [president, *vps[:4], vp_expert.person,
                                                                                     *mayors[:5]]) + ".", size=9),
               Para("Absents excusés : " + ", ".join(f"{p.civ} {p.name}" for p in absent_councillors) + ".", size=9),
               Para(f"Secrétaire de séance : {mayors[2].civ} {mayors[2].name}.", size=9),
               Heading(f"Objet : Relations internationales – Candidature {a.of_the} au label EXPE-CT", 2, "bold"),
               Para(f"Rapporteur : {vps[5].civ} {vps[5].name}", italic=True, align="left"),
               Para("Le conseil communautaire, après en avoir délibéré, décide :"),
               Bullets([f"d'approuver la candidature {a.of_the} au label EXPE-CT pour l'expertise « {label} » ;",
                        "de désigner comme experts " + ", ".join(f"{e.person.civ} {e.person.name}" for e in experts[:-1])
                        + f" et {experts[-1].person.civ} {experts[-1].person.name} ;",
                        "d'autoriser le Président ou son représentant à signer tout document relatif à cette "
                        "candidature."], marker="–"),
               Para("Adopté à l'unanimité.", bold=True, align="left"),
               Signature([f"{pres[3:]},", president.name], "Pour extrait certifié conforme,", signed=True,
                         stamp=writing.stamp(a)),
               Para(f"Transmis au représentant de l'État le {dates.numeric(delib_day + timedelta(days=3))}.", size=8,
                    align="left")]
    doc = Doc(blocks, title="Candidature EXPE-CT", author="DTRI", font="sans", footer=footer)
    name = "c53-grand-dax-candidature-expe-ct.pdf"
    pieces = [PieceSpec(name, doc, "pdf")]
    checks = cand_checks(a, experts, signature="both")
    others = [president, dgs, dga, ri_head, *vps, *mayors, journalist, resident, *absent_councillors, *foreigners]
    return Submission(name, "candidature", "file", pieces,
                      cand_truth(name, pieces, a, [(label, themes)], "both", experts, others, checks,
                                 "long-dossier", "table", "single",
                                 ["dossier long : sommaire, lettre, bureau et maires, annexes (coopérations, budget, "
                                  "presse, délibération avec liste des présents)",
                                  "un expert élu figure aussi dans le tableau du bureau et dans la liste des présents",
                                  "signature : both"]))


# --------------------------------------------------------------------------- c54 association with acronym

def c54_association(seed: int, pool: PeoplePool) -> Submission:
    rng = random.Random(f"{seed}:c54:wider")
    a, sc = AEMMC, scopes.BY_KEY["risques"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Haïti")
    acr = a.aliases[0]
    day = date(2024, 2, 20)
    president, secretary, treasurer, delegate = pool.draw(), pool.draw(), pool.draw(), pool.draw()
    other_vps = [pool.draw() for _ in range(2)]
    admins = [pool.draw() for _ in range(5)]
    team = Team(rng, pool, a, sc)
    town_a, town_b, town_c = "Murat", "Ambert", "Saint-Flour"
    elected = team.elected(1)
    elected.function = elected.person.g(f"Adjoint au maire d'{town_b} délégué {sc.a}",
                                        f"Adjointe au maire d'{town_b} déléguée {sc.a}")
    elected.organisation = f"Ville d'{town_b}"
    agent = team.agent(f"Ville de {town_a}")
    partner_e = team.partner()
    experts = [agent, elected, partner_e]
    y1, y2 = 2010, 2019
    bureau = [["Fonction au bureau", "Nom", "Mandat local"],
              [president.g("Président", "Présidente"), f"{president.civ} {president.name}",
               president.g(f"Maire de {town_c}", f"Maire de {town_c}")],
              [elected.person.g("Vice-président", "Vice-présidente"), f"{elected.person.civ} {elected.person.name}",
               elected.function],
              [other_vps[0].g("Vice-président", "Vice-présidente"), f"{other_vps[0].civ} {other_vps[0].name}",
               other_vps[0].g("Conseiller départemental du Cantal", "Conseillère départementale du Cantal")],
              [other_vps[1].g("Vice-président", "Vice-présidente"), f"{other_vps[1].civ} {other_vps[1].name}",
               other_vps[1].g("Maire de Besse-et-Saint-Anastaise", "Maire de Besse-et-Saint-Anastaise")],
              [treasurer.g("Trésorier", "Trésorière"), f"{treasurer.civ} {treasurer.name}",
               treasurer.g("Adjoint au maire du Mont-Dore", "Adjointe au maire du Mont-Dore")],
              [secretary.g("Secrétaire général", "Secrétaire générale"), f"{secretary.civ} {secretary.name}",
               secretary.g("Conseiller municipal de Thiers", "Conseillère municipale de Thiers")]]

    def intro(e: Expert) -> Para:
        org = f", {e.organisation}" if e.category != "elu" else ""
        return Para(f"{e.person.civ} {e.person.name} – {e.function}{org}. {ucfirst(e.qualifications)}.")

    blocks = [Heading("Notre savoir-faire au service des collectivités de montagne", 1, "style"),
              Para(f"Dossier de candidature de l'{a.name} ({acr}) au label EXPE-CT du ministère de l'Europe et des "
                   f"Affaires étrangères", align="center", bold=True),
              Para(f"Association loi 1901 regroupant {a.size} adhérents – siège : {a.address}", align="center",
                   size=9),
              Heading("Sommaire", 2, "bold"),
              Bullets(["Lettre du président", "Notre réseau", "L'expertise que nous proposons",
                       "D'où vient cette expertise", "Les experts", "Nos engagements",
                       "Annexe : extrait du procès-verbal du conseil d'administration"], marker="•"),
              PageBreak(),
              Heading("1. Lettre du président", 1, "style"),
              Para(f"{a.city}, le {dates.long(day)}", align="right"),
              Para("Madame la Déléguée,", align="left"),
              Para(f"Depuis vingt ans, les collectivités membres de l'{acr} affrontent crues torrentielles, "
                   f"glissements de terrain et épisodes neigeux exceptionnels. Ce savoir-faire intéresse nos "
                   f"partenaires étrangers ; nous souhaitons y répondre dans le cadre du label EXPE-CT."),
              Para("Je vous prie de croire, Madame la Déléguée, à l'assurance de ma haute considération."),
              Signature([president.name, f"{president.g('Président', 'Présidente')} de l'{acr}, maire de {town_c}"],
                        None, signed=True, align="left"),
              Heading("2. Notre réseau", 1, "style"),
              Para(f"Créée en 1996, l'{acr} fédère {a.size}. Elle est administrée exclusivement par des élus."),
              Heading("Le bureau", 2, "bold"), Table(bureau, header=True, widths=[1, 1.3, 2]),
              Heading("L'équipe permanente", 2, "bold"),
              Para(f"Un{'e' if delegate.gender == 'f' else ''} délégué{'e' if delegate.gender == 'f' else ''} "
                   f"général{'e' if delegate.gender == 'f' else ''}, {delegate.civ} {delegate.name}, et quatre "
                   f"chargés de mission. L'équipe assure la logistique des échanges ; elle ne participe pas aux "
                   f"missions d'expertise."),
              Heading("3. L'expertise que nous proposons", 1, "style"),
              Para(f"Intitulé : {label}."), Para(scopes.DESCRIPTION[label]),
              Heading("4. D'où vient cette expertise", 1, "style"),
              Para(fill(rng.choice(scopes.ASSOCIATION_TERRITORY), a, sc, y1, y2, partner, pcity, country)),
              Para(fill(rng.choice(sc.cooperation), a, sc, y1, y2, partner, pcity, country)),
              Heading("5. Les experts", 1, "style"),
              Para(f"Trois personnes, désignées par le conseil d'administration, peuvent être mobilisées :")]
    blocks += [intro(e) for e in experts]
    blocks += [Heading("6. Nos engagements", 1, "style"),
               Para(f"L'{acr} sollicite le label EXPE-CT dans la perspective d'une action internationale et accepte "
                    f"de travailler avec le ministère de l'Europe et des Affaires étrangères dans le cadre des "
                    f"missions qui pourraient lui être proposées. Elle s'engage à informer la DAECT de toute "
                    f"sollicitation dont elle serait l'objet en raison de son label."),
               PageBreak(),
               Heading("Annexe – Extrait du procès-verbal du conseil d'administration", 1, "style"),
               Para(a.name.upper(), align="center", bold=True),
               Para(f"Conseil d'administration du {dates.long(day - timedelta(days=21))} – {a.city} (et en "
                    f"visioconférence)", align="center"),
               Para("Administrateurs présents (11) : " + ", ".join(
                   f"{p.civ} {p.name}" for p in [president, elected.person, *other_vps, treasurer, secretary, *admins])
                    + ".", size=9),
               Para(f"Assiste sans voix délibérative : {delegate.civ} {delegate.name}, "
                    f"délégué{'e' if delegate.gender == 'f' else ''} général{'e' if delegate.gender == 'f' else ''}.",
                    size=9),
               Para("Point 3 – Candidature de l'association au label EXPE-CT", bold=True, align="left"),
               Para("Après échange, le conseil d'administration :"),
               Bullets([f"approuve la candidature de l'association au label EXPE-CT pour l'expertise « {label} » ;",
                        "désigne comme experts " + ", ".join(f"{e.person.civ} {e.person.name}" for e in experts[:-1])
                        + f" et {experts[-1].person.civ} {experts[-1].person.name}, sous réserve de l'accord de "
                          "leurs employeurs ;",
                        f"mandate {president.g('le président', 'la présidente')} pour signer et déposer le dossier."],
                       marker="–"),
               Para("Vote : unanimité des administrateurs présents.", align="left"),
               Signature([f"{secretary.g('Le secrétaire général', 'La secrétaire générale')}, {secretary.name}",
                          f"{president.g('Le président', 'La présidente')}, {president.name}"],
                         f"Certifié conforme – {a.city}, le {dates.long(day - timedelta(days=20))}", signed=True)]
    doc = Doc(blocks, title=f"Candidature {acr} EXPE-CT", author=acr, font="serif",
              footer=f"{acr} – {a.name}", french_styles=True)
    name = "c54-AEMMC-dossier-candidature-EXPE-CT.docx"
    pieces = [PieceSpec(name, doc, "docx")]
    checks = cand_checks(a, experts, signature="both")
    others = [president, secretary, treasurer, delegate, *other_vps, *admins]
    return Submission(name, "candidature", "file", pieces,
                      cand_truth(name, pieces, a, [(label, themes)], "both", experts, others, checks,
                                 "association-acronym", "prose", "single",
                                 [f"association désignée par son sigle ({acr}) dans tout le texte",
                                  "un expert figure aussi au bureau ; procès-verbal « désigne comme experts »",
                                  "signature : both (lettre signée et procès-verbal du conseil d'administration)"]))


# --------------------------------------------------------------------------- c55 experts named in the délibération

def c55_deliberation_names(seed: int, pool: PeoplePool) -> Submission:
    rng = random.Random(f"{seed}:c55:wider")
    a, sc = SAINT_BRIEUC, scopes.BY_KEY["numerique"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Tunisie")
    day = date(2025, 3, 14)
    delib_day = day - timedelta(days=25)
    mayor, secretary, rapporteur = pool.draw(), pool.draw(), pool.draw()
    councillors = [pool.draw() for _ in range(6)]
    team = Team(rng, pool, a, sc)
    experts = [team.agent(), team.elected(0)]
    y1, y2 = 2013, 2022
    ex_title = a.executive(mayor.gender)
    head = Letterhead([a.name.upper(), "Mission relations internationales", a.address], [f"Réf. : MRI/{day.year}/041"])
    letter = Doc([Para(f"{a.city}, le {dates.long(day)}", align="right")] + writing.addressee_block(rng, "Monsieur le Délégué,")
                 + [Para("Objet : candidature au label EXPE-CT", bold=True, align="left"),
                    Para("Monsieur le Délégué,", align="left"),
                    Para(f"J'ai l'honneur de vous adresser la candidature {a.of_the} au label EXPE-CT. Vous trouverez "
                         f"ci-joints la note de présentation de notre expertise, la délibération du conseil municipal "
                         f"qui désigne nos experts, et leurs curriculum vitae."),
                    Para(rng.choice(writing.CLOSINGS).format(civ="Monsieur le Délégué")),
                    Signature([f"{ex_title},", mayor.written("upper_last")], None, signed=True, stamp=writing.stamp(a)),
                    Para("P.J. : note de présentation ; délibération ; CV des experts", size=9, align="left")],
                 letterhead=head, title="Candidature EXPE-CT", author="MRI", font="sans")
    note = Doc([Heading("Note de présentation – candidature au label EXPE-CT", 1, "style"),
                Para(a.name, align="center", bold=True),
                Heading("Le domaine d'expertise", 2, "style"), Para(f"{label}. {scopes.DESCRIPTION[label]}"),
                Heading("Une expertise éprouvée", 2, "style"),
                Para(fill(rng.choice(sc.territory), a, sc, y1, y2, partner, pcity, country)),
                Para(fill(rng.choice(sc.cooperation), a, sc, y1, y2, partner, pcity, country)),
                Heading("Les experts", 2, "style"),
                Para("Les experts de la Ville sont désignés par la délibération du conseil municipal jointe au "
                     "présent dossier ; leurs curriculum vitae sont annexés."),
                Heading("Engagements", 2, "style"),
                Para(statement([MEAE_OK[2]], a, rng)), Para(statement([INFORM_OK[1]], a, rng))],
               title="Note EXPE-CT", author="MRI", font="serif")
    e1, e2 = experts
    delib = Doc([Para("RÉPUBLIQUE FRANÇAISE", align="center", bold=True),
                 Para(f"{a.name.upper()}", align="center", bold=True),
                 Heading("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", 1, "caps"),
                 Para(f"Séance du {dates.long(delib_day)} – Délibération n° {delib_day.year}-{rng.randint(20, 99):03d}",
                      align="center"),
                 Para("Présents : " + ", ".join(p.written("civ_upper") for p in councillors) + ".", size=9),
                 Para(f"Secrétaire de séance : {secretary.written('civ_upper')}.", size=9),
                 Para("Objet : Label EXPE-CT – candidature de la Ville et désignation des experts", bold=True,
                      align="left"),
                 Para(f"Rapporteur : {rapporteur.written('civ_upper')}, conseiller municipal délégué aux relations "
                      f"internationales" if rapporteur.gender == "m" else
                      f"Rapporteure : {rapporteur.written('civ_upper')}, conseillère municipale déléguée aux "
                      f"relations internationales", italic=True, align="left"),
                 Para("Vu le code général des collectivités territoriales, et notamment son article L. 1115-1 ;"),
                 Para(f"Considérant le savoir-faire de la Ville dans le domaine « {label} » ;"),
                 Para("Le conseil municipal, après en avoir délibéré, à l'unanimité :"),
                 Para(f"APPROUVE la candidature {a.of_the} au label EXPE-CT ;"),
                 Para(f"DÉSIGNE {e1.person.civ} {e1.person.name}, {lcfirst(e1.function)}, et {e2.person.civ} "
                      f"{e2.person.name}, {lcfirst(e2.function)}, comme experts de la Ville pour les missions "
                      f"EXPE-CT ;"),
                 Para(f"AUTORISE {ex_title[:2].lower() + ex_title[2:]} à signer tout document relatif à cette "
                      f"candidature."),
                 Signature([f"{ex_title},", mayor.written("upper_last")], "Pour extrait certifié conforme,",
                           signed=True, stamp=writing.stamp(a))],
                title="Délibération", author="Service des assemblées", font="serif")
    pieces = [PieceSpec("01-courrier-candidature.docx", letter, "docx"),
              PieceSpec("02-note-presentation.pdf", note, "pdf-lo"),
              PieceSpec("03-deliberation-designation-experts.pdf", delib, "pdf")]
    for e in experts:
        cv_doc = writing.cv(rng, e.person, e.function, None, e.qualifications, e.diploma, sc.field, country.en,
                            writing.email_of(e.person, a))
        pieces.append(PieceSpec(f"CV/cv-{e.person.last.lower().replace(' ', '-')}.docx", cv_doc, "docx"))
    name = "c55-saint-brieuc-expe-ct.zip"
    checks = cand_checks(a, experts, signature="both")
    return Submission(name, "candidature", "zip", pieces,
                      cand_truth(name, pieces, a, [(label, themes)], "both", experts,
                                 [mayor, secretary, rapporteur, *councillors], checks, "deliberation-designates",
                                 "deliberation", "single",
                                 ["les experts ne sont nommés, avec leur fonction, que dans la délibération "
                                  "(« DÉSIGNE … comme experts ») ; qualifications dans les CV joints",
                                  "signature : both"]))


# --------------------------------------------------------------------------- reports

def _team_member(rng, pool, a: Applicant, sc: scopes.Scope, kind: str, show_org: bool = False) -> Member:
    p = pool.draw()
    if kind == "elu":
        return Member(p, a.elected_title(p.gender, sc.a, sc.de, a.city, 0), "elu", a.name, "civ")
    masc, fem = rng.choice(sc.agents)
    return Member(p, p.g(masc, fem), "agent", a.name, "civ", show_org)


def rapport_truth(name: str, pieces: list[PieceSpec], a: Applicant, label: str, themes, team: list[Member],
                  participants: list, others: list, country, start: date, end: date, report_date: date | None,
                  hosting: bool, checks: dict, shape: str, validation: str, notes: list[str]) -> dict:
    text = " ".join(p.doc.plain_text() for p in pieces)
    return {
        "submission": f"samples/dossiers/{name}", "kind": "rapport", "status": "ok", "error_code": None,
        "formats": sorted({p.format for p in pieces}), "ocr": False,
        "pieces": [{"file": p.file, "format": p.format, "ocr": p.ocr} for p in pieces],
        "applicant": {"name": a.name, "type": a.type, "aliases": list(a.aliases)},
        "expertise": [{"label": label, "themes": list(themes)}], "basis": None,
        "experts": [{"name": m.person.name, "function": m.function, "category": m.category,
                     "organisation": m.organisation, "qualifications": None} for m in team],
        "not_experts": [p.name for p in others if mentioned(p, text)],
        "mission": {"country": country.name, "start": start.isoformat(), "end": end.isoformat(),
                    "report_date": report_date.isoformat() if report_date else None,
                    "participants": [p.name for p in participants], "hosting": hosting},
        "checks": checks, "verdict": truth.verdict("rapport", checks), "defects": truth.defects(checks),
        "writing": {"style": shape, "layout": "single", "merged_sections": False, "validation": validation,
                    "undecided_as": "text", "pieces": [p.file for p in pieces]},
        "ocr_reference": None, "notes": notes,
    }


def report_checks(end: date, start: date, report_date: date | None, n: int, purpose="ok", follow="ok",
                  longer="ok", validated="pass") -> dict:
    return {"report.purpose": truth.statement(purpose), "report.follow_up": truth.statement(follow),
            "report.long_term": truth.statement(longer),
            "report.deadline": truth.deadline_status(end, report_date), "report.validated": validated,
            "mission.size": truth.size_status(n), "mission.duration": truth.duration_status(start, end)}


def r28_runin(seed: int, pool: PeoplePool, foreign: ForeignPool) -> Submission:
    """Sommaire, then run-in titles; hosts and an interpreter named; long term answered 'no'."""
    rng = random.Random(f"{seed}:r28:wider")
    a, sc = PERIGUEUX, scopes.BY_KEY["patrimoine"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Arménie")
    start = date(2024, 5, 13)
    end = start + timedelta(days=5)
    report_date = end + timedelta(days=33)
    team = [_team_member(rng, pool, a, sc, "agent"), _team_member(rng, pool, a, sc, "elu")]
    mayor = pool.draw()
    hosts = [foreign.draw(country.region) for _ in range(2)]
    interpreter = foreign.draw(country.region)
    embassy = pool.draw()
    objective = rng.choice(sc.objectives)
    sections = ["Objet de la mission", "Composition de la mission", "Déroulement", "Constats",
                "Action complémentaire", "Coopération à plus long terme", "Validation"]
    t1, t2 = team
    blocks = [Para(a.name.upper(), bold=True, align="left", size=9),
              Heading("Rapport de mission EXPE-CT", 1, "style"),
              Para(f"{ucfirst(partner_the(partner))} ({country.name}) – {dates.span(rng, start, end)}",
                   align="center", bold=True),
              Para(f"Expertise labellisée : {label}", align="center", italic=True),
              Heading("Sommaire", 2, "bold")]
    blocks += [Para(f"{i}.\t{s}", align="left") for i, s in enumerate(sections, 1)]
    follow = ucfirst(rng.choice(sc.next_steps)).rstrip(".")
    blocks += [
        Para(f"1. Objet de la mission. La mission avait pour objet {('d' + chr(39) + objective) if objective[0] in 'aeiouéh' else 'de ' + objective}, "
             f"à la demande de {partner_the(partner)} relayée par l'ambassade de France {country.en}.",
             bold_spans=("1. Objet de la mission.",)),
        Para(f"2. Composition de la mission. {t1.person.civ} {t1.person.name}, {lcfirst(t1.function)}, et "
             f"{t2.person.civ} {t2.person.name}, {lcfirst(t2.function)}. Sur place, nous avons été reçus par "
             f"{hosts[0].written('civ')}, {hosts[0].g(*FOREIGN_FUNCTIONS[0]).lower()}, et "
             f"{hosts[1].written('civ')}, {hosts[1].g(*FOREIGN_FUNCTIONS[2]).lower()}. "
             f"{interpreter.written('civ')}, interprète mis{'e' if interpreter.gender == 'f' else ''} à disposition "
             f"par la municipalité, nous a accompagnés pendant toute la semaine.",
             bold_spans=("2. Composition de la mission.",)),
        Para(f"3. Déroulement. Départ de Bordeaux le {dates.day_month(start)} ; réunion de cadrage avec "
             f"{embassy.written('civ')}, attaché{'e' if embassy.gender == 'f' else ''} de coopération ; trois jours "
             f"de visites et d'ateliers ; restitution le {dates.day_month(end - timedelta(days=1))} ; retour le "
             f"{dates.day_month(end)}.", bold_spans=("3. Déroulement.",)),
        Para("4. Constats. Les services rencontrés connaissent bien leur patrimoine mais manquent d'outils de "
             "protection réglementaire et de savoir-faire artisanal.", bold_spans=("4. Constats.",)),
        Para(f"5. Action complémentaire. Oui. {follow}.", bold_spans=("5. Action complémentaire.",)),
        Para(f"6. Coopération à plus long terme. Non. {rng.choice(['La demande était ponctuelle et a été satisfaite ; aucune coopération de long terme n’est envisagée.', 'Les contacts établis ne permettent pas, à ce stade, d’envisager une coopération de plus long terme.'])}",
             bold_spans=("6. Coopération à plus long terme.",)),
        Para(f"7. Validation. Rapport validé par {mayor.g('le Maire', 'la Maire')} de {a.city}, "
             f"{mayor.name}, le {dates.long(report_date + timedelta(days=2))}.",
             bold_spans=("7. Validation.",)),
        Signature([f"{t1.person.name} – {t2.person.name}"], f"{a.city}, le {dates.long(report_date)}",
                  signed=False, align="left")]
    doc = Doc(blocks, title="Rapport de mission", author="mri", font="sans",
              footer=f"Rapport EXPE-CT {pcity} – {month_year(start)}", created=report_date)
    name = f"r28-rapport-mission-{slug(pcity)}-perigueux.odt"
    pieces = [PieceSpec(name, doc, "odt")]
    checks = report_checks(end, start, report_date, 2)
    return Submission(name, "rapport", "file", pieces,
                      rapport_truth(name, pieces, a, label, themes, team, [m.person for m in team],
                                    [mayor, *hosts, interpreter, embassy], country, start, end, report_date,
                                    False, checks, "run-in", "statement",
                                    ["sommaire puis titres en tête de paragraphe (« 5. Action complémentaire. Oui. »)",
                                     "hôtes et interprète nommés, non participants", "long terme : non"]))


def r29_late_letter(seed: int, pool: PeoplePool, foreign: ForeignPool) -> Submission:
    """The report and its cover letter, the letter dated 12 days after the report."""
    rng = random.Random(f"{seed}:r29:wider")
    a, sc = DUNKERQUE, scopes.BY_KEY["littoral"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Sénégal")
    start = date(2024, 11, 25)
    end = start + timedelta(days=4)
    report_date = date(2025, 1, 10)
    letter_date = report_date + timedelta(days=12)
    team = [_team_member(rng, pool, a, sc, "agent")]
    president = pool.draw()
    met = [foreign.draw(country.region) for _ in range(3)]
    embassy = pool.draw()
    m = team[0]
    objective = rng.choice(sc.objectives)
    report = Doc([Para(a.name, bold=True, align="left", size=9),
                  Heading("Compte rendu de mission EXPE-CT", 1, "style"),
                  Para(f"{label} – {pcity} ({country.name})", align="center", bold=True),
                  Table([["Missionnaire", f"{m.person.civ} {m.person.name}, {m.function}"],
                         ["Dates", dates.span(rng, start, end)],
                         ["Partenaire", ucfirst(partner_the(partner))]], header=False, widths=[1, 2.6]),
                  Heading("Objet de la mission", 2, "style"),
                  Para(f"La mission avait pour objet {('d' + chr(39) + objective) if objective[0] in 'aeiouéh' else 'de ' + objective}."),
                  Heading("Déroulement", 2, "style"),
                  Bullets([f"{ucfirst(dates.day_month(d))} : {what}" for d, what in zip(
                      dates.days(start, end), ["voyage et arrivée", *sc.activities[:3], "restitution et retour"])],
                      marker="•"),
                  Heading("Personnes rencontrées", 2, "style"),
                  Table([["Nom", "Fonction"]] + [[p.written("civ"), p.g(*f)] for p, f in
                                                  zip(met, FOREIGN_FUNCTIONS)] +
                        [[embassy.written("civ"), embassy.g(*EMBASSY[1]) + f", ambassade de France {country.en}"]],
                        header=True),
                  Heading("Suites", 2, "style"),
                  Para(ucfirst(rng.choice(sc.next_steps)).rstrip(".") + "."),
                  Heading("Perspectives", 2, "style"),
                  Para(ucfirst(rng.choice(sc.long_term)).rstrip(".") + "."),
                  Signature(["Le missionnaire,", m.person.name], f"{a.city}, le {dates.long(report_date)}",
                            signed=True, align="left")],
                 title="CR mission", author=m.person.last.lower(), font="serif", created=report_date)
    ex_title = a.executive(president.gender)
    letter = Doc([Para(f"{a.city}, le {dates.long(letter_date)}", align="right")]
                 + writing.addressee_block(rng, "Madame la Déléguée,")
                 + [Para(f"Objet : transmission du compte rendu de la mission EXPE-CT – {country.name}", bold=True,
                         align="left"),
                    Para("Madame la Déléguée,", align="left"),
                    Para(f"J'ai l'honneur de vous transmettre le compte rendu de la mission conduite "
                         f"{dates.span(rng, start, end)} par {m.person.civ} {m.person.name} auprès de "
                         f"{partner_the(partner)}. Ce compte rendu, établi le {dates.long(report_date)}, a été "
                         f"validé par {a.the}."),
                    Para(rng.choice(writing.CLOSINGS).format(civ="Madame la Déléguée")),
                    Signature([f"{ex_title},", president.written("upper_last")], None, signed=True,
                              stamp=writing.stamp(a))],
                 letterhead=Letterhead([a.name.upper(), "Direction de l'international", a.address], []),
                 title="Transmission", author="Cabinet", font="sans", created=letter_date)
    pieces = [PieceSpec("Courrier_transmission_DAECT.pdf", letter, "pdf"),
              PieceSpec(f"CR_mission_EXPE-CT_{slug(pcity)}.docx", report, "docx")]
    name = f"r29-CUD-mission-{slug(pcity)}.zip"
    checks = report_checks(end, start, report_date, 1)
    return Submission(name, "rapport", "zip", pieces,
                      rapport_truth(name, pieces, a, label, themes, team, [m.person], [president, *met, embassy],
                                    country, start, end, report_date, False, checks, "report-and-letter", "letter",
                                    [f"courrier de transmission daté du {letter_date.isoformat()}, après le rapport "
                                     f"({report_date.isoformat()}) : la date du rapport est celle du compte rendu",
                                     f"échéance : {dates.deadline(end).isoformat()}"]))


def r30_hosting(seed: int, pool: PeoplePool, foreign: ForeignPool) -> Submission:
    """A hosted delegation of two, with the hosting team, an interpreter, a driver and the mayor."""
    rng = random.Random(f"{seed}:r30:wider")
    a, sc = MULHOUSE, scopes.BY_KEY["mobilite"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Brésil")
    start = date(2025, 4, 7)
    end = start + timedelta(days=4)
    report_date = end + timedelta(days=40)
    delegates = [foreign.draw(country.region) for _ in range(2)]
    team = [_team_member(rng, pool, a, sc, "agent"), _team_member(rng, pool, a, sc, "agent")]
    mayor, interpreter, driver, embassy = pool.draw(), pool.draw(), pool.draw(), pool.draw()
    d1, d2 = delegates
    h1, h2 = team
    ex_title = a.executive(mayor.gender)
    objective = rng.choice(sc.objectives)
    blocks = [Para(a.name, align="left", bold=True), Para("Mission relations internationales", align="left", size=9),
              Heading("Rapport d'accueil d'une délégation étrangère – programme EXPE-CT", 1, "style"),
              Para(f"Délégation {of_partner(partner)} "
                   f"({country.name}) – {dates.span(rng, start, end)}", align="center", bold=True),
              Heading("Objet de l'accueil", 2, "style"),
              Para(f"À la demande de l'ambassade de France {country.en}, nous avons accueilli deux représentants de "
                   f"{partner_the(partner)} afin {('d' + chr(39) + objective) if objective[0] in 'aeiouéh' else 'de ' + objective}, "
                   f"dans le domaine « {label} »."),
              Heading("La délégation accueillie", 2, "style"),
              Bullets([f"{d1.written('civ')}, {d1.g(*FOREIGN_FUNCTIONS[2]).lower()} ;",
                       f"{d2.written('civ')}, {d2.g(*FOREIGN_FUNCTIONS[5]).lower()}."], marker="•"),
              Para(f"La délégation était accompagnée de {interpreter.written('civ')}, interprète de conférence "
                   f"(portugais-français) recruté{'e' if interpreter.gender == 'f' else ''} pour la semaine, et, le "
                   f"premier jour, de {embassy.written('civ')}, {embassy.g(*EMBASSY[2]).lower()} à l'ambassade de "
                   f"France {country.en}, de passage en France."),
              Heading("L'équipe d'accueil", 2, "style"),
              Para(f"L'accueil a été organisé et animé par {h1.person.name}, {lcfirst(h1.function)}, et "
                   f"{h2.person.name}, {lcfirst(h2.function)}, avec le concours des agents de leurs services. "
                   f"Les déplacements ont été assurés par {driver.name}, chauffeur du parc municipal."),
              Heading("Programme", 2, "style")]
    acts = list(sc.activities)
    for i, d in enumerate(dates.days(start, end)):
        what = ("accueil en mairie par " + f"{mayor.written('civ')}, {ex_title[3:].lower()}" if i == 0 else
                "séance de synthèse et départ de la délégation" if d == end else acts[(i - 1) % len(acts)])
        blocks.append(Para(f"{ucfirst(dates.day_month(d))} – {what}.", align="left"))
    blocks += [Heading("Suites", 2, "style"),
               Para(f"Action complémentaire. Oui : {rng.choice(sc.next_steps).rstrip('.')}.",
                    bold_spans=("Action complémentaire.",)),
               Para(f"Coopération à plus long terme. Oui. {ucfirst(rng.choice(sc.long_term)).rstrip('.')}.",
                    bold_spans=("Coopération à plus long terme.",)),
               Para(f"{a.city}, le {dates.long(report_date)}", align="left"),
               Para(f"{h1.person.name} – {h2.person.name}", align="left"),
               Para(f"Rapport validé par {mayor.g('le Maire', 'la Maire')}, {mayor.name}, le "
                    f"{dates.long(report_date + timedelta(days=1))}.", align="left")]
    doc = Doc(blocks, title="Rapport accueil", author="mri", font="sans", created=report_date)
    name = f"r30-rapport-accueil-delegation-{slug(pcity)}.docx"
    pieces = [PieceSpec(name, doc, "docx")]
    checks = report_checks(end, start, report_date, 2)
    return Submission(name, "rapport", "file", pieces,
                      rapport_truth(name, pieces, a, label, themes, team, delegates,
                                    [mayor, interpreter, driver, embassy], country, start, end, report_date, True,
                                    checks, "hosting-with-staff", "statement",
                                    ["accueil : participants = les deux délégués ; équipe d'accueil, interprète, "
                                     "chauffeur, maire et agent de l'ambassade nommés sans être participants"]))


def r31_annexes(seed: int, pool: PeoplePool, foreign: ForeignPool) -> Submission:
    """Composition list with a chef de mission, a local interpreter, annex tables; eight days."""
    rng = random.Random(f"{seed}:r31:wider")
    a, sc = GRAND_EST, scopes.BY_KEY["agriculture"]
    label, themes = pick_label(rng, sc)
    country, partner, pcity = world(rng, "Moldavie")
    start = date(2023, 9, 16)
    end = start + timedelta(days=7)
    report_date = date(2023, 11, 20)
    team = [_team_member(rng, pool, a, sc, "agent"), _team_member(rng, pool, a, sc, "elu")]
    vp = pool.draw()
    interpreter = foreign.draw(country.region)
    met = [foreign.draw(country.region) for _ in range(4)]
    embassy = pool.draw()
    t1, t2 = team
    objective = rng.choice(sc.objectives)
    footer = f"Rapport de mission EXPE-CT – {pcity}, {month_year(start)}"
    days = dates.days(start, end)
    blocks = [Para(f"{a.name} – Direction Europe et international", align="left", size=9),
              Heading(a.name.upper(), 1, "caps"), Heading("Rapport de mission EXPE-CT", 1, "style"),
              Heading(f"Mission d'expertise auprès de {partner_the(partner)} ({country.name})", 2, "style"),
              Heading(label, 2, "style"),
              Heading(f"{start.day} – {end.day} {MONTHS[end.month - 1]} {end.year}", 2, "style"),
              Para(f"Missionnaires : {t1.person.name} et {t2.person.name}", align="left"),
              PageBreak(),
              Heading("1. Contexte et objet de la mission", 1, "style"),
              Para(f"L'objet précis de la mission était {('d' + chr(39) + objective) if objective[0] in 'aeiouéh' else 'de ' + objective}."),
              Heading("2. Composition de la mission", 1, "style"),
              Para(f"{ucfirst(a.the)} a mobilisé deux personnes :"),
              Bullets([f"{t1.person.civ} {t1.person.name}, {lcfirst(t1.function)}, chef{'fe' if t1.person.gender == 'f' else ''} de mission ;",
                       f"{t2.person.civ} {t2.person.name}, {lcfirst(t2.function)}."], marker="–"),
              Para(f"Sur place, la mission a été accompagnée par {interpreter.written('civ')}, interprète recruté"
                   f"{'e' if interpreter.gender == 'f' else ''} par la collectivité partenaire."),
              Heading("3. Déroulement", 1, "style"),
              Para(" ".join(f"{ucfirst(dates.day_month(d))}. {w}." for d, w in zip(
                  days, ["Départ de Strasbourg, vol vers Chișinău", *([ucfirst(x) for x in sc.activities] * 2)][:len(days) - 1]
                  + ["Retour en France"]))),
              Heading("4. Une action complémentaire", 1, "style"),
              Para(f"La mission appelle une action complémentaire : {rng.choice(sc.next_steps).rstrip('.')}."),
              Heading("5. Vers une coopération à plus long terme", 1, "style"),
              Para(f"Les contacts noués permettent d'envisager une coopération durable : "
                   f"{rng.choice(sc.long_term).rstrip('.')}."),
              Para(f"Fait à Strasbourg, le {dates.long(report_date)}", align="left"),
              Para(f"{t1.person.name} {t2.person.name}", align="left"),
              Para(f"Rapport validé pour {a.the}, {vp.civ} {vp.name}, {vp.g('vice-président', 'vice-présidente')} "
                   f"chargé{'e' if vp.gender == 'f' else ''} des relations internationales, le "
                   f"{dates.long(report_date + timedelta(days=3))}", align="left"),
              PageBreak(),
              Heading("Annexe 1 – Programme détaillé de la mission", 1, "style"),
              Table([["Date", "Activité", "Interlocuteurs"]] +
                    [[dates.numeric(d)[:5], ucfirst(sc.activities[i % len(sc.activities)]),
                      f"{p.written('civ')}, {p.g(*FOREIGN_FUNCTIONS[i % len(FOREIGN_FUNCTIONS)]).lower()}"]
                     for i, (d, p) in enumerate(zip(days[1:], met))], header=True, widths=[0.6, 2, 2]),
              Heading("Annexe 2 – Personnes rencontrées", 1, "style"),
              Table([["Nom", "Fonction", "Institution"]] +
                    [[p.written("civ"), p.g(*FOREIGN_FUNCTIONS[i % len(FOREIGN_FUNCTIONS)]), ucfirst(partner)]
                     for i, p in enumerate(met)] +
                    [[embassy.written("civ"), embassy.g(*EMBASSY[0]), "Ambassade de France"]], header=True),
              Heading("Annexe 3 – Dépenses de la mission", 1, "style"),
              Table([["Poste", "Montant", "Pris en charge par"],
                     ["Billets d'avion (2 A/R)", "1 240 €", "MEAE"],
                     ["Hébergement et repas (7 nuits)", "26 000 MDL", ucfirst(partner)],
                     ["Interprétariat", "9 500 MDL", ucfirst(partner)]], header=True)]
    doc = Doc(blocks, title="Rapport de mission", author="dei", font="sans", footer=footer,
              running_header=f"{a.name} – Direction Europe et international", created=report_date)
    name = f"r31-Rapport_mission_EXPE-CT_{slug(pcity).replace('-', '_')}.pdf"
    pieces = [PieceSpec(name, doc, "pdf")]
    checks = report_checks(end, start, report_date, 2)
    return Submission(name, "rapport", "file", pieces,
                      rapport_truth(name, pieces, a, label, themes, team, [m.person for m in team],
                                    [vp, interpreter, *met, embassy], country, start, end, report_date, False,
                                    checks, "annexes", "statement",
                                    ["composition de la mission en liste, interprète local, annexes en tableaux "
                                     "(programme et interlocuteurs, personnes rencontrées, dépenses)",
                                     "huit jours, voyage compris"]))


def build_all(seed: int, pool: PeoplePool, foreign: ForeignPool) -> list[Submission]:
    return [c50_newsletter(seed, pool), c51_ds_export(seed, pool), c52_form_export(seed, pool),
            c53_long_dossier(seed, pool, foreign), c54_association(seed, pool),
            c55_deliberation_names(seed, pool),
            r28_runin(seed, pool, foreign), r29_late_letter(seed, pool, foreign), r30_hosting(seed, pool, foreign),
            r31_annexes(seed, pool, foreign)]
