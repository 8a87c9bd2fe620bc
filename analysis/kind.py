"""Is a submission a candidature dossier, a mission report, or neither?

Cues are weighted phrases; a cue in a heading or in the first blocks of a
piece (where titles and "Objet :" lines sit) weighs more than one in body
text, because a candidature may well mention future "rapports de mission"
and a report may recall the "label EXPE-CT".
"""
from __future__ import annotations

import re

from extractors.model import Block, Submission

from common.text import fold

Kind = str  # "candidature" | "rapport" | "inconnu"


CUES: dict[str, list[tuple[str, float]]] = {
    "candidature": [
        (r"\bcandidature\b", 2.0),
        (r"\bdossier de candidature\b", 2.0),
        (r"\b(sollicit\w*|demand\w*|obten\w*|obtenir|attribution)\b[^.\n]{0,60}\blabel", 2.0),
        (r"\blabel(lisation|liser|lise)\b", 1.0),
        (r"\bexperts? (mobilisables?|proposes?|pressentis?)\b", 1.5),
        (r"\bsavoir-faire\b", 0.5),
        (r"\bcompetences? et savoir-faire\b", 1.0),
        (r"\bfiche (de )?candidature\b", 2.0),
    ],
    "rapport": [
        (r"\brapport de (la )?mission\b", 2.5),
        (r"\bcompte[- ]rendu de (la )?mission\b", 2.5),
        (r"\bretour de mission\b", 1.5),
        (r"\bmission (effectuee|realisee|s'est deroulee)\b", 2.0),
        (r"\b(suites envisagees|perspectives de cooperation|deroulement de la mission)\b", 1.5),
        (r"\bdelegation (accueillie|etrangere)\b|\baccueil d'une delegation\b", 1.5),
        (r"\bmissionnaires?\b", 1.0),
        # what §III.3 asks of a report, in its own words
        (r"\bobjet de (la )?mission\b|\bmission expe-ct (a|au|en|aux)\b", 1.5),
        (r"\brapport (valide|approuve|vise)\b", 2.0),
        (r"\baction complementaire\b|\bcooperation (a|de) plus long terme\b", 1.0),
    ],
}
COMPILED = {kind: [(re.compile(p), w) for p, w in cues] for kind, cues in CUES.items()}
PROMINENT_BLOCKS = 6   # the first blocks of a piece: letterhead, title, "Objet :"
MIN_SCORE = 2.0


def block_weight(block: Block, position: int) -> float:
    if block.kind == "heading" or position < PROMINENT_BLOCKS or fold(block.text).startswith("objet"):
        return 3.0
    return 1.0


def kind_scores(submission: Submission) -> dict[str, float]:
    scores = {kind: 0.0 for kind in COMPILED}
    for piece in submission.pieces:
        for position, block in enumerate(piece.blocks):
            text = fold(block.text)
            weight = block_weight(block, position)
            for kind, cues in COMPILED.items():
                for pattern, cue_weight in cues:
                    if pattern.search(text):
                        scores[kind] += weight * cue_weight
    return scores


def detect_kind(submission: Submission) -> Kind:
    scores = kind_scores(submission)
    best = max(scores, key=scores.get)
    if scores[best] < MIN_SCORE:
        return "inconnu"
    return best
