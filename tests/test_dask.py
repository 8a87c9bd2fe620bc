"""Scale-out: the inbox flow sends its tasks to a Dask cluster (a local
scheduler and one worker here) when EXPE_CT_DASK_ADDRESS names it."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dossier_factory as make
from conftest import ROOT
from test_flows import cli


def test_the_inbox_tasks_run_on_a_dask_cluster(tmp_path):
    pytest.importorskip("prefect_dask", reason="prefect-dask absent (voir flows/README.md)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    bin_dir = Path(sys.executable).parent
    log = tmp_path / "worker.log"
    scheduler = subprocess.Popen([bin_dir / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(log, "w") as out:
        worker = subprocess.Popen([bin_dir / "dask", "worker", address, "--nthreads", "2", "--no-nanny",
                                   "--no-dashboard"], stdout=out, stderr=out, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while "Registered to" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        inbox = tmp_path / "depot"
        inbox.mkdir()
        make.candidature(inbox / "candidature.docx")
        make.rapport(inbox / "rapport.docx")
        result = cli("inbox", "--inbox", str(inbox), "--home", str(tmp_path / "home"), "--once",
                     env={**os.environ, "EXPE_CT_DASK_ADDRESS": address})
        assert result.returncode == 0, result.stderr[-2000:]
        assert "2 classé(s)" in result.stdout
        ran_there = re.findall(r"Task run '(dossier-[0-9a-f]{12})' - Finished in state Completed", log.read_text())
        assert len(ran_there) == 2  # the tasks ran in the Dask worker, not in the command
    finally:
        for proc in (worker, scheduler):
            proc.terminate()
            proc.wait(timeout=30)
