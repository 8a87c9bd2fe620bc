"""The seven mission-report checks of §III.2 and §III.3."""
from __future__ import annotations

import re

from analysis.evidence import Evidence
from analysis.facts import ReportFacts
from analysis.statements import UNDECIDED_RE, Concept, Statement, blocks_under, find_statement
from common.text import fold, sentences
from extractors.model import Submission

from .engine import check
from .rules import Parameters, number_fr

PURPOSE_HEADING = re.compile(r"\bobjet\b|objectifs?|termes de reference|but de la mission")
FOLLOW_UP_HEADING = re.compile(r"\bsuites?\b|actions? complementaires?|prolongements?|prochaines etapes")
LONG_TERM_HEADING = re.compile(r"perspectives?|cooperation (?:future|a (?:plus )?long terme|durable|envisagee)"
                               r"|partenariat|long terme|avenir")
PURPOSE = Concept("report.purpose", (("mission",), ("objet", "objectif", "but", "visait", "avait pour", "consist", "destinee a")))
FOLLOW_UP = Concept("report.follow_up", (
    ("action complementaire", "actions complementaires", "mission complementaire", "seconde mission", "deuxieme mission",
     "nouvelle mission", "mission de suivi", "prolong", "suite a donner", "suites a donner", "complete par", "completee par",
     "completer la mission", "completer ce", "pourrait completer", "pourraient completer",
     "second volet", "suite de la mission", "suites de la mission", "accueil en retour", "visite retour"),),
    topic=(("suites", "suite a donner", "action complementaire", "actions complementaires", "prolongement"),))
LONG_TERM = Concept("report.long_term", (
    ("cooperation", "partenariat", "convention", "jumelage", "relations", "contacts"),
    ("long terme", "durable", "perenn", "futur", "plus long", "a venir", "prochaines annees", "accord de cooperation",
     "convention de cooperation", "partenariat durable", "deboucher", "pluriannuel"),
))
VALIDATION_RE = re.compile(
    r"\b(?:vu|valide|approuve|vise|certifie)e?s? (?:et (?:valide|approuve)e? )?par\b|\bvisa\b|\bvalidation\b"
    r"|\ble present rapport (?:a ete|est) (?:valide|approuve)|\bbon pour validation\b|\bj'approuve\b")
TRANSMISSION_RE = re.compile(r"transmet|transmettre|vous adresser|adresse ci-joint|vous faire parvenir|ci-joint le rapport")
EXECUTIVE_RE = re.compile(r"\b(?:le|la) (?:maire|president|presidente|vice-president|vice-presidente|directeur general"
                          r"|directrice generale|dgs)\b|\bpour le (?:maire|president)\b|\bp/o\b|\bpar delegation\b")


def _section_statement(submission: Submission, heading_re: re.Pattern, concept: Concept,
                       other_heading: re.Pattern | None = None, other: Concept | None = None) -> Statement:
    """A required statement: its own section if the report has one (empty or
    "à définir" → review), else a sentence anywhere that says it.  A section
    shared with another statement ("Suites et perspectives") is read sentence
    by sentence."""
    for heading, body in blocks_under(submission, heading_re):
        text = " ".join(b.text for b in body if b.kind != "heading").strip()
        if not text:
            return Statement("review", [Evidence.of(heading)], "empty")
        merged = other_heading is not None and other_heading.search(fold(heading.text))
        if merged:
            said = [s for s in sentences(text) if concept.matches(fold(s))]
            if said:
                undecided = all(UNDECIDED_RE.search(fold(s)) for s in said)
                return Statement("review" if undecided else "pass", [Evidence(heading.piece, heading.page, said[0][:220])],
                                 "undecided" if undecided else "found")
            rest = [s for s in sentences(text) if not (other and other.matches(fold(s)))]
            if not rest:   # the shared section only answers the other question
                return Statement("review", [Evidence.of(heading)], "empty")
            text = " ".join(rest)
        if UNDECIDED_RE.search(fold(text)):
            return Statement("review", [Evidence.of(body[0])], "undecided")
        return Statement("pass", [Evidence.of(body[0])], "found")
    return find_statement(submission, concept)


def _statement(found: Statement, what: str):
    if found.status == "pass":
        return "pass", f"{what} : le rapport se prononce.", found.evidence
    if found.status == "review":
        detail = "rubrique vide" if found.reason == "empty" else "réponse non arrêtée (« à définir »)"
        return "review", f"{what} : {detail}.", found.evidence
    return "fail", f"{what} : le rapport ne le dit pas.", found.evidence


