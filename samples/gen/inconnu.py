"""Documents that are neither a candidature nor a mission report, some of
them close in vocabulary (a council agenda with a decentralised-cooperation
item, an invitation that mentions the DAECT and EXPE-CT)."""
from __future__ import annotations

import random
from datetime import date, timedelta

from . import dates, writing
from .applicants import BY_NAME
from .doc import Bullets, Doc, Heading, Para, Signature, Spacer, Table
from .people import PeoplePool
from .spec import PieceSpec, Submission
from .world import COUNTRY, partner_the


def build_all(seed: int, pool: PeoplePool) -> list[Submission]:
    out = []
    for key, name, how, make in (("i01", "i01-facture-2024-118.pdf", "pdf", invoice),
                                 ("i02", "i02-ordre-du-jour-conseil.docx", "docx", agenda),
                                 ("i03", "i03-invitation-assises.odt", "odt", invitation),
                                 ("i04", "i04-note-de-service.pdf", "scan", service_note)):
        doc, people = make(random.Random(f"{seed}:{key}"), pool)
        piece = PieceSpec(name, doc, how)
        out.append(Submission(name, "inconnu", "file", [piece], _truth(name, piece, people)))
    return out


def _truth(name: str, piece: PieceSpec, people: list[str]) -> dict:
    return {"submission": f"samples/dossiers/{name}", "kind": "inconnu", "status": "ok", "error_code": None,
            "formats": [piece.format], "ocr": piece.ocr,
            "pieces": [{"file": piece.file, "format": piece.format, "ocr": piece.ocr}],
            "applicant": None, "expertise": [], "basis": None, "experts": [], "not_experts": people,
            "mission": None, "checks": {}, "verdict": None, "defects": [], "writing": None,
            "ocr_reference": f"samples/truth/{name}.ocr.txt" if piece.ocr else None, "notes": []}


def invoice(rng: random.Random, pool: PeoplePool) -> tuple[Doc, list[str]]:
    client = BY_NAME["Ville de Niort"]
    d = date(2024, 5, 17)
    contact = pool.draw()
    rows = [["Désignation", "Quantité", "Prix unitaire HT", "Total HT"],
            ["Impression du bulletin municipal (24 pages, quadrichromie)", "5 000", "0,42 €", "2 100,00 €"],
            ["Dépliants « Fête de la musique » format A5", "3 000", "0,07 €", "210,00 €"],
            ["Affiches 40 × 60 cm", "150", "1,90 €", "285,00 €"],
            ["Livraison en mairie", "1", "45,00 €", "45,00 €"]]
    blocks = [Para("IMPRIMERIE DU CENTRE-OUEST SARL", bold=True, align="left", size=13),
              Para("ZA des Terres-Rouges – 79000 Niort – SIRET 412 345 678 00021 – TVA FR 12 412345678",
                   align="left", size=8),
              Spacer(0.5), Heading("FACTURE N° F2024-0118", 1, "caps"),
              Para(f"Date : {dates.numeric(d)} – Échéance : {dates.numeric(d + timedelta(days=30))}", align="left"),
              Para(f"Client : {client.name} – Service communication – {client.address}", align="left"),
              Para(f"À l'attention de {contact.written('civ_upper')}", align="left"),
              Table(rows, header=True, widths=[3.2, 1, 1.2, 1.2]),
              Para("Total HT : 2 640,00 € – TVA 20 % : 528,00 € – Total TTC : 3 168,00 €", bold=True, align="right"),
              Para("Règlement par virement à 30 jours – mandat administratif. Pénalités de retard : trois fois "
                   "le taux d'intérêt légal ; indemnité forfaitaire de recouvrement : 40 €.", size=8)]
    return Doc(blocks, title="Facture F2024-0118", author="Compta", font="sans"), [contact.name]


