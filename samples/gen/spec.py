"""What to write for one submission: its pieces, how each is produced, and
its truth.  Built in pure Python (fast, deterministic); rendering comes after."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .doc import Doc

# How a piece is produced.  pdf: reportlab; pdf-lo: Word-like export through
# LibreOffice from our DOCX; odt/doc: LibreOffice from DOCX; scan: reportlab
# PDF rasterised, degraded and wrapped as an image-only PDF.
PIECE_FORMAT = {"docx": "docx", "pdf": "pdf", "pdf-lo": "pdf", "odt": "odt", "doc": "doc",
                "scan": "pdf"}


@dataclass
class PieceSpec:
    file: str                 # name inside the submission (the file name for a single file)
    doc: Doc
    how: str                  # docx, pdf, pdf-lo, odt, doc, scan

    @property
    def format(self) -> str:
        return PIECE_FORMAT[self.how]

    @property
    def ocr(self) -> bool:
        return self.how == "scan"


@dataclass
class Submission:
    name: str                 # file or folder name under samples/dossiers/
    kind: str                 # candidature, rapport, hostile, inconnu
    container: str            # file, folder, zip
    pieces: list[PieceSpec]
    truth: dict
    junk: list[str] = field(default_factory=list)   # system files sprinkled in
    builder: str = ""         # for hostile submissions: the hostile.py recipe


STOP = {"ville", "de", "du", "la", "le", "les", "des", "d", "l", "mairie", "commune", "conseil",
        "departemental", "departement", "regional", "region", "communaute", "agglomeration",
        "urbaine", "communes", "syndicat", "association", "et", "sas", "sarl", "cabinet",
        "reseau", "intercommunal", "mixte", "nationale", "national", "alimentation", "en", "eau",
        "potable", "valorisation", "dechets"}


def slug(text: str, words: int = 3) -> str:
    """ASCII file-name slug without the administrative words."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    tokens = [t for t in re.split(r"[^a-z0-9]+", ascii_) if t and t not in STOP]
    return "-".join(tokens[:words]) or "dossier"
