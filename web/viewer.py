"""The pieces of a dossier as pages: PDF pieces as they are, Word and ODT
pieces converted to PDF once by LibreOffice (extractors.converter), both
cached under `<home>/vues/<sha256>/`; pages rendered to PNG with pypdfium2;
a quote found on its page by its words, as rectangles to highlight."""
from __future__ import annotations

import functools
import json
import shutil
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from common.files import write_atomic
from expe_ct.inbox import Home
from common.limits import Limits
from extractors.converter import converted
from extractors.errors import ExtractionError
from extractors.package import open_submission

VIEWS = "vues"
SCALE = 1.5            # 108 dpi: a page about 900 px wide
CONVERTIBLE = {"docx": ".docx", "odt": ".odt", "doc": ".doc"}
ELLIPSIS = "…"
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()
_pdfium = threading.Lock()   # pdfium is not thread-safe


class NoView(Exception):
    """A piece that cannot be shown as pages (French message)."""


@dataclass(frozen=True)
class Box:
    """A highlighted rectangle, in fractions of the page (top-left origin)."""
    left: float
    top: float
    width: float
    height: float


def _lock(key: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def submission_path(home: Home, record: dict[str, Any], location: str) -> Path:
    """Where the filed original is now (the record's path may predate a move of the home)."""
    return home.root / location / Path(record["submission"]).name


def piece_pdf(home: Home, record: dict[str, Any], location: str, rank: int) -> Path:
    """The PDF of the record's piece number `rank`, made once."""
    pieces = record.get("pieces") or []
    if not 0 <= rank < len(pieces):
        raise NoView("Pièce inconnue.")
    piece = pieces[rank]
    fmt = piece.get("format")
    if fmt != "pdf" and fmt not in CONVERTIBLE:
        raise NoView("Cette pièce n'a pas de pages à afficher.")
    cache = home.root / VIEWS / record["sha256"] / f"{rank}.pdf"
    if cache.is_file():
        return cache
    with _lock(str(cache)):
        if cache.is_file():
            return cache
        cache.parent.mkdir(parents=True, exist_ok=True)
        with open_submission(submission_path(home, record, location), Limits.from_env()) as opened:
            found = next((p for p in opened.pieces if p.name == piece["file"]), None)
            if found is None or found.error is not None:
                raise NoView("La pièce est introuvable dans l'archive.")
            if fmt == "pdf":
                tmp = cache.with_name(f".{cache.name}.tmp")
                shutil.copyfile(found.path, tmp)
                tmp.replace(cache)
            else:
                try:
                    with converted(found.path, "pdf", CONVERTIBLE[fmt]) as pdf:
                        write_atomic(cache, pdf.read_bytes())
                except ExtractionError as exc:
                    raise NoView(f"Conversion impossible : {exc}") from None
    return cache


def page_count(pdf_path: Path) -> int:
    with _pdfium:
        doc = pdfium.PdfDocument(pdf_path)
        try:
            return len(doc)
        finally:
            doc.close()


def page_png(pdf_path: Path, page: int) -> Path:
    """The page (1-based) as a PNG, rendered once."""
    png = pdf_path.with_name(f"{pdf_path.stem}-{page}.png")
    if png.is_file():
        return png
    with _pdfium:
        doc = pdfium.PdfDocument(pdf_path)
        try:
            if not 1 <= page <= len(doc):
                raise NoView("Page inconnue.")
            image = doc[page - 1].render(scale=SCALE).to_pil()
        finally:
            doc.close()
    tmp = png.with_name(f".{png.name}.tmp")
    image.save(tmp, format="PNG", optimize=False)
    tmp.replace(png)
    return png


# -- finding quotes --------------------------------------------------------------

def _fold(ch: str) -> str:
    """A character as compared: no accent, no case, typographic variants folded."""
    ch = {"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "–": "-", "—": "-",
          "\u00a0": " ", "\u202f": " "}.get(ch, ch)
    base = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in base if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """A text as searched and sorted (names and themes recur on every listing)."""
    return "".join(_fold(c) for c in text or "")


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text folded with runs of spaces made one space (a line break is a
    space too; a hyphen at a line's end joins), and for each character kept
    the index of the page character it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold(ch)
        if not folded.strip() or ch in "\r\n\x02\ufffe":
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            continue
        for c in folded:
            out.append(c)
            where.append(i)
    return "".join(out), where


def _fragments(quote: str) -> list[str]:
    """The parts of a quote to look for: the quote cut at its ellipses and
    at table cell boundaries (the readers join a row's cells with « | »)."""
    parts = [p for chunk in quote.split(ELLIPSIS) for p in chunk.split(" | ")]
    parts = [" ".join(_normalised(p)[0].split()) for p in parts]
    return [p for p in parts if len(p) >= 4]


def _find(page_text: str, fragment: str) -> list[tuple[int, int]]:
    text, where = _normalised(page_text)
    start = text.find(fragment)
    if start >= 0:
        end = start + len(fragment) - 1
        return [(where[start], where[end] - where[start] + 1)]
    words = fragment.split()
    spans = []
    for i in range(0, max(1, len(words) - 7), 8):
        run = " ".join(words[i:i + 8])
        at = text.find(run)
        if len(run) >= 12 and at >= 0:
            spans.append((where[at], where[at + len(run) - 1] - where[at] + 1))
    return spans


def _boxes(textpage, width: float, height: float, spans: list[tuple[int, int]]) -> list[Box]:
    boxes = []
    for index, count in spans:
        for r in range(textpage.count_rects(index, count)):
            left, bottom, right, top = textpage.get_rect(r)
            boxes.append(Box(left / width, 1 - top / height, (right - left) / width,
                             (top - bottom) / height))
    return boxes


def locate(pdf_path: Path, quotes: list[str], pages: list[int | None]) -> list[tuple[int | None, list[Box]]]:
    """For each quote, the page where it stands (its own page if known, else
    the first page that holds it) and its rectangles there; cached beside the
    PDF, since the pieces never change."""
    cache_file = pdf_path.with_name(f"{pdf_path.stem}-citations.json")
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    missing = [(q, p) for q, p in zip(quotes, pages) if f"{p}|{q}" not in cache]
    if missing:
        with _pdfium:
            doc = pdfium.PdfDocument(pdf_path)
            try:
                texts: dict[int, Any] = {}

                def textpage(n: int):
                    if n not in texts:
                        page = doc[n - 1]
                        texts[n] = (page.get_textpage(), *page.get_size())
                    return texts[n]

                for quote, page in missing:
                    # the page given, else the page where most of the quote is found
                    best: tuple[int, int | None, list] = (0, page, [])
                    for n in ([page] if page and 1 <= page <= len(doc) else range(1, len(doc) + 1)):
                        tp, width, height = textpage(n)
                        text = tp.get_text_range()
                        spans = [s for f in _fragments(quote) for s in _find(text, f)]
                        score = sum(count for _, count in spans)
                        if score > best[0]:
                            best = (score, n, _boxes(tp, width, height, spans))
                    cache[f"{page}|{quote}"] = [best[1], [b.__dict__ for b in best[2]]]
            finally:
                doc.close()
        write_atomic(cache_file, json.dumps(cache, ensure_ascii=False))
    return [(cache[f"{p}|{q}"][0], [Box(**b) for b in cache[f"{p}|{q}"][1]])
            for q, p in zip(quotes, pages)]