def agenda(rng: random.Random, pool: PeoplePool) -> tuple[Doc, list[str]]:
    a = BY_NAME["Communauté d'agglomération du Pays Basque"]
    president = pool.draw()
    country = COUNTRY["Bénin"]
    partner = partner_the(country.partners[0][0])
    d = date(2024, 3, 14)
    items = ["Approbation du procès-verbal de la séance du 8 février 2024",
             "Budget primitif 2024 – budget principal et budgets annexes",
             "Fixation des taux de fiscalité directe locale",
             "Plan local de l'habitat : bilan à mi-parcours",
             "Collecte des déchets ménagers : avenant n° 3 au marché de collecte",
             f"Coopération décentralisée avec {partner} ({country.name}) : convention 2024-2026 et subvention de 15 000 €",
             "Personnel : mise à jour du tableau des effectifs",
             "Questions diverses"]
    blocks = [Para(a.name.upper(), bold=True, align="center"),
              Heading(f"Conseil communautaire du {dates.long(d, weekday=True)} – 18 h 00", 1, "style"),
              Para("Salle du conseil – 15, avenue du Maréchal-Foch, Bayonne", align="center", italic=True),
              Heading("Ordre du jour", 2, "style"), Bullets(items, numbered=True),
              Signature([f"{a.executive(president.gender)},", president.written("upper_last")],
                        writing.place_date(rng, a.city, d - timedelta(days=8)), signed=False)]
    return Doc(blocks, title="Ordre du jour", author="Assemblées", font="sans"), [president.name]


def invitation(rng: random.Random, pool: PeoplePool) -> tuple[Doc, list[str]]:
    a = BY_NAME["Cités Solidaires France"]
    president, speaker = pool.draw(), pool.draw()
    d = date(2025, 10, 9)
    blocks = [Para(a.name, bold=True, align="left"), Spacer(0.3),
              Heading("Invitation", 1, "style"),
              Para(f"Assises de la coopération décentralisée franco-sénégalaise – {dates.long(d, weekday=True)}, Dakar",
                   bold=True, align="center"),
              Para("Madame, Monsieur,", align="left"),
              Para("Nous avons le plaisir de vous convier aux Assises de la coopération décentralisée "
                   "franco-sénégalaise, organisées avec le soutien de la Délégation pour l'action extérieure "
                   "des collectivités territoriales (DAECT) et de l'ambassade de France au Sénégal."),
              Para(f"Une table ronde, animée par {speaker.written('civ_upper')}, permettra aux collectivités "
                   "labellisées EXPE-CT de présenter les missions d'expertise qu'elles ont conduites."),
              Para("Inscription avant le 15 septembre 2025 auprès du secrétariat du réseau."),
              Para("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations les meilleures."),
              Signature([f"{a.executive(president.gender)},", president.written("plain")], None, signed=True)]
    return (Doc(blocks, title="Invitation Assises", author="CSF", font="serif"),
            [president.name, speaker.name])


def service_note(rng: random.Random, pool: PeoplePool) -> tuple[Doc, list[str]]:
    a = BY_NAME["Ville de Montauban"]
    dgs = pool.draw()
    blocks = [Para(a.name.upper(), bold=True, align="left"), Para("Direction générale des services", align="left"),
              Spacer(0.4), Heading("NOTE DE SERVICE N° 2024-17", 1, "caps"),
              Para("Objet : fermeture estivale des services administratifs", bold=True, align="left"),
              Para("Destinataires : ensemble des agents", align="left"),
              Para("Les services administratifs de l'hôtel de ville seront fermés au public du lundi 12 août au "
                   "vendredi 16 août 2024 inclus. Une permanence de l'état civil sera assurée chaque matin de "
                   "9 h à 12 h."),
              Para("Les chefs de service transmettront le planning des congés à la direction des ressources "
                   "humaines avant le 31 mai."),
              Signature([f"{dgs.g('Le Directeur général des services', 'La Directrice générale des services')},",
                         dgs.written("upper_last")], writing.place_date(rng, a.city, date(2024, 5, 6)), signed=True)]
    return Doc(blocks, title="Note de service", author="DGS", font="serif"), [dgs.name]
