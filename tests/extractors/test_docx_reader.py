"""DOCX reader: the trap document (every marker exactly once, no deleted
text, field code or placeholder), real-world files, errors."""
from __future__ import annotations

import importlib.util
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest

import extractors.docx_reader  # noqa: F401  (registers the reader)
from common.limits import Limits
from extractors.base import read_piece
from extractors.model import Piece

LIMITS = Limits()
TRAPS = Path(__file__).resolve().parents[2] / "samples" / "traps"


def load_trap_module():
    spec = importlib.util.spec_from_file_location("make_docx_trap", TRAPS / "make_docx_trap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


trap_module = load_trap_module()


def count(marker: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(marker)}(?![\w-])", text))


def block_with(piece: Piece, marker: str):
    found = [b for b in piece.blocks if count(marker, b.text)]
    assert len(found) == 1, marker
    return found[0]


@pytest.fixture(scope="module")
def trap(tmp_path_factory) -> tuple[Piece, list[str]]:
    path = tmp_path_factory.mktemp("trap") / "piege.docx"
    markers = trap_module.build_trap(path)
    piece = read_piece(path, "piege.docx", LIMITS)
    assert piece.error is None
    return piece, markers


# ---------------------------------------------------------------- trap

def test_trap_every_marker_comes_back_exactly_once(trap):
    piece, markers = trap
    text = "\n".join(b.text for b in piece.blocks)
    assert len(markers) >= 25
    missing_or_doubled = {m: count(m, text) for m in markers if count(m, text) != 1}
    assert missing_or_doubled == {}


def test_trap_no_deleted_text_field_code_or_placeholder(trap):
    piece, _ = trap
    text = "\n".join(b.text for b in piece.blocks)
    for anti in trap_module.ANTI_MARKERS:
        assert anti not in text
    assert block_with(piece, "MARQUEUR-SDT-INLINE").text == (
        "Nom : MARQUEUR-SDT-INLINE ; fonction :  ; date :")


def test_trap_headings_lists_and_sources(trap):
    piece, _ = trap
    titre = block_with(piece, "MARQUEUR-TITRE")
    assert (titre.kind, titre.level) == ("heading", 1)          # style Titre1 / heading 1
    sous_titre = block_with(piece, "MARQUEUR-SOUS-TITRE")
    assert (sous_titre.kind, sous_titre.level) == ("heading", 2)  # direct outlineLvl 1
    assert block_with(piece, "MARQUEUR-LISTE").kind == "list_item"        # numPr
    assert block_with(piece, "MARQUEUR-PUCE-STYLE").kind == "list_item"   # list style
    assert block_with(piece, "MARQUEUR-SDT-BLOC").kind == "paragraph"
    for marker, source in [("MARQUEUR-ENTETE-PREMIERE", "header"),
                           ("MARQUEUR-ENTETE-DEFAUT", "header"),
                           ("MARQUEUR-ENTETE-PAIRE", "header"), ("MARQUEUR-PIED", "footer"),
                           ("MARQUEUR-NOTE", "footnote"), ("MARQUEUR-FIN-NOTE", "endnote")]:
        block = block_with(piece, marker)
        assert (block.source, block.page) == (source, None), marker
    assert [b.index for b in piece.blocks] == list(range(len(piece.blocks)))
    assert all(b.piece == "piege.docx" for b in piece.blocks)


def test_trap_text_boxes_follow_their_anchor(trap):
    piece, _ = trap
    for anchor, marker in [("Ancre de zone de texte", "MARQUEUR-TEXTBOX"),
                           ("Ancre ancienne", "MARQUEUR-VML")]:
        box = block_with(piece, marker)
        assert box.source == "textbox"
        assert piece.blocks[box.index - 1].text == anchor


def test_trap_tables_merged_and_nested_cells(trap):
    piece, _ = trap
    merged = block_with(piece, "MARQUEUR-FUSION")
    assert merged.kind == "table"
    assert merged.rows == [
        ["MARQUEUR-FUSION", "", ""],                     # gridSpan 3: text once
        ["MARQUEUR-VERTICALE", "MARQUEUR-TABLEAU", "MARQUEUR-SDT-CELLULE"],
        ["", "MARQUEUR-SDT-LIGNE", ""],                  # vMerge continuation: empty
    ]
    outer = block_with(piece, "MARQUEUR-CELLULE-EXTERNE")
    assert outer.rows == [["MARQUEUR-CELLULE-EXTERNE"]]
    nested = piece.blocks[outer.index + 1]
    assert (nested.kind, nested.rows) == ("table", [["MARQUEUR-IMBRIQUE"]])


def test_trap_check_boxes_show_their_state(trap):
    piece, _ = trap
    # w14 content controls, then legacy FORMCHECKBOX fields (default ticked / not)
    assert any(b.text == "Oui ☒ Non ☐ Ancien ☒ Vide ☐" for b in piece.blocks)


def test_trap_inline_wrappers_tabs_and_hyphens(trap):
    piece, _ = trap
    block = block_with(piece, "MARQUEUR-LIEN")
    assert block.text == ("MARQUEUR-LIEN MARQUEUR-SMARTTAG MARQUEUR-CUSTOMXML"
                          "\u00a0avec tabulation\tet trait-insécable")
    assert block_with(piece, "MARQUEUR-CHAMP-RESULTAT").text == (
        "MARQUEUR-CHAMP-RESULTAT MARQUEUR-CHAMP-SIMPLE")


def test_trap_pages_from_rendered_breaks(trap):
    piece, _ = trap
    # a hard page break followed by Word's rendered break: one new page, not two
    assert piece.pages == 2
    assert block_with(piece, "MARQUEUR-TITRE").page == 1
    assert block_with(piece, "MARQUEUR-IMBRIQUE").page == 1
    assert block_with(piece, "MARQUEUR-TEXTBOX").page == 1
    assert block_with(piece, "MARQUEUR-PAGE-DEUX").page == 2


def test_committed_trap_is_up_to_date(tmp_path):
    fresh = tmp_path / "docx-trap.docx"
    trap_module.build_trap(fresh)
    assert (TRAPS / "docx-trap.docx").read_bytes() == fresh.read_bytes()


# ---------------------------------------------------------------- generated documents

def test_python_docx_french_document_with_table(tmp_path):
    document = docx.Document()
    document.add_heading("Équipe du projet", level=1)
    document.add_paragraph("Les membres de l'équipe sont présentés ci-dessous.")
    table = document.add_table(rows=1, cols=3)
    for cell, title in zip(table.rows[0].cells, ("Nom", "Fonction", "Qualifications")):
        cell.text = title
    for row in (("Marie Curie", "Cheffe de projet", "Doctorat en physique"),
                ("Jean Moulin", "Expert technique", "Ingénieur ENSAM")):
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value
    document.add_paragraph("Coopération décentralisée", style="List Bullet")
    path = tmp_path / "candidature.docx"
    document.save(path)

    piece = read_piece(path, "candidature.docx", LIMITS)
    assert piece.error is None and piece.format == "docx"
    kinds = [(b.kind, b.level) for b in piece.blocks]
    assert kinds == [("heading", 1), ("paragraph", None), ("table", None), ("list_item", None)]
    assert piece.blocks[2].rows == [
        ["Nom", "Fonction", "Qualifications"],
        ["Marie Curie", "Cheffe de projet", "Doctorat en physique"],
        ["Jean Moulin", "Expert technique", "Ingénieur ENSAM"],
    ]
    assert piece.blocks[2].text.splitlines()[0] == "Nom | Fonction | Qualifications"
    assert piece.pages is None and all(b.page is None for b in piece.blocks)


def rewrite(src: Path, dest: Path, changes: dict[str, bytes | None]) -> Path:
    """Copy a package, replacing (or, with None, dropping) some entries."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            if info.filename in changes:
                if changes[info.filename] is not None:
                    zout.writestr(info.filename, changes[info.filename])
            else:
                zout.writestr(info, zin.read(info))
    return dest


@pytest.fixture
def trap_file(tmp_path) -> Path:
    path = tmp_path / "base.docx"
    trap_module.build_trap(path)
    return path


def test_package_of_another_office_kind_is_refused(trap_file, tmp_path):
    types = zipfile.ZipFile(trap_file).read("[Content_Types].xml").replace(
        b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml")
    path = rewrite(trap_file, tmp_path / "classeur.docx", {"[Content_Types].xml": types})
    piece = read_piece(path, "classeur.docx", LIMITS)
    assert piece.error.code == "unreadable"
    assert "classeur Excel" in piece.error.message


def test_template_content_type_is_read_normally(trap_file, tmp_path):
    types = zipfile.ZipFile(trap_file).read("[Content_Types].xml").replace(
        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
    path = rewrite(trap_file, tmp_path / "modele.dotx", {"[Content_Types].xml": types})
    piece = read_piece(path, "modele.dotx", LIMITS)
    assert piece.error is None
    assert count("MARQUEUR-IMBRIQUE", piece.text) == 1


def test_broken_xml_is_unreadable(trap_file, tmp_path):
    body = zipfile.ZipFile(trap_file).read("word/document.xml")
    path = rewrite(trap_file, tmp_path / "casse.docx",
                   {"word/document.xml": body[:len(body) // 2]})
    piece = read_piece(path, "casse.docx", LIMITS)
    assert piece.error.code == "unreadable"
    assert "XML invalide" in piece.error.message


def test_missing_document_part_is_unreadable(trap_file, tmp_path):
    path = rewrite(trap_file, tmp_path / "sans-corps.docx", {"word/document.xml": None})
    piece = read_piece(path, "sans-corps.docx", LIMITS)
    assert piece.error.code == "unreadable"
    assert "partie principale" in piece.error.message


def test_missing_secondary_part_still_read_with_warning(trap_file, tmp_path):
    path = rewrite(trap_file, tmp_path / "incomplet.docx", {"word/header3.xml": None})
    piece = read_piece(path, "incomplet.docx", LIMITS)
    assert piece.error is None and piece.warnings
    assert count("MARQUEUR-ENTETE-DEFAUT", piece.text) == 1
    assert "MARQUEUR-ENTETE-PAIRE" not in piece.text


def test_declared_unzipped_size_over_limit_is_too_large(trap_file):
    piece = read_piece(trap_file, "base.docx", Limits(max_unzipped_mb=0.01))
    assert piece.error.code == "too_large"


# ---------------------------------------------------------------- real-world corpus

@pytest.fixture(scope="module")
def docx_corpus(corpus_dir) -> Path:
    return corpus_dir / "docx"


def read_corpus(folder: Path, name: str) -> Piece:
    path = next(folder.glob(f"*{name}"))
    return read_piece(path, path.name, LIMITS)


def test_every_corpus_docx_is_read_or_refused_quickly(docx_corpus):
    outcomes = {}
    for path in sorted(docx_corpus.iterdir()):
        start = time.perf_counter()
        piece = read_piece(path, path.name, LIMITS)
        assert time.perf_counter() - start < 15, path.name
        outcomes[path.name] = piece.error.code if piece.error else "ok"
        if piece.error:
            assert piece.error.message and not piece.blocks
    assert list(outcomes.values()).count("ok") >= 60
    for name, code in outcomes.items():
        if "password-is" in name or "protected_agile" in name:
            assert code == "encrypted", name
        if "clusterfuzz" in name or "truncated" in name:
            assert code in ("unreadable", "unsupported_format"), name
        if name.endswith((".docm", ".dotx")) and "hello_world" not in name:
            assert code == "ok", name  # macro documents and templates read normally


def test_corpus_one_million_chars_is_linear(docx_corpus):
    start = time.perf_counter()
    piece = read_corpus(docx_corpus, "bug65649.docx")
    assert time.perf_counter() - start < 10
    assert piece.error is None and len(piece.text) > 400_000
    assert sum(b.kind == "table" for b in piece.blocks) >= 20


def test_corpus_external_entity_is_not_resolved(docx_corpus):
    piece = read_corpus(docx_corpus, "ExternalEntityInText.docx")
    assert piece.text == 'Here should not be the POI web site: ""'


def test_corpus_headers_of_every_section(docx_corpus):
    piece = read_corpus(docx_corpus, "document__Headers.docx")
    assert [(b.text, b.source) for b in piece.blocks] == [
        ("Section 1", "header"), ("Section 2", "header"), ("Section 3", "header")]


def test_corpus_first_and_even_page_headers(docx_corpus):
    piece = read_corpus(docx_corpus, "sct-first-page-hdrftr.docx")
    headers = [b.text for b in piece.blocks if b.source == "header"]
    assert headers == ["Default (odd, primary) Header", "First Page Header (section 2)"]
    piece = read_corpus(docx_corpus, "doc-odd-even-hdrs.docx")
    assert {b.text for b in piece.blocks if b.source == "header"} == {
        "Even page header.", "Odd page header."}


def test_corpus_field_codes_keep_results_only(docx_corpus):
    piece = read_corpus(docx_corpus, "FieldCodes.docx")
    assert [b.text for b in piece.blocks] == ["ANTONI", "16 June 2010"]


def test_corpus_numbering_gives_list_items(docx_corpus):
    piece = read_corpus(docx_corpus, "document__Numbering.docx")
    assert len(piece.blocks) == 16 and all(b.kind == "list_item" for b in piece.blocks)
    assert [b.text for b in piece.blocks[:3]] == ["Level 1", "Level 2", "Level 3"]


def test_corpus_legacy_check_boxes(docx_corpus):
    piece = read_corpus(docx_corpus, "checkboxes.docx")
    texts = [b.text for b in piece.blocks]
    assert "unchecked: ☐" in texts and "Or checked: ☒" in texts
    assert "Test a checkbox within a textbox: ☐ -> ☒" in texts
    assert next(b.rows for b in piece.blocks if b.kind == "table") == [["☐", "☒"]]


def test_corpus_notes_headings_and_pages(docx_corpus):
    assert [(b.text, b.source) for b in read_corpus(docx_corpus, "document__footnotes.docx").blocks
            ][-1] == ("snoska", "footnote")
    assert read_corpus(docx_corpus, "document__endnotes.docx").blocks[-1].source == "endnote"
    headings = [(b.kind, b.level) for b in read_corpus(docx_corpus, "heading123.docx").blocks]
    assert headings[::2] == [("heading", 1), ("heading", 2), ("heading", 3)]
    piece = read_corpus(docx_corpus, "par-rendered-page-breaks.docx")
    assert [b.page for b in piece.blocks] == [1, 1, 2, 4] and piece.pages == 6


def test_corpus_tracked_changes_and_placeholders(docx_corpus):
    # only deleted and moved-away text: nothing left to read
    assert read_corpus(docx_corpus, "Tika-792.docx").error.code == "empty"
    # a drop-down content control still showing « Choose an item. »
    piece = read_corpus(docx_corpus, "tika-3816.docx")
    assert "Choose an item." not in piece.text and "Here is just a sample" in piece.text


def test_corpus_package_with_missing_image_is_read(docx_corpus):
    piece = read_corpus(docx_corpus, "60316b.dotx")
    assert piece.error is None and piece.warnings
    assert any(b.source == "footer" and "footer 1" in b.text for b in piece.blocks)