@check("report.purpose")
def report_purpose(facts: ReportFacts):
    return _statement(_section_statement(facts.submission, PURPOSE_HEADING, PURPOSE),
                      "Compte rendu de l'objet précis de la mission")


@check("report.follow_up")
def report_follow_up(facts: ReportFacts):
    return _statement(_section_statement(facts.submission, FOLLOW_UP_HEADING, FOLLOW_UP,
                                         LONG_TERM_HEADING, LONG_TERM),
                      "Action complémentaire possible")


@check("report.long_term")
def report_long_term(facts: ReportFacts):
    return _statement(_section_statement(facts.submission, LONG_TERM_HEADING, LONG_TERM,
                                         FOLLOW_UP_HEADING, FOLLOW_UP),
                      "Coopération à plus long terme")


def _people_fr(n: int) -> str:
    """'une ou deux personnes', as III.2 says it for two."""
    if n == 1:
        return "une personne"
    if n == 2:
        return "une ou deux personnes"
    return f"{number_fr(n)} personnes au plus"


@check("report.deadline")
def report_deadline(facts: ReportFacts, parameters: Parameters):
    mission = facts.mission
    if mission.end is None:
        return "review", "Dates de la mission introuvables : délai de remise à vérifier.", []
    due = parameters.report_due(mission.end)
    months_fr = parameters.report_deadline_fr
    dated, source = (facts.received, "reçu") if facts.received else (mission.report_date, "daté")
    evidence = mission.evidence.get("dates", []) + ([] if facts.received else mission.evidence.get("report_date", []))
    if dated is None:
        return ("review", f"Rapport non daté : à remettre au plus tard le {due:%d/%m/%Y} "
                f"(retour le {mission.end:%d/%m/%Y}).", evidence)
    if dated > due:
        return ("fail", f"Rapport {source} le {dated:%d/%m/%Y}, après l'échéance du {due:%d/%m/%Y} "
                f"({months_fr} après le retour du {mission.end:%d/%m/%Y}).", evidence)
    return ("pass", f"Rapport {source} le {dated:%d/%m/%Y}, dans les {months_fr} suivant le retour "
            f"du {mission.end:%d/%m/%Y} (échéance {due:%d/%m/%Y}).", evidence)


@check("report.validated")
def report_validated(facts: ReportFacts):
    for piece in facts.submission.pieces:
        text = fold(piece.text)
        for block in piece.blocks:
            if VALIDATION_RE.search(fold(block.text)):
                return "pass", "Validation par le titulaire du label.", [Evidence.of(block)]
        if TRANSMISSION_RE.search(text) and "rapport" in text and EXECUTIVE_RE.search(text):
            block = next(b for b in piece.blocks if EXECUTIVE_RE.search(fold(b.text)))
            return "pass", "Rapport transmis et signé par l'exécutif du titulaire du label.", [Evidence.of(block)]
    return "fail", "Aucune validation (visa, signature ou transmission) du titulaire du label.", []


@check("mission.size")
def mission_size(facts: ReportFacts, parameters: Parameters):
    people = facts.mission.participants
    evidence = facts.mission.evidence.get("participants", [])
    if facts.mission.hosting:
        who = "représentant accueilli" if len(people) == 1 else "représentants accueillis"
    else:
        who = "personne envoyée" if len(people) == 1 else "personnes envoyées"
    if not people:
        return "review", "Participants de la mission non identifiés : à vérifier.", evidence
    if len(people) <= parameters.people_per_mission:
        return "pass", f"{len(people)} {who} : " + ", ".join(p.full for p in people) + ".", evidence
    return ("review", f"{len(people)} {who}, au-delà des {_people_fr(parameters.people_per_mission)} prévues : "
            + ", ".join(p.full for p in people) + ".", evidence)


@check("mission.duration")
def mission_duration(facts: ReportFacts, parameters: Parameters):
    mission = facts.mission
    evidence = mission.evidence.get("dates", [])
    if mission.start is None or mission.end is None:
        return "review", "Durée de la mission introuvable : à vérifier.", evidence
    days = (mission.end - mission.start).days + 1
    limit = parameters.days_per_mission
    if days <= limit:
        return "pass", f"Mission de {days} jour{'s' if days > 1 else ''}.", evidence
    beyond = "d'une semaine" if limit == 7 else f"de {limit} jours"
    return "review", f"Mission de {days} jours, au-delà {beyond} : à examiner.", evidence
