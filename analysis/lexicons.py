"""Lexicons kept as data files under analysis/data, loaded once per process."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from common.text import fold

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def experts_lexicon() -> dict:
    return yaml.safe_load((DATA / "experts.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def given_names() -> frozenset[str]:
    words = []
    for line in (DATA / "prenoms.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.extend(fold(w) for w in line.split())
    return frozenset(words)


@lru_cache(maxsize=None)
def countries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Foreign countries: (French name, every way it is written), from pays.txt."""
    table = []
    for line in (DATA / "pays.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names = tuple(n.strip() for n in line.split("|"))
            table.append((names[0], names))
    return tuple(table)
