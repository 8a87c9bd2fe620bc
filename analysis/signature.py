"""Is the candidature dated and signed by the body's executive, or does it
carry the assembly's délibération?

A signature block is a person's name beside an executive title, in either
order and on one line or two ("Le Maire, / Bruno Carayol", "Pierre-Henri
Lemonnier Président de la Région Normandie", "Signataire | Patrick
Lestrade, directeur général"), where a letter or form closes: after its
closing formula, in its last blocks, or under a "signature" label.  Names
inside the body (an expert who is vice-president) are not signatures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.model import Block, Piece, Submission

from .evidence import Evidence
from .people import find_people
from common.text import fold

DELIBERATION_RE = re.compile(
    r"extrait (?:du registre )?des deliberations|deliberation (?:n\W|du|de l'|de la)"
    r"|(?:le|la) (?:conseil|assemblee|bureau|commission permanente)\b.{0,120}\b(?:approuve|autorise|decide|adopte|valide)")
DATE_RE = re.compile(
    r"\b(?:fait|etabli|signe)e? a [^,\n]{2,40},? le\s*:?\s*\d|\ble \d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin"
    r"|juillet|aout|septembre|octobre|novembre|decembre) \d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|^(?:date|le)\s*:\s*\d")
# Titles of whoever may sign for the body.
EXECUTIVE_RE = re.compile(
    r"(?<!\w)(?:(?:co-?|vice-)?president(?:e|s|es)?|maire|adjoint(?:e)? (?:au|a la|delegue)|gerant(?:e)?"
    r"|directeur general|directrice generale|delegue(?:e)? general(?:e)?|secretaire general(?:e)?)(?!\w)")
SIGNATURE_LABEL_RE = re.compile(r"^\s*(?:signataire|nom et qualite du signataire|signe(?:e)? par|signature)\b")
CLOSING_FORMULA = (r"fait a\b|je vous prie|veuillez agreer|nous vous prions|dans l'attente"
                   r"|l'expression de (?:ma|notre|mes|nos)")
# A letter's closing formula, anywhere in a block.
CLOSING_RE = re.compile(f"(?:{CLOSING_FORMULA})")
# A block that opens the closing: the formula, or the signatory's title or a
# signature line at its start ("Le Maire,", "P/O", "Signature :").
CLOSING_START_RE = re.compile(rf"^\s*(?:{CLOSING_FORMULA}|(?:pour )?(?:le|la) (?:maire|president|presidente)\b"
                              r"|signature|p/o\b)")
TAIL_BLOCKS = 6     # a letter's or a form's last body blocks hold its signature


@dataclass
class SignatureFinding:
    dated: Evidence | None = None
    signed: Evidence | None = None
    deliberation: Evidence | None = None
    # Names where the dossier closes, not beside a title: maybe the signatory.
    candidates: list[Evidence] = field(default_factory=list)


def _closing_blocks(piece: Piece) -> list[Block]:
    """The blocks where the piece closes: from its closing formula on, or its last blocks."""
    body = [b for b in piece.blocks if b.source in ("body", "textbox", "form")]
    start = max(0, len(body) - TAIL_BLOCKS)
    for i, block in enumerate(body):
        if CLOSING_RE.search(fold(block.text)):
            start = min(start, i)
            break
    return body[start:]


def _lines(blocks: list[Block]) -> list[tuple[str, Block]]:
    lines = []
    for block in blocks:
        if block.kind == "table" and block.rows:
            lines += [(" : ".join(c for c in row if c.strip()), block) for row in block.rows]
        else:
            lines += [(line, block) for line in block.text.splitlines() if line.strip()]
    return lines


def _signatory(lines: list[tuple[str, Block]]) -> Evidence | None:
    """A name beside an executive title or under a signature label, within two lines."""
    for i, (line, block) in enumerate(lines):
        folded = fold(line)
        if len(line) > 200 or not (EXECUTIVE_RE.search(folded) or SIGNATURE_LABEL_RE.search(folded)):
            continue
        for near, _ in lines[i:i + 3]:
            if len(near) <= 200 and find_people(near):
                return Evidence(block.piece, block.page, " / ".join(t.strip() for t, _ in lines[i:i + 2])[:220])
    return None


FORM_LABEL_CHARS = 80


def _is_deliberation(text: str) -> bool:
    """The act itself or its extract, not a form's field asking for it
    ('Délibération de l'organe délibérant (facultatif)', left empty): a
    short line naming a délibération must carry its number or date."""
    folded = fold(text)
    found = DELIBERATION_RE.search(folded)
    if not found:
        return False
    if folded.lstrip().startswith("extrait") or "registre des deliberations" in folded:
        return True
    return len(text.strip()) > FORM_LABEL_CHARS or bool(re.search(r"\d", text))


def find_signature(submission: Submission) -> SignatureFinding:
    found = SignatureFinding()
    for piece in submission.pieces:
        for block in piece.blocks:
            if found.deliberation is None and _is_deliberation(block.text):
                found.deliberation = Evidence.of(block)
            for line in block.text.splitlines():
                if found.dated is None and DATE_RE.search(fold(line).strip()):
                    found.dated = Evidence(block.piece, block.page, line.strip()[:220])
        if piece.error is not None:
            continue
        lines = _lines(_closing_blocks(piece))
        labelled = [(line, block) for block in piece.blocks if block.kind == "table" and block.rows
                    for line, _ in _lines([block]) if SIGNATURE_LABEL_RE.search(fold(line))]
        found.signed = found.signed or _signatory(lines + labelled)
        if found.signed is None:
            found.candidates += [Evidence(block.piece, block.page, line.strip()[:220])
                                 for line, block in lines if len(line) <= 120 and find_people(line)][:2]
    return found
