"""One submission, end to end: open → read every piece → analyse → check → record.

Pure function of its inputs (no Prefect, no global state but the lazily
loaded NLP models), so that the CLI, the flows and the tests share it.
"""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from analysis.candidature import candidature_facts
from analysis.kind import detect_kind
from analysis.rapport import report_facts
from checks import evaluate
from extractors.base import as_piece_error, contract_format, read_piece
from extractors.errors import ExtractionError
from extractors.model import Piece, Submission
from extractors.package import open_submission, submission_sha256

from . import record
from common.limits import Limits

log = logging.getLogger("expe_ct.pipeline")


def read_submission(path: str, limits: Limits) -> tuple[Submission, list[str]]:
    """The document model of a submission; raises ExtractionError when the
    submission as a whole cannot be opened."""
    with open_submission(Path(path), limits) as opened:
        pieces = []
        for pf in opened.pieces:
            if pf.error is not None:
                pieces.append(Piece(file=pf.name, format=contract_format("other", Path(pf.name)),
                                    error=as_piece_error(pf.error)))
            else:
                pieces.append(read_piece(pf.path, pf.name, limits))
        return Submission(path=path, sha256=opened.sha256, pieces=pieces), opened.warnings


def submission_error(pieces: list[Piece]) -> tuple[str, str] | None:
    """When no piece could be read, the submission is an error: the code of
    its pieces if they agree, else `unreadable`."""
    if any(p.error is None for p in pieces):
        return None
    codes = {p.error.code for p in pieces}
    if len(pieces) == 1 or len(codes) == 1:
        first = pieces[0].error
        if len(pieces) == 1:
            return first.code, first.message
        return first.code, f"Aucune des {len(pieces)} pièces n'a pu être lue : {first.message}"
    return "unreadable", f"Aucune des {len(pieces)} pièces n'a pu être lue (" + ", ".join(
        f"{p.file} : {p.error.message}" for p in pieces[:5]) + ")."


def analyse(submission: Submission, received: date | None = None) -> dict[str, Any]:
    """What the submission says and how the regulation judges it, in the
    contract's terms: analysis/ finds the facts, checks/ judges them."""
    kind = detect_kind(submission)
    if kind == "candidature":
        facts = candidature_facts(submission)
    elif kind == "rapport":
        facts = report_facts(submission, received)
    else:
        return {"kind": kind}
    results, verdict = evaluate(kind, facts)
    return {"kind": kind, **record.findings(facts, results, verdict)}


def analyse_submission(path: str, limits: Limits | None = None,
                       received: date | None = None) -> dict[str, Any]:
    limits = limits or Limits.from_env()
    try:
        submission, warnings = read_submission(path, limits)
    except ExtractionError as exc:
        return record.from_exception(path, submission_sha256(Path(path)), exc)
    failure = submission_error(submission.pieces)
    if failure:
        return record.error_record(path, submission.sha256, *failure,
                                   pieces=submission.pieces, warnings=warnings)
    return record.ok_record(submission, analyse(submission, received), warnings)

