"""The regulation's checks, loaded once from regulation.yaml, and the verdict rule."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from analysis.evidence import Evidence
from common.once import once

REGULATION_FILE = Path(__file__).with_name("regulation.yaml")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str          # candidature | rapport
    mandatory: bool
    paragraph: str
    title: str
    wording: str


@dataclass
class CheckResult:
    id: str
    status: str        # pass | fail | review
    message: str       # French
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "status": self.status, "message": self.message,
                "evidence": [e.as_dict() for e in self.evidence]}


@once
def regulation() -> tuple[Rule, ...]:
    data = yaml.safe_load(REGULATION_FILE.read_text(encoding="utf-8"))
    return tuple(Rule(**item) for item in data["checks"])


def rules_for(kind: str) -> list[Rule]:
    return [rule for rule in regulation() if rule.kind == kind]


def rule(check_id: str) -> Rule:
    return next(r for r in regulation() if r.id == check_id)


def verdict(results: list[CheckResult]) -> str:
    """Contract: incomplete when a mandatory check fails; else review when a
    mandatory check is review; else complete.  Advisory checks never count."""
    mandatory = [r for r in results if rule(r.id).mandatory]
    if any(r.status == "fail" for r in mandatory):
        return "incomplete"
    if any(r.status == "review" for r in mandatory):
        return "review"
    return "complete"
