"""`expe-ct serve` as the chargé(e) de mission leaves it running: its
scheduled inbox flow files what is dropped, and the commands run meanwhile
on the same data home use its server (one Prefect database, one server)
instead of starting their own."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import dossier_factory as make
from conftest import ROOT
from flows.server import ANNOUNCE

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def api(url: str, path: str, body: dict) -> object:
    request = urllib.request.Request(f"{url}{path}", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with NO_PROXY.open(request, timeout=10) as answer:
        return json.loads(answer.read())


def completed_runs(api_url: str, flow: str) -> list:
    return api(api_url, "/flow_runs/filter",
               {"flows": {"name": {"any_": [flow]}},
                "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}, "limit": 20})


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"délai dépassé : {what}")


@pytest.fixture
def serving(tmp_path):
    inbox, home = tmp_path / "depot", tmp_path / "home"
    inbox.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "expe_ct.cli", "serve", "--inbox", str(inbox), "--home", str(home),
         "--port", "0", "--interval", "2", "--settle", "0"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    announce = home / "prefect" / ANNOUNCE
    try:
        wait_for(lambda: announce.exists() or process.poll() is not None, 120, "démarrage de serve")
        assert process.poll() is None, "expe-ct serve s'est arrêté au démarrage"
        yield inbox, home, json.loads(announce.read_text())["api_url"], process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_serve_files_the_drops_and_lends_its_server_to_the_commands(serving, tmp_path):
    inbox, home, api_url, process = serving
    make.candidature(inbox / "candidature.docx")
    # the scheduled inbox flow (a run every 2 s) takes it
    wait_for(lambda: any((home / "records").glob("*.json")), 180, "classement par le flux servi")
    wait_for(lambda: completed_runs(api_url, "boite-de-depot"), 60, "fin du passage du flux servi")
    assert not any(inbox.iterdir())

    # a pack asked for meanwhile runs on serve's server: its run is there,
    # and no other Prefect database appears
    before = sorted(p.name for p in (home / "prefect").iterdir())
    out = subprocess.run([sys.executable, "-m", "expe_ct.cli", "pack", "--comite", "2031-01-15",
                          "--home", str(home), "--out", str(tmp_path / "comite")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert len(completed_runs(api_url, "dossier-du-comite")) == 1
    assert sorted(p.name for p in (home / "prefect").iterdir()) == before
    assert (tmp_path / "comite" / "pack.html").exists()

    # a second serve on the same home refuses to start
    second = subprocess.run([sys.executable, "-m", "expe_ct.cli", "serve", "--inbox", str(inbox),
                             "--home", str(home), "--port", "0"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert second.returncode == 1 and "tourne déjà" in second.stderr

    # stopped, it withdraws its announce: the next command starts its own server
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    assert not (home / "prefect" / ANNOUNCE).exists()
