"""Backups of a SQLite register, and what to do when it is damaged.

After each inbox batch that filed something, an online backup (SQLite's
backup API: a consistent copy while others read and write) goes to
`<home>/sauvegardes/`, the newest `EXPE_CT_REGISTER_BACKUPS` (7) kept.
`expe-ct registre verifier` checks the register and its backups;
`expe-ct registre restaurer` puts back the newest sound backup, the damaged
file kept aside.  A register on PostgreSQL is backed up by its server.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from .store import REGISTER_FILE, register_url, truncated

BACKUPS = "sauvegardes"


def sqlite_path(home: Path) -> Path | None:
    """The register's file, or None when the register is not SQLite."""
    url = register_url(home)
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def backups(home: Path) -> list[Path]:
    """Newest first."""
    return sorted((home / BACKUPS).glob("registre-*.sqlite"), reverse=True)


def problems(path: Path) -> list[str]:
    """What SQLite finds wrong with a register file (empty when sound)."""
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\0":
            return ["ce n'est pas une base SQLite"]
    if truncated(path):
        return ["fichier tronqué"]
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            found = [row[0] for row in db.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if found == ["ok"] else found


def backup(home: Path, keep: int | None = None) -> Path | None:
    """An online backup of the SQLite register; the oldest ones removed."""
    source = sqlite_path(home)
    if source is None or not source.exists():
        return None
    keep = keep or int(os.environ.get("EXPE_CT_REGISTER_BACKUPS", "7"))
    folder = home / BACKUPS
    folder.mkdir(exist_ok=True)
    target = folder / f"registre-{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**9:09d}.sqlite"
    partial = folder / f".{target.name}.partiel"
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    os.replace(partial, target)
    for old in backups(home)[keep:]:
        old.unlink()
    return target


def restore(home: Path) -> tuple[Path, Path | None]:
    """The newest sound backup put in place of the register; returns it and
    where the damaged register was kept (None if there was none)."""
    source = sqlite_path(home)
    if source is None:
        raise ValueError("le registre n'est pas un fichier SQLite : restaurez-le avec les outils "
                         "de son serveur.")
    sound = next((b for b in backups(home) if not problems(b)), None)
    if sound is None:
        raise ValueError(f"aucune sauvegarde saine dans {home / BACKUPS}.")
    kept = None
    if source.exists():
        kept = source.with_name(f"{REGISTER_FILE}.endommage-{time.strftime('%Y%m%d-%H%M%S')}")
        os.replace(source, kept)
    for stale in (source.with_name(source.name + "-wal"), source.with_name(source.name + "-shm")):
        if stale.exists() and kept:  # the damaged register's journal must not be replayed on the backup
            os.replace(stale, kept.with_name(kept.name + stale.name[len(source.name):]))
        elif stale.exists():
            stale.unlink()
    partial = source.with_name(f".{source.name}.restauration")
    shutil.copyfile(sound, partial)
    os.replace(partial, source)
    return sound, kept
