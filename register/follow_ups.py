"""Which missions need attention on a day, decided from the register and
the regulation (the letters only write it down).

A mission needs a reminder when its report is overdue (not received by its
due date, §III.3) or when the report received fails a mandatory check that
the holder can still put right.  A report that only came late is listed,
not reminded: there is nothing left to ask for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks.rules import regulation

from .models import Mission
from .store import Register

NOT_FIXABLE = {"report.deadline"}  # a late report stays late


@dataclass
class FollowUp:
    mission: Mission
    status: str                     # overdue | non_compliant | late | review
    problems: list[dict[str, Any]] = field(default_factory=list)   # the report's checks at fault

    @property
    def needs_letter(self) -> bool:
        return self.status in ("overdue", "non_compliant")


def follow_ups(register: Register, today: date) -> list[FollowUp]:
    reg = regulation()

    def mandatory(check: dict[str, Any]) -> bool:
        rule = reg.rule(check["id"])  # None for a check this regulation does not know
        return bool(rule and rule.mandatory)

    found = []
    for mission in register.missions():
        if mission.report_sha256 is None:
            if mission.report_due and mission.report_due < today:
                found.append(FollowUp(mission, "overdue"))
            continue
        report = register.get(mission.report_sha256)
        checks = [c for c in report.record.get("checks") or [] if mandatory(c)]
        failing = [c for c in checks if c["status"] == "fail"]
        fixable = [c for c in failing if c["id"] not in NOT_FIXABLE]
        if fixable:
            found.append(FollowUp(mission, "non_compliant", fixable))
        elif failing:
            found.append(FollowUp(mission, "late", failing))
        elif report.verdict == "review":
            found.append(FollowUp(mission, "review", [c for c in checks if c["status"] == "review"]))
    return found
