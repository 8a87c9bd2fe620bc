"""The committee pack flow: build pack.html, pack.pdf and pack.csv and mark
the candidatures in it as examined by this committee, so that a later
committee does not see them again (outputs.pack.prepare_pack, which the
workstation's committee page calls too)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows import tally
from outputs.pack import prepare_pack
from register import Register
from web.corrections import corrector

__all__ = ["build", "pack_flow", "prepare_pack"]


@task(name="construire-dossier-comite", cache_policy=NO_CACHE, persist_result=False, **tally.HOOKS)
def build(home: str, comite: date, cutoff: date | None, out: str) -> dict[str, Any]:
    register = Register.open(Path(home))
    try:
        pack = prepare_pack(register, comite, cutoff, Path(out), correct=corrector(Path(home)))
    finally:
        register.close()
    return {"candidatures": pack.candidatures, "html": str(pack.html), "pdf": str(pack.pdf),
            "csv": str(pack.csv), "sha256": [sha[:12] for sha in pack.sha256s]}


@flow(name="dossier-du-comite", persist_result=False, log_prints=False)
def pack_flow(home: str, comite: date, cutoff: date | None = None,
              out: str | None = None) -> dict[str, Any]:
    """Pre-screening pack of the candidatures for the selection committee of
    `comite`; written to `out`, by default <home>/comites/<comite>."""
    return build(home, comite, cutoff, out or str(Path(home) / "comites" / comite.isoformat()))
