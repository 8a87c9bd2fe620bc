"""The register: labels seeded from the historique, submissions keyed by
sha256, versions linked, missions and their reports."""
from __future__ import annotations

import os
import re
from datetime import date

import pytest
from sqlalchemy import create_engine

from conftest import SHARED
from contract import themes
from register import Register
from register.labels import seed_labels
from register.models import Base

HISTORIQUE = SHARED / "reference" / "historique-pact-expe-ct.txt"
MONTHS = {"Mai": 5, "Novembre": 11, "Juillet": 7}


def record(sha: str, kind: str = "candidature", name: str = "Ville de Montreuil",
           type_: str = "commune", checks: dict[str, str] | None = None, status: str = "ok",
           mission: dict | None = None, themes: tuple[str, ...] = ("urbanisme-amenagement",)) -> dict:
    checks = checks or {"applicant.eligible": "pass", "experts.named": "pass"}
    return {"contract": 1, "submission": f"{sha}.pdf", "sha256": sha, "status": status,
            "error": None if status == "ok" else {"code": "unreadable", "message": "illisible"},
            "kind": kind if status == "ok" else None, "pieces": [],
            "applicant": {"name": name, "type": type_} if status == "ok" else None,
            "expertise": [{"label": "Espaces verts", "themes": list(themes)}],
            "experts": [], "mission": mission,
            "checks": [{"id": k, "status": v, "message": "", "evidence": []} for k, v in checks.items()],
            "verdict": ("incomplete" if "fail" in checks.values() else "complete") if status == "ok" else None}


def fresh_register(home) -> Register:
    """A register of its own for a test: a file under tmp_path, or, with
    EXPE_CT_REGISTER_URL (say PostgreSQL), that database emptied first."""
    if os.environ.get("EXPE_CT_REGISTER_URL"):
        engine = create_engine(os.environ["EXPE_CT_REGISTER_URL"])
        Base.metadata.drop_all(engine)
        engine.dispose()
    return Register.open(home)


@pytest.fixture
def register(tmp_path):
    reg = fresh_register(tmp_path)
    yield reg
    reg.close()


def test_labels_are_the_historique_word_for_word():
    if not HISTORIQUE.exists():
        pytest.skip("../shared/reference absent: the source page of the labels is not in the repository")
    lines = [line.strip() for line in HISTORIQUE.read_text(encoding="utf-8").splitlines()
             if re.match(r"(Mai|Novembre|Juillet) 20\d\d ", line)]
    labels = seed_labels()
    assert len(labels) == len(lines) == 30
    for label, line in zip(labels, lines):
        month, year = line.split()[:2]
        assert (label.granted.year, label.granted.month) == (int(year), MONTHS[month])
        second = label.expertise[1] if len(label.expertise) > 1 else "/"
        assert line == f"{month} {year} {label.holder} {label.expertise[0]} {second}"


def test_label_themes_are_contract_theme_ids():
    ids = set(themes())
    for label in seed_labels():
        assert label.themes and set(label.themes) <= ids, label.holder


def test_seeded_once_with_three_year_validity(tmp_path, register):
    again = Register.open(tmp_path)
    assert len(again.labels()) == len(register.labels()) == 30
    again.close()
    montreuil = register.labels_of("Ville de Montreuil", "commune")
    assert [lab.holder for lab in montreuil] == ["Montreuil"]
    assert (montreuil[0].granted, montreuil[0].expires) == (date(2018, 7, 1), date(2021, 7, 1))


def test_holder_matching_respects_the_type_of_body(register):
    assert [lab.holder for lab in register.labels_of("Métropole Nice Côte d'Azur", "epci")] == ["Nice Métropole"]
    assert [lab.holder for lab in register.labels_of("Ville de Lille", "commune")] == ["Lille"]
    assert register.labels_of("Métropole européenne de Lille", "epci") == []
    assert register.labels_of("Ville de Cahors", "commune") == []
    in_force = register.labels_in_force({"eau-assainissement"}, date(2019, 1, 1))
    assert {lab.holder for lab in in_force} == {"SCIALA Haute-Loire", "Toulouse", "Grand Narbonne"}
    assert register.labels_in_force({"eau-assainissement"}, date(2022, 1, 1)) == []


def test_a_sha256_is_filed_once(register):
    first = register.add(record("a" * 64), date(2025, 3, 1), "archive/aa/x", False)
    again = register.add(record("a" * 64), date(2025, 3, 9), "archive/aa/y", False)
    assert first.new and not again.new
    assert register.count() == 1
    assert register.get("a" * 64).received == date(2025, 3, 1)


def test_an_error_record_is_replaced_when_the_same_bytes_are_read(register):
    register.add(record("b" * 64, status="error"), date(2025, 3, 1), "quarantine/bbbb", True)
    filed = register.add(record("b" * 64), date(2025, 3, 1), "archive/bb/b", False)
    row = register.get("b" * 64)
    assert filed.new and row.status == "ok" and not row.quarantined and register.count() == 1


