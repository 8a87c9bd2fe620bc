"""The inbox: take each submission once it is complete, file it exactly once.

A submission is an entry of the inbox folder: a file (a ZIP included) or a
sub-folder holding the pieces of one dossier.  Partial downloads and editor
leftovers (`~$*`, `*.part`, `*.crdownload`, hidden files) are never taken,
and an entry is taken only when it has stopped changing and no process has
it open for writing.  Its digest is taken from the claimed copy and checked
again before the register knows it (bytes that changed are analysed again).

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
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy.exc import DBAPIError, OperationalError

from expe_ct.record import error_record
from expe_ct.runner import WorkersLost
from common.files import fsync_dir as _fsync_dir, fsync_tree as _fsync_tree, write_atomic
from extractors.package import is_junk, submission_sha256
from outputs.sheet import write_sheet
from register import Register

log = logging.getLogger("expe_ct.inbox")

CLAIM, FILING, DROPPED = "claim.json", "filing.json", "depot"  # the journal of one entry
REASON_FILE = "RAISON-DE-LA-QUARANTAINE.txt"
IN_PROGRESS = (".part", ".crdownload")
HIDDEN_LEFTOVER = ".expe-ct-"  # prefix of our own hidden entries in the inbox
# Longest name an entry is stored under (bytes): room left under NAME_MAX
# (255) for the prefixes of our temporary copies (".partiel-…").
MAX_STORED_NAME = 200
# A full disk is transient too: the drop is not at fault, and it is filed
# once space returns (its claim stays in the journal meanwhile).
TRANSIENT_ERRNOS = {errno.EAGAIN, errno.EBUSY, errno.EINTR, errno.ETIMEDOUT, errno.ENFILE, errno.EMFILE,
                    errno.ENOSPC, errno.EDQUOT}
MAX_REFILINGS = 3  # analyses of an entry whose bytes keep changing, before its quarantine
DEFAULT_RESERVE_MB = 100.0  # free space kept on the home's file system (EXPE_CT_DISK_RESERVE_MB)

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
    def left_in_place(self) -> Path:
        """One note per inbox entry that could not be moved (see Filer.claim_stable)."""
        return self.root / "laisses-dans-la-boite"

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

    def free_bytes(self) -> int:
        """Free space on the home's file system for this (unprivileged) user."""
        self.root.mkdir(parents=True, exist_ok=True)
        st = os.statvfs(self.root)
        return st.f_bavail * st.f_frsize

    @staticmethod
    def reserve_bytes() -> int:
        """Space never used by filing, for the register, Prefect and the system."""
        return int(float(os.environ.get("EXPE_CT_DISK_RESERVE_MB", DEFAULT_RESERVE_MB)) * 1e6)

    def short_of_space(self, needed: int = 0) -> bool:
        return self.free_bytes() < self.reserve_bytes() + needed

    def space_message(self, left: int = 0) -> str:
        """French, for the person in charge."""
        return (f"espace disque insuffisant sous {self.root} : {self.free_bytes() / 1e6:.0f} Mo libres, "
                f"réserve de {self.reserve_bytes() / 1e6:.0f} Mo (EXPE_CT_DISK_RESERVE_MB). "
                + (f"{left} dépôt(s) laissé(s) dans la boîte de dépôt, " if left else "Les dépôts restent "
                   "dans la boîte de dépôt, ") + "pris dès que de la place sera libérée.")

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


def _copy_node(src: str, dest: str) -> None:
    """copy2, except that a named pipe is made anew (reading it would block)."""
    if stat.S_ISFIFO(os.lstat(src).st_mode):
        os.mkfifo(dest, stat.S_IMODE(os.lstat(src).st_mode))
        return
    shutil.copy2(src, dest)


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
        shutil.copytree(src, partial, symlinks=True, copy_function=_copy_node)
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


def open_for_writing(root: Path) -> set[str]:
    """Paths under `root` that a process has open for writing, from
    /proc/<pid>/fd and fdinfo (Linux; an unprivileged user sees only its
    own processes, root sees all).  Empty where there is no /proc."""
    prefix = os.path.realpath(root) + os.sep
    found: set[str] = set()
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return found
    for pid in pids:
        fds = f"/proc/{pid}/fd"
        try:
            numbers = os.listdir(fds)
        except OSError:  # gone, or not ours
            continue
        for fd in numbers:
            try:
                target = os.readlink(f"{fds}/{fd}")
                if not target.startswith(prefix):
                    continue
                with open(f"/proc/{pid}/fdinfo/{fd}", encoding="ascii") as fh:
                    flags = int(next(ln for ln in fh if ln.startswith("flags:")).split()[1], 8)
            except (OSError, StopIteration, ValueError):
                continue
            if flags & os.O_ACCMODE in (os.O_WRONLY, os.O_RDWR):
                found.add(target)
    return found


