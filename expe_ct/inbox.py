"""The inbox: take each submission once it is complete, file it exactly once.

A submission is an entry of the inbox folder: a file (a ZIP included) or a
sub-folder holding the pieces of one dossier.  Partial downloads and editor
leftovers (`~$*`, `*.part`, `*.crdownload`, hidden files) are never taken,
and an entry is taken only when it has stopped changing.

Filing survives a crash or a `kill -9` at any point.  Each entry goes
through a journal directory under `<home>/staging/<claim>/`:

1. `claim.json` (original name, date of receipt) is written, then the entry
   is moved in beside it by one atomic rename (or, across file systems, a
   copy renamed into place before the source is removed);
2. the analysis writes the record and the sheet under `<home>/records/` and
   `<home>/sheets/`, both named by the sha256, then `filing.json`;
3. the entry is renamed into `<home>/archive/<sha[:2]>/<sha>/` (or
   `<home>/quarantine/<sha[:16]>/` with the reason beside it);
4. the register row is written (idempotent on the sha256);
5. the journal directory is removed.

On restart `recover()` finds what an interrupted run left and resumes it at
the right step, so each submission ends up filed once: same bytes, same
sha256, same place, one register row.  A re-drop of bytes already filed is
recognised by its sha256 before any analysis and creates nothing new.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import shutil
import stat
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from common.files import fsync_dir as _fsync_dir, fsync_tree as _fsync_tree, write_atomic
from extractors.package import is_junk, submission_sha256
from outputs.sheet import write_sheet
from register import Register

log = logging.getLogger("expe_ct.inbox")

CLAIM, FILING, DROPPED = "claim.json", "filing.json", "depot"  # the journal of one entry
REASON_FILE = "RAISON-DE-LA-QUARANTAINE.txt"
IN_PROGRESS = (".part", ".crdownload")
HIDDEN_LEFTOVER = ".expe-ct-"  # prefix of our own hidden entries in the inbox

Analyse = Callable[[str, date | None], dict[str, Any]]


# -- the data home --------------------------------------------------------

def default_home() -> Path:
    """`EXPE_CT_HOME`, else the XDG data home."""
    if os.environ.get("EXPE_CT_HOME"):
        return Path(os.environ["EXPE_CT_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "expe-ct"


@dataclass(frozen=True)
class Home:
    root: Path

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def records(self) -> Path:
        return self.root / "records"

    @property
    def sheets(self) -> Path:
        return self.root / "sheets"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def prefect(self) -> Path:
        return self.root / "prefect"

    def ensure(self) -> "Home":
        for path in (self.archive, self.quarantine, self.records, self.sheets, self.staging):
            path.mkdir(parents=True, exist_ok=True)
        return self

    @contextmanager
    def exclusive(self) -> Iterator[bool]:
        """True when this process alone files into this home now: two inbox
        runs at once (a served run and a --once) would each take the other's
        journal for an interrupted one."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "inbox.lock", "a") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def record_path(self, sha: str) -> Path:
        return self.records / f"{sha}.json"

    def sheet_path(self, sha: str) -> Path:
        return self.sheets / f"{sha}.html"

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


# -- durable small writes and moves ----------------------------------------

def _write_json(path: Path, data: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1))


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # absent, or cut short by a crash before its rename
        return None


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def move_into(src: Path, dest: Path) -> None:
    """Move src to dest (which must not exist) so that dest appears whole or
    not at all.  Across file systems: copy under a hidden name, fsync, rename;
    then the source is hidden by a rename before it is deleted, so that a
    half-deleted folder can never look like a new submission."""
    try:
        os.rename(src, dest)
        _fsync_dir(dest.parent)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    partial = dest.with_name(f".partiel-{dest.name}")
    _remove(partial)
    if src.is_dir():
        shutil.copytree(src, partial, symlinks=True)
    else:
        shutil.copy2(src, partial)
    _fsync_tree(partial)
    os.rename(partial, dest)
    _fsync_dir(dest.parent)
    hidden = src.with_name(f"{HIDDEN_LEFTOVER}copie-{uuid.uuid4().hex[:8]}")
    os.rename(src, hidden)
    _remove(hidden)


