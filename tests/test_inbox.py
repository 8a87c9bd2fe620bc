"""The inbox, without Prefect: what is taken and when, how it is filed, and
that a kill -9 at any point followed by a restart loses and duplicates
nothing."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

import dossier_factory as make
from record_checks import assert_valid
from expe_ct import inbox as inbox_mod
from expe_ct.inbox import Filer, Home, first_of_each, move_into, stable_entries
from expe_ct.pipeline import analyse_submission
from extractors.package import submission_sha256
from register import Register, register_url
from test_register import fresh_register

ROOT = Path(__file__).resolve().parents[1]


def analyse(path: str, received: date | None) -> dict:
    return analyse_submission(path, None, received)


def run_inbox(inbox: Path, home: Path) -> list[dict]:
    register = Register.open(home)
    try:
        filer = Filer(Home(home), register)
        later: list = []
        first = list(first_of_each([*filer.recover(inbox), *filer.claim_stable(inbox, 0)], later))
        return [filer.process(c, analyse) for c in first + later]
    finally:
        register.close()


@pytest.fixture(autouse=True)
def empty_register(tmp_path):
    """Each test starts from an empty register (matters with EXPE_CT_REGISTER_URL)."""
    fresh_register(tmp_path / "home").close()


def file_digests(root: Path) -> Counter:
    """sha256 of every file under root but our reason notes."""
    return Counter(hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*")
                   if p.is_file() and p.name != inbox_mod.REASON_FILE)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """Six submissions: candidature, report, folder, ZIP, a non-document, and a
    copy of the candidature under another name."""
    src = tmp_path_factory.mktemp("batch")
    make.candidature(src / "candidature Montreuil.docx")
    make.rapport(src / "rapport mission.docx")
    folder = src / "dossier Toulouse"
    folder.mkdir()
    make.candidature(folder / "lettre.docx", applicant="Ville de Toulouse", expertise="accès à l'eau potable")
    (folder / "cv.txt").write_text("CV", encoding="utf-8")
    with zipfile.ZipFile(src / "envoi.zip", "w") as zf:
        zf.write(make.candidature(src / "z.docx", applicant="Ville de Brest"), "lettre.docx")
    (src / "z.docx").unlink()
    make.not_a_document(src / "scan.pdf")
    shutil.copy(src / "candidature Montreuil.docx", src / "copie de la candidature.docx")
    return src


def drop(batch: Path, inbox: Path) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    for entry in batch.iterdir():
        (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, inbox / entry.name)


def test_only_complete_entries_are_taken(tmp_path):
    inbox = tmp_path / "depot"
    inbox.mkdir()
    for name in ("pret.docx", "~$pret.docx", "gros.pdf.part", "telechargement.crdownload", ".cache"):
        (inbox / name).write_bytes(b"x")
    (inbox / "en-cours").mkdir()
    (inbox / "en-cours" / "piece.pdf.part").write_bytes(b"x")
    (inbox / "complet").mkdir()
    (inbox / "complet" / "piece.pdf").write_bytes(b"x")
    (inbox / "complet" / "~$piece.docx").write_bytes(b"x")  # a lock file left over: not a download
    growing = inbox / "grossit.pdf"
    growing.write_bytes(b"x")

    def still_writing(_seconds):  # the settle delay, during which one file grows
        with open(growing, "ab") as fh:
            fh.write(b"more")

    assert [p.name for p in stable_entries(inbox, 5, sleep=still_writing)] == ["complet", "pret.docx"]
    old = time.time() - 60
    os.utime(inbox / "pret.docx", (old, old))
    assert not inbox_mod.quiet_since(inbox / "pret.docx", 30)  # its inode changed just now


def test_filing_keeps_the_bytes_and_writes_record_and_sheet(tmp_path, batch):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    drop(batch, inbox)
    originals = file_digests(batch)
    manifests = run_inbox(inbox, home)

    assert list(inbox.iterdir()) == [] and list((home / "staging").iterdir()) == []
    outcomes = Counter(m["outcome"] for m in manifests)
    assert outcomes == {"filed": 4, "quarantined": 1, "duplicate": 1}
    stored = file_digests(home / "archive") + file_digests(home / "quarantine")
    copy = hashlib.sha256((batch / "copie de la candidature.docx").read_bytes()).hexdigest()
    assert stored == originals - Counter([copy])  # the copy of the same bytes is not kept twice
    register = Register.open(home)
    rows = register.submissions()
    assert len(rows) == 5 and all(r.received == date.today() for r in rows)
    for row in rows:
        rec = json.loads((home / "records" / f"{row.sha256}.json").read_text(encoding="utf-8"))
        assert_valid(rec)
        assert rec["sha256"] == row.sha256 and Path(rec["submission"]).exists()
        sheet = (home / "sheets" / f"{row.sha256}.html").read_text(encoding="utf-8")
        assert '<html lang="fr">' in sheet and "reçu le" in sheet
    [bad] = [r for r in rows if r.quarantined]
    reason = (home / bad.location / inbox_mod.REASON_FILE).read_text(encoding="utf-8")
    assert reason.startswith("Le dossier n'a pas pu être lu (unsupported_format)")
    [report] = [r for r in rows if r.kind == "rapport"]
    deadline = next(c for c in report.record["checks"] if c["id"] == "report.deadline")
    assert f"reçu le {date.today():%d/%m/%Y}" in deadline["message"]  # the inbox's date counts
    folder = next(r for r in rows if (home / r.location / "dossier Toulouse").is_dir())
    assert folder.sha256 == submission_sha256(batch / "dossier Toulouse")
    register.close()


def test_a_redrop_creates_nothing_new(tmp_path, batch):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    drop(batch, inbox)
    run_inbox(inbox, home)
    records_before = sorted(p.name for p in (home / "records").iterdir())
    drop(batch, inbox)
    manifests = run_inbox(inbox, home)
    assert Counter(m["outcome"] for m in manifests) == {"duplicate": 6}
    assert sorted(p.name for p in (home / "records").iterdir()) == records_before
    assert list(inbox.iterdir()) == []
    register = Register.open(home)
    assert register.count() == 5
    assert sum(r.redrops for r in register.submissions()) == 7  # 6 now, and the copy the first time
    register.close()


def test_a_corrected_resubmission_is_linked_to_the_first(tmp_path):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    inbox.mkdir()
    make.candidature(inbox / "v1.docx", commitment=False)
    [first] = run_inbox(inbox, home)
    make.candidature(inbox / "v2.docx", commitment=True, signed_on="20 mars 2025")
    [second] = run_inbox(inbox, home)
    assert second["previous"] == first["sha256"] and second["changed_checks"] >= 1
    register = Register.open(home)
    link = register.version_link(register.get(second["sha256"]).record)
    assert {"id": "commitment.meae", "before": "fail", "after": "pass"} in link["changes"]
    sheet = (home / second["paths"]["sheet"]).read_text(encoding="utf-8")
    assert "Version corrigée" in sheet
    register.close()


def test_a_move_across_file_systems_is_whole_or_nothing(tmp_path, monkeypatch):
    src = tmp_path / "depot" / "dossier"
    src.mkdir(parents=True)
    (src / "a.pdf").write_bytes(b"a" * 1000)
    real_rename = os.rename

    def rename(a, b):  # the inbox is on another device than the home
        device = lambda p: Path(p).relative_to(tmp_path).parts[0]  # noqa: E731
        if device(a) != device(b):
            raise OSError(errno.EXDEV, "cross-device link")
        calls.append(Path(b).name)
        return real_rename(a, b)

    calls = []

    monkeypatch.setattr(os, "rename", rename)
    dest = tmp_path / "staging" / "dossier"
    dest.parent.mkdir()
    move_into(src, dest)
    assert (dest / "a.pdf").read_bytes() == b"a" * 1000
    assert calls[0] == "dossier" and calls[1].startswith(".expe-ct-copie-")  # copy, then hide source
    assert list((tmp_path / "depot").iterdir()) == []
    assert [p.name for p in dest.parent.iterdir()] == ["dossier"]


CRASHER = """
import sys
from pathlib import Path
sys.path[:0] = [{root!r}, {tests!r}]   # the checkout first: tests/checks/ must not shadow checks/
from test_inbox import run_inbox
run_inbox(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@lru_cache(maxsize=None)
def _engine(url: str):
    return create_engine(url)


def _count_rows(home: Path) -> int:
    try:
        with _engine(register_url(home)).connect() as db:
            return db.execute(text("select count(*) from submissions")).scalar()
    except SQLAlchemyError:  # not created yet
        return 0


def _journal_has(home: Path, name: str) -> bool:
    return any((d / name).exists() for d in (home / "staging").glob("*"))


# Moments to kill at, each seen from outside by polling the home.
KILL_POINTS = {
    "claim written": lambda h: _journal_has(h, "claim.json"),
    "entry staged": lambda h: any(any(d.glob("depot/*")) for d in (h / "staging").glob("*")),
    "record written": lambda h: any((h / "records").glob("*.json")),
    "analysis journaled": lambda h: _journal_has(h, "filing.json"),
    "entry archived": lambda h: any(p.is_file() for p in (h / "archive").rglob("*")),
    "first row": lambda h: _count_rows(h) >= 1,
    "third row": lambda h: _count_rows(h) >= 3,
}


def test_kill_9_at_any_point_then_restart_loses_and_duplicates_nothing(tmp_path, batch):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    drop(batch, inbox)
    originals = file_digests(batch)
    script = tmp_path / "crasher.py"
    script.write_text(CRASHER.format(root=str(ROOT), tests=str(Path(__file__).parent)), encoding="utf-8")
    killed = []
    for name, reached in KILL_POINTS.items():
        proc = subprocess.Popen([sys.executable, str(script), str(inbox), str(home)], cwd=ROOT)
        while proc.poll() is None and not (home.exists() and reached(home)):
            time.sleep(0.001)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed.append(name)
        proc.wait()
    print("tué après :", ", ".join(killed))
    assert len(killed) >= 4, killed  # most points were hit while work remained
    subprocess.run([sys.executable, str(script), str(inbox), str(home)], cwd=ROOT, check=True, timeout=120)

    assert list(inbox.iterdir()) == [] and list((home / "staging").iterdir()) == []
    stored = file_digests(home / "archive") + file_digests(home / "quarantine")
    duplicate = hashlib.sha256((batch / "copie de la candidature.docx").read_bytes()).hexdigest()
    assert stored == originals - Counter([duplicate])  # every byte once: nothing lost, nothing twice
    register = Register.open(home)
    rows = register.submissions()
    expected = {submission_sha256(p) for p in batch.iterdir()}
    assert {r.sha256 for r in rows} == expected and len(rows) == 5
    assert sorted(p.stem for p in (home / "records").iterdir()) == sorted(expected)
    assert sorted(p.stem for p in (home / "sheets").iterdir()) == sorted(expected)
    register.close()


def test_folders_without_pieces_are_each_kept(tmp_path):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    for folder, junk in (("envoi 1", "Thumbs.db"), ("envoi 2", ".DS_Store"), ("envoi 3", None)):
        (inbox / folder).mkdir(parents=True)
        if junk:
            (inbox / folder / junk).write_bytes(junk.encode())
    manifests = run_inbox(inbox, home)
    assert [m["outcome"] for m in manifests] == ["quarantined"] * 3
    assert len({m["sha256"] for m in manifests}) == 3
    assert sorted(p.name for p in (home / "quarantine").glob("*/envoi *")) == ["envoi 1", "envoi 2", "envoi 3"]


def test_one_inbox_run_at_a_time_per_home(tmp_path):
    with Home(tmp_path).exclusive() as first, Home(tmp_path).exclusive() as second:
        assert first and not second
    with Home(tmp_path).exclusive() as again:
        assert again


def test_a_dropped_file_cannot_overwrite_the_journal(tmp_path):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    inbox.mkdir()
    for name in ("claim.json", "filing.json"):
        (inbox / name).write_text('{"name": "piège", "sha256": "0", "location": "/"}', encoding="utf-8")
    manifests = run_inbox(inbox, home)
    assert sorted(m["outcome"] for m in manifests) == ["duplicate", "quarantined"]  # same bytes twice
    [kept] = [p for p in (home / "quarantine").rglob("*.json")]
    assert kept.read_text(encoding="utf-8").startswith('{"name": "piège"')
