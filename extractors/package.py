"""A submission as given: one file, a folder of pieces, or a ZIP of pieces.

Opening a submission lists its pieces in a stable order (sorted by relative
path) and computes the contract's sha256.  ZIPs are unpacked into a private
temporary directory under names we choose, never the archive's, after their
declared sizes and compression ratios were checked (a ZIP bomb is refused
without being inflated).  The originals are only ever read.
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from common.limits import Limits
from common.zipguard import too_compressed, unzipped_bytes

from . import errors
from .base import sniff_format

JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"}
CHUNK = 1 << 20
# Stands for the digest of a piece that cannot be read (never a hex digest).
UNREADABLE_DIGEST = "illisible"


def is_junk(relpath: str) -> bool:
    """System files and editor leftovers that are not pieces of a dossier."""
    parts = PurePosixPath(relpath).parts
    if any(p.lower() == "__macosx" for p in parts[:-1]):
        return True
    name = parts[-1] if parts else relpath
    return (name.lower() in JUNK_NAMES or name.startswith("~$") or name.startswith(".")
            or name.endswith((".part", ".crdownload", ".tmp")))


@dataclass
class PieceFile:
    name: str    # relative path shown to people and used as provenance
    path: Path   # where to read it (the original, or our private copy)
    error: errors.ExtractionError | None = None  # could not even be unpacked


@dataclass
class OpenedSubmission:
    sha256: str
    pieces: list[PieceFile]
    warnings: list[str]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def folder_sha256(pieces: list[PieceFile], digests: dict[str, str] | None = None) -> str:
    """Contract: sha256 of the lines 'relative/path\\0<sha256>\\n', sorted by path.
    A piece that cannot be read counts as UNREADABLE_DIGEST and gets its
    error, so that the others are still read under a real digest."""
    lines = sorted(f"{p.name}\0{(digests or {}).get(p.name) or _piece_digest(p)}\n"
                   for p in pieces)
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def _piece_digest(piece: PieceFile) -> str:
    try:
        return sha256_file(piece.path)
    except OSError as exc:
        piece.error = piece.error or _unreadable_file(exc)
        return UNREADABLE_DIGEST


def _unreadable_file(exc: OSError) -> errors.ExtractionError:
    if isinstance(exc, PermissionError):
        return errors.unreadable("Le fichier n'a pas pu être ouvert : accès refusé.")
    return errors.unreadable(f"Le fichier n'a pas pu être lu (erreur système {exc.errno}).")


def submission_sha256(path: Path) -> str | None:
    """The contract digest of a submission without reading its pieces' content
    (for error records); None when the path cannot be hashed."""
    try:
        if path.is_dir():
            files, _ = _folder_pieces(path)
            return folder_sha256(files) if files else None
        return sha256_file(path) if path.is_file() else None
    except OSError:
        return None


@contextmanager
def open_submission(path: Path, limits: Limits) -> Iterator[OpenedSubmission]:
    """Yield the pieces of a submission; ZIP contents live until the block ends."""
    if not path.exists() and not path.is_symlink():
        raise errors.unreadable("Le chemin indiqué n'existe pas.")
    if path.is_dir():
        yield _open_folder(path, limits)
        return
    if not path.is_file():
        raise errors.unsupported("Ce chemin n'est ni un fichier ni un dossier.")
    if path.stat().st_size / 1e6 > limits.max_file_mb:
        raise errors.too_large(
            f"Le fichier pèse {path.stat().st_size / 1e6:.0f} Mo, au-delà de la limite "
            f"de {limits.max_file_mb:.0f} Mo.")
    try:
        digest = sha256_file(path)
    except OSError as exc:
        raise _unreadable_file(exc) from exc
    if path.stat().st_size and sniff_format(path) == "zip":
        with tempfile.TemporaryDirectory(prefix="expe-ct-zip-") as tmp:
            pieces, warnings = _unpack_zip(path, Path(tmp), limits)
            yield OpenedSubmission(digest, pieces, warnings)
        return
    yield OpenedSubmission(digest, [PieceFile(path.name, path)], [])


def _open_folder(root: Path, limits: Limits) -> OpenedSubmission:
    pieces, warnings = _folder_pieces(root, limits.max_pieces)
    if not pieces:
        raise errors.empty("Le dossier ne contient aucune pièce.")
    return OpenedSubmission(folder_sha256(pieces), pieces, warnings)


def _folder_pieces(root: Path, max_pieces: int | None = None) -> tuple[list[PieceFile], list[str]]:
    """A folder's pieces in name order, and why others were left out: junk
    files, hidden sub-folders, links and special files are not pieces."""
    pieces: list[PieceFile] = []
    warnings: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not is_junk(d + "/x") and not d.startswith("."))
        for fname in filenames:
            full = Path(dirpath) / fname
            rel = full.relative_to(root).as_posix()
            if is_junk(rel):
                continue
            mode = full.lstat().st_mode
            if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
                warnings.append(f"« {rel} » ignoré : lien ou fichier spécial.")
                continue
            pieces.append(PieceFile(rel, full))
            if max_pieces is not None and len(pieces) > max_pieces:
                raise errors.too_large(f"Le dossier contient plus de {max_pieces} pièces.")
    pieces.sort(key=lambda p: p.name)
    return pieces, warnings


def _safe_member_name(raw: str) -> str:
    """A display name for a ZIP entry with no way out of the archive."""
    raw = raw.replace("\\", "/")
    parts = [p for p in PurePosixPath(raw).parts if p not in ("", ".", "..", "/")]
    parts = [p.rstrip(":") for p in parts if not (len(p) == 2 and p[1] == ":")]  # C:
    return "/".join(parts)


def _unpack_zip(path: Path, dest: Path, limits: Limits) -> tuple[list[PieceFile], list[str]]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise errors.unreadable("L'archive ZIP est endommagée.") from exc
    warnings: list[str] = []
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        kept = []
        for m in members:
            name = _safe_member_name(m.filename)
            if name != m.filename.replace("\\", "/"):
                warnings.append(f"Nom d'entrée suspect dans l'archive, neutralisé : « {name} ».")
            if not name or is_junk(name):
                continue
            kept.append((name, m))
        if not kept:
            raise errors.empty("L'archive ZIP ne contient aucune pièce.")
        if len(kept) > limits.max_pieces:
            raise errors.too_large(
                f"L'archive contient {len(kept)} pièces, au-delà de la limite de "
                f"{limits.max_pieces}.")
        total = unzipped_bytes(m for _, m in kept)
        if total / 1e6 > limits.max_unzipped_mb:
            raise errors.too_large(
                f"L'archive se décompresse en {total / 1e6:.0f} Mo, au-delà de la limite "
                f"de {limits.max_unzipped_mb:.0f} Mo.")
        if too_compressed((m for _, m in kept), limits.max_zip_ratio):
            raise errors.too_large(
                "L'archive a un taux de compression anormal (bombe ZIP probable) : "
                "elle n'a pas été décompressée.")
        if any(m.flag_bits & 0x1 for _, m in kept):
            raise errors.encrypted("L'archive ZIP est protégée par un mot de passe.")
        pieces = []
        seen: set[str] = set()
        for i, (name, member) in enumerate(sorted(kept, key=lambda nm: nm[0])):
            if name in seen:
                warnings.append(f"Entrée en double dans l'archive ignorée : « {name} ».")
                continue
            seen.add(name)
            target = dest / f"{i:04d}{PurePosixPath(name).suffix.lower()[:10]}"
            try:
                _extract_capped(zf, member, target)
                pieces.append(PieceFile(name, target))
            except errors.ExtractionError as exc:
                pieces.append(PieceFile(name, target, exc))
    return pieces, warnings


def _extract_capped(zf: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path) -> None:
    """Copy one entry, never writing more than its declared size (sizes can lie)."""
    budget = member.file_size
    try:
        with zf.open(member) as src, open(target, "wb") as out:
            while True:
                chunk = src.read(min(CHUNK, budget + 1))
                if not chunk:
                    break
                budget -= len(chunk)
                if budget < 0:
                    raise errors.too_large(
                        "Une entrée de l'archive dépasse la taille qu'elle annonce : "
                        "archive piégée, refusée.")
                out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
        raise errors.unreadable("Cette pièce de l'archive ZIP est endommagée.") from exc

