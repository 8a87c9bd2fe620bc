"""French ways of writing dates, and the report deadline of the regulation."""
from __future__ import annotations

import random
from datetime import date, timedelta

from checks.rules import regulation
from common.dates import MONTHS

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def deadline(end: date) -> date:
    """Last day a mission report may carry (§III.3, checks/regulation.yaml)."""
    return regulation().parameters.report_due(end)


def day(d: date) -> str:
    return "1er" if d.day == 1 else str(d.day)


def long(d: date, weekday: bool = False) -> str:
    """'12 mai 2025', '1er juillet 2024', 'lundi 3 mars 2025'."""
    text = f"{day(d)} {MONTHS[d.month - 1]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def numeric(d: date, sep: str = "/") -> str:
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def day_month(d: date, weekday: bool = True) -> str:
    """'lundi 3 mars' (year implied by the context)."""
    text = f"{day(d)} {MONTHS[d.month - 1]}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def any_date(rng: random.Random, d: date) -> str:
    """One of the ways a French official writes a full date."""
    return rng.choice([long(d), long(d), numeric(d), numeric(d, "."), long(d, weekday=True)])


def span(rng: random.Random, start: date, end: date) -> str:
    """A mission's dates, e.g. 'du 3 au 7 mars 2025', '03/03/2025 – 07/03/2025'."""
    forms = [f"{numeric(start)} – {numeric(end)}",
             f"du {numeric(start)} au {numeric(end)}",
             f"du {long(start, weekday=True)} au {long(end, weekday=True)}"]
    if start.year == end.year and start.month == end.month:
        forms += [f"du {day(start)} au {long(end)}", f"du {day(start)} au {long(end)}",
                  f"du {WEEKDAYS[start.weekday()]} {day(start)} au "
                  f"{WEEKDAYS[end.weekday()]} {long(end)}"]
    elif start.year == end.year:
        forms += [f"du {day_month(start, False)} au {long(end)}"] * 2
    else:
        forms += [f"du {long(start)} au {long(end)}"] * 2
    return rng.choice(forms)


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
          "dix-neuf", "vingt"]


def _number(n: int) -> str:
    """French words for 0-99 (enough for days and the years' last digits)."""
    if n <= 20:
        return _UNITS[n]
    tens = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
    t, u = divmod(n, 10)
    if t in tens:
        if u == 0:
            return tens[t]
        return f"{tens[t]}{' et ' if u == 1 else '-'}{_UNITS[u]}"
    if t == 7:
        return f"soixante{' et ' if u == 1 else '-'}{_UNITS[10 + u]}"
    if t == 8:
        return "quatre-vingts" if u == 0 else f"quatre-vingt-{_UNITS[u]}"
    return f"quatre-vingt-{_UNITS[10 + u]}"


def in_words(d: date) -> str:
    """The minutes' style: "L'an deux mille vingt-quatre, le douze mars"."""
    year = "deux mille" + (f" {_number(d.year - 2000)}" if d.year > 2000 else "")
    dayw = "premier" if d.day == 1 else _number(d.day)
    return f"L'an {year}, le {dayw} {MONTHS[d.month - 1]}"
