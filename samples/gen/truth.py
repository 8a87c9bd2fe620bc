"""Ground truth: check statuses derived from what was written, and the
verdict derived from the checks by the contract's rule (one function).

One file per submission, samples/truth/<submission name>.json:
  submission, kind (candidature | rapport | inconnu | null for errors), status, error_code
  formats, ocr, pieces [{file, format, ocr}]   what the pieces really are (ZIP names neutralised)
  applicant {name, type, aliases}              aliases: other names the pieces use ("CD 35")
  expertise [{label, themes}]                  label as written; [] when not stated
  basis                                        cooperation | territory | both | null (not shown)
  experts [{name, function, category, organisation, qualifications}]
      names "Prénom Nom", particles as written; function/category/organisation are null for an
      expert whose function is not given (nothing then tells who employs them).
      For a report: the label holder's people taking part (the missionaries, or the team
      that hosted a delegation); qualifications are null (reports do not state them).
  not_experts                                  people named in the pieces who are not experts
                                               (signatory, referent, DAECT contact, cited
                                               authors, councillors, people met abroad)
  mission {country, start, end, report_date, participants, hosting}   reports only
  checks {id: pass|fail|review} in contract order, verdict, defects (ids not passing)
  writing                                      how it was written (style, experts_as, layout...)
  ocr_reference                                printed text of the scanned piece(s), for OCR error rates
  notes                                        what was injected, in French

A statement is in one of these states:
  ok         written and decided                      -> pass
  undecided  "à définir", or a heading with nothing under it -> review
  absent     not written                              -> fail
  unticked   a box "☐ ..." left unticked               -> fail (counts as absent)
  placeholder a form field left at its placeholder     -> fail (counts as absent)
  partial    (MEAE) the international perspective without accepting missions -> fail
Advisory checks (commitment.inform_daect, signature) fail when absent, like
mandatory ones; they never change the verdict.
"""
from __future__ import annotations

from datetime import date

from .dates import deadline

CANDIDATURE_CHECKS = ["applicant.eligible", "expertise.described", "expertise.basis",
                      "commitment.meae", "experts.named", "experts.function",
                      "experts.qualifications", "experts.eligible",
                      "commitment.inform_daect", "signature"]
RAPPORT_CHECKS = ["report.purpose", "report.follow_up", "report.long_term", "report.deadline",
                  "report.validated", "mission.size", "mission.duration"]
ADVISORY = {"commitment.inform_daect", "signature", "mission.size", "mission.duration"}

STATE_STATUS = {"ok": "pass", "undecided": "review", "absent": "fail", "unticked": "fail",
                "placeholder": "fail", "partial": "fail"}


def statement(state: str) -> str:
    return STATE_STATUS[state]


def verdict(kind: str | None, checks: dict[str, str]) -> str | None:
    """contract.md: incomplete when a mandatory check fails; else review when a
    mandatory check is review; else complete.  Advisory checks never count."""
    if kind not in ("candidature", "rapport"):
        return None
    mandatory = [s for cid, s in checks.items() if cid not in ADVISORY]
    if "fail" in mandatory:
        return "incomplete"
    if "review" in mandatory:
        return "review"
    return "complete"


def expert_checks(experts_state: str, functions: list[str], quals: list[str],
                  categories: list[str | None]) -> dict[str, str]:
    """experts.*: `functions` and `quals` hold one state per named expert,
    `categories` what can be told of each (None: unknown, no function given).

    With no expert named, nothing can be checked about them: the three
    per-expert checks take the status of experts.named (fail, or review when
    the list is announced "à définir")."""
    named = statement(experts_state) if experts_state != "ok" else "pass"
    if experts_state != "ok":
        return {"experts.named": named, "experts.function": named,
                "experts.qualifications": named, "experts.eligible": named}

    def worst(states: list[str]) -> str:
        statuses = {statement(s) for s in states}
        return "fail" if "fail" in statuses else "review" if "review" in statuses else "pass"

    # An expert whose function is not given cannot be placed: eligibility needs a look.
    eligible = ("fail" if "autre" in categories else "review" if None in categories else "pass")
    return {"experts.named": "pass", "experts.function": worst(functions),
            "experts.qualifications": worst(quals), "experts.eligible": eligible}


def signature_status(signature: str) -> str:
    """signed (dated + signed), deliberation, both -> pass; anything else -> fail."""
    return "pass" if signature in ("signed", "deliberation", "both") else "fail"


def deadline_status(end: date, report_date: date | None) -> str:
    if report_date is None:
        return "review"
    return "pass" if report_date <= deadline(end) else "fail"


def size_status(n_participants: int) -> str:
    return "pass" if 1 <= n_participants <= 2 else "review"


def duration_status(start: date, end: date) -> str:
    return "pass" if (end - start).days + 1 <= 7 else "review"


def defects(checks: dict[str, str]) -> list[str]:
    return [cid for cid, s in checks.items() if s != "pass"]


def error_record(name: str, kind: str | None, code: str, formats: list[str],
                 notes: list[str], pieces: list[dict]) -> dict:
    """Truth of a submission that must end in an error record."""
    return {"submission": f"samples/dossiers/{name}", "kind": kind, "status": "error",
            "error_code": code, "formats": formats, "ocr": False, "pieces": pieces,
            "applicant": None, "expertise": [], "basis": None, "experts": [],
            "not_experts": [], "mission": None, "checks": {}, "verdict": None,
            "defects": [], "writing": None, "ocr_reference": None, "notes": notes}
