"""The seven mission-report checks of §III.2 and §III.3: judgements of the
report facts (analysis/facts.py), with no reading of the text."""
from __future__ import annotations

from analysis.facts import ReportFacts
from analysis.statements import Statement

from .engine import check
from .rules import Parameters, number_fr
from .vocabulary import UNREAD_FR


def _statement(found: Statement, what: str):
    if found.status == "pass":
        return "pass", f"{what} : le rapport se prononce.", found.evidence
    if found.status == "review":
        detail = {"empty": "rubrique vide",
                  "unread": UNREAD_FR}.get(found.reason, "réponse non arrêtée (« à définir »)")
        return "review", f"{what} : {detail}.", found.evidence
    return "fail", f"{what} : le rapport ne le dit pas.", found.evidence


@check("report.purpose")
def report_purpose(facts: ReportFacts):
    return _statement(facts.purpose, "Compte rendu de l'objet précis de la mission")


@check("report.follow_up")
def report_follow_up(facts: ReportFacts):
    return _statement(facts.follow_up, "Action complémentaire possible")


@check("report.long_term")
def report_long_term(facts: ReportFacts):
    return _statement(facts.long_term, "Coopération à plus long terme")


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
    found = facts.validation
    if found is None:
        return "fail", "Aucune validation (visa, signature ou transmission) du titulaire du label.", []
    if found.by == "vide":
        return "fail", "Bloc de validation du titulaire du label laissé vide.", [found.evidence]
    if found.by == "a_completer":
        return ("review", "Validation du titulaire du label annoncée mais laissée « à compléter » : à vérifier.",
                [found.evidence])
    if found.by == "visa":
        return "pass", "Validation par le titulaire du label.", [found.evidence]
    return "pass", "Rapport transmis et signé par l'exécutif du titulaire du label.", [found.evidence]


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
