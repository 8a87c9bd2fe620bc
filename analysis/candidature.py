"""A candidature dossier understood: applicant, expertise, experts, basis,
gathered as the facts the §III.1 checks judge."""
from __future__ import annotations

from extractors.model import Submission

from .applicant import find_applicant
from .experts import experts_undecided, find_experts, person_candidates
from .signature import find_signature
from .expertise import expertise_status, find_basis, find_expertise
from .facts import CandidatureFacts


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
        facts.experts_undecided = experts_undecided(submission)
        facts.candidates = person_candidates(submission)
    return facts
