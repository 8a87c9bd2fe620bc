"""A mission report understood: mission facts, the label holder, its people,
what it says on the questions of §III.3 and its validation, gathered as the
facts the report checks judge."""
from __future__ import annotations

import re
from datetime import date

from common.text import fold
from extractors.model import Block, Submission

from .applicant import Applicant, find_applicant
from .experts import Expert, categorise, experts_in_unit, find_experts, merge
from .facts import ReportFacts
from .mission import (HOST_TEAM_FIELD_RE, PARTICIPANTS_HEADING_RE, SENT_FIELD_RE, SUPPORT_ROLE_RE, MissionFacts,
                      field_values, find_mission, run_in_fields, taking_part)
from .report_statements import (TITLE_NUMBER, find_validation, follow_up_statement, long_term_statement,
                                purpose_statement)
from .statements import blocks_under

TITLE_LEAD_RE = re.compile(rf"^\W*{TITLE_NUMBER}?(?:l'|la |le |les )?")   # "2. ", "L'" before a title's words


def _team_texts(submission: Submission, label_re: re.Pattern) -> list[tuple[str, Block]]:
    """Where the report presents its team in prose or a list: a run-in title
    ("2. Composition de la mission. Mme …") or a section under such a title
    ("L'équipe d'accueil", "2. Composition de la mission")."""
    texts = run_in_fields(submission, label_re)
    for heading, body in blocks_under(submission, PARTICIPANTS_HEADING_RE):
        if label_re.match(TITLE_LEAD_RE.sub("", fold(heading.text))):
            texts.extend((b.text, b) for b in body if b.kind in ("paragraph", "list_item"))
    return texts


def _team_members(text: str, block: Block) -> list[Expert]:
    """The experts a team's text names, less its hosts and its support."""
    taking = {m.name.key for m in taking_part(text)}
    return [e for e in experts_in_unit(text, block, "list") if e.name.key in taking]


def _support(expert: Expert) -> bool:
    """The mission's interpreter or driver, none of its experts."""
    return bool(expert.function and SUPPORT_ROLE_RE.match(fold(expert.function)))


def report_experts(submission: Submission, mission: MissionFacts, applicant: Applicant | None) -> list[Expert]:
    """The label holder's people named as taking part, with their functions:
    the missionaries of a sending mission, the hosting team of a hosting one
    — from the summary fields, completed by the team's presentation (a field
    of names alone, "Missionnaires : A et B", takes their functions from the
    "Composition de la mission" list), or from that presentation alone.  The
    mission's interpreter or driver is none of its experts."""
    label_re = HOST_TEAM_FIELD_RE if mission.hosting else SENT_FIELD_RE
    found = []
    for value, block in field_values(submission, label_re):
        for part in re.split(r"\s*;\s*", value):
            found.extend(experts_in_unit(part, block, "form"))
    named = {e.name.key for e in found}
    for text, block in _team_texts(submission, label_re):
        found.extend(e for e in _team_members(text, block) if not named or e.name.key in named)
    found = [e for e in found if not _support(e)]
    name = applicant.name if applicant else None
    if not found:
        return [e for e in find_experts(submission, name, applicant.type if applicant else None) if not _support(e)]
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
