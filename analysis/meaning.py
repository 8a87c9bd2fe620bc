"""What a short text is about, by the meaning of its words.

Keyword lists only know the words someone thought of.  Where they say
nothing, a text is compared with the phrases that describe each class by
the word vectors of fr_core_news_md (the model the NER already loads): a
text's vector is the mean of its content words' vectors, and the class of
the nearest describing phrase wins.  On the labelled expertises of the
development corpus and our samples the nearest phrase names a right theme
for 89 % of the labels (scripts measure it in tests/analysis/test_meaning.py);
the keyword lexicon stays first, this is its fallback.
"""
from __future__ import annotations

import re

import numpy as np

from common.text import fold

from .nlp import nlp

# Words that carry no meaning of their own, compared folded.
STOPWORDS = frozenset({"les", "des", "une", "aux", "dans", "pour", "sur", "par", "avec", "ses", "son", "leur",
                       "leurs", "et", "de", "du", "la", "le", "en", "au", "nos", "notre", "vos", "votre", "entre",
                       "sans", "sous", "chez", "vers", "ainsi", "que", "qui", "dont", "est", "sont"})


def content_words(text: str) -> list[str]:
    """The words of a text that carry its meaning, in lower case."""
    return [w for w in re.findall(r"\w+", text.lower()) if len(w) > 2 and fold(w) not in STOPWORDS]


def text_vector(text: str) -> np.ndarray | None:
    """The unit mean vector of a text's content words, None when none is known."""
    vocab = nlp().vocab
    vectors = [vocab.get_vector(w) for w in content_words(text) if vocab.has_vector(w)]
    if not vectors:
        return None
    mean = np.mean(vectors, axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else None


class NearestPhrase:
    """Classes described by phrases; a text takes the class of its nearest phrase."""

    def __init__(self, phrases: dict[str, list[str]]):
        rows = [(cls, phrase, vec) for cls, items in phrases.items() for phrase in items
                if (vec := text_vector(phrase)) is not None]
        self.classes = [cls for cls, _, _ in rows]
        self.phrases = [phrase for _, phrase, _ in rows]
        self.matrix = np.stack([vec for _, _, vec in rows]) if rows else np.zeros((0, 1))

    def nearest(self, text: str) -> tuple[str, str, float] | None:
        """(class, phrase, cosine similarity) of the nearest phrase."""
        vec = text_vector(text)
        if vec is None or not self.classes:
            return None
        similarities = self.matrix @ vec
        best = int(np.argmax(similarities))
        return self.classes[best], self.phrases[best], float(similarities[best])
