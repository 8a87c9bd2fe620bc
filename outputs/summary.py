"""A short French summary of a record, for a person reading a terminal."""
from __future__ import annotations

from typing import Any

from common.characters import for_terminal

KIND_FR = {"candidature": "candidature", "rapport": "rapport de mission",
           "inconnu": "document non reconnu", None: "—"}
VERDICT_FR = {"complete": "complet", "incomplete": "incomplet",
              "review": "à examiner", None: "—"}
CHECK_STATUS_FR = {"pass": "conforme", "fail": "non conforme", "review": "à examiner"}
FORMAT_FR = {"pdf": "PDF", "docx": "Word", "odt": "ODT", "doc": "Word 97-2003", "other": "autre"}


def summarise(record: dict[str, Any]) -> str:
    """Dossier content (names of files and people, messages quoting them)
    is neutralised: no escape sequence reaches the terminal, no newline forges a line."""
    return for_terminal_lines(_summary_lines(record))


def for_terminal_lines(lines: list[str]) -> str:
    return "\n".join(for_terminal(line) for line in lines)


def _summary_lines(record: dict[str, Any]) -> list[str]:
    lines = [f"■ {record['submission']}"]
    if record["status"] == "error":
        lines.append(f"  ERREUR ({record['error']['code']}) : {record['error']['message']}")
        return lines
    pieces = record["pieces"]
    lines.append(f"  Nature : {KIND_FR.get(record['kind'], record['kind'])} · "
                 f"{len(pieces)} pièce{'s' if len(pieces) > 1 else ''} · verdict : "
                 f"{VERDICT_FR.get(record['verdict'], record['verdict'])}")
    for piece in pieces:
        detail = [FORMAT_FR.get(piece["format"], piece["format"])]
        if piece.get("pages"):
            detail.append(f"{piece['pages']} p.")
        if piece.get("ocr"):
            detail.append("OCR")
        line = f"    - {piece['file']} ({', '.join(detail)})"
        if piece.get("error"):
            line += f" : illisible — {piece['error']['message']}"
        lines.append(line)
    applicant = record.get("applicant") or {}
    if applicant.get("name"):
        lines.append(f"  Demandeur : {applicant['name']} ({applicant.get('type') or 'type inconnu'})")
    for item in record.get("expertise") or []:
        lines.append(f"  Expertise : {item['label']} [{', '.join(item['themes'])}]")
    if record.get("experts"):
        lines.append(f"  Experts : {len(record['experts'])}")
        for expert in record["experts"]:
            lines.append(f"    - {expert['name']} — {expert.get('function') or 'fonction non précisée'}")
    for check in record.get("checks") or []:
        if check["status"] != "pass":
            lines.append(f"  ✗ {check['id']} ({CHECK_STATUS_FR[check['status']]}) : {check['message']}")
    for warning in record.get("warnings") or []:
        lines.append(f"  ! {warning}")
    return lines
