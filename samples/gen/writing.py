"""Shared pieces of French administrative writing: letterheads, addressees,
closings, signatures, délibérations, CVs."""
from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

from . import dates
from .applicants import INTL_SERVICES, Applicant
from .doc import Bullets, Doc, Heading, Letterhead, Para, Signature, Spacer
from .people import Person
from .spec import slug

DAECT_ADDRESS = ["Ministère de l'Europe et des Affaires étrangères",
                 "Délégation pour l'action extérieure des collectivités territoriales (DAECT)",
                 "57, boulevard des Invalides", "75007 Paris"]

CLOSINGS = [
    "Je vous prie d'agréer, {civ}, l'expression de ma haute considération.",
    "Je vous prie d'agréer, {civ}, l'expression de mes salutations distinguées.",
    "Je vous prie de croire, {civ}, à l'assurance de ma considération distinguée.",
    "Restant à votre disposition pour tout complément d'information, je vous prie d'agréer, "
    "{civ}, l'expression de ma considération distinguée.",
]
ADDRESSEES = [("Monsieur le Délégué,", "Monsieur le Délégué"),
              ("Madame la Déléguée,", "Madame la Déléguée"),
              ("Madame, Monsieur,", "Madame, Monsieur")]


def phone(rng: random.Random, dep: str = "") -> str:
    prefix = {"29": "02", "35": "02", "44": "02", "56": "02", "33": "05", "40": "05", "64": "05",
              "34": "04", "13": "04", "69": "04", "93": "01", "94": "01", "75": "01"}.get(dep, rng.choice(["01", "02", "03", "04", "05"]))
    return prefix + "".join(f" {rng.randint(10, 99)}" for _ in range(4))


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def email_of(person: Person, applicant: Applicant) -> str:
    domain = slug(applicant.name, 2) + ".fr"
    local = f"{_ascii(person.first)}.{_ascii(person.last)}".replace(" ", "").replace("'", "")
    return f"{local}@{domain}"


def letterhead(rng: random.Random, applicant: Applicant, referent: Person | None,
               ref: str) -> tuple[Letterhead, str]:
    """Letterhead with the service; 'Affaire suivie par' names a referent (never an expert)."""
    service = rng.choice(INTL_SERVICES)
    lines = [applicant.name.upper() if rng.random() < 0.5 else applicant.name, service,
             applicant.address, f"Tél. : {phone(rng, applicant.department_no)}"]
    right = [f"Réf. : {ref}"]
    if referent:
        right.insert(0, f"Affaire suivie par : {referent.written(rng.choice(['civ', 'civ_upper']))}")
        right.append(f"Courriel : {email_of(referent, applicant)}")
    return Letterhead(lines, right), service


def reference(rng: random.Random, d: date) -> str:
    return rng.choice([f"DRI/{d.year}/{rng.randint(40, 480):03d}",
                       f"{rng.choice(['RI', 'DGS', 'CAB'])}-{d.year % 100:02d}-{rng.randint(100, 999)}",
                       f"N/Réf. {rng.choice(['MEI', 'DAI', 'PCI'])}/{rng.choice(['CL', 'AM', 'JB', 'PF'])}/"
                       f"{rng.randint(10, 99)}"])


def addressee_block(rng: random.Random, salutation: str) -> list[Para]:
    first = {"Monsieur le Délégué,": "Monsieur le Délégué pour l'action extérieure des collectivités territoriales",
             "Madame la Déléguée,": "Madame la Déléguée pour l'action extérieure des collectivités territoriales"}.get(
        salutation, "À l'attention de la Délégation pour l'action extérieure des collectivités territoriales")
    lines = [first] + DAECT_ADDRESS[:1] + DAECT_ADDRESS[2:]
    return [Para(line, align="left", indent=9) for line in lines]


def place_date(rng: random.Random, city: str, d: date, fait: bool = True) -> str:
    written = rng.choice([dates.long(d), dates.long(d), dates.numeric(d)])
    return f"Fait à {city}, le {written}" if fait else f"{city}, le {written}"


def signature_lines(rng: random.Random, applicant: Applicant, executive: Person) -> list[str]:
    title = applicant.executive(executive.gender)
    return [f"{title},", executive.written(rng.choice(["upper_last", "plain", "upper_last"]))]


def stamp(applicant: Applicant) -> str:
    return applicant.name.upper()


