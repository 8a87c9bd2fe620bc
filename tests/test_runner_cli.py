"""The batch runner and the command line: order, time limit, exit codes,
stdout carrying nothing but records."""
from __future__ import annotations

import json
import subprocess
import sys
import time

from record_checks import assert_valid
from common.limits import Limits
from expe_ct.runner import analyse_many

GEOTOPO = "pdf/pysamples__009-pdflatex-geotopo__GeoTopo-komprimiert.pdf"  # 117 pages, read in ~1.1 s


def test_a_stuck_submission_times_out_and_the_batch_goes_on(corpus_dir, tmp_path):
    empty = tmp_path / "vide.pdf"
    empty.write_bytes(b"")
    paths = [str(corpus_dir / GEOTOPO), str(empty)]
    start = time.perf_counter()
    # A quarter of GeoTopo's reading time: far from it on any machine, and
    # ample for the empty file (under a millisecond).
    records = list(analyse_many(paths, limits=Limits(timeout_s=0.25), jobs=1))
    assert time.perf_counter() - start < 30
    assert [r["submission"] for r in records] == paths
    assert records[0]["status"] == "error" and records[0]["error"]["code"] == "timeout"
    assert records[0]["sha256"] and len(records[0]["sha256"]) == 64
    assert records[1]["error"]["code"] == "empty"
    for record in records:
        assert_valid(record)


def run_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "expe_ct.cli", *args], capture_output=True,
                          text=True, timeout=timeout)


def test_cli_json_lines_on_stdout_only(tmp_path):
    bad = tmp_path / "photo.pdf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    missing = tmp_path / "absent.docx"
    result = run_cli("analyse", str(bad), str(missing), "--json")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert records[0]["error"]["code"] == "unsupported_format"
    assert records[1]["error"]["code"] == "unreadable"
    assert "dossiers analysés" in result.stderr


def test_cli_usage_error_exits_2_in_french():
    result = run_cli("analyse")
    assert result.returncode == 2
    assert "usage :" in result.stderr and "obligatoires" in result.stderr
    assert result.stdout == ""
