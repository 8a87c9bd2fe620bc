"""ODT reader: content.xml (body) and styles.xml (headers, footers) parsed
with lxml straight from the zip, without following any link or entity.

Reading order, as the DOCX reader: the body, then each distinct header, then
each distinct footer.  Footnotes, endnotes and text boxes become their own
blocks right after the paragraph that anchors them, so their text never
leaks into that paragraph.  Form controls show their value (☒/☐ for boxes)
inside their paragraph; placeholder prompts are dropped.  Pages are
counted from LibreOffice's soft page breaks plus hard breaks in styles; a
document written without soft page breaks (and not known to have a single
page) gets page = None.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from common.limits import Limits
from common.xml import safe_parser
from common.zipguard import member_too_compressed

from . import errors
from .base import register_reader
from .placeholders import strip_placeholders
from .model import TICKED, UNTICKED, Block, Piece

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
}


def q(name: str) -> str:
    """'text:p' -> '{urn:...text:1.0}p' (lxml's Clark notation)."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


P, H = q("text:p"), q("text:h")
LIST, NUMBERED_PARAGRAPH = q("text:list"), q("text:numbered-paragraph")
TABLE, CELL, COVERED_CELL, ROW = (q("table:table"), q("table:table-cell"),
                                  q("table:covered-table-cell"), q("table:table-row"))
ROW_CONTAINERS = {q("table:table-header-rows"), q("table:table-rows"), q("table:table-row-group")}
SOFT_PAGE_BREAK = q("text:soft-page-break")
SPACE, TAB, LINE_BREAK = q("text:s"), q("text:tab"), q("text:line-break")
NOTE, NOTE_BODY = q("text:note"), q("text:note-body")
SECTION = q("text:section")
CONTROL = q("draw:control")
CONTENT_CONTROL = q("loext:content-control")
HIDDEN = {q("text:hidden-text"), q("text:hidden-paragraph")}
DRAW_NS = "{" + NS["draw"] + "}"

# Elements that hold no document text, or text the reader must not see:
# comments (they also carry author names), deleted text of tracked changes,
# index templates, alt-texts, placeholder prompts, ruby annotations.
SKIPPED = {q(n) for n in (
    "office:annotation", "office:annotation-end", "office:forms", "text:tracked-changes",
    "text:sequence-decls", "text:variable-decls", "text:user-field-decls",
    "text:dde-connection-decls", "text:table-of-content-source",
    "text:illustration-index-source", "text:table-index-source", "text:object-index-source",
    "text:user-index-source", "text:alphabetical-index-source", "text:bibliography-source",
    "text:note-citation", "text:placeholder", "text:ruby-text", "text:number",
    # a converted .doc would show the name of our private copy
    "text:file-name",
    "svg:title", "svg:desc", "draw:object", "draw:object-ole", "office:binary-data",
    "table:table-columns", "table:table-column", "table:table-header-columns",
    "table:table-column-group", "table:title", "table:desc",
)}

HEADER_FOOTER = {q("style:header"): "header", q("style:header-left"): "header",
                 q("style:header-first"): "header", q("style:footer"): "footer",
                 q("style:footer-left"): "footer", q("style:footer-first"): "footer"}


MAX_PART_BYTES = 200_000_000
MAX_SPACES = 100               # text:c of one text:s
MAX_REPEAT = 100               # repeated cells or rows actually expanded
MAX_STYLE_DEPTH = 20           # parent-style chains (they may loop)
SPACE_MARK = "\ue000"          # a kept space (text:s), spared by whitespace collapsing
WHITE_SPACE = re.compile(r"[ \t\r\n]+")
MULTI_SPACE = re.compile(r" {2,}")


@register_reader("odt")
def read_odt(path: Path, name: str, limits: Limits) -> Piece:
    piece = Piece(file=name, format="odt")
    try:
        with zipfile.ZipFile(path) as zf:
            if is_encrypted(zf, limits):
                raise errors.encrypted()
            content = parse_part(zf, "content.xml", limits)
            if content is None:
                raise errors.unreadable("Le fichier ODT est incomplet (contenu absent).")
            try:
                styles = parse_part(zf, "styles.xml", limits)
            except etree.XMLSyntaxError:
                styles = None
                piece.warnings.append("Les en-têtes et pieds de page n'ont pas pu être lus.")
            try:
                meta = parse_part(zf, "meta.xml", limits)
            except etree.XMLSyntaxError:
                meta = None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise errors.unreadable("Le fichier ODT est endommagé (archive illisible).") from exc
    except etree.XMLSyntaxError as exc:
        raise errors.unreadable("Le contenu du fichier ODT est endommagé (XML invalide).") from exc
    stored_pages = stored_page_count(meta)
    OdtWalker(piece, content, styles, limits, single_page=stored_pages == 1).read()
    pages = [b.page for b in piece.blocks if b.page is not None]
    piece.pages = stored_pages or (max(pages) if pages else None)
    return piece


def read_part(zf: zipfile.ZipFile, part: str, limits: Limits) -> bytes | None:
    """Bytes of one part, refused before inflating if its declared size is absurd."""
    try:
        info = zf.getinfo(part)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES or member_too_compressed(info, limits.max_zip_ratio):
        raise errors.too_large(
            "Le fichier ODT contient une partie démesurée une fois décompressée "
            "(fichier piégé ou anormal) ; il n'a pas été lu.")
    with zf.open(info) as fh:
        return fh.read(MAX_PART_BYTES + 1)


def parse_part(zf: zipfile.ZipFile, part: str, limits: Limits) -> etree._Element | None:
    data = read_part(zf, part, limits)
    return None if data is None else etree.fromstring(data, safe_parser(strip_comments=True))


def is_encrypted(zf: zipfile.ZipFile, limits: Limits) -> bool:
    """A password-protected ODT lists encryption data in its manifest."""
    data = read_part(zf, "META-INF/manifest.xml", limits)
    if not data:
        return False
    try:
        manifest = etree.fromstring(data, safe_parser(strip_comments=True))
    except etree.XMLSyntaxError:
        return b"encryption-data" in data
    return manifest.find(".//" + q("manifest:encryption-data")) is not None


def stored_page_count(meta: etree._Element | None) -> int | None:
    """The page count the writing application stored at save time."""
    stat = meta.find(".//" + q("meta:document-statistic")) if meta is not None else None
    return (as_int(stat.get(q("meta:page-count"))) or None) if stat is not None else None


def as_int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Styles:
    """Named styles in scope for one part: the document's common styles plus
    that part's automatic ones.  Answers heading levels and page breaks."""

    def __init__(self, *containers: etree._Element | None):
        self.by_name: dict[tuple[str, str], etree._Element] = {}
        for container in containers:
            if container is None:
                continue
            for st in container.iter(q("style:style")):
                self.by_name[(st.get(q("style:family"), ""), st.get(q("style:name"), ""))] = st

    def chain(self, name: str | None, family: str):
        seen = 0
        while name and seen < MAX_STYLE_DEPTH:
            st = self.by_name.get((family, name))
            if st is None:
                return
            yield st
            name = st.get(q("style:parent-style-name"))
            seen += 1

    def heading_level(self, name: str | None) -> int | None:
        for st in self.chain(name, "paragraph"):
            level = as_int(st.get(q("style:default-outline-level")))
            if level > 0:
                return min(level, 10)
            label = (st.get(q("style:display-name")) or st.get(q("style:name"), "")).lower()
            if label in ("title", "titre"):
                return 1
        return None

    def breaks(self, name: str | None, family: str) -> tuple[bool, bool, bool]:
        """(page break before, page break after, starts a new master page)."""
        before = after = None
        new_master = False
        props = q(f"style:{family}-properties")
        for depth, st in enumerate(self.chain(name, family)):
            if depth == 0:  # a master page is set on the element's own style
                new_master = bool(st.get(q("style:master-page-name")))
            pp = st.find(props)
            if pp is not None:
                before = before if before is not None else pp.get(q("fo:break-before"))
                after = after if after is not None else pp.get(q("fo:break-after"))
        return before == "page", after == "page", new_master


def form_controls(body: etree._Element) -> dict[str, str]:
    """Displayed text of each form control, by id (draw:control points to it)."""
    shown: dict[str, str] = {}
    forms = body.find(".//" + q("office:forms"))
    if forms is None:
        return shown
    for ctl in forms.iter():
        ident = ctl.get(q("xml:id")) or ctl.get(q("form:id"))
        if not ident or not isinstance(ctl.tag, str):
            continue
        kind = etree.QName(ctl).localname
        label = ctl.get(q("form:label"), "")
        if kind in ("text", "textarea", "formatted-text", "number", "date", "time", "combobox"):
            shown[ident] = ctl.get(q("form:current-value")) or ctl.get(q("form:value"), "")
        elif kind in ("checkbox", "radio"):
            state = (ctl.get(q("form:current-state")) or ctl.get(q("form:state"))
                     or ctl.get(q("form:current-selected")) or ctl.get(q("form:selected")))
            shown[ident] = (TICKED if state in ("checked", "true") else UNTICKED) + " " + label
        elif kind in ("fixed-text", "frame"):
            shown[ident] = label
        elif kind == "listbox":
            chosen = [o.get(q("form:label"), "") for o in ctl.iter(q("form:option"))
                      if (o.get(q("form:current-selected")) or o.get(q("form:selected"))) == "true"]
            shown[ident] = ", ".join(chosen)
    return shown


class StopReading(Exception):
    """The page limit was reached."""


class OdtWalker:
    def __init__(self, piece: Piece, content: etree._Element, styles_doc: etree._Element | None,
                 limits: Limits, single_page: bool = False):
        self.piece = piece
        self.limits = limits
        body = content.find(q("office:body"))
        self.text_root = body.find(q("office:text")) if body is not None else None
        if self.text_root is None:
            raise errors.unreadable("Le fichier ODT ne contient pas de document texte.")
        common = automatic_master = None
        self.masters = None
        if styles_doc is not None:
            common = styles_doc.find(q("office:styles"))
            automatic_master = styles_doc.find(q("office:automatic-styles"))
            self.masters = styles_doc.find(q("office:master-styles"))
        self.body_styles = Styles(common, content.find(q("office:automatic-styles")))
        self.master_styles = Styles(common, automatic_master)
        self.styles = self.body_styles
        self.controls = form_controls(body)
        self.paged = (single_page or self.text_root.get(q("text:use-soft-page-breaks")) == "true"
                      or self.text_root.find(".//" + SOFT_PAGE_BREAK) is not None)
        self.page: int | None = None
        self.started = False      # a master page on the first block is no break
        self.sink: list[Block] = []

    # -- driving ---------------------------------------------------------------

    def read(self) -> None:
        headers, footers = self.header_footer_blocks()
        body: list[Block] = []
        self.sink, self.styles = body, self.body_styles
        self.page, self.started = (1 if self.paged else None), False
        try:
            self.walk(self.text_root, "body")
        except StopReading:
            n = self.limits.max_pages
            self.piece.warnings.append(
                "Seule la première page du document a été lue." if n == 1 else
                f"Seules les {n} premières pages du document ont été lues.")
        for block in body + headers + footers:
            self.piece.add(block)

    def header_footer_blocks(self) -> tuple[list[Block], list[Block]]:
        """Each distinct header or footer of the master pages, once."""
        found: dict[str, list[Block]] = {"header": [], "footer": []}
        if self.masters is None:
            return found["header"], found["footer"]
        self.styles, self.page = self.master_styles, None
        seen: set[tuple[str, ...]] = set()
        for master in self.masters.iter(q("style:master-page")):
            for part in master:
                source = HEADER_FOOTER.get(part.tag)
                if source is None or part.get(q("style:display")) == "false":
                    continue
                blocks = self.collect(part, source)
                # "Page 3" and "Page 4" are the same footer
                key = (source,) + tuple(re.sub(r"\d+", "#", b.text) for b in blocks)
                if blocks and key not in seen:
                    seen.add(key)
                    found[source].extend(blocks)
        return found["header"], found["footer"]

    def collect(self, el: etree._Element, source: str) -> list[Block]:
        """Blocks of one subtree, in a private sink."""
        outer, self.sink = self.sink, []
        try:
            self.walk(el, source)
            return self.sink
        finally:
            self.sink = outer

    def emit(self, block: Block) -> None:
        if block.text.strip() or block.rows:
            self.sink.append(block)

    def next_page(self) -> None:
        if self.page is None:
            return
        self.page += 1
        if self.page > self.limits.max_pages:
            raise StopReading

    def style_breaks(self, el: etree._Element, family: str) -> bool:
        """Apply a break-before from the element's style; tell if one follows it."""
        attr = q("text:style-name") if family == "paragraph" else q("table:style-name")
        before, after, new_master = self.styles.breaks(el.get(attr), family)
        if (before or new_master) and self.started:
            self.next_page()
        self.started = True
        return after

    # -- block level -----------------------------------------------------------

    def walk(self, parent: etree._Element, source: str, in_list: bool = False) -> None:
        for el in parent:
            tag = el.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag in (P, H):
                self.paragraph(el, source, in_list)
            elif tag == TABLE:
                self.table(el, source)
            elif tag == SOFT_PAGE_BREAK:
                self.next_page()
            elif tag in (LIST, NUMBERED_PARAGRAPH):
                self.walk(el, source, in_list=True)
            elif tag == SECTION and el.get(q("text:display")) == "none":
                continue
            elif tag in HIDDEN and el.get(q("text:is-hidden")) == "true":
                continue
            elif tag.startswith(DRAW_NS) and source == "body":
                self.walk(el, "textbox", in_list)   # a frame anchored to the page
            else:
                self.walk(el, source, in_list)      # sections, index bodies, list items...

    def paragraph(self, el: etree._Element, source: str, in_list: bool) -> None:
        break_after = self.style_breaks(el, "paragraph")
        page = self.page
        style = el.get(q("text:style-name"))
        level = self.styles.heading_level(style)
        if el.tag == H:
            level = min(max(as_int(el.get(q("text:outline-level")), level or 1), 1), 10)
        kind = "heading" if level else ("list_item" if in_list else "paragraph")
        inline = Inline(self)
        inline.collect(el)
        text = clean(inline.parts)
        self.emit(Block(kind, text, page=page, level=level if kind == "heading" else None,
                        source=source))
        for anchored, anchored_source in inline.anchored:
            self.walk(anchored, anchored_source if source == "body" else source)
        if break_after:
            self.next_page()

    def table(self, el: etree._Element, source: str) -> None:
        break_after = self.style_breaks(el, "table")
        page = self.page
        rows: list[list[str]] = []
        after: list[Block] = []    # nested tables, notes, text boxes of the cells
        for row in self.table_rows(el):
            cells: list[str] = []
            for cell in row:
                if cell.tag == CELL:
                    text = self.cell_text(cell, source, after)
                elif cell.tag == COVERED_CELL:
                    text = ""      # merged away: its text shows in the spanning cell
                else:
                    continue
                repeat = min(as_int(cell.get(q("table:number-columns-repeated")), 1), MAX_REPEAT)
                cells.extend([text] * max(repeat, 1))
            while cells and not cells[-1]:
                cells.pop()        # trailing empty cells, often thousands of repeats
            repeat = min(as_int(row.get(q("table:number-rows-repeated")), 1), MAX_REPEAT)
            rows.extend([cells] * (max(repeat, 1) if cells else 1))
        width = max((len(r) for r in rows), default=0)
        if width:
            self.emit(Block("table", "", page=page, source=source,
                            rows=[r + [""] * (width - len(r)) for r in rows]))
        self.sink.extend(after)
        if break_after:
            self.next_page()

    def table_rows(self, el: etree._Element):
        for child in el:
            if child.tag == ROW:
                yield child
            elif child.tag in ROW_CONTAINERS:
                yield from self.table_rows(child)
            elif child.tag == SOFT_PAGE_BREAK:
                self.next_page()

    def cell_text(self, cell: etree._Element, source: str, after: list[Block]) -> str:
        lines = []
        for block in self.collect(cell, source):
            if block.kind != "table" and block.source == source:
                lines.append(block.text)
            else:
                after.append(block)
        return "\n".join(lines)


class Inline:
    """Text of one paragraph, plus the notes and frames anchored in it."""

    def __init__(self, walker: OdtWalker):
        self.walker = walker
        self.parts: list[str] = []
        self.anchored: list[tuple[etree._Element, str]] = []

    def collect(self, el: etree._Element) -> None:
        # ODF: a run of white space in character data counts as one space.
        if el.text:
            self.parts.append(WHITE_SPACE.sub(" ", el.text))
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and tag not in SKIPPED:
                self.element(child, tag)
            if child.tail:
                self.parts.append(WHITE_SPACE.sub(" ", child.tail))

    def element(self, child: etree._Element, tag: str) -> None:
        if tag == SPACE:
            count = as_int(child.get(q("text:c")), 1)
            self.parts.append(SPACE_MARK * min(max(count, 1), MAX_SPACES))
        elif tag == TAB:
            self.parts.append("\t")
        elif tag == LINE_BREAK:
            self.parts.append("\n")
        elif tag == SOFT_PAGE_BREAK:
            self.walker.next_page()
        elif tag == NOTE:
            body = child.find(NOTE_BODY)
            if body is not None:
                note_class = child.get(q("text:note-class"))
                self.anchored.append((body, "endnote" if note_class == "endnote" else "footnote"))
        elif tag == CONTROL:
            shown = self.walker.controls.get(child.get(q("draw:control"), ""), "")
            if shown:
                self.parts.append(f" {shown} ")
        elif tag.startswith(DRAW_NS):
            self.anchored.append((child, "textbox"))
        elif tag == CONTENT_CONTROL and child.get(q("loext:showing-place-holder")) == "true":
            return
        elif tag in HIDDEN and child.get(q("text:is-hidden")) == "true":
            return
        else:              # spans, links, fields (their displayed text), bookmarks...
            self.collect(child)


def clean(parts: list[str]) -> str:
    """Join a paragraph's pieces: spaces of adjacent runs merge, kept spaces
    (text:s) are restored, placeholder prompts and soft hyphens go."""
    text = MULTI_SPACE.sub(" ", strip_placeholders("".join(parts)))
    return text.replace(SPACE_MARK, " ").replace("\u00ad", "").strip()
