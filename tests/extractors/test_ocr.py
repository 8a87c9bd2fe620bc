"""OCR of page images: accuracy on French text, turned pages, noise
filtering, and a tesseract that overruns its timeout or is missing."""
from __future__ import annotations

import textwrap

import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors import ocr
from extractors.ocr import cer

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FRENCH = ("Le présent rapport décrit la mission d'expertise technique conduite à Dakar du "
          "3 au 14 mars 2024. L'équipe a rencontré les responsables du ministère de "
          "l'Hydraulique, visité quatre stations de pompage et animé deux ateliers de "
          "formation consacrés à la maintenance préventive des équipements.")


def page_image(text: str = FRENCH, dpi: int = 200, size_pt: float = 12) -> Image.Image:
    """An A4 page with `text` typeset in DejaVu Sans, as a scanner would give it."""
    image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(size_pt * dpi / 72))
    y = dpi
    for line in textwrap.wrap(text, 70):
        draw.text((dpi, y), line, font=font, fill=0)
        y += int(size_pt * 1.5 * dpi / 72)
    return image


def text_of(paragraphs: list[list[ocr.OcrLine]]) -> str:
    return " ".join(line.text for lines in paragraphs for line in lines)


def test_cer():
    assert cer("abc d", "abc  d") == 0
    assert cer("abcd", "abxd") == 0.25


def test_french_page_is_read_accurately():
    paragraphs = ocr.ocr_image(page_image(), dpi=200)
    assert cer(FRENCH, text_of(paragraphs)) < 0.05


def test_page_scanned_sideways_is_turned():
    paragraphs = ocr.ocr_image(page_image().rotate(90, expand=True), dpi=200)
    assert cer(FRENCH, text_of(paragraphs)) < 0.05


def test_tsv_groups_lines_into_paragraphs_and_drops_doubtful_ones():
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "5\t1\t1\t1\t1\t1\t100\t200\t80\t30\t96\tPremière",
        "5\t1\t1\t1\t1\t2\t190\t205\t50\t25\t95\tligne",
        "5\t1\t1\t1\t2\t1\t100\t240\t70\t30\t94\tseconde",
        "4\t1\t1\t1\t2\t0\t0\t0\t1\t1\t-1\t",
        "5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t12\t~|",
        "5\t1\t2\t1\t1\t2\t0\t0\t1\t1\t20\t=:",
        "5\t1\t3\t1\t1\t1\t0\t0\t1\t1\t91\tAutre",
    ]
    paragraphs = ocr.parse_tsv("\n".join([header] + rows))
    assert [[line.text for line in lines] for lines in paragraphs] == [["Première ligne", "seconde"],
                                                                       ["Autre"]]
    assert paragraphs[0][0] == ocr.OcrLine("Première ligne", 100, 200, 240, 230,
                                           (("Première", 100, 200, 180, 230), ("ligne", 190, 205, 240, 230)))


def test_tesseract_is_killed_on_its_timeout():
    with pytest.raises(ocr.OcrError) as err:
        ocr.ocr_image(page_image(), dpi=200, timeout=0.05)
    assert err.value.reason == ocr.TIMED_OUT


def test_missing_tesseract_is_reported(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ocr.OcrError) as err:
        ocr.ocr_image(page_image(), dpi=200)
    assert err.value.reason == ocr.UNAVAILABLE


def test_check_boxes_are_read_as_the_readers_of_forms_write_them():
    """Tesseract reads a check box as 'O', '[' or 'fi', or drops it: an
    empty square opening a line is ☐, a crossed one ☒, a tall empty frame
    (a glyph missing from the font) nothing; a line opening with a letter
    is left alone."""
    dpi, size = 200, 11
    image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(size * dpi / 72))
    em = int(size * dpi / 72)
    lines = ["La Ville sollicite le label et accepte de travailler avec le ministère.",
             "La Ville s'engage à informer la DAECT de toute sollicitation reçue.",
             "Le Réseau accepte de travailler avec le MEAE dans le cadre des missions.",
             "Bordeaux Métropole compte vingt-huit communes et huit cent mille habitants.",
             "Depuis 2015, la Ville met en œuvre un plan d'éducation artistique."]
    y = dpi
    for k, text in enumerate(lines):
        x, side = dpi, int(0.7 * em)
        top = y + int(0.2 * em)
        if k in (0, 1):      # a square box, empty then crossed
            draw.rectangle((x, top, x + side, top + side), outline=0, width=2)
            if k == 1:
                draw.line((x + 3, top + 3, x + side - 3, top + side - 3), fill=0, width=2)
                draw.line((x + 3, top + side - 3, x + side - 3, top + 3), fill=0, width=2)
        elif k == 2:         # the font's empty frame for a missing glyph
            draw.rectangle((x, top - int(0.15 * em), x + int(0.55 * side), top + side), outline=0, width=2)
        if k < 3:
            x += int(1.3 * em)
        draw.text((x, y), text, font=font, fill=0)
        y += int(1.6 * em)
    got = [line.text for lines_ in ocr.ocr_image(image, dpi=dpi) for line in lines_]
    assert got[0].startswith("☐ La Ville sollicite"), got
    assert got[1].startswith("☒ La Ville s'engage"), got
    assert got[2].startswith("Le Réseau accepte"), got
    assert got[3].startswith("Bordeaux Métropole"), got
    assert got[4].startswith("Depuis 2015"), got
