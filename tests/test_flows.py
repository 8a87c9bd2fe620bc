"""The Prefect flows as a user runs them, `--once`, with nothing started by
hand: the inbox killed mid-batch then restarted, the pack, the reminders.
Then Prefect's home is searched for the people named in the samples: their
names must not be there (task runs are named by sha256 prefixes, results
are not persisted, failures carry only exception types).  Nothing may
connect anywhere but the machine itself."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

import dossier_factory as make
from conftest import ROOT, SAMPLES
from register import Register

TRUTH = SAMPLES / "truth"


def pick_samples() -> list[Path]:
    """A few fast samples of every sort: DOCX candidatures and reports, an
    unknown document, a submission that cannot be read."""
    wanted = {("candidature", "ok"): 1, ("rapport", "ok"): 1, ("inconnu", "ok"): 1, (None, "error"): 1}
    chosen = []
    for truth in sorted(TRUTH.glob("*.json")):
        data = json.loads(truth.read_text(encoding="utf-8"))
        path = ROOT / data["submission"]
        key = (data["kind"], data["status"])
        fast = path.suffix in (".docx", ".zip") or data["status"] == "error"
        if wanted.get(key) and fast and path.exists():
            wanted[key] -= 1
            chosen.append(path)
    return chosen


def people_named(samples: list[Path]) -> set[str]:
    names = {e[0] for e in make.EXPERTS}
    for sample in samples:
        data = json.loads((TRUTH / f"{sample.name}.json").read_text(encoding="utf-8"))
        names |= {e["name"] for e in data.get("experts") or []}
        names |= set((data.get("mission") or {}).get("participants") or [])
        names |= set(data.get("not_experts") or [])
    return names


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "expe_ct.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, **kwargs)


def digests(root: Path) -> Counter:
    return Counter(hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*")
                   if p.is_file() and not p.name.startswith("RAISON-"))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    samples = pick_samples()
    if len(samples) < 4:
        pytest.skip("samples/dossiers incomplet : lancer make samples")
    names = people_named(samples)
    tmp = tmp_path_factory.mktemp("flows")
    inbox, home, batch = tmp / "depot", tmp / "home", tmp / "batch"
    batch.mkdir()
    for sample in samples:
        (shutil.copytree if sample.is_dir() else shutil.copy2)(sample, batch / sample.name)
    make.candidature(batch / "candidature Claire Martin.docx")
    shutil.copytree(batch, inbox)

    # First run, killed with SIGKILL as soon as the first submission is filed.
    first = subprocess.Popen([sys.executable, "-m", "expe_ct.cli", "inbox", "--inbox", str(inbox),
                              "--home", str(home), "--once"], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while first.poll() is None and not any((home / "records").glob("*.json")) \
            and time.monotonic() < deadline:
        time.sleep(0.005)
    killed = first.poll() is None
    first.send_signal(signal.SIGKILL)
    first.wait()

    # The restart, watched for network connections when strace is there.
    trace = tmp / "connect.trace"
    prefix = (["strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=connect", "-e", "signal=none",
               "-o", str(trace)] if shutil.which("strace") else [])
    started = time.monotonic()
    second = subprocess.run([*prefix, sys.executable, "-m", "expe_ct.cli", "inbox", "--inbox", str(inbox),
                             "--home", str(home), "--once"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    elapsed = time.monotonic() - started
    return {"samples": samples, "names": names, "batch": batch, "inbox": inbox, "home": home, "killed": killed,
            "second": second, "trace": trace if prefix else None, "elapsed": elapsed}


def test_inbox_once_after_a_kill_files_everything_once(run):
    second, home = run["second"], run["home"]
    assert run["killed"], "the first run ended before it could be killed"
    assert second.returncode == 0, second.stderr[-2000:]
    assert "dépôt(s)" in second.stdout
    assert list(run["inbox"].iterdir()) == [] and list((home / "staging").iterdir()) == []
    assert digests(home / "archive") + digests(home / "quarantine") == digests(run["batch"])
    register = Register.open(home)
    assert register.count() == len(list(run["batch"].iterdir()))
    register.close()
    print(f"\nreprise après kill -9 : {run['elapsed']:.1f} s\n{second.stdout}")


def test_prefect_recorded_one_task_per_submission_named_by_digest(run):
    with sqlite3.connect(run["home"] / "prefect" / "prefect.db") as db:
        [(last_run, state)] = db.execute(
            "select r.id, r.state_type from flow_run r join flow f on f.id = r.flow_id "
            "where f.name = 'boite-de-depot' order by r.start_time desc limit 1").fetchall()
        tasks = db.execute("select name, state_type from task_run where flow_run_id = ?", (last_run,)).fetchall()
        every_name = [name for (name,) in db.execute("select name from task_run")]
    assert state == "COMPLETED"
    # the restart filed what the killed run had left, every task recorded to the end
    assert tasks and {s for _, s in tasks} == {"COMPLETED"}
    assert all(re.fullmatch(r"dossier-[0-9a-f]{12}", name) for name in every_name)


def test_no_connection_leaves_the_machine(run):
    if run["trace"] is None:
        pytest.skip("strace absent")
    calls = [line for line in run["trace"].read_text().splitlines() if "connect(" in line]
    inet = [c for c in calls if "AF_INET" in c]
    assert inet, "the trace saw no connection at all"
    outside = [c for c in inet if "127.0.0.1" not in c and "::1" not in c]
    assert outside == []


def test_pack_and_reminders_run_as_flows(run, tmp_path):
    home = run["home"]
    comite = date.today() + timedelta(days=15)
    pack = cli("pack", "--comite", comite.isoformat(), "--home", str(home), "--out", str(tmp_path / "comite"))
    assert pack.returncode == 0, pack.stderr[-2000:]
    assert "candidature(s)" in pack.stdout
    for name in ("pack.html", "pack.pdf", "pack.csv"):
        assert (tmp_path / "comite" / name).stat().st_size > 0
    relances = cli("relances", "--home", str(home), "--date", (date.today() + timedelta(days=400)).isoformat(),
                   "--out", str(tmp_path / "relances"))
    assert relances.returncode == 0, relances.stderr[-2000:]
    assert (tmp_path / "relances" / "relances.csv").exists()
    with sqlite3.connect(home / "prefect" / "prefect.db") as db:
        names = {name for (name,) in db.execute("select f.name from flow_run r join flow f on f.id = r.flow_id "
                                                "where r.state_type = 'COMPLETED'")}
    assert {"boite-de-depot", "dossier-du-comite", "relances-rapports"} <= names


def test_no_person_named_in_the_samples_is_in_prefects_home(run):
    names = run["names"]
    assert len(names) >= 5
    blobs = [p.read_bytes() for p in (run["home"] / "prefect").rglob("*") if p.is_file()]
    assert sum(len(b) for b in blobs) > 100_000  # the database is there, and not empty
    for name in names:
        forms = {name.encode(), json.dumps(name)[1:-1].encode(), name.upper().encode()}
        found = [form for form in forms for blob in blobs if form in blob]
        assert not found, f"{name!r} se trouve dans la base de Prefect"

