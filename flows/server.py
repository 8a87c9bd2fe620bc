"""A Prefect API server for this command only, or for `expe-ct serve`.

This is the server Prefect's ephemeral mode starts (uvicorn running
`prefect.server.api.server:create_app`, SQLite under PREFECT_HOME), started
by us instead, for four reasons:

* it listens on a socket the kernel picks on 127.0.0.1, handed over as a
  file descriptor: no fixed port, no port scan, no race for a free port;
* it dies with this process even on `kill -9` (PR_SET_PDEATHSIG), where
  Prefect's own would be left running;
* it starts while the worker processes load their models, instead of when
  the first flow runs;
* this process never imports the server's code (4 s of CPU), only the
  child does.

`expe-ct serve` runs the same server as a full one (scheduler and the
other services on, a fixed port for the UI).
"""
from __future__ import annotations

import ctypes
import fcntl
import functools
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from common.files import write_atomic

from .environment import configure

PR_SET_PDEATHSIG = 1
ANNOUNCE = "serveur.json"   # under <home>/prefect: where `expe-ct serve` says it listens
FINAL_STATES = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")
# Prefect's server writes each task run event in a transaction of its own
# by default (batches of 1): 20 ms of server CPU per task, a third of an
# analysis.  Read and written by the hundred, once a second, it is 4 ms
# (bench/prefect_floor.py).  Whole seconds: Prefect truncates the interval,
# and 0 would make it spin.  A kill -9 of a private server loses at most the
# last second of its run history, never a filing (expe_ct/inbox.py).
BATCHED_WRITES = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "100",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "500",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "1",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_READ_BATCH_SIZE": "100",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE": "500",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_FLUSH_INTERVAL": "1",
}
# The private server of a one-off command keeps flow runs, task runs, their
# states and logs, not the event stream they come from (what the UI's event
# feed shows): writing each event and its related resources was 40 % of
# the server's work per task.  `expe-ct serve` keeps everything.
PRIVATE = {"PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false"}
MIGRATED = "migre-pour-prefect"  # under <home>/prefect: the Prefect version the database was migrated for
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # 127.0.0.1 is never proxied


