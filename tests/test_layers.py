"""The one-way layers of pyproject.toml's import-linter contract hold, and
the check does catch an import that goes up a layer."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("common", "contract", "extractors", "analysis", "checks", "register", "outputs", "expe_ct", "flows")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def test_layers_contract_is_kept():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_an_import_up_a_layer_breaks_the_contract(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__", "data", "templates"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with open(tmp_path / "analysis" / "kind.py", "a", encoding="utf-8") as fh:
        fh.write("\n\ndef _judge_here():\n    from checks import evaluate\n    return evaluate\n")
    done = lint_imports(tmp_path)
    assert done.returncode != 0
    assert "analysis is not allowed to import checks" in done.stdout
    assert "analysis.kind -> checks" in done.stdout
