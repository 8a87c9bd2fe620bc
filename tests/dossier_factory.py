"""Small DOCX dossiers written by the tests themselves: a candidature (whose
text can carry markup, to test escaping), a mission report, a file that is
no document at all."""
from __future__ import annotations

from pathlib import Path

from docx import Document

EXPERTS = [("Claire Martin", "Directrice des espaces verts", "Ingénieure paysagiste, 15 ans d'expérience"),
           ("Bernard Lefèvre", "Adjoint au maire chargé de l'environnement", "Élu depuis 2014")]


def candidature(path: Path, applicant: str = "Ville de Montreuil",
                expertise: str = "végétalisation de la ville et création d'espaces verts",
                experts: list[tuple[str, str, str]] = EXPERTS, commitment: bool = True,
                signed_on: str = "3 mars 2025") -> Path:
    doc = Document()
    doc.add_heading("Dossier de candidature au label EXPE-CT", 1)
    doc.add_paragraph(f"Objet : candidature de la {applicant} au label EXPE-CT")
    doc.add_heading("Compétences et savoir-faire visés", 2)
    doc.add_paragraph(f"La {applicant} sollicite le label EXPE-CT pour son expertise en {expertise}.")
    doc.add_paragraph("Cette expertise est démontrée par l'expérience acquise dans l'exercice de notre "
                      "compétence sur notre propre territoire depuis quinze ans, et par nos actions "
                      "de coopération décentralisée avec la commune de Ziguinchor au Sénégal.")
    if commitment:
        doc.add_paragraph("La collectivité sollicite le label dans la perspective d'une action "
                          "internationale et accepte de travailler avec le ministère de l'Europe et des "
                          "Affaires étrangères dans le cadre de missions qui pourraient lui être proposées.")
    doc.add_paragraph("Elle s'engage à informer la DAECT de toute sollicitation dont elle serait "
                      "l'objet en raison de son label.")
    doc.add_heading("Experts mobilisables", 2)
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Nom", "Fonction", "Qualifications")):
        cell.text = text
    for row in experts:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    doc.add_paragraph(f"Fait à Montreuil, le {signed_on}")
    doc.add_paragraph("Le Maire")
    doc.save(path)
    return path


def rapport(path: Path, applicant: str = "Ville de Montreuil", country: str = "Sénégal",
            dates: str = "du 10 au 15 mars 2025", dated: str = "2 avril 2025",
            follow_up: bool = True) -> Path:
    doc = Document()
    doc.add_heading("Rapport de mission EXPE-CT", 1)
    doc.add_paragraph(f"Mission effectuée au {country} {dates} par la {applicant}.")
    doc.add_paragraph("Missionnaire : Claire Martin, directrice des espaces verts.")
    doc.add_heading("Objet de la mission", 2)
    doc.add_paragraph("La mission avait pour objet d'appuyer la commune de Ziguinchor dans la "
                      "création d'un parc urbain.")
    doc.add_heading("Suites envisagées", 2)
    if follow_up:
        doc.add_paragraph("La mission peut être complétée par une action complémentaire : accueil "
                          "d'une délégation en 2026.")
    doc.add_paragraph("Les contacts noués permettent d'envisager une coopération à plus long terme.")
    doc.add_paragraph(f"Rapport validé par la {applicant}. Fait à Montreuil, le {dated}.")
    doc.save(path)
    return path


def not_a_document(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return path
