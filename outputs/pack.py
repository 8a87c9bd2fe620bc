"""The committee's pre-screening pack: pack.html, pack.pdf and pack.csv.

For a selection committee: every candidature received by the cut-off and
not examined by an earlier committee, in its latest version (or the
candidatures the staff chose for the meeting).  A cover, a summary table,
one sheet per candidature (the same sheet as the inbox's), flags from the
register (applicant already labelled, labels in force on the same themes),
the regulation's §III in annex.

The compact pack (the workstation's) lays each candidature out to fit one
page: the experts table once, the checks one line each, and every quote
once, numbered, however many checks cite it.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from checks.rules import regulation
from checks.vocabulary import EXPERT_CATEGORY_FR
from common.characters import csv_row
from common.files import write_atomic
from register import Register

from .render import html_to_pdf, render, theme_fr
from .sheet import ERROR_FR, sheet_context

CSV_COLUMNS = ["N°", "Demandeur", "Type", "Reçu le", "Thèmes", "Experts", "Pré-examen",
               "Points ouverts", "Déjà labellisé", "Empreinte"]


@dataclass(frozen=True)
class Pack:
    html: Path
    pdf: Path | None
    csv: Path
    candidatures: int
    sha256s: tuple[str, ...]


def _expert_mix(experts: list[dict[str, Any]]) -> str:
    counts = Counter(e.get("category") for e in experts)
    return ", ".join(f"{n} {EXPERT_CATEGORY_FR.get(cat, cat)}{'s' if n > 1 and cat in ('elu', 'agent') else ''}"
                     for cat, n in counts.most_common())


Corrector = Callable[[str, dict[str, Any]], tuple[dict[str, Any], dict[str, Any]]]


def numbered_quotes(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every distinct quote of a sheet's checks once, numbered in order of
    first citation; each check's view gets `refs`, the numbers of its quotes
    (several checks often cite the same lines: the experts' ones, say)."""
    quotes: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for check in checks:
        check["refs"] = []
        for ev in check["evidence"]:
            key = " ".join(str(ev.get("quote") or "").split()).casefold()
            if not key:
                continue
            if key not in seen:
                quotes.append({**ev, "number": len(quotes) + 1})
                seen[key] = len(quotes)
            if seen[key] not in check["refs"]:
                check["refs"].append(seen[key])
    return quotes


def pack_context(register: Register, comite: date, cutoff: date,
                 correct: Corrector | None = None, chosen: list[str] | None = None,
                 compact: bool = False) -> dict[str, Any]:
    """`correct` gives a record with the staff's corrections and their marks
    (web.corrections.corrector); without it, the machine's records.
    `chosen`: the sha256 of the candidatures to show instead of every one
    awaiting a committee."""
    if chosen is None:
        rows = register.candidatures_for(comite, cutoff)
    else:
        rows = sorted((r for r in map(register.get, chosen) if r is not None and r.status == "ok"),
                      key=lambda r: (r.received or date.min, r.filed_at))
    sheets = []
    for row in rows:
        record, marks = correct(row.sha256, row.record) if correct else (row.record, {})
        s = sheet_context(record, row.received, register, on=comite, corrected=marks)
        s["themes"] = sorted({t for item in s["expertise"] for t in item.get("themes") or []})
        s["expert_mix"] = _expert_mix(s["experts"])
        s["quotes"] = numbered_quotes(s["checks"])
        sheets.append(s)
    counts = Counter(s["verdict"] for s in sheets)
    quarantined = [{"received": q.received, "sha256": q.sha256,
                    "reason": (ERROR_FR.get((q.record.get("error") or {}).get("code"), "")
                               or "document non reconnu")}
                   for q in register.quarantined_by(cutoff)]
    source = regulation().source
    return {"comite": comite, "cutoff": cutoff, "sheets": sheets, "quarantined": quarantined,
            "counts": {k: counts.get(k, 0) for k in ("complete", "review", "incomplete")},
            "source": source, "generated": date.today(), "compact": compact, "chosen": chosen is not None,
            "title": f"EXPE-CT — comité de sélection du {comite.isoformat()}"}


def summary_csv(sheets: list[dict[str, Any]]) -> str:
    """Semicolon-separated with a BOM: what a French spreadsheet opens as is."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for n, s in enumerate(sheets, start=1):
        fixed = s.get("corrected") or {}
        mark = lambda text, corrected: f"{text} (corrigé)" if corrected else text  # noqa: E731
        writer.writerow(csv_row([n, mark(s["applicant"], fixed.get("applicant")), s["applicant_type_fr"],
                         s["received"].isoformat() if s["received"] else "",
                         mark(" ; ".join(theme_fr(t) for t in s["themes"]), fixed.get("expertise")),
                         mark(len(s["experts"]), fixed.get("experts") or fixed.get("removed_experts")),
                         mark(s["verdict_fr"], fixed.get("verdict")), " ; ".join(s["open_points"]),
                         "oui" if s["flags"]["own_labels"] else "non", s["sha"][:12]]))
    return "\ufeff" + out.getvalue()


def build_pack(register: Register, comite: date, cutoff: date | None, out: Path,
               pdf: bool = True, correct: Corrector | None = None, chosen: list[str] | None = None,
               compact: bool = False) -> Pack:
    """Write the pack (prepare_pack then marks its candidatures examined)."""
    out.mkdir(parents=True, exist_ok=True)
    context = pack_context(register, comite, cutoff or comite, correct, chosen, compact)
    html_path, csv_path, pdf_path = out / "pack.html", out / "pack.csv", out / "pack.pdf"
    write_atomic(html_path, render("pack.html.j2", **context))
    write_atomic(csv_path, summary_csv(context["sheets"]))
    if pdf:
        html_to_pdf(html_path, pdf_path)
    shas = tuple(s["sha"] for s in context["sheets"])
    return Pack(html_path, pdf_path if pdf else None, csv_path, len(shas), shas)


def prepare_pack(register: Register, comite: date, cutoff: date | None, out: Path,
                 correct: Corrector | None = None, chosen: list[str] | None = None,
                 compact: bool = False) -> Pack:
    """Build the pack and mark its candidatures examined by this committee,
    so that a later committee does not see them again (the flow and the
    workstation both come here)."""
    pack = build_pack(register, comite, cutoff, out, correct=correct, chosen=chosen, compact=compact)
    register.mark_examined(list(pack.sha256s), comite)
    return pack
