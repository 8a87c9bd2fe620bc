"""Report follow-up letters for the missions that register/follow_ups.py
found needing attention, and relances.csv listing them; the committee's
decision letter to an applicant.  Letters are DOCX (the DAECT edits and
signs them), laid out from the Jinja2 text templates templates/relance.txt.j2
and templates/decision.txt.j2.
"""
from __future__ import annotations

import csv
import io
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from common.characters import csv_row, for_xml
from common.dates import MONTHS
from common.files import write_atomic
from common.text import fold
from checks.rules import regulation
from register import Decision, Mission
from register.follow_ups import FollowUp

from .render import date_fr, render
from .sheet import check_view

FOLLOW_UP_STATUS_FR = {"overdue": "rapport en retard", "non_compliant": "rapport non conforme",
                       "late": "rapport remis en retard", "review": "rapport à vérifier"}


def period_fr(start: date | None, end: date | None) -> str:
    if not start or not end:
        return f"achevée le {date_fr(end)}" if end else "aux dates non précisées"
    if (start.year, start.month) == (end.year, end.month):
        return f"du {'1er' if start.day == 1 else start.day} au {date_fr(end)}"
    if start.year == end.year:
        return f"du {'1er' if start.day == 1 else start.day} {MONTHS[start.month - 1]} au {date_fr(end)}"
    return f"du {date_fr(start)} au {date_fr(end)}"


def mission_ref(mission: Mission) -> str:
    return f"({mission.country or 'pays non précisé'}, {period_fr(mission.start, mission.end)})"


def letter_text(item: FollowUp, today: date) -> str:
    return render("relance.txt.j2", m=item.mission, reason=item.status,
                  problems=[problem_line(check_view(p)) for p in item.problems],
                  today=today, mission_ref=mission_ref(item.mission))


def decision_letter_text(decision: Decision, holder: str, expertise: list[str], today: date) -> str:
    """The letter telling an applicant the committee's decision; the label's
    length and the report deadline come from the regulation."""
    parameters = regulation().parameters
    one_line = lambda text: " ".join(str(text or "").split())  # noqa: E731  (no stray list or title mark)
    return render("decision.txt.j2", outcome=decision.outcome, holder=one_line(holder),
                  comite=decision.comite, decided=decision.decided,
                  expires=parameters.label_expires(decision.decided),
                  years=parameters.label_validity_years, deadline=parameters.report_deadline_fr,
                  expertise=[one_line(e) for e in expertise if one_line(e)],
                  reason=one_line(decision.reason) or "motif non précisé", today=today)


def problem_line(problem: dict[str, Any]) -> str:
    """'Requirement : finding', without the finding's own subject repeating it
    ('Coopération à plus long terme : le rapport ne le dit pas.')."""
    message = (problem.get("message") or "").strip()
    if not message:
        return problem["title"]
    subject, sep, finding = message.partition(" : ")
    finding = finding if sep and len(subject) <= 60 else message
    if finding[:1].isupper() and finding[1:2].islower():
        finding = finding[0].lower() + finding[1:]
    return f"{problem['title']} : {finding}"


def write_docx(text: str, path: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    text = for_xml(text)  # a control character in a holder's name would fail the whole letter
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    for style in ("Normal", "List Bullet"):
        doc.styles[style].font.name = "DejaVu Serif"
        doc.styles[style].font.size = Pt(11)
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.strip().splitlines()
        while lines and lines[0].startswith("- "):   # list items, then any text right after them
            doc.add_paragraph(lines.pop(0)[2:].strip(), style="List Bullet")
        if not lines:
            continue
        para = doc.add_paragraph()
        first = lines[0]
        if first.startswith("# "):
            para.add_run(first[2:]).bold = True
            for line in lines[1:]:
                para.add_run("\n" + line)
        elif first.startswith("> "):
            para.paragraph_format.left_indent = Cm(1)
            para.add_run(" ".join(line[2:] for line in lines)).italic = True
        elif first.startswith("= "):
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            para.add_run(first[2:])
        else:
            para.add_run(" ".join(lines))
            if first.startswith("Paris, le"):
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif first.startswith("Objet"):
                para.runs[0].bold = True
            else:
                para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.save(path)
    return path


def letter_docx(text: str) -> bytes:
    """A letter as DOCX bytes (the workstation sends it without keeping it)."""
    with tempfile.TemporaryDirectory(prefix="expe-ct-lettre-") as tmp:
        return write_docx(text, Path(tmp) / "lettre.docx").read_bytes()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:50] or "titulaire"


def write_letters(items: list[FollowUp], today: date, out: Path) -> list[Path]:
    """A DOCX letter per mission that needs one, and relances.csv listing
    every mission that needs attention."""
    out.mkdir(parents=True, exist_ok=True)
    letters = []
    for item in items:
        if item.needs_letter:
            m = item.mission
            path = out / f"relance-{today.isoformat()}-mission-{m.id}-{_slug(m.holder)}.docx"
            letters.append(write_docx(letter_text(item, today), path))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Mission", "Titulaire", "Pays", "Début", "Fin", "Rapport attendu le",
                     "Rapport reçu le", "Situation", "Points", "Lettre"])
    for item in items:
        m = item.mission
        writer.writerow(csv_row([m.id, m.holder, m.country or "", m.start or "", m.end or "",
                         m.report_due or "", m.report_received or "", FOLLOW_UP_STATUS_FR[item.status],
                         " ; ".join(check_view(p)["title"] for p in item.problems),
                         "oui" if item.needs_letter else "non"]))
    write_atomic(out / "relances.csv", "\ufeff" + buffer.getvalue())
    return letters
