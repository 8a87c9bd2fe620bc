"""ODT reader: structure, notes, frames, tracked changes, pages, headers and
footers on a French dossier built here; hostile packages (encrypted,
inflated, entities, broken XML); the two real ODT files of the corpus."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from common.limits import Limits
from extractors import odt_reader  # noqa: F401  (registers the reader)
from extractors.base import read_piece

LIMITS = Limits()
MIMETYPE = b"application/vnd.oasis.opendocument.text"
NAMESPACES = " ".join(f'xmlns:{p}="{u}"' for p, u in odt_reader.NS.items() if p != "xml") + \
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES} office:version="1.3">
<office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
     style:parent-style-name="Heading" style:default-outline-level="1"/>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
     style:parent-style-name="Heading" style:default-outline-level="2"/>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
</office:styles>
<office:master-styles>
  <style:master-page style:name="Standard">
    <style:header><text:p>Ministère de l'Europe et des Affaires étrangères — Label EXPE-CT</text:p></style:header>
    <style:footer><text:p>Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
  <style:master-page style:name="Annexe">
    <style:header><text:p>Ministère de l'Europe et des Affaires étrangères — Label EXPE-CT</text:p></style:header>
    <style:footer><text:p>Page <text:page-number text:select-page="current">3</text:page-number></text:p></style:footer>
    <style:footer-left style:display="false"><text:p>Pied masqué</text:p></style:footer-left>
  </style:master-page>
</office:master-styles>
</office:document-styles>"""

BODY = """
<text:tracked-changes>
  <text:changed-region text:id="ct1"><text:deletion>
    <office:change-info><dc:creator>Jean Relecteur</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info>
    <text:p>passage supprimé </text:p>
  </text:deletion></text:changed-region>
  <text:changed-region text:id="ct2"><text:insertion>
    <office:change-info><dc:creator>Jean Relecteur</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info>
  </text:insertion></text:changed-region>
</text:tracked-changes>
<text:p text:style-name="Title">Dossier de candidature EXPE-CT</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Présentation du projet</text:h>
<text:p text:style-name="Standard">L'équipe<text:s text:c="3"/>propose
   une mission<text:tab/>d'expertise<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Selon le rapport annuel de 2023.</text:p></text:note-body></text:note> au Sénégal.<text:line-break/>Durée : <text:span>six mois</text:span>.<office:annotation><dc:creator>Marie Commentatrice</dc:creator><text:p>Commentaire interne</text:p></office:annotation></text:p>
<text:p>Nous avons <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>ajouté ce texte<text:change-end text:change-id="ct2"/> en relecture.</text:p>
<text:p>Signature : <text:placeholder text:placeholder-type="text">&lt;Cliquez ici pour saisir du texte&gt;</text:placeholder> Nom : Cliquez ou appuyez ici pour entrer du texte.</text:p>
<text:p>Ancre<draw:frame draw:name="Cadre1" text:anchor-type="paragraph"><draw:text-box><text:p>Encadré : budget prévisionnel de 120 000 euros.</text:p></draw:text-box></draw:frame></text:p>
<text:list>
  <text:list-item><text:p>Diagnostic des besoins</text:p></text:list-item>
  <text:list-item><text:p>Formation des agents</text:p>
    <text:list><text:list-item><text:p>Module douanier</text:p></text:list-item></text:list>
  </text:list-item>
  <text:list-item><text:h text:outline-level="2">Calendrier</text:h></text:list-item>
</text:list>
<text:soft-page-break/>
<text:h text:outline-level="2">Composition de l'équipe</text:h>
<table:table table:name="Equipe">
  <table:table-column table:number-columns-repeated="3"/>
  <table:table-header-rows><table:table-row>
    <table:table-cell><text:p>Nom</text:p></table:table-cell>
    <table:table-cell><text:p>Fonction</text:p></table:table-cell>
    <table:table-cell><text:p>Qualifications</text:p></table:table-cell>
    <table:table-cell table:number-columns-repeated="16000"/>
  </table:table-row></table:table-header-rows>
  <table:table-row>
    <table:table-cell><text:p>Claire Martin</text:p></table:table-cell>
    <table:table-cell><text:p>Cheffe de mission</text:p></table:table-cell>
    <table:table-cell><text:p>Doctorat en droit</text:p><text:p>Anglais courant</text:p></table:table-cell>
  </table:table-row>
  <table:table-row>
    <table:table-cell table:number-columns-spanned="2"><text:p>Poste à pourvoir</text:p></table:table-cell>
    <table:covered-table-cell><text:p>fantôme</text:p></table:covered-table-cell>
    <table:table-cell><table:table><table:table-column table:number-columns-repeated="2"/><table:table-row>
      <table:table-cell><text:p>Langue</text:p></table:table-cell>
      <table:table-cell><text:p>Niveau C1</text:p></table:table-cell>
    </table:table-row></table:table></table:table-cell>
  </table:table-row>
  <table:table-row table:number-rows-repeated="50000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>
<text:p text:style-name="PNewPage">Annexe budgétaire</text:p>
"""

CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES} office:version="1.3">
<office:automatic-styles>
  <style:style style:name="PNewPage" style:family="paragraph" style:parent-style-name="Standard">
    <style:paragraph-properties fo:break-before="page"/>
  </style:style>
</office:automatic-styles>
<office:body><office:text text:use-soft-page-breaks="true">{{body}}</office:text></office:body>
</office:document-content>"""

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{extra}</manifest:file-entry>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

ENCRYPTION = """<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">
<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>
<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>
</manifest:encryption-data>"""


def build_odt(path: Path, body: str = BODY, *, content: bytes | None = None,
              styles: str = STYLES, manifest_extra: str = "") -> Path:
    """An ODT package as LibreOffice writes it: mimetype first and stored."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        if content is None:
            content = CONTENT.format(body=body).encode("utf-8")
        zf.writestr("content.xml", content)
        zf.writestr("styles.xml", styles)
        zf.writestr("META-INF/manifest.xml", MANIFEST.format(extra=manifest_extra))
    return path


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Path:
    return build_odt(tmp_path_factory.mktemp("odt") / "candidature.odt")


@pytest.fixture(scope="module")
def piece(dossier):
    piece = read_piece(dossier, "candidature.odt", LIMITS)
    assert piece.error is None, piece.error
    return piece


def texts(piece, **where):
    return [b.text for b in piece.blocks
            if all(getattr(b, key) == value for key, value in where.items())]


def test_headings_with_levels(piece):
    headings = [(b.text, b.level) for b in piece.blocks if b.kind == "heading"]
    assert headings == [("Dossier de candidature EXPE-CT", 1), ("Présentation du projet", 1),
                        ("Calendrier", 2), ("Composition de l'équipe", 2)]


def test_inline_text_spaces_tabs_breaks_and_no_note_or_comment(piece):
    para = next(t for t in texts(piece, kind="paragraph") if t.startswith("L'équipe"))
    assert para == "L'équipe   propose une mission\td'expertise au Sénégal.\nDurée : six mois."
    assert "Commentaire" not in piece.text and "Marie" not in piece.text


def test_footnote_is_its_own_block_after_its_paragraph(piece):
    notes = [b for b in piece.blocks if b.source == "footnote"]
    assert [b.text for b in notes] == ["Selon le rapport annuel de 2023."]
    before = piece.blocks[notes[0].index - 1]
    assert before.text.startswith("L'équipe")


def test_tracked_changes_keep_insertions_and_drop_deletions(piece):
    assert "Nous avons ajouté ce texte en relecture." in texts(piece)
    assert "supprimé" not in piece.text and "Relecteur" not in piece.text


def test_placeholders_are_empty(piece):
    assert "Signature : Nom :" in texts(piece)
    assert "Cliquez" not in piece.text


def test_text_box_block(piece):
    assert texts(piece, source="textbox") == ["Encadré : budget prévisionnel de 120 000 euros."]
    assert "Ancre" in texts(piece, source="body")


def test_lists_including_nested(piece):
    assert texts(piece, kind="list_item") == [
        "Diagnostic des besoins", "Formation des agents", "Module douanier"]


def test_table_rows_repeats_merges_and_nested_table(piece):
    tables = [b for b in piece.blocks if b.kind == "table"]
    assert len(tables) == 2
    outer, nested = tables
    assert outer.rows[:3] == [["Nom", "Fonction", "Qualifications"],
                              ["Claire Martin", "Cheffe de mission",
                               "Doctorat en droit\nAnglais courant"],
                              ["Poste à pourvoir", "", ""]]
    # 16 000 repeated empty cells and 50 000 repeated empty rows do not explode
    assert len(outer.rows) == 4 and all(len(r) == 3 for r in outer.rows)
    assert "fantôme" not in piece.text
    assert nested.rows == [["Langue", "Niveau C1"]]
    assert nested.index == outer.index + 1
    assert "Langue" not in outer.text


def test_header_and_footer_each_once_after_the_body(piece):
    assert texts(piece, source="header") == [
        "Ministère de l'Europe et des Affaires étrangères — Label EXPE-CT"]
    assert texts(piece, source="footer") == ["Page 1"]   # "Page 3" is the same footer
    assert "Pied masqué" not in piece.text
    assert piece.blocks[-1].source == "footer"
    assert all(b.page is None for b in piece.blocks if b.source in ("header", "footer"))


