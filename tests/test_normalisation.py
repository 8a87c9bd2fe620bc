"""Text is normalised once, where every reader adds its blocks: NFC, no
zero-width or direction control, and a warning on the piece when there were."""
from __future__ import annotations

import unicodedata

import dossier_factory as make
from expe_ct.pipeline import analyse_submission
from extractors.model import INVISIBLE_REMOVED, Block, Piece

EXPERTS = [("Claire\u200b Martin", "Directrice des espaces verts", "Ingénieure paysagiste, 15 ans"),
           ("Bernard Le\u0301vre\u202e", "Adjoint au maire chargé de l'environnement", "Élu depuis 2014")]


def test_invisible_characters_do_not_cut_or_mark_names(tmp_path):
    path = make.candidature(tmp_path / "c.docx", applicant="Ville de Mont\u200breuil\u200f",
                            experts=EXPERTS)
    record = analyse_submission(str(path))
    assert record["applicant"]["name"] == "Ville de Montreuil"
    names = [e["name"] for e in record["experts"]]
    assert names == ["Claire Martin", "Bernard Lévre"]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert record["pieces"][0]["warnings"] == [INVISIBLE_REMOVED]


def test_clean_text_gets_no_warning_and_table_cells_are_normalised():
    piece = Piece(file="a.pdf", format="pdf")
    piece.add(Block("paragraph", "Ville de Montreuil"))
    assert piece.warnings == []
    block = piece.add(Block("table", "", rows=[["Nom\ufeff", "Se\u0300te\u2066"]]))
    assert block.rows == [["Nom", "Sète"]] and "\u2066" not in block.text
    assert piece.warnings == [INVISIBLE_REMOVED]
