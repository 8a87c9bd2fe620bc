"""The ten candidature checks of §III.1 (and §III.2 for the DAECT commitment)."""
from __future__ import annotations

import re

from analysis.evidence import Evidence
from analysis.experts import Expert
from analysis.facts import CandidatureFacts
from analysis.statements import Concept, Statement, find_statement
from common.text import fold

from .engine import check
from .vocabulary import APPLICANT_TYPE_FR as TYPE_FR, EXPERT_CATEGORY_FR as CATEGORY_FR


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
DELIBERATION_RE = re.compile(
    r"extrait (?:du registre )?des deliberations|deliberation (?:n\W|du|de l'|de la)"
    r"|(?:le|la) (?:conseil|assemblee|bureau|commission permanente)\b.{0,120}\b(?:approuve|autorise|decide|adopte|valide)")
DATE_RE = re.compile(
    r"\b(?:fait|etabli|signe)e? a [^,\n]{2,40},? le\s*:?\s*\d|\ble \d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin"
    r"|juillet|aout|septembre|octobre|novembre|decembre) \d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|^(?:date|le)\s*:\s*\d")
# The executive's title in a signature block ("Le Maire,", "La Présidente du Conseil
# départemental,", "Nom et qualité du signataire :"), to be followed by a name.
EXECUTIVE = r"(?:maire|president|presidente|vice-president|vice-presidente|gerant|gerante)"
SIGNATORY_RE = re.compile(
    r"(?:^|[,.;:]\s*|\d{4}\s+)(?:pour |p/o |p\.o\. )?(?:(?:le|la|l')\s?" + EXECUTIVE +
    r"|(?:le|la|l')\s?(?:adjoint|adjointe|directeur general|directrice generale|delegue|deleguee)"
    r"|" + EXECUTIVE + r"\s*,?\s*$)\b[^\n]{0,80}$|nom et qualite du signataire\s*:|^signe\s*:")


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
    return "fail", f"{what} : engagement absent du dossier.", []


@check("commitment.meae")
def commitment_meae(facts: CandidatureFacts):
    return _statement_result(find_statement(facts.submission, MEAE),
                             "Acceptation de travailler avec le ministère sur des missions")


def _experts_undecided(facts: CandidatureFacts) -> list[Evidence]:
    """'Experts mobilisables : à définir', or an experts heading left empty."""
    from analysis.experts import lexicon
    from analysis.statements import UNDECIDED_RE
    for piece in facts.submission.pieces:
        for i, block in enumerate(piece.blocks):
            folded = fold(block.text)
            if not lexicon().context.search(folded):
                continue
            if UNDECIDED_RE.search(folded) and len(block.text) < 200:
                return [Evidence.of(block)]
            nxt = piece.blocks[i + 1] if i + 1 < len(piece.blocks) else None
            if block.kind == "heading" and (nxt is None or nxt.kind == "heading"):
                return [Evidence.of(block)]
    return []


@check("experts.named")
def experts_named(facts: CandidatureFacts):
    if not facts.experts:
        undecided = _experts_undecided(facts)
        if undecided:
            return "review", "Liste des experts annoncée mais laissée « à définir » ou vide.", undecided
        return "fail", "Aucun expert n'est nommé.", []
    n = len(facts.experts)
    return ("pass", f"{n} expert{'s' if n > 1 else ''} nommé{'s' if n > 1 else ''} : {_names(facts.experts)}.",
            [e.evidence[0] for e in facts.experts if e.evidence][:5])


def _every_expert(facts: CandidatureFacts, attr: str, what: str):
    if not facts.experts:
        undecided = _experts_undecided(facts)
        return ("review" if undecided else "fail"), f"Aucun expert nommé : {what} ne peuvent être vérifiées.", undecided
    missing = [e for e in facts.experts if not getattr(e, attr)]
    if missing:
        return ("fail", f"{what.capitalize()} absentes pour {len(missing)} expert"
                f"{'s' if len(missing) > 1 else ''} sur {len(facts.experts)} : {_names(missing)}.",
                [e.evidence[0] for e in missing if e.evidence][:5])
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
        undecided = _experts_undecided(facts)
        return ("review" if undecided else "fail"), "Aucun expert nommé : leur qualité ne peut être vérifiée.", undecided
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


def _signatory(blocks: list, i: int, line: str) -> bool:
    """A signature block: the title, then a name on the same line or just below."""
    from analysis.people import find_people

    if not SIGNATORY_RE.search(fold(line)):
        return False
    if find_people(line):
        return True
    following = [b.text for b in blocks[i + 1:i + 3]]
    return any(find_people(text.splitlines()[0]) for text in following if text.strip())


@check("signature")
def signature(facts: CandidatureFacts):
    dated = signed = deliberation = None
    for piece in facts.submission.pieces:
        for i, block in enumerate(piece.blocks):
            if deliberation is None and DELIBERATION_RE.search(fold(block.text)):
                deliberation = Evidence.of(block)
            for line in block.text.splitlines():
                if dated is None and DATE_RE.search(fold(line).strip()):
                    dated = Evidence(block.piece, block.page, line.strip()[:220])
                if signed is None and len(line) < 200 and _signatory(piece.blocks, i, line):
                    signed = Evidence(block.piece, block.page, line.strip()[:220])
    if deliberation:
        return "pass", "Délibération de l'assemblée jointe.", [deliberation]
    if dated and signed:
        return "pass", "Dossier daté et signé par l'exécutif.", [dated, signed]
    if dated:
        return "fail", "Dossier daté mais sans signataire identifié (titre et nom).", [dated]
    if signed:
        return "fail", "Dossier signé mais non daté.", [signed]
    return "fail", "Ni date ni signature de l'exécutif, ni délibération jointe.", []