def _being_written(entries: list[Path], inbox: Path) -> set[Path]:
    writing = open_for_writing(inbox)
    if not writing:
        return set()
    real = {e: os.path.realpath(e) for e in entries}
    return {e for e, path in real.items()
            if any(w == path or w.startswith(path + os.sep) for w in writing)}


def stable_entries(inbox: Path, settle_s: float, sleep: Callable[[float], None] = time.sleep) -> list[Path]:
    """Entries complete enough to take: open for writing by no process, and
    quiet for `settle_s` already or unchanged across a wait of `settle_s`
    (a copy that pauses longer is still open).  The others wait for a later run."""
    entries = pending(inbox)
    ready = [e for e in entries if quiet_since(e, settle_s)]
    moving = {e: signature(e) for e in entries if e not in ready}
    moving = {e: sig for e, sig in moving.items() if sig is not None}
    if moving:
        sleep(settle_s)
        ready += [e for e, sig in moving.items() if signature(e) == sig]
    busy = _being_written(ready, inbox)
    return sorted(e for e in ready if e not in busy)


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


def size_of(entry: Path) -> int:
    """Bytes of the regular files of an entry (what a copy would take)."""
    return sum(st.st_size for _, st in _walk_stats(entry) if stat.S_ISREG(st.st_mode))


def received_on(entry: Path) -> date:
    """The day the entry arrived: the latest inode change in it (a copy or a
    move into the inbox sets it; modification times are often preserved
    from the sender's computer, so they say nothing of the arrival)."""
    latest = max(st.st_ctime for _, st in _walk_stats(entry))
    return datetime.fromtimestamp(latest).date()


# -- names and failures ----------------------------------------------------

def stored_name(name: str) -> str:
    """The name an entry is kept under: its own when it is plain (UTF-8, no
    control character, short enough for our temporary prefixes), else one
    the program makes from it.  The original is kept as data (`original`)."""
    try:
        size = len(name.encode("utf-8"))  # a name of bytes that are not UTF-8 fails here
    except UnicodeEncodeError:
        size = None
    if size is not None and size <= MAX_STORED_NAME and name.isprintable():
        return name
    suffix = Path(name).suffix
    suffix = suffix.lower() if suffix.isascii() and suffix[1:].isalnum() and len(suffix) <= 8 else ""
    return f"depot-{hashlib.sha256(os.fsencode(name)).hexdigest()[:16]}{suffix}"


