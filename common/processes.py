"""External programs (LibreOffice, Chromium) run in a process group of
their own, so that on a timeout, and after a normal end, the whole group is
killed: these programs leave helper processes behind that would otherwise
outlive the call."""
from __future__ import annotations

import os
import signal
import subprocess


def kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_in_group(cmd: list[str], timeout_s: float, env: dict[str, str] | None = None) -> tuple[int, bytes]:
    """(return code, stderr) of `cmd`; raises subprocess.TimeoutExpired once
    the group has been killed."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout_s)
        return proc.returncode, err
    except subprocess.TimeoutExpired:
        kill_group(proc.pid)
        proc.communicate()
        raise
    finally:
        kill_group(proc.pid)
