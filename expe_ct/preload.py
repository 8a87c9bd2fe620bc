"""What a worker needs, loaded once before the workers are forked.

Imported by the warm pool's fork server (and called by the batch runner
before it forks): every worker then shares these modules and one copy of the
spaCy model instead of loading its own.
"""
from __future__ import annotations

import logging

import analysis.candidature  # noqa: F401
import analysis.rapport  # noqa: F401
from analysis.nlp import preload
from expe_ct.pipeline import analyse
from extractors.model import Block, Piece, Submission


# A tiny dossier analysed once in the parent: every lexicon, pattern and the
# official list are then built before the fork, once for all workers.
WARM_UP = ("Ville de Chartres", "Objet : candidature au label EXPE-CT – gestion des déchets",
           "Experts mobilisables :", "Mme Marie DUPONT, directrice de la propreté, ingénieure.",
           "La Ville accepte de travailler avec le ministère dans le cadre des missions et informera la DAECT "
           "de toute sollicitation.", "Fait à Chartres, le 3 mars 2025", "Le Maire, Jean Martin")


def warm_up() -> None:
    piece = Piece("amorce.docx", "docx")
    for text in WARM_UP:
        piece.add(Block("paragraph", text))
    analyse(Submission("amorce", "0" * 64, [piece]))


def load_models() -> None:
    try:
        preload()
        warm_up()
    except Exception as exc:  # the workers will load it, or fail, themselves
        logging.getLogger("expe_ct").warning("modèles non préchargés : %s", type(exc).__name__)


if __name__ != "__main__":
    load_models()
