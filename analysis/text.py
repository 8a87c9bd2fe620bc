"""Text helpers shared by the analyses: accent/case folding, quotes."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case without accents and with straight apostrophes, for matching
    French text however it was typed (capitals often lose their accents)."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")


def squash(text: str) -> str:
    """One line, single spaces."""
    return _SPACES.sub(" ", text).strip()


def quote(text: str, start: int = 0, end: int | None = None, width: int = 220) -> str:
    """A short quote around text[start:end], cut at word boundaries, for evidence."""
    end = len(text) if end is None else end
    if len(text) <= width:
        return squash(text)
    pad = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - pad), min(len(text), end + pad)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return ("… " if lo > 0 else "") + squash(text[lo:hi]) + (" …" if hi < len(text) else "")


# A sentence ends at . ! ? ; or a line break — but not after a civility or an
# initial ("M. Thomas Girard", "J.-P. Martin", "Dr. Anne Roy").
_SENTENCE_END = re.compile(
    r"(?<!\bM\.)(?<!\bMM\.)(?<!\bDr\.)(?<!\bPr\.)(?<!\bMe\.)(?<!\bSt\.)(?<!\bMme\.)(?<!\bMlle\.)"
    r"(?<!\b[A-Z]\.)(?<=[.!?;])\s+(?=[\"«(A-ZÀ-Ý0-9])|\n+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s and s.strip()]
