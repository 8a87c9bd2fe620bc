"""Legacy .doc reader: every .doc of the real corpus (encrypted, fuzzed,
Word 6/95, empty...), a French dossier round-tripped through Word 97 format,
the antiword fallback, and the converter's isolation (timeout, process
group, temporary files, originals untouched, two processes at once)."""
from __future__ import annotations

import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest

from common.limits import Limits
from extractors import converter, doc_reader, odt_reader  # noqa: F401  (register readers)
from extractors.base import get_reader, read_piece
from extractors.errors import ExtractionError
from test_odt_reader import build_odt

LIMITS = Limits()
PREFIX = "poi__test-data__document__"

pytestmark = pytest.mark.skipif(not converter.available() or not shutil.which("antiword"),
                                reason="LibreOffice et antiword requis")


def corpus_doc(corpus_dir: Path, name: str) -> Path:
    return corpus_dir / "other" / f"{PREFIX}{name}"


# A sample of the corpus's 22 .doc files and the outcome each one owes
# (all 22 are converted in the report; ~1.2 s each is too slow for a test).
EXPECTED = {
    "PasswordProtected.doc": "encrypted",
    "password_password_cryptoapi.doc": "encrypted",
    "password_tika_binaryrc4.doc": "encrypted",
    "empty.doc": "empty",
    "clusterfuzz-testcase-POIHWPFFuzzer-5696094627495936.doc": "unreadable",
    "clusterfuzz-testcase-minimized-POIHWPFFuzzer-5418937293340672.doc": "ok",
    "Fuzzed.doc": "ok",
    "word95err.doc": "ok",
    "SampleDoc.doc": "ok",
    "simple.doc": "ok",
    "Word6.doc": "ok",
    "Word95.doc": "ok",
    "HeaderFooterUnicode.doc": "ok",
    "au.edu.utas.www___data_assets_word_doc_0003_154335_International-Travel-Approval-"
    "Request-Form.doc": "ok",
}


@pytest.fixture(scope="module")
def corpus(corpus_dir):
    """The sampled .doc files read once: name -> (piece, seconds)."""
    get_reader("doc")   # imports every reader now, not in the first timing
    results = {}
    for name in EXPECTED:
        start = time.monotonic()
        piece = read_piece(corpus_doc(corpus_dir, name), name, LIMITS)
        results[name] = (piece, time.monotonic() - start)
    return results


@pytest.fixture(scope="module")
def dossier_doc(tmp_path_factory) -> Path:
    """The ODT reader's French dossier saved by LibreOffice as Word 97."""
    folder = tmp_path_factory.mktemp("doc")
    odt = build_odt(folder / "candidature.odt")
    with converter.converted(odt, "doc", ".odt") as doc:
        return Path(shutil.copy(doc, folder / "candidature.doc"))


def test_corpus_outcomes(corpus):
    status = {name: piece.error.code if piece.error else "ok" for name, (piece, _) in corpus.items()}
    assert status == EXPECTED
    assert all(piece.format == "doc" for piece, _ in corpus.values())
    assert max(seconds for _, seconds in corpus.values()) < converter.DEFAULT_TIMEOUT_S
    # encrypted files are recognised from the FIB, before any conversion
    assert all(seconds < 1 for name, (_, seconds) in corpus.items() if EXPECTED[name] == "encrypted")


def test_corpus_known_text(corpus):
    sample, _ = corpus["SampleDoc.doc"]
    assert [(b.text, b.page) for b in sample.blocks][2:4] == [
        ("I am Calibri (Body) in font size 11", 1), ("This is page two", 2)]
    assert sample.pages == 2
    assert corpus["simple.doc"][0].text == "This is a simple file created with Word 97-SR2."
    assert corpus["Word6.doc"][0].text == "The quick brown fox jumps over the lazy dog"
    assert corpus["Word95.doc"][0].text.splitlines()[1] == "Paragraph 2"


def test_corpus_headers_footers_and_headings(corpus):
    piece, _ = corpus["HeaderFooterUnicode.doc"]
    assert [b.text for b in piece.blocks if b.source == "header"] == [
        "This is a simple header, with a € euro symbol in it."]
    assert [b.text for b in piece.blocks if b.source == "footer"] == [
        "The footer, with Molière, has Unicode in it."]
    assert [(b.text, b.level) for b in piece.blocks if b.kind == "heading"] == [("Molière", 1)]


def test_corpus_form_tables(corpus):
    piece, _ = corpus["au.edu.utas.www___data_assets_word_doc_0003_154335_"
                      "International-Travel-Approval-Request-Form.doc"]
    tables = [b for b in piece.blocks if b.kind == "table"]
    assert len(tables) == 9
    assert tables[1].rows[0] == ["Date(s)", "City", "Country", "Activities"]
    # the page count is LibreOffice's layout, which depends on the fonts installed
    assert piece.blocks[-1].source == "footer"
    assert re.fullmatch(r"Page (\d) of \1", piece.blocks[-1].text)


