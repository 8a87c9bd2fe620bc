"""Statements of the candidature (commitments): said, asked, or left empty."""
from __future__ import annotations

from analysis.statements import find_statement, join_continuations
from checks.candidature import INFORM_DAECT
from extractors.model import Block, Piece, Submission


def dossier(*texts: str) -> Submission:
    piece = Piece(file="lettre.docx", format="docx")
    for text in texts:
        piece.add(Block("paragraph", text))
    return Submission("dossier", "0" * 64, [piece])


def test_a_commitment_sentence_is_found_even_with_a_stray_colon():
    for text in ("Nous nous engageons à tenir informée la DAECT de toute sollicitation reçue.",
                 "Nous nous engageons à tenir informée la DAECT de toute sollicitation reçue. :"):
        assert find_statement(dossier(text), INFORM_DAECT).status == "pass"


def test_a_label_or_question_left_unanswered_is_empty():
    for text in ("Engagement à informer la DAECT de toute sollicitation :",
                 "Vous engagez-vous à informer la DAECT des sollicitations reçues ?"):
        found = find_statement(dossier(text), INFORM_DAECT)
        assert (found.status, found.reason) == ("fail", "placeholder")


def test_a_commitments_title_with_nothing_but_a_contact_line_is_for_a_person_to_look_at():
    empty = dossier("IV. Experts", "Le Réseau pourra mobiliser deux experts.",
                    "V. Perspective internationale et engagements",
                    "Contact : M. Florian Baylac, chargé de mission relations internationales",
                    "Fait à Marseille, le 4 mars 2023", "Le Président,")
    found = find_statement(empty, INFORM_DAECT)
    assert (found.status, found.evidence[0].quote) == ("review", "V. Perspective internationale et engagements")
    other = dossier("V. Engagements", "La Ville accepte de travailler avec le ministère sur des missions.",
                    "Fait à Lyon, le 2 mai 2024")
    assert find_statement(other, INFORM_DAECT).status == "fail"


def test_a_paragraph_runs_on_across_the_page_furniture():
    blocks = [Block("paragraph", "Damien Corre, ingénieur agronome, a travaillé dans une ONG avant de", page=1),
              Block("paragraph", "La Lettre du Haut-Vallon – 1", page=1, source="footer"),
              Block("paragraph", "La Lettre du Haut-Vallon · supplément", page=2),
              Block("paragraph", "rejoindre la communauté de communes en 2016.", page=2),
              Block("paragraph", "Guillaume Séverac, directeur de la cuisine centrale.", page=2)]
    joined = join_continuations(blocks)
    assert [(b.source, b.text) for b in joined] == [
        ("body", "Damien Corre, ingénieur agronome, a travaillé dans une ONG avant de rejoindre la "
                 "communauté de communes en 2016."),
        ("footer", "La Lettre du Haut-Vallon – 1"),
        ("header", "La Lettre du Haut-Vallon · supplément"),
        ("body", "Guillaume Séverac, directeur de la cuisine centrale.")]
    # a short line opening a page before a new sentence is content, left as it is
    assert len(join_continuations([blocks[0], Block("paragraph", "Les engagements", page=2),
                                   Block("paragraph", "La commune s'engage.", page=2)])) == 3


def test_a_name_opening_with_its_particle_is_no_continuation():
    blocks = [Block("paragraph", "COUSIN René, vice-président de l'association"),
              Block("paragraph", "d'ARCY Alain, chef de la police municipale")]
    assert len(join_continuations(blocks)) == 2
