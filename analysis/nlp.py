"""The French spaCy pipeline, loaded once per process with only what we use.

fr_core_news_md's NER has its own embedding layer (the shared tok2vec only
feeds the tagger and parser), so the pipeline is loaded NER-only: about 3x
faster to load and to run than the full pipeline.  Two more things cost most
of what is left of the load, and neither changes a single entity:

- the 700k-entry string table, which only turns hashes back into text we
  never ask for (the labels and the words of a text are added as they come);
- compiling the French tokenizer's exception pattern: some 800 copies of the
  same few huge letter classes under IGNORECASE, each optimised again by
  `re`.  Remembering each distinct class while the model loads gives the
  same compiled code (tests/analysis/test_nlp.py checks it) in a quarter of the time.

A batch loads it in the parent before the workers fork (`preload`), so the
workers share one copy instead of each loading its own.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache

MODEL = "fr_core_news_md"
UNUSED = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]


@contextmanager
def memoised_charsets():
    """While active, `re` optimises each distinct character class once."""
    try:
        from re import _compiler as compiler  # CPython 3.11+
        original = compiler._optimize_charset
    except (ImportError, AttributeError):  # another implementation: plain compile
        yield
        return
    seen: dict = {}

    def optimise(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            hit = seen.get(key)
        except TypeError:  # an unhashable item: not worth remembering
            return original(charset, iscased, fixup, fixes)
        if hit is None:
            hit = seen[key] = original(charset, iscased, fixup, fixes)
        return list(hit[0]), hit[1]

    compiler._optimize_charset = optimise
    try:
        yield
    finally:
        compiler._optimize_charset = original


@lru_cache(maxsize=1)
def nlp():
    with memoised_charsets():
        import spacy
        import spacy.lang.fr  # noqa: F401 - its exception pattern compiles on import

        return spacy.load(MODEL, exclude=[*UNUSED, "strings"])


def preload() -> None:
    """Load the pipeline now, e.g. in a parent about to fork its workers."""
    nlp()


def person_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the PER entities spaCy sees in a text."""
    doc = nlp()(text)
    return [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PER"
            and re.search(r"\w\W+\w", ent.text)]
