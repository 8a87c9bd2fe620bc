"""Page geometry → blocks: the layout half of the PDF reader.

Input is a list of positioned words per page (top-left origin, y down, in
points, already turned so that the text reads left to right) and the ruling
edges of the page.  Output is the page's blocks in reading order:

* ruled tables (pdfplumber's lattice algorithm on the edges) become table
  blocks and their words leave the text flow;
* columns are found by recursive cuts along vertical gutters free of words
  over most of the region's height, so that a left column is read fully
  before the right one (a full-width title above stays above);
* words → lines → paragraphs (gap, indentation, bullets, style changes),
  hyphenated line ends rejoined;
* headings by font size relative to the document's body size, or bold
  short lines; list items by bullet or enumerator;
* lines repeated in the top/bottom bands of most pages, and page numbers,
  are marked as header/footer.
"""
from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from pdfplumber.table import (Table as _LatticeTable, cells_to_tables, edges_to_intersections,
                              intersections_to_cells, merge_edges)

from .model import Block


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0   # font size in points (0 when unknown, e.g. OCR)
    bold: bool = False


@dataclass(slots=True)
class TableBox:
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str]]
    columns: list[float] | None = None   # where the columns of a table drawn without lines start


@dataclass(slots=True)
class Line:
    words: list[Word]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0
    bold: bool = False
    gapped: bool = False   # words far apart: a row of a form or of an unruled table

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class PageLayout:
    """What one page (or one rotated text frame of it) holds."""
    number: int
    width: float
    height: float
    words: list[Word]
    edges: list[dict] = field(default_factory=list)
    banded: bool = True   # header/footer detection applies (main frame only)


@dataclass
class Para:
    """A paragraph-to-be: consecutive lines of one style, or one table."""
    page: int
    lines: list[Line] = field(default_factory=list)
    table: TableBox | None = None
    source: str = "body"
    list_marker: str | None = None   # "glyph" (stripped) or "enum" (kept)

    # Read once the paragraph is complete.
    @cached_property
    def size(self) -> float:
        return _dominant_size([w for ln in self.lines for w in ln.words])

    @cached_property
    def bold(self) -> bool:
        return bool(self.lines) and all(ln.bold for ln in self.lines)

    @cached_property
    def text(self) -> str:
        text = join_lines([ln.text for ln in self.lines])
        if self.list_marker == "glyph":
            text = _strip_bullet(text)
        return text


def _dominant_size(words: list[Word]) -> float:
    if not words:
        return 0.0
    weights: Counter = Counter()
    for w in words:
        weights[round(w.size * 2) / 2] += len(w.text)
    return weights.most_common(1)[0][0]


# --------------------------------------------------------------------------
# Text joining

_HYPHENS = "-\u2010\u00ad"


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines; 'dévelop-' + 'pement' → 'développement' when the
    next line starts in lowercase (a compound like 'Porte-' + 'Parole' keeps
    its hyphen)."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1] in _HYPHENS and len(out) > 1 and out[-2].isalpha() and line[0].isalpha():
            # 'dévelop-' + 'pement'; 'Vidal-' + 'Roux' is a compound and keeps it
            out = (out[:-1] if line[0].islower() else out) + line
        elif out[-1] == "\u00ad":
            out = out[:-1] + line
        else:
            out += " " + line
    return out


# --------------------------------------------------------------------------
# Lists

# Glyph bullets, including the Symbol/Wingdings private-use code points that
# Word writes for its default bullets.
GLYPH_BULLETS = set("•●▪◦○◘►▸▶➢➤✓✔❖◆◇·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e0\uf0be")
# Bullets that are also ordinary characters: only a bullet as a word of their own.
WORD_BULLETS = {"-", "–", "—", "o", "\u2212"}
ENUMERATOR = re.compile(r"^(\(?\d{1,2}[.)°]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|[A-Z]\))$")


def list_marker(line: Line) -> str | None:
    """'glyph' if the line starts with a bullet glyph, 'enum' with an
    enumerator (1. 1) a) ...), else None."""
    words = line.words
    if len(words) < 2 and not (words and words[0].text[:1] in GLYPH_BULLETS and len(words[0].text) > 1):
        return None
    first = words[0].text
    if first[0] in GLYPH_BULLETS or first in WORD_BULLETS:
        return "glyph"
    if ENUMERATOR.match(first):
        return "enum"
    return None


