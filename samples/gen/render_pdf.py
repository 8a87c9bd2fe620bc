"""Doc -> PDF with reportlab: letterhead on the first page, one or two
columns, ruled tables, a handwritten signature and an official stamp."""
from __future__ import annotations

import random
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether,
                                NextPageTemplate, PageBreak, PageTemplate, Paragraph)
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from .doc import (Bullets, Check, Ctl, Doc, Field, Heading, Para, Signature, Spacer, Table,
                  TextBox, cell_text)
from .doc import PageBreak as DocPageBreak

rl_config.invariant = 1  # no timestamps or random ids: same bytes for the same content
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


def _register_fonts() -> None:
    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    for family, stem in (("DejaVuSans", "DejaVuSans"), ("DejaVuSerif", "DejaVuSerif")):
        italic = "Oblique" if family == "DejaVuSans" else "Italic"
        pdfmetrics.registerFont(TTFont(family, DEJAVU / f"{stem}.ttf"))
        pdfmetrics.registerFont(TTFont(f"{family}-Bold", DEJAVU / f"{stem}-Bold.ttf"))
        pdfmetrics.registerFont(TTFont(f"{family}-Italic", DEJAVU / f"{stem}-{italic}.ttf"))
        pdfmetrics.registerFont(TTFont(f"{family}-BoldItalic", DEJAVU / f"{stem}-Bold{italic}.ttf"))
        pdfmetrics.registerFontFamily(family, normal=family, bold=f"{family}-Bold",
                                      italic=f"{family}-Italic", boldItalic=f"{family}-BoldItalic")


class Scribble(Flowable):
    """A handwritten signature: a few joined curves."""

    def __init__(self, rng: random.Random, width: float = 4 * cm, height: float = 1.4 * cm,
                 hAlign: str = "RIGHT"):
        super().__init__()
        self.width, self.height, self.hAlign = width, height, hAlign
        self.points = [(rng.uniform(0, 1), rng.uniform(0.1, 0.9)) for _ in range(rng.randint(4, 6))]

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(colors.HexColor("#1a2a6c"))
        c.setLineWidth(1.3)
        path = c.beginPath()
        pts = sorted(self.points)
        path.moveTo(pts[0][0] * self.width, pts[0][1] * self.height)
        for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
            path.curveTo(x1 * self.width + 10, y1 * self.height + 12, x2 * self.width - 10,
                         y2 * self.height - 12, x2 * self.width, y2 * self.height)
        c.drawPath(path, stroke=1, fill=0)


class Stamp(Flowable):
    """A round official stamp, slightly tilted, text in two lines."""

    def __init__(self, text: str, rng: random.Random, hAlign: str = "RIGHT"):
        super().__init__()
        self.text, self.width, self.height, self.hAlign = text, 3.2 * cm, 3.2 * cm, hAlign
        self.angle = rng.uniform(-18, 18)

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.translate(self.width / 2, self.height / 2)
        c.rotate(self.angle)
        c.setStrokeColor(colors.HexColor("#2b4aa0"))
        c.setFillColor(colors.HexColor("#2b4aa0"))
        c.setLineWidth(1.5)
        c.circle(0, 0, self.width / 2 - 2)
        c.circle(0, 0, self.width / 2 - 6)
        words = self.text.split()
        half = (len(words) + 1) // 2
        c.setFont("DejaVuSans-Bold", 6)
        c.drawCentredString(0, 4, " ".join(words[:half]))
        c.drawCentredString(0, -8, " ".join(words[half:]))
        c.restoreState()


