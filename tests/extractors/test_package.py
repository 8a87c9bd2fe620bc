"""Opening submissions: folders, ZIPs (slip, bombs, junk), digests, and the
promise that originals are never touched."""
from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest

from common.limits import Limits
from extractors.errors import ExtractionError
from extractors.package import is_junk, open_submission, submission_sha256

LIMITS = Limits()


def make_zip(path: Path, entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return path


@pytest.mark.parametrize("name,junk", [
    (".DS_Store", True), ("Thumbs.db", True), ("~$lettre.docx", True), ("a/.hidden", True),
    ("__MACOSX/._lettre.pdf", True), ("cv.part", True), ("x.crdownload", True),
    ("lettre.pdf", False), ("pièces/CV Marie Dupont.docx", False),
])
def test_junk_names(name, junk):
    assert is_junk(name) is junk


def test_folder_digest_follows_contract_and_skips_junk(tmp_path):
    root = tmp_path / "dossier"
    (root / "cv").mkdir(parents=True)
    (root / "lettre.pdf").write_bytes(b"%PDF-1.4 lettre")
    (root / "cv" / "dupont.docx").write_bytes(b"PK cv")
    (root / ".DS_Store").write_bytes(b"junk")
    (root / "~$lettre.docx").write_bytes(b"junk")
    (root / ".git").mkdir()  # a hidden sub-folder, and a link: not pieces either
    (root / ".git" / "config").write_bytes(b"[core]")
    (root / "raccourci.pdf").symlink_to(root / "lettre.pdf")
    with open_submission(root, LIMITS) as opened:
        assert [p.name for p in opened.pieces] == ["cv/dupont.docx", "lettre.pdf"]
        digest = opened.sha256
    lines = sorted(f"{rel}\0{hashlib.sha256(data).hexdigest()}\n" for rel, data in
                   [("lettre.pdf", b"%PDF-1.4 lettre"), ("cv/dupont.docx", b"PK cv")])
    assert digest == hashlib.sha256("".join(lines).encode()).hexdigest()
    assert submission_sha256(root) == digest


def test_zip_slip_names_are_neutralised_and_nothing_escapes(tmp_path):
    archive = make_zip(tmp_path / "d.zip", {"../../evil.pdf": b"%PDF-1.4 a",
                                            "/tmp/abs.pdf": b"%PDF-1.4 b",
                                            "C:\\win\\c.pdf": b"%PDF-1.4 c"})
    before = set(os.listdir(tmp_path))
    with open_submission(archive, LIMITS) as opened:
        names = [p.name for p in opened.pieces]
        for piece in opened.pieces:
            assert Path(piece.path).parent != tmp_path
            assert piece.path.read_bytes().startswith(b"%PDF")
        assert len(opened.warnings) == 3
    assert names == ["evil.pdf", "tmp/abs.pdf", "win/c.pdf"]
    assert set(os.listdir(tmp_path)) == before
    assert not Path("/tmp/abs.pdf").exists() or Path("/tmp/abs.pdf").read_bytes() != b"%PDF-1.4 b"


def test_zip_bomb_is_refused_without_inflating(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("gros.pdf", "w") as entry:
            block = b"\0" * (1 << 20)
            for _ in range(50):
                entry.write(block)
    assert archive.stat().st_size < 200_000
    with pytest.raises(ExtractionError) as err:
        with open_submission(archive, LIMITS):
            pass
    assert err.value.code == "too_large"


def test_zip_limits_on_entry_count_and_total_size(tmp_path):
    archive = make_zip(tmp_path / "many.zip", {f"p{i}.pdf": b"%PDF-1.4" for i in range(5)})
    with pytest.raises(ExtractionError) as err:
        with open_submission(archive, Limits(max_pieces=4)):
            pass
    assert err.value.code == "too_large"
    with open_submission(archive, Limits(max_pieces=5)) as opened:
        assert len(opened.pieces) == 5


def test_zip_entry_lying_about_its_size_is_capped(tmp_path):
    archive = make_zip(tmp_path / "liar.zip", {"a.pdf": b"%PDF-1.4 " + b"x" * 5000},
                       method=zipfile.ZIP_STORED)
    data = bytearray(archive.read_bytes())
    # Shrink the declared size in the central directory: the entry now claims 10 bytes.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    with open_submission(archive, LIMITS) as opened:
        piece = opened.pieces[0]
        assert piece.error is not None or piece.path.stat().st_size <= 10


def test_empty_and_junk_only_zip(tmp_path):
    archive = make_zip(tmp_path / "junk.zip", {".DS_Store": b"x", "__MACOSX/._a": b"y"})
    with pytest.raises(ExtractionError) as err:
        with open_submission(archive, LIMITS):
            pass
    assert err.value.code == "empty"


def test_inputs_are_never_modified(tmp_path):
    archive = make_zip(tmp_path / "d.zip", {"lettre.pdf": b"%PDF-1.4 x"})
    stat_before = archive.stat()
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    with open_submission(archive, LIMITS) as opened:
        assert opened.sha256 == digest
    after = archive.stat()
    assert (after.st_mtime_ns, after.st_size) == (stat_before.st_mtime_ns, stat_before.st_size)
    assert sorted(os.listdir(tmp_path)) == ["d.zip"]


def test_unzipped_pieces_are_removed_afterwards(tmp_path):
    archive = make_zip(tmp_path / "d.zip", {"lettre.pdf": b"%PDF-1.4 x"})
    with open_submission(archive, LIMITS) as opened:
        unpacked = opened.pieces[0].path
        assert unpacked.exists()
    assert not unpacked.exists()
