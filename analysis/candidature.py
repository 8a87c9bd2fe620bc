"""A candidature dossier understood: applicant, expertise, experts, then the
§III.1 checks and the verdict, in the contract's terms."""
from __future__ import annotations

from typing import Any

from checks.candidature import CandidatureFacts
from checks.engine import evaluate
from extractors.model import Submission

from .applicant import find_applicant
from .experts import find_experts, person_candidates
from .signature import find_signature
from .expertise import expertise_status, find_basis, find_expertise


def candidature_facts(submission: Submission) -> CandidatureFacts:
    applicant = find_applicant(submission)
    expertise = find_expertise(submission)
    facts = CandidatureFacts(
        submission=submission,
        applicant=applicant,
        expertise=expertise,
        expertise_status=expertise_status(expertise, submission),
        basis=find_basis(submission),
        signature=find_signature(submission),
        experts=find_experts(submission, applicant.name if applicant else None,
                             applicant.type if applicant else None),
    )
    if not facts.experts:
        facts.candidates = person_candidates(submission)
    return facts


def analyse_candidature(submission: Submission) -> dict[str, Any]:
    facts = candidature_facts(submission)
    results, verdict = evaluate("candidature", facts)
    applicant = facts.applicant
    return {
        "applicant": {"name": applicant.name, "type": applicant.type} if applicant else
                     {"name": None, "type": None},
        "expertise": [{"label": item.label, "themes": list(item.themes)} for item in facts.expertise],
        "experts": [e.as_dict() for e in facts.experts],
        "checks": [r.as_dict() for r in results],
        "verdict": verdict,
    }
