"""The official list of French collectivités, to resolve names.

A dossier may name its applicant by a bare place name ("Chartres", "Grand
Cahors", "Nice Côte d'Azur") or by a long form that the official list
abbreviates ("Communauté d'agglomération du Centre de la Martinique" is "CA
du Centre de la Martinique").  Names are compared through `key()`, which
folds case, accents, hyphens and those long forms.

Data: analysis/data/collectivites.tsv.gz, derived from Etalab's
@etalab/decoupage-administratif (MIT) by scripts/build_collectivites.py.
It is read once per process, on first use.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from common.text import fold

DATA = Path(__file__).parent / "data" / "collectivites.tsv.gz"


class Entry(NamedTuple):  # a tuple: 40 000 of them load fast
    name: str          # official spelling
    type: str          # commune, epci, departement, region (contract values)
    subtype: str       # actuelle/deleguee for communes; CC, CA, CU, METRO, EPT... for EPCI
    code: str          # INSEE code (SIREN for EPCI)
    parent: str        # département of a commune, région of a département
    population: int
    liaison: str       # INSEE article type (TNCC), to write "du Pas-de-Calais"


_LONG_FORMS = [  # long form -> the official list's abbreviation
    (re.compile(r"\bcommunaute d ?agglomeration\b"), "ca"),
    (re.compile(r"\bcommunaute de communes\b"), "cc"),
    (re.compile(r"\bcommunaute urbaine\b"), "cu"),
    # "CA du Grand Cahors", "Communauté d'agglomération Grand Cahors": one key
    (re.compile(r"^(ca|cc|cu) (?:du|des|de la|de l|de|d) "), r"\1 "),
    (re.compile(r"\bste\b"), "sainte"),
    (re.compile(r"\bst\b"), "saint"),
]
_PUNCT = re.compile(r"[^a-z0-9]+")
_EPCI_CORE = re.compile(r"^(?:ca|cc|cu|metropole|eurometropole)(?: (?:du|des|de la|de l|de|d))? (.+)$")
_LEADING_ARTICLE = re.compile(r"^(?:le|la|les|l) (.+)$")
_METROPOLE_SUFFIX = re.compile(r"^(.+) metropole$")


@lru_cache(maxsize=16384)
def key(name: str) -> str:
    """Comparison key: folded, punctuation to single spaces, long forms abbreviated."""
    k = _PUNCT.sub(" ", fold(name)).strip()
    for pattern, short in _LONG_FORMS:
        k = pattern.sub(short, k)
    return k


# Priority when one key names several entities: a full official name beats a
# derived short form ("Grand Narbonne"), which beats a métropole's first word
# ("Nice" for Métropole Nice Côte d'Azur, asked for only with an EPCI marker);
# among communes the populous one is meant far more often ("Montreuil" is
# Montreuil in Seine-Saint-Denis).
_FULL, _CORE, _FIRST_WORD = 0, 1, 2
_NOT_A_PLACE = {"grand", "europeenne", "metropole"}


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[int, Entry]]]:
    """Key -> (rank, entry).  Keys are precomputed in the data file."""
    index: dict[str, list[tuple[int, Entry]]] = {}

    def add(k: str, rank: int, entry: Entry) -> None:
        index.setdefault(k, []).append((rank, entry))

    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            typ, sub, name, code, parent, pop, liaison, k = line.rstrip("\n").split("\t")
            entry = Entry(name, typ, sub, code, parent, int(pop or 0), liaison)
            add(k, _FULL, entry)
            if typ != "epci":
                continue
            core = _EPCI_CORE.match(k) or _METROPOLE_SUFFIX.match(k)
            if not core:
                continue
            add(core.group(1), _CORE, entry)
            bare = _LEADING_ARTICLE.match(core.group(1))
            if bare:  # "CA Le Grand Narbonne" is also "Grand Narbonne"
                add(bare.group(1), _CORE, entry)
            first = core.group(1).split()[0]
            if sub == "METRO" and first not in _NOT_A_PLACE and first != core.group(1):
                add(first, _FIRST_WORD, entry)
    for entries in index.values():
        entries.sort(key=lambda r: (r[0], r[1].subtype == "deleguee", -r[1].population))
    return index


def lookup(name: str, types: tuple[str, ...] | None = None) -> list[Entry]:
    """Entities whose name (or EPCI short form) is `name`, most likely first."""
    found = _index().get(key(name), [])
    return [e for rank, e in found
            if (types is None and rank != _FIRST_WORD) or (types is not None and e.type in types)]


def best(name: str, types: tuple[str, ...] | None = None) -> Entry | None:
    found = lookup(name, types)
    return found[0] if found else None


def prefix_match(text: str, types: tuple[str, ...] | None = None,
                 max_words: int = 9) -> tuple[Entry, int] | None:
    """The longest official name that `text` starts with, and where it ends
    in `text`: trims "Montreuil Service des relations internationales"."""
    ends = [m.end() for m in re.finditer(r"[\w'’-]+", text)][:max_words]
    for end in reversed(ends):
        found = lookup(text[:end], types)
        if found:
            return found[0], end
    return None


@lru_cache(maxsize=1)
def _by_code() -> dict[tuple[str, str], Entry]:
    return {(e.type, e.code): e for entries in _index().values() for _, e in entries
            if e.type in ("departement", "region")}


def departement(code: str) -> Entry | None:
    """Département by INSEE code ("35", "2A", "974"); "1" is "01"."""
    code = code.upper().zfill(2)
    return _by_code().get(("departement", code))


# "de" + name, by INSEE article type (TNCC): 0 de, 1 d', 2 du, 3 de la, 4 des, 5 de l'
_OF = {"0": "de {}", "1": "d'{}", "2": "du {}", "3": "de la {}", "4": "des {}", "5": "de l'{}"}


def of_name(entry: Entry) -> str:
    """The name as French puts it after "de": "d'Ille-et-Vilaine", "du Pas-de-Calais"."""
    name = entry.name
    if entry.liaison == "2":
        name = re.sub(r"^Le ", "", name)
    elif entry.liaison == "4":
        name = re.sub(r"^Les ", "", name)
    elif entry.liaison == "3":
        name = re.sub(r"^La ", "", name)
    elif entry.liaison == "5":
        name = re.sub(r"^L'", "", name)
    return _OF.get(entry.liaison, "de {}").format(name)
