"""The PDF reader on PDFs generated here (reportlab, Pillow) and on the
real-world corpus: reading order, tables, rotation, headings, lists,
running headers, OCR of scans and of unmapped fonts, passwords, damage."""
from __future__ import annotations

import csv
import time
import zlib
from collections import Counter
from pathlib import Path

import pytest
from PIL import ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.ttfonts import TTFontFile
from reportlab.pdfgen import canvas

from common.limits import Limits
from extractors.base import read_piece
from extractors.pdf_layout import join_lines
from extractors.pdf_reader import read_pdf
from test_ocr import FONT, FRENCH, cer, page_image

W, H = A4
LIMITS = Limits()
LEFT = [f"Phrase gauche {i} : l'expert a conduit la mission de coopération technique "
        "avec rigueur, méthode et sens du dialogue." for i in range(1, 7)]
RIGHT = [f"Phrase droite {i} : les partenaires locaux ont validé les recommandations "
         "formulées pendant l'atelier de restitution." for i in range(1, 7)]
TEAM = [["Nom", "Fonction", "Qualifications"],
        ["Amélie Durand", "Cheffe de mission", "Doctorat en hydrologie"],
        ["Bruno Lefèvre", "Expert juridique", "Master en droit public"],
        ["Chloé Martin", "Experte genre", "Quinze ans d'expérience"]]


def write(c: canvas.Canvas, text: str, x: float, y: float, width: float,
          font: str = "Helvetica", size: float = 10, leading: float = 12.5) -> float:
    """Typeset `text` in a column; returns the next baseline."""
    c.setFont(font, size)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line)
        y -= leading
    return y


def two_columns(c: canvas.Canvas, title: str = "Rapport de mission") -> None:
    c.setFont("Helvetica-Bold", 18)
    c.drawString(56, H - 80, title)
    col = (W - 2 * 56 - 24) / 2
    yl = yr = H - 120
    for left, right in zip(LEFT, RIGHT):
        yl = write(c, left, 56, yl, col) - 6
        yr = write(c, right, 56 + col + 24, yr, col) - 6


def ruled_table(c: canvas.Canvas, rows: list[list[str]], top: float) -> None:
    xs, height = [56, 200, 340, W - 56], 20
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            c.drawString(xs[k] + 4, top - r * height - 14, cell)
    for r in range(len(rows) + 1):
        c.line(xs[0], top - r * height, xs[-1], top - r * height)
    for x in xs:
        c.line(x, top, x, top - len(rows) * height)


def make_pdf(path: Path, *pages, **kwargs) -> Path:
    """A PDF with one page per drawing function."""
    c = canvas.Canvas(str(path), pagesize=A4, **kwargs)
    for draw in pages:
        draw(c)
        c.showPage()
    c.save()
    return path


def test_two_columns_are_read_one_after_the_other(tmp_path):
    piece = read_pdf(make_pdf(tmp_path / "cols.pdf", two_columns), "cols.pdf", LIMITS)
    texts = [b.text for b in piece.blocks]
    assert texts[0] == "Rapport de mission"
    assert texts[1:] == LEFT + RIGHT   # one paragraph per sentence, none interleaved
    assert [b.page for b in piece.blocks] == [1] * 13


def test_ruled_table_is_a_table_and_its_cells_leave_the_text(tmp_path):
    def page(c):
        write(c, "L'équipe proposée pour la mission est la suivante.", 56, H - 80, W - 112)
        ruled_table(c, TEAM, H - 100)
        write(c, "Elle sera mobilisée dès la signature de la convention.", 56, H - 220, W - 112)
    piece = read_pdf(make_pdf(tmp_path / "table.pdf", page), "table.pdf", LIMITS)
    assert [b.kind for b in piece.blocks] == ["paragraph", "table", "paragraph"]
    assert piece.blocks[1].rows == TEAM
    assert piece.blocks[1].text.splitlines()[1] == ("Amélie Durand | Cheffe de mission | "
                                                    "Doctorat en hydrologie")
    prose = " ".join(b.text for b in piece.blocks if b.kind != "table")
    assert "Durand" not in prose and "Lefèvre" not in prose


