"""A candidature dossier understood: applicant, expertise, experts, basis,
gathered as the facts the §III.1 checks judge."""
from __future__ import annotations

from extractors.model import Submission

from .applicant import find_applicant
from .experts import find_experts
from .expertise import expertise_status, find_basis, find_expertise
from .facts import CandidatureFacts


def candidature_facts(submission: Submission) -> CandidatureFacts:
    applicant = find_applicant(submission)
    expertise = find_expertise(submission)
    return CandidatureFacts(
        submission=submission,
        applicant=applicant,
        expertise=expertise,
        expertise_status=expertise_status(expertise, submission),
        basis=find_basis(submission),
        experts=find_experts(submission, applicant.name if applicant else None,
                             applicant.type if applicant else None),
    )
