"""PDF reader.

Text, geometry and rendering come from PDFium (pypdfium2): it extracts
text some fifty times faster than pdfminer (which pdfplumber is built on),
opens files with an empty user password (owner-password-only PDFs read
normally) and repairs many broken cross-reference tables.  Only when PDFium
refuses a file does pdfplumber get a try.  Layout (columns, tables,
paragraphs, headings) is in `pdf_layout`; pages without a usable text layer
go to tesseract (`ocr`).
"""
from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as R

from common.limits import Limits

from . import errors, ocr
from .base import register_reader
from .model import Piece
from .pdf_layout import GLYPH_BULLETS, Line, PageLayout, Para, Word, find_running_lines, \
    join_page_tables, list_marker, page_paras, to_blocks
from .unruled_tables import find_unruled_tables

# Text-layer verdicts.
MIN_GARBAGE_SHARE = 0.3    # share of unreadable characters that makes a page garbage
FEW_CHARS = 200            # "little text" on a page otherwise covered by an image
SCAN_COVER = 0.5           # share of the page covered by images for a scan
DRAWN_COVER = 0.1          # images, or many paths (text drawn as outlines),
DRAWN_SEGMENTS = 300       # on a page without text: worth OCR
MAX_SEGMENTS = 20000       # path segments examined per page (ruling lines)

MAX_OCR_PIXELS = 40e6      # a poster-sized page is rendered at a lower resolution

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_HYPHEN_CODES = {0x02, 0xFFFE, 0xAD}   # PDFium's marks for hyphens at line ends
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b$", re.I)
_CID = re.compile(r"\(cid:\d+\)")
_SPECIAL = re.compile("[\x00-\x1f\xad\ud800-\udfff\ue000-\uf8ff\ufb00-\ufb06\ufffd\ufffe]")


@register_reader("pdf")
def read_pdf(path: Path, name: str, limits: Limits) -> Piece:
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code == R.FPDF_ERR_PASSWORD:
            raise errors.encrypted() from None
        return _read_with_pdfplumber(path, name, limits, exc.err_code)
    try:
        if len(doc) == 0:   # a page tree PDFium could not follow
            return _read_with_pdfplumber(path, name, limits, None)
        return _read_document(doc, name, limits)
    finally:
        doc.close()


def _check_page_count(n: int, limits: Limits) -> None:
    if n > limits.max_pages:
        raise errors.too_large(
            f"Le PDF compte {n} pages, au-delà de la limite de {limits.max_pages} pages.")
    if n == 0:
        raise errors.unreadable("Le PDF ne contient aucune page lisible.")


@dataclass
class PageScan:
    """What one page's text layer is worth."""
    number: int
    frames: list[PageLayout] = field(default_factory=list)
    chars: int = 0          # printable characters of the text layer
    bad: int = 0            # of which unreadable (unmapped glyphs, U+FFFD, controls...)
    image_cover: float = 0.0
    segments: int = 0

    def ocr_reason(self) -> str | None:
        """'no-text' / 'garbage' (OCR replaces the text layer), 'scan' (OCR
        if it finds more text), None (the text layer is good)."""
        if self.chars == 0:
            drawn = self.image_cover >= DRAWN_COVER or self.segments >= DRAWN_SEGMENTS
            return "no-text" if drawn else None
        if self.bad >= MIN_GARBAGE_SHARE * self.chars:
            return "garbage"
        if self.chars < FEW_CHARS and self.image_cover >= SCAN_COVER:
            return "scan"
        return None


