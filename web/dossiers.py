"""The register as the workstation lists it: the register's rows (a few
columns, never the records) joined with each dossier's summary, filtered,
searched and sorted in memory (a few thousand rows at most)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from register import Register, Submission

from .corrections import STATES, corrected, history, state_of
from .store import Store, Summary
from .viewer import fold

SORTS = {"recu": "received", "demandeur": "applicant", "nature": "kind", "verdict": "verdict",
         "points": "open_points", "etat": "state"}
PAGE_SIZE = 200


@dataclass
class Row:
    sha256: str
    received: date | None
    filed_at: datetime
    kind: str | None
    status: str
    quarantined: bool
    applicant: str | None
    verdict: str | None
    open_points: int
    state: str
    corrections: int
    themes: str


def summarise(store: Store, register: Register, sha256: str, record: dict[str, Any] | None = None,
              comite: date | None = None) -> Summary:
    """Compute and keep the summary of one dossier (after filing or a correction)."""
    if record is None:
        row = register.get(sha256)
        record, comite = row.record, row.comite
    fixed = corrected(record, history(store, sha256))
    rec = fixed.record
    summary = Summary(
        sha256=sha256, applicant=(rec.get("applicant") or {}).get("name"), verdict=rec.get("verdict"),
        open_points=sum(1 for c in rec.get("checks") or [] if c["status"] != "pass"),
        state=state_of(fixed, comite is not None), corrections=len(fixed.history),
        themes=" ".join(t for item in rec.get("expertise") or [] for t in item.get("themes") or []))
    with store.session() as s, s.begin():
        s.merge(summary)
    return summary


def rows(store: Store, register: Register) -> list[Row]:
    """Every submission with its summary; summaries missing (dossiers filed
    since the last look, by the inbox flow) are made now."""
    columns = (Submission.sha256, Submission.received, Submission.filed_at, Submission.kind,
               Submission.status, Submission.quarantined, Submission.verdict, Submission.comite)
    with register.session() as s:
        found = s.execute(select(*columns)).all()
    with store.session() as s:
        summaries = {x.sha256: x for x in s.scalars(select(Summary))}
    out = []
    for sha, received, filed_at, kind, status, quarantined, verdict, comite in found:
        summary = summaries.get(sha)
        if summary is None:
            summary = summarise(store, register, sha)
        out.append(Row(sha, received, filed_at, kind, status, bool(quarantined), summary.applicant,
                       summary.verdict if status == "ok" else None, summary.open_points,
                       summary.state, summary.corrections, summary.themes))
    return out


def select_rows(all_rows: list[Row], kind: str | None = None, verdict: str | None = None,
                state: str | None = None, search: str | None = None, sort: str = "recu",
                descending: bool = True) -> list[Row]:
    chosen = [r for r in all_rows if not r.quarantined
              and (not kind or r.kind == kind) and (not verdict or r.verdict == verdict)
              and (not state or r.state == state)]
    if search:
        words = fold(search).split()
        chosen = [r for r in chosen
                  if all(w in fold(f"{r.applicant or ''} {r.themes} {r.sha256[:12]}") for w in words)]
    key = SORTS.get(sort, "received")
    chosen.sort(key=lambda r: r.filed_at, reverse=descending)  # ties in filing order
    present = [r for r in chosen if getattr(r, key) is not None]
    present.sort(key=lambda r: fold(v) if isinstance(v := getattr(r, key), str) else v,
                 reverse=descending)
    return present + [r for r in chosen if getattr(r, key) is None]  # missing values last


def quarantined(store: Store, register: Register) -> list[Row]:
    return sorted((r for r in rows(store, register) if r.quarantined),
                  key=lambda r: r.filed_at, reverse=True)


STATE_FR = STATES
