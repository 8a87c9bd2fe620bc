"""Every file of ../shared/corpus/real gets a contract record: status ok, or
status error with the right code, within the time limit, in one batch."""
from __future__ import annotations

import csv
import time
from collections import Counter

import pytest

from record_checks import assert_valid
from common.limits import Limits
from expe_ct.runner import analyse_many


@pytest.fixture(scope="module")
def corpus_run(corpus_dir):
    with open(corpus_dir / "MANIFEST.tsv", encoding="utf-8") as fh:
        manifest = list(csv.DictReader(fh, delimiter="\t"))
    paths = [str(corpus_dir / row["local"]) for row in manifest]
    start = time.perf_counter()
    records = list(analyse_many(paths, limits=Limits(timeout_s=60)))
    return manifest, paths, records, time.perf_counter() - start


def test_one_valid_record_per_file_in_order(corpus_run):
    manifest, paths, records, elapsed = corpus_run
    assert len(manifest) == 199
    assert [r["submission"] for r in records] == paths
    for record in records:
        assert_valid(record)
    counts = Counter(r["error"]["code"] if r["status"] == "error" else "ok" for r in records)
    print(f"\ncorpus: {dict(counts)} in {elapsed:.0f} s")
    assert counts["timeout"] == 0
    assert counts["ok"] >= 120


def test_encrypted_files_are_reported_as_such(corpus_run):
    manifest, _, records, _ = corpus_run
    encrypted = [(row, rec) for row, rec in zip(manifest, records) if row["note"].startswith("encrypted")]
    assert len(encrypted) == 17
    codes = Counter(rec["error"]["code"] if rec["status"] == "error" else "ok" for _, rec in encrypted)
    # Some are encrypted with an empty user password (owner restrictions only):
    # those open normally, as they do in any PDF viewer.
    assert set(codes) <= {"encrypted", "ok"}
    assert codes["encrypted"] >= 8

