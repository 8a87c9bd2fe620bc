"""Is this applicant that label holder?  Names of collectivités come in
many forms ("Montreuil", "Ville de Montreuil"; "Nice Métropole", "Métropole
Nice Côte d'Azur"), so names are compared by their significant words."""
from __future__ import annotations

import re
from functools import lru_cache

from common.text import fold

# Words that say what kind of body it is, not which one.
GENERIC = set("""
de du des la le les l d et en au aux a sur sous
ville commune communes conseil departemental departement regional region
metropole communaute agglomeration urbaine syndicat intercommunal mixte
association reseau federation
""".split())


@lru_cache(maxsize=4096)  # the register compares one name with every earlier one
def body_key(name: str | None) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", fold(name or ""))
    return frozenset(w for w in words if w not in GENERIC)


def same_body(name: str | None, type_: str | None, other: str | None, other_type: str | None,
              other_aliases: list[str] | tuple[str, ...] = ()) -> bool:
    """One name's significant words are all in the other's (either way), and
    the two bodies are of the same type when both types are known: the
    Ville de Lille is not the Métropole européenne de Lille."""
    if type_ and other_type and type_ != other_type:
        return False
    key = body_key(name)
    if not key:
        return False
    for candidate in (other, *other_aliases):
        other_key = body_key(candidate)
        if other_key and (key <= other_key or other_key <= key):
            return True
    return False
