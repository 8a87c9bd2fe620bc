"""One poison drop never stops the inbox: each failure on one drop (claim,
digest, copy, read, filing) quarantines it with its reason, or leaves it in
place noted once, and the other drops are filed."""
from __future__ import annotations

import builtins
import errno
import io
import json
import logging
import os
import socket
from collections import Counter
from pathlib import Path

import pytest

import dossier_factory as make
from expe_ct import inbox as inbox_mod
from register import Register
from test_inbox import run_inbox
from test_register import fresh_register

LONG_NAME = "c" * 250 + ".docx"  # 255 bytes: no room left for a ".partiel-" prefix


@pytest.fixture(autouse=True)
def empty_register(tmp_path):
    fresh_register(tmp_path / "home").close()


@pytest.fixture
def across_devices(tmp_path, monkeypatch):
    """The inbox (tmp_path/depot) is on another file system than the home."""
    real_rename = os.rename

    def rename(a, b):
        device = lambda p: Path(os.fsdecode(p)).relative_to(tmp_path).parts[0]  # noqa: E731
        if device(a) != device(b):
            raise OSError(errno.EXDEV, "cross-device link")
        return real_rename(a, b)

    monkeypatch.setattr(os, "rename", rename)


def deny_reading(monkeypatch, name: str) -> None:
    """Opening a file of this name fails as for a file the process may not
    read (the tests run as root, who may read everything)."""
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and Path(os.fsdecode(file)).name == name:
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(io, "open", guarded)


def test_poison_drops_are_isolated_and_the_batch_goes_on(tmp_path, monkeypatch, across_devices, caplog):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    inbox.mkdir()
    make.candidature(inbox / "bon.docx")
    make.candidature(inbox / LONG_NAME, applicant="Ville de Lyon")
    bad_bytes = os.path.join(os.fsencode(inbox), b"caf\xe9 \x1b[31m.docx")  # Latin-1 and an escape
    make.candidature(Path(os.fsdecode(bad_bytes)), applicant="Ville de Nantes")
    make.candidature(inbox / "fiche-impossible.docx", applicant="Ville de Brest")
    real_sheet = inbox_mod.write_sheet

    def sheet_fails_for_brest(path, record, *args, **kwargs):
        if (record.get("applicant") or {}).get("name") == "Ville de Brest":
            raise ValueError("a writer choked")
        return real_sheet(path, record, *args, **kwargs)

    monkeypatch.setattr(inbox_mod, "write_sheet", sheet_fails_for_brest)  # where the inbox looks it up
    with_pipe = inbox / "avec tube"  # a named pipe in a folder: copied as a pipe across devices
    with_pipe.mkdir()
    make.candidature(with_pipe / "lettre.docx", applicant="Ville de Rennes")
    os.mkfifo(with_pipe / "tube")
    with_socket = inbox / "avec socket"  # a socket cannot be copied: the drop stays where it is
    with_socket.mkdir()
    make.candidature(with_socket / "lettre.docx", applicant="Ville de Metz")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(with_socket / "s"))

    caplog.set_level(logging.DEBUG, logger="expe_ct.inbox")
    manifests = run_inbox(inbox, home)
    outcomes = Counter(m["outcome"] for m in manifests)
    assert outcomes == {"filed": 4, "quarantined": 1}, manifests
    assert sorted(os.listdir(inbox)) == ["avec socket"]  # left in place, whole
    assert sorted(os.listdir(with_socket)) == ["lettre.docx", "s"]
    assert list((home / "staging").iterdir()) == []

    register = Register.open(home)
    rows = {r.record["applicant"]["name"] if r.record["applicant"] else r.sha256: r
            for r in register.submissions()}
    register.close()
    assert {"Ville de Montreuil", "Ville de Lyon", "Ville de Nantes", "Ville de Rennes"} <= set(rows)
    lyon = home / rows["Ville de Lyon"].location
    [stored] = [p for p in lyon.iterdir() if p.suffix == ".docx"]
    assert stored.name.startswith("depot-") and len(stored.name) < 40
    assert (lyon / f"{stored.name}.nom-d-origine.txt").read_text(encoding="utf-8") == LONG_NAME + "\n"
    nantes = home / rows["Ville de Nantes"].location
    assert (nantes / next(p.name for p in nantes.iterdir() if p.suffix == ".docx")).is_file()
    original = next(p for p in nantes.iterdir() if p.name.endswith(".nom-d-origine.txt"))
    assert original.read_text(encoding="utf-8") == "caf\\xe9 \\x1b[31m.docx\n"  # shown, never raw
    assert (home / rows["Ville de Rennes"].location / "avec tube" / "tube").is_fifo()

    reasons = {p.parent.name: p.read_text(encoding="utf-8")
               for p in (home / "quarantine").glob(f"*/{inbox_mod.REASON_FILE}")}
    [brest] = reasons.values()
    assert "Nom du dépôt : fiche-impossible.docx" in brest
    assert "Le dépôt n'a pas pu être classé : erreur ValueError" in brest

    [note] = (home / "laisses-dans-la-boite").iterdir()
    note_data = json.loads(note.read_text(encoding="utf-8"))
    assert note_data["original"] == "avec socket"
    assert note_data["reason"].startswith("Le dépôt n'a pas pu être pris dans la boîte de dépôt : erreur Error")
    assert run_inbox(inbox, home) == []  # noted once, not taken again while unchanged
    left = [r for r in caplog.records if "laissé dans la boîte" in r.getMessage()]
    assert len(left) == 1 and "avec socket" not in left[0].getMessage()  # no name in the log
    sock.close()


