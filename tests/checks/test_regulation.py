"""The regulation's numbers are data: editing checks/regulation.yaml (here a
copy of it) changes the verdict, with no code touched."""
from __future__ import annotations

from datetime import date

import yaml

from checks import evaluate
from checks.rules import REGULATION_FILE, load_regulation, regulation

from report_facts import report_facts


def edited_regulation(tmp_path, **parameters):
    data = yaml.safe_load(REGULATION_FILE.read_text(encoding="utf-8"))
    data["parameters"].update(parameters)
    copy = tmp_path / "regulation.yaml"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_regulation(copy)


def by_id(results):
    return {r.id: r for r in results}


def test_the_regulation_in_force_gives_two_months_two_people_a_week_three_years():
    p = regulation().parameters
    assert (p.report_deadline_months, p.people_per_mission, p.days_per_mission,
            p.label_validity_years) == (2, 2, 7, 3)
    assert p.report_due(date(2025, 3, 7)) == date(2025, 5, 7)
    assert p.label_expires(date(2017, 1, 1)) == date(2020, 1, 1)


def test_a_shorter_deadline_in_the_regulation_makes_the_same_report_late(tmp_path):
    facts = report_facts(end=date(2025, 3, 7), received=date(2025, 4, 20))
    results, verdict = evaluate("rapport", facts)
    deadline = by_id(results)["report.deadline"]
    assert deadline.status == "pass", deadline.message
    assert "dans les deux mois suivant le retour du 07/03/2025 (échéance 07/05/2025)" in deadline.message
    assert verdict == "complete", [(r.id, r.status, r.message) for r in results]

    one_month = edited_regulation(tmp_path, report_deadline_months=1)
    results, verdict = evaluate("rapport", facts, one_month)
    deadline = by_id(results)["report.deadline"]
    assert deadline.status == "fail"
    assert deadline.message == ("Rapport reçu le 20/04/2025, après l'échéance du 07/04/2025 "
                                "(un mois après le retour du 07/03/2025).")
    assert verdict == "incomplete"


def test_people_and_days_per_mission_come_from_the_regulation(tmp_path):
    facts = report_facts(start=date(2025, 3, 3), end=date(2025, 3, 7),
                         participants=("Claire Martin", "Paul Durand", "Anne Roy"))
    results = by_id(evaluate("rapport", facts)[0])
    assert results["mission.size"].status == "review"
    assert "au-delà des une ou deux personnes prévues" in results["mission.size"].message
    assert results["mission.duration"].status == "pass"

    stricter = edited_regulation(tmp_path, people_per_mission=3, days_per_mission=4)
    results = by_id(evaluate("rapport", facts, stricter)[0])
    assert results["mission.size"].status == "pass"
    assert results["mission.duration"].status == "review"
    assert results["mission.duration"].message == "Mission de 5 jours, au-delà de 4 jours : à examiner."


def test_a_mandatory_flag_in_the_regulation_decides_whether_a_check_counts(tmp_path):
    facts = report_facts(participants=("Claire Martin", "Paul Durand", "Anne Roy"))
    assert evaluate("rapport", facts)[1] == "complete"   # mission.size is advisory
    data = yaml.safe_load(REGULATION_FILE.read_text(encoding="utf-8"))
    for rule in data["checks"]:
        if rule["id"] == "mission.size":
            rule["mandatory"] = True
    copy = tmp_path / "regulation.yaml"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert evaluate("rapport", facts, load_regulation(copy))[1] == "review"
