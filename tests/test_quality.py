"""Quality on the bundled samples, scored against their truth: the bars the
pipeline must hold (raise them as it improves, never lower them silently)."""
from __future__ import annotations

from pathlib import Path

import pytest

from record_checks import assert_valid
from expe_ct.evaluate import load_truth, score
from expe_ct.runner import analyse_many

from conftest import SAMPLES


@pytest.fixture(scope="module")
def evaluation():
    truths = {Path(t["submission"]).name: t for t in load_truth(SAMPLES / "truth").values()}
    paths = [str(SAMPLES / "dossiers" / name) for name in sorted(truths)]
    records = list(analyse_many(paths))
    for record in records:
        assert_valid(record)
    scores = score((r, truths[Path(r["submission"]).name]) for r in records)
    return scores.summary(), scores.misses


def test_every_sample_gets_its_kind_and_error_code(evaluation):
    summary, misses = evaluation
    assert summary["counts"]["submissions"] >= 90
    assert summary["kind_accuracy"] == 1.0, [m for m in misses if "code" in m]
    assert summary["error_code_accuracy"] == 1.0, [m for m in misses if "code" in m]


def test_experts(evaluation):
    summary, _ = evaluation
    assert summary["counts"]["experts_truth"] >= 150
    assert summary["experts_f1"] >= 0.98
    assert summary["experts_precision"] >= 0.98
    assert summary["function_accuracy"] >= 0.95
    assert summary["category_accuracy"] >= 0.96


def test_applicant_and_themes(evaluation):
    summary, _ = evaluation
    assert summary["applicant_type_accuracy"] >= 0.95
    assert summary["themes_f1"] >= 0.95


def test_checks_and_verdicts(evaluation):
    summary, misses = evaluation
    assert summary["check_accuracy"] >= 0.98
    assert min(summary["checks"].values()) >= 0.93, summary["checks"]
    assert summary["verdict_accuracy"] >= 0.96
    # No dossier missing a mandatory item is ever called complete.
    assert summary["defective_called_complete"] == 0, [m for m in misses]
    assert summary["false_alarm_rate"] <= 0.10


def test_mission_facts(evaluation):
    summary, _ = evaluation
    for field in ("country", "start", "end", "report_date", "hosting", "participants"):
        assert summary["mission"][field] >= 0.92, (field, summary["mission"])
