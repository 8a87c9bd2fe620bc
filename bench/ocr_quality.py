"""OCR character error rate on the scanned samples: the text read from every
OCR'd piece against the text that was printed before scanning
(samples/truth/*.ocr.txt), in reading order.

    .venv/bin/python bench/ocr_quality.py
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common.limits import Limits  # noqa: E402
from expe_ct.pipeline import read_submission  # noqa: E402
from extractors.ocr import cer  # noqa: E402


def main() -> None:
    rows = []
    for truth_file in sorted((ROOT / "samples" / "truth").glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if not truth.get("ocr_reference"):
            continue
        reference = (ROOT / truth["ocr_reference"]).read_text(encoding="utf-8")
        start = time.perf_counter()
        submission, _ = read_submission(str(ROOT / truth["submission"]), Limits())
        elapsed = time.perf_counter() - start
        scanned = [p for p in submission.pieces if p.ocr]
        text = "\n".join(b.text for p in scanned for b in p.blocks)
        pages = sum(p.pages or 0 for p in scanned)
        rows.append((Path(truth["submission"]).name, cer(reference, text), pages, elapsed))
    print(f"{'soumission':<45} {'CER':>7} {'pages':>6} {'s':>6}")
    for name, rate, pages, elapsed in rows:
        print(f"{name:<45} {100 * rate:6.1f}% {pages:>6} {elapsed:6.1f}")
    rates = [r for _, r, _, _ in rows]
    total_pages = sum(p for _, _, p, _ in rows)
    print(f"\n{len(rows)} soumissions numérisées, {total_pages} pages OCR : CER médian "
          f"{100 * statistics.median(rates):.1f} %, moyen {100 * statistics.mean(rates):.1f} %, "
          f"{sum(e for *_, e in rows) / max(total_pages, 1):.1f} s/page (lecture complète)")


if __name__ == "__main__":
    main()
