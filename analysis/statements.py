"""Statements a dossier must make (a commitment, an answer), found whatever
their wording, with the contract's reading of forms:

- a statement present and decided          -> pass
- present but undecided ("à définir", a field or heading left empty) -> review
- an unticked box or a form field left at its placeholder -> absent (fail)
- a clear "non" to a question               -> the statement is made, negatively

A statement is recognised by concepts that must all occur in one sentence
(e.g. a commitment verb, the ministry, missions), each concept a list of
folded stems, so that wording and word order may vary freely.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from extractors.model import Block, Piece, Submission

from .evidence import Evidence
from .signature import CLOSING_START_RE
from common.text import fold, sentences

UNTICKED = "☐□❑❒○◯"
TICKED = "☒☑✓✔✗✘■⊠⊗◉●"
# "À définir" left as an answer, not the verb with its object ("aider la mairie
# à définir les missions de la cellule"); "il reste à définir les modalités" is.
UNDECIDED_RE = re.compile(
    r"\b(?:a (?:definir|preciser|determiner|confirmer|completer)(?! (?:les?|la|l'|un|une|des|du|d'|son|sa|ses"
    r"|leurs?|ce|cet|cette|ces|notre|nos|votre|vos)\b)|en cours de (?:definition|reflexion)"
    r"|non renseigne|non defini|pas encore (?:defini|determine|arrete)|reste a (?:definir|determiner)"
    r"|sera (?:defini|precise|determine)e?s? ulterieurement|tbd|xxx)\b")
NEGATIVE_RE = re.compile(r"^\s*(?:non|no)\b|\bne (?:\w+ )?(?:pas|aucun|aucune)\b|\baucune?\b")


@dataclass
class Statement:
    status: str                      # pass | fail | review
    evidence: list[Evidence] = field(default_factory=list)
    reason: str = ""                 # found | unticked | placeholder | undecided | absent | negative | unread


@dataclass(frozen=True)
class Concept:
    """A statement as concepts that must all be present in one sentence;
    `topic` names what the statement is about, looser, so that a form label
    or heading about it left "à définir" or empty is recognised too."""
    name: str
    parts: tuple[tuple[str, ...], ...]
    topic: tuple[tuple[str, ...], ...] = ()

    def matches(self, folded: str) -> bool:
        return all(any(stem in folded for stem in part) for part in self.parts)

    def about(self, folded: str) -> bool:
        return bool(self.topic) and all(any(stem in folded for stem in part) for part in self.topic)


# What may stand under a section title that says nothing: a contact line; and
# where the letter's closing begins.
CONTACT_RE = re.compile(r"\s*(?:contact|courriel|mel|e-mail|tel|telephone|affaire suivie|dossier suivi)\b")
# "4.", "IV -", "A)"; OCR reads II and III as "Il" and "Ill"
NUMBERED_TITLE_RE = re.compile(r"^\s*(?:\d{1,2}|[IVXivx]{1,4}|I[Il]{1,3}|[A-Ha-h])\s*[.)°/-]\s*\S")
OCR_EDGE = " \t\n|_"   # a table rule or a stray mark OCR reads at a line's end


def is_title(block: Block) -> bool:
    """A heading, or a short numbered or capitalised line that acts as one
    (readers cannot always tell a styled title from a paragraph)."""
    if block.kind == "heading":
        return True
    text = block.text.strip().rstrip(OCR_EDGE)
    return (block.kind != "table" and 0 < len(text) < 80 and not text.endswith((".", ";", ",", ":"))
            and (bool(NUMBERED_TITLE_RE.match(text)) or text.isupper()))


CV_TITLE_RE = re.compile(r"(?i)^\s*(?:curriculum\s+vitae|cv)\b\s*[-–—:]?\s*")
CV_NAME_RE = re.compile(r"(?:^|[\W_])(cv|curriculum)(?:$|[\W_])", re.I)


def is_cv(piece: Piece) -> bool:
    if CV_NAME_RE.search(PurePosixPath(piece.file).stem):
        return True
    # A title among the first blocks says so ("Curriculum vitae – Marie Dupont");
    # a form's "CV des experts (sur demande)" row does not make the form a CV.
    titles = [b.text for b in piece.blocks[:5] if b.kind != "table" and len(b.text) < 80]
    return any(CV_TITLE_RE.match(t) for t in titles)


ANNEX_TITLE_RE = re.compile(r"^\W*(?:\d+\W+)?annexes?\b")


def annexed(piece: Piece) -> set[int]:
    """Indices of the blocks of a piece's annexes, from its first annex title
    on: annexed material (partners, press, budget, minutes) is not the
    dossier's own word on its applicant and its experts."""
    for i, block in enumerate(piece.blocks):
        if i >= 3 and is_title(block) and ANNEX_TITLE_RE.match(fold(block.text)):
            return {b.index for b in piece.blocks[i:]}
    return set()


