"""Dates as French documents write them.

"du 3 au 7 mars 2025", "du 28 février au 4 mars 2025", "du lundi 3 au
vendredi 7 mars", "12 au 17 février 2024", "12-17 février", "entre le 3 et le 7 mars", "03/03/2025", "3.3.25", "2025-03-03", "lundi 3 mars 2025",
"le 1er mars", "Fait à Lyon, le 12 mai 2025".  A date without a year takes
the year of the nearest dated context (the caller's `default_year`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from common.text import fold

MONTHS = {"janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
          "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
          "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12}
MONTH = r"(?P<{0}>janvier|janv\.?|fevrier|fevr\.?|fev\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|aout|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|decembre|dec\.?)"
DAY = r"(?P<{0}>\d{{1,2}})(?:er|e)?"
WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
YEAR = r"(?P<{0}>\d{{4}})"

TEXT_DATE = re.compile(WEEKDAY + DAY.format("d") + r"\s+" + MONTH.format("m") + r"(?:\s+" + YEAR.format("y") + ")?")
NUM_DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?!\d)")
ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
RANGE = re.compile(
    r"(?:\b(?:du|entre(?: le)?|les)\s+|(?<![\w/.-]))" + WEEKDAY + DAY.format("d1")
    + r"(?:\s+" + MONTH.format("m1") + r"(?:\s+" + YEAR.format("y1") + r")?)?"
    r"(?:\s+au\s+|\s*[-–—]\s*|\s+et(?: le)?\s+)" + WEEKDAY + DAY.format("d2") + r"\s+" + MONTH.format("m2") + r"(?:\s+" + YEAR.format("y2") + ")?")
NUM_RANGE = re.compile(
    r"(?:\bdu\s+)?(?<![\d/.])(?P<d1>\d{1,2})[/.](?P<m1>\d{1,2})(?:[/.](?P<y1>\d{2,4}))?\s*(?:au|[-–—]|>)\s*"
    r"(?P<d2>\d{1,2})[/.](?P<m2>\d{1,2})[/.](?P<y2>\d{2,4})(?![\d/])")


@dataclass(frozen=True)
class Found:
    value: date
    start: int
    end: int


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".")]


def _year(text: str | None, default: int | None) -> int | None:
    if not text:
        return default
    y = int(text)
    return y + 2000 if y < 100 else y


def _make(y: int | None, m: int, d: int) -> date | None:
    if y is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None = None) -> list[Found]:
    """Every single date in a text (folded internally), in order."""
    folded = fold(text)
    found: list[Found] = []
    for rx, numeric in ((TEXT_DATE, False), (NUM_DATE, True), (ISO_DATE, True)):
        for m in rx.finditer(folded):
            month = int(m.group("m")) if numeric else _month(m.group("m"))
            value = _make(_year(m.group("y"), default_year), month, int(m.group("d")))
            if value and not any(f.start <= m.start() < f.end for f in found):
                found.append(Found(value, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def find_range(text: str, default_year: int | None = None) -> tuple[date, date, int, int] | None:
    """The first 'du … au …' range: (start, end, span start, span end)."""
    folded = fold(text)
    for rx, numeric in ((RANGE, False), (NUM_RANGE, True)):
        m = rx.search(folded)
        if not m:
            continue
        conv = (lambda s: int(s)) if numeric else _month
        m2 = conv(m.group("m2"))
        m1 = conv(m.group("m1")) if m.group("m1") else m2
        y2 = _year(m.group("y2"), default_year)
        y1 = _year(m.group("y1"), None) or (y2 - 1 if y2 and m1 > m2 else y2)
        start, end = _make(y1, m1, int(m.group("d1"))), _make(y2, m2, int(m.group("d2")))
        if start and end and start <= end:
            return start, end, m.start(), m.end()
    return None