def test_two_columns_then_a_table_under_both(tmp_path):
    def page(c):
        two_columns(c)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(56, 330, "Équipe proposée")
        ruled_table(c, TEAM, 310)
    piece = read_pdf(make_pdf(tmp_path / "mixed.pdf", page), "mixed.pdf", LIMITS)
    texts = [b.text for b in piece.blocks]
    assert texts[1:13] == LEFT + RIGHT
    assert texts[13] == "Équipe proposée" and piece.blocks[13].kind == "heading"
    assert piece.blocks[14].rows == TEAM


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_reads_normally(tmp_path, rotation):
    def page(c):
        c.setPageRotation(rotation)   # reportlab then swaps the MediaBox for 90 and 270
        write(c, "Cette page est tournée mais son texte doit rester lisible.", 72, 500, 400)
        write(c, "Deuxième paragraphe de la page tournée.", 72, 460, 400)
    piece = read_pdf(make_pdf(tmp_path / "rot.pdf", page), "rot.pdf", LIMITS)
    assert [b.text for b in piece.blocks] == [
        "Cette page est tournée mais son texte doit rester lisible.",
        "Deuxième paragraphe de la page tournée."]


def test_text_running_vertically_reads_normally(tmp_path):
    def page(c):
        c.rotate(90)   # a landscape table typeset sideways on a portrait page
        write(c, "Ce tableau est composé à la verticale sur une page en portrait.", 100, -100, 500)
        write(c, "Sa seconde ligne suit la première.", 100, -140, 500)
    piece = read_pdf(make_pdf(tmp_path / "vertical.pdf", page), "vertical.pdf", LIMITS)
    assert [b.text for b in piece.blocks] == [
        "Ce tableau est composé à la verticale sur une page en portrait.",
        "Sa seconde ligne suit la première."]


def test_headings_lists_and_paragraphs(tmp_path):
    def page(c):
        y = write(c, "Rapport final", 56, H - 70, 480, "Helvetica-Bold", 20, 26) - 10
        y = write(c, "1. Contexte", 56, y, 480, "Helvetica", 15, 20) - 6
        y = write(c, "Objectifs spécifiques", 56, y, 480, "Helvetica-Bold", 10) - 6
        y = write(c, "La mission visait à renforcer les capacités du service de l'eau. "
                  "Le développement des compétences locales a guidé chaque activité, "
                  "dans un esprit de partenariat durable.", 56, y, 480) - 10
        for bullet, text in [("•", "former les agents"), ("-", "équiper les stations"),
                             ("1.", "évaluer les résultats"), ("a)", "publier le rapport")]:
            c.setFont("Helvetica", 10)
            c.drawString(70, y, bullet)
            c.drawString(86, y, text)
            y -= 14
        y = write(c, "2. Résultats", 56, y - 10, 480, "Helvetica", 15, 20) - 6
        write(c, "Les résultats sont présentés ci-dessous.", 56, y, 480)
    piece = read_pdf(make_pdf(tmp_path / "struct.pdf", page), "struct.pdf", LIMITS)
    got = [(b.kind, b.level, b.text) for b in piece.blocks]
    assert got == [
        ("heading", 1, "Rapport final"),
        ("heading", 2, "1. Contexte"),
        ("heading", 3, "Objectifs spécifiques"),
        ("paragraph", None, "La mission visait à renforcer les capacités du service de l'eau. "
         "Le développement des compétences locales a guidé chaque activité, dans un esprit "
         "de partenariat durable."),
        ("list_item", None, "former les agents"),
        ("list_item", None, "équiper les stations"),
        ("list_item", None, "1. évaluer les résultats"),
        ("list_item", None, "a) publier le rapport"),
        ("heading", 2, "2. Résultats"),
        ("paragraph", None, "Les résultats sont présentés ci-dessous."),
    ]


