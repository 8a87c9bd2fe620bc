"""The document model every reader produces.

A submission is made of pieces (one file each); a piece is a flat sequence of
blocks in reading order.  Every block keeps its provenance (piece file name,
page for paginated formats, index within the piece) so that any finding can
be quoted back to the committee with where it comes from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from common.characters import normalise

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
# Where the block sits in the source document; body text is the default.
BlockSource = Literal["body", "header", "footer", "footnote", "endnote", "textbox", "form"]
PieceFormat = Literal["pdf", "docx", "odt", "doc", "other"]
INVISIBLE_REMOVED = ("Caractères invisibles supprimés du texte (espaces de largeur nulle, "
                     "marques ou forçages de direction) : le texte peut avoir été maquillé.")
# How the readers write a form's check box into the text: one pair of glyphs
# for every format that stores the box's state (DOCX, ODT).
TICKED, UNTICKED = "☒", "☐"


@dataclass
class Block:
    kind: BlockKind
    text: str
    piece: str = ""
    page: int | None = None
    index: int = 0
    level: int | None = None          # headings only: 1 = top level
    rows: list[list[str]] | None = None  # tables only: rows of cell texts
    source: BlockSource = "body"

    def __post_init__(self) -> None:
        if self.kind == "table" and self.rows is not None and not self.text:
            self.text = table_text(self.rows)


def table_text(rows: list[list[str]]) -> str:
    """Plain-text view of a table: cells joined by ' | ', one row a line."""
    return "\n".join(" | ".join(cell for cell in row) for row in rows)


@dataclass
class PieceError:
    """Why a piece could not be read.  `code` is a contract error code."""
    code: str
    message: str  # French, shown to staff


@dataclass
class Piece:
    file: str                      # name relative to the submission
    format: PieceFormat
    pages: int | None = None
    ocr: bool = False
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # French
    error: PieceError | None = None

    def add(self, block: Block) -> Block:
        """Append a block, stamping its provenance.  Every reader comes
        through here, so the text is normalised here, once: NFC, and no
        zero-width or direction control (they cut or disguise names)."""
        block.text, hidden = normalise(block.text)
        if block.rows is not None:
            cells = [[normalise(cell) for cell in row] for row in block.rows]
            block.rows = [[text for text, _ in row] for row in cells]
            hidden = hidden or any(h for row in cells for _, h in row)
        if hidden and INVISIBLE_REMOVED not in self.warnings:
            self.warnings.append(INVISIBLE_REMOVED)
        block.piece = self.file
        block.index = len(self.blocks)
        self.blocks.append(block)
        return block

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.text)


@dataclass
class Submission:
    path: str                      # as given by the user
    sha256: str
    pieces: list[Piece] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        return [b for p in self.pieces for b in p.blocks]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pieces if p.blocks)