def test_an_unreadable_drop_is_quarantined_and_the_others_filed(tmp_path, monkeypatch):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    inbox.mkdir()
    make.candidature(inbox / "interdit.docx", applicant="Ville de Lille")
    folder = inbox / "envoi"  # its only piece unreadable too
    folder.mkdir()
    make.candidature(folder / "interdit.docx", applicant="Ville de Lille")
    make.candidature(inbox / "bon.docx")
    deny_reading(monkeypatch, "interdit.docx")
    manifests = run_inbox(inbox, home)
    assert Counter(m["outcome"] for m in manifests) == {"filed": 1, "quarantined": 2}
    assert list(inbox.iterdir()) == [] and list((home / "staging").iterdir()) == []
    reasons = [p.read_text(encoding="utf-8") for p in (home / "quarantine").glob(f"*/{inbox_mod.REASON_FILE}")]
    assert len(reasons) == 2 and all("Le dossier n'a pas pu être lu (unreadable)" in r for r in reasons)
    assert run_inbox(inbox, home) == []  # nothing left to stumble on


def test_a_drop_left_in_place_is_tried_again_once_changed(tmp_path, across_devices):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    folder = inbox / "envoi"
    folder.mkdir(parents=True)
    make.candidature(folder / "lettre.docx")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "s"))
    assert run_inbox(inbox, home) == []
    assert len(list((home / "laisses-dans-la-boite").iterdir())) == 1
    sock.close()
    (folder / "s").unlink()  # the sender fixes it
    [filed] = run_inbox(inbox, home)
    assert filed["outcome"] == "filed" and list(inbox.iterdir()) == []
    run_inbox(inbox, home)
    assert list((home / "laisses-dans-la-boite").iterdir()) == []  # the note went with the entry


def test_stored_names_are_chosen_for_unsafe_names():
    assert inbox_mod.stored_name("dossier Montreuil.pdf") == "dossier Montreuil.pdf"
    for name in (LONG_NAME, os.fsdecode(b"caf\xe9.pdf"), "a\nb.pdf", "x\x1b[2J.pdf"):
        chosen = inbox_mod.stored_name(name)
        assert chosen.startswith("depot-") and chosen.endswith(Path(name).suffix) and chosen.isprintable()
    assert inbox_mod.stored_name("a\nb.pdf") != inbox_mod.stored_name("a\rb.pdf")


def test_a_journal_that_cannot_be_resumed_is_set_aside(tmp_path):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    inbox.mkdir()
    make.candidature(inbox / "bon.docx")
    broken = home / "staging" / "1-abcdef12"  # filed before a crash, but its record is gone
    broken.mkdir(parents=True)
    (broken / "claim.json").write_text('{"name": "x.docx", "received": "2025-01-01"}', encoding="utf-8")
    (broken / "filing.json").write_text(json.dumps(
        {"sha256": "ab" * 32, "received": None, "location": "archive/ab/" + "ab" * 32,
         "quarantined": False, "name": "x.docx"}), encoding="utf-8")
    manifests = run_inbox(inbox, home)
    assert [m["outcome"] for m in manifests] == ["filed"]
    assert list((home / "staging").iterdir()) == []
    reason = (home / "quarantine" / "bloque-1-abcdef12" / inbox_mod.REASON_FILE).read_text(encoding="utf-8")
    assert reason.startswith("Le dépôt n'a pas pu être repris après une interruption : erreur")
    assert run_inbox(inbox, home) == []