def test_dossier_round_trip_keeps_the_structure(dossier_doc):
    piece = read_piece(dossier_doc, "candidature.doc", LIMITS)
    assert piece.error is None and piece.format == "doc"
    assert [(b.text, b.level) for b in piece.blocks if b.kind == "heading"][:2] == [
        ("Dossier de candidature EXPE-CT", 1), ("Présentation du projet", 1)]
    assert [b.text for b in piece.blocks if b.source == "footnote"] == [
        "Selon le rapport annuel de 2023."]
    assert [b.text for b in piece.blocks if b.source == "textbox"] == [
        "Encadré : budget prévisionnel de 120 000 euros."]
    assert [b.text for b in piece.blocks if b.kind == "list_item"] == [
        "Diagnostic des besoins", "Formation des agents", "Module douanier"]
    table = next(b for b in piece.blocks if b.kind == "table")
    assert table.rows[:2] == [["Nom", "Fonction", "Qualifications"],
                              ["Claire Martin", "Cheffe de mission",
                               "Doctorat en droit\nAnglais courant"]]
    assert [b.text for b in piece.blocks if b.source == "header"] == [
        "Ministère de l'Europe et des Affaires étrangères — Label EXPE-CT"]
    assert "Nous avons ajouté ce texte en relecture." in piece.text
    assert "supprimé" not in piece.text and "Cliquez" not in piece.text
    assert "document.doc" not in piece.text


def test_antiword_fallback_without_libreoffice(dossier_doc, corpus_dir, monkeypatch):
    monkeypatch.setattr(converter, "soffice", lambda: None)
    piece = read_piece(dossier_doc, "candidature.doc", LIMITS)
    assert piece.error is None and piece.format == "doc"
    assert ("Présentation du projet", 1) in [(b.text, b.level) for b in piece.blocks
                                             if b.kind == "heading"]
    table = next(b for b in piece.blocks if b.kind == "table")
    assert table.rows[0] == ["Nom", "Fonction", "Qualifications"]
    assert "supprimé" not in piece.text
    sample = read_piece(corpus_doc(corpus_dir, "SampleDoc.doc"), "s.doc", LIMITS)
    assert ("This is page two", 2) in [(b.text, b.page) for b in sample.blocks]
    # antiword reads Word 97+ only
    word6 = read_piece(corpus_doc(corpus_dir, "Word6.doc"), "w.doc", LIMITS)
    assert word6.error.code == "unreadable"


def test_failed_conversion_falls_back_to_antiword(corpus_dir, monkeypatch):
    monkeypatch.setattr(converter, "soffice", lambda: shutil.which("false"))
    piece = read_piece(corpus_doc(corpus_dir, "simple.doc"), "simple.doc", LIMITS)
    assert piece.text == "This is a simple file created with Word 97-SR2."
    assert piece.warnings and "texte seul" in piece.warnings[0]


def test_ole_file_without_word_stream_is_not_a_doc(corpus_dir, tmp_path):
    data = corpus_doc(corpus_dir, "simple.doc").read_bytes()
    name = "WordDocument".encode("utf-16-le")
    assert data.count(name) == 1
    renamed = tmp_path / "classeur.doc"
    renamed.write_bytes(data.replace(name, "WordDocumenX".encode("utf-16-le")))
    assert read_piece(renamed, "classeur.doc", LIMITS).error.code == "unsupported_format"


def test_original_untouched_and_nothing_written_beside_it(corpus_dir, tmp_path):
    original = tmp_path / "Dossier Jean Dupont.doc"
    shutil.copy(corpus_doc(corpus_dir, "simple.doc"), original)
    before = (original.read_bytes(), original.stat().st_mtime_ns)
    assert read_piece(original, original.name, LIMITS).error is None
    assert os.listdir(tmp_path) == [original.name]
    assert (original.read_bytes(), original.stat().st_mtime_ns) == before
    assert not list(Path(converter.tempfile.gettempdir()).glob(
        f"{converter.WORK_PREFIX}{os.getpid()}-*"))


def own_soffice_processes(marker: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_text():
                pids.append(int(proc.name))
        except OSError:
            pass
    return pids


def test_timeout_kills_the_whole_group_and_cleans_up(corpus_dir):
    profile = converter.profile_dir()
    with pytest.raises(ExtractionError) as caught:
        with converter.converted(corpus_doc(corpus_dir, "SampleDoc.doc"), timeout_s=0.3):
            pass
    assert caught.value.code == "timeout"
    assert own_soffice_processes(profile.name) == []
    assert not profile.exists()          # a killed instance's profile is not reused
    assert not list(Path(converter.tempfile.gettempdir()).glob(
        f"{converter.WORK_PREFIX}{os.getpid()}-*"))


def convert_in_worker(path: str) -> str:
    piece = read_piece(Path(path), "piece.doc", LIMITS)
    return piece.error.code if piece.error else piece.text


def test_two_processes_convert_at_once(corpus_dir):
    paths = [str(corpus_doc(corpus_dir, n)) for n in ("simple.doc", "Word6.doc")]
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        texts = list(pool.map(convert_in_worker, paths))
    assert texts == ["This is a simple file created with Word 97-SR2.",
                     "The quick brown fox jumps over the lazy dog"]
