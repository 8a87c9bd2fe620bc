"""Mission-report facts built by hand, as analysis/ would find them, for
judging the report rules without reading any file."""
from __future__ import annotations

from datetime import date

from analysis.facts import ReportFacts
from analysis.mission import MissionFacts
from analysis.people import PersonName
from extractors.model import Block, Piece, Submission

COMPLIANT_REPORT = [
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


def report_submission(blocks: list[tuple[str, str]] = COMPLIANT_REPORT) -> Submission:
    piece = Piece(file="rapport.docx", format="docx")
    for kind, text in blocks:
        piece.add(Block(kind, text, level=2 if kind == "heading" else None))
    return Submission(path="rapport.docx", sha256="0" * 64, pieces=[piece])


def report_facts(start: date = date(2025, 3, 3), end: date = date(2025, 3, 7),
                 received: date | None = date(2025, 4, 20),
                 participants: tuple[str, ...] = ("Claire Martin", "Paul Durand")) -> ReportFacts:
    people = [PersonName(*name.split(" ", 1)) for name in participants]
    mission = MissionFacts(country="Sénégal", start=start, end=end, participants=people, hosting=False)
    return ReportFacts(submission=report_submission(), mission=mission, received=received)