class PdfWriter:
    def __init__(self, doc: Doc, rng: random.Random):
        _register_fonts()
        self.doc, self.rng = doc, rng
        family = "DejaVuSerif" if doc.font == "serif" else "DejaVuSans"
        self.family = family
        size = rng.choice([9.5, 10, 10.5]) if doc.layout == "single" else 9
        self.body = ParagraphStyle("body", fontName=family, fontSize=size, leading=size * 1.3,
                                   alignment=TA_JUSTIFY, spaceAfter=5)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=size - 1, leading=(size - 1) * 1.25,
                                   alignment=TA_LEFT, spaceAfter=0)
        self.h = {1: ParagraphStyle("h1", parent=self.body, fontName=f"{family}-Bold", fontSize=size + 3,
                                    leading=(size + 3) * 1.3, spaceBefore=10, spaceAfter=6, alignment=TA_LEFT),
                  2: ParagraphStyle("h2", parent=self.body, fontName=f"{family}-Bold", fontSize=size + 1,
                                    leading=(size + 1) * 1.3, spaceBefore=6, spaceAfter=4, alignment=TA_LEFT)}
        self.head_height = 0.0

    # --- page furniture

    def _first_page(self, canvas, _doc) -> None:
        canvas.saveState()
        head = self.doc.letterhead
        if head:
            top = A4[1] - 1.5 * cm
            for i, line in enumerate(head.lines):
                canvas.setFont(f"{self.family}-Bold" if i == 0 else self.family, 11 if i == 0 else 8)
                canvas.drawString(2 * cm, top - i * 12, line)
            for i, line in enumerate(head.right):
                canvas.setFont(self.family, 8)
                canvas.drawRightString(A4[0] - 2 * cm, top - i * 11, line)
            canvas.setLineWidth(0.6)
            y = top - max(len(head.lines), len(head.right)) * 12 - 4
            canvas.line(2 * cm, y, A4[0] - 2 * cm, y)
        canvas.restoreState()
        self._footer(canvas, _doc)

    def _footer(self, canvas, doc) -> None:
        canvas.saveState()
        if self.doc.running_header and doc.page > 1:
            canvas.setFont(f"{self.family}-Bold", 8)
            canvas.drawString(2 * cm, A4[1] - 1.3 * cm, self.doc.running_header)
            canvas.setLineWidth(0.4)
            canvas.line(2 * cm, A4[1] - 1.45 * cm, A4[0] - 2 * cm, A4[1] - 1.45 * cm)
        canvas.setFont(self.family, 7.5)
        if self.doc.footer:
            canvas.drawCentredString(A4[0] / 2, 1.2 * cm, self.doc.footer)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"{doc.page}")
        canvas.restoreState()

    def _frames(self, top_gap: float) -> list[Frame]:
        width, height = A4
        x0, y0 = 2 * cm, 2 * cm
        w, h = width - 4 * cm, height - 4 * cm - top_gap
        if self.doc.layout == "two-column":
            gap = 0.8 * cm
            col = (w - gap) / 2
            return [Frame(x0, y0, col, h, id="c1"), Frame(x0 + col + gap, y0, col, h, id="c2")]
        return [Frame(x0, y0, w, h, id="body")]

    def render(self, path: Path, encrypt=None) -> None:
        head = self.doc.letterhead
        gap = (max(len(head.lines), len(head.right)) * 12 + 0.6 * cm) if head else 0
        template = BaseDocTemplate(str(path), pagesize=A4, title=self.doc.title, author=self.doc.author,
                                   encrypt=encrypt)
        template.addPageTemplates([
            PageTemplate("first", self._frames(gap), onPage=self._first_page),
            PageTemplate("later", self._frames(0), onPage=self._footer)])
        self.col_width = template.pageTemplates[0].frames[0]._width
        story = [NextPageTemplate("later")]
        for block in self.doc.blocks:
            story += self._block(block)
        template.build(story)

    # --- blocks

    def _p(self, text: str, style: ParagraphStyle, bold=False, italic=False) -> Paragraph:
        t = escape(text).replace("\n", "<br/>")
        if bold:
            t = f"<b>{t}</b>"
        if italic:
            t = f"<i>{t}</i>"
        return Paragraph(t, style)

    def _block(self, b) -> list:
        if isinstance(b, Heading):
            style = self.h[min(b.level, 2)]
            text = b.text.upper() if b.look == "caps" else b.text
            if b.look == "bold":
                style = ParagraphStyle("hb", parent=self.body, fontName=f"{self.family}-Bold",
                                       alignment=TA_LEFT, spaceBefore=6)
            return [CondPageBreak(2 * cm), self._p(text, style)]
        if isinstance(b, Para):
            style = ParagraphStyle("p", parent=self.body, alignment=ALIGN[b.align],
                                   leftIndent=b.indent * cm * (0.5 if self.doc.layout == "two-column" else 1),
                                   spaceAfter=0 if b.indent else self.body.spaceAfter)
            if b.size:
                style.fontSize, style.leading = b.size, b.size * 1.3
            if b.bold_spans:
                markup = escape(b.text)
                for span in sorted(b.bold_spans, key=len, reverse=True):
                    markup = markup.replace(escape(span), f"<b>{escape(span)}</b>", 1)
                return [Paragraph(markup, style)]
            return [self._p(b.text, style, b.bold, b.italic)]
        if isinstance(b, Field):
            value = escape(b.ctl.text)
            if b.ctl.value is None:
                value = f'<font color="#808080">{value}</font>'
            return [Paragraph(f"<b>{escape(b.label)} :</b> {value}", self.body)]
        if isinstance(b, Check):
            return [self._p(cell_text(b), self.body)]
        if isinstance(b, Bullets):
            return [Paragraph(escape(item), ParagraphStyle("li", parent=self.body, leftIndent=14,
                                                           bulletIndent=4),
                              bulletText=(f"{i}." if b.numbered else b.marker))
                    for i, item in enumerate(b.items, 1)]
        if isinstance(b, Table):
            return [self._table(b), RLSpacer(1, 6)]
        if isinstance(b, Signature):
            return [self._signature(b)]
        if isinstance(b, TextBox):  # what a text box prints as: a framed block
            box = RLTable([[[self._p(p.text, self.cell, p.bold, p.italic) for p in b.paras]]],
                          colWidths=[self.col_width * 0.9])
            box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
            return [box, RLSpacer(1, 6)]
        if isinstance(b, Spacer):
            return [RLSpacer(1, b.height * cm)]
        if isinstance(b, DocPageBreak):
            return [PageBreak()]
        raise TypeError(b)

    def _table(self, t: Table) -> RLTable:
        cols = max(len(r) for r in t.rows)
        widths = t.widths or [1] * cols
        total = sum(widths)
        col_widths = [self.col_width * w / total for w in widths]
        data = []
        for i, row in enumerate(t.rows):
            cells = []
            for j, cell in enumerate(row):
                bold = (t.header and i == 0) or (not t.header and j == 0)
                if isinstance(cell, Ctl) and cell.value is None:
                    cells.append(Paragraph(f'<font color="#808080">{escape(cell.text)}</font>', self.cell))
                else:
                    cells.append(self._p(cell_text(cell), self.cell, bold=bold))
            data.append(cells + [""] * (cols - len(cells)))
        table = RLTable(data, colWidths=col_widths, repeatRows=1 if t.header else 0)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
        if t.ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        if t.header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
        elif t.ruled:
            style.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")))
        table.setStyle(TableStyle(style))
        return table

    def _signature(self, s: Signature):
        align = "RIGHT" if s.align == "right" else "LEFT"
        style = ParagraphStyle("sig", parent=self.body, alignment=ALIGN[s.align], spaceAfter=2)
        parts = []
        if s.place_date:
            parts.append(self._p(s.place_date, style))
        lines = [line for line in s.lines if line]
        if lines:
            parts.append(self._p(lines[0], style))
        if s.signed:
            parts.append(Scribble(self.rng, hAlign=align))
        elif s.stamp is None:
            parts.append(RLSpacer(1, 1.2 * cm))
        parts += [self._p(line, style) for line in lines[1:]]
        if s.stamp:
            parts.append(Stamp(s.stamp, self.rng, hAlign="CENTER" if align == "RIGHT" else "RIGHT"))
        return KeepTogether(parts)


def render_pdf(doc: Doc, path: Path, rng: random.Random, encrypt=None) -> None:
    PdfWriter(doc, rng).render(path, encrypt=encrypt)