def test_paragraph_breaks_and_hyphenated_line_ends(tmp_path):
    def page(c):
        c.setFont("Helvetica", 11)
        for y, line in [
                (760, "Le projet soutient depuis trois ans le dévelop-"),
                (746, "pement des filières agricoles de la région et"),
                (732, "la formation professionnelle des jeunes."),
                (700, "Un second paragraphe suit après un blanc. Il"),
                (686, "compte deux lignes."),
                (672, "      Le troisième commence par un retrait de"),
                (658, "première ligne, sans blanc au-dessus."),
                (644, "Le quatrième suit une fin de ligne restée libre.")]:
            c.drawString(72, y, line)
    piece = read_pdf(make_pdf(tmp_path / "paras.pdf", page), "paras.pdf", LIMITS)
    assert [b.text for b in piece.blocks] == [
        "Le projet soutient depuis trois ans le développement des filières agricoles de la "
        "région et la formation professionnelle des jeunes.",
        "Un second paragraphe suit après un blanc. Il compte deux lignes.",
        "Le troisième commence par un retrait de première ligne, sans blanc au-dessus.",
        "Le quatrième suit une fin de ligne restée libre."]


def test_form_labels_and_values_are_read_row_by_row(tmp_path):
    fields = [("Collectivité", "Département des Landes"), ("Pays", "Cameroun"),
              ("Partenaire", "Communauté urbaine de Bafoussam"), ("Dates", "24/09/2024 – 30/09/2024"),
              ("Experts", "Paul-Henri de Montigny, chargé de projets numériques"),
              ("Contact", "Service des relations internationales")]

    def page(c):
        c.setFont("Helvetica", 11)
        for k, (label, value) in enumerate(fields):
            c.drawString(56, 760 - 18 * k, label)
            c.drawString(200, 760 - 18 * k, value)
        for k, (label, value) in enumerate(fields):   # the same, as 'label : value' lines
            c.drawString(56, 600 - 14 * k, f"{label} : {value}")
    piece = read_pdf(make_pdf(tmp_path / "form.pdf", page), "form.pdf", LIMITS)
    assert [b.text for b in piece.blocks] == (
        [" ".join(f) for f in fields] + [f"{label} : {value}" for label, value in fields])


def test_blocks_carry_their_page_and_running_lines_are_marked(tmp_path):
    def page(n):
        def draw(c):
            c.setFont("Helvetica", 9)
            c.drawString(56, H - 30, "EXPE-CT — Rapport de mission au Sénégal")
            c.drawString(56, H - 100, "Direction de l'action internationale")   # a letterhead
            c.drawString(56, H - 112, "Affaire suivie par Mme Awa Diop")
            write(c, f"Contenu propre à la page {n}, décrivant l'activité numéro {n}.",
                  56, H - 150, 480, size=11)
            c.setFont("Helvetica", 9)
            c.drawCentredString(W / 2, 30, f"Page {n}/3")
        return draw
    piece = read_pdf(make_pdf(tmp_path / "pages.pdf", page(1), page(2), page(3)), "p.pdf", LIMITS)
    assert piece.pages == 3
    assert [(b.page, b.source, b.text) for b in piece.blocks] == [
        (n, source, text)
        for n in (1, 2, 3)
        for source, text in [("header", "EXPE-CT — Rapport de mission au Sénégal"),
                             ("header", "Direction de l'action internationale"),
                             ("header", "Affaire suivie par Mme Awa Diop"),
                             ("body", f"Contenu propre à la page {n}, décrivant l'activité numéro {n}."),
                             ("footer", f"Page {n}/3")]]


