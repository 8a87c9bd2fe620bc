"""A full disk: no drop is taken below the reserve (the originals stay in the
inbox, a smaller drop that fits is still filed), a clear French message and
a dedicated exit code, and filing resumes once space returns.  On a real
small tmpfs (as root), else skipped."""
from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

import dossier_factory as make
import expe_ct.inbox
from expe_ct.inbox import Filer, Home
from register import Register
from test_inbox import analyse
from test_register import fresh_register

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def empty_register(tmp_path):
    """Each test starts from an empty register (matters with EXPE_CT_REGISTER_URL)."""
    fresh_register(tmp_path / "home").close()


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system for the home; grown by calling the fixture's value."""
    mount = tmp_path / "petit-disque"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"tmpfs impossible ici : {made.stderr.strip()}")

    def grow(size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(mount)], check=True)

    yield mount, grow
    subprocess.run(["umount", "-l", str(mount)], check=False)


def run_once(inbox: Path, home: Path) -> tuple[list[dict], int]:
    register = Register.open(home)
    try:
        filer = Filer(Home(home), register)
        claims = [*filer.recover(inbox), *filer.claim_stable(inbox, 0)]
        return [filer.process(c, analyse) for c in claims], filer.left_for_space
    finally:
        register.close()


def test_below_the_reserve_drops_stay_in_the_inbox_until_space_returns(tmp_path, small_disk, monkeypatch):
    mount, grow = small_disk
    monkeypatch.setenv("EXPE_CT_DISK_RESERVE_MB", "1")
    home, inbox = mount / "home", tmp_path / "depot"  # two file systems: claims are copies
    inbox.mkdir()
    make.candidature(inbox / "petit.docx")
    big = inbox / "gros.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(2_500_000))
    big_digest = hashlib.sha256(big.read_bytes()).hexdigest()

    manifests, left = run_once(inbox, home)
    assert [m["outcome"] for m in manifests] == ["filed"] and left == 1  # the small one still fits
    assert [p.name for p in inbox.iterdir()] == ["gros.pdf"]
    assert hashlib.sha256(big.read_bytes()).hexdigest() == big_digest
    assert list((home / "staging").iterdir()) == []
    assert "espace disque insuffisant" in Home(home).space_message(left)

    grow("20m")  # space returns
    manifests, left = run_once(inbox, home)
    assert len(manifests) == 1 and left == 0 and list(inbox.iterdir()) == []
    stored = next(p for p in (home / manifests[0]["paths"]["location"]).iterdir() if p.suffix == ".pdf")
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == big_digest


def test_enospc_while_filing_keeps_the_claim_for_later(tmp_path, monkeypatch):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    inbox.mkdir()
    make.candidature(inbox / "c.docx")

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(expe_ct.inbox, "write_sheet", disk_full)  # where the inbox looks it up
        with pytest.raises(OSError):
            run_once(inbox, home)
    assert len(list((home / "staging").iterdir())) == 1  # not quarantined: the drop is not at fault
    assert not any((home / "quarantine").iterdir())
    manifests, _ = run_once(inbox, home)
    assert [m["outcome"] for m in manifests] == ["filed"]


def test_inbox_command_stops_with_its_exit_code_when_the_disk_is_full(tmp_path, small_disk):
    mount, _ = small_disk
    inbox = tmp_path / "depot"
    inbox.mkdir()
    make.candidature(inbox / "c.docx")
    env = {**os.environ, "EXPE_CT_DISK_RESERVE_MB": "50"}
    done = subprocess.run([sys.executable, "-m", "expe_ct.cli", "inbox", "--once", "--inbox", str(inbox),
                           "--home", str(mount / "home")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 75, done.stderr
    assert "espace disque insuffisant" in done.stderr and "Traceback" not in done.stderr
    assert [p.name for p in inbox.iterdir()] == ["c.docx"]
