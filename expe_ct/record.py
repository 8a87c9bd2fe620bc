"""Contract records (contract/contract.md, version 1).

The record is the pipeline's stable machine-readable face: keys come in the
contract's order, every key is always present, and fields are only ever
added (`warnings`, and `error`/`warnings` on pieces).
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from analysis.facts import CandidatureFacts, ReportFacts
from checks import CheckResult
from extractors.errors import ExtractionError
from extractors.model import Piece, Submission

from . import CONTRACT_VERSION


def piece_entry(piece: Piece) -> dict[str, Any]:
    entry: dict[str, Any] = {"file": piece.file, "format": piece.format,
                             "pages": piece.pages, "ocr": piece.ocr}
    if piece.error is not None:
        entry["error"] = asdict(piece.error)
    if piece.warnings:
        entry["warnings"] = list(piece.warnings)
    return entry


def base_record(submission_path: str, sha256: str | None) -> dict[str, Any]:
    return {"contract": CONTRACT_VERSION, "submission": submission_path, "sha256": sha256,
            "status": "ok", "error": None, "kind": None, "pieces": [], "applicant": None,
            "expertise": [], "experts": [], "mission": None, "checks": [], "verdict": None}


def error_record(submission_path: str, sha256: str | None, code: str, message: str,
                 pieces: list[Piece] | None = None, warnings: list[str] | None = None) -> dict[str, Any]:
    record = base_record(submission_path, sha256)
    record.update(status="error", error={"code": code, "message": message},
                  pieces=[piece_entry(p) for p in pieces or []])
    if warnings:
        record["warnings"] = warnings
    return record


def from_exception(submission_path: str, sha256: str | None, exc: ExtractionError) -> dict[str, Any]:
    return error_record(submission_path, sha256, exc.code, exc.message)


def findings(facts: CandidatureFacts | ReportFacts, results: list[CheckResult],
             verdict: str) -> dict[str, Any]:
    """The contract's fields for what the analysis found and how it was judged."""
    applicant = facts.applicant
    found: dict[str, Any] = {
        "applicant": {"name": applicant.name, "type": applicant.type} if applicant else
                     {"name": None, "type": None},
        "expertise": [],
        "experts": [e.as_dict() for e in facts.experts],
    }
    if isinstance(facts, CandidatureFacts):
        found["expertise"] = [{"label": item.label, "themes": list(item.themes)} for item in facts.expertise]
    else:
        found["mission"] = facts.mission.as_dict()
    return {**found, "checks": [r.as_dict() for r in results], "verdict": verdict}


def ok_record(submission: Submission, analysis: dict[str, Any],
              warnings: list[str] | None = None) -> dict[str, Any]:
    record = base_record(submission.path, submission.sha256)
    record["pieces"] = [piece_entry(p) for p in submission.pieces]
    for key in ("kind", "applicant", "expertise", "experts", "mission", "checks", "verdict"):
        if key in analysis:
            record[key] = analysis[key]
    if warnings:
        record["warnings"] = warnings
    return record