def _read_document(doc: pdfium.PdfDocument, name: str, limits: Limits) -> Piece:
    n = len(doc)
    _check_page_count(n, limits)
    piece = Piece(file=name, format="pdf", pages=n)
    scans: list[PageScan] = []
    failed = []
    for i in range(n):
        try:
            page = doc[i]
        except pdfium.PdfiumError:
            failed.append(i + 1)
            continue
        try:
            scans.append(_scan_page(page, i + 1))
        finally:
            page.close()
    if len(failed) == n:
        raise errors.unreadable("Aucune page du PDF n'a pu être lue.")
    if failed:
        piece.warnings.append(f"{_pages_phrase(failed)} illisible{'s' if len(failed) > 1 else ''}, "
                              "ignorée" + ("s." if len(failed) > 1 else "."))

    ocr_pages = _run_ocr(doc, scans, limits, piece)
    layouts: list[PageLayout] = []
    for scan in scans:
        layouts += [ocr_pages[scan.number].layout] if scan.number in ocr_pages else scan.frames
    running = find_running_lines(layouts)
    paras: list[Para] = []
    for scan in scans:
        # a table drawn without lines that ended the previous page may go on on this one
        body = [p for p in paras if p.source == "body"]
        carried = body[-1].table if body and body[-1].table and body[-1].page == scan.number - 1 else None
        if scan.number in ocr_pages:
            paras += find_unruled_tables(ocr_pages[scan.number].paras(running.get(scan.number)), carried=carried)
            continue
        for frame in scan.frames:
            paras += find_unruled_tables(page_paras(frame, running.get(frame.number) if frame.banded else None),
                                         text_layer=True, carried=carried if frame.banded else None)
    for block in to_blocks(join_page_tables(paras)):
        piece.add(block)
    return piece


# --------------------------------------------------------------------------
# One page through PDFium

def _scan_page(page: pdfium.PdfPage, number: int) -> PageScan:
    scan = PageScan(number)
    rotation = R.FPDFPage_GetRotation(page) % 4
    x0, y0, x1, y1 = page.get_cropbox()
    if x1 <= x0 or y1 <= y0:
        x0, y0, x1, y1 = page.get_mediabox()
    to_display, width, height = _display_transform(rotation, x0, y0, x1, y1)
    tp = R.FPDFText_LoadPage(page)
    if not tp:
        return scan
    try:
        by_frame = _words(tp, scan, rotation, to_display, width, height)
    finally:
        R.FPDFText_ClosePage(tp)
    edges = _page_drawings(page, scan, to_display, width, height)
    main = max(by_frame, key=lambda o: len(by_frame[o]), default=0)
    for o in sorted(by_frame, key=lambda o: o != main):
        w, h = (width, height) if o % 2 == 0 else (height, width)
        scan.frames.append(PageLayout(number, w, h, by_frame[o],
                                      edges=_frame_edges(edges, o, width, height) if o == main else [],
                                      banded=o == main))
    return scan


# An affine map (a, b, c, d, e, f): X = a*x + b*y + e, Y = c*x + d*y + f.
Affine = tuple[float, float, float, float, float, float]


def _display_transform(rotation: int, x0: float, y0: float, x1: float, y1: float
                       ) -> tuple[Affine, float, float]:
    """PDF user space (y up) → the page as displayed (/Rotate applied,
    origin top-left, y down), with the displayed width and height."""
    w, h = x1 - x0, y1 - y0
    if rotation == 0:
        return (1, 0, 0, -1, -x0, y1), w, h
    if rotation == 1:
        return (0, 1, 1, 0, -y0, -x0), h, w
    if rotation == 2:
        return (-1, 0, 0, 1, x1, -y0), w, h
    return (0, -1, -1, 0, y1, x1), h, w


def _frame_transform(o: int, width: float, height: float) -> Affine:
    """Displayed page → the frame in which text turned `o` quarter turns
    counter-clockwise reads left to right, top to bottom."""
    if o == 0:
        return (1, 0, 0, 1, 0, 0)
    if o == 1:   # reads bottom to top
        return (0, -1, 1, 0, height, 0)
    if o == 2:
        return (-1, 0, 0, -1, width, height)
    return (0, 1, -1, 0, 0, width)   # reads top to bottom


def _compose(outer: Affine, inner: Affine) -> Affine:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            a * e2 + b * f2 + e, c * e2 + d * f2 + f)


def _page_text(tp, n: int) -> str:
    """The text of the page's n characters, one code unit per character
    (PDFium's bulk call, unless it drops or adds characters)."""
    buf = (ctypes.c_uint16 * (n + 1))()
    got = R.FPDFText_GetText(tp, 0, n, buf)
    text = bytes(buf)[:max(got - 1, 0) * 2].decode("utf-16-le", "surrogatepass")
    if len(text) != n:
        text = "".join(map(chr, (R.FPDFText_GetUnicode(tp, i) for i in range(n))))
    return text


