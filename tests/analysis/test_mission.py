"""Mission facts from a report's summary fields."""
from __future__ import annotations

from analysis.mission import _people_in


def test_a_cell_whose_lines_ran_together_gives_every_person_in_order():
    cell = ("Akossiwa Camara, Directrice des services techniques Mme Kadiatou AGBODJAN, Maire adjointe "
            "chargée des services techniques (Conseil départemental de Kaolack) Mme Aminata FAYE, Cheffe "
            "du service de l'environnement Afi Touré, Cheffe du service de l'environnement")
    assert [p.full for p in _people_in([cell])] == \
        ["Akossiwa Camara", "Kadiatou Agbodjan", "Aminata Faye", "Afi Touré"]


def test_one_person_per_line_or_item():
    assert [p.full for p in _people_in(["M. Yannick ARNAUD, ingénieur agronome ; Rodrigo Oliveira (Curitiba)"])] \
        == ["Yannick Arnaud", "Rodrigo Oliveira"]
