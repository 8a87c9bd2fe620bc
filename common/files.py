"""Durable small writes: a crash or a power cut leaves the old file or the
new one, never half of it."""
from __future__ import annotations

import os
import uuid
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Make a rename or a creation in `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(path: Path) -> None:
    """Flush a file, or every regular file under a directory, to disk."""
    if path.is_file():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())
        return
    for dirpath, _, filenames in os.walk(path):
        for name in filenames:
            full = Path(dirpath, name)
            if full.is_file() and not full.is_symlink():
                with open(full, "rb") as fh:
                    os.fsync(fh.fileno())


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary name, fsync, rename: readers see all or nothing."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
