"""What a worker needs, loaded once before the workers are forked.

Imported by the warm pool's fork server (and called by the batch runner
before it forks): every worker then shares these modules and one copy of the
spaCy model instead of loading its own.
"""
from __future__ import annotations

import logging

import analysis.candidature  # noqa: F401
import analysis.rapport  # noqa: F401
import expe_ct.pipeline  # noqa: F401
from analysis.nlp import preload


def load_models() -> None:
    try:
        preload()
    except Exception as exc:  # the workers will load it, or fail, themselves
        logging.getLogger("expe_ct").warning("modèle spaCy non préchargé : %s", type(exc).__name__)


if __name__ != "__main__":
    load_models()