def _strip_bullet(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first in WORD_BULLETS or all(c in GLYPH_BULLETS for c in first):
        return rest.strip()
    return text[1:].strip() if text[:1] in GLYPH_BULLETS else text


# --------------------------------------------------------------------------
# Tables

MAX_EDGES = 4000   # beyond this the lattice search is too slow; no tables then
MIN_FILLED = 0.4   # share of non-empty cells of a real table


def find_tables(edges: list[dict], words: list[Word]) -> list[TableBox]:
    """Ruled tables: cells from intersecting horizontal and vertical edges
    (pdfplumber's 'lines' strategy), filled with the words they contain."""
    if len(edges) > MAX_EDGES:
        return []
    edges = merge_edges(edges, 3, 3, 3, 3)
    edges = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= 3]
    if sum(e["orientation"] == "h" for e in edges) < 2 or sum(e["orientation"] == "v" for e in edges) < 2:
        return []
    cells = intersections_to_cells(edges_to_intersections(edges, 3, 3))
    tables = []
    for table_cells in cells_to_tables(cells):
        rows = _LatticeTable(None, table_cells).rows
        if len(rows[0].cells) < 2:
            continue
        x0, top, x1, bottom = (min(c[0] for c in table_cells), min(c[1] for c in table_cells),
                               max(c[2] for c in table_cells), max(c[3] for c in table_cells))
        inside = [w for w in words if _inside(w, x0, top, x1, bottom)]
        vocab = Vocabulary(lambda: build_lines(words))
        grid = [[_cell_text(cell, inside, vocab) if cell else "" for cell in row.cells] for row in rows]
        grid = [row for row in grid if any(row)]
        filled = sum(bool(c) for row in grid for c in row)
        if filled < 2 or filled < MIN_FILLED * sum(len(row) for row in grid):
            continue   # a chart's grid, or an empty form frame
        tables.append(TableBox(x0, top, x1, bottom, grid))
    return tables


def _inside(w: Word, x0: float, top: float, x1: float, bottom: float) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return x0 <= cx < x1 and top <= cy < bottom


# Short French words that may well stand alone on a cell's line.
_SHORT_WORDS = {"a", "à", "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les", "ou", "où", "un",
                "une", "sur", "par", "pour", "son", "sa", "ses", "est", "ans"}


def _cell_text(cell: tuple, words: list[Word], vocab: Vocabulary | None = None) -> str:
    inside = [w for w in words if _inside(w, *cell)]
    lines: list[str] = []
    built = build_lines(inside)
    if built:   # the cell's text box: its padding taken as even on both sides
        left = min(ln.x0 for ln in built)
        right = max(max(ln.x1 for ln in built), cell[2] - (left - cell[0]))
    prev: Line | None = None
    for ln in built:
        text = ln.text
        # A word too long for a narrow column, broken by Word without a
        # hyphen: "Missionnair" / "es".
        if lines and lines[-1][-1:].isalpha() and re.fullmatch(r"[a-zàâçéèêëîïôûùüÿœ]{1,4}\.?", text) \
                and text.rstrip(".") not in _SHORT_WORDS:
            lines[-1] += text
        elif prev is not None and broken_word(prev.words[-1], ln.words[0], left, right, vocab):
            first, _, rest = text.partition(" ")
            lines[-1] += first
            if rest:
                lines.append(rest)
        else:
            lines.append(text)
        prev = ln
    return join_lines(lines)


class Vocabulary:
    """The words of a page seen inside a run of text, a space after another
    word (lowercased, bare of punctuation): the end of a broken word only
    ever opens a line.  Built on first use."""

    def __init__(self, lines: Callable[[], list[Line]]):
        self._lines = lines
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = {_bare(b.text) for ln in self._lines() for a, b in zip(ln.words, ln.words[1:])
                           if -0.1 <= (b.x0 - a.x1) / max(b.bottom - b.top, 1.0) <= 0.45}
        return word in self._words


def _bare(text: str) -> str:
    return text.lower().strip(".,;:!?()«»\"'’")


_ELIDED = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]\w", re.I)


