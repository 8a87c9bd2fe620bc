"""Text helpers: accent/case folding, spaces, quotes, sentences."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


# The marks of Latin letters (é = e + U+0301), dropped at C speed; the rare
# other non-ASCII characters left are looked at one by one.
_LATIN_MARKS = re.compile("[%s]+" % "".join(
    chr(c) for lo, hi in ((0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))
    for c in range(lo, hi + 1) if unicodedata.combining(chr(c))))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_STRAIGHT = {"’": "'", "‘": "'", "\u00a0": " "}


def _fold_char(match: re.Match) -> str:
    c = match.group()
    return _STRAIGHT.get(c) or ("" if unicodedata.combining(c) else c)


@lru_cache(maxsize=16384)  # the analyses fold the same blocks again and again
def fold(text: str) -> str:
    """Lower case without accents and with straight apostrophes, for matching
    French text however it was typed (capitals often lose their accents)."""
    text = text.lower()
    if text.isascii():
        return text
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    return text if text.isascii() else _NON_ASCII.sub(_fold_char, text)


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


# The civility titles written before a name, the one list: finding people,
# cleaning names and splitting sentences all read it.  In matching order
# ("Pr" is tried before "Professeur"; "M" and "MM" need their dot).
CIVILITY_FORMS = (r"M\.", r"Mr\.?", r"MM\.", "Monsieur", r"Mme\.?", "Madame", r"Mlle\.?", "Mademoiselle",
                  r"Dr\.?", "Docteure?", r"Pr\.?", "Professeure?", r"Me\.?")
CIVILITY = "(?:" + "|".join(CIVILITY_FORMS) + ")"
_ABBREVIATED = [form.split("\\")[0] for form in CIVILITY_FORMS if "\\." in form]

# A sentence ends at . ! ? ; or a line break — but not after a civility, "St."
# or an initial ("M. Thomas Girard", "J.-P. Martin", "Dr. Anne Roy").
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{abbreviation}\.)" for abbreviation in _ABBREVIATED) + r"(?<!\bSt\.)"
    r"(?<!\b[A-Z]\.)(?<=[.!?;])\s+(?=[\"«(A-ZÀ-Ý0-9])|\n+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s and s.strip()]