# -- stability ------------------------------------------------------------

def _walk_stats(entry: Path) -> list[tuple[str, os.stat_result]]:
    stats = [("", entry.lstat())]
    if stat.S_ISDIR(stats[0][1].st_mode):
        for dirpath, dirnames, filenames in os.walk(entry):
            for name in dirnames + filenames:
                full = Path(dirpath, name)
                stats.append((full.relative_to(entry).as_posix(), full.lstat()))
    return stats


def signature(entry: Path) -> tuple | None:
    """What changes while an entry is being written: names, sizes and times.
    None when it vanished or holds a download still in progress."""
    try:
        stats = _walk_stats(entry)
    except OSError:
        return None
    # A download in progress inside a folder; an editor's lock file (~$…)
    # is only a leftover there, which the reading ignores.
    if any(rel.endswith(IN_PROGRESS) for rel, _ in stats):
        return None
    return tuple(sorted((rel, st.st_size, st.st_mtime_ns, st.st_ctime_ns) for rel, st in stats))


def quiet_since(entry: Path, seconds: float, now: float | None = None) -> bool:
    """Nothing in the entry was written or touched for `seconds` (the inode
    change time moves with every write, rename or metadata change)."""
    sig = signature(entry)
    if sig is None:
        return False
    horizon = (now or time.time()) - seconds
    return all(max(mtime, ctime) / 1e9 <= horizon for _, _, mtime, ctime in sig)


def pending(inbox: Path) -> list[Path]:
    """The inbox's entries that may be submissions."""
    try:
        names = sorted(os.listdir(inbox))
    except FileNotFoundError:
        return []
    return [inbox / n for n in names if not is_junk(n) and not (inbox / n).is_symlink()
            and ((inbox / n).is_file() or (inbox / n).is_dir())]


def stable_entries(inbox: Path, settle_s: float, sleep: Callable[[float], None] = time.sleep) -> list[Path]:
    """Entries complete enough to take: quiet for `settle_s` already, or
    unchanged across a wait of `settle_s`.  The others wait for a later run."""
    entries = pending(inbox)
    ready = [e for e in entries if quiet_since(e, settle_s)]
    moving = {e: signature(e) for e in entries if e not in ready}
    moving = {e: sig for e, sig in moving.items() if sig is not None}
    if moving:
        sleep(settle_s)
        ready += [e for e, sig in moving.items() if signature(e) == sig]
    return sorted(ready)


def everything_sha256(entry: Path) -> str:
    """A key for a folder with no piece (nothing but system files or empty
    sub-folders), which the contract's digest leaves undefined: all its
    names and bytes, so that two such folders are the same only when equal."""
    lines = []
    for rel, st in sorted(_walk_stats(entry)):
        if stat.S_ISREG(st.st_mode):
            with open(entry / rel, "rb") as fh:
                lines.append(f"{rel}\0{hashlib.file_digest(fh, 'sha256').hexdigest()}\n")
        else:
            lines.append(f"{rel}/\n")
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def received_on(entry: Path) -> date:
    """The day the entry arrived: the latest inode change in it (a copy or a
    move into the inbox sets it; modification times are often preserved
    from the sender's computer, so they say nothing of the arrival)."""
    latest = max(st.st_ctime for _, st in _walk_stats(entry))
    return datetime.fromtimestamp(latest).date()


# -- claims and filing ------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    id: str
    dir: Path
    name: str
    received: date
    sha256: str

    @property
    def entry(self) -> Path:  # in a sub-folder: a dropped "claim.json" cannot overwrite ours
        return self.dir / DROPPED / self.name


def manifest(sha: str, outcome: str, kind: str | None = None, verdict: str | None = None,
             paths: dict[str, str] | None = None, **extra: Any) -> dict[str, Any]:
    """What a run reports about a submission: no name, no text."""
    return {"sha256": sha, "outcome": outcome, "kind": kind, "verdict": verdict,
            "paths": paths or {}, **extra}