def broken_word(a: Word, b: Word, left: float, right: float, vocab: Vocabulary | None = None) -> bool:
    """Is `b`, first on the line under `a`, the rest of a word broken
    without a hyphen ('KERGAR' / 'IOU', 'développem' / 'ent'), as writers do
    with a word wider than its column?  `a` then reaches the column's right
    edge, and both parts are wider than the column from `left` to `right`,
    so that no line could have held the word whole (two words that each
    fit wrap normally).  In a very narrow column two words may fill it so
    too ('conférences' / 'en'): `b` is then taken for a word of its own if
    it is a short French word or occurs inside a line of the page
    (`vocab`), unless `a` and `b` together do."""
    h = max(a.bottom - a.top, 1.0)
    if b.top < a.bottom - 0.3 * h or not (a.text[-1:].isalpha() or a.text[-1:] in "'’") \
            or a.x1 < right - max(0.6 * h, 1.2 * (b.x1 - b.x0) / len(b.text)):
        return False
    if b.text[:1] in "'’-" and b.text[1:2].isalpha() and a.text[-1:].isalpha():
        return True   # "d" / "'expérience", "Enseignante" / "-chercheuse": no word starts so
    if not b.text[:1].isalpha() or (a.text[-1:].islower() and b.text[:1].isupper()) \
            or (a.x1 - a.x0) + (b.x1 - b.x0) <= right - left:
        return False
    if _bare(a.text) in _SHORT_WORDS or _ELIDED.match(b.text):
        return False   # 'de' / 'l'attractivité', 'diplôme' / 'd'architecte': words of their own
    rest = _bare(b.text)
    if rest in _SHORT_WORDS:
        return False
    if vocab is None or len(rest) < 3:
        return True
    return _bare(a.text + b.text) in vocab or rest not in vocab


# --------------------------------------------------------------------------
# Lines and columns

