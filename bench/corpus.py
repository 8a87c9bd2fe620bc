"""Records for a whole set of submissions, with counts by status and code and
the slowest submissions: the robustness figures of the closing notes.

    .venv/bin/python bench/corpus.py [PATH ...] [--each DIR] [--jobs 1] [--top 5]

Without paths: every file of ../shared/corpus/real (per its MANIFEST.tsv);
--each DIR takes every entry of DIR as one submission (e.g. samples/dossiers).
With --jobs 1 the pool analyses one submission at a time, so the time between
two records is the time of one submission.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common.limits import Limits  # noqa: E402
from expe_ct.runner import analyse_many  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def corpus_paths() -> list[str]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        return [str(CORPUS / row["local"]) for row in csv.DictReader(fh, delimiter="\t")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--each", metavar="DIR", help="every entry of DIR is a submission")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args()
    paths = list(args.paths)
    if args.each:
        paths += sorted(str(c) for c in Path(args.each).iterdir() if not c.name.startswith("."))
    paths = paths or corpus_paths()
    start = last = time.perf_counter()
    times, outcomes = [], Counter()
    for record in analyse_many(paths, limits=Limits(), jobs=args.jobs):
        now = time.perf_counter()
        times.append((now - last, record["submission"]))
        last = now
        outcomes[record["error"]["code"] if record["status"] == "error" else "ok"] += 1
    total = time.perf_counter() - start
    print(f"{len(paths)} soumissions en {total:.1f} s (jobs={args.jobs})")
    print("statuts : " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    print("plus lentes :")
    for elapsed, path in sorted(times, reverse=True)[:args.top]:
        print(f"  {elapsed:6.2f} s  {Path(path).name}")


if __name__ == "__main__":
    main()
