"""French dates and the two-calendar-month rule."""
from datetime import date

import pytest

from analysis.dates import find_dates, find_range
from common.dates import add_months


@pytest.mark.parametrize("text,start,end", [
    ("Mission effectuée du 3 au 7 mars 2025 à Dakar", date(2025, 3, 3), date(2025, 3, 7)),
    ("du 28 février au 4 mars 2025", date(2025, 2, 28), date(2025, 3, 4)),
    ("du lundi 3 au vendredi 7 mars", date(2025, 3, 3), date(2025, 3, 7)),
    ("du 30 décembre 2024 au 3 janvier 2025", date(2024, 12, 30), date(2025, 1, 3)),
    ("du 30 décembre au 3 janvier 2025", date(2024, 12, 30), date(2025, 1, 3)),
    ("du 03/03/2025 au 07/03/2025", date(2025, 3, 3), date(2025, 3, 7)),
    ("DU 1ER AU 10 AVRIL 2024", date(2024, 4, 1), date(2024, 4, 10)),
])
def test_ranges(text, start, end):
    found = find_range(text, default_year=2025)
    assert found and found[:2] == (start, end)


@pytest.mark.parametrize("text,value", [
    ("Fait à Lyon, le 12 mai 2025", date(2025, 5, 12)),
    ("Saint-Étienne, le 1er août 2025", date(2025, 8, 1)),
    ("Date : 05/04/2025", date(2025, 4, 5)),
    ("lundi 3 mars", date(2025, 3, 3)),
    ("2025-03-03", date(2025, 3, 3)),
])
def test_single_dates(text, value):
    assert [f.value for f in find_dates(text, 2025)] == [value]


def test_calendar_months():
    assert add_months(date(2025, 3, 15), 2) == date(2025, 5, 15)
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)
    assert add_months(date(2023, 12, 31), 2) == date(2024, 2, 29)
    assert add_months(date(2025, 11, 30), 2) == date(2026, 1, 30)
