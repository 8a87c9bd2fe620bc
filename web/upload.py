"""Uploads from the browser, filed by the inbox's own code.

The files of one upload make one submission: a single file (a ZIP
included) as it is, several files as a folder of pieces.  They are written
into a private drop folder under the home, then claimed and filed by
expe_ct.inbox.Filer exactly as the inbox flow files an entry (journal,
record, sheet, archive or quarantine, register row), under the same lock
that keeps two inbox runs apart, with analyses in warm worker processes
(expe_ct.runner.WarmPool) like the flow's.
"""
from __future__ import annotations

import atexit
import re
import shutil
import threading
import time
import unicodedata
import uuid
from pathlib import Path
from typing import Any, BinaryIO, Iterable

from expe_ct.inbox import Filer, Home
from common.limits import Limits
from expe_ct.runner import WarmPool
from extractors.package import is_junk
from register import Register

DROP = "depot-web"
LOCK_WAIT_S = 120.0
CHUNK = 1 << 20


class UploadError(ValueError):
    """A French message for the person uploading."""


def safe_name(raw: str | None, rank: int) -> str:
    """A file name with no directory part, no control character and no
    leading dot, short enough for any file system."""
    name = unicodedata.normalize("NFC", (raw or "").replace("\\", "/").split("/")[-1])
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    stem, dot, ext = name.rpartition(".")
    if len(name.encode()) > 150:
        name = (stem[:100] + dot + ext[:10]) if dot else name[:100]
    return name if name and not is_junk(name) else f"piece-{rank + 1}"


class Uploads:
    def __init__(self, home: Home, register: Register, jobs: int = 1):
        self.home, self.register, self.jobs = home, register, jobs
        self._pool: WarmPool | None = None
        self._pool_lock = threading.Lock()
        self._filing = threading.Lock()

    def pool(self) -> WarmPool:
        with self._pool_lock:
            if self._pool is None:
                self._pool = WarmPool(jobs=self.jobs)
                atexit.register(self._pool.close)
            return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()

    def receive(self, files: Iterable[tuple[str | None, BinaryIO]]) -> Path:
        """Write the uploaded files as one inbox entry; returns it."""
        drop = self.home.root / DROP / f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
        drop.mkdir(parents=True)
        files = list(files)
        if not files:
            raise UploadError("Aucun fichier reçu.")
        folder = drop / ("dossier-depose" if len(files) > 1 else "")
        folder.mkdir(exist_ok=True)
        try:
            return self._write(files, folder)
        except BaseException:
            shutil.rmtree(drop, ignore_errors=True)
            raise

    def _write(self, files: list[tuple[str | None, BinaryIO]], folder: Path) -> Path:
        limit = Limits.from_env().max_file_mb * 1e6
        used: set[str] = set()
        for rank, (raw, stream) in enumerate(files):
            name = safe_name(raw, rank)
            while name.lower() in used:
                name = f"{rank + 1}-{name}"
            used.add(name.lower())
            written = 0
            with open(folder / name, "wb") as out:
                while chunk := stream.read(CHUNK):
                    written += len(chunk)
                    if written > limit:
                        raise UploadError(f"Fichier trop volumineux (plus de {limit / 1e6:.0f} Mo).")
                    out.write(chunk)
            if written == 0:
                raise UploadError("Un des fichiers reçus est vide.")
        return folder if len(files) > 1 else folder / name

    def file(self, entry: Path) -> dict[str, Any]:
        """File one entry written by `receive`; returns the inbox's manifest."""
        filer = Filer(self.home, self.register)
        deadline = time.monotonic() + LOCK_WAIT_S
        with self._filing:
            while True:
                with self.home.exclusive() as alone:
                    if alone:
                        claim = filer.claim(entry)
                        if claim is None:
                            raise UploadError("Le dépôt a disparu avant d'être classé.")
                        try:
                            return filer.process(claim, self.pool().analyse)
                        finally:
                            _remove_empty(entry, self.home.root / DROP)
                if time.monotonic() > deadline:
                    raise UploadError("La boîte de dépôt est occupée ; réessayez dans un instant.")
                time.sleep(0.5)


def _remove_empty(entry: Path, root: Path) -> None:
    """Remove the private drop folders the claim emptied."""
    for parent in entry.parents:
        if parent == root or root not in parent.parents:
            break
        try:
            parent.rmdir()
        except OSError:
            break
