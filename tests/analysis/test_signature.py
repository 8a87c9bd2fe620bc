"""Dated, signed by the executive, or carried by the assembly's délibération."""
from __future__ import annotations

from analysis.signature import find_signature
from extractors.model import Block, Piece, Submission


def dossier(*texts: str, name: str = "dossier.pdf") -> Submission:
    piece = Piece(name, "pdf", pages=1)
    for text in texts:
        piece.add(Block("paragraph", text, page=1))
    return Submission(name, "0" * 64, [piece])


def test_a_form_field_asking_for_the_deliberation_is_no_deliberation():
    found = find_signature(dossier("Engagements", "Délibération de l'organe délibérant (facultatif)",
                                   "Attestation", "☑ Je certifie l'exactitude des informations fournies."))
    assert found.deliberation is None and found.signed is None


def test_the_deliberation_itself_or_its_extract_is():
    assert find_signature(dossier("Délibération n° 2024-031 du 11 avril 2024")).deliberation is not None
    assert find_signature(dossier("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL")).deliberation
    found = find_signature(dossier("Fait à Pradelles, le 19 avril 2024", "Le Maire,", "Gérard Lacaze"))
    assert found.dated is not None and "Gérard Lacaze" in found.signed.quote
