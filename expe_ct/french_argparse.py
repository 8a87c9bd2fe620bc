"""argparse speaking French: its own words (usage, errors, help) translated.

argparse looks its messages up through the module-level `_` at run time, so
swapping that function is enough; unknown messages stay as they are.
"""
from __future__ import annotations

import argparse

FRENCH = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix invalide : %(value)r (choisir parmi %(choices)s)",
    "expected one argument": "une valeur est attendue",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "invalid %(type)s value: %(value)r": "valeur invalide pour %(type)s : %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
}


def _translate(message: str) -> str:
    return FRENCH.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]
ArgumentParser = argparse.ArgumentParser