def test_pages_from_soft_and_hard_breaks(piece):
    page = {b.text: b.page for b in piece.blocks if b.kind != "table"}
    assert page["Présentation du projet"] == 1
    assert page["Module douanier"] == 1
    assert page["Composition de l'équipe"] == 2          # soft page break
    assert page["Annexe budgétaire"] == 3                # fo:break-before="page"
    assert piece.pages == 3
    assert [b.index for b in piece.blocks] == list(range(len(piece.blocks)))
    assert all(b.piece == "candidature.odt" for b in piece.blocks)


def test_page_limit_stops_reading_with_a_warning(dossier):
    piece = read_piece(dossier, "candidature.odt", Limits(max_pages=1))
    assert piece.error is None
    assert "Composition de l'équipe" not in piece.text
    assert piece.warnings == ["Seule la première page du document a été lue."]


def test_no_soft_page_breaks_means_unknown_pages(tmp_path):
    content = CONTENT.replace(' text:use-soft-page-breaks="true"', "").format(
        body="<text:p>Une seule page.</text:p>").encode()
    piece = read_piece(build_odt(tmp_path / "a.odt", content=content), "a.odt", LIMITS)
    assert [(b.text, b.page) for b in piece.blocks if b.source == "body"] == [
        ("Une seule page.", None)]
    assert piece.pages is None


def test_hidden_sections_endnotes_and_content_control_prompts(tmp_path):
    body = """
<text:section text:name="Brouillon" text:display="none"><text:p>Section masquée</text:p></text:section>
<text:section text:name="Visible"><text:p>Budget<text:note text:note-class="endnote"><text:note-body>
  <text:p>Montants hors taxes.</text:p></text:note-body></text:note> validé.</text:p></text:section>
<text:p>Date : <loext:content-control loext:showing-place-holder="true">Cliquez pour choisir</loext:content-control></text:p>
<text:numbered-paragraph><text:p>Point unique</text:p></text:numbered-paragraph>"""
    piece = read_piece(build_odt(tmp_path / "s.odt", body), "s.odt", LIMITS)
    assert [(b.kind, b.source, b.text) for b in piece.blocks if b.source != "header"][:4] == [
        ("paragraph", "body", "Budget validé."), ("paragraph", "endnote", "Montants hors taxes."),
        ("paragraph", "body", "Date :"), ("list_item", "body", "Point unique")]
    assert "masquée" not in piece.text


def test_encrypted_odt(tmp_path):
    path = build_odt(tmp_path / "secret.odt", content=b"\x8a\x01binary", manifest_extra=ENCRYPTION)
    piece = read_piece(path, "secret.odt", LIMITS)
    assert piece.error.code == "encrypted" and piece.format == "odt"


@pytest.mark.parametrize("content, code", [
    (b"<office:document-content", "unreadable"),          # truncated XML
    (None, "unreadable"),                                  # no content.xml at all
])
def test_broken_or_missing_content(tmp_path, content, code):
    path = tmp_path / "casse.odt"
    if content is None:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)
            zf.writestr("styles.xml", STYLES)
    else:
        build_odt(path, content=content)
    assert read_piece(path, "casse.odt", LIMITS).error.code == code


def test_inflated_part_refused_before_reading(tmp_path):
    bomb = CONTENT.format(body="<text:p>x</text:p>" + " " * 5_000_000).encode()
    piece = read_piece(build_odt(tmp_path / "bombe.odt", content=bomb), "bombe.odt", LIMITS)
    assert piece.error.code == "too_large"


def test_entities_are_never_expanded_nor_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-SECRET")
    content = (f"""<?xml version="1.0"?>
<!DOCTYPE office:document-content [
  <!ENTITY xxe SYSTEM "{secret.as_uri()}">
  <!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>""" + CONTENT.split("?>", 1)[1].format(body="<text:p>Avant &xxe; &c; après</text:p>")).encode()
    piece = read_piece(build_odt(tmp_path / "xxe.odt", content=content), "xxe.odt", LIMITS)
    assert "SECRET" not in piece.text and "lol" not in piece.text
    assert "Avant" in piece.text


def test_corpus_trivial_odt(corpus_dir):
    piece = read_piece(corpus_dir / "other/pysamples__002-trivial-libre-office-writer__source.odt",
                       "source.odt", LIMITS)
    assert piece.error is None and piece.format == "odt"
    assert len(piece.blocks) == 1 and piece.blocks[0].text.startswith("Lorem ipsum dolor sit amet")
    assert piece.pages == 1


def test_corpus_form_odt_shows_control_values(corpus_dir):
    piece = read_piece(corpus_dir / "other/pysamples__012-libreoffice-form__libreoffice-form.odt",
                       "form.odt", LIMITS)
    assert piece.error is None
    assert piece.blocks[0].kind == "heading" and piece.blocks[0].text == "Example for a Form"
    assert "First Name   Alice     Last Name" in texts(piece)
    assert "☐ Agree to privacy policy" in texts(piece)
    assert "Bob ☐ Other" in texts(piece)
