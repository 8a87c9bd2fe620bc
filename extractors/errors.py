"""Extraction failures, each carrying a contract error code and a French message."""
from __future__ import annotations

ERROR_CODES = ("unreadable", "encrypted", "unsupported_format", "empty", "too_large", "timeout")


class ExtractionError(Exception):
    def __init__(self, code: str, message: str):
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message


def unreadable(message: str = "Le fichier est endommagé ou illisible.") -> ExtractionError:
    return ExtractionError("unreadable", message)


def encrypted(message: str = "Le fichier est protégé par un mot de passe ; "
              "demandez une version non chiffrée.") -> ExtractionError:
    return ExtractionError("encrypted", message)


def empty(message: str = "Le fichier ne contient aucun texte exploitable.") -> ExtractionError:
    return ExtractionError("empty", message)


def too_large(message: str) -> ExtractionError:
    return ExtractionError("too_large", message)


def unsupported(message: str = "Format de fichier non pris en charge "
                "(formats acceptés : PDF, DOCX, ODT, DOC, dossier ou ZIP).") -> ExtractionError:
    return ExtractionError("unsupported_format", message)
