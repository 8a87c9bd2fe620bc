"""fold() is fast, and folds as the plain definition does."""
from __future__ import annotations

import unicodedata

from common.text import fold


def plain_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")


def test_every_character_of_the_common_planes_folds_as_defined():
    chars = [chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000]
    assert [fold(c) for c in chars] == [plain_fold(c) for c in chars]
    word = "".join(chars[0x20:0x600])
    assert fold(word) == plain_fold(word)


def test_french_text_folds_to_plain_lower_ascii():
    text = "L’ÉTÉ À Sainte-Anne-d’Auray : « Cœur de ville » — Mme Hélène LŒUVRE, 3 000 €"
    assert fold(text) == plain_fold(text)
    assert fold(text) == "l'ete a sainte-anne-d'auray : « cœur de ville » — mme helene lœuvre, 3 000 €"