_SPACES = frozenset(" \t\r\n\xa0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                    "\u2008\u2009\u200a\u200b")


def _words(tp, scan: PageScan, rotation: int, to_display: Affine, width: float, height: float
           ) -> dict[int, list[Word]]:
    """The page's words grouped by text orientation (quarter turns), each in
    the coordinates of its reading frame.  Words are split where PDFium puts
    spaces and line breaks, except spaces it inserts inside letter-spaced
    words; only a word's first and last characters are measured.  Counts
    characters and unreadable ones on `scan`."""
    n = R.FPDFText_CountChars(tp)
    if n <= 0:
        return {}
    text = _page_text(tp, n)
    transforms = {o: _compose(_frame_transform(o, width, height), to_display) for o in range(4)}
    frames: dict[int, list[Word]] = {}
    rect, matrix = R.FS_RECTF(), R.FS_MATRIX()
    font_name = ctypes.create_string_buffer(96)
    font_flags = ctypes.c_int()

    def measure(i: int, tr: Affine) -> tuple[float, float, float, float]:
        R.FPDFText_GetLooseCharBox(tp, i, rect)
        a, b, c, d, e, f = tr
        xa, xb = a * rect.left + b * rect.bottom + e, a * rect.right + b * rect.top + e
        ya, yb = c * rect.left + d * rect.bottom + f, c * rect.right + d * rect.top + f
        return (xa, ya, xb, yb) if xa <= xb and ya <= yb else \
            (min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))

    styles: dict[int, tuple[int, float, bool]] = {}   # per text object
    start = last = 0    # indexes of the current word's first and last characters
    pending = False     # PDFium inserted a space right after the word: to be judged
    merged = False      # the word swallowed such spaces (letter-spaced text)
    frame, tr = 0, transforms[0]
    word: Word | None = None

    def close(end_box: tuple[float, float, float, float] | None = None) -> None:
        """Finish the current word: measure its end, collect its text."""
        nonlocal word, pending, merged
        x0, top, x1, bottom = end_box or measure(last, tr)
        if abs(top + bottom - word.top - word.bottom) > word.bottom - word.top or x1 < word.x0:
            pieces = _split_by_geometry(start, last, word, lambda i: measure(i, tr))
        else:
            word.x0, word.x1 = min(word.x0, x0), max(word.x1, x1)
            word.top, word.bottom = min(word.top, top), max(word.bottom, bottom)
            pieces = [(word, start, last)]
        fw, fh = (width, height) if frame % 2 == 0 else (height, width)
        for piece, first, end in pieces:
            cx, cy = (piece.x0 + piece.x1) / 2, (piece.top + piece.bottom) / 2
            if not (-0.05 * fw <= cx <= 1.05 * fw and -0.05 * fh <= cy <= 1.05 * fh):
                continue   # off the page (or broken coordinates): not shown, not read
            raw = text[first:end + 1]
            if merged:
                raw = raw.replace(" ", "")
            chars, bad = _clean(raw)
            scan.chars += len(raw)
            if piece.size < 0:   # PDFium could not map the glyphs to Unicode
                scan.bad += len(raw)
                piece.size = -piece.size
            else:
                scan.bad += bad
            if chars:
                piece.text = chars
                frames.setdefault(frame, []).append(piece)
        word, pending, merged = None, False, False

    for i, ch in enumerate(text):
        if ch in _SPACES:
            if word is None:
                continue
            if ch == " " and not pending and R.FPDFText_IsGenerated(tp, i):
                pending = True
            else:
                close()
            continue
        next_box = None
        if pending:   # keep the word whole if the gap is narrow
            pending = False
            end_box = measure(last, tr)
            next_box = measure(i, tr)
            _, top, x1, bottom = end_box
            if next_box[0] - x1 < 0.15 * word.size and \
                    abs(next_box[1] + next_box[3] - top - bottom) < bottom - top:
                merged = True
            else:
                close(end_box)
        if word is None:
            obj = _text_object(tp, i)
            style = styles.get(obj)
            if style is None:
                style = styles[obj] = _char_style(tp, i, rotation, matrix, font_name, font_flags)
            o, size, bold = style
            x0, top, x1, bottom = next_box if next_box and o == frame else measure(i, transforms[o])
            frame, tr = o, transforms[o]
            word = Word("", x0, top, x1, bottom, size, bold)
            start = i
        last = i
        if ord(ch) in _HYPHEN_CODES:   # PDFium puts no line break after these
            close()
    if word is not None:
        close()
    return frames


