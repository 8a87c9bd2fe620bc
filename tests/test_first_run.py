"""Two first runs at once on a new home: Prefect's database is migrated by
one of them while the other waits, and neither server dies at its start
(before, one run in three or so failed with a traceback)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_two_first_runs_at_once_on_a_new_home(tmp_path):
    home = tmp_path / "home"
    runs = []
    for name in ("a", "b"):
        inbox = tmp_path / name
        inbox.mkdir()
        runs.append(subprocess.Popen([sys.executable, "-m", "expe_ct.cli", "inbox", "--once", "--inbox",
                                      str(inbox), "--home", str(home)], cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True))
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0 and "Traceback" not in err, err[-2000:]
    assert (home / "prefect" / "migre-pour-prefect").exists()
