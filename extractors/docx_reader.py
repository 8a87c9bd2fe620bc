"""DOCX reader (also .docm, .dotx, .dotm): python-docx opens the package, we
walk the WordprocessingML ourselves so that nothing is lost or doubled.

What a person sees in Word is what we keep: text boxes once (the DrawingML
choice, not its VML fallback copy), insertions but not deletions, field
results but not field codes, content controls but not their placeholder
prompts, ticked/unticked boxes as ☒/☐.  Body blocks come first, then the
headers, footers, footnotes and endnotes (each part once).

Tables: one block per table, rows of cells.  A horizontally merged cell
(gridSpan) holds its text once, followed by empty cells for the columns it
covers; a vertically merged continuation cell is empty.  A nested table is
NOT flattened into its cell: it becomes its own table block right after the
outer table (text boxes anchored in cells likewise come after the table).

Pages: DOCX has no fixed pages.  When Word saved its pagination
(w:lastRenderedPageBreak) we count those; otherwise we count explicit page
breaks (page-break runs, "page break before", next-page section breaks);
with neither, pages are unknown (None).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import Iterator

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.package import Package
from lxml import etree

from common.limits import Limits
from common.xml import safe_parser
from common.zipguard import unzipped_bytes

from . import errors
from .base import register_reader
from .placeholders import is_placeholder
from .model import TICKED, UNTICKED, Block, Piece

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


(P, R, T, TBL, TR, TC, SDT, SDT_PR, SDT_CONTENT, CUSTOM_XML, PPR, TCPR, TRPR,
 FLD_CHAR, FLD_SIMPLE, TAB, PTAB, BR, CR, NO_BREAK_HYPHEN, LRPB,
 DRAWING, PICT, OBJECT, TXBX, DEL, MOVE_FROM, INS, MOVE_TO, HYPERLINK, SMART_TAG,
 DIR, BDO, SECT_PR, NUM_PR, NUM_ID, OUTLINE_LVL, PSTYLE, PAGE_BREAK_BEFORE,
 SHOWING_PLC_HDR, GRID_SPAN, V_MERGE, H_MERGE, GRID_BEFORE, CELL_DEL, FF_DATA,
 CHECK_BOX, DEFAULT, CHECKED, DD_LIST, RESULT, LIST_ENTRY, TYPE, VAL, ALT_CHUNK,
 STYLE, NAME, BASED_ON, BODY, FOOTNOTE, ENDNOTE, HEADER_REF, FOOTER_REF,
 ) = map(_w, (
    "p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtPr", "sdtContent", "customXml",
    "pPr", "tcPr", "trPr", "fldChar", "fldSimple", "tab", "ptab", "br",
    "cr", "noBreakHyphen", "lastRenderedPageBreak", "drawing", "pict", "object",
    "txbxContent", "del", "moveFrom", "ins", "moveTo", "hyperlink", "smartTag", "dir",
    "bdo", "sectPr", "numPr", "numId", "outlineLvl", "pStyle", "pageBreakBefore",
    "showingPlcHdr", "gridSpan", "vMerge", "hMerge", "gridBefore", "cellDel", "ffData",
    "checkBox", "default", "checked", "ddList", "result", "listEntry", "type", "val",
    "altChunk", "style", "name", "basedOn", "body", "footnote", "endnote",
    "headerReference", "footerReference"))
W14_CHECKBOX, W14_CHECKED, W14_VAL = (f"{{{W14_NS}}}{t}" for t in ("checkbox", "checked", "val"))
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (
    f"{{{MC_NS}}}{t}" for t in ("AlternateContent", "Choice", "Fallback"))
M_T, M_OMATH, M_OMATH_PARA = (f"{{{M_NS}}}{t}" for t in ("t", "oMath", "oMathPara"))
R_ID = f"{{{R_NS}}}id"

# Inline elements whose runs are shown as they are.
INLINE_WRAPPERS = {HYPERLINK, SMART_TAG, CUSTOM_XML, INS, MOVE_TO, FLD_SIMPLE, DIR, BDO}
# Tracked deletions and moved-away text: not in the document any more.
REMOVED = {DEL, MOVE_FROM}
# Footnote/endnote entries that only draw the separator line.
NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}

WORD_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
OTHER_OFFICE_KINDS = {"spreadsheetml": "un classeur Excel", "ms-excel": "un classeur Excel",
                      "presentationml": "une présentation PowerPoint",
                      "ms-powerpoint": "une présentation PowerPoint"}

SAFE_PARSER = safe_parser()

HEADING_STYLE = re.compile(r"^(?:heading|titre|title|überschrift|berschrift)(\d)$")
TITLE_STYLE = re.compile(r"^(?:title|titre)$")


@register_reader("docx")
def read_docx(path: Path, name: str, limits: Limits) -> Piece:
    piece = Piece(file=name, format="docx")
    main = _open_main_part(path, limits, piece.warnings)
    root = main.xml()
    bodies = root.findall(BODY)  # one, but damaged files may repeat it
    if not bodies:
        raise errors.unreadable("Le document Word n'a pas de corps de texte lisible.")
    walker = _Walker(_Styles(main.related(RT.STYLES)), _pagination(root))
    blocks = [block for body in bodies for block in walker.walk(body, "body")]
    if root.find(f".//{ALT_CHUNK}") is not None:
        piece.warnings.append("Le document contient un contenu importé (altChunk) "
                              "qui n'a pas été lu.")
    for source, part in _header_footer_parts(main, root):
        blocks += walker.walk(part.xml(), source)
    for source, reltype, tag in (("footnote", RT.FOOTNOTES, FOOTNOTE),
                                 ("endnote", RT.ENDNOTES, ENDNOTE)):
        for notes in main.related(reltype):
            for note in notes.xml().iter(tag):
                if note.get(TYPE) not in NOTE_SEPARATORS:
                    blocks += walker.walk(note, source)
    for block in blocks:
        piece.add(block)
    piece.pages = walker.page
    return piece


# ---------------------------------------------------------------- package

class _Part:
    """One part of the package, seen the same way whether python-docx or our
    own ZIP fallback loaded it."""

    def __init__(self, name: str, content_type: str, blob: bytes | None = None,
                 element: etree._Element | None = None):
        self.name, self.content_type = name, content_type
        self._blob, self._element = blob, element
        self.rels: dict[str, tuple[str, _Part]] = {}   # rId -> (reltype, target)

    def xml(self) -> etree._Element:
        if self._element is None:
            try:
                self._element = etree.fromstring(self._blob or b"", SAFE_PARSER)
            except etree.XMLSyntaxError as exc:
                raise errors.unreadable(
                    "Le document Word est endommagé (XML invalide).") from exc
        return self._element

    def related(self, reltype: str) -> list[_Part]:
        return [part for rtype, part in self.rels.values() if rtype == reltype]


def _open_main_part(path: Path, limits: Limits, warnings: list[str]) -> _Part:
    try:
        with zipfile.ZipFile(path) as zf:
            unzipped = unzipped_bytes(zf.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise errors.unreadable("Le document Word est endommagé (archive illisible).") from exc
    if unzipped / 1e6 > limits.max_unzipped_mb:
        raise errors.too_large(
            f"Le document Word se décompresse en {unzipped / 1e6:.0f} Mo, au-delà de la "
            f"limite de {limits.max_unzipped_mb:.0f} Mo.")
    try:
        try:
            main = _from_python_docx(Package.open(str(path)).main_document_part)
        except KeyError:
            # python-docx gives up on a package where any referenced part is
            # missing (a lost image...); Word still opens it, so do we.
            main = _from_zip(path)
            warnings.append("Le paquet Word est incomplet (des parties référencées "
                            "manquent) ; le texte a été lu malgré tout.")
    except PackageNotFoundError as exc:
        raise errors.unreadable("Le fichier n'est pas un document Word valide.") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise errors.unreadable("Le document Word est endommagé (archive illisible).") from exc
    except etree.XMLSyntaxError as exc:
        raise errors.unreadable("Le document Word est endommagé (XML invalide).") from exc
    if main.content_type not in WORD_MAIN_TYPES:
        kind = next((k for key, k in OTHER_OFFICE_KINDS.items() if key in main.content_type),
                    "un autre type de document")
        raise errors.unreadable(f"Ce fichier n'est pas un document Word mais {kind}.")
    return main


def _from_python_docx(docx_part) -> _Part:
    """Wrap python-docx parts (main part and its direct relations only)."""
    def wrap(part) -> _Part:
        element = getattr(part, "element", None)  # XmlPart: already parsed, safely
        return _Part(str(part.partname), part.content_type,
                     blob=None if element is not None else part.blob, element=element)
    main = wrap(docx_part)
    for rid, rel in docx_part.rels.items():
        if not rel.is_external:
            main.rels[rid] = (rel.reltype, wrap(rel.target_part))
    return main


def _from_zip(path: Path) -> _Part:
    """Minimal OPC reading: the main document part and its direct relations,
    skipping targets that are missing from the archive."""
    with zipfile.ZipFile(path) as zf:
        names = {n.lower(): n for n in zf.namelist()}

        def read(partname: str) -> bytes | None:
            real = names.get(partname.lstrip("/").lower())
            return zf.read(real) if real else None

        types = etree.fromstring(read("[Content_Types].xml") or b"<none/>", SAFE_PARSER)
        overrides = {e.get("PartName", "").lower(): e.get("ContentType", "")
                     for e in types if e.tag.endswith("Override")}
        defaults = {e.get("Extension", "").lower(): e.get("ContentType", "")
                    for e in types if e.tag.endswith("Default")}

        def rels(partname: str) -> Iterator[tuple[str, str, str]]:
            folder, base = posixpath.split(partname)
            blob = read(posixpath.join(folder, "_rels", base + ".rels"))
            if blob is None:
                return
            for rel in etree.fromstring(blob, SAFE_PARSER):
                target = rel.get("Target", "")
                if rel.get("TargetMode") == "External" or not target:
                    continue
                yield rel.get("Id", ""), rel.get("Type", ""), posixpath.normpath(
                    target if target.startswith("/") else posixpath.join(folder, target))

        def part(partname: str) -> _Part | None:
            blob = read(partname)
            if blob is None:
                return None
            ext = partname.rsplit(".", 1)[-1].lower()
            ctype = overrides.get(partname.lower(), defaults.get(ext, ""))
            return _Part(partname, ctype, blob=blob)

        main = next((part(target) for _, rtype, target in rels("/")
                     if rtype == RT.OFFICE_DOCUMENT), None)
        if main is None:
            raise errors.unreadable("Le document Word ne contient pas de partie principale "
                                    "(word/document.xml).")
        for rid, rtype, target in rels(main.name):
            related = part(target)
            if related is not None:
                main.rels[rid] = (rtype, related)
    return main


def _header_footer_parts(main: _Part, root: etree._Element) -> Iterator[tuple[str, _Part]]:
    """Headers then footers of every section (first-page and even-page ones
    included), each distinct part once, in document order."""
    sections = [s for s in root.iter(SECT_PR) if s.getparent().tag in (PPR, BODY)]
    seen: set[str] = set()
    for source, tag in (("header", HEADER_REF), ("footer", FOOTER_REF)):
        for section in sections:
            for ref in section.iter(tag):
                target = main.rels.get(ref.get(R_ID, ""))
                if target is not None and target[1].name not in seen:
                    seen.add(target[1].name)
                    yield source, target[1]


# ---------------------------------------------------------------- styles

class _Styles:
    """What paragraph styles say about headings, lists and page breaks,
    resolved through basedOn chains."""

    def __init__(self, parts: list[_Part]):
        self._raw: dict[str, etree._Element] = {}
        self.default: str | None = None
        for part in parts[:1]:
            for style in part.xml().iter(STYLE):
                if style.get(TYPE) == "paragraph" and style.get(_w("styleId")):
                    self._raw[style.get(_w("styleId"))] = style
                    if _on(style, _w("default"), absent=False):
                        self.default = style.get(_w("styleId"))
        self._cache: dict[str, tuple[int | None, bool, bool]] = {}

    def props(self, style_id: str | None) -> tuple[int | None, bool, bool]:
        """(heading level, is a list style, page break before) of a style."""
        style_id = style_id or self.default
        if style_id is None:
            return None, False, False
        if style_id not in self._cache:
            self._cache[style_id] = (None, False, False)  # cuts basedOn cycles
            self._cache[style_id] = self._resolve(style_id)
        return self._cache[style_id]

    def _resolve(self, style_id: str) -> tuple[int | None, bool, bool]:
        style = self._raw.get(style_id)
        if style is None:
            return None, False, False
        based = style.find(BASED_ON)
        parent = self.props(based.get(VAL)) if based is not None else (None, False, False)
        name_el = style.find(NAME)
        keys = {re.sub(r"\s+", "", k.lower())
                for k in (style_id, name_el.get(VAL, "") if name_el is not None else "") if k}
        ppr = style.find(PPR)
        level = next((_style_level(k) for k in keys if _style_level(k)), None)
        if level is None and ppr is not None:
            level = _outline_level(ppr)
        numbered = _numbered(ppr)
        is_list = (numbered if numbered is not None else
                   any(k.startswith("list") or "liste" in k for k in keys) or parent[1])
        pbb = ppr is not None and _on(ppr.find(PAGE_BREAK_BEFORE), VAL)
        return level or parent[0], is_list, pbb or parent[2]


def _style_level(key: str) -> int | None:
    match = HEADING_STYLE.match(key)
    if match:
        return max(1, int(match.group(1)))
    return 1 if TITLE_STYLE.match(key) else None


def _outline_level(ppr: etree._Element) -> int | None:
    """Heading level from w:outlineLvl (0 = top; 9 = body text)."""
    el = ppr.find(OUTLINE_LVL)
    val = el.get(VAL, "") if el is not None else ""
    return int(val) + 1 if val.isdigit() and int(val) < 9 else None


def _numbered(ppr: etree._Element | None) -> bool | None:
    """True/False when w:numPr says numbered or explicitly not (numId 0);
    None when it says nothing."""
    num = ppr.find(NUM_PR) if ppr is not None else None
    num_id = num.find(NUM_ID) if num is not None else None
    if num_id is None:
        return None
    return num_id.get(VAL, "0") != "0"


def _on(el: etree._Element | None, attr: str, absent: bool = True) -> bool:
    """An OOXML on/off property: present without value means on."""
    if el is None:
        return False
    val = el.get(attr)
    return absent if val is None else val.lower() in ("1", "true", "on")


# ---------------------------------------------------------------- walking

def _pagination(root: etree._Element) -> str | None:
    """'rendered' when Word saved its page breaks, 'explicit' when only hard
    breaks exist, None when nothing tells where pages end."""
    explicit = False
    for el in root.iter(LRPB, BR, PAGE_BREAK_BEFORE, SECT_PR):
        if el.tag == LRPB:
            return "rendered"
        if ((el.tag == BR and el.get(TYPE) == "page")
                or (el.tag == PAGE_BREAK_BEFORE and _on(el, VAL))
                or (el.tag == SECT_PR and el.getparent().tag == PPR
                    and _section_type(el) != "continuous")):
            explicit = True
    return "explicit" if explicit else None


class _Text:
    """Text of one paragraph being collected, and the page of its first text."""
    __slots__ = ("parts", "page")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.page: int | None = None

    def text(self) -> str:
        return "".join(self.parts).strip()


class _Field:
    """An open complex field (w:fldChar begin ... separate ... end)."""
    __slots__ = ("in_result", "chosen", "buf", "start")

    def __init__(self, chosen: str, buf: _Text):
        self.in_result = False   # past 'separate': its runs are the shown result
        self.chosen = chosen     # a legacy drop-down's chosen entry
        self.buf = buf           # the paragraph it began in
        self.start = 0           # where its result begins in that paragraph


class _Walker:
    def __init__(self, styles: _Styles, pagination: str | None):
        self.styles = styles
        self.mode = pagination
        self.page: int | None = 1 if pagination else None
        self._page_has_text = False
        self._source = "body"
        self._fields: list[_Field] = []  # open complex fields, innermost last
        self._in_code = 0                # how many of them are still in their code

    def walk(self, container: etree._Element, source: str) -> list[Block]:
        """Blocks of a story (body, header, note...) in reading order."""
        self._source, self._fields, self._in_code = source, [], 0
        return self._blocks(container)

    # -- block level

    def _blocks(self, container: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in _children(container, block_level=True):
            extra: list[Block] = []
            if child.tag == P:
                buf = self._paragraph(child, extra)
                text = _not_placeholder(buf.text())
                if text:
                    kind, level = self._kind(child)
                    out.append(Block(kind, text, page=self._page_of(buf), level=level,
                                     source=self._source))
            elif child.tag == TBL:
                table = self._table(child, extra)
                if table is not None:
                    out.append(table)
            out += extra
        return out

    def _paragraph(self, p: etree._Element, extra: list[Block]) -> _Text:
        ppr = p.find(PPR)
        paged = self._source == "body"
        if paged and self.mode == "explicit" and self._page_has_text and (
                (ppr is not None and _on(ppr.find(PAGE_BREAK_BEFORE), VAL))
                or self.styles.props(_style_id(ppr))[2]):
            self._new_page()
        buf = _Text()
        self._inline(p, buf, extra)
        while self._fields and not self._fields[-1].in_result:
            # A field code never spans paragraphs in practice; an unclosed one
            # (damaged file) must not swallow the rest of the document.
            self._fields.pop()
            self._in_code -= 1
        if (paged and self.mode == "explicit" and ppr is not None
                and ppr.find(SECT_PR) is not None
                and _section_type(ppr.find(SECT_PR)) != "continuous"):
            self._new_page()
        return buf

    def _kind(self, p: etree._Element) -> tuple[str, int | None]:
        ppr = p.find(PPR)
        style_level, style_list, _ = self.styles.props(_style_id(ppr))
        direct = ppr.find(OUTLINE_LVL) if ppr is not None else None
        level = _outline_level(ppr) if direct is not None else style_level
        if level:
            return "heading", level
        numbered = _numbered(ppr)
        if numbered or (numbered is None and style_list):
            return "list_item", None
        return "paragraph", None

    def _table(self, tbl: etree._Element, extra: list[Block]) -> Block | None:
        rows: list[list[str]] = []
        page: int | None = None
        for tr in _children(tbl):
            if tr.tag != TR or _has(tr.find(TRPR), DEL):
                continue
            row = [""] * _int_prop(tr.find(TRPR), GRID_BEFORE, 0)
            for tc in _children(tr):
                if tc.tag != TC:
                    continue
                tcpr = tc.find(TCPR)
                if _has(tcpr, CELL_DEL):
                    continue
                text, cell_page = self._cell(tc, extra)
                page = page if page is not None else cell_page
                if _continues_merge(tcpr):
                    text = ""
                row.append(text)
                row += [""] * (_int_prop(tcpr, GRID_SPAN, 1) - 1)
            rows.append(row)
        if not any(cell for row in rows for cell in row):
            return None
        if self._source != "body":
            page = None  # text boxes get their anchor's page from _textboxes
        elif page is None:
            page = self.page
        return Block("table", "", page=page, rows=rows, source=self._source)

    def _cell(self, tc: etree._Element, extra: list[Block]) -> tuple[str, int | None]:
        """Text of a cell; its nested tables and text boxes go to `extra`."""
        lines: list[str] = []
        page = None
        for child in _children(tc, block_level=True):
            if child.tag == P:
                buf = self._paragraph(child, extra)
                text = _not_placeholder(buf.text())
                if text:
                    lines.append(text)
                    page = page if page is not None else buf.page
            elif child.tag == TBL:
                nested: list[Block] = []
                table = self._table(child, nested)
                extra += ([table] if table is not None else []) + nested
        return "\n".join(lines), page

    # -- inline level

    def _inline(self, el: etree._Element, buf: _Text, extra: list[Block]) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, buf, extra)
            elif tag in INLINE_WRAPPERS:
                self._inline(child, buf, extra)
            elif tag == SDT:
                self._inline_sdt(child, buf, extra)
            elif tag == MC_ALTERNATE:
                chosen = _choice(child)
                if chosen is not None:
                    self._inline(chosen, buf, extra)
            elif tag in (M_OMATH, M_OMATH_PARA) and not self._in_code:
                self._add(buf, "".join(t.text or "" for t in child.iter(M_T)))

    def _inline_sdt(self, sdt: etree._Element, buf: _Text, extra: list[Block]) -> None:
        props = sdt.find(SDT_PR)
        if props is not None:
            box = props.find(W14_CHECKBOX)
            if box is not None:
                if not self._in_code:
                    self._add(buf, TICKED if _on(box.find(W14_CHECKED), W14_VAL) else UNTICKED)
                return
            if _on(props.find(SHOWING_PLC_HDR), VAL):
                return
        content = sdt.find(SDT_CONTENT)
        if content is None:
            return
        start = len(buf.parts)
        self._inline(content, buf, extra)
        if not _not_placeholder("".join(buf.parts[start:]).strip()):
            del buf.parts[start:]

    def _run(self, run: etree._Element, buf: _Text, extra: list[Block]) -> None:
        for child in run:
            tag = child.tag
            if tag == FLD_CHAR:
                self._field_char(child, buf)
            elif self._in_code:
                continue
            elif tag == T:
                self._add(buf, _t_text(child))
            elif tag in (TAB, PTAB):
                self._add(buf, "\t")
            elif tag == BR:
                if child.get(TYPE) == "page" and self.mode == "explicit":
                    self._new_page()
                self._add(buf, "\n")
            elif tag == CR:
                self._add(buf, "\n")
            elif tag == NO_BREAK_HYPHEN:
                self._add(buf, "-")
            elif tag == LRPB:
                if self.mode == "rendered":
                    self._new_page()
            elif tag in (DRAWING, PICT, OBJECT):
                self._textboxes(child, extra)
            elif tag == MC_ALTERNATE:
                chosen = _choice(child)
                if chosen is not None:
                    self._run(chosen, buf, extra)

    def _field_char(self, fld: etree._Element, buf: _Text) -> None:
        kind = fld.get(_w("fldCharType"))
        if kind == "begin":
            # Legacy form fields: a check box has no result text, it shows its
            # state; a drop-down shows its chosen entry; a text field its result.
            form = fld.find(FF_DATA)
            chosen = ""
            if form is not None and not self._in_code:
                if form.find(CHECK_BOX) is not None:
                    self._add(buf, _box_glyph(form.find(CHECK_BOX)))
                chosen = _dropdown_choice(form.find(DD_LIST))
            self._fields.append(_Field(chosen, buf))
            self._in_code += 1
        elif kind == "separate" and self._fields and not self._fields[-1].in_result:
            field = self._fields[-1]
            field.in_result, field.start = True, len(buf.parts)
            self._in_code -= 1
        elif kind == "end" and self._fields:
            field = self._fields.pop()
            if not field.in_result:
                self._in_code -= 1
                field.start = len(buf.parts)
            # A drop-down's chosen entry, unless Word also wrote it as the result.
            if field.chosen and field.buf is buf and not "".join(buf.parts[field.start:]).strip():
                self._add(buf, field.chosen)

    def _textboxes(self, el: etree._Element, extra: list[Block]) -> None:
        """Text boxes anchored here become blocks after the anchor."""
        source = "textbox" if self._source == "body" else self._source
        saved = self._source, self._fields, self._in_code
        for box in _find_textboxes(el):
            self._source, self._fields, self._in_code = source, [], 0
            page = self._body_page()
            for block in self._blocks(box):
                block.page = page
                extra.append(block)
        self._source, self._fields, self._in_code = saved

    # -- pages

    def _add(self, buf: _Text, text: str) -> None:
        if text:
            buf.parts.append(text)
            if buf.page is None and not text.isspace():
                buf.page = self.page
                self._page_has_text = True

    def _new_page(self) -> None:
        if self._source == "body" and self.page is not None:
            self.page += 1
            self._page_has_text = False

    def _body_page(self) -> int | None:
        return self.page if self._source in ("body", "textbox") else None

    def _page_of(self, buf: _Text) -> int | None:
        if self._source != "body":
            return None
        return buf.page if buf.page is not None else self.page


# ---------------------------------------------------------------- helpers

def _children(el: etree._Element, block_level: bool = False) -> Iterator[etree._Element]:
    """Children of a container, seen through content controls, custom XML and
    markup-compatibility wrappers; tracked deletions dropped.  At block level
    a content control still showing its placeholder prompt is dropped."""
    for child in el:
        tag = child.tag
        if tag == SDT:
            if block_level and _on(_find2(child, SDT_PR, SHOWING_PLC_HDR), VAL):
                continue
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, block_level)
        elif tag in (CUSTOM_XML, INS, MOVE_TO):
            yield from _children(child, block_level)
        elif tag == MC_ALTERNATE:
            chosen = _choice(child)
            if chosen is not None:
                yield from _children(chosen, block_level)
        elif tag not in REMOVED:
            yield child


def _choice(alternate: etree._Element) -> etree._Element | None:
    """The content Word shows: the first mc:Choice (its mc:Fallback is an
    older-format copy of the same content)."""
    choice = alternate.find(MC_CHOICE)
    return choice if choice is not None else alternate.find(MC_FALLBACK)


def _find_textboxes(el: etree._Element) -> Iterator[etree._Element]:
    """Outermost w:txbxContent under a drawing, ignoring fallback copies;
    text boxes inside a text box are handled when that one is walked."""
    for child in el:
        if child.tag == TXBX:
            yield child
        elif child.tag == MC_ALTERNATE:
            chosen = _choice(child)
            if chosen is not None:
                yield from _find_textboxes(chosen)
        elif len(child):
            yield from _find_textboxes(child)


def _box_glyph(box: etree._Element) -> str:
    """☒ or ☐ for a legacy check box (w:checked overrides w:default)."""
    checked = box.find(CHECKED)
    if checked is None:
        checked = box.find(DEFAULT)
    return TICKED if _on(checked, VAL) else UNTICKED


def _dropdown_choice(drop: etree._Element | None) -> str:
    """The chosen entry of a legacy drop-down, '' if none."""
    if drop is None:
        return ""
    entries = [e.get(VAL, "") for e in drop.findall(LIST_ENTRY)]
    chosen = _int_prop(drop, RESULT, _int_prop(drop, DEFAULT, 0))
    return entries[chosen] if chosen < len(entries) else ""


def _t_text(t: etree._Element) -> str:
    """Text of w:t; entity references (never expanded) are left out."""
    if not len(t):
        return t.text or ""
    return (t.text or "") + "".join(child.tail or "" for child in t)


def _not_placeholder(text: str) -> str:
    """The text, or '' when it is only a form prompt such as
    « Cliquez ou appuyez ici pour entrer du texte. »."""
    return "" if is_placeholder(text) else text


def _style_id(ppr: etree._Element | None) -> str | None:
    style = ppr.find(PSTYLE) if ppr is not None else None
    return style.get(VAL) if style is not None else None


def _section_type(sect: etree._Element) -> str:
    kind = sect.find(TYPE)
    return kind.get(VAL, "nextPage") if kind is not None else "nextPage"


def _continues_merge(tcpr: etree._Element | None) -> bool:
    """A vertically (or legacy horizontally) merged cell that continues the
    one before it: its text is shown there, not here."""
    if tcpr is None:
        return False
    return any(m is not None and m.get(VAL, "continue") != "restart"
               for m in (tcpr.find(V_MERGE), tcpr.find(H_MERGE)))


def _int_prop(props: etree._Element | None, tag: str, default: int) -> int:
    el = props.find(tag) if props is not None else None
    val = el.get(VAL, "") if el is not None else ""
    # Bounded so that a hostile gridSpan cannot inflate a row.
    return min(int(val), 64) if val.isdigit() else default


def _has(props: etree._Element | None, tag: str) -> bool:
    return props is not None and props.find(tag) is not None


def _find2(el: etree._Element, tag: str, subtag: str) -> etree._Element | None:
    child = el.find(tag)
    return child.find(subtag) if child is not None else None