def _split_by_geometry(start: int, last: int, word: Word, measure) -> list[tuple[Word, int, int]]:
    """A 'word' whose ends lie on different lines: split it where the
    characters jump to another line or back to the left."""
    pieces = []
    x0, top, x1, bottom = measure(start)
    current = (Word("", x0, top, x1, bottom, word.size, word.bold), start)
    for i in range(start + 1, last + 1):
        x0, top, x1, bottom = measure(i)
        w = current[0]
        if abs(top + bottom - w.top - w.bottom) > w.bottom - w.top or x0 < w.x0:
            pieces.append((w, current[1], i - 1))
            current = (Word("", x0, top, x1, bottom, word.size, word.bold), i)
        else:
            w.x1, w.top, w.bottom = max(w.x1, x1), min(w.top, top), max(w.bottom, bottom)
    pieces.append((current[0], current[1], last))
    return pieces


# PDFium's FPDFText_GetTextObject returning a plain address, to key a cache.
_text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(R.FPDFText_GetTextObject, ctypes.c_void_p).value)


def _char_style(tp, i: int, rotation: int, matrix, font_name, font_flags
                ) -> tuple[int, float, bool]:
    """(orientation in quarter turns on the displayed page, font size in
    points — negative when the glyphs have no Unicode mapping —, bold)."""
    R.FPDFText_GetMatrix(tp, i, matrix)
    o = (round(math.atan2(matrix.b, matrix.a) / (math.pi / 2)) - rotation) % 4
    size = round(R.FPDFText_GetFontSize(tp, i) * math.hypot(matrix.c, matrix.d), 1) or 0.1
    font_name.value = b""   # left untouched when the name does not fit
    R.FPDFText_GetFontInfo(tp, i, font_name, 96, font_flags)
    bold = (R.FPDFText_GetFontWeight(tp, i) >= 600 or bool(font_flags.value & 0x40000)
            or bool(_BOLD.search(font_name.value.decode("latin-1"))))
    if R.FPDFText_HasUnicodeMapError(tp, i):
        size = -size
    return o, size, bold


def _clean(raw: str) -> tuple[str, int]:
    """(text, number of unreadable characters dropped): PDFium's hyphen
    marks become '-', ligatures are spelled out, replacement and control
    characters and private-use glyphs that are not bullets are dropped."""
    if not _SPECIAL.search(raw):
        return raw, 0
    out, bad = [], 0
    for ch in raw:
        code = ord(ch)
        if code in _HYPHEN_CODES:
            out.append("-")
        elif 0xD800 <= code <= 0xDFFF:
            continue   # half of a character outside the BMP (emoji...)
        elif code == 0xFFFD or code < 32 or (0xE000 <= code <= 0xF8FF and ch not in GLYPH_BULLETS):
            bad += 1
        else:
            out.append(_LIGATURES.get(ch, ch))
    return "".join(out), bad


