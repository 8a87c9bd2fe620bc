"""Put rendered pieces in place: a single file, a folder of pieces, or a ZIP
of pieces, with the system files people's computers leave behind."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

# Fixed timestamp for archive entries: the same content gives the same ZIP.
ZIP_TIME = (2024, 6, 3, 10, 12, 0)


def junk_bytes(name: str) -> bytes:
    """Plausible bytes for a system or editor leftover."""
    base = name.rsplit("/", 1)[-1]
    if base == ".DS_Store":
        return b"\x00\x00\x00\x01Bud1" + bytes(2036)
    if base == "Thumbs.db":  # an OLE2 container, like a real thumbnail cache
        return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016)
    if base == "desktop.ini":
        return "[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-3\r\n".encode("utf-16")
    if base.startswith("~$"):  # Word's owner file: user name, padded
        user = "Utilisateur".encode("latin-1")
        return bytes([len(user)]) + user + bytes(53 - len(user)) + "Utilisateur".encode("utf-16-le") + bytes(86)
    if base.startswith("._"):  # AppleDouble resource fork
        return b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(4070)
    raise ValueError(name)


def write_file(piece: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(piece, dest)


def write_folder(pieces: list[tuple[str, Path]], junk: list[str], dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    for name, path in pieces:
        write_file(path, dest / name)
    for name in junk:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(junk_bytes(name))


def write_zip(pieces: list[tuple[str, Path]], junk: list[str], dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, path in pieces:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
        for name in junk:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, junk_bytes(name))
