"""The register as the workstation lists it: the register's rows (a few
columns, never the records) joined with each dossier's summary, filtered,
searched and sorted in memory (a few thousand rows at most)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from register import Register, RegisteredSubmission as Submission

from .corrections import corrected, history, own_state, with_examination
from .store import Correction, Store, Summary
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


def _summary(sha256: str, record: dict[str, Any], rows: list[Correction]) -> Summary:
    fixed = corrected(record, rows)
    rec = fixed.record
    return Summary(
        sha256=sha256, applicant=(rec.get("applicant") or {}).get("name"), verdict=rec.get("verdict"),
        open_points=sum(1 for c in rec.get("checks") or [] if c["status"] != "pass"),
        state=own_state(fixed), corrections=len(fixed.history),
        themes=" ".join(t for item in rec.get("expertise") or [] for t in item.get("themes") or []))


def summarise(store: Store, register: Register, sha256: str) -> Summary:
    """Compute and keep the summary of one dossier (after filing or a correction)."""
    summary = _summary(sha256, register.get(sha256).record, history(store, sha256))
    with store.session() as s, s.begin():
        s.merge(summary)
    return summary


def _summarise_all(store: Store, register: Register, shas: list[str]) -> dict[str, Summary]:
    """The summaries of dossiers filed since the last look (by the inbox
    flow, say), in one read of their records and one write."""
    with register.session() as s:
        records = dict(s.execute(select(Submission.sha256, Submission.record)
                                 .where(Submission.sha256.in_(shas))).all())
    with store.session() as s:
        made: dict[str, list[Correction]] = {}
        for row in s.scalars(select(Correction).where(Correction.sha256.in_(shas)).order_by(Correction.id)):
            made.setdefault(row.sha256, []).append(row)
    summaries = {sha: _summary(sha, records[sha], made.get(sha, [])) for sha in shas if sha in records}
    with store.session() as s, s.begin():
        for summary in summaries.values():
            s.merge(summary)
    return summaries


def rows(store: Store, register: Register) -> list[Row]:
    """Every submission with its summary; summaries missing are made now."""
    columns = (Submission.sha256, Submission.received, Submission.filed_at, Submission.kind,
               Submission.status, Submission.quarantined, Submission.verdict, Submission.comite)
    with register.session() as s:
        found = s.execute(select(*columns)).all()
    with store.session() as s:  # plain rows, not ORM objects: a third of the time for 1,000
        summaries = {x.sha256: x for x in s.execute(select(*Summary.__table__.columns))}
    outcomes = register.outcomes()
    missing = [row[0] for row in found if row[0] not in summaries]
    for start in range(0, len(missing), 500):  # bounded IN lists
        summaries.update(_summarise_all(store, register, missing[start:start + 500]))
    out = []
    for sha, received, filed_at, kind, status, quarantined, verdict, comite in found:
        summary = summaries[sha]
        out.append(Row(sha, received, filed_at, kind, status, bool(quarantined), summary.applicant,
                       summary.verdict if status == "ok" else None, summary.open_points,
                       outcomes.get(sha) or with_examination(summary.state, comite is not None),
                       summary.corrections,
                       summary.themes))
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

