"""A mission report understood: mission facts, then the report checks."""
from __future__ import annotations

from datetime import date
from typing import Any

from checks.engine import evaluate
from checks.rapport import ReportFacts
from extractors.model import Submission

from .mission import find_mission


def analyse_rapport(submission: Submission, received: date | None = None) -> dict[str, Any]:
    from .applicant import find_applicant
    from .experts import find_experts

    mission = find_mission(submission)
    applicant = find_applicant(submission)
    experts = find_experts(submission, applicant.name if applicant else None)
    facts = ReportFacts(submission, mission, received, applicant, experts)
    results, verdict = evaluate("rapport", facts)
    return {
        "applicant": {"name": applicant.name, "type": applicant.type} if applicant else
                     {"name": None, "type": None},
        "expertise": [],
        "experts": [e.as_dict() for e in experts],
        "mission": mission.as_dict(),
        "checks": [r.as_dict() for r in results],
        "verdict": verdict,
    }