def test_a_corrected_resubmission_is_linked_with_the_checks_that_changed(register):
    register.add(record("c" * 64, checks={"applicant.eligible": "pass", "experts.named": "fail"}),
                 date(2025, 3, 1), "archive/cc/c", False)
    register.add(record("e" * 64, name="Ville de Nantes"), date(2025, 3, 2), "archive/ee/e", False)
    filed = register.add(record("d" * 64, name="Montreuil",
                                checks={"applicant.eligible": "pass", "experts.named": "pass"}),
                         date(2025, 4, 1), "archive/dd/d", False)
    assert filed.previous_sha256 == "c" * 64 and filed.changed_checks == 1
    link = register.version_link(register.get("d" * 64).record)
    assert link["changes"] == [{"id": "experts.named", "before": "fail", "after": "pass"}]
    # the committee sees the latest version only
    shown = register.candidatures_for(date(2025, 5, 1), date(2025, 4, 30))
    assert [r.sha256 for r in shown] == ["e" * 64, "d" * 64]


def test_a_report_is_linked_to_the_earlier_report_on_the_same_country_only(register):
    senegal = {"country": "Sénégal", "start": "2025-03-10", "end": "2025-03-15"}
    register.add(record("5" * 64, kind="rapport", mission=senegal, checks={"report.follow_up": "fail"}),
                 date(2025, 5, 1), "a", False)
    elsewhere = record("6" * 64, kind="rapport", mission={**senegal, "country": "Bénin"})
    assert register.version_link(elsewhere) is None
    again = record("7" * 64, kind="rapport", mission=senegal, checks={"report.follow_up": "pass"})
    assert register.version_link(again) == {
        "sha256": "5" * 64, "received": date(2025, 5, 1),
        "changes": [{"id": "report.follow_up", "before": "fail", "after": "pass"}]}
    filed = register.add(again, date(2025, 6, 1), "b", False)
    assert (filed.previous_sha256, filed.changed_checks) == ("5" * 64, 1)
    assert register.version_link(again)["sha256"] == "5" * 64  # as filed, now


def test_candidatures_by_cutoff_and_not_examined_before(register):
    register.add(record("1" * 64, name="Ville d'Albi"), date(2025, 3, 1), "a", False)
    register.add(record("2" * 64, name="Ville de Brest"), date(2025, 5, 20), "b", False)
    register.add(record("3" * 64, kind="rapport", name="Ville de Colmar"), date(2025, 3, 1), "c", False)
    first = register.candidatures_for(date(2025, 5, 15), date(2025, 5, 1))
    assert [r.sha256 for r in first] == ["1" * 64]
    register.mark_examined(["1" * 64], date(2025, 5, 15))
    assert [r.sha256 for r in register.candidatures_for(date(2025, 5, 15), date(2025, 5, 1))] == ["1" * 64]
    later = register.candidatures_for(date(2025, 9, 10), date(2025, 9, 1))
    assert [r.sha256 for r in later] == ["2" * 64]


def test_a_report_answers_the_declared_mission(register):
    declared = register.declare_mission("Montreuil", "commune", "Sénégal", date(2025, 12, 26),
                                        date(2025, 12, 31))
    assert declared.report_due == date(2026, 2, 28)  # 31 December + 2 months
    other = register.declare_mission("Toulouse", "commune", "Bénin", date(2025, 3, 1), date(2025, 3, 5))
    mission = {"country": "Sénégal", "start": "2025-12-26", "end": "2025-12-31",
               "report_date": "2026-02-10", "participants": [], "hosting": False}
    register.add(record("f" * 64, kind="rapport", mission=mission), date(2026, 2, 12), "f", False)
    by_id = {m.id: m for m in register.missions()}
    assert by_id[declared.id].report_sha256 == "f" * 64
    assert by_id[declared.id].report_received == date(2026, 2, 12)
    assert by_id[other.id].report_sha256 is None


def test_a_report_without_declared_mission_makes_one(register):
    mission = {"country": "Maroc", "start": "2025-03-10", "end": "2025-03-15",
               "report_date": None, "participants": [], "hosting": True}
    register.add(record("9" * 64, kind="rapport", name="Ville de Colmar", mission=mission),
                 date(2025, 4, 2), "g", False)
    [made] = register.missions()
    assert (made.holder, made.country, made.end, made.report_due, made.declared) == \
        ("Ville de Colmar", "Maroc", date(2025, 3, 15), date(2025, 5, 15), False)


def test_registers_opened_at_once_seed_the_labels_once(tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    fresh_register(tmp_path).close()
    with ProcessPoolExecutor(4) as pool:
        list(pool.map(_open_and_count, [tmp_path / "autre"] * 4))
    reg = Register.open(tmp_path / "autre")
    assert len(reg.labels()) == 30
    reg.close()


def _open_and_count(home) -> int:
    reg = Register.open(home)
    try:
        return len(reg.labels())
    finally:
        reg.close()


def test_a_file_short_of_its_header_is_damaged_unless_its_log_completes_it(tmp_path, monkeypatch):
    from register.store import REGISTER_FILE, truncated

    monkeypatch.delenv("EXPE_CT_REGISTER_URL", raising=False)  # a file's matter
    reg = Register.open(tmp_path)
    reg.declare_mission("Ville de Metz", "commune", "Mali", None, date(2025, 1, 10))
    reg.close()
    path = tmp_path / REGISTER_FILE
    assert not truncated(path)
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    assert truncated(path)
    # what another process sees in the middle of a checkpoint: page 1 already
    # says the new size, the WAL still holds the pages being copied
    (tmp_path / (REGISTER_FILE + "-wal")).write_bytes(b"\x37\x7f\x06\x82" + bytes(28))
    assert not truncated(path)