def build_lines(words: list[Word]) -> list[Line]:
    """Words sharing a baseline band, left to right; lines top to bottom.
    A word drawn twice at the same place (fake bold) is kept once."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        cy = (w.top + w.bottom) / 2
        if lines and lines[-1].top <= cy <= lines[-1].bottom:
            ln = lines[-1]
            ln.words.append(w)
            ln.x0, ln.x1 = min(ln.x0, w.x0), max(ln.x1, w.x1)
            ln.top, ln.bottom = min(ln.top, w.top), max(ln.bottom, w.bottom)
        else:
            lines.append(Line([w], w.x0, w.top, w.x1, w.bottom))
    for ln in lines:
        ln.words.sort(key=lambda w: w.x0)
        kept = [ln.words[0]]
        for w in ln.words[1:]:
            p = kept[-1]
            if not (w.text == p.text and abs(w.x0 - p.x0) < 2 and abs(w.top - p.top) < 2):
                kept.append(w)
        ln.words = kept
        ln.size = _dominant_size(kept)
        ln.bold = all(w.bold for w in kept)
        ln.gapped = _gapped([b.x0 - a.x1 for a, b in zip(kept, kept[1:])], ln.size)
    return lines


CELL = 2.0            # grid resolution (points) of the gutter search...
MAX_CELLS = 2e6       # ...coarser on huge pages
MIN_GUTTER = 6.0      # narrowest column gap (points)
MIN_RUN = 0.4         # a gutter spans at least this share of the region's height


def reading_order(boxes: list, depth: int = 0) -> list[list]:
    """Split words/tables into regions read one after the other: recursive
    cuts along vertical gutters (columns), keeping what spans the gutter
    above or below it."""
    if len(boxes) < 12 or depth > 8:
        return [boxes]
    cut = _find_gutter(boxes)
    if cut is None:
        return [boxes]
    gx, ya, yb = cut
    above, left, right, below = [], [], [], []
    for b in boxes:
        cy = (b.top + b.bottom) / 2
        if cy < ya:
            above.append(b)
        elif cy > yb:
            below.append(b)
        elif (b.x0 + b.x1) / 2 < gx:
            left.append(b)
        else:
            right.append(b)
    # What one side holds below the other side's end, after a blank, follows
    # both columns (a heading under balanced columns), not that column.
    left_end = max((b.bottom for b in left), default=yb)
    left, tail_l = _split_tail(left, max((b.bottom for b in right), default=yb))
    right, tail_r = _split_tail(right, left_end)
    below = sorted(tail_l + tail_r, key=lambda b: b.top) + below
    regions = []
    for part in (above, left, right, below):
        if part:
            regions += reading_order(part, depth + 1)
    return regions


def _split_tail(side: list, other_bottom: float) -> tuple[list, list]:
    """(side, tail): the tail is a line or two lying below `other_bottom`
    after a gap taller than a line, at the end of the side (a longer run
    is the column going on beside a shorter one)."""
    side = sorted(side, key=lambda b: b.top)
    heights = sorted(b.bottom - b.top for b in side if isinstance(b, Word))
    line = heights[len(heights) // 2] if heights else 10.0
    bottom = float("-inf")
    for k, b in enumerate(side):
        if k and b.top > other_bottom and b.top - bottom > line:
            tail = side[k:]
            if all(isinstance(t, Word) for t in tail) and len(build_lines(tail)) <= 2:
                return side[:k], tail
            break
        bottom = max(bottom, b.bottom)
    return side, []


def _find_gutter(boxes: list) -> tuple[float, float, float] | None:
    """(x, y_from, y_to) of the best vertical gutter, or None.  A gutter is
    a strip ≥ MIN_GUTTER wide, free of boxes over ≥ MIN_RUN of the height,
    with prose-like text (≥ 3 lines, mostly filling their side) on its left
    and at least 3 lines on its right — so that the labels of a form are not
    taken for a column (a narrow left sidebar is not either)."""
    x0, y0 = min(b.x0 for b in boxes), min(b.top for b in boxes)
    width, height = max(b.x1 for b in boxes) - x0, max(b.bottom for b in boxes) - y0
    cell = max(CELL, math.sqrt(width * height / MAX_CELLS))   # posters: a coarser grid
    nx, ny = int(width / cell) + 1, int(height / cell) + 1
    if nx * cell < 80 or ny < 10:
        return None
    occ = np.zeros((nx, ny + 2), dtype=np.int8)
    occ[:, 0] = occ[:, -1] = 1
    for b in boxes:
        occ[int((b.x0 - x0) / cell):int((b.x1 - x0) / cell) + 1,
            int((b.top - y0) / cell) + 1:int((b.bottom - y0) / cell) + 2] = 1
    d = np.diff(occ, axis=1)
    sx, sy = np.nonzero(d == -1)   # free runs start (sorted by column, then y)
    _, ey = np.nonzero(d == 1)     # ...and end, in the same order
    length = ey - sy
    keep = length >= MIN_RUN * ny
    best: dict[int, tuple[int, int]] = {}
    for x, s, n in zip(sx[keep].tolist(), sy[keep].tolist(), length[keep].tolist()):
        if x not in best or n > best[x][1] - best[x][0]:
            best[x] = (s, s + n)
    # Columns sharing the same free interval, then each such group widened
    # over its neighbours that are free over at least that interval.
    groups: list[list[int]] = []   # [first column, last column, run start, run end]
    for x in sorted(best):
        lo, hi = best[x]
        if groups and groups[-1][1] == x - 1 and groups[-1][2:] == [lo, hi]:
            groups[-1][1] = x
        else:
            groups.append([x, x, lo, hi])
    candidates = set()
    for i, (c0, c1, lo, hi) in enumerate(groups):
        j = i - 1
        while j >= 0 and groups[j][1] == c0 - 1 and groups[j][2] <= lo and groups[j][3] >= hi:
            c0, j = groups[j][0], j - 1
        j = i + 1
        while j < len(groups) and groups[j][0] == c1 + 1 and groups[j][2] <= lo and groups[j][3] >= hi:
            c1, j = groups[j][1], j + 1
        if (c1 - c0 + 1) * cell >= MIN_GUTTER:
            candidates.add((hi - lo, c0, c1, lo, hi))
    for _, c0, c1, lo, hi in sorted(candidates, reverse=True):
        gx0, gx1 = x0 + c0 * cell, x0 + (c1 + 1) * cell
        ya, yb = y0 + lo * cell, y0 + hi * cell
        inside = [b for b in boxes if ya <= (b.top + b.bottom) / 2 <= yb]
        left = [b for b in inside if b.x1 <= gx0 + cell]
        right = [b for b in inside if b.x0 >= gx1 - cell]
        if _prose_like(left) and len(build_lines([b for b in right if isinstance(b, Word)])) \
                + sum(isinstance(b, TableBox) for b in right) >= 3:
            return (gx0 + gx1) / 2, ya, yb
    return None


def _prose_like(boxes: list) -> bool:
    """At least 3 lines, of several words, mostly filling their width (the
    labels of a form are one to three words, of uneven lengths)."""
    lines = build_lines([b for b in boxes if isinstance(b, Word)])
    tables = [b for b in boxes if isinstance(b, TableBox)]
    if len(lines) + len(tables) < 3:
        return False
    if lines and sum(len(ln.words) for ln in lines) < 3.5 * len(lines):
        return False
    left = min(b.x0 for b in boxes)
    width = max(b.x1 for b in boxes) - left
    full = sum(ln.x1 - ln.x0 >= 0.6 * width for ln in lines) + len(tables)
    return full >= 0.5 * (len(lines) + len(tables))


# --------------------------------------------------------------------------
# Headers and footers

BAND = 0.1            # running headers and footers start this close to an edge
ZONE = 0.25           # ...and may run on (a letterhead) this far,
MAX_BEYOND = 6        # ...for so many lines beyond the band
NUMBER_BAND = 0.2     # a lone page number: the outermost line, this close to an edge
_PAGE_NUMBER = re.compile(
    r"^(page|p\.|pg\.?)?\s*#+\s*((/|sur|of|de)\s*#+)?$|^[-–—]\s*#+\s*[-–—]$")


def _signature(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _edge_lines(page: PageLayout) -> tuple[list[Line], list[Line]]:
    """Lines near the top and near the bottom, each list from the edge inward."""
    h = page.height
    top = build_lines([w for w in page.words if (w.top + w.bottom) / 2 < ZONE * h])
    bottom = build_lines([w for w in page.words if (w.top + w.bottom) / 2 > (1 - ZONE) * h])
    return top, bottom[::-1]


def find_running_lines(pages: list[PageLayout]) -> dict[int, tuple[list[Line], list[Line]]]:
    """Per page number: (header lines, footer lines).  From each edge
    inward, a line is running text if it recurs on at least half the pages
    (two at least) — digit-blind within the edge band ('Page 3/5'), exactly
    beyond it (so that 'Expert n° 2' does not match 'Expert n° 1') — or if
    it is the outermost line and a page number ('3', '- 3 -'); the search
    stops at the first other line beyond the edge band."""
    banded = [p for p in pages if p.banded]
    edges = {p.number: _edge_lines(p) for p in banded}
    seen: dict[str, set[int]] = defaultdict(set)
    for number, (top, bottom) in edges.items():
        for ln in top + bottom:
            seen[_signature(ln.text)].add(number)
            seen[ln.text].add(number)
    need = max(2, (len(banded) + 1) // 2)
    result = {}
    for page in banded:
        h = page.height

        def running(lines: list[Line], depth) -> list[Line]:
            out, beyond = [], 0
            for k, ln in enumerate(lines):
                sig = _signature(ln.text)
                in_band = depth(ln) <= BAND * h
                beyond += not in_band
                if beyond > MAX_BEYOND:
                    break
                if len(seen[sig if in_band else ln.text]) >= need or (
                        k == 0 and depth(ln) < NUMBER_BAND * h and _PAGE_NUMBER.match(sig)):
                    out.append(ln)
                elif not in_band:
                    break
            return out
        top, bottom = edges[page.number]
        header = running(top, lambda ln: ln.bottom)
        footer = running(bottom, lambda ln: h - ln.top)[::-1]
        if sum(len(ln.words) for ln in header + footer) < len(page.words):
            result[page.number] = (header, footer)   # (a page of nothing else keeps it as body)
    return result


# --------------------------------------------------------------------------
# Paragraphs

def page_paras(page: PageLayout, running: tuple[list[Line], list[Line]] | None) -> list[Para]:
    """The page's paragraphs in reading order, headers first, footers last."""
    header, footer = running or ([], [])
    skip = {id(w) for ln in header + footer for w in ln.words}
    words = [w for w in page.words if id(w) not in skip]
    tables = find_tables(page.edges, words) if page.edges else []
    if page.banded:  # a table inside the header band is the running header's frame
        tables = [t for t in tables if page.height * BAND < (t.top + t.bottom) / 2
                  < page.height * (1 - BAND)]
    if tables:
        words = [w for w in words if not any(_inside(w, t.x0, t.top, t.x1, t.bottom) for t in tables)]
    paras = [Para(page.number, [ln], source="header") for ln in header]
    for region in reading_order(words + tables):
        region_paras = _region_paras(page.number, region)
        if region_paras and paras and _continues(paras[-1], region_paras[0]):
            paras[-1].lines += region_paras.pop(0).lines
        paras += region_paras
    paras += [Para(page.number, [ln], source="footer") for ln in footer]
    return paras


