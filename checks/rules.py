"""The regulation as data (regulation.yaml): its checks, their paragraphs
and mandatory flags, and its numbers; loaded once; the verdict rule."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from analysis.evidence import Evidence
from common.dates import add_months
from common.once import once

REGULATION_FILE = Path(__file__).with_name("regulation.yaml")
NUMBERS_FR = {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit",
              9: "neuf", 10: "dix", 11: "onze", 12: "douze"}


def number_fr(n: int) -> str:
    """A small number as the regulation writes it ("deux mois")."""
    return NUMBERS_FR.get(n, str(n))


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str          # candidature | rapport
    mandatory: bool
    paragraph: str
    title: str
    wording: str


@dataclass(frozen=True)
class Parameters:
    report_deadline_months: int
    people_per_mission: int
    days_per_mission: int
    label_validity_years: int

    @property
    def report_deadline_fr(self) -> str:
        return f"{number_fr(self.report_deadline_months)} mois"

    def report_due(self, mission_end: date) -> date:
        """The last day to hand in the report of a mission that ended then."""
        return add_months(mission_end, self.report_deadline_months)

    def label_expires(self, granted: date) -> date:
        return add_months(granted, 12 * self.label_validity_years)


@dataclass(frozen=True)
class Regulation:
    source: str
    parameters: Parameters
    rules: tuple[Rule, ...]

    def rules_for(self, kind: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.kind == kind]

    def rule(self, check_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == check_id), None)


@dataclass
class CheckResult:
    id: str
    status: str        # pass | fail | review
    message: str       # French
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "status": self.status, "message": self.message,
                "evidence": [e.as_dict() for e in self.evidence]}


def load_regulation(path: Path = REGULATION_FILE) -> Regulation:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Regulation(source=data["source"], parameters=Parameters(**data["parameters"]),
                      rules=tuple(Rule(**item) for item in data["checks"]))


@once
def regulation() -> Regulation:
    """The regulation in force (checks/regulation.yaml)."""
    return load_regulation()


def verdict(results: list[CheckResult], reg: Regulation | None = None) -> str:
    """Contract: incomplete when a mandatory check fails; else review when a
    mandatory check is review; else complete.  Advisory checks never count."""
    reg = reg or regulation()
    mandatory = [r for r in results if reg.rule(r.id).mandatory]
    if any(r.status == "fail" for r in mandatory):
        return "incomplete"
    if any(r.status == "review" for r in mandatory):
        return "review"
    return "complete"
