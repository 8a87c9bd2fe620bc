"""What a report says on the questions of §III.3, and its validation, read
from a document model built by hand."""
from __future__ import annotations

import pytest

from analysis.report_statements import (find_validation, follow_up_statement, long_term_statement,
                                        purpose_statement)
from extractors.model import Block, Piece, Submission

REPORT = [
    ("heading", "Objet de la mission"),
    ("paragraph", "La mission avait pour objet d'appuyer la commune de Ziguinchor dans la "
                  "collecte et le tri des déchets ménagers."),
    ("heading", "Suites à donner"),
    ("paragraph", "Une mission complémentaire pourrait compléter ce premier travail en 2026."),
    ("heading", "Perspectives"),
    ("paragraph", "Les contacts noués permettent d'envisager une coopération durable entre les "
                  "deux villes."),
    ("heading", "Signature"),
    ("paragraph", "Rapport vu et validé par le Maire, Jean Dupont."),
]
QUESTIONS = {"Objet de la mission": purpose_statement, "Suites à donner": follow_up_statement,
             "Perspectives": long_term_statement}


def report(blocks=REPORT) -> Submission:
    piece = Piece(file="rapport.docx", format="docx")
    for kind, text in blocks:
        piece.add(Block(kind, text, level=2 if kind == "heading" else None))
    return Submission(path="rapport.docx", sha256="0" * 64, pieces=[piece])


def test_every_question_answered_and_the_visa_found():
    for find in QUESTIONS.values():
        found = find(report())
        assert (found.status, found.reason) == ("pass", "found")
    validation = find_validation(report())
    assert validation.by == "visa" and "validé par le Maire" in validation.evidence.quote


@pytest.mark.parametrize("heading", list(QUESTIONS))
def test_a_section_left_empty_is_to_be_examined(heading):
    blocks = list(REPORT)
    del blocks[blocks.index(("heading", heading)) + 1]     # the heading stays, its text goes
    found = QUESTIONS[heading](report(blocks))
    assert (found.status, found.reason) == ("review", "empty")


def test_a_section_left_to_be_defined_is_undecided():
    blocks = list(REPORT)
    blocks[blocks.index(("heading", "Suites à donner")) + 1] = ("paragraph", "À définir.")
    found = follow_up_statement(report(blocks))
    assert (found.status, found.reason) == ("review", "undecided")


def test_a_transmission_signed_by_the_executive_validates_the_report():
    blocks = REPORT[:-2] + [("paragraph", "J'ai l'honneur de vous transmettre le rapport de la mission."),
                            ("paragraph", "Le Maire, Jean Dupont")]
    validation = find_validation(report(blocks))
    assert validation.by == "transmission" and validation.evidence.quote == "Le Maire, Jean Dupont"
    assert find_validation(report(REPORT[:-2])) is None


def test_the_contents_listing_is_not_taken_for_empty_sections():
    contents = [("heading", "Sommaire"), ("paragraph", "1.\tObjet de la mission"),
                ("paragraph", "2.\tSuites à donner"), ("paragraph", "3.\tPerspectives")]
    blocks = contents + REPORT
    for find in QUESTIONS.values():
        found = find(report(blocks))
        assert (found.status, found.reason) == ("pass", "found")
    # a section left empty after its listing in the contents is still to be examined
    emptied = list(blocks)
    del emptied[emptied.index(("heading", "Perspectives")) + 1]
    found = long_term_statement(report(emptied))
    assert (found.status, found.reason) == ("review", "empty")


def test_run_in_titles_share_out_a_section_between_two_questions():
    blocks = [
        ("heading", "Objet"),
        ("paragraph", "La mission avait pour objet d'aider la mairie à définir les missions et l'organisation "
                      "de sa future cellule d'accueil des victimes."),
        ("heading", "Suites"),
        ("paragraph", "Action complémentaire. Oui. Une seconde session de formation aura lieu à distance "
                      "en décembre."),
        ("paragraph", "Coopération à plus long terme. Les perspectives sont à définir lors d'une prochaine "
                      "réunion du bureau."),
    ]
    purpose, follow_up, long_term = (find(report(blocks)) for find in QUESTIONS.values())
    assert (purpose.status, follow_up.status) == ("pass", "pass")      # "aider … à définir les missions"
    assert (long_term.status, long_term.reason) == ("review", "undecided")
    assert long_term.evidence[0].quote.startswith("Coopération à plus long terme")
    # the other way round
    blocks[3] = ("paragraph", "Action complémentaire : à définir avec l'ambassade.")
    blocks[4] = ("paragraph", "Coopération à plus long terme : oui, une convention triennale sera signée.")
    assert (follow_up_statement(report(blocks)).status, long_term_statement(report(blocks)).status) \
        == ("review", "pass")


