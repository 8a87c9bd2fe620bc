"""OCR of page images with tesseract (French), one subprocess per page.

A subprocess rather than a binding: it can be killed on its own timeout,
and a crash in tesseract cannot take the worker down.  OMP_THREAD_LIMIT=1
keeps tesseract to one core (the batch already uses every core, and
tesseract's own threads slow it down when cores are shared).
"""
from __future__ import annotations

import io
import os
import subprocess
from dataclasses import dataclass

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
    return parse_tsv(proc.stdout.decode("utf-8", "replace"))


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
