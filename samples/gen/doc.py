"""A small document model that every writer renders (DOCX, PDF, scan).

Content is composed once as a list of elements; the renderers decide how
each looks in their format.  `plain_text` gives the reference text of what
is printed, used to measure OCR errors on scans.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PLACEHOLDER = "Cliquez ou appuyez ici pour entrer du texte."


@dataclass
class Ctl:
    """A form field (Word content control); None means left at its placeholder."""
    value: str | None = None

    @property
    def text(self) -> str:
        return PLACEHOLDER if self.value is None else self.value


@dataclass
class Check:
    """A tick box followed by its statement."""
    text: str
    ticked: bool
    glyph: str = "☒"          # ticked glyph: ☒ or ☑
    control: bool = True      # a Word checkbox content control (else plain characters)

    @property
    def mark(self) -> str:
        return self.glyph if self.ticked else "☐"


Cell = str | Ctl | Check


def cell_text(cell: Cell) -> str:
    if isinstance(cell, Ctl):
        return cell.text
    if isinstance(cell, Check):
        return f"{cell.mark} {cell.text}"
    return cell


@dataclass
class Heading:
    text: str
    level: int = 1
    look: str = "style"       # style: a real heading style; bold: a bold paragraph; caps


@dataclass
class Para:
    text: str
    align: str = "justify"    # justify, left, right, center
    bold: bool = False
    italic: bool = False
    size: float | None = None
    indent: float = 0         # left indent in cm (address blocks)
    bold_spans: tuple[str, ...] = ()   # phrases set in bold inside the paragraph (magazine style)


@dataclass
class Field:
    """'Label : value' on one line, the value a form field."""
    label: str
    ctl: Ctl


@dataclass
class Bullets:
    items: list[str]
    numbered: bool = False
    marker: str = "•"


@dataclass
class Table:
    rows: list[list[Cell]]
    header: bool = True
    widths: list[float] | None = None   # relative widths
    ruled: bool = True


@dataclass
class Signature:
    lines: list[str]          # e.g. ["Le Maire,", "Jean DURAND"]
    place_date: str | None = None   # "Fait à Lyon, le 12 mai 2025"
    signed: bool = True       # a handwritten mark above the name
    stamp: str | None = None  # text of an official stamp, e.g. "MAIRIE DE QUIMPER"
    align: str = "right"


@dataclass
class Spacer:
    height: float = 0.5       # cm


@dataclass
class PageBreak:
    pass


@dataclass
class TextBox:
    """Paragraphs in a framed box floating in the page (a Word text box)."""
    paras: list[Para]


Element = Heading | Para | Field | Bullets | Table | Signature | Spacer | PageBreak | Check | TextBox


@dataclass
class Letterhead:
    lines: list[str]          # first line is the body's name, in bold
    right: list[str] = field(default_factory=list)   # reference block on the right


@dataclass
class Doc:
    blocks: list[Element]
    letterhead: Letterhead | None = None
    footer: str | None = None
    layout: str = "single"    # single or two-column (PDF only)
    font: str = "sans"        # sans or serif
    title: str = ""           # document metadata
    author: str = ""
    french_styles: bool = False  # DOCX heading styles named like a French Word ("Titre 1")
    created: date | None = None  # document metadata
    running_header: str | None = None  # printed at the top of every page after the first (PDF only)

    def plain_text(self) -> str:
        """The printed text, in reading order, one element per line."""
        out: list[str] = []
        if self.letterhead:
            out += self.letterhead.lines + self.letterhead.right
        for b in self.blocks:
            if isinstance(b, (Heading, Para)):
                out.append(b.text)
            elif isinstance(b, Field):
                out.append(f"{b.label} : {b.ctl.text}")
            elif isinstance(b, Check):
                out.append(cell_text(b))
            elif isinstance(b, Bullets):
                out += [f"{b.marker if not b.numbered else str(i) + '.'} {it}"
                        for i, it in enumerate(b.items, 1)]
            elif isinstance(b, Table):
                out += [" ".join(cell_text(c) for c in row) for row in b.rows]
            elif isinstance(b, TextBox):
                out += [p.text for p in b.paras]
            elif isinstance(b, Signature):
                if b.place_date:
                    out.append(b.place_date)
                out += b.lines
        if self.footer:
            out.append(self.footer)
        return "\n".join(line for line in out if line.strip()) + "\n"
