"""The fast spaCy load gives what the plain load gives."""
from __future__ import annotations

from re import _compiler, _parser

import pytest

from analysis import nlp as nlp_module
from common.limits import Limits
from extractors.base import read_piece
from tests.conftest import SAMPLES


def _code(pattern: str, flags: int) -> list[int]:
    return _compiler._code(_parser.parse(pattern, flags), flags)


def test_memoised_charsets_compile_the_same_code():
    spacy_classes = pytest.importorskip("spacy.lang.char_classes")
    letters, upper = spacy_classes.ALPHA_LOWER, spacy_classes.ALPHA_UPPER
    # the shape of the French exception pattern: the same classes, many times
    pattern = "(?iu)" + "|".join(f"(?:^{w}[-–][{letters}][-{letters}']*$)" for w in ("anti", "contre", "sous"))
    pattern += f"|(?:[{upper}][{letters}]+)|(?:[a-z]+)"
    plain = _code(pattern, 0)
    with nlp_module.memoised_charsets():
        memoised = _code(pattern, 0)
        again = _code(pattern, 0)
    assert memoised == plain and again == plain
    assert _compiler._optimize_charset.__name__ == "_optimize_charset"  # restored


def test_fast_load_finds_the_entities_of_the_plain_load():
    spacy = pytest.importorskip("spacy")
    plain = spacy.load(nlp_module.MODEL, exclude=nlp_module.UNUSED)
    fast = nlp_module.nlp()
    assert len(fast.vocab.strings) < len(plain.vocab.strings) / 100  # the table was skipped
    assert fast.tokenizer.token_match.__self__.pattern == plain.tokenizer.token_match.__self__.pattern
    texts = []
    dossiers = SAMPLES / "dossiers"
    for path in sorted(dossiers.glob("c*.docx"))[:12] + sorted(dossiers.glob("r*.pdf"))[:6]:
        texts.append(read_piece(path, path.name, Limits()).text)
    compared = 0
    for text in texts:
        got = [(e.start_char, e.end_char, e.label_) for e in fast(text).ents]
        want = [(e.start_char, e.end_char, e.label_) for e in plain(text).ents]
        assert got == want
        compared += len(want)
    assert compared > 200