def _continues(prev: Para, first: Para) -> bool:
    """Does a column's first paragraph continue the previous column's last
    one (a sentence cut by the column break)?"""
    if prev.table or first.table or first.list_marker or prev.source != "body":
        return False
    a, b = prev.lines[-1], first.lines[0]
    return (a.text.rstrip()[-1:] not in ".!?:;»”\"" and b.text[:1].islower()
            and abs(a.size - b.size) <= 0.8 and a.bold == b.bold)


def _region_paras(number: int, region: list) -> list[Para]:
    words = [b for b in region if isinstance(b, Word)]
    items: list = build_lines(words) + [b for b in region if isinstance(b, TableBox)]
    items.sort(key=lambda it: it.top)
    lines = [it for it in items if isinstance(it, Line)]
    if not lines:
        return [Para(number, table=it) for it in items]
    pitch = _line_pitch(lines)
    right = max(ln.x1 for ln in lines)
    width = right - min(ln.x0 for ln in lines)
    paras: list[Para] = []
    current: Para | None = None
    text_x0 = 0.0   # where the current list item's text starts (hanging indent)
    for it in items:
        if isinstance(it, TableBox):
            paras.append(Para(number, table=it))
            current = None
            continue
        marker = list_marker(it)
        if current is None or marker or _breaks(current, it, pitch, right, width, text_x0):
            current = Para(number, [it], list_marker=marker)
            paras.append(current)
            text_x0 = it.words[1].x0 if marker and len(it.words) > 1 else it.x0
        else:
            current.lines.append(it)
    return paras


