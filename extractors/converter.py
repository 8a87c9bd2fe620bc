"""Headless LibreOffice conversion, isolated and bounded.

The input is first copied under a neutral name into a private temporary
directory, so nothing is ever written beside the original and the file name
(personal data) never reaches LibreOffice.  Each conversion runs in its own
process group with a timeout; on timeout the whole group is killed.

A LibreOffice user profile costs seconds to create, so each worker process
creates one on first use and reuses it; two processes never share one (they
would hand their work to each other's instance).  The profile is seeded with
settings that forbid macros and link updates: a document must never run code
or fetch anything while it is converted.  Profiles and work directories carry
the owning pid in their name, so those left by killed workers are swept.

LibreOffice honours some document fields regardless of those settings
(INCLUDEPICTURE and INCLUDETEXT open the local path they name), so: the
field instructions of an RTF are removed from our copy before conversion
(their last result, the text a reader sees, is kept); and where Debian's
bubblewrap works, LibreOffice runs in a sandbox that sees the system's
programs and fonts read-only, its work directory and its profile, and
nothing else: no home, no other temporary file, no network.
"""
from __future__ import annotations

import atexit
import functools
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from common.processes import run_in_group

from . import errors
from .errors import ExtractionError

DEFAULT_TIMEOUT_S = 60.0
PROFILE_PREFIX = "expe-ct-lo-profile-"
WORK_PREFIX = "expe-ct-lo-work-"
OWNED_DIR = re.compile(rf"^(?:{PROFILE_PREFIX}|{WORK_PREFIX})(\d+)-")

# registrymodifications.xcu of a fresh profile: no macros, no link updates,
# no loading of resources referred to by an untrusted document.
SAFE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

log = logging.getLogger("expe_ct.converter")
# A field's instruction group: {\*\fldinst …} or {\fldinst …}.
FIELD_INSTRUCTION = re.compile(rb"\{\s*(?:\\\*\s*)?\\fldinst(?![a-zA-Z])")
# What the sandbox shows of the system, read-only, when it exists.
SYSTEM_READ_ONLY = ("/usr", "/etc/fonts", "/etc/libreoffice", "/etc/ld.so.cache", "/var/cache/fontconfig")

_profile: tuple[int, Path] | None = None  # (owning pid, directory)
_lock = threading.Lock()                   # one conversion at a time per profile


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


@contextmanager
def converted(src: Path, target: str = "odt", suffix: str = ".doc",
              timeout_s: float = DEFAULT_TIMEOUT_S) -> Iterator[Path]:
    """Convert `src` (read as a `suffix` file) to `target`; yield the result,
    which lives in a private directory removed on exit."""
    exe = soffice()
    if exe is None:
        raise errors.unsupported("LibreOffice est nécessaire pour lire ce format "
                                 "et n'est pas installé sur ce poste.")
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))
    try:
        source = work / f"document{suffix}"
        if suffix == ".rtf":
            source.write_bytes(without_field_instructions(src.read_bytes()))
        else:
            shutil.copyfile(src, source)
        outdir, tmp = work / "out", work / "tmp"
        outdir.mkdir()
        tmp.mkdir()
        with _lock:
            profile = profile_dir()
            run([*sandbox(work, profile), exe, "--headless", "--invisible", "--norestore", "--nolockcheck",
                 "--nodefault", "--nologo", f"-env:UserInstallation={profile.as_uri()}",
                 "--convert-to", target, "--outdir", str(outdir), str(source)],
                env=dict(os.environ, TMPDIR=str(tmp), HOME=str(profile)),
                timeout_s=timeout_s)
        result = outdir / f"document.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            raise errors.unreadable("Le document n'a pas pu être ouvert "
                                    "(fichier endommagé ou format non reconnu).")
        yield result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def without_field_instructions(rtf: bytes) -> bytes:
    """The RTF without its fields' instructions (INCLUDEPICTURE, INCLUDETEXT,
    LINK, DDE…), whatever their spelling: each {\\fldinst …} group goes
    whole; the field's result ({\\fldrslt …}) stays."""
    out, i = bytearray(), 0
    while (match := FIELD_INSTRUCTION.search(rtf, i)) is not None:
        out += rtf[i:match.start()]
        i = _group_end(rtf, match.start())
    return bytes(out + rtf[i:])


def _group_end(data: bytes, start: int) -> int:
    """Just past the brace closing the group opened at `start`."""
    depth, j = 0, start
    while j < len(data):
        char = data[j]
        if char == 0x5C:  # backslash: \{ \} \\ are text, not braces
            j += 2
            continue
        if char == 0x7B:
            depth += 1
        elif char == 0x7D:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(data)


def sandbox(*writable: Path) -> list[str]:
    """The bubblewrap prefix that confines a conversion to `writable`, or
    nothing where bubblewrap is absent or cannot make namespaces here."""
    if not _bwrap_works():
        return []
    args = ["bwrap", "--unshare-all", "--die-with-parent", "--cap-drop", "ALL",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for path in SYSTEM_READ_ONLY:
        args += ["--ro-bind-try", path, path]
    for path in writable:
        args += ["--bind", str(path), str(path)]
    return args


@functools.cache
def _bwrap_works() -> bool:
    if shutil.which("bwrap") is None:
        log.warning("bubblewrap absent : LibreOffice convertit sans bac à sable")
        return False
    probe = subprocess.run(["bwrap", "--unshare-all", "--ro-bind", "/", "/", "true"],
                           capture_output=True, timeout=30)
    if probe.returncode != 0:
        log.warning("bubblewrap inutilisable ici : LibreOffice convertit sans bac à sable")
    return probe.returncode == 0


def run(cmd: list[str], env: dict[str, str], timeout_s: float) -> None:
    try:
        run_in_group(cmd, timeout_s, env)
    except subprocess.TimeoutExpired:
        discard_profile()  # a killed instance may leave it half-written or locked
        raise ExtractionError(
            "timeout", f"La conversion du document a dépassé {timeout_s:.0f} s ; "
            "elle a été interrompue.") from None


def profile_dir() -> Path:
    """This process's LibreOffice profile, created on first use."""
    global _profile
    pid = os.getpid()
    if _profile is not None and _profile[0] == pid and _profile[1].is_dir():
        return _profile[1]
    sweep_orphans()
    path = Path(tempfile.mkdtemp(prefix=f"{PROFILE_PREFIX}{pid}-"))
    (path / "user").mkdir()
    (path / "user" / "registrymodifications.xcu").write_text(SAFE_SETTINGS, encoding="utf-8")
    _profile = (pid, path)
    atexit.register(remove_if_owner, pid, path)
    return path


def discard_profile() -> None:
    global _profile
    if _profile is not None and _profile[0] == os.getpid():
        shutil.rmtree(_profile[1], ignore_errors=True)
    _profile = None


def remove_if_owner(pid: int, path: Path) -> None:
    # atexit handlers are inherited by forked children: only the owner removes.
    if os.getpid() == pid:
        shutil.rmtree(path, ignore_errors=True)


def sweep_orphans() -> None:
    """Remove profiles and work directories of processes that no longer exist
    (a worker killed on timeout cannot clean up after itself)."""
    root = Path(tempfile.gettempdir())
    for entry in root.iterdir():
        match = OWNED_DIR.match(entry.name)
        if match and not alive(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
