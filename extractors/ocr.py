"""OCR of page images with tesseract (French), one subprocess per page.

A subprocess rather than a binding: it can be killed on its own timeout,
and a crash in tesseract cannot take the worker down.  OMP_THREAD_LIMIT=1
keeps tesseract to one core (the batch already uses every core, and
tesseract's own threads slow it down when cores are shared).
"""
from __future__ import annotations

import io
import os
import statistics
import subprocess
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

# 300 dpi is tesseract's usual advice, but on noisy scans it costs up to
# three times as long (a scanned sheet of squared paper: 12 s against 4.5 s)
# for no gain on the 8-12 pt text of dossiers.
DPI = 250
TIMEOUT_S = 60.0
LANG = "fra"
MIN_CONFIDENCE = 45.0   # mean word confidence under which a paragraph is noise (a photo)

UNAVAILABLE = "reconnaissance de caractères indisponible sur ce serveur"
TIMED_OUT = "la reconnaissance de caractères a dépassé le délai"
FAILED = "la reconnaissance de caractères a échoué"


class OcrError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason   # French, ends a warning sentence


def ocr_image(image: Image.Image, dpi: float = DPI, timeout: float = TIMEOUT_S
              ) -> list[list[OcrLine]]:
    """Paragraphs (lists of lines) tesseract reads on the image, in its
    reading order: it finds columns itself and, with --psm 1, turns pages
    scanned sideways or upside down."""
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1, dpi=(dpi, dpi))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", LANG, "--psm", "1", "tsv"],
            input=buf.getvalue(), capture_output=True, timeout=timeout, env=env)
    except FileNotFoundError:
        raise OcrError(UNAVAILABLE) from None
    except subprocess.TimeoutExpired:   # subprocess.run has killed it
        raise OcrError(TIMED_OUT) from None
    if proc.returncode != 0:
        raise OcrError(FAILED)
    return mark_check_boxes(image, parse_tsv(proc.stdout.decode("utf-8", "replace")))


@dataclass(slots=True)
class OcrLine:
    text: str
    x0: int       # bounding box on the image, in pixels
    top: int
    x1: int
    bottom: int
    words: tuple[tuple[str, int, int, int, int], ...] = ()   # text, x0, top, x1, bottom