def _page_drawings(page: pdfium.PdfPage, scan: PageScan, to_display: Affine,
                   width: float, height: float) -> list[tuple[float, float, float, float]]:
    """Axis-aligned segments (x0, y0, x1, y1) drawn on the displayed page,
    the candidate ruling lines of tables; records on `scan` how much of the
    page images cover and how many path segments it draws.  Lines and
    rectangles are read from their bounds; only longer paths are walked."""
    segments: list[tuple[float, float, float, float]] = []
    image_area = 0.0
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    matrix = R.FS_MATRIX()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    px, py = ctypes.c_float(), ctypes.c_float()
    # (count, get, parent, transform of the parent's content to the page)
    stack = [(R.FPDFPage_CountObjects, R.FPDFPage_GetObject, page.raw, to_display, 0)]
    while stack:
        count, get, parent, outer, depth = stack.pop()
        a, b, c, d, e, f = outer
        for k in range(count(parent)):
            obj = get(parent, k)
            kind = R.FPDFPageObj_GetType(obj)
            if kind == R.FPDF_PAGEOBJ_FORM and depth < 4:
                R.FPDFPageObj_GetMatrix(obj, matrix)
                stack.append((R.FPDFFormObj_CountObjects, R.FPDFFormObj_GetObject, obj,
                              _compose(outer, _pdf_matrix(matrix)), depth + 1))
                continue
            if kind not in (R.FPDF_PAGEOBJ_IMAGE, R.FPDF_PAGEOBJ_PATH):
                continue
            R.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            xa, xb = a * left.value + b * bottom.value + e, a * right.value + b * top.value + e
            ya, yb = c * left.value + d * bottom.value + f, c * right.value + d * top.value + f
            x0, x1, y0, y1 = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
            if kind == R.FPDF_PAGEOBJ_IMAGE:
                image_area += (x1 - x0) * (y1 - y0)
                continue
            R.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
            if not fill_mode.value and not stroke.value:
                continue
            n = R.FPDFPath_CountSegments(obj)
            scan.segments += n
            if n <= 6:   # a line or a rectangle (or a dot, ignored)
                if x1 - x0 <= 3 and y1 - y0 > 3:
                    segments.append(((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
                elif y1 - y0 <= 3 and x1 - x0 > 3:
                    segments.append((x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
                elif x1 - x0 > 3 and y1 - y0 > 3:
                    segments += [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
            elif scan.segments <= MAX_SEGMENTS:
                R.FPDFPageObj_GetMatrix(obj, matrix)
                segments += _path_segments(obj, n, _compose(outer, _pdf_matrix(matrix)), px, py)
    scan.image_cover = min(1.0, image_area / max(width * height, 1.0))
    return [s for s in segments if abs(s[0] - s[2]) < 1 or abs(s[1] - s[3]) < 1]


def _path_segments(obj, n: int, tr: Affine, px, py) -> list[tuple[float, float, float, float]]:
    """The straight segments of a path, transformed by `tr`."""
    a, b, c, d, e, f = tr
    out = []
    start = prev = None
    for s in range(n):
        seg = R.FPDFPath_GetPathSegment(obj, s)
        R.FPDFPathSegment_GetPoint(seg, px, py)
        x, y = px.value, py.value
        pt = (a * x + b * y + e, c * x + d * y + f)
        kind = R.FPDFPathSegment_GetType(seg)
        if kind == R.FPDF_SEGMENT_MOVETO:
            start = pt
        elif kind == R.FPDF_SEGMENT_LINETO and prev is not None:
            out.append((*prev, *pt))
        if R.FPDFPathSegment_GetClose(seg) and start is not None and start != pt:
            out.append((*pt, *start))
        prev = pt
    return out


def _pdf_matrix(m) -> Affine:
    """A PDF matrix [a b c d e f] (x' = a x + c y + e) as an Affine."""
    return (m.a, m.c, m.b, m.d, m.e, m.f)


def _frame_edges(segments: list[tuple[float, float, float, float]], o: int,
                 width: float, height: float) -> list[dict]:
    """Segments as pdfplumber edges in the frame of orientation `o`."""
    a, b, c, d, e, f = _frame_transform(o, width, height)
    edges = []
    for sx0, sy0, sx1, sy1 in segments:
        x0, y0 = a * sx0 + b * sy0 + e, c * sx0 + d * sy0 + f
        x1, y1 = a * sx1 + b * sy1 + e, c * sx1 + d * sy1 + f
        x0, x1, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        if bottom - top < 1 and x1 - x0 >= 1:
            edges.append({"x0": x0, "x1": x1, "top": top, "bottom": top, "doctop": top,
                          "width": x1 - x0, "height": 0, "orientation": "h"})
        elif x1 - x0 < 1 and bottom - top >= 1:
            edges.append({"x0": x0, "x1": x0, "top": top, "bottom": bottom, "doctop": top,
                          "width": 0, "height": bottom - top, "orientation": "v"})
    return edges


# --------------------------------------------------------------------------
# OCR

def _run_ocr(doc: pdfium.PdfDocument, scans: list[PageScan], limits: Limits,
             piece: Piece) -> dict[int, OcrPage]:
    """OCR the pages that need it, within the piece's OCR budget.  Returns
    what replaces each such page's text layer (nothing, for a garbage layer
    that could not be OCRed)."""
    result: dict[int, OcrPage] = {}
    read, skipped = [], []
    failures: dict[str, list[int]] = {}
    attempts = 0
    unavailable = False
    for scan in scans:
        reason = scan.ocr_reason()
        if reason is None:
            continue
        if reason == "garbage":
            result[scan.number] = OcrPage(scan.number, [], 1.0, 0.0, 0.0)
        if unavailable or attempts >= limits.max_ocr_pages:
            (failures.setdefault(ocr.UNAVAILABLE, []) if unavailable else skipped).append(scan.number)
            continue
        attempts += 1
        try:
            image, dpi = _render(doc, scan.number)
            paragraphs = ocr.ocr_image(image, dpi)
        except pdfium.PdfiumError:
            failures.setdefault(ocr.FAILED, []).append(scan.number)
            continue
        except ocr.OcrError as exc:
            failures.setdefault(exc.reason, []).append(scan.number)
            unavailable = exc.reason == ocr.UNAVAILABLE
            continue
        if reason == "scan" and sum(len(ln.text) for p in paragraphs for ln in p) <= scan.chars:
            continue   # the picture held no more text than the text layer
        k = 72 / dpi
        result[scan.number] = OcrPage(scan.number, paragraphs, k, image.width * k, image.height * k)
        read.append(scan.number)
    if read:
        piece.ocr = True
        plural = len(read) > 1
        piece.warnings.append(f"{_pages_phrase(read)} lue{'s' if plural else ''} par "
                              "reconnaissance de caractères (OCR).")
    if skipped:
        piece.warnings.append(
            f"{_pages_phrase(skipped)} sans texte exploitable non lue{'s' if len(skipped) > 1 else ''} : "
            f"limite de {limits.max_ocr_pages} pages en reconnaissance de caractères atteinte.")
    for reason, numbers in failures.items():
        piece.warnings.append(f"{_pages_phrase(numbers)} sans texte exploitable non lue"
                              f"{'s' if len(numbers) > 1 else ''} : {reason}.")
    return result


def _render(doc: pdfium.PdfDocument, number: int):
    """(image, dpi): the page as displayed (its /Rotate applied), grayscale,
    at OCR resolution (lowered for oversized pages)."""
    page = doc[number - 1]
    try:
        width, height = page.get_size()
        scale = min(ocr.DPI / 72, math.sqrt(MAX_OCR_PIXELS / max(width * height, 1.0)))
        # A copy: the image would otherwise share PDFium's buffer.
        return page.render(scale=scale, grayscale=True).to_pil().copy(), scale * 72
    finally:
        page.close()


class OcrPage:
    """A page read by OCR: tesseract's paragraphs, and the page as one word
    per OCR line (in points) for the running header/footer detection."""

    def __init__(self, number: int, paragraphs: list[list[ocr.OcrLine]], k: float,
                 width: float, height: float):
        self.number = number
        self.k = k
        self.lines = [[(Word(ln.text, ln.x0 * k, ln.top * k, ln.x1 * k, ln.bottom * k), ln)
                       for ln in lines] for lines in paragraphs]
        self.layout = PageLayout(number, width, height, [w for p in self.lines for w, _ in p])

    def paras(self, running: tuple[list[Line], list[Line]] | None) -> list[Para]:
        """The page's paragraphs: running headers first, footers last; a
        line opening with a bullet or an enumerator starts a list item, and
        a paragraph tesseract cut mid-sentence is joined back."""
        header, footer = running or ([], [])
        skip = {id(w) for ln in header + footer for w in ln.words}
        paras = [Para(self.number, [ln], source="header") for ln in header]
        body: list[Para] = []
        for lines in self.lines:
            current: Para | None = None
            for word, ocr_line in lines:
                text = ocr_line.text
                if id(word) in skip or not text.split():
                    continue
                k = self.k
                words = [Word(t, x0 * k, top * k, x1 * k, bottom * k)
                         for t, x0, top, x1, bottom in ocr_line.words if t] or \
                    [Word(t, word.x0, word.top, word.x1, word.bottom) for t in text.split()]
                line = Line(words, word.x0, word.top, word.x1, word.bottom)
                marker = list_marker(line)
                if current is None or marker:
                    if current is None and body and not marker and _cut_sentence(body[-1], text):
                        current = body[-1]
                        current.lines.append(line)
                        continue
                    current = Para(self.number, [line], list_marker=marker)
                    body.append(current)
                else:
                    current.lines.append(line)
        return paras + body + [Para(self.number, [ln], source="footer") for ln in footer]


def _cut_sentence(prev: Para, text: str) -> bool:
    return prev.lines[-1].text.rstrip()[-1:] not in ".!?:;»”\"" and text[:1].islower()


def _pages_phrase(numbers: list[int]) -> str:
    """[3] → 'Page 3'; [1, 2, 3, 5] → 'Pages 1 à 3 et 5'."""
    ranges: list[list[int]] = []
    for n in sorted(numbers):
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    parts = [str(a) if a == b else f"{a} à {b}" for a, b in ranges]
    if len(numbers) == 1:
        return f"Page {parts[0]}"
    return "Pages " + (", ".join(parts[:-1]) + " et " + parts[-1] if len(parts) > 1 else parts[0])


# --------------------------------------------------------------------------
# Fallback: pdfminer, for the few files PDFium refuses

def _read_with_pdfplumber(path: Path, name: str, limits: Limits, pdfium_error: int | None
                          ) -> Piece:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    def refusal(exc: PdfminerException) -> errors.ExtractionError:
        inner = exc.args[0] if exc.args else None
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) \
                or pdfium_error == R.FPDF_ERR_SECURITY:
            return errors.encrypted()
        return errors.unreadable("Le fichier PDF est endommagé ou illisible.")

    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        raise refusal(exc) from None
    with pdf:
        try:
            pages = pdf.pages
        except PdfminerException as exc:
            raise refusal(exc) from None
        _check_page_count(len(pages), limits)
        piece = Piece(file=name, format="pdf", pages=len(pages))
        layouts, failed = [], []
        for page in pages:
            try:
                words = page.extract_words(extra_attrs=["size", "fontname"])
                edges = page.edges if (page.lines or page.rects) else []
            except Exception:   # pdfminer raises anything on broken content streams
                failed.append(page.page_number)
                continue
            finally:
                page.close()
            # Unmapped glyphs come out as '(cid:NN)': dropped (no OCR here).
            kept = [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], round(w["size"], 1),
                         bool(_BOLD.search(w["fontname"])))
                    for w in words if w["upright"] and not _CID.fullmatch(w["text"])]
            layouts.append(PageLayout(page.page_number, float(page.width), float(page.height),
                                      kept, edges=edges))
    if len(failed) == len(pages):
        raise errors.unreadable("Aucune page du PDF n'a pu être lue.")
    piece.warnings.append("Le PDF est endommagé ; il a été lu en mode de secours "
                          "(sans reconnaissance de caractères).")
    if failed:
        piece.warnings.append(f"{_pages_phrase(failed)} illisible{'s' if len(failed) > 1 else ''}, "
                              "ignorée" + ("s." if len(failed) > 1 else "."))
    running = find_running_lines(layouts)
    paras = [p for layout in layouts for p in page_paras(layout, running.get(layout.number))]
    for block in to_blocks(join_page_tables(paras)):
        piece.add(block)
    return piece
