"""Calendar arithmetic and month names, shared by the rules, the register,
the outputs and the sample generator."""
from __future__ import annotations

import calendar
from datetime import date

# The months as French text writes them (lower case, accented).
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


def add_months(day: date, months: int) -> date:
    """Calendar months: 15 March + 2 = 15 May; 31 December + 2 = 28/29 February."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
