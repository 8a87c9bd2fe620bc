"""The labels awarded since 2017 (register/labels.tsv), to seed the register.

The source page gives the month of each award and says a label is valid
three years ("2017-2020 et 2018-2021"): a label runs from the first day of
its month for that many years (checks/regulation.yaml, label_validity_years).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from checks.rules import regulation

LABELS_FILE = Path(__file__).with_name("labels.tsv")
SOURCE = "Historique : de PACT à EXPE-CT (lauréats depuis 2017)"


@dataclass(frozen=True)
class SeedLabel:
    holder: str
    holder_type: str
    expertise: tuple[str, ...]
    themes: tuple[str, ...]
    aliases: tuple[str, ...]
    granted: date

    @property
    def expires(self) -> date:
        return regulation().parameters.label_expires(self.granted)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(",") if part.strip())


def seed_labels(path: Path = LABELS_FILE) -> list[SeedLabel]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    labels = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        year, month = (int(x) for x in row["granted"].split("-"))
        labels.append(SeedLabel(
            holder=row["holder"], holder_type=row["type"],
            expertise=tuple(e for e in (row["expertise_1"], row["expertise_2"]) if e),
            themes=_split(row["themes"]),
            aliases=tuple(a for a in row["aliases"].split("|") if a) if row["aliases"] else (),
            granted=date(year, month, 1)))
    return labels
