"""Settled means settled: a drop still open for writing by some process is
not taken, however long its copy pauses; bytes that change after the claim
are analysed again, and the register only knows the digest of what is kept."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import dossier_factory as make
from expe_ct import inbox as inbox_mod
from expe_ct.inbox import Filer, Home, open_for_writing, stable_entries
from register import Register
from test_inbox import analyse
from test_register import fresh_register

WRITER = """
import sys, time
fh = open(sys.argv[1], "ab")
fh.write(b"%PDF-1.4 premier morceau")
fh.flush()
print("ouvert", flush=True)
sys.stdin.read()          # the copy pauses, far longer than --settle, until told to go on
fh.write(b" et la suite")
fh.close()
"""


def test_a_copy_that_pauses_is_not_taken_while_open_for_writing(tmp_path):
    inbox = tmp_path / "depot"
    inbox.mkdir()
    make.candidature(inbox / "fini.docx")
    partial = inbox / "en cours.pdf"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(partial)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ouvert"
        assert str(partial) in open_for_writing(inbox)
        # quiet for longer than the settle delay, yet still being written
        assert [p.name for p in stable_entries(inbox, 0)] == ["fini.docx"]
        folder = inbox / "envoi"
        folder.mkdir()
        with open(folder / "piece.pdf", "wb") as fh:  # a folder whose piece is still open
            fh.write(b"%PDF-1.4")
            assert [p.name for p in stable_entries(inbox, 0)] == ["fini.docx"]
    finally:
        writer.communicate("", timeout=30)
    assert sorted(p.name for p in stable_entries(inbox, 0)) == ["en cours.pdf", "envoi", "fini.docx"]
    assert partial.read_bytes().endswith(b" et la suite")


def _run(inbox: Path, home: Path, analyse_fn) -> list[dict]:
    register = Register.open(home)
    try:
        filer = Filer(Home(home), register)
        return [filer.process(c, analyse_fn) for c in filer.claim_stable(inbox, 0)]
    finally:
        register.close()


def _stored_digests(home: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in (home / "archive").rglob("*.docx")]


def test_bytes_changed_during_the_analysis_are_analysed_again(tmp_path):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    fresh_register(home).close()
    inbox.mkdir()
    make.candidature(inbox / "c.docx", applicant="Ville de Lyon")
    calls = []

    def analyse_while_written(path: str, received):
        record = analyse(path, received)
        if not calls:  # read, then the sender writes the rest into the claimed copy
            make.candidature(Path(path), applicant="Ville de Brest")
        calls.append(path)
        return record

    [filed] = _run(inbox, home, analyse_while_written)
    assert len(calls) == 2 and filed["outcome"] == "filed"
    assert _stored_digests(home) == [filed["sha256"]]
    register = Register.open(home)
    [row] = register.submissions()
    assert row.sha256 == filed["sha256"] and row.applicant == "Ville de Brest"
    assert sorted(p.stem for p in (home / "records").iterdir()) == [filed["sha256"]]
    register.close()


def test_bytes_changed_after_the_move_are_checked_before_the_register(tmp_path, monkeypatch):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    fresh_register(home).close()
    inbox.mkdir()
    make.candidature(inbox / "c.docx", applicant="Ville de Lyon")
    real_move = inbox_mod.move_into
    written = []

    def move_then_write(src: Path, dest: Path) -> None:
        real_move(src, dest)
        if "archive" in dest.parts and not written:  # a writer kept the file open across the move
            make.candidature(dest, applicant="Ville de Brest")
            written.append(dest)

    monkeypatch.setattr(inbox_mod, "move_into", move_then_write)
    [filed] = _run(inbox, home, analyse)
    assert written and filed["outcome"] == "filed"
    assert _stored_digests(home) == [filed["sha256"]]
    register = Register.open(home)
    assert [(r.sha256, r.applicant) for r in register.submissions()] == [(filed["sha256"], "Ville de Brest")]
    register.close()
    assert Counter(p.stem for p in (home / "sheets").iterdir()) == {filed["sha256"]: 1}
    assert len([d for d in (home / "archive").glob("*/*") if d.is_dir()]) == 1  # no empty leftover
