"""A mission report understood: mission facts, the label holder, its people,
what it says on the questions of §III.3 and its validation, gathered as the
facts the report checks judge."""
from __future__ import annotations

import re
from datetime import date

from extractors.model import Submission

from .applicant import Applicant, find_applicant
from .experts import Expert, categorise, experts_in_unit, find_experts, merge
from .facts import ReportFacts
from .mission import HOST_TEAM_FIELD_RE, SENT_FIELD_RE, MissionFacts, field_values, find_mission
from .report_statements import find_validation, follow_up_statement, long_term_statement, purpose_statement


def report_experts(submission: Submission, mission: MissionFacts, applicant: Applicant | None) -> list[Expert]:
    """The label holder's people named as taking part, with their functions:
    the missionaries of a sending mission, the hosting team of a hosting one."""
    label_re = HOST_TEAM_FIELD_RE if mission.hosting else SENT_FIELD_RE
    found = []
    for value, block in field_values(submission, label_re):
        for part in re.split(r"\s*;\s*", value):
            found.extend(experts_in_unit(part, block, "form"))
    name = applicant.name if applicant else None
    if not found:
        return find_experts(submission, name, applicant.type if applicant else None)
    experts = merge(found)
    for expert in experts:
        expert.category = categorise(expert.function, expert.organisation, applicant=name)
        if expert.organisation is None and expert.category in ("elu", "agent") and name:
            expert.organisation = name
    return experts


def report_facts(submission: Submission, received: date | None = None) -> ReportFacts:
    mission = find_mission(submission)
    applicant = find_applicant(submission, report=True)
    return ReportFacts(submission, mission,
                       purpose=purpose_statement(submission), follow_up=follow_up_statement(submission),
                       long_term=long_term_statement(submission), validation=find_validation(submission),
                       received=received, applicant=applicant,
                       experts=report_experts(submission, mission, applicant))
