"""The PDF reader on documents laid out as writers lay them out (reportlab's
platypus here): people tables without rules in a narrow column, tables
broken by a page, words broken in narrow cells, centred titles and
justified narrow columns."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from common.limits import Limits
from extractors.pdf_reader import read_pdf

W, H = A4
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=11.5, alignment=TA_JUSTIFY,
                      spaceAfter=6)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=16, leading=20, alignment=TA_CENTER,
                       spaceAfter=8)
HEAD = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=4)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
HEADER_CELL = ParagraphStyle("hcell", parent=CELL, fontName="Helvetica-Bold")
PROSE = ("La collectivité conduit depuis quinze ans des actions de coopération décentralisée avec "
         "plusieurs communes partenaires ; ses services ont accompagné la structuration de l'offre "
         "touristique locale, la création de circuits et la formation des agents d'accueil. ")


def build(path: Path, story: list, columns: int = 1) -> Path:
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=56, rightMargin=56, topMargin=56,
                          bottomMargin=56)
    gap = 24
    width = (doc.width - gap * (columns - 1)) / columns
    frames = [Frame(doc.leftMargin + k * (width + gap), doc.bottomMargin, width, doc.height, id=f"c{k}")
              for k in range(columns)]
    doc.addPageTemplates([PageTemplate(frames=frames)])
    doc.build(story)
    return path


def people(rows: list[list[str]], widths: list[float], ruled: bool = False, repeat: int = 0) -> Table:
    cells = [[Paragraph(c, HEADER_CELL if i == 0 else CELL) for c in row] for i, row in enumerate(rows)]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    return Table(cells, colWidths=widths, style=TableStyle(style), repeatRows=repeat)


def read(path: Path):
    return read_pdf(path, path.name, Limits())


def tables(piece) -> list[list[list[str]]]:
    return [b.rows for b in piece.blocks if b.kind == "table"]


def test_a_team_of_one_in_a_borderless_table_of_a_narrow_column_is_a_table(tmp_path):
    """Two columns; under its heading the left one holds a borderless table
    of one expert, the right one the text that follows: the table is read
    as a table, and the right column's text is not taken into its last row."""
    story = [Paragraph("Dossier de candidature", TITLE), Paragraph("I. Présentation", HEAD),
             Paragraph(PROSE * 4, BODY), Paragraph("IV. Personnes ressources", HEAD),
             Paragraph("L'équipe proposée réunit 1 personne :", BODY),
             people([["Identité", "Fonction et employeur", "Diplômes et expérience"],
                     ["Mme Marie-Pierre PERRIN", "Maître verrière, formatrice, Centre international du vitrail",
                      "6 ans d'expérience dans la restauration du patrimoine"]], [65, 75, 75]),
             Spacer(1, 400), Paragraph("V. Nos engagements", HEAD),
             Paragraph("La Ville sollicite le label et accepte de travailler avec le ministère.", BODY)]
    piece = read(build(tmp_path / "deux.pdf", story, columns=2))
    assert tables(piece) == [[
        ["Identité", "Fonction et employeur", "Diplômes et expérience"],
        ["Mme Marie-Pierre PERRIN", "Maître verrière, formatrice, Centre international du vitrail",
         "6 ans d'expérience dans la restauration du patrimoine"]]]
    texts = [b.text for b in piece.blocks]
    assert "V. Nos engagements" in texts


def test_words_too_long_for_a_narrow_cell_are_mended_and_words_wrapped_normally_kept_apart(tmp_path):
    """reportlab, like word processors, breaks a word wider than its column
    without a hyphen ('KERGAR' / 'IOU'); two words wrapped normally stay
    two words when the first one fills the column and the second one is a
    word seen elsewhere on the page ('finances' / 'publiques')."""
    rows = [["Nom", "Prénom", "Fonction", "Qualifications"],
            ["de KERGARIOU", "Nabil", "Responsable de l'office de tourisme",
             "Maître de conférences en finances publiques"],
            ["FAURE", "Martine", "Enseignante-chercheuse", "17 ans d'expérience dans l'aménagement urbain"]]
    for ruled in (False, True):
        story = [Paragraph("Personnes ressources", HEAD),
                 Paragraph(PROSE + "Elle a conduit la réforme des finances publiques locales.", BODY),
                 people(rows, [57, 57, 57, 57], ruled=ruled)]
        piece = read(build(tmp_path / f"etroit-{ruled}.pdf", story))
        assert tables(piece) == [rows], ruled


