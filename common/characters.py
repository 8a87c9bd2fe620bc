"""Characters that must not pass as they are: one place for what is refused
at the entry points and for how each writer neutralises dossier content.

A leaf module (standard library only), usable from every layer.
"""
from __future__ import annotations

import re
import unicodedata

# Invisible characters that change how text reads without showing: zero-width
# spaces and joiners, direction marks and overrides, the byte-order mark.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# C0 and C1 controls (tab and newlines included: the values checked are one line).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Characters XML 1.0 cannot hold (python-docx refuses them with a ValueError).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# OWASP "CSV injection": a spreadsheet takes a cell starting so for a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class InvalidText(ValueError):
    """A value given by a person holds characters that have no place there
    (the message is French and names the field, not the value)."""


def check_plain(value: str | None, field: str) -> str | None:
    """The value itself if it holds no control or invisible character."""
    if value is not None and (CONTROL.search(value) or INVISIBLE.search(value)):
        raise InvalidText(f"{field} : caractère de contrôle ou invisible refusé "
                          "(retour à la ligne, tabulation, échappement…) ; saisissez du texte simple.")
    return value


def normalise(text: str) -> tuple[str, bool]:
    """NFC, invisible characters removed; and whether there were any."""
    cleaned = INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", cleaned), cleaned != text


def for_terminal(text: str) -> str:
    """Controls (escape sequences, newlines that would forge a line) and
    invisible characters shown as escapes instead of acting."""
    return INVISIBLE.sub(_escaped, CONTROL.sub(_escaped, text))


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_xml(text: str) -> str:
    """Without the characters an XML document (DOCX) cannot hold."""
    return NOT_XML.sub("", text)


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: a leading quote before = + - @
    tab or carriage return (OWASP).  Numbers are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(values) -> list[object]:
    return [csv_cell(v) for v in values]