def _die_with_parent() -> None:  # runs in the child, between fork and exec
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class LocalServer:
    def __init__(self, ephemeral: bool = True, port: int = 0):
        self.ephemeral = ephemeral
        self.port = port
        self.process: subprocess.Popen | None = None
        self.api_url = ""
        self._first_start = None  # the lock held while this start migrates a new database

    def start(self) -> "LocalServer":
        """Spawn the server and return at once; `wait()` until it answers."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        sock.listen(128)
        self.port = sock.getsockname()[1]
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        env = {**BATCHED_WRITES, **(PRIVATE if self.ephemeral else {}), **os.environ}
        env.pop("PREFECT_API_URL", None)
        self._first_start = _first_start_lock()  # before reading the marker another start may write
        if self.ephemeral:  # as Prefect's ephemeral mode: no UI, only the services runs need
            env.update(PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1")
        if _migrated() == _prefect_version():  # checking 180 migrations again: 0.4 s of each start
            env.setdefault("PREFECT_API_DATABASE_MIGRATE_ON_START", "false")
        # Only a start that migrates may note the schema as this Prefect's.
        self._migrates = env.get("PREFECT_API_DATABASE_MIGRATE_ON_START", "true").lower() not in ("false", "0")
        env["PREFECT__SERVER_FINAL"] = "1"
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
                 "--fd", str(sock.fileno()), "--log-level", "error", "--lifespan", "on"],
                pass_fds=(sock.fileno(),), env=env, preexec_fn=_die_with_parent,
                stdout=subprocess.DEVNULL)
        finally:
            sock.close()  # the child holds its own copy
        os.environ["PREFECT_API_URL"] = self.api_url
        return self

    def wait(self, timeout: float = 180) -> "LocalServer":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Le serveur Prefect local s'est arrêté au démarrage "
                                   f"(code {self.process.returncode}).")
            try:
                with _NO_PROXY.open(f"{self.api_url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        if self._migrates:  # the server answers once its migrations are done
                            _note_migrated()
                        self._release_first_start()
                        self._recorded_at_start = self._recorded()
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Le serveur Prefect local n'a pas répondu en {timeout:.0f} s.")

    def _recorded(self) -> int | None:
        """Task runs in a final state the server has written (None: no answer)."""
        final = json.dumps({"task_runs": {"state": {"type": {"any_": list(FINAL_STATES)}}}}).encode()
        request = urllib.request.Request(f"{self.api_url}/task_runs/count", data=final,
                                         headers={"Content-Type": "application/json"})
        try:
            with _NO_PROXY.open(request, timeout=5) as answer:
                return int(answer.read())
        except (urllib.error.URLError, OSError, ValueError):
            return None

    def settle(self, finished: int, timeout: float = 15) -> None:
        """Wait until the server has written the `finished` task runs this
        process ran: it records them in batches, and those not yet written
        would be lost when it stops."""
        start = getattr(self, "_recorded_at_start", None)
        if not finished or start is None:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            count = self._recorded()
            if count is None or count >= start + finished:
                return
            time.sleep(0.1)

    def _release_first_start(self) -> None:
        if self._first_start is not None:
            self._first_start.close()  # closing releases the flock
            self._first_start = None

    def stop(self) -> None:
        self._release_first_start()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if os.environ.get("PREFECT_API_URL") == self.api_url:
            del os.environ["PREFECT_API_URL"]

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _migrated_marker() -> Path | None:
    """Where the Prefect version this home's SQLite database was migrated
    for is noted; None for a database named by URL (say PostgreSQL), which
    its server migrates at every start."""
    home = os.environ.get("PREFECT_HOME")
    if not home or any(os.environ.get(f"PREFECT_{k}_DATABASE_CONNECTION_URL") for k in ("API", "SERVER")):
        return None
    return Path(home) / MIGRATED


def _first_start_lock():
    """Two first runs on a new home would both migrate the same SQLite
    database and one server would die: the second start waits (flock) until
    the first has migrated, then finds the marker and skips the migrations.
    None when the database is migrated already or named by URL."""
    marker = _migrated_marker()
    if marker is None or _migrated() == _prefect_version():
        return None
    marker.parent.mkdir(parents=True, exist_ok=True)
    handle = open(marker.parent / "premier-demarrage.lock", "a")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _migrated() -> str | None:
    marker = _migrated_marker()
    if marker is None or not (marker.parent / "prefect.db").exists():
        return None
    try:
        return marker.read_text().strip()
    except OSError:
        return None


@functools.cache
def _prefect_version() -> str:
    from importlib.metadata import version

    return version("prefect")


def _note_migrated() -> None:
    marker = _migrated_marker()
    if marker is not None and _migrated() != _prefect_version():
        write_atomic(marker, _prefect_version())


def announce(home: Path, server: LocalServer) -> Path:
    """Tell the commands run on this home that `server` (of `expe-ct serve`)
    is up, so that they use it instead of starting their own on the same
    database."""
    path = home / "prefect" / ANNOUNCE
    write_atomic(path, json.dumps({"api_url": server.api_url, "pid": os.getpid()}))
    return path


def withdraw(path: Path) -> None:
    try:
        if json.loads(path.read_text()).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def served(home: Path) -> str | None:
    """The API of the `expe-ct serve` running on this home, if it answers."""
    try:
        info = json.loads((home / "prefect" / ANNOUNCE).read_text())
        os.kill(int(info["pid"]), 0)
        with _NO_PROXY.open(f"{info['api_url']}/health", timeout=2) as answer:
            return info["api_url"] if answer.status == 200 else None
    except (OSError, ValueError, KeyError, TypeError, urllib.error.URLError):
        return None  # none announced, or a stale announce left by a killed serve


@contextmanager
def backend(home: Path, verbose: bool = False) -> Iterator[LocalServer | None]:
    """Prefect for a `--once` command: configured for this home; the server
    PREFECT_API_URL names, else the one `expe-ct serve` runs on this home,
    else a private server for as long as the command runs.  A private server
    starts at once; `wait()` on it (the flows do not need it before their
    first call)."""
    configure(home, verbose)
    if os.environ.get("PREFECT_API_URL"):
        yield None
        return
    api_url = served(home)
    if api_url:
        os.environ["PREFECT_API_URL"] = api_url
        try:
            yield None
        finally:
            _drain_client()
            del os.environ["PREFECT_API_URL"]
        return
    server = LocalServer().start()
    try:
        with _without_heartbeats():
            yield server
    finally:
        _drain_client()
        if "flows.tally" in sys.modules:
            server.settle(sys.modules["flows.tally"].finished())
        server.stop()


@contextmanager
def _without_heartbeats() -> Iterator[None]:
    """A flow run sends a heartbeat now and then so that a server can tell
    when its process died; a private server dies with the process, and the
    heartbeat thread costs up to a second at the end of every run."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def _drain_client() -> None:
    """Send what this process still holds (events, logs) before the server goes."""
    if "prefect" not in sys.modules:  # the command failed before using Prefect
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (EventsWorker, APILogWorker):
        worker.drain_all(timeout=10)