def _line_pitch(lines: list[Line]) -> float:
    """Typical baseline-to-baseline distance of the body lines."""
    deltas = [b.bottom - a.bottom for a, b in zip(lines, lines[1:])
              if 0 < b.bottom - a.bottom < 2.5 * max(a.size, 1) and abs(a.size - b.size) < 0.6]
    if len(deltas) >= 2:
        return statistics.median(deltas)
    sizes = [ln.size for ln in lines if ln.size]
    return 1.2 * (statistics.median(sizes) if sizes else 10.0)


_LABEL = re.compile(r"^[^\W\d_][^:.;!?]{0,50}?\s?:(\s|$)")


def _gapped(gaps: list[float], size: float) -> bool:
    """Words far apart, as in a form row or an unruled table, and not a
    justified line whose spaces are all stretched alike."""
    wide = 2 * max(size, 1.0)
    if not gaps or max(gaps) <= wide:
        return False
    return len(gaps) < 2 or max(gaps) > 1.1 * min(gaps) + 1.0


def _runs_on(prev: Line, line: Line) -> bool:
    """The sentence goes on across the line break: a bold phrase inside a
    paragraph ("… porte sur **l'approvisionnement local de la**"), where the
    bold line starts, or the plain one resumes, in lower case."""
    return bool(prev.text) and prev.text.rstrip()[-1] not in ".:;!?" and line.text[:1].islower()


def _breaks(para: Para, line: Line, pitch: float, right: float, width: float,
            text_x0: float) -> bool:
    """Does `line` start a new paragraph after `para`?"""
    prev = para.lines[-1]
    size = max(line.size, prev.size, 1.0)
    if abs(line.size - prev.size) > 0.8 or line.gapped or prev.gapped:
        return True
    if line.bold != prev.bold and not _runs_on(prev, line):
        return True
    if line.bottom - prev.bottom > 1.45 * max(pitch, size):
        return True
    first = line.words[0]
    # A centred title wrapped: both lines share their middle, and the next
    # word would not have fitted on the previous line across the region.
    if abs(line.x0 + line.x1 - prev.x0 - prev.x1) < size and line.x0 > prev.x0 + 0.8 * size \
            and (prev.x1 - prev.x0) + (first.x1 - first.x0) + 0.25 * size > width - size:
        return False
    # The previous line ended although the next word would have fitted:
    # the line break was made on purpose.
    room = max(max(ln.x1 for ln in para.lines), line.x1) - prev.x1
    deliberate = room > first.x1 - first.x0 + 0.3 * size
    if para.list_marker:   # continuation lines sit under the item's text
        return line.x0 < text_x0 - 2 and deliberate
    if deliberate or line.x0 > prev.x0 + 0.8 * size:   # ...or a first-line indent
        return True
    # The next 'label : value' line of a form, after a line short of the column.
    return prev.x1 < right - max(0.15 * width, 2 * size) and bool(_LABEL.match(line.text))