def test_a_left_to_be_defined_verb_with_its_object_is_not_undecided():
    from analysis.statements import UNDECIDED_RE
    assert not UNDECIDED_RE.search("aider la commune a definir les priorites de son plan")
    assert UNDECIDED_RE.search("les modalites restent a definir")
    assert UNDECIDED_RE.search("il reste a definir les modalites")
    assert UNDECIDED_RE.search("experts : a preciser")


def test_a_run_in_title_with_boxes_left_unticked_is_read_as_a_form():
    found = follow_up_statement(report([("paragraph", "Action complémentaire : ☐ Oui ☐ Non")]))
    assert (found.status, found.reason) == ("fail", "unticked")


def scanned(blocks) -> Submission:
    sub = report(blocks)
    sub.pieces[0].ocr = True
    return sub


def test_titles_whose_style_a_scan_lost_still_open_their_sections():
    sub = scanned([("paragraph", "Il. Termes de référence |"),
                   ("paragraph", "L'accueil avait pour objet de présenter l'organisation des services."),
                   ("paragraph", "Perspectives"),
                   ("paragraph", "Aucune coopération de long terme n'est envisagée : la demande était ponctuelle.")])
    assert purpose_statement(sub).status == "pass"
    found = long_term_statement(sub)
    assert found.status == "pass" and "Aucune coopération" in found.evidence[0].quote


def test_nothing_found_in_a_scan_is_for_a_person_to_check_not_a_fail():
    blocks = [("paragraph", "Déroulement"), ("paragraph", "Visites des services techniques pendant trois jours.")]
    assert follow_up_statement(report(blocks)).status == "fail"
    assert (follow_up_statement(scanned(blocks)).status, follow_up_statement(scanned(blocks)).reason) == \
        ("review", "unread")


def test_contents_then_numbered_run_in_titles_answer_every_question():
    # a contents list of the titles, then each section a paragraph opening with its numbered title;
    # a clear "Non." to the long-term question is an answer
    blocks = [("paragraph", "Sommaire"), ("paragraph", "1.\tObjet de la mission"),
              ("paragraph", "2.\tAction complémentaire"), ("paragraph", "3.\tCoopération à plus long terme"),
              ("paragraph", "1. Objet de la mission. La mission avait pour objet de conseiller la ville "
                            "partenaire sur la gestion de son centre historique."),
              ("paragraph", "2. Action complémentaire. Oui. L'accueil d'un architecte de la ville partenaire "
                            "est prévu."),
              ("paragraph", "3. Coopération à plus long terme. Non. Les contacts établis ne permettent pas "
                            "d'envisager une coopération de plus long terme.")]
    for find in QUESTIONS.values():
        found = find(report(blocks))
        assert (found.status, found.reason) == ("pass", "found"), find.__name__
    assert purpose_statement(report(blocks)).evidence[0].quote.startswith("1. Objet de la mission. La mission")
    # the contents alone still leave the sections to be examined
    found = follow_up_statement(report(blocks[:4]))
    assert (found.status, found.reason) == ("review", "empty")


def test_the_next_question_run_into_a_scanned_section_does_not_make_it_undecided():
    sub = scanned([("paragraph", "Termes de référence"),
                   ("paragraph", "La mission avait pour objet d'appuyer deux communes frontalières."),
                   ("paragraph", "Déroulement"),
                   ("paragraph", "Mercredi 17 juillet : réunion de restitution et retour en France"),
                   ("paragraph", "Suites envisagées et perspectives À définir avec la collectivité partenaire. "
                                 "Un partenariat durable est envisagé.")])
    assert (purpose_statement(sub).status, purpose_statement(sub).reason) == ("pass", "found")
    # said on the purpose itself, it still is
    sub.pieces[0].blocks[1].text = "La mission avait pour objet d'appuyer deux communes, ses termes restent à définir."
    assert purpose_statement(sub).status == "review"


def test_a_validation_left_to_be_completed_is_not_a_visa():
    blocks = REPORT[:-1] + [("paragraph", "Validation par la collectivité labellisée : à compléter.")]
    validation = find_validation(report(blocks))
    assert validation.by == "a_completer" and "à compléter" in validation.evidence.quote
    # a visa whose report leaves other things to complete is a visa
    blocks[-1] = ("paragraph", "Rapport validé par le Maire, Jean Dupont ; les annexes financières seront "
                               "transmises ultérieurement, leur montant restant à compléter après les derniers "
                               "paiements de la mission.")
    assert find_validation(report(blocks)).by == "visa"
