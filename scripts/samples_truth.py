"""Write the samples' truth (samples/truth/*.json) as the shared scorer's
truth.jsonl, so that ../shared/scoring/score.py measures our own samples the
way it measures every other corpus:

    .venv/bin/python scripts/samples_truth.py > /tmp/samples-truth.jsonl
    python3 ../shared/scoring/score.py --project . --corpus samples/dossiers --truth /tmp/samples-truth.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TRUTH = Path(__file__).resolve().parents[1] / "samples" / "truth"


def scorer_truth(truth: dict) -> dict:
    row = {**truth, "path": Path(truth["submission"]).name}   # relative to the corpus folder
    if truth.get("status", "ok") != "ok":
        row.update(category="bad", expect_status="error")
    else:
        row["expect_status"] = "ok"
    if truth.get("kind") == "candidature":
        row["themes"] = sorted({t for item in truth.get("expertise") or [] for t in item.get("themes", [])})
    return row


def main() -> None:
    for path in sorted(TRUTH.glob("*.json")):
        sys.stdout.write(json.dumps(scorer_truth(json.loads(path.read_text(encoding="utf-8"))),
                                    ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