# --------------------------------------------------------------------------
# Document level: tables across pages, headings and blocks

def join_page_tables(paras: list[Para]) -> list[Para]:
    """A table that ends a page and one that opens the next, with nothing
    but running lines between them, as many columns and the same left and
    right edges, are one table broken by the page: the second one's rows go
    on the first (less a repeated header row; a first row with an empty
    first cell is the end of a row the page break cut)."""
    out: list[Para] = []
    last: Para | None = None   # the last body paragraph kept
    for p in paras:
        if p.source != "body":
            out.append(p)
            continue
        if p.table and last is not None and last.table and p.page == last.page + 1 \
                and _same_columns(last.table, p.table):
            above, rows = last.table.rows, [list(r) for r in p.table.rows]
            if rows and above and rows[0] == above[0]:
                rows.pop(0)
            if rows and above and len(above) > 1 and not rows[0][0].strip() and any(rows[0]):
                first = rows.pop(0)
                above[-1] = [(a + " " + b).strip() for a, b in zip(above[-1], first)]
            above += rows
            continue
        out.append(p)
        last = p
    return out


def _same_columns(a: TableBox, b: TableBox) -> bool:
    width = max(a.x1 - a.x0, 1.0)
    return (len({len(r) for r in a.rows + b.rows}) == 1
            and abs(a.x0 - b.x0) <= max(6.0, 0.02 * width) and abs(a.x1 - b.x1) <= max(6.0, 0.02 * width))


def body_size(paras: list[Para]) -> float:
    weights: Counter = Counter()
    for p in paras:
        if p.source == "body":
            for ln in p.lines:
                for w in ln.words:
                    if w.size > 0:   # OCR words have no size
                        weights[round(w.size * 2) / 2] += len(w.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _is_large(p: Para, body: float) -> bool:
    return body > 0 and p.size >= 1.15 * body and p.size - body >= 1.0


def _is_heading(p: Para, body: float) -> bool:
    if p.table or p.source != "body" or len(p.lines) > 3:
        return False
    text = p.text
    if not text or len(text) > 200 or not any(c.isalpha() for c in text):
        return False
    if _is_large(p, body):
        return True
    return (p.bold and not p.list_marker == "glyph" and len(p.lines) <= 2
            and len(text) <= 150 and p.size >= body - 0.5)


def to_blocks(paras: list[Para]) -> list[Block]:
    """Classify paragraphs (heading levels by distinct heading sizes over the
    whole document, largest first; bold body-size headings come last)."""
    body = body_size(paras)
    headings = [p for p in paras if _is_heading(p, body)]
    sizes: list[float] = []
    for s in sorted({p.size for p in headings if _is_large(p, body)}, reverse=True):
        if not sizes or sizes[-1] - s > 0.75:
            sizes.append(s)

    def level(p: Para) -> int:
        if not _is_large(p, body):
            return min(len(sizes) + 1, 6)
        return min(1 + sum(s - p.size > 0.75 for s in sizes), 6)

    heading_ids = {id(p) for p in headings}
    blocks = []
    for p in paras:
        if p.table:
            blocks.append(Block("table", "", page=p.page, rows=p.table.rows))
            continue
        text = p.text
        if not any(c.isalnum() for c in text):
            continue   # stray bullets, rules drawn with dashes...
        if id(p) in heading_ids:
            blocks.append(Block("heading", text, page=p.page, level=level(p)))
        elif p.list_marker:
            blocks.append(Block("list_item", text, page=p.page, source=p.source))
        else:
            blocks.append(Block("paragraph", text, page=p.page, source=p.source))
    return blocks
