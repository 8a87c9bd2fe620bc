"""Mission facts from a report's summary fields."""
from __future__ import annotations

from datetime import date

from analysis.mission import HOST_TEAM_FIELD_RE, _people_in, field_values, find_mission
from extractors.model import Block, Piece, Submission


def test_a_cell_whose_lines_ran_together_gives_every_person_in_order():
    cell = ("Akossiwa Camara, Directrice des services techniques Mme Kadiatou AGBODJAN, Maire adjointe "
            "chargée des services techniques (Conseil départemental de Kaolack) Mme Aminata FAYE, Cheffe "
            "du service de l'environnement Afi Touré, Cheffe du service de l'environnement")
    assert [p.full for p in _people_in([cell])] == \
        ["Akossiwa Camara", "Kadiatou Agbodjan", "Aminata Faye", "Afi Touré"]


def test_one_person_per_line_or_item():
    assert [p.full for p in _people_in(["M. Yannick ARNAUD, ingénieur agronome ; Rodrigo Oliveira (Curitiba)"])] \
        == ["Yannick Arnaud", "Rodrigo Oliveira"]


def _report(*pieces) -> Submission:
    out = []
    for name, texts in pieces:
        piece = Piece(file=name, format="pdf")
        for text in texts:
            level = len(text) - len(text.lstrip("#")) or None      # "## …": a heading of level 2
            piece.add(Block("heading" if level else "paragraph", text.lstrip("# "), page=1, level=level))
        out.append(piece)
    return Submission(path="envoi.zip", sha256="0" * 64, pieces=out)


REPORT = ("rapport.pdf", [
    "# Rapport de mission EXPE-CT – Kaolack (Sénégal)",
    "La mission s'est déroulée du 3 au 7 mars 2025.",
    "# Participants",
    "Mme Claire Martin, directrice des espaces verts ;",
    "M. Paul Durand, adjoint au maire chargé de l'environnement.",
    "À Kaolack, la mission a été accueillie par M. Ousmane Ndiaye, adjoint au maire, et accompagnée "
    "de Mme Awa Sarr, interprète.",
    "# Suites",
    "Une mission complémentaire est envisagée en 2026.",
    "Fait à Montreuil, le 18 avril 2025",
    "Rapport validé pour la Ville de Montreuil par M. Jean Dupont, adjoint au maire chargé des",
    "relations internationales, le 24 avril 2025",
])
LETTER = ("courrier.pdf", [
    "Montreuil, le 2 mai 2025",
    "Madame la Déléguée pour l'action extérieure des collectivités territoriales",
    "Objet : transmission du rapport de mission EXPE-CT",
    "J'ai l'honneur de vous transmettre le rapport de la mission conduite à Kaolack.",
    "Le Maire, Jean Dupont",
])


def test_the_report_date_is_its_own_not_that_of_its_cover_letter_or_validation():
    found = find_mission(_report(LETTER, REPORT))
    assert found.report_date == date(2025, 4, 18)
    assert "Fait à Montreuil" in found.evidence["report_date"][0].quote
    # an undated report takes the date it was sent on
    undated = (REPORT[0], [t for t in REPORT[1] if not t.startswith(("Fait à", "Rapport validé", "relations"))])
    assert find_mission(_report(LETTER, undated)).report_date == date(2025, 5, 2)


def test_the_hosts_and_the_interpreter_are_not_participants():
    found = find_mission(_report(REPORT))
    assert [p.full for p in found.participants] == ["Claire Martin", "Paul Durand"]


def test_a_cover_letter_transmitting_the_compte_rendu_does_not_date_it():
    # the letter's date line runs into its addressee, and it transmits a "compte rendu", not a "rapport"
    report = ("cr.docx", ["# Compte rendu de mission EXPE-CT – Ziguinchor (Sénégal)",
                          "La mission s'est déroulée du 25 au 29 novembre 2024.",
                          "Dunkerque, le 10 janvier 2025", "Le missionnaire,", "Bernard Morel"])
    letter = ("courrier.pdf", ["Dunkerque, le 22 janvier 2025 Madame la Déléguée pour l'action extérieure",
                               "57, boulevard des Invalides 75007 Paris",
                               "# Objet : transmission du compte rendu de la mission EXPE-CT – Sénégal",
                               "J'ai l'honneur de vous transmettre le compte rendu de la mission conduite à "
                               "Ziguinchor.", "La Présidente,", "Léonie Le Roux"])
    assert find_mission(_report(report, letter)).report_date == date(2025, 1, 10)


HOSTING = ("accueil.docx", [
    "# Rapport d'accueil d'une délégation étrangère – programme EXPE-CT",
    "Délégation de l'État du Paraná (Brésil) – du lundi 7 au vendredi 11 avril 2025",
    "## La délégation accueillie",
    "M. Paulo Carvalho, directeur des services techniques ;",
    "Mme Camila Almeida, chargée de la coopération décentralisée.",
    "## L'équipe d'accueil",
    "L'accueil a été organisé par Jacques Gros, directeur des mobilités, et Coralie Robert, chargée de "
    "mission modes actifs. Les déplacements ont été assurés par Laurent Leclercq, chauffeur du parc municipal.",
    "## Programme",
    "Lundi 7 avril – accueil en mairie par Mme Marie-Pierre Brun, maire.",
])


def test_a_title_holding_the_report_is_not_the_delegation_section():
    found = find_mission(_report(HOSTING))
    assert found.hosting and [p.full for p in found.participants] == ["Paulo Carvalho", "Camila Almeida"]


def test_a_summary_field_goes_on_in_the_paragraph_of_people_after_it():
    fields = [("fiche.pdf", ["Dates de l'accueil du 4 au 8 juillet 2024 Équipe d'accueil Gaëlle GARCIA, "
                             "Directrice générale adjointe des services",
                             "M. Jean-François Riou, Maître de conférences en finances publiques",
                             "| Date du rapport 31/08/2024"])]
    values = field_values(_report(*fields), HOST_TEAM_FIELD_RE)
    assert len(values) == 1 and "Gaëlle GARCIA" in values[0][0] and "Jean-François Riou" in values[0][0]
    assert "Date du rapport" not in values[0][0]