def test_a_table_broken_by_a_page_is_one_table(tmp_path):
    """A long table, ruled or not, runs onto the next page, its header
    repeated there or not: one table with every row."""
    names = ["ROY", "LEROY", "MARTIN", "BERNARD", "PETIT", "DURAND", "LEFÈVRE", "MOREAU", "SIMON", "LAURENT",
             "MICHEL", "GARCIA", "DAVID", "BERTRAND"]
    jobs = ["Directrice", "Juriste", "Ingénieur", "Chargée de mission", "Technicien", "Architecte", "Urbaniste"]
    rows = [["Nom", "Prénom", "Fonction", "Qualifications"]] + [
        [name, ["Anne", "Paul", "Léa", "Marc"][k % 4], jobs[k % len(jobs)], f"{k + 3} ans d'expérience en {name.lower()}"]
        for k, name in enumerate(names)]
    for repeat, ruled in ((0, True), (1, True), (0, False), (1, False)):
        story = [Paragraph("Personnes ressources", HEAD), Paragraph(PROSE * 9, BODY), Spacer(1, 380),
                 people(rows, [100, 80, 140, 140], ruled=ruled, repeat=repeat),
                 Paragraph("V. Engagements", HEAD)]
        piece = read(build(tmp_path / f"pages-{repeat}-{ruled}.pdf", story))
        assert [b.page for b in piece.blocks if b.text == "V. Engagements"] == [2]   # the table did break
        assert tables(piece) == [rows], (repeat, ruled)
        assert {b.page for b in piece.blocks if b.kind == "table"} == {1}


def test_a_row_cut_by_the_page_break_is_joined_to_its_start(tmp_path):
    """Word processors let a row break across pages: the part on the next
    page has an empty first cell and ends the row above."""
    from reportlab.pdfgen import canvas

    def table(c, top: float, rows: list[list[str]]) -> None:
        xs, height = [56, 200, 340, W - 56], 20
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                c.drawString(xs[k] + 4, top - r * height - 14, cell)
        for r in range(len(rows) + 1):
            c.line(xs[0], top - r * height, xs[-1], top - r * height)
        for x in xs:
            c.line(x, top, x, top - len(rows) * height)

    path = tmp_path / "ligne.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(56, H - 80, "Les experts mobilisables sont les suivants :")
    table(c, 200, [["Nom", "Fonction", "Qualifications"], ["Anne ROY", "Directrice des", "Master de"]])
    c.showPage()
    c.setFont("Helvetica", 10)
    table(c, H - 100, [["", "services techniques", "droit public"], ["Paul LEROY", "Juriste", "Doctorat"]])
    c.drawString(56, H - 200, "Fait à Lyon, le 3 mars 2024.")
    c.showPage()
    c.save()
    assert tables(read(path)) == [[["Nom", "Fonction", "Qualifications"],
                                   ["Anne ROY", "Directrice des services techniques", "Master de droit public"],
                                   ["Paul LEROY", "Juriste", "Doctorat"]]]


def test_tables_on_following_pages_with_other_columns_stay_apart(tmp_path):
    rows_a = [["Nom", "Fonction", "Qualifications"], ["Anne ROY", "Directrice", "Master"]]
    rows_b = [["Poste", "Montant"], ["Études", "1 000"]]
    story = [Paragraph(PROSE * 9, BODY), Spacer(1, 380), people(rows_a, [150, 150, 150], ruled=True),
             people(rows_b, [200, 200], ruled=True)]
    piece = read(build(tmp_path / "deux-tableaux.pdf", story))
    assert tables(piece) == [rows_a, rows_b]


def test_a_centred_title_and_justified_narrow_columns_keep_their_paragraphs(tmp_path):
    story = [Paragraph("Association nationale des élus du littoral", TITLE),
             Paragraph(PROSE, BODY), Paragraph(PROSE.replace("quinze", "vingt"), BODY)]
    piece = read(build(tmp_path / "titre.pdf", story, columns=2))
    kinds = [(b.kind, b.text[:40]) for b in piece.blocks if b.source == "body"]
    assert kinds[0] == ("heading", "Association nationale des élus du littor")
    assert [k for k, _ in kinds] == ["heading", "paragraph", "paragraph"]