def deliberation(rng: random.Random, applicant: Applicant, executive: Person, d: date,
                 councillors: list[Person], rapporteur: Person | None, rapporteur_title: str,
                 label: str | None, meae: bool) -> Doc:
    """Extract of the assembly's minutes approving the candidature."""
    assembly = applicant.assembly
    members = rng.randint(29, 69)
    present = members - rng.randint(3, 12)
    represented = rng.randint(1, members - present)
    number = f"{d.year}-{rng.randint(12, 240):03d}"
    chair = f"{executive.civ} {executive.first} {executive.last_upper}"
    title = applicant.executive(executive.gender)
    blocks = [
        Para("RÉPUBLIQUE FRANÇAISE", align="center", bold=True),
        Para(applicant.name.upper(), align="center", bold=True),
        Spacer(0.3),
        Heading(f"EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU {assembly.upper()}", 1, "caps"),
        Para(f"Séance du {dates.long(d)}", align="center"),
        Para(f"Délibération n° {number}", align="center", bold=True),
        Para(f"Nombre de membres en exercice : {members} – Présents : {present} – "
             f"Représentés : {represented} – Votants : {present + represented}", align="left", size=9),
        Para(f"{dates.in_words(d)} à dix-huit heures, le {assembly}, légalement convoqué, s'est "
             f"réuni en séance publique sous la présidence de {chair}, "
             f"{title[3:].lower() if title.startswith(('Le ', 'La ')) else title}."),
        Para("Présents : " + ", ".join(p.written("civ_upper") for p in councillors) +
             ", formant la majorité des membres en exercice.", size=9),
        Para(f"Secrétaire de séance : {councillors[-1].written('civ_upper')}", size=9),
        Spacer(0.3),
        Para("Objet : Candidature au label EXPE-CT du ministère de l'Europe et des Affaires étrangères",
             bold=True, align="left"),
    ]
    if rapporteur:
        blocks.append(Para(f"Rapporteur : {rapporteur.written('civ_upper')}, {rapporteur_title}",
                           align="left", italic=True))
    considering = ("Considérant que le programme EXPE-CT permet aux collectivités territoriales de "
                   "valoriser leur expertise par des missions de courte durée à l'étranger ;")
    if label:
        considering += (f" que {applicant.short} dispose d'un savoir-faire reconnu dans le domaine "
                        f"« {label} » ;")
    decisions = ["APPROUVE la candidature " + applicant.of_the + " au label EXPE-CT ;"]
    if meae:
        decisions.append("S'ENGAGE à travailler avec le ministère de l'Europe et des Affaires "
                         "étrangères dans le cadre des missions d'expertise qui pourraient lui être "
                         "proposées, dans la perspective de son action internationale ;")
    decisions.append(f"AUTORISE {title[:2].lower() + title[2:] if title.startswith(('Le ', 'La ')) else title} "
                     "à signer tout document relatif à cette candidature.")
    blocks += [
        Para("Vu le code général des collectivités territoriales, et notamment son article L. 1115-1 ;"),
        Para("Vu la note de la Délégation pour l'action extérieure des collectivités territoriales "
             "du 7 juillet 2020 relative au programme EXPE-CT ;"),
        Para(considering),
        Para(f"Après en avoir délibéré, le {assembly}, "
             f"{rng.choice(['à l’unanimité', 'à l’unanimité des suffrages exprimés', 'à la majorité'])} :"),
        Bullets(decisions, marker="–"),
        Para("Fait et délibéré les jour, mois et an susdits.", align="left"),
        Signature([f"{title},", executive.written("upper_last")],
                  place_date="Pour extrait certifié conforme,", signed=True, stamp=stamp(applicant)),
        Para(f"Acte rendu exécutoire après transmission au contrôle de légalité le "
             f"{dates.numeric(d + timedelta(days=rng.randint(2, 9)))}.", size=8, align="left"),
    ]
    return Doc(blocks, title=f"Délibération {number}", author="Service des assemblées",
               font=rng.choice(["serif", "sans"]))


def cv(rng: random.Random, person: Person, function: str | None, organisation: str | None,
       profile: str | None, diploma: str, field: str, country_en: str | None,
       email: str | None) -> Doc:
    """A one-page CV; `profile` is the qualifications line the truth quotes."""
    start = rng.randint(2008, 2020)
    blocks = [Heading(rng.choice(["CURRICULUM VITAE", "Curriculum vitæ", "CV"]), 1,
                      rng.choice(["style", "caps"])),
              Para(person.written(rng.choice(["upper_last", "upper_first", "plain"])),
                   bold=True, align="center", size=14)]
    if function:
        blocks.append(Para(function + (f" – {organisation}" if organisation else ""), align="center"))
    if email:
        blocks.append(Para(email, align="center", size=9))
    if profile:
        blocks += [Heading(rng.choice(["Profil", "Qualifications", "En résumé"]), 2), Para(profile)]
    diploma_text = diploma[diploma.index(" ") + 1:] if diploma.startswith(("d'un ", "d'une ", "du ")) else diploma
    diploma_text = diploma_text[3:] if diploma_text.startswith("un ") else diploma_text
    diploma_text = diploma_text[4:] if diploma_text.startswith("une ") else diploma_text
    blocks += [Heading("Formation", 2),
               Bullets([f"{start - rng.randint(1, 6)} : {diploma_text[0].upper() + diploma_text[1:]}",
                        f"{start - rng.randint(7, 10)} : Baccalauréat"], marker="–"),
               Heading(rng.choice(["Expérience professionnelle", "Parcours professionnel"]), 2)]
    items = []
    if function:
        items.append(f"Depuis {start} : {function}" + (f", {organisation}" if organisation else ""))
    items.append(f"{start - rng.randint(3, 6)}–{start} : chargé{'e' if person.gender == 'f' else ''} "
                 f"d'études {field}, bureau d'études régional")
    blocks.append(Bullets(items, marker="–"))
    if country_en:
        blocks += [Heading("Expérience internationale", 2),
                   Para(f"Participation à des missions d'appui technique {country_en} "
                        f"({start + 1}, {start + 3}) ; accueil de délégations étrangères.")]
    blocks += [Heading("Langues", 2),
               Para(rng.choice(["Anglais courant, espagnol intermédiaire.", "Anglais (B2), portugais (notions).",
                                "Anglais professionnel.", "Anglais et arabe courants."]))]
    return Doc(blocks, title="CV", author=person.last.lower(), font=rng.choice(["sans", "serif"]))
