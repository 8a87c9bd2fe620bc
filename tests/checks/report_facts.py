"""Mission-report facts built by hand, as analysis/ would find them, for
judging the report rules without reading any file."""
from __future__ import annotations

from datetime import date

from analysis.evidence import Evidence
from analysis.facts import ReportFacts
from analysis.mission import MissionFacts
from analysis.people import PersonName
from analysis.report_statements import Validation
from analysis.statements import Statement
from extractors.model import Submission

SEEN = Evidence("rapport.docx", 1, "…")
SAID = Statement("pass", [SEEN], "found")
VISA = Validation("visa", SEEN)


def report_facts(start: date | None = date(2025, 3, 3), end: date | None = date(2025, 3, 7),
                 received: date | None = date(2025, 4, 20),
                 participants: tuple[str, ...] = ("Claire Martin", "Paul Durand"),
                 purpose: Statement = SAID, follow_up: Statement = SAID, long_term: Statement = SAID,
                 validation: Validation | None = VISA) -> ReportFacts:
    people = [PersonName(*name.split(" ", 1)) for name in participants]
    mission = MissionFacts(country="Sénégal", start=start, end=end, participants=people, hosting=False)
    return ReportFacts(Submission(path="rapport.docx", sha256="0" * 64), mission, purpose=purpose,
                       follow_up=follow_up, long_term=long_term, validation=validation, received=received)
