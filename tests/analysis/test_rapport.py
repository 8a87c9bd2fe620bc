"""The label holder's people in a mission report: the missionaries or the
hosting team, with their functions, less the hosts and the mission's support."""
from __future__ import annotations

from analysis.mission import find_mission
from analysis.rapport import report_experts
from extractors.model import Block, Piece, Submission


def _report(texts: list[str]) -> Submission:
    piece = Piece(file="rapport.docx", format="docx")
    for text in texts:
        kind = "heading" if text.startswith("#") else "list_item" if text.startswith("- ") else "paragraph"
        piece.add(Block(kind, text.lstrip("#- "), level=1 if kind == "heading" else None))
    return Submission(path="rapport.docx", sha256="0" * 64, pieces=[piece])


def experts(texts: list[str]) -> dict[str, str | None]:
    sub = _report(texts)
    return {e.name.full: e.function for e in report_experts(sub, find_mission(sub), None)}


def test_a_run_in_composition_gives_the_missionaries_not_their_hosts_nor_interpreter():
    found = experts([
        "# Rapport de mission EXPE-CT – Goris (Arménie), du 13 au 18 mai 2024",
        "1. Objet de la mission. La mission avait pour objet de conseiller la ville partenaire.",
        "2. Composition de la mission. Mme Hélène Rousseau, directrice du patrimoine, et M. Mathieu Aubert, "
        "adjoint au maire délégué à la culture. Sur place, nous avons été reçus par Mme Ani Hakobyan, maire "
        "adjointe. M. Hovhannes Sargsyan, interprète mis à disposition par la municipalité, nous a accompagnés.",
    ])
    assert found == {"Hélène Rousseau": "Directrice du patrimoine",
                     "Mathieu Aubert": "Adjoint au maire délégué à la culture"}


def test_names_in_a_field_take_their_functions_from_the_composition_list():
    found = experts([
        "# Rapport de mission EXPE-CT – Cahul (Moldavie), du 16 au 23 septembre 2023",
        "Missionnaires : Anne-Sophie Leblanc et Sandrine Fleury",
        "# 2. Composition de la mission",
        "La Région a mobilisé deux personnes :",
        "- Mme Anne-Sophie Leblanc, directrice de l'agriculture ;",
        "- Mme Sandrine Fleury, vice-présidente de la Région chargée de l'agriculture.",
        "Sur place, la mission a été accompagnée par Mme Andreea Ciobanu, interprète.",
    ])
    assert found == {"Anne-Sophie Leblanc": "Directrice de l'agriculture",
                     "Sandrine Fleury": "Vice-présidente de la Région chargée de l'agriculture"}


def test_the_hosting_team_without_its_driver():
    found = experts([
        "# Rapport d'accueil d'une délégation étrangère – programme EXPE-CT",
        "Délégation de l'État du Paraná (Brésil) – du lundi 7 au vendredi 11 avril 2025",
        "# L'équipe d'accueil",
        "L'accueil a été organisé par Jacques Gros, directeur des mobilités, et Coralie Robert, chargée de "
        "mission modes actifs. Les déplacements ont été assurés par Laurent Leclercq, chauffeur du parc municipal.",
    ])
    assert found == {"Jacques Gros": "Directeur des mobilités", "Coralie Robert": "Chargée de mission modes actifs"}