def scan_pdf(path: Path, pages: int = 1) -> Path:
    images = [page_image() for _ in range(pages)]
    images[0].save(path, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return path


def test_scanned_page_is_read_by_ocr(tmp_path):
    piece = read_pdf(scan_pdf(tmp_path / "scan.pdf"), "scan.pdf", LIMITS)
    assert piece.ocr
    assert piece.warnings == ["Page 1 lue par reconnaissance de caractères (OCR)."]
    assert cer(FRENCH, piece.text) < 0.05
    assert {b.page for b in piece.blocks} == {1}


def test_scanned_pages_running_footer_is_marked(tmp_path):
    font = ImageFont.truetype(FONT, 22)
    texts = [FRENCH, "La seconde page rend compte des ateliers de formation et des visites."]
    images = []
    for n, text in enumerate(texts, 1):
        image = page_image(text)
        ImageDraw.Draw(image).text((200, 2230), f"Ville de Lorient – Candidature EXPE-CT – page {n}",
                                   font=font, fill=0)
        images.append(image)
    images[0].save(tmp_path / "scans.pdf", "PDF", resolution=200, save_all=True,
                   append_images=images[1:])
    piece = read_pdf(tmp_path / "scans.pdf", "scans.pdf", LIMITS)
    assert [(b.page, b.source) for b in piece.blocks if "Lorient" in b.text] == [(1, "footer"),
                                                                                 (2, "footer")]
    for n, text in enumerate(texts, 1):
        assert cer(text, " ".join(b.text for b in piece.blocks if b.page == n and b.source == "body")) < 0.05


def test_ocr_stops_at_the_page_budget(tmp_path):
    piece = read_pdf(scan_pdf(tmp_path / "scans.pdf", pages=2), "scans.pdf",
                     Limits(max_ocr_pages=1))
    assert {b.page for b in piece.blocks} == {1}
    assert piece.warnings[1] == ("Page 2 sans texte exploitable non lue : limite de 1 pages "
                                 "en reconnaissance de caractères atteinte.")


def test_scan_with_a_small_stamp_of_text_is_still_ocred(tmp_path):
    def page(c):
        path = tmp_path / "page.png"
        page_image().save(path)
        c.drawImage(str(path), 0, 0, W, H)
        c.setFont("Helvetica", 8)
        c.drawString(400, 20, "Reçu le 12/03/2024")
    piece = read_pdf(make_pdf(tmp_path / "stamped.pdf", page), "stamped.pdf", LIMITS)
    assert piece.ocr
    assert cer(FRENCH, piece.text.replace("Reçu le 12/03/2024", "")) < 0.05


def unmapped_font_pdf(path: Path, lines: list[str], size: float = 12) -> Path:
    """Text drawn by glyph number (Type0 font, Identity-H) with no ToUnicode
    map: the page looks right but its text layer is unmapped glyphs (what
    pdfminer shows as '(cid:NN)' when it cannot guess from the font)."""
    ttf = TTFontFile(FONT)
    gid = ttf.charToGlyph
    ops = ["BT", f"/F1 {size} Tf", f"{size * 1.5} TL", "72 770 Td"]
    ops += ["<" + "".join(f"{gid.get(ord(ch), 0):04X}" for ch in line) + "> Tj T*" for line in lines]
    content = "\n".join(ops + ["ET"]).encode()
    widths = " ".join(f"{gid.get(ord(ch), 0)} [{round(ttf.charWidths.get(ord(ch), 600))}]"
                      for ch in sorted({ch for line in lines for ch in line}))
    font_file = zlib.compress(Path(FONT).read_bytes())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R "
        b"/DW 600 /W [%s] /CIDToGIDMap /Identity >>" % widths.encode(),
        b"<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 4 /FontBBox [-1021 -463 1793 1232] "
        b"/ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(font_file), font_file),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (k, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_text_layer_without_unicode_goes_to_ocr(tmp_path):
    lines = ["Le présent rapport décrit la mission d'expertise technique",
             "conduite à Dakar du 3 au 14 mars 2024 par l'équipe."]
    piece = read_pdf(unmapped_font_pdf(tmp_path / "cid.pdf", lines), "cid.pdf", LIMITS)
    assert piece.ocr
    assert cer(" ".join(lines), piece.text) < 0.05


def test_blank_page_is_not_sent_to_ocr(tmp_path):
    piece = read_piece(make_pdf(tmp_path / "blank.pdf", lambda c: None), "blank.pdf", LIMITS)
    assert not piece.ocr and piece.error.code == "empty"


def test_password_protected_pdf_is_refused(tmp_path):
    pdf = make_pdf(tmp_path / "locked.pdf", two_columns, encrypt="secret")
    piece = read_piece(pdf, "locked.pdf", LIMITS)
    assert piece.error.code == "encrypted"


def test_owner_password_only_pdf_reads_normally(tmp_path):
    enc = StandardEncryption("", ownerPassword="proprietaire", canCopy=0, canModify=0)
    pdf = make_pdf(tmp_path / "restricted.pdf", two_columns, encrypt=enc)
    assert b"/Encrypt" in pdf.read_bytes()
    piece = read_piece(pdf, "restricted.pdf", LIMITS)
    assert piece.error is None
    assert [b.text for b in piece.blocks][1:] == LEFT + RIGHT


def test_truncated_pdf_is_unreadable(tmp_path):
    data = make_pdf(tmp_path / "full.pdf", two_columns, two_columns).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[:len(data) // 2])
    assert read_piece(cut, "cut.pdf", LIMITS).error.code == "unreadable"


def test_too_many_pages(tmp_path):
    pdf = make_pdf(tmp_path / "long.pdf", *[two_columns] * 4)
    piece = read_piece(pdf, "long.pdf", Limits(max_pages=3))
    assert piece.error.code == "too_large"
    assert piece.error.message == "Le PDF compte 4 pages, au-delà de la limite de 3 pages."


# --------------------------------------------------------------------------
# Real-world corpus

@pytest.fixture(scope="module")
def corpus_pdfs(corpus_dir):
    with open(corpus_dir / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["local"].startswith("pdf/")]
    results = {}
    for row in rows:
        path = corpus_dir / row["local"]
        start = time.perf_counter()
        # OCR is exercised above; here it would only add minutes of tesseract.
        piece = read_piece(path, path.name, Limits(max_ocr_pages=0))
        results[path.name] = (row, piece, time.perf_counter() - start)
    return results


def test_every_corpus_pdf_gets_a_verdict_quickly(corpus_pdfs):
    assert len(corpus_pdfs) == 63
    for name, (_, piece, elapsed) in corpus_pdfs.items():
        assert elapsed < 20, name
        assert piece.format == "pdf"
        assert piece.error is None or piece.error.code in ("encrypted", "empty", "unreadable"), name
        if piece.error is None:
            assert piece.pages and all(b.page and 1 <= b.page <= piece.pages for b in piece.blocks)
    verdicts = Counter(piece.error.code if piece.error else "ok"
                       for _, piece, _ in corpus_pdfs.values())
    # 'empty': image-only files (OCR is off here) and one whose only text
    # lies off its 4-point page.
    assert verdicts == {"ok": 49, "empty": 8, "encrypted": 6}


def test_corpus_encrypted_pdfs(corpus_pdfs):
    encrypted = {name: piece for name, (row, piece, _) in corpus_pdfs.items()
                 if row["note"].startswith("encrypted")}
    # Files encrypted with an empty user password (owner restrictions only)
    # open as in any viewer; the others need a password we do not have.
    readable = {"pypdf__resources__encryption__r3-empty-password.pdf",
                "pypdf__resources__encryption__r4-aes-v2-no-key-length.pdf",
                "pypdf__resources__encryption__r5-owner-password.pdf",
                "pypdf__resources__encryption__r6-empty-password.pdf"}
    assert len(encrypted) == 10
    for name, piece in encrypted.items():
        if name in readable:
            assert piece.error is None and "pdf encryption test" in piece.text, name
        else:
            assert piece.error.code == "encrypted", name


def test_corpus_pdf_that_pdfium_refuses_is_read_by_pdfminer(corpus_pdfs):
    _, piece, _ = corpus_pdfs["pysamples__017-unreadable-meta-data__unreadablemetadata.pdf"]
    assert piece.error is None and len(piece.text) > 1000
    assert "mode de secours" in piece.warnings[0]


def test_corpus_latex_two_columns(corpus_pdfs):
    _, piece, _ = corpus_pdfs["pysamples__026-latex-multicolumn__multicolumn.pdf"]
    text = piece.text
    # The first column's last sentence runs on at the top of the second one.
    assert "Donec nonummy pellentesque ante." in text
    assert text.index("Vivamus viverra fermentum felis") < text.index("Phasellus adipiscing semper elit")
    assert [b.text for b in piece.blocks if b.source == "footer"] == ["1", "2", "3"]


def test_a_word_broken_in_a_narrow_cell_is_mended_but_short_words_stay_apart():
    from extractors.pdf_layout import Word, _cell_text

    def cell(*lines: str) -> str:
        words = []
        for i, text in enumerate(lines):
            x = 10.0
            for token in text.split():
                words.append(Word(token, x, 10 + 12 * i, x + 5 * len(token), 20 + 12 * i))
                x += 5 * len(token) + 3
        return _cell_text((0, 0, 200, 200), words)

    assert cell("Missionnair", "es") == "Missionnaires"
    assert cell("Chargée de mission", "et", "référente") == "Chargée de mission et référente"
    assert cell("Directeur général", "des services") == "Directeur général des services"


def justified(c: canvas.Canvas, words: list[tuple[str, bool]], x: float, y: float, width: float,
              size: float = 10) -> None:
    """One justified line: the words spread over the column, each in its font."""
    fonts = ["Helvetica-Bold" if bold else "Helvetica" for _, bold in words]
    inked = sum(c.stringWidth(w, f, size) for (w, _), f in zip(words, fonts))
    gap = (width - inked) / max(len(words) - 1, 1)
    for (word, _), font in zip(words, fonts):
        c.setFont(font, size)
        c.drawString(x, y, word)
        x += c.stringWidth(word, font, size) + gap


def test_a_bold_phrase_inside_a_justified_paragraph_stays_in_it(tmp_path):
    """Bold lines that go on with the sentence, their spaces stretched by
    justification, are neither headings nor form rows."""
    lines = [("Notre expertise porte sur l'approvisionnement", False, True),
             ("local de la restauration collective et la", True, True),
             ("structuration des circuits courts", True, True),
             ("alimentaires à l'échelle d'un territoire rural.", False, False)]

    def page(c):
        y = 760
        for text, bold, justify in lines:
            words = [(w, bold) for w in text.split()]
            if justify:
                justified(c, words, 72, y, 230)
            else:
                c.setFont("Helvetica", 10)
                c.drawString(72, y, text)
            y -= 13
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, y - 14, "Nos engagements")
        c.setFont("Helvetica", 10)
        c.drawString(72, y - 28, "La commune accepte de travailler avec le ministère.")
    piece = read_pdf(make_pdf(tmp_path / "bold.pdf", page), "bold.pdf", LIMITS)
    assert [(b.kind, b.text) for b in piece.blocks] == [
        ("paragraph", " ".join(text for text, _, _ in lines)),
        ("heading", "Nos engagements"),
        ("paragraph", "La commune accepte de travailler avec le ministère.")]


@pytest.mark.parametrize("lines,text", [
    (["le dévelop-", "pement local"], "le développement local"),
    (["Mme Sandrine Vidal-", "Roux, conseillère"], "Mme Sandrine Vidal-Roux, conseillère"),
    (["la ville -", "Roux"], "la ville - Roux"),
])
def test_wrapped_lines_join_hyphens_by_what_follows(lines, text):
    assert join_lines(lines) == text
