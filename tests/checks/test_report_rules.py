"""Each report rule judged on facts built by hand (no file read)."""
from __future__ import annotations

from datetime import date

import pytest

from checks import evaluate
from analysis.report_statements import Validation
from analysis.statements import Statement
from report_facts import SEEN, report_facts


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


@pytest.mark.parametrize("question,rule", [
    ("purpose", "report.purpose"), ("follow_up", "report.follow_up"), ("long_term", "report.long_term")])
def test_each_question_of_iii_3_is_judged_as_the_report_answers_it(question, rule):
    results, verdict = judged(report_facts(**{question: Statement("review", [SEEN], "empty")}))
    assert results[rule].status == "review" and results[rule].message.endswith(" : rubrique vide.")
    assert verdict == "review"
    results, _ = judged(report_facts(**{question: Statement("review", [SEEN], "undecided")}))
    assert results[rule].message.endswith(" : réponse non arrêtée (« à définir »).")
    results, verdict = judged(report_facts(**{question: Statement("fail", [], "absent")}))
    assert results[rule].status == "fail" and results[rule].message.endswith(" : le rapport ne le dit pas.")
    assert verdict == "incomplete"


def test_validation_by_visa_or_by_a_signed_transmission_and_none():
    results, _ = judged(report_facts(validation=Validation("transmission", SEEN)))
    assert results["report.validated"].message == "Rapport transmis et signé par l'exécutif du titulaire du label."
    results, verdict = judged(report_facts(validation=None))
    assert results["report.validated"].status == "fail"
    assert verdict == "incomplete"


def test_a_validation_left_to_be_completed_is_for_a_person_to_check():
    results, verdict = judged(report_facts(validation=Validation("a_completer", SEEN)))
    assert results["report.validated"].status == "review"
    assert verdict == "review"


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
