"""The French sheet of one submission: what was received, what it says,
every check with its evidence and the paragraph of the regulation it
applies; for a report, its compliance and deadline.  The committee pack
shows the same sheet for each candidature."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from checks.rules import regulation
from checks.vocabulary import APPLICANT_TYPE_FR, EXPERT_CATEGORY_FR
from common.files import write_atomic
from register import Register

from .render import render
from .summary import CHECK_STATUS_FR, FORMAT_FR, KIND_FR, VERDICT_FR

TYPE_SHORT = {"commune": "commune", "epci": "EPCI", "departement": "département", "region": "région",
              "association_elus": "association d'élus", "autre": "non éligible", None: "?"}
ERROR_FR = {"unreadable": "illisible", "encrypted": "chiffré",
            "unsupported_format": "format non pris en charge", "empty": "vide",
            "too_large": "trop volumineux", "timeout": "délai dépassé"}


def _rule(check_id: str):
    return regulation().rule(check_id)


def _title(check_id: str) -> str:
    found = _rule(check_id)
    return found.title if found else check_id


def check_view(check: dict[str, Any]) -> dict[str, Any]:
    reg = _rule(check["id"])  # None for a check this version of the regulation does not know
    return {"id": check["id"], "title": reg.title if reg else check["id"],
            "paragraph": reg.paragraph if reg else "—", "mandatory": reg.mandatory if reg else False,
            "wording": reg.wording if reg else "", "status": check["status"],
            "status_fr": CHECK_STATUS_FR.get(check["status"], check["status"]),
            "message": check.get("message") or "", "evidence": check.get("evidence") or []}


def open_points(record: dict[str, Any]) -> list[str]:
    """Titles of the checks that did not pass, mandatory ones first."""
    views = [check_view(c) for c in record.get("checks") or [] if c["status"] != "pass"]
    views.sort(key=lambda v: not v["mandatory"])
    return [f"{v['title']} ({v['status_fr']})" for v in views]


def flags(record: dict[str, Any], register: Register | None, on: date | None) -> dict[str, Any]:
    """What the committee should know from the register: the applicant's own
    labels, and labels in force on the same themes."""
    if register is None or record.get("kind") != "candidature":
        return {"own_labels": [], "same_theme": []}
    applicant = record.get("applicant") or {}
    own = register.labels_of(applicant.get("name"), applicant.get("type"))
    themes = {t for item in record.get("expertise") or [] for t in item.get("themes") or []}
    own_ids = {lab.id for lab in own}
    same = [lab for lab in register.labels_in_force(themes, on or date.today())
            if lab.id not in own_ids]
    on = on or date.today()
    return {"own_labels": [_label_view(lab, themes, on) for lab in own],
            "same_theme": [_label_view(lab, themes, on) for lab in same]}


def _label_view(lab, themes: set[str], on: date) -> dict[str, Any]:
    return {"holder": lab.holder, "expertise": lab.expertise, "granted": lab.granted,
            "expires": lab.expires, "in_force": lab.granted <= on < lab.expires,
            "themes": [t for t in lab.themes if t in themes] or lab.themes}


def sheet_context(record: dict[str, Any], received: date | None, register: Register | None = None,
                  on: date | None = None, corrected: dict[str, Any] | None = None) -> dict[str, Any]:
    """`corrected`: what the staff corrected in `record` (web.corrections
    marks), shown « corrigé »."""
    applicant = record.get("applicant") or {}
    experts = [{**e, "category_fr": EXPERT_CATEGORY_FR.get(e.get("category"), e.get("category"))}
               for e in record.get("experts") or []]
    mission = record.get("mission")
    report = None
    if record.get("kind") == "rapport" and mission:
        end = date.fromisoformat(mission["end"]) if mission.get("end") else None
        parameters = regulation().parameters
        report = {**mission, "due": parameters.report_due(end) if end else None, "received": received,
                  "deadline_fr": parameters.report_deadline_fr}
    previous = register.version_link(record) if register is not None else None
    if previous:
        previous["changes"] = [{**c, "title": _title(c["id"]),
                                "before_fr": CHECK_STATUS_FR.get(c["before"], "absent"),
                                "after_fr": CHECK_STATUS_FR.get(c["after"], "absent")}
                               for c in previous["changes"]]
    return {
        "r": record, "sha": record.get("sha256") or "", "received": received,
        "kind_fr": KIND_FR.get(record.get("kind"), record.get("kind")),
        "verdict": record.get("verdict"), "verdict_fr": VERDICT_FR.get(record.get("verdict"), "—"),
        "applicant": applicant.get("name") or "Demandeur non identifié",
        "applicant_type_fr": APPLICANT_TYPE_FR.get(applicant.get("type"), applicant.get("type")),
        "applicant_type_short": TYPE_SHORT.get(applicant.get("type"), applicant.get("type")),
        "pieces": [{**p, "format_fr": FORMAT_FR.get(p.get("format"), p.get("format"))}
                   for p in record.get("pieces") or []],
        "expertise": record.get("expertise") or [], "experts": experts,
        "checks": [check_view(c) for c in record.get("checks") or []],
        "open_points": open_points(record), "report": report, "previous": previous,
        "error": record.get("error"),
        "error_fr": ERROR_FR.get((record.get("error") or {}).get("code"), ""),
        "flags": flags(record, register, on), "warnings": record.get("warnings") or [],
        "corrected": corrected or {},
        "machine_verdict_fr": VERDICT_FR.get((corrected or {}).get("verdict"), "—"),
    }


def write_sheet(path: Path, record: dict[str, Any], received: date | None,
                register: Register | None = None) -> Path:
    html = render("sheet.html.j2", s=sheet_context(record, received, register),
                  title=f"Fiche — {KIND_FR.get(record.get('kind'), 'dossier')}",
                  generated=date.today())
    write_atomic(path, html)
    return path

