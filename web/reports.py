"""Reports and labels at a glance: the missions whose report is awaited,
with the days left or overdue (the due date is the register's, from the
regulation's deadline), the missions to remind (register.follow_ups decides,
outputs.letters writes the letter), the labels in force and those that end
soon."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from outputs.letters import letter_docx, letter_text, mission_ref
from register import Label, Mission, Register
from register.follow_ups import FollowUp, follow_ups

EXPIRING_MONTHS = 6   # how far ahead the page warns of labels ending


@dataclass
class Awaited:
    mission: Mission
    days_left: int          # negative: overdue by that many days
    follow_up: FollowUp | None

    @property
    def ref(self) -> str:
        return mission_fr(self.mission)


def mission_fr(mission: Mission) -> str:
    """'Sénégal, du 8 au 18 juillet 2026' (the letters' reference, unbracketed)."""
    return mission_ref(mission).removeprefix("(").removesuffix(")")


@dataclass
class Overview:
    awaited: list[Awaited]           # no report yet, soonest due first
    to_follow: list[FollowUp]        # reports received that need attention
    in_force: list[Label]
    expiring: list[Label]


def overview(register: Register, today: date) -> Overview:
    found = follow_ups(register, today)
    by_mission = {item.mission.id: item for item in found}
    awaited = [Awaited(m, (m.report_due - today).days, by_mission.get(m.id))
               for m in register.missions() if m.report_sha256 is None and m.report_due]
    awaited.sort(key=lambda a: a.days_left)
    in_force, expiring = register.labels_expiring(today, EXPIRING_MONTHS)
    return Overview(awaited, [f for f in found if f.mission.report_sha256 is not None],
                    in_force, expiring)


def reminder(register: Register, mission_id: int, today: date) -> bytes | None:
    """The reminder letter (DOCX) of a mission that needs one today."""
    item = next((f for f in follow_ups(register, today) if f.mission.id == mission_id), None)
    if item is None or not item.needs_letter:
        return None
    return letter_docx(letter_text(item, today))

