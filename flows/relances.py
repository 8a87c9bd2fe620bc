"""The report follow-up flow: which missions need attention (register),
reminder letters for overdue or non-compliant reports (outputs.letters),
then the missions reminded marked in the register; run daily by
`expe-ct serve`."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows import tally
from outputs.letters import write_letters
from register import Register
from register.follow_ups import FollowUp, follow_ups


def remind(register: Register, today: date, out: Path) -> tuple[list[FollowUp], list[Path]]:
    """Write the letters of `today`, then mark their missions reminded."""
    items = follow_ups(register, today)
    letters = write_letters(items, today, out)
    register.mark_reminded([i.mission.id for i in items if i.needs_letter], today)
    return items, letters


@task(name="ecrire-relances", cache_policy=NO_CACHE, persist_result=False, **tally.HOOKS)
def letters(home: str, today: date, out: str) -> dict[str, Any]:
    register = Register.open(Path(home))
    try:
        items, paths = remind(register, today, Path(out))
    finally:
        register.close()
    return {"missions": len(items), "letters": len(paths),
            "by_status": {s: sum(1 for i in items if i.status == s) for s in {i.status for i in items}},
            "out": out}


@flow(name="relances-rapports", persist_result=False, log_prints=False)
def relances_flow(home: str, today: date | None = None, out: str | None = None) -> dict[str, Any]:
    """Letters for the missions whose report is overdue or non-compliant on
    `today`; written to `out`, by default <home>/relances/<today>."""
    today = today or date.today()
    return letters(home, today, out or str(Path(home) / "relances" / today.isoformat()))