def join_continuations(blocks: list[Block]) -> list[Block]:
    """A list item or paragraph cut by the page layout continues in the next
    block when that one starts in lower case or with a bracket, across the
    page's furniture (footer, header, a short running line heading the page)."""
    joined: list[Block] = []
    for block in blocks:
        k = len(joined) - 1
        while k > 0 and _page_furniture(joined[k], joined[k - 1], block):
            k -= 1
        prev = joined[k] if k >= 0 else None
        if (prev is not None and block.kind == "paragraph" and prev.kind in ("list_item", "paragraph")
                and block.source == prev.source and block.text[:1] and (block.text[0].islower() or block.text[0] in "(–-")
                and not NAME_PARTICLE_START.match(block.text)
                and not prev.text.rstrip().endswith((".", ":", ";"))):
            joined[k] = Block(prev.kind, prev.text.rstrip() + " " + block.text.lstrip(), prev.piece, prev.page,
                              prev.index, prev.level, prev.rows, prev.source)
            for j in range(k + 1, len(joined)):   # what the paragraph ran across is the page's header
                if joined[j].source == "body":
                    joined[j] = replace(joined[j], source="header")
        else:
            joined.append(block)
    return joined


RUNNING_LINE_CHARS = 90
# "d'ARCY Alain, chef…", "de La Tour Anne": a name opens the block, in lower case only by its particle
NAME_PARTICLE_START = re.compile(r"^(?:d['’]|de |du |des |van |von |di |da |del |le |la )\s*[A-ZÀ-Ý]")


def _page_furniture(candidate: Block, before: Block, after: Block) -> bool:
    """Is `candidate`, between `before` and `after`, only the page's furniture:
    a header or footer, or a short unpunctuated line opening the page that
    `after` is on ('La Lettre du Haut-Vallon · supplément')?"""
    if candidate.source in ("header", "footer"):
        return True
    return (candidate.kind == "paragraph" and candidate.page is not None and before.page is not None
            and candidate.page == after.page and candidate.page > before.page
            and len(candidate.text) < RUNNING_LINE_CHARS and not candidate.text.rstrip().endswith((".", ":", ";"))
            and after.text[:1].islower())


def units(submission: Submission):
    """(text, block) units where a statement may sit: sentences of paragraphs
    and list items, rows of tables (label cell + value cell)."""
    for block in (b for piece in submission.pieces for b in join_continuations(piece.blocks)):
        if block.kind == "table" and block.rows:
            for row in block.rows:
                boxed = [line for cell in row for line in cell.splitlines()
                         if line.strip()[:1] and line.strip()[0] in TICKED + UNTICKED]
                if len(boxed) > 1:
                    # A cell of several check boxes: each box its own statement.
                    for line in boxed:
                        yield line, block, [line]
                else:
                    yield " : ".join(c for c in row), block, row
        elif block.kind != "heading" or block.text.rstrip().endswith("?"):   # a question set as a heading
            for sentence in sentences(block.text):
                if sentence.strip():
                    yield sentence, block, None


def _box_state(text: str) -> str | None:
    head = text[:12] if len(text) > 12 else text
    if any(c in text for c in TICKED) or re.search(r"\[\s*[xX]\s*\]|\(\s*[xX]\s*\)", head):
        return "ticked"
    if any(c in text for c in UNTICKED) or re.search(r"\[\s*\]|\(\s*\)", head):
        return "unticked"
    return None


ANSWER_CHARS = 60   # "Oui", "☒ Oui", "Non, pas à ce stade": an answer on the line below its question


def _answer_below(submission: Submission, block: Block) -> str | None:
    """The short answer standing in the block after a question or a label
    (forms exported as one paragraph per question and per answer)."""
    for piece in submission.pieces:
        if piece.file == block.piece and block.index + 1 < len(piece.blocks):
            below = piece.blocks[block.index + 1]
            text = below.text.strip()
            if text and len(text) <= ANSWER_CHARS and below.kind in ("paragraph", "list_item") \
                    and not text.endswith(("?", ":")):
                return text
    return None


