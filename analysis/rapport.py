"""A mission report understood: mission facts, then the report checks."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from checks.engine import evaluate
from checks.rapport import ReportFacts
from extractors.model import Submission

from .mission import find_mission


def report_experts(submission: Submission, mission, applicant) -> list:
    """The label holder's people named as taking part, with their functions:
    the missionaries of a sending mission, the hosting team of a hosting one."""
    from .experts import experts_in_unit, find_experts, merge
    from .mission import HOST_TEAM_FIELD_RE, SENT_FIELD_RE, field_values

    label_re = HOST_TEAM_FIELD_RE if mission.hosting else SENT_FIELD_RE
    found = []
    for value, block in field_values(submission, label_re):
        for part in re.split(r"\s*;\s*", value):
            found.extend(experts_in_unit(part, block, "form"))
    name = applicant.name if applicant else None
    if not found:
        return find_experts(submission, name, applicant.type if applicant else None)
    experts = merge(found)
    from .experts import categorise
    for expert in experts:
        expert.category = categorise(expert.function, expert.organisation, applicant=name)
        if expert.organisation is None and expert.category in ("elu", "agent") and name:
            expert.organisation = name
    return experts


def analyse_rapport(submission: Submission, received: date | None = None) -> dict[str, Any]:
    from .applicant import find_applicant

    mission = find_mission(submission)
    applicant = find_applicant(submission)
    experts = report_experts(submission, mission, applicant)
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