def parse_tsv(tsv: str) -> list[list[OcrLine]]:
    """Tesseract TSV → paragraphs of lines, dropping paragraphs whose words
    tesseract itself doubts (pictures read as text)."""
    paragraphs: dict[tuple[str, str, str], dict[str, list[list[str]]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        par = paragraphs.setdefault((cols[1], cols[2], cols[3]), {})
        par.setdefault(cols[4], []).append(cols)
    result = []
    for lines in paragraphs.values():
        confs = [float(w[10]) for words in lines.values() for w in words]
        if sum(confs) / len(confs) < MIN_CONFIDENCE:
            continue
        result.append([_line(words) for words in lines.values()])
    return result


def _line(words: list[list[str]]) -> OcrLine:
    boxes = [tuple(map(int, w[6:10])) for w in words]   # left, top, width, height
    return OcrLine(" ".join(w[11].strip() for w in words),
                   min(b[0] for b in boxes), min(b[1] for b in boxes),
                   max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes),
                   tuple((w[11].strip(), b[0], b[1], b[0] + b[2], b[1] + b[3])
                         for w, b in zip(words, boxes)))


# --------------------------------------------------------------------------
# Check boxes

UNTICKED, TICKED = "☐", "☒"   # as the readers of DOCX and ODT write a form's boxes
INK = 150                      # grey level under which a pixel is ink


def mark_check_boxes(image: Image.Image, paragraphs: list[list[OcrLine]]) -> list[list[OcrLine]]:
    """Tesseract reads a check box opening a line as a letter or two ('O',
    'fi', '_. à') or drops it; the reader of a DOCX writes it ☐ or ☒, and
    the analysis looks for those.  The first glyph of each line (or one
    just left of it) is looked at on the image: a hollow square about as
    tall as the text, standing apart from what follows, is a box, ticked if
    a cross fills it.  The words it covers become that one glyph.  A tall
    empty frame is what a glyph missing from the font prints (the text
    layer holds nothing there): the words read on it are dropped."""
    try:
        pixels = np.asarray(image.convert("L")) < INK
    except (OSError, ValueError):
        return paragraphs
    out = []
    for lines in paragraphs:
        out.append([_with_box(pixels, ln) for ln in lines])
    return out


def _with_box(pixels: np.ndarray, line: OcrLine) -> OcrLine:
    if not line.words:
        return line
    heights = [b - t for _, _, t, _, b in line.words if b > t]
    h = statistics.median(heights) if heights else line.bottom - line.top
    if h < 8:
        return line
    # Where the text starts, specks of noise read as '-' or '.' aside.
    start = next((w[1] for w in line.words if w[3] - w[1] >= 0.35 * h), line.x0)
    top = max(0, int(statistics.median(w[2] for w in line.words) - 0.3 * h))
    bottom = int(statistics.median(w[4] for w in line.words) + 0.3 * h)
    x0, x1 = max(0, int(start - 2 * h)), int(start + 2 * h)
    region = pixels[top:bottom, x0:x1]
    if region.size == 0:
        return line
    found = _first_box(region, h)
    if found is None:
        return line
    c0, c1, r0, r1, glyph = found
    bx0, bx1 = x0 + c0, x0 + c1
    if any(w[1] < bx0 - 0.3 * h and w[3] > bx0 for w in line.words):
        return line   # inside a word that starts further left: not a box of its own
    box = (glyph, bx0, top + r0, bx1, top + r1)
    rest = [w for w in line.words if (w[1] + w[3]) / 2 > bx1 + 0.1 * h]
    if not rest or rest[0][1] - bx1 < 0.25 * h:
        return line   # glued to the next letter: a letter
    words = (box, *rest) if glyph else tuple(rest)
    return replace(line, text=" ".join(w[0] for w in words), x0=words[0][1], words=words)


def _first_box(region: np.ndarray, h: float) -> tuple[int, int, int, int, str] | None:
    """(left, right, top, bottom, glyph) of a check box, if the leftmost
    glyph of the region (specks of noise skipped) is one."""
    cols = region.sum(axis=0)
    inked = cols >= 2
    c = 0
    n = len(cols)
    while c < n:
        if not inked[c]:
            c += 1
            continue
        start = c
        while c < n and inked[c]:
            c += 1
        width = c - start
        if width < 0.35 * h:
            continue   # a speck, a dot, a thin stroke
        rows = np.nonzero(region[:, start:c].sum(axis=1) >= max(2, 0.1 * width))[0]   # specks aside
        if not len(rows):
            return None
        r0, r1 = int(rows[0]), int(rows[-1]) + 1
        glyph = _box_glyph(region[r0:r1, start:c], h)
        return None if glyph is None else (start, c, r0, r1, glyph)
    return None


def _box_glyph(b: np.ndarray, h: float) -> str | None:
    """☐ or ☒ if the ink `b` is a square frame (empty, or crossed), else None."""
    hb, wb = b.shape
    if not (0.45 * h <= hb <= 1.4 * h and 0.45 <= wb / hb <= 1.25):
        return None
    k, m = max(1, round(0.15 * wb)), max(1, round(0.15 * hb))
    sides = (b[:, :k].any(axis=1).mean(), b[:, -k:].any(axis=1).mean(),
             b[:m, :].any(axis=0).mean(), b[-m:, :].any(axis=0).mean())
    if min(sides) < 0.85:
        return None
    inner = b[m + 1:hb - m - 1, k + 1:wb - k - 1]
    if inner.size == 0:
        return None
    fill = inner.mean()
    if wb / hb < 0.8:   # a tall empty frame: a glyph missing from the font ('' : no text)
        return "" if fill < 0.06 else None
    if fill < 0.06:
        return UNTICKED
    middle = inner[inner.shape[0] // 3:2 * inner.shape[0] // 3 + 1]
    if fill < 0.6 and middle.any(axis=0).mean() < 0.7:   # a cross, not a bar (B, E) nor ink (■)
        return TICKED
    return None


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: Levenshtein distance over the reference length,
    whitespace normalised (how OCR quality is measured in tests and bench/)."""
    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    prev = list(range(len(hyp) + 1))
    for i, a in enumerate(ref, 1):
        cur = [i]
        for j, b in enumerate(hyp, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / max(len(ref), 1)
