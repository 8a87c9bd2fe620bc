"""The committee pack: content, escaping, CSV, and the PDF and screenshots
looked at as pictures (pages exist, are A4, are not blank)."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageStat

import dossier_factory as make
from flows.pack import prepare_pack
from outputs.render import html_to_png
from register import Label, Register
from test_inbox import run_inbox

MARKUP = '<script>alert("dossier")</script><img src=x onerror=alert(1)>'


def not_blank(png: Path) -> bool:
    """Some ink on the page: dark pixels and more than one shade."""
    image = Image.open(png).convert("L")
    low, high = image.getextrema()
    return low < 100 and high > 200 and ImageStat.Stat(image).stddev[0] > 5


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory):
    if not shutil.which("chromium"):
        pytest.skip("chromium absent (make setup l'installe)")
    tmp = tmp_path_factory.mktemp("pack")
    inbox, home = tmp / "depot", tmp / "home"
    inbox.mkdir()
    make.candidature(inbox / "montreuil.docx",
                     expertise=f"végétalisation de la ville {MARKUP} et création d'espaces verts",
                     experts=[(f"Claire Martin {MARKUP}", "Directrice des espaces verts",
                               "Ingénieure paysagiste")])
    make.candidature(inbox / "toulouse.docx", applicant="Ville de Toulouse",
                     expertise="gestion de l'eau potable et de l'assainissement")
    make.rapport(inbox / "rapport.docx")
    run_inbox(inbox, home)
    register = Register.open(home)
    with register.session() as s, s.begin():  # a label in force on the water theme
        s.add(Label(holder="Grand Narbonne", holder_type="epci", aliases=[], expertise=["Eau"],
                    themes=["eau-assainissement"], granted=date.today() - timedelta(days=30),
                    expires=date.today() + timedelta(days=1000), source="test"))
    comite = date.today() + timedelta(days=20)
    pack = prepare_pack(register, comite, date.today(), tmp / "comite")
    later = prepare_pack(register, comite + timedelta(days=90), comite + timedelta(days=80), tmp / "suivant")
    register.close()
    return pack, later, comite


def test_pack_holds_the_candidatures_with_their_flags(pack_dir):
    pack, later, comite = pack_dir
    assert pack.candidatures == 2 and later.candidatures == 0  # examined by the first committee
    html = pack.html.read_text(encoding="utf-8")
    assert "Ville de Montreuil" in html and "Ville de Toulouse" in html
    assert "Rapport de mission" not in html
    assert "Déjà labellisé" in html and "Labels en vigueur sur les mêmes thèmes" in html
    assert "III- " not in html and "Retour de mission et évaluation" in html  # annex §III
    day = "1er" if comite.day == 1 else str(comite.day)
    assert f"Comité de sélection du {day} " in html


def test_markup_from_a_dossier_is_shown_never_run(pack_dir):
    html = pack_dir[0].html.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(&#34;dossier&#34;)&lt;/script&gt;" in html
    assert "default-src 'none'" in html  # and the page may not run or fetch anything anyway


def test_csv_summary(pack_dir):
    text = pack_dir[0].csv.read_text(encoding="utf-8")
    assert text.startswith("\ufeffN°;Demandeur;Type;")
    header, *rows = csv.reader(io.StringIO(text[1:]), delimiter=";")
    assert len(rows) == 2
    montreuil = next(dict(zip(header, r)) for r in rows if "Montreuil" in r[1])
    assert montreuil["Déjà labellisé"] == "oui"
    assert montreuil["Pré-examen"] in ("complet", "incomplet", "à examiner")


def test_pdf_is_a4_numbered_and_not_blank(pack_dir, tmp_path):
    pdf = pack_dir[0].pdf
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "(A4)" in info and pages >= 4
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert f"Page 2 sur {pages}" in text and "Page 1 sur" not in text  # no number on the cover
    assert "remboursement des frais engagés" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True,
                   timeout=120)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == pages and all(not_blank(p) for p in pngs)


def test_html_screenshot_is_not_blank(pack_dir, tmp_path):
    png = html_to_png(pack_dir[0].html, tmp_path / "pack.png")
    assert Image.open(png).size == (1240, 1754) and not_blank(png)
