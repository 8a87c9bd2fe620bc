"""The ten candidature checks of §III.1 (and §III.2 for the DAECT commitment)."""
from __future__ import annotations

from analysis.evidence import Evidence
from analysis.experts import Expert
from analysis.facts import CandidatureFacts
from analysis.statements import UNDECIDED_RE, Concept, Statement, find_statement
from common.text import fold

from .engine import check
from .vocabulary import APPLICANT_TYPE_FR as TYPE_FR, EXPERT_CATEGORY_FR as CATEGORY_FR, UNREAD_FR


MEAE = Concept("commitment.meae", (
    ("ministere", "meae", "mae", "daect", "dctciv", "affaires etrangeres", "quai d'orsay", "l'etat"),
    ("mission",),
    ("accept", "engag", "disposi", "pret", "volont", "consent", "entend", "travailler", "collaborer",
     "repondre", "participer", "contribuer", "mobilis"),
), topic=(("ministere", "meae", "mae", "affaires etrangeres", "perspective internationale", "action internationale"),
          ("engag", "mission", "perspective", "travailler", "collabor")))
INFORM_DAECT = Concept("commitment.inform_daect", (
    ("inform", "signal", "avertir", "prevenir", "rendre compte", "faire part", "porter a la connaissance",
     "tenir au courant"),
    ("daect", "dctciv", "delegation", "ministere", "meae"),
    ("sollicit", "demande", "proposition", "invitation"),
), topic=(("daect", "dctciv", "delegation", "engagements"), ("inform", "sollicit", "engag")))


def _names(experts: list[Expert]) -> str:
    names = [e.name.full for e in experts]
    return ", ".join(names[:5]) + (" …" if len(names) > 5 else "")


@check("applicant.eligible")
def applicant_eligible(facts: CandidatureFacts):
    applicant = facts.applicant
    if applicant is None or not applicant.type:
        return "review", "Demandeur non identifié dans le dossier : à vérifier.", []
    if applicant.type == "autre":
        return ("fail", f"« {applicant.name} » n'est ni une collectivité territoriale, ni un "
                "groupement, ni une association d'élus ou de collectivités.", applicant.evidence)
    return ("pass", f"« {applicant.name} » : {TYPE_FR[applicant.type]}.", applicant.evidence)


@check("expertise.described")
def expertise_described(facts: CandidatureFacts):
    found = facts.expertise_status
    return found.status, found.message, found.evidence


@check("expertise.basis")
def expertise_basis(facts: CandidatureFacts):
    basis = facts.basis
    return basis.status, basis.message, basis.evidence


def _statement_result(found: Statement, what: str):
    if found.status == "pass":
        return "pass", f"{what} : engagement présent.", found.evidence
    if found.reason == "undecided":
        return "review", f"{what} : mentionné mais laissé « à définir ».", found.evidence
    if found.reason == "unticked":
        return "fail", f"{what} : case non cochée.", found.evidence
    if found.reason == "placeholder":
        return "fail", f"{what} : rubrique laissée vide.", found.evidence
    if found.reason == "unread":
        return "review", f"{what} : {UNREAD_FR}.", []
    return "fail", f"{what} : engagement absent du dossier.", []


@check("commitment.meae")
def commitment_meae(facts: CandidatureFacts):
    return _statement_result(find_statement(facts.submission, MEAE),
                             "Acceptation de travailler avec le ministère sur des missions")


@check("experts.named")
def experts_named(facts: CandidatureFacts):
    if not facts.experts:
        undecided = facts.experts_undecided
        if undecided:
            return "review", "Liste des experts annoncée mais laissée « à définir » ou vide.", undecided
        if facts.candidates:
            return ("review", f"Aucun expert identifié avec certitude : {len(facts.candidates)} personne(s) "
                    "nommée(s) dans le dossier, à examiner (voir les extraits).", facts.candidates)
        return "fail", "Aucun expert n'est nommé : le dossier, lu en entier, ne nomme personne.", []
    n = len(facts.experts)
    return ("pass", f"{n} expert{'s' if n > 1 else ''} nommé{'s' if n > 1 else ''} : {_names(facts.experts)}.",
            [e.evidence[0] for e in facts.experts if e.evidence][:5])


