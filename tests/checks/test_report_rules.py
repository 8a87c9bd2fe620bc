"""Each report rule judged on facts built by hand (no file read)."""
from __future__ import annotations

from datetime import date

import pytest

from checks import evaluate
from report_facts import COMPLIANT_REPORT, report_facts, report_submission


def judged(facts):
    results, verdict = evaluate("rapport", facts)
    return {r.id: r for r in results}, verdict


def test_a_compliant_report_passes_every_mandatory_rule():
    results, verdict = judged(report_facts())
    assert [r for r in results] == ["report.purpose", "report.follow_up", "report.long_term",
                                    "report.deadline", "report.validated", "mission.size",
                                    "mission.duration"]  # the regulation's order
    assert {k: r.status for k, r in results.items()} == dict.fromkeys(results, "pass")
    assert verdict == "complete"


@pytest.mark.parametrize("missing,rule", [
    ("Objet de la mission", "report.purpose"),
    ("Suites à donner", "report.follow_up"),
    ("Perspectives", "report.long_term"),
])
def test_a_section_left_empty_is_to_be_examined(missing, rule):
    blocks = [b for b in COMPLIANT_REPORT]
    i = blocks.index(("heading", missing))
    del blocks[i + 1]                     # the heading stays, its text goes
    facts = report_facts()
    facts.submission = report_submission(blocks)
    results, verdict = judged(facts)
    assert results[rule].status == "review", results[rule].message
    assert verdict == "review"


def test_without_validation_the_report_fails():
    facts = report_facts()
    facts.submission = report_submission(COMPLIANT_REPORT[:-2])
    results, verdict = judged(facts)
    assert results["report.validated"].status == "fail"
    assert verdict == "incomplete"


def test_deadline_review_without_dates_and_pass_on_the_last_day():
    results, _ = judged(report_facts(start=None, end=None))
    assert results["report.deadline"].status == "review"
    results, _ = judged(report_facts(end=date(2024, 12, 31), received=date(2025, 2, 28)))
    assert results["report.deadline"].status == "pass"   # 31 December + 2 months = 28 February
    results, _ = judged(report_facts(end=date(2024, 12, 31), received=date(2025, 3, 1)))
    assert results["report.deadline"].status == "fail"


def test_an_undated_report_without_receipt_is_to_be_examined():
    results, _ = judged(report_facts(received=None))
    assert results["report.deadline"].status == "review"
    assert "Rapport non daté : à remettre au plus tard le 07/05/2025" in results["report.deadline"].message


def test_size_and_duration():
    results, verdict = judged(report_facts(start=date(2025, 3, 1), end=date(2025, 3, 10),
                                           participants=()))
    assert results["mission.size"].status == "review"      # nobody found
    assert results["mission.duration"].status == "review"
    assert results["mission.duration"].message == "Mission de 10 jours, au-delà d'une semaine : à examiner."
    assert verdict == "complete"                            # both are advisory
