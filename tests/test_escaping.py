"""One bad value never stops a command: control characters are refused
where a person types them, and every writer neutralises what it writes
(CSV formulas, terminal escapes, characters a DOCX cannot hold)."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from register.follow_ups import follow_ups

import dossier_factory as make
from common.characters import InvalidText, csv_cell
from expe_ct.cli import main
from outputs.letters import write_letters
from outputs.pack import summary_csv
from test_register import fresh_register, record

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("value", ["Ville de\x0bMetz", "Ville\x1b[31m de Metz", "Ville\nde Metz",
                                   "Ville de Metz\u202e"])
def test_mission_command_refuses_control_characters(tmp_path, capsys, value):
    home = tmp_path / "home"
    with pytest.raises(SystemExit) as stop:
        main(["mission", "--titulaire", value, "--fin", "2025-01-10", "--home", str(home)])
    assert stop.value.code == 2
    assert "caractère de contrôle ou invisible refusé" in capsys.readouterr().err
    assert main(["mission", "--titulaire", "Ville de Metz", "--fin", "2025-01-10", "--home", str(home)]) == 0


def test_register_refuses_a_mission_with_a_control_character(tmp_path):
    register = fresh_register(tmp_path)
    with pytest.raises(InvalidText, match="titulaire"):
        register.declare_mission("Ville\x07 de Metz", "commune", None, None, date(2025, 1, 10))
    with pytest.raises(InvalidText, match="pays"):
        register.declare_mission("Ville de Metz", "commune", "Mali\x00", None, date(2025, 1, 10))
    assert register.missions() == []
    register.close()


def test_relances_write_every_letter_and_a_csv_without_formulas(tmp_path):
    register = fresh_register(tmp_path)
    # holders coming from reports (not typed): a control character, a formula
    for sha, holder in (("1" * 64, "Ville de\x0b Metz"), ("2" * 64, "=HYPERLINK(\"http://x\";\"clic\")"),
                        ("3" * 64, "@SUM(A1:A9)")):
        register.add(record(sha, "rapport", holder, type_="commune", checks={"report.follow_up": "fail"},
                            mission={"country": "Bénin", "start": "2025-02-03", "end": "2025-02-07",
                                     "report_date": None, "participants": [], "hosting": False}),
                     date(2025, 3, 1), "a", False)
    register.declare_mission("+33 1 23 45 67 89", "commune", "-Maroc", None, date(2025, 1, 10))
    letters = write_letters(follow_ups(register, date(2025, 6, 1)), date(2025, 6, 1), tmp_path / "out")
    assert len(letters) == 4
    texts = ["\n".join(p.text for p in Document(letter).paragraphs) for letter in letters]
    assert any("Ville de Metz" in text for text in texts)
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "relances.csv").read_text(encoding="utf-8-sig")),
                           delimiter=";"))
    holders = {r[1] for r in rows[1:]}
    assert {"'=HYPERLINK(\"http://x\";\"clic\")", "'@SUM(A1:A9)", "'+33 1 23 45 67 89"} <= holders
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)
    register.close()


def test_pack_csv_cells_never_start_a_formula():
    sheet = {"applicant": "=1+1", "applicant_type_fr": "commune", "received": None, "themes": [],
             "experts": [], "verdict_fr": "complet", "open_points": ["-2", "\tx"],
             "flags": {"own_labels": False}, "sha": "a" * 64}
    [_, row] = list(csv.reader(io.StringIO(summary_csv([sheet]).lstrip("\ufeff")), delimiter=";"))
    assert row[1] == "'=1+1" and row[7] == "'-2 ; \tx"
    assert csv_cell("\rcmd") == "'\rcmd" and csv_cell(3) == 3 and csv_cell("Ville") == "Ville"


def test_analyse_summary_neutralises_names_in_the_terminal(tmp_path):
    folder = tmp_path / "envoi"
    folder.mkdir()
    make.candidature(folder / "lettre\x1b[2J\nFAUX : tout est conforme.docx")
    out = subprocess.run([sys.executable, "-m", "expe_ct.cli", "analyse", "-q", str(folder)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300).stdout
    assert "\x1b" not in out and "\\x1b[2J" in out
    assert not any(line.startswith("FAUX") for line in out.splitlines())  # no forged line
    assert "\\x0aFAUX : tout est conforme.docx" in out