def find_statement(submission: Submission, concept: Concept) -> Statement:
    best: Statement | None = None
    rank = {"found": 4, "negative": 3, "undecided": 2, "unticked": 1, "placeholder": 1}
    for text, block, row in units(submission):
        folded = fold(text)
        if not concept.matches(folded):
            if concept.about(folded) and UNDECIDED_RE.search(folded):
                candidate = Statement("review", [Evidence.of(block)], "undecided")
                if best is None or rank["undecided"] > rank[best.reason]:
                    best = candidate
            continue
        evidence = [Evidence.of(block) if row is None else
                    Evidence(block.piece, block.page, " | ".join(c for c in row if c.strip()))]
        reason = "found"
        box = _box_state(text)
        if box == "unticked":
            reason = "unticked"
        elif row is not None and len(row) >= 2 and not any(c.strip() for c in row[1:]):
            reason = "placeholder"            # a form's answer cell left empty
        elif row is None and box is None and text.rstrip().endswith((":", "?")) \
                and len(block.text.strip()) == len(text.strip()) \
                and not text.rstrip(" :?\u00a0").endswith((".", "!")):
            answer = _answer_below(submission, block)
            if answer is None:
                reason = "placeholder"        # a question or label with nothing after it (not a
                                              # whole sentence with a stray colon: "… EXPE-CT. :")
            else:
                folded_answer = fold(answer)
                evidence = [Evidence(block.piece, block.page, f"{text.strip()} {answer}"[:220])]
                reason = ("unticked" if _box_state(answer) == "unticked" else
                          "undecided" if UNDECIDED_RE.search(folded_answer) else
                          "negative" if NEGATIVE_RE.search(folded_answer) else "found")
        elif UNDECIDED_RE.search(folded):
            reason = "undecided"
        elif row is not None and len(row) >= 2 and NEGATIVE_RE.search(fold(row[-1])):
            reason = "negative"
        status = {"found": "pass", "negative": "pass", "undecided": "review"}.get(reason, "fail")
        candidate = Statement(status, evidence, reason)
        if best is None or rank[reason] > rank[best.reason]:
            best = candidate
        if reason == "found":
            break
    if best is None and concept.topic:
        # A heading about the statement with nothing on it under it (nothing,
        # or only a contact line and the closing): a person must look.
        for piece in submission.pieces:
            for i, block in enumerate(piece.blocks):
                if is_title(block) and concept.about(fold(block.text)):
                    section = []
                    for nxt in piece.blocks[i + 1:]:
                        if is_title(nxt) or CLOSING_START_RE.match(fold(nxt.text)):
                            break
                        section.append(nxt)
                    if all(CONTACT_RE.match(fold(b.text)) for b in section):
                        return Statement("review", [Evidence.of(block)], "undecided")
    if best is None and any(piece.ocr for piece in submission.pieces):
        return Statement("review", [], "unread")   # OCR may have lost it: no fail without the text read
    return best or Statement("fail", [], "absent")


BARE_TITLE_CHARS = 60


def _bare_title(block: Block, heading_re: re.Pattern) -> bool:
    """A short line that opens with the section's title words and ends
    without punctuation ("Perspectives", "Objet de la mission"): a title
    whose style was lost (a scan, plain text)."""
    text = block.text.strip().rstrip(OCR_EDGE)
    return (block.kind == "paragraph" and 0 < len(text) <= BARE_TITLE_CHARS and text[:1].isupper()
            and not text.endswith((".", ";", ",", ":")) and not re.search(rf"[:{TICKED}{UNTICKED}\[]", text)
            and bool(heading_re.match(fold(text))))


def blocks_under(submission: Submission, heading_re: re.Pattern) -> list[tuple[Block, list[Block]]]:
    """Sections whose title matches: (title, the blocks up to the next title
    of the same or a higher level; titles that are not styled headings end
    at the next title of any kind)."""
    sections = []
    for piece in submission.pieces:
        blocks = piece.blocks
        for i, block in enumerate(blocks):
            if not (is_title(block) and heading_re.search(fold(block.text)) or _bare_title(block, heading_re)):
                continue
            level = block.level if block.kind == "heading" else None
            body = []
            for nxt in blocks[i + 1:]:
                if is_title(nxt) and (level is None or nxt.kind != "heading" or (nxt.level or 1) <= level):
                    break
                body.append(nxt)
            sections.append((block, body))
    return sections
