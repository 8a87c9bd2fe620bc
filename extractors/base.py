"""One reader per format behind one interface.

A reader turns one file into a `Piece`.  Readers register themselves by
format name (as spaCy registers components); `read_piece` sniffs the format
from the bytes, not the extension, and routes to the right reader.  Readers
raise `ExtractionError` for anything the user must be told about.
"""
from __future__ import annotations

import importlib
import logging
import zipfile
from pathlib import Path
from typing import Callable, Protocol

from common.limits import Limits

from . import errors
from .errors import ExtractionError, unsupported
from .model import Piece, PieceError

log = logging.getLogger("expe_ct.extractors")


class Reader(Protocol):
    def __call__(self, path: Path, name: str, limits: Limits) -> Piece: ...


_READERS: dict[str, Reader] = {}


def register_reader(fmt: str) -> Callable[[Reader], Reader]:
    def decorate(fn: Reader) -> Reader:
        _READERS[fmt] = fn
        return fn
    return decorate


def get_reader(fmt: str) -> Reader:
    _load_builtin_readers()
    try:
        return _READERS[fmt]
    except KeyError:
        raise unsupported() from None


BUILTIN_READERS = ("pdf_reader", "docx_reader", "odt_reader", "doc_reader")
_loaded = False


def _load_builtin_readers() -> None:
    # Imported lazily so that a process that only sniffs pays for nothing; a
    # reader that fails to import leaves the other formats working.
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in BUILTIN_READERS:
        try:
            importlib.import_module(f"{__package__}.{module}")
        except ImportError as exc:
            log.error("lecteur %s indisponible : %s", module, exc)


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPES = (b"application/vnd.oasis.opendocument.text",
                 b"application/vnd.oasis.opendocument.text-template")


def sniff_format(path: Path) -> str:
    """Format by content: pdf, docx, odt, doc, zip (a package of pieces),
    ole-encrypted (an encrypted OOXML file), zip-encrypted (an office file
    whose ZIP entries need a password), or other."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    # Containers first: a stored ZIP entry may itself start with "%PDF-".
    if head.startswith(OLE2_MAGIC):
        return _sniff_ole(path)
    if head.startswith(b"PK"):
        return _sniff_zip(path, head)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return "rtf"   # Word writes RTF under a .doc name more often than one would think
    return "other"


def _sniff_ole(path: Path) -> str:
    # Word 97-2003 files and encrypted OOXML files are both OLE2 containers;
    # the latter hold an EncryptionInfo stream.
    with open(path, "rb") as fh:
        data = fh.read(1 << 20)
    if "EncryptionInfo".encode("utf-16-le") in data:
        return "ole-encrypted"
    return "doc"


def _sniff_zip(path: Path, head: bytes) -> str:
    if head[30:38] == b"mimetype" and any(m in head[38:140] for m in ODT_MIMETYPES):
        return "odt"
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            docx = "word/document.xml" in names or any(
                n.startswith("word/") and n.endswith(".xml") for n in names)
            if (docx or "content.xml" in names) and any(i.flag_bits & 0x1 for i in zf.infolist()):
                return "zip-encrypted"
            if docx:
                return "docx"
            if "content.xml" in names and "mimetype" in names:
                mimetype = zf.read("mimetype")[:100]
                return "odt" if any(mimetype.startswith(m) for m in ODT_MIMETYPES) else "other"
            return "zip"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        if path.suffix.lower() in (".docx", ".docm", ".dotx", ".odt", ".zip"):
            return "broken-zip"
        return "other"


FORMAT_OF_SUFFIX = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".dotx": "docx",
                    ".dotm": "docx", ".odt": "odt", ".ott": "odt", ".doc": "doc", ".dot": "doc"}


def contract_format(sniffed: str, path: Path) -> str:
    """The contract's piece format for a sniffed format."""
    if sniffed in ("pdf", "docx", "odt", "doc"):
        return sniffed
    return FORMAT_OF_SUFFIX.get(path.suffix.lower(), "other")


READABLE = ("pdf", "docx", "odt", "doc", "rtf")


def read_piece(path: Path, name: str, limits: Limits) -> Piece:
    """Read one file into a Piece; every failure is recorded on the piece
    (never raised), so that one bad piece never stops a dossier or a batch."""
    sniffed = "other"
    try:
        size = path.stat().st_size
        if size == 0:
            raise errors.empty("Le fichier est vide (0 octet).")
        if size / 1e6 > limits.max_file_mb:
            raise errors.too_large(
                f"Le fichier pèse {size / 1e6:.0f} Mo, au-delà de la limite de "
                f"{limits.max_file_mb:.0f} Mo.")
        sniffed = sniff_format(path)
        if sniffed in ("ole-encrypted", "zip-encrypted"):
            raise errors.encrypted()
        if sniffed == "zip":
            raise unsupported("Archive ZIP placée dans une archive ou un dossier : les archives "
                              "imbriquées ne sont pas ouvertes. Envoyez ses pièces directement.")
        if sniffed == "broken-zip":
            raise errors.unreadable("Le fichier Office est endommagé (archive illisible).")
        if sniffed not in READABLE:
            raise unsupported()
        piece = get_reader(sniffed)(path, name, limits)
        if piece.error is None and not any(b.text.strip() for b in piece.blocks):
            piece.error = as_piece_error(errors.empty())
        return piece
    except ExtractionError as exc:
        error = as_piece_error(exc)
    except MemoryError:
        error = as_piece_error(errors.too_large(
            "Le fichier demande trop de mémoire pour être lu (fichier piégé ou démesuré)."))
    except RecursionError:
        error = as_piece_error(errors.unreadable(
            "La structure du fichier est anormalement imbriquée ; il ne peut pas être lu."))
    except Exception as exc:  # a parser choking on a malformed file
        log.warning("lecture impossible (%s) : %s", name_hint(name), type(exc).__name__)
        error = as_piece_error(errors.unreadable(
            f"Le fichier est endommagé ou illisible ({type(exc).__name__})."))
    return Piece(file=name, format=contract_format(sniffed, path), error=error)


def as_piece_error(exc: ExtractionError) -> PieceError:
    return PieceError(code=exc.code, message=exc.message)


def name_hint(name: str) -> str:
    """File names may carry personal data: logs only show the extension."""
    return Path(name).suffix.lower() or "sans extension"