def _no_expert_status(facts: CandidatureFacts) -> tuple[str, list[Evidence]]:
    """What the checks on experts say when none was found: fail only when the
    dossier names nobody at all, else a person looks (the candidates quoted)."""
    undecided = facts.experts_undecided
    if undecided or facts.candidates:
        return "review", undecided or facts.candidates
    return "fail", []


def _among(some: list[Expert], experts: list[Expert]) -> str:
    """'1 expert sur 3 : Claire Martin'."""
    return f"{len(some)} expert{'s' if len(some) > 1 else ''} sur {len(experts)} : {_names(some)}"


def _every_expert(facts: CandidatureFacts, attr: str, what: str):
    if not facts.experts:
        status, evidence = _no_expert_status(facts)
        return status, f"Aucun expert identifié : {what} ne peuvent être vérifiées.", evidence
    missing = [e for e in facts.experts if not getattr(e, attr)]
    if missing:
        # Absent where the entry was read whole (an empty cell or field, a short
        # item): a fail; elsewhere the reading may have missed it: a review.
        status = "fail" if any(e.read_whole for e in missing) else "review"
        return (status, f"{what.capitalize()} absentes pour {_among(missing, facts.experts)}"
                + ("." if status == "fail" else " (à vérifier)."),
                [e.evidence[0] for e in missing if e.evidence][:5])
    undecided = [e for e in facts.experts if UNDECIDED_RE.search(fold(getattr(e, attr)))]
    if undecided:   # "Claire de Vaucelles, fonction à préciser"
        return ("review", f"{what.capitalize()} laissées « à préciser » pour {_among(undecided, facts.experts)}.",
                [e.evidence[0] for e in undecided if e.evidence][:5])
    return ("pass", f"{what.capitalize()} indiquées pour les {len(facts.experts)} experts.",
            [e.evidence[0] for e in facts.experts if e.evidence][:5])


@check("experts.function")
def experts_function(facts: CandidatureFacts):
    return _every_expert(facts, "function", "fonctions")


@check("experts.qualifications")
def experts_qualifications(facts: CandidatureFacts):
    return _every_expert(facts, "qualifications", "qualifications")


@check("experts.eligible")
def experts_eligible(facts: CandidatureFacts):
    if not facts.experts:
        status, evidence = _no_expert_status(facts)
        return status, "Aucun expert identifié : leur qualité ne peut être vérifiée.", evidence
    others = [e for e in facts.experts if e.category == "autre"]
    unknown = [e for e in facts.experts if e.category is None]
    if others:
        return ("fail", f"Expert{'s' if len(others) > 1 else ''} hors des catégories prévues "
                f"(élus, agents, partenaires territoriaux) : {_names(others)}.",
                [e.evidence[0] for e in others if e.evidence])
    if unknown:
        return ("review", f"Qualité à vérifier pour : {_names(unknown)}.",
                [e.evidence[0] for e in unknown if e.evidence])
    counts = {}
    for e in facts.experts:
        counts[CATEGORY_FR[e.category]] = counts.get(CATEGORY_FR[e.category], 0) + 1
    return ("pass", "Experts éligibles : " + ", ".join(f"{n} {c}" for c, n in counts.items()) + ".",
            [e.evidence[0] for e in facts.experts if e.evidence][:5])


@check("commitment.inform_daect")
def commitment_inform_daect(facts: CandidatureFacts):
    return _statement_result(find_statement(facts.submission, INFORM_DAECT),
                             "Engagement d'informer la DAECT des sollicitations")


@check("signature")
def signature(facts: CandidatureFacts):
    found = facts.signature
    if found.deliberation:
        return "pass", "Délibération de l'assemblée jointe.", [found.deliberation]
    if found.dated and found.signed:
        return "pass", "Dossier daté et signé par l'exécutif.", [found.dated, found.signed]
    if found.dated and found.candidates:
        return ("review", "Dossier daté ; signataire à confirmer (nom sans titre de l'exécutif reconnu).",
                [found.dated, *found.candidates])
    if found.dated:
        return "fail", "Dossier daté mais sans signataire identifié (titre et nom).", [found.dated]
    if found.signed:
        return "fail", "Dossier signé mais non daté.", [found.signed]
    return "fail", "Ni date ni signature de l'exécutif, ni délibération jointe.", []
