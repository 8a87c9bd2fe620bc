"""Calendar arithmetic shared by the rules, the register and the outputs."""
from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """Calendar months: 15 March + 2 = 15 May; 31 December + 2 = 28/29 February."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
