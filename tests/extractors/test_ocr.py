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