class Filer:
    def __init__(self, home: Home, register: Register):
        self.home = home.ensure()
        self.register = register

    # step 1
    def claim(self, entry: Path) -> Claim | None:
        """Move an inbox entry into its journal directory; None if it vanished."""
        claim_id = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
        cdir = self.home.staging / claim_id
        cdir.mkdir()
        try:
            received = received_on(entry)
        except OSError:
            _remove(cdir)
            return None
        _write_json(cdir / CLAIM, {"name": entry.name, "received": received.isoformat()})
        (cdir / DROPPED).mkdir()
        try:
            move_into(entry, cdir / DROPPED / entry.name)
        except FileNotFoundError:
            _remove(cdir)
            return None
        return self._with_sha(claim_id, cdir, entry.name, received)

    def claim_stable(self, inbox: Path, settle_s: float) -> Iterator[Claim]:
        """Claim the stable entries of the inbox one by one, so that the
        first can be analysed while the next ones are claimed."""
        for entry in stable_entries(inbox, settle_s):
            claim = self.claim(entry)
            if claim is not None:
                yield claim

    def _with_sha(self, claim_id: str, cdir: Path, name: str, received: date) -> Claim:
        entry = cdir / DROPPED / name
        return Claim(claim_id, cdir, name, received, submission_sha256(entry) or everything_sha256(entry))

    def reclaim(self, claim_id: str, sha256: str) -> Claim:
        """A claim made earlier, from its journal (tasks receive only its id)."""
        cdir = self.home.staging / claim_id
        info = _read_json(cdir / CLAIM)
        return Claim(claim_id, cdir, info["name"], date.fromisoformat(info["received"]), sha256)

    def recover(self, inbox: Path | None = None) -> list[Claim]:
        """Finish what an interrupted run left; return the claims still to process."""
        leftovers = [*self.home.staging.glob(".*"), *self.home.records.glob(".*.tmp"),
                     *self.home.sheets.glob(".*.tmp")]
        if inbox is not None:  # sources hidden once their copy was safe, not yet deleted
            leftovers += inbox.glob(f"{HIDDEN_LEFTOVER}*")
        for leftover in leftovers:
            _remove(leftover)
        claims = []
        for cdir in sorted(p for p in self.home.staging.iterdir() if p.is_dir()):
            info = _read_json(cdir / CLAIM)
            filing = _read_json(cdir / FILING)
            for partial in cdir.glob(f"{DROPPED}/.partiel-*"):  # a cross-device copy cut short
                _remove(partial)
            name = info["name"] if info else None
            if name and (cdir / DROPPED / name).exists():
                claims.append(self._with_sha(cdir.name, cdir, name,
                                             date.fromisoformat(info["received"])))
            elif filing:  # the entry already reached the archive or the quarantine
                self._register(filing)
                _remove(cdir)
            else:  # claimed nothing (crash before the move) or finished
                _remove(cdir)
        return claims

    # steps 2 to 5
    def process(self, claim: Claim, analyse: Analyse) -> dict[str, Any]:
        filing = _read_json(claim.dir / FILING)
        if filing:  # analysed before a crash: do not analyse again
            return self._finish(claim, filing)
        known = self.register.get(claim.sha256)
        if known is not None and known.status == "ok":
            return self._discard(claim, known)
        received = known.received if known is not None else claim.received
        record = analyse(str(claim.entry), received)
        record["sha256"] = record.get("sha256") or claim.sha256
        if known is not None and record["status"] == "error":  # failed again: keep the first
            return self._discard(claim, known)
        return self._file(claim, record, received)

    def _destination(self, sha: str, quarantined: bool) -> Path:
        if quarantined:
            return self.home.quarantine / sha[:16]
        return self.home.archive / sha[:2] / sha

    def _file(self, claim: Claim, record: dict[str, Any], received: date | None) -> dict[str, Any]:
        sha = record["sha256"]
        quarantined = record["status"] == "error" or record["kind"] == "inconnu"
        dest = self._destination(sha, quarantined)
        record["submission"] = str(dest / claim.name)
        _write_json(self.home.record_path(sha), record)
        write_sheet(self.home.sheet_path(sha), record, received, self.register)
        filing = {"sha256": sha, "received": received.isoformat() if received else None,
                  "location": self.home.rel(dest), "quarantined": quarantined,
                  "name": claim.name}
        _write_json(claim.dir / FILING, filing)
        return self._finish(claim, filing, record)

    def _finish(self, claim: Claim, filing: dict[str, Any],
                record: dict[str, Any] | None = None) -> dict[str, Any]:
        """Steps 3 to 5; `record` is the one just written, if at hand (after
        a crash it is read back from its file)."""
        if record is None:
            record = _read_json(self.home.record_path(filing["sha256"])) or {}
        dest = self.home.root / filing["location"]
        dest.mkdir(parents=True, exist_ok=True)
        target = dest / claim.name
        if claim.entry.exists():
            if target.exists():  # the same bytes under the same name: already there
                _remove(claim.entry)
            else:
                move_into(claim.entry, target)
        if filing["quarantined"]:
            write_atomic(dest / (REASON_FILE if claim.name != REASON_FILE else "_" + REASON_FILE),
                         quarantine_reason(record))
        filed = self._register(filing, record)
        _remove(claim.dir)
        return manifest(filing["sha256"], "quarantined" if filing["quarantined"] else "filed",
                        record.get("kind"), record.get("verdict"), self._paths(filing),
                        new=filed.new, previous=filed.previous_sha256,
                        changed_checks=filed.changed_checks)

    def _register(self, filing: dict[str, Any], record: dict[str, Any] | None = None):
        sha = filing["sha256"]
        if record is None:
            record = _read_json(self.home.record_path(sha))
        received = date.fromisoformat(filing["received"]) if filing.get("received") else None
        filed = self.register.add(record, received, filing["location"], filing["quarantined"])
        if filed.new and not filing["quarantined"]:  # an error now read: leave the quarantine
            stale = self.home.quarantine / sha[:16]
            if stale.exists():
                _remove(stale)
        return filed

    def _discard(self, claim: Claim, known) -> dict[str, Any]:
        """Bytes already filed: nothing new, the drop is only counted."""
        _remove(claim.entry)
        self.register.note_redrop(claim.sha256)
        _remove(claim.dir)
        return manifest(claim.sha256, "duplicate", known.kind, known.verdict,
                        {"location": known.location})

    def _paths(self, filing: dict[str, Any]) -> dict[str, str]:
        sha = filing["sha256"]
        return {"location": filing["location"], "record": self.home.rel(self.home.record_path(sha)),
                "sheet": self.home.rel(self.home.sheet_path(sha))}


def quarantine_reason(record: dict[str, Any]) -> str:
    if record.get("status") == "error":
        error = record.get("error") or {}
        why = f"Le dossier n'a pas pu être lu ({error.get('code')}) : {error.get('message')}"
    else:
        why = ("Document non reconnu : ni dossier de candidature au label EXPE-CT, ni rapport "
               "de mission. Vérifiez qu'il s'agit bien d'un dossier EXPE-CT.")
    return (f"{why}\n\nEmpreinte sha256 : {record.get('sha256')}\n"
            "Pour le soumettre de nouveau après correction, déposez la version corrigée dans "
            "la boîte de dépôt.\n")


def first_of_each(claims: Iterable[Claim], later: list[Claim]) -> Iterator[Claim]:
    """The first claim of each sha256, as the claims come; the copies (the
    same bytes dropped twice together) go to `later`, to be processed once
    their original is filed, which makes them duplicates."""
    seen: set[str] = set()
    for claim in claims:
        if claim.sha256 in seen:
            later.append(claim)
        else:
            seen.add(claim.sha256)
            yield claim
