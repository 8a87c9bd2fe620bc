"""The facts the checks judge, one dataclass per kind of submission.

analysis/ fills them, checks/ reads them: checks import this module, never
the reverse."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from extractors.model import Submission

from .applicant import Applicant
from .evidence import Evidence
from .experts import Expert
from .expertise import BasisFinding, ExpertiseItem, StatusFinding
from .mission import MissionFacts
from .report_statements import Validation
from .signature import SignatureFinding
from .statements import Statement


@dataclass
class CandidatureFacts:
    submission: Submission
    applicant: Applicant | None
    expertise: list[ExpertiseItem] = field(default_factory=list)
    expertise_status: StatusFinding | None = None
    basis: BasisFinding | None = None
    experts: list[Expert] = field(default_factory=list)
    # 'Experts mobilisables : à définir', or an experts heading left empty.
    experts_undecided: list[Evidence] = field(default_factory=list)
    # People named in the dossier, quoted when none could be tied to the expert role.
    candidates: list[Evidence] = field(default_factory=list)
    signature: SignatureFinding = field(default_factory=SignatureFinding)


@dataclass
class ReportFacts:
    submission: Submission
    mission: MissionFacts
    purpose: Statement                # what the report says of the mission's purpose,
    follow_up: Statement              # of a follow-up action,
    long_term: Statement              # of a longer-term cooperation
    validation: Validation | None     # how the label holder validated it, if it did
    received: date | None = None      # date of receipt, when the inbox knows it
    applicant: Applicant | None = None
    experts: list[Expert] = field(default_factory=list)
