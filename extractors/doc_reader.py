"""Legacy Word reader (.doc: Word 97-2003, also Word 6/95).

LibreOffice converts the file to ODT in a private directory and the ODT
reader reads the result: headings, lists, tables, notes, headers and footers
all survive (about 1-2 s a file).  antiword is the fallback, when LibreOffice
is absent or fails: fast but Word 97+ only, and without headers or footers;
its DocBook output still gives headings, lists, tables and page breaks.

Before any conversion the FIB (the header of the WordDocument stream) is
read: a password-protected file is reported as such, and an OLE file that
holds no Word document (a renamed spreadsheet...) is not a .doc at all.
"""
from __future__ import annotations

import logging
import shutil
import struct
import subprocess
from pathlib import Path

import olefile
from lxml import etree

from common.limits import Limits
from common.xml import safe_parser

from . import converter, errors
from .base import register_reader
from .errors import ExtractionError
from .model import Block, Piece
from .odt_reader import read_odt

log = logging.getLogger("expe_ct.extractors")

FIB_FLAGS_OFFSET = 0x0A
F_ENCRYPTED = 0x0100
WORD_IDENTS = (0xA5EC, 0xA5DC)      # Word 97+ and Word 6/95
ANTIWORD_TIMEOUT_S = 20.0


@register_reader("doc")
def read_doc(path: Path, name: str, limits: Limits) -> Piece:
    check_fib(path)
    timeout_s = min(converter.DEFAULT_TIMEOUT_S, limits.timeout_s / 2)
    if not converter.available():
        piece = read_with_antiword(path, name)
    else:
        try:
            with converter.converted(path, "odt", ".doc", timeout_s) as odt:
                piece = read_odt(odt, name, limits)
        except ExtractionError as lo_error:
            if lo_error.code not in ("unreadable", "timeout"):
                raise
            try:
                piece = read_with_antiword(path, name)
            except ExtractionError:
                raise lo_error from None
            piece.warnings.append("Document lu en texte seul : la mise en page, les "
                                  "en-têtes et pieds de page n'ont pas pu être lus.")
    piece.format = "doc"
    return piece


@register_reader("rtf")
def read_rtf(path: Path, name: str, limits: Limits) -> Piece:
    """RTF (often saved under a .doc name): LibreOffice to ODT, like .doc."""
    timeout_s = min(converter.DEFAULT_TIMEOUT_S, limits.timeout_s / 2)
    with converter.converted(path, "odt", ".rtf", timeout_s) as odt:
        piece = read_odt(odt, name, limits)
    piece.format = "doc" if path.suffix.lower() in (".doc", ".rtf") else "other"
    return piece


def check_fib(path: Path) -> None:
    """Refuse encrypted Word files, broken OLE containers and OLE files
    holding no Word document."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise errors.unsupported(
                    "Ce fichier Office n'est pas un document Word (tableur, présentation…) ; "
                    "formats acceptés : PDF, DOCX, ODT, DOC.")
            with ole.openstream("WordDocument") as stream:
                fib = stream.read(FIB_FLAGS_OFFSET + 2)
    except ExtractionError:
        raise
    except (OSError, ValueError, IndexError, struct.error, EOFError) as exc:
        # Every real Word file, even Word 6 or fuzzed ones, is a readable OLE
        # container; one that is not would only feed garbage to the converter.
        raise errors.unreadable("Le document Word est endommagé (structure du fichier illisible).") from exc
    if len(fib) < FIB_FLAGS_OFFSET + 2:
        raise errors.unreadable("Le document Word est tronqué.")
    ident, = struct.unpack_from("<H", fib, 0)
    flags, = struct.unpack_from("<H", fib, FIB_FLAGS_OFFSET)
    if ident in WORD_IDENTS and flags & F_ENCRYPTED:
        raise errors.encrypted()


def read_with_antiword(path: Path, name: str) -> Piece:
    exe = shutil.which("antiword")
    if exe is None:
        raise errors.unsupported("La lecture des fichiers .doc demande LibreOffice ou "
                                 "antiword, absents de ce poste.")
    try:
        done = subprocess.run([exe, "-x", "db", str(path)], capture_output=True,
                              timeout=ANTIWORD_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ExtractionError("timeout", "La lecture du document Word a dépassé "
                              f"{ANTIWORD_TIMEOUT_S:.0f} s.") from None
    output = done.stdout
    if b"encrypted" in done.stderr.lower():
        raise errors.encrypted()
    if done.returncode != 0 or b"<book" not in output:
        raise errors.unreadable("Le document Word n'a pas pu être lu (fichier endommagé "
                                "ou version de Word non prise en charge).")
    book = etree.fromstring(output, safe_parser(recover=True))
    if book is None:
        raise errors.unreadable("Le document Word n'a pas pu être lu.")
    piece = Piece(file=name, format="doc")
    DocBookWalker(piece, paged=book.find(".//beginpage") is not None).walk(book, 0)
    piece.pages = piece.blocks[-1].page if piece.blocks else None
    return piece


class DocBookWalker:
    """antiword's DocBook: chapter/sectN titles are headings, para, listitem
    and informaltable the rest; bookinfo (author names) is skipped."""

    def __init__(self, piece: Piece, paged: bool):
        self.piece = piece
        self.page = 1 if paged else None

    def walk(self, el: etree._Element, depth: int) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag == "bookinfo":
                continue
            if tag == "title" and el.tag != "book":
                self.add("heading", child, level=max(depth, 1))
            elif tag == "beginpage":
                if self.page is not None:
                    self.page += 1
            elif tag == "para":
                self.add("list_item" if el.tag == "listitem" else "paragraph", child)
                self.walk(child, depth)       # tables and lists nested in a para
            elif tag == "informaltable":
                self.table(child)
            elif tag == "chapter" or tag.startswith("sect"):
                self.walk(child, depth + 1)
            elif tag != "title":
                self.walk(child, depth)

    def add(self, kind: str, el: etree._Element, level: int | None = None) -> None:
        text = " ".join(" ".join(own_text(el)).split())
        if text:
            self.piece.add(Block(kind, text, page=self.page, level=level))

    def table(self, el: etree._Element) -> None:
        rows = [[" ".join("".join(entry.itertext()).split()) for entry in row.iter("entry")]
                for row in el.iter("row")]
        if any(any(cells) for cells in rows):
            width = max(len(r) for r in rows)
            self.piece.add(Block("table", "", page=self.page,
                                 rows=[r + [""] * (width - len(r)) for r in rows]))


def own_text(el: etree._Element):
    """Text of an element without the tables and lists nested in it."""
    if el.text:
        yield el.text
    for child in el:
        if child.tag not in ("informaltable", "itemizedlist", "orderedlist"):
            yield from own_text(child)
        if child.tail:
            yield child.tail