def display_name(name: str) -> str:
    """An entry's name as a person may read it: bytes that are not UTF-8
    and control characters are shown as escapes, never written raw."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def is_transient(exc: BaseException) -> bool:
    """Worth trying again later, not the drop's fault: the register busy or
    unreachable, the system short of handles, the worker processes lost."""
    if isinstance(exc, (OperationalError, WorkersLost)):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OSError) and exc.errno in TRANSIENT_ERRNOS


def failure_reason(exc: BaseException, step: str) -> str:
    """A French reason for a failure on one drop; only the exception type,
    as its message often quotes a path."""
    return (f"Le dépôt n'a pas pu être {step} : erreur {type(exc).__name__}"
            + (f" (errno {exc.errno})" if isinstance(exc, OSError) and exc.errno else "") + ".")


# -- claims and filing ------------------------------------------------------

class ChangedWhileFiling(Exception):
    """The entry's bytes changed after its claim (someone still writes into
    it): it is analysed again under its new digest."""

    def __init__(self, sha256: str):
        super().__init__(sha256[:12])
        self.sha256 = sha256


def entry_sha256(entry: Path, claim_id: str) -> str:
    """The key of a claimed entry: the contract's digest, or all its bytes
    for a folder with no piece, or one of its own when it cannot be read."""
    try:
        return submission_sha256(entry) or everything_sha256(entry)
    except OSError:  # not even readable: the analysis says why
        return hashlib.sha256(f"illisible\0{claim_id}".encode()).hexdigest()


@dataclass(frozen=True)
class Claim:
    id: str
    dir: Path
    name: str  # the stored name (see stored_name)
    received: date
    sha256: str
    original: str = ""  # the name as dropped, for people

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
        self.left_for_space = 0  # entries of the last claim_stable left in the inbox for lack of space

    # step 1
    def claim(self, entry: Path) -> Claim | None:
        """Move an inbox entry into its journal directory; None if it vanished.
        Raises when it cannot be moved, the entry being left where it was."""
        claim_id = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
        cdir = self.home.staging / claim_id
        cdir.mkdir()
        name, original = stored_name(entry.name), display_name(entry.name)
        try:
            received = received_on(entry)
        except FileNotFoundError:
            _remove(cdir)
            return None
        except OSError:
            _remove(cdir)
            raise
        _write_json(cdir / CLAIM, {"name": name, "original": original, "received": received.isoformat()})
        (cdir / DROPPED).mkdir()
        try:
            move_into(entry, cdir / DROPPED / name)
        except OSError as exc:  # shutil.Error included
            if os.path.lexists(entry) or not os.path.lexists(cdir / DROPPED / name):
                _remove(cdir)  # the original is still in the inbox (or gone): nothing of it here
                if isinstance(exc, FileNotFoundError) and not os.path.lexists(entry):
                    return None
                raise
            # the copy is whole and only the source's removal failed: keep the claim
            log.warning("source d'un dépôt copié non supprimée : %s", type(exc).__name__)
        return self._with_sha(claim_id, cdir, name, received, original)

    def claim_stable(self, inbox: Path, settle_s: float) -> Iterator[Claim]:
        """Claim the stable entries of the inbox one by one, so that the
        first can be analysed while the next ones are claimed.  An entry
        that cannot be moved stays where it is, noted once in
        `<home>/laisses-dans-la-boite/`, and is tried again only once it
        changes; the others go on."""
        self._forget_immovable(inbox)
        self.left_for_space = 0
        for entry in stable_entries(inbox, settle_s):
            if self._known_immovable(entry):
                continue
            try:  # a copy, its record and sheet must fit above the reserve; a smaller one may
                if self.home.short_of_space(size_of(entry)):
                    self.left_for_space += 1
                    continue
            except OSError:  # vanished or unreadable: claim() says what to do
                pass
            try:
                claim = self.claim(entry)
            except Exception as exc:
                if is_transient(exc):  # the system, not the drop: the next run tries again
                    log.warning("dépôt non pris pour l'instant : %s", type(exc).__name__)
                else:
                    self._note_immovable(entry, exc)
                continue
            if claim is not None:
                yield claim

    def _immovable_note(self, entry: Path) -> Path:
        return self.home.left_in_place / f"{hashlib.sha256(os.fsencode(entry.name)).hexdigest()[:16]}.json"

    @staticmethod
    def _fingerprint(entry: Path) -> str:
        return hashlib.sha256(repr(signature(entry)).encode("utf-8", "backslashreplace")).hexdigest()

    def _forget_immovable(self, inbox: Path) -> None:
        """Notes of entries no longer in the inbox (removed by hand, or taken)."""
        present = {self._immovable_note(e).name for e in pending(inbox)}
        for note in self.home.left_in_place.glob("*.json"):
            if note.name not in present:
                _remove(note)

    def _known_immovable(self, entry: Path) -> bool:
        note = _read_json(self._immovable_note(entry))
        return bool(note) and note.get("fingerprint") == self._fingerprint(entry)

    def _note_immovable(self, entry: Path, exc: BaseException) -> None:
        reason = failure_reason(exc, "pris dans la boîte de dépôt")
        note = self._immovable_note(entry)
        log.error("dépôt %s laissé dans la boîte de dépôt : %s", note.stem, type(exc).__name__)
        note.parent.mkdir(exist_ok=True)
        _write_json(note, {"original": display_name(entry.name), "fingerprint": self._fingerprint(entry),
                           "reason": reason + " Il est resté dans la boîte de dépôt ; il sera "
                           "repris s'il est modifié, ou retirez-le."})

    def _with_sha(self, claim_id: str, cdir: Path, name: str, received: date, original: str) -> Claim:
        return Claim(claim_id, cdir, name, received, entry_sha256(cdir / DROPPED / name, claim_id), original)

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
            try:
                claim = self._recover_one(cdir)
            except Exception as exc:  # a journal that cannot be resumed must not stop every run
                if is_transient(exc):
                    raise
                log.error("reprise impossible d'un dépôt interrompu : %s", type(exc).__name__)
                self._set_aside(cdir, failure_reason(exc, "repris après une interruption"), "")
                continue
            if claim is not None:
                claims.append(claim)
        return claims

    def _recover_one(self, cdir: Path) -> Claim | None:
        info = _read_json(cdir / CLAIM)
        filing = _read_json(cdir / FILING)
        for partial in cdir.glob(f"{DROPPED}/.partiel-*"):  # a cross-device copy cut short
            _remove(partial)
        name = info["name"] if info else None
        if name and (cdir / DROPPED / name).exists():
            return self._with_sha(cdir.name, cdir, name, date.fromisoformat(info["received"]),
                                  info.get("original", name))
        if filing:  # the entry already reached the archive or the quarantine
            self._register(filing)
        _remove(cdir)  # else it claimed nothing (crash before the move) or finished
        return None

    # steps 2 to 5
    def process(self, claim: Claim, analyse: Analyse) -> dict[str, Any]:
        """File one claim.  A failure that is the drop's own (not a busy
        register, not lost workers) puts it in quarantine with the reason:
        the batch goes on and the next run does not stumble on it again."""
        try:
            for _ in range(MAX_REFILINGS):
                try:
                    return self._process(claim, analyse)
                except ChangedWhileFiling as changed:
                    log.warning("dépôt %s modifié pendant son classement : analysé de nouveau",
                                claim.sha256[:12])
                    claim = replace(claim, sha256=changed.sha256)
            raise ChangedWhileFiling(claim.sha256)  # still being written into: quarantined
        except Exception as exc:
            if is_transient(exc):
                raise
            log.error("dépôt %s mis en quarantaine après une erreur %s", claim.sha256[:12],
                      type(exc).__name__)
            return self._quarantine_failure(claim, exc)

    def _process(self, claim: Claim, analyse: Analyse) -> dict[str, Any]:
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
        if os.path.lexists(claim.entry):  # (a failure after its move leaves it in place)
            now = entry_sha256(claim.entry, claim.id)
            if now != claim.sha256 or sha != claim.sha256:  # the analysis may have read other bytes
                raise ChangedWhileFiling(now)
        quarantined = record["status"] == "error" or record["kind"] == "inconnu"
        dest = self._destination(sha, quarantined)
        record["submission"] = str(dest / claim.name)
        _write_json(self.home.record_path(sha), record)
        write_sheet(self.home.sheet_path(sha), record, received, self.register)
        filing = {"sha256": sha, "received": received.isoformat() if received else None,
                  "location": self.home.rel(dest), "quarantined": quarantined,
                  "name": claim.name, "original": claim.original}
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
                self._check_unchanged(claim, filing, target)
        if filing["quarantined"]:
            write_atomic(dest / (REASON_FILE if claim.name != REASON_FILE else "_" + REASON_FILE),
                         quarantine_reason(record, claim))
        elif claim.original and claim.original != claim.name:  # a name we chose: say which it stands for
            write_atomic(dest / f"{claim.name}.nom-d-origine.txt", claim.original + "\n")
        filed = self._register(filing, record)
        _remove(claim.dir)
        return manifest(filing["sha256"], "quarantined" if filing["quarantined"] else "filed",
                        record.get("kind"), record.get("verdict"), self._paths(filing),
                        new=filed.new, previous=filed.previous_sha256,
                        changed_checks=filed.changed_checks)

    def _check_unchanged(self, claim: Claim, filing: dict[str, Any], target: Path) -> None:
        """The digest again once the entry is in place, before the register
        knows it: a writer that kept its file open may have written since."""
        now = entry_sha256(target, claim.id)
        if now == filing["sha256"]:
            return
        os.rename(target, claim.entry)  # back into the journal, then analysed again
        _remove(claim.dir / FILING)
        if not any(target.parent.iterdir()):
            target.parent.rmdir()
        if self.register.get(filing["sha256"]) is None:
            for stale in (self.home.record_path(filing["sha256"]), self.home.sheet_path(filing["sha256"])):
                _remove(stale)
        raise ChangedWhileFiling(now)

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

    def _quarantine_failure(self, claim: Claim, exc: BaseException) -> dict[str, Any]:
        """The drop in quarantine with an error record saying what failed; if
        even that fails, its journal directory is set aside in the
        quarantine as it is, so that no later run takes it up again."""
        message = failure_reason(exc, "classé") + " Signalez-le à l'administrateur."
        record = error_record(str(claim.entry), claim.sha256, "unreadable", message)
        try:
            return self._file(claim, record, claim.received)
        except Exception as again:
            if is_transient(again):
                raise
        aside = self._set_aside(claim.dir, message, claim.original)
        return manifest(claim.sha256, "quarantined", paths={"location": self.home.rel(aside)})

    def _set_aside(self, cdir: Path, message: str, original: str) -> Path:
        """A journal directory moved into the quarantine as it is, with the reason."""
        aside = self.home.quarantine / f"bloque-{cdir.name}"
        os.rename(cdir, aside)
        named = f"Nom du dépôt : {original}\n" if original else ""
        write_atomic(aside / REASON_FILE, f"{message}\n\n{named}"
                     "Le dépôt d'origine, s'il y est, est dans le sous-dossier « depot ».\n")
        _fsync_dir(self.home.quarantine)
        return aside

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


def quarantine_reason(record: dict[str, Any], claim: Claim | None = None) -> str:
    if record.get("status") == "error":
        error = record.get("error") or {}
        why = f"Le dossier n'a pas pu être lu ({error.get('code')}) : {error.get('message')}"
    else:
        why = ("Document non reconnu : ni dossier de candidature au label EXPE-CT, ni rapport "
               "de mission. Vérifiez qu'il s'agit bien d'un dossier EXPE-CT.")
    named = f"Nom du dépôt : {claim.original}\n" if claim is not None and claim.original else ""
    return (f"{why}\n\n{named}Empreinte sha256 : {record.get('sha256')}\n"
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
