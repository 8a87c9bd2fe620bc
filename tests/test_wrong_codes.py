"""The right contract code and a message a person can act on, never a raw
traceback: encrypted DOCX entries, one unreadable piece in a folder, a
damaged register, a ZIP inside a ZIP."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

import dossier_factory as make
from expe_ct.pipeline import analyse_submission
from extractors.package import UNREADABLE_DIGEST, sha256_file
from register import Register, RegisterDamaged
from register.backup import backup, backups, problems
from test_inbox_isolation import deny_reading

ROOT = Path(__file__).resolve().parents[1]


def test_docx_with_password_encrypted_entries_is_encrypted(tmp_path):
    plain = make.candidature(tmp_path / "plain.docx")
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(plain) as zf:
        zf.extractall(unpacked)
    target = tmp_path / "chiffre.docx"
    subprocess.run(["zip", "-q", "-r", "-P", "secret", str(target), "."], cwd=unpacked, check=True)
    record = analyse_submission(str(target))
    assert record["status"] == "error" and record["error"]["code"] == "encrypted", record["error"]


def test_a_folder_with_one_unreadable_piece_reads_the_others(tmp_path, monkeypatch):
    folder = tmp_path / "envoi"
    folder.mkdir()
    make.candidature(folder / "lettre.docx")
    make.rapport(folder / "interdit.docx")
    deny_reading(monkeypatch, "interdit.docx")
    record = analyse_submission(str(folder))
    assert record["status"] == "ok" and record["kind"] == "candidature"
    assert record["applicant"]["name"] == "Ville de Montreuil"
    [bad] = [p for p in record["pieces"] if p.get("error")]
    assert bad["file"] == "interdit.docx" and bad["error"]["code"] == "unreadable"
    assert "accès refusé" in bad["error"]["message"]
    lines = sorted([f"interdit.docx\0{UNREADABLE_DIGEST}\n", f"lettre.docx\0{sha256_file(folder / 'lettre.docx')}\n"])
    assert record["sha256"] == hashlib.sha256("".join(lines).encode()).hexdigest()


def test_an_unreadable_single_file_is_unreadable_with_a_reason(tmp_path, monkeypatch):
    path = make.candidature(tmp_path / "interdit.docx")
    deny_reading(monkeypatch, "interdit.docx")
    record = analyse_submission(str(path))
    assert record["error"] == {"code": "unreadable",
                               "message": "Le fichier n'a pas pu être ouvert : accès refusé."}


def test_a_zip_inside_a_zip_says_so(tmp_path):
    inner = tmp_path / "interne.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.write(make.candidature(tmp_path / "c.docx"), "lettre.docx")
    outer = tmp_path / "envoi.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(inner, "interne.zip")
    record = analyse_submission(str(outer))
    assert record["status"] == "error" and record["error"]["code"] == "unsupported_format"
    message = record["error"]["message"]
    assert "imbriquées" in message and "ou ZIP" not in message


def _expe_ct(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "expe_ct.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_register_gives_a_french_message_and_is_restored(tmp_path, damage, monkeypatch):
    monkeypatch.delenv("EXPE_CT_REGISTER_URL", raising=False)
    home = tmp_path / "home"
    register = Register.open(home)
    register.declare_mission("Ville de Metz", "commune", "Mali", None, date(2025, 1, 10))
    register.close()
    assert backup(home) in backups(home)
    path = home / "registre.sqlite"
    if damage == "garbage":
        path.write_bytes(b"\x00garbage" * 1000)
    else:
        with open(path, "r+b") as fh:
            fh.truncate(path.stat().st_size // 2)
    with pytest.raises(RegisterDamaged):
        Register.open(home)

    result = _expe_ct("mission", "--titulaire", "Ville de Lyon", "--fin", "2025-02-01", "--home", str(home))
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert f"le registre {path} est endommagé" in result.stderr and "registre restaurer" in result.stderr
    check = _expe_ct("registre", "verifier", "--home", str(home))
    assert check.returncode == 3 and "ENDOMMAGÉ" in check.stdout and "saine" in check.stdout
    restored = _expe_ct("registre", "restaurer", "--home", str(home))
    assert restored.returncode == 0, restored.stderr
    assert not problems(path)
    register = Register.open(home)
    assert [m.holder for m in register.missions()] == ["Ville de Metz"]
    register.close()
    assert len(list(home.glob("registre.sqlite.endommage-*"))) == 1  # the damaged file is kept


def test_backups_keep_the_newest(tmp_path, monkeypatch):
    monkeypatch.delenv("EXPE_CT_REGISTER_URL", raising=False)
    home = tmp_path / "home"
    Register.open(home).close()
    made = [backup(home, keep=3) for _ in range(5)]
    assert backups(home) == sorted(made[2:], reverse=True)
    shutil.rmtree(home / "sauvegardes")
