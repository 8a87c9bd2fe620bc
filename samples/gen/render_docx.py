"""Doc -> DOCX with python-docx, the way Word users write: real heading
styles or bold paragraphs, letterheads in the page header, ruled tables, and
forms made of content controls (placeholders left in, tick boxes)."""
from __future__ import annotations

import io
import random
import re
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor
from PIL import Image, ImageDraw

from .doc import (Bullets, Check, Ctl, Doc, Field, Heading, PageBreak, Para, Signature, Spacer,
                  Table, TextBox, cell_text)
from .package import ZIP_TIME

ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
TEXTBOX_NS = " ".join(f'xmlns:{k}="{v}"' for k, v in {
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml", "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word"}.items())
FONTS = {"sans": ["Calibri", "Arial", "Marianne"], "serif": ["Times New Roman", "Garamond", "Cambria"]}


def signature_png(rng: random.Random, width: int = 360, height: int = 120) -> bytes:
    """A handwritten-looking scribble, deterministic for the rng."""
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    x, y = 20, height // 2
    points = [(x, y)]
    for _ in range(rng.randint(7, 11)):
        x += rng.randint(18, 40)
        y = max(15, min(height - 15, y + rng.randint(-35, 35)))
        points.append((x, y))
    draw.line(points, fill=20, width=3, joint="curve")
    draw.line([(points[1][0], height - 30), (points[-1][0], height - 38)], fill=40, width=2)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


class DocxWriter:
    def __init__(self, doc: Doc, rng: random.Random):
        self.doc = doc
        self.rng = rng
        self.d = Document()
        self._sdt_id = 1000 + rng.randint(0, 5000)
        self._setup()

    def _setup(self) -> None:
        d, doc = self.d, self.doc
        normal = d.styles["Normal"]
        normal.font.name = self.rng.choice(FONTS[doc.font])
        normal.font.size = Pt(self.rng.choice([10, 10.5, 11, 11, 12]))
        placeholder = d.styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
        placeholder.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
        if doc.french_styles:
            for level in (1, 2, 3):
                d.styles[f"Heading {level}"].style_id = f"Titre{level}"
        props = d.core_properties
        props.title = doc.title
        props.author = doc.author
        props.last_modified_by = doc.author
        stamp = datetime(2024, 1, 1, 9, 0, 0) if doc.created is None else datetime.combine(
            doc.created, datetime.min.time()).replace(hour=9)
        props.created = stamp
        props.modified = stamp
        props.revision = self.rng.randint(1, 9)
        section = d.sections[0]
        section.left_margin = section.right_margin = Cm(self.rng.choice([2, 2.2, 2.5]))

    def render(self) -> bytes:
        doc = self.doc
        if doc.letterhead:
            in_header = self.rng.random() < 0.6
            self._letterhead(self.d.sections[0].header if in_header else self.d, doc.letterhead)
        if doc.footer:
            p = self.d.sections[0].footer.paragraphs[0]
            p.text = doc.footer
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in p.runs:
                r.font.size = Pt(8)
        for block in doc.blocks:
            self._block(block)
        out = io.BytesIO()
        self.d.save(out)
        return _fixed_times(out.getvalue())

    # --- blocks

    def _letterhead(self, container, head) -> None:
        table = container.add_table(rows=1, cols=2, **({"width": Cm(17)} if container is not self.d else {}))
        left, right = table.rows[0].cells
        for i, line in enumerate(head.lines):
            p = left.paragraphs[0] if i == 0 else left.add_paragraph()
            run = p.add_run(line)
            run.bold = i == 0
            run.font.size = Pt(11 if i == 0 else 8.5)
        for i, line in enumerate(head.right):
            p = right.paragraphs[0] if i == 0 else right.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.add_run(line).font.size = Pt(8.5)
        if container is self.d:
            self.d.add_paragraph()

    def _block(self, b) -> None:
        d = self.d
        if isinstance(b, Heading):
            if b.look == "style":
                d.add_heading(b.text, level=min(b.level, 3))
            else:
                p = d.add_paragraph()
                run = p.add_run(b.text.upper() if b.look == "caps" else b.text)
                run.bold = True
                if b.level == 1:
                    run.font.size = Pt(12)
                p.paragraph_format.space_before = Pt(10)
                p.paragraph_format.keep_with_next = True
        elif isinstance(b, Para):
            p = d.add_paragraph()
            for text, strong in _runs(b):
                run = p.add_run(text)
                run.bold, run.italic = b.bold or strong, b.italic
                if b.size:
                    run.font.size = Pt(b.size)
            p.alignment = ALIGN[b.align]
            if b.indent:
                p.paragraph_format.left_indent = Cm(b.indent)
                p.paragraph_format.space_after = Pt(0)
        elif isinstance(b, Field):
            p = d.add_paragraph()
            p.add_run(f"{b.label} : ").bold = True
            self._control(p, b.ctl)
        elif isinstance(b, Check):
            p = d.add_paragraph()
            self._check(p, b)
        elif isinstance(b, Bullets):
            for item in b.items:
                if b.numbered:
                    d.add_paragraph(item, style="List Number")
                elif b.marker == "•":
                    d.add_paragraph(item, style="List Bullet")
                else:
                    p = d.add_paragraph(f"{b.marker} {item}")
                    p.paragraph_format.left_indent = Cm(0.6)
        elif isinstance(b, Table):
            self._table(b)
        elif isinstance(b, Signature):
            self._signature(b)
        elif isinstance(b, Spacer):
            d.add_paragraph()
        elif isinstance(b, PageBreak):
            d.add_page_break()
        elif isinstance(b, TextBox):
            self._textbox(b)

    def _table(self, t: Table) -> None:
        cols = max(len(r) for r in t.rows)
        table = self.d.add_table(rows=len(t.rows), cols=cols)
        if t.ruled:
            table.style = self.d.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, row in enumerate(t.rows):
            for j, cell in enumerate(row):
                para = table.cell(i, j).paragraphs[0]
                if isinstance(cell, Ctl):
                    self._control(para, cell)
                elif isinstance(cell, Check):
                    self._check(para, cell)
                else:
                    run = para.add_run(cell)
                    run.bold = (t.header and i == 0) or (not t.header and j == 0)
                    run.font.size = Pt(9.5)
        if t.widths:
            total = sum(t.widths)
            for j, w in enumerate(t.widths):
                for cell in table.columns[j].cells:
                    cell.width = Cm(16.5 * w / total)
        self.d.add_paragraph()

    def _signature(self, s: Signature) -> None:
        align = ALIGN[s.align]
        if s.place_date:
            p = self.d.add_paragraph(s.place_date)
            p.alignment = align
        for i, line in enumerate(s.lines):
            if not line:
                continue
            p = self.d.add_paragraph(line)
            p.alignment = align
            p.paragraph_format.space_after = Pt(0)
            if i == 0 and s.signed:
                pic = self.d.add_paragraph()
                pic.alignment = align
                pic.add_run().add_picture(io.BytesIO(signature_png(self.rng)), width=Cm(3.2))

    def _textbox(self, box: TextBox) -> None:
        """A floating text box as Word writes it: a DrawingML shape, with its
        VML copy as the fallback for older readers (the text is there twice)."""
        emu_pt = 12700
        lines = sum(1 + len(p.text) // 95 for p in box.paras)
        width, height = 5_400_000, (lines * 15 + 14) * emu_pt
        paras = "".join(
            '<w:p><w:pPr><w:spacing w:after="60"/></w:pPr><w:r><w:rPr>'
            + ("<w:b/>" if p.bold else "") + ("<w:i/>" if p.italic else "")
            + f'<w:sz w:val="19"/></w:rPr><w:t xml:space="preserve">{_xml_escape(p.text)}</w:t></w:r></w:p>'
            for p in box.paras)
        n = self._next_id()
        name = f"Zone de texte {n}"
        xml = (
            f'<w:r {nsdecls("w", "wp", "a")} {TEXTBOX_NS}><mc:AlternateContent>'
            '<mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
            f'relativeHeight="{251659264 + n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:wrapTopAndBottom/><wp:docPr id="{n}" name="{name}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
            f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
            '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>'
            '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
            'anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
            f'<v:shape id="{name}" o:spid="_x0000_s{1025 + n}" type="#_x0000_t202" '
            f'style="position:absolute;margin-left:0;margin-top:0;width:{width / emu_pt:.0f}pt;'
            f'height:{height / emu_pt:.0f}pt;z-index:{251659264 + n};mso-wrap-style:square" strokeweight=".75pt">'
            f'<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{paras}</w:txbxContent></v:textbox>'
            '<w10:wrap type="topAndBottom"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
        anchor = self.d.add_paragraph()
        anchor._p.append(parse_xml(xml))

    # --- content controls

    def _next_id(self) -> int:
        self._sdt_id += 1
        return self._sdt_id

    def _control(self, paragraph, ctl: Ctl) -> None:
        """A plain-text content control; a placeholder one when ctl.value is None."""
        text = _xml_escape(ctl.text)
        if ctl.value is None:
            pr = "<w:showingPlcHdr/>"
            rpr = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
        else:
            pr, rpr = "", ""
        xml = (f'<w:sdt {nsdecls("w")}><w:sdtPr><w:id w:val="{self._next_id()}"/>{pr}<w:text/></w:sdtPr>'
               f'<w:sdtContent><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:sdtContent></w:sdt>')
        paragraph._p.append(parse_xml(xml))

    def _check(self, paragraph, c: Check) -> None:
        if c.control:
            checked = "1" if c.ticked else "0"
            code = {"☒": "2612", "☑": "2611"}[c.glyph]
            xml = (f'<w:sdt {nsdecls("w", "w14")}><w:sdtPr><w:id w:val="{self._next_id()}"/>'
                   f'<w14:checkbox><w14:checked w14:val="{checked}"/>'
                   f'<w14:checkedState w14:val="{code}" w14:font="MS Gothic"/>'
                   f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
                   f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" '
                   f'w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>{c.mark}</w:t></w:r>'
                   f'</w:sdtContent></w:sdt>')
            paragraph._p.append(parse_xml(xml))
            paragraph.add_run(f" {c.text}")
        else:
            paragraph.add_run(cell_text(c))


def _fixed_times(docx: bytes) -> bytes:
    """Re-zip with fixed entry times: the same document gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), src.read(info), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _runs(b: Para) -> list[tuple[str, bool]]:
    """The paragraph cut into (text, bold) runs at its bold phrases; one run without any."""
    if not b.bold_spans:
        return [(b.text, False)]
    pattern = "(" + "|".join(re.escape(s) for s in sorted(b.bold_spans, key=len, reverse=True)) + ")"
    return [(part, part in b.bold_spans) for part in re.split(pattern, b.text) if part]


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_docx(doc: Doc, path: Path, rng: random.Random) -> None:
    path.write_bytes(DocxWriter(doc, rng).render())
