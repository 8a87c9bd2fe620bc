"""Prompts that Word and LibreOffice show in empty form fields: not content.
A field still showing one is empty (the contract counts it as absent)."""
from __future__ import annotations

import re

PLACEHOLDER_RE = re.compile(
    r"<?(?:(?:cliquez|appuyez)(?: ou appuyez)?(?: ici)? pour (?:entrer|saisir|taper)"
    r" (?:du|un|une|le|la) (?:texte|date)|choisissez un élément"
    r"|click(?: or tap)?(?: here)? to enter (?:a )?(?:text|date)|choose an item)\s*\.?>?",
    re.IGNORECASE)


def is_placeholder(text: str) -> bool:
    return PLACEHOLDER_RE.fullmatch(" ".join(text.replace("\u00a0", " ").split())) is not None


def strip_placeholders(text: str) -> str:
    return PLACEHOLDER_RE.sub("", text)
