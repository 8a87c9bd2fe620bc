"""Report follow-up: which missions get a reminder, and what the letter says."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from docx import Document

from flows.relances import remind
from register.follow_ups import follow_ups
from test_register import fresh_register, record

COST_RECOVERY = ("Le défaut de remise du rapport obligatoire conduirait la DAECT à demander le "
                 "remboursement des frais engagés")
REPORT_OK = {"report.purpose": "pass", "report.follow_up": "pass", "report.long_term": "pass",
             "report.deadline": "pass", "report.validated": "pass", "mission.size": "pass",
             "mission.duration": "review"}


def mission(country: str, start: str, end: str) -> dict:
    return {"country": country, "start": start, "end": end, "report_date": None,
            "participants": [], "hosting": False}


@pytest.fixture
def register(tmp_path):
    reg = fresh_register(tmp_path)
    # overdue: due 10 March 2025, nothing received
    reg.declare_mission("Ville de Montreuil", "commune", "Sénégal", date(2025, 1, 6), date(2025, 1, 10))
    # not yet due
    reg.declare_mission("Ville de Lille", "commune", "Maroc", date(2025, 5, 2), date(2025, 5, 6))
    # a report that does not say whether the mission can be followed up
    reg.add(record("1" * 64, "rapport", "Ville de Toulouse", checks={**REPORT_OK, "report.follow_up": "fail"},
                   mission=mission("Bénin", "2025-02-03", "2025-02-07")), date(2025, 3, 1), "a", False)
    # a compliant report
    reg.add(record("2" * 64, "rapport", "Ville de Cannes", checks=REPORT_OK,
                   mission=mission("Tunisie", "2025-02-10", "2025-02-14")), date(2025, 3, 2), "b", False)
    # a late report, complete otherwise: nothing left to ask for
    reg.add(record("3" * 64, "rapport", "Ville de Chartres", checks={**REPORT_OK, "report.deadline": "fail"},
                   mission=mission("Arménie", "2024-11-04", "2024-11-08")), date(2025, 3, 3), "c", False)
    yield reg
    reg.close()


def docx_text(path) -> str:
    return "\n".join(p.text for p in Document(path).paragraphs)


def test_overdue_and_non_compliant_reports_are_reminded(register):
    found = {f.mission.holder: f.status for f in follow_ups(register, date(2025, 6, 1))}
    assert found == {"Ville de Montreuil": "overdue", "Ville de Toulouse": "non_compliant",
                     "Ville de Chartres": "late"}
    assert {f.mission.holder for f in follow_ups(register, date(2025, 3, 10))} == \
        {"Ville de Toulouse", "Ville de Chartres"}  # Montreuil's report is due that very day


def test_letters_cite_the_regulation_and_the_cost_recovery(register, tmp_path):
    items, letters = remind(register, date(2025, 6, 1), tmp_path / "relances")
    assert len(items) == 3 and len(letters) == 2
    overdue = docx_text(next(p for p in letters if "montreuil" in p.name))
    assert "Paris, le 1er juin 2025" in overdue
    assert "(Sénégal, du 6 au 10 janvier 2025)" in overdue
    assert "attendu au plus tard le 10 mars 2025" in overdue
    assert "paragraphe III.3" in overdue and COST_RECOVERY in overdue
    non_compliant = docx_text(next(p for p in letters if "toulouse" in p.name))
    assert "Action complémentaire envisagée ou non" in non_compliant
    assert COST_RECOVERY in non_compliant and "reçu le 1er mars 2025" in non_compliant
    rows = list(csv.DictReader(io.StringIO((tmp_path / "relances" / "relances.csv").read_text(
        encoding="utf-8")[1:]), delimiter=";"))
    assert {r["Titulaire"]: (r["Situation"], r["Lettre"]) for r in rows} == {
        "Ville de Montreuil": ("rapport en retard", "oui"),
        "Ville de Toulouse": ("rapport non conforme", "oui"),
        "Ville de Chartres": ("rapport remis en retard", "non")}
    assert {m.holder: m.reminded for m in register.missions()}["Ville de Montreuil"] == date(2025, 6, 1)


def test_a_problem_reads_requirement_then_finding_once():
    from outputs.letters import problem_line

    assert problem_line({"title": "Coopération à plus long terme",
                         "message": "Coopération à plus long terme : le rapport ne le dit pas."}) \
        == "Coopération à plus long terme : le rapport ne le dit pas."
    assert problem_line({"title": "Rapport validé par le titulaire du label",
                         "message": "Aucune validation (visa, signature ou transmission) du titulaire."}) \
        == "Rapport validé par le titulaire du label : aucune validation (visa, signature ou transmission) du titulaire."
    assert problem_line({"title": "Compte rendu", "message": ""}) == "Compte rendu"


def test_text_right_after_a_list_is_its_own_paragraph(tmp_path):
    from outputs.letters import write_docx

    path = write_docx("Ce rapport :\n\n- premier point\n- second point\nNous vous rappelons que.", tmp_path / "l.docx")
    paragraphs = [(p.style.name, p.text) for p in Document(path).paragraphs]
    assert paragraphs == [("Normal", "Ce rapport :"), ("List Bullet", "premier point"),
                          ("List Bullet", "second point"), ("Normal", "Nous vous rappelons que.")]
