"""The expertise sought: labels, themes, the expertise.described status and
the expertise.basis finding."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from analysis.expertise import (MAX_LABEL, clean_label, expertise_status, find_basis,
                                find_expertise, themes_of)
from contract import themes
from extractors.model import Block, Piece, Submission

LEXICON = Path(__file__).resolve().parents[2] / "analysis" / "data" / "themes_lexicon.yaml"
PLACEHOLDER = "Cliquez ou appuyez ici pour entrer du texte."


def submission(*blocks, name="dossier.docx") -> Submission:
    piece = Piece(name, "docx")
    for b in blocks:
        piece.add(b if isinstance(b, Block) else Block("paragraph", b))
    return Submission("dossier", "0" * 64, [piece])


def heading(text: str, level: int = 1) -> Block:
    return Block("heading", text, level=level)


def table(*rows) -> Block:
    return Block("table", "", rows=[list(r) for r in rows])


def labels(sub: Submission) -> list[tuple[str, list[str]]]:
    return [(i.label, i.themes) for i in find_expertise(sub)]


# --- themes ------------------------------------------------------------------

def test_lexicon_covers_exactly_the_contract_themes():
    lexicon = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    masks = lexicon.pop("_aucun")          # phrases that name no theme
    assert masks and all(isinstance(m, str) for m in masks)
    assert len(lexicon) == 18 and all(len(words) >= 20 for words in lexicon.values())
    assert set(lexicon) == set(themes())


def test_a_masking_phrase_names_no_theme():
    assert themes_of("Rénovation énergétique du patrimoine bâti communal") == ["climat-energie"]
    assert themes_of("Restauration du patrimoine bâti ancien") == ["patrimoine-culture"]


@pytest.mark.parametrize("text,themes", [
    # The regulation's own examples (note DAECT of 7 July 2020, §III.1).
    ("traitement des déchets, tri sélectif", ["dechets-proprete"]),
    ("mise en place d'un plan de gestion de crise", ["risques-securite"]),
    ("intégration des ODD dans les politiques publiques", ["gouvernance-locale"]),
    # Expertises labelled since 2017.
    ("Patrimoine, lumière et vitrail", ["patrimoine-culture"]),
    ("NTIC au service du tourisme", ["numerique", "tourisme"]),
    ("Filière laitière", ["agriculture-alimentation"]),
    ("Sécurité et police municipale", ["risques-securite"]),
    ("Préservation de l’écosystème de la mangrove", ["environnement-biodiversite"]),
    ("Coopération transfrontalière au sein des frontières maritimes", ["cooperation-transfrontaliere"]),
    ("Appui à la régionalisation", ["gouvernance-locale"]),
    ("Action sociale", ["sante-action-sociale"]),
    ("Accès à l’eau potable", ["eau-assainissement"]),
    ("Énergies renouvelables", ["climat-energie"]),
    ("Mise en place de dispositifs de prévention, de protection dans la lutte contre les "
     "violences faites aux femmes", ["egalite-droits"]),
    ("Pratique artistique et culturelle dans les établissements scolaires",
     ["patrimoine-culture", "jeunesse-education"]),
    ("Développement et aménagement urbain (végétalisation de la ville et création d’espaces verts)",
     ["urbanisme-amenagement", "environnement-biodiversite"]),
    # A longer keyword of one theme hides a shorter one of another.
    ("Sécurité alimentaire des villes", ["agriculture-alimentation"]),
    ("Mobilité internationale des jeunes", ["jeunesse-education"]),
    ("Transports urbains et mobilités douces", ["transports-mobilite"]),
    ("Accueil des réfugiés et médiation", ["migrations-paix"]),
    ("Accompagnement des TPE et insertion professionnelle", ["developpement-economique"]),
    ("Rapport annuel", []),
])
def test_themes_of(text, themes):
    assert themes_of(text) == themes


def test_labels_are_phrases():
    long = ("la gestion intégrée des bassins versants, la restauration des milieux aquatiques et "
            "la prévention des inondations dans les communes rurales du territoire départemental")
    label = clean_label(long)
    assert len(label) <= MAX_LABEL and label.startswith("Gestion intégrée des bassins versants")
    assert not label.endswith((",", " et"))
    assert clean_label("« en matière de propreté urbaine ».") == "Propreté urbaine"


# --- labels ------------------------------------------------------------------

def test_form_fields_and_objet_line_without_duplicates():
    sub = submission(
        "Objet : Candidature au label EXPE-CT – Gestion des déchets et tri sélectif",
        table(["Dénomination", "Ville de Quimper"],
              ["Intitulé de l'expertise n° 1", "Gestion des déchets et tri sélectif"],
              ["Description des compétences et savoir-faire n° 1",
               "Le savoir-faire proposé couvre la conception d'un schéma de collecte adapté aux "
               "quartiers denses comme aux zones d'habitat dispersé."],
              ["Intitulé de l'expertise n° 2", "Lutte contre le gaspillage alimentaire"]))
    assert labels(sub) == [("Gestion des déchets et tri sélectif", ["dechets-proprete"]),
                           ("Lutte contre le gaspillage alimentaire",
                            ["dechets-proprete", "agriculture-alimentation"])]
    first = find_expertise(sub)[0].evidence
    assert first.piece == "dossier.docx" and "tri sélectif" in first.quote


def test_table_with_a_header_row():
    sub = submission(table(["Expertise proposée", "Description de l'expertise"],
                           ["Propreté urbaine", "Le savoir-faire porte sur les brigades vertes."]))
    assert labels(sub) == [("Propreté urbaine", ["dechets-proprete"])]


def test_section_with_sub_headings_and_list_items():
    sub = submission(
        heading("I. Présentation de la collectivité"),
        "Le Département compte 1,6 million d'habitants.",
        heading("II. Compétences et savoir-faire visés"),
        heading("Accès à l'eau potable", 2),
        "L'expertise proposée porte sur la gouvernance des services d'eau potable.",
        Block("list_item", "Restauration des milieux aquatiques"),
        heading("III. Experts mobilisables"),
        Block("list_item", "Mme Claire Martin, directrice du cycle de l'eau"))
    assert labels(sub) == [("Accès à l'eau potable", ["eau-assainissement"]),
                           ("Restauration des milieux aquatiques",
                            ["eau-assainissement", "environnement-biodiversite"])]


def test_free_heading_on_the_expertise():
    sub = submission(
        heading("Les compétences que nous souhaitons valoriser"),
        Block("list_item", "Gestion des espaces verts sans pesticides"),
        Block("list_item", "Éducation à l'environnement"),
        heading("Nos experts"),
        Block("list_item", "M. Jean Dupont, directeur des espaces verts"))
    assert [label for label, _ in labels(sub)] == ["Gestion des espaces verts sans pesticides",
                                                   "Éducation à l'environnement"]


def test_label_after_a_cue_in_running_text():
    sub = submission("Nous sollicitons le label EXPE-CT au titre de notre expérience dans la gestion "
                     "des risques majeurs, acquise depuis la crue de 2010.")
    assert labels(sub) == [("Gestion des risques majeurs", ["risques-securite"])]


def test_quoted_label_in_a_letter():
    sub = submission(
        "Madame la Déléguée,",
        "J'ai l'honneur de solliciter, au nom de la Ville d'Albi, la labellisation EXPE-CT dans "
        "le domaine « Restauration et valorisation du patrimoine bâti ».",
        "Notre expertise en matière de patrimoine est reconnue depuis vingt ans.")
    assert labels(sub) == [("Restauration et valorisation du patrimoine bâti", ["patrimoine-culture"])]


def test_description_only():
    sub = submission(
        "Objet : Demande de labellisation EXPE-CT",
        "Le savoir-faire proposé porte sur la structuration des filières agricoles locales : "
        "collecte du lait, transformation, qualité sanitaire et commercialisation.")
    assert labels(sub) == [("Structuration des filières agricoles locales", ["agriculture-alimentation"])]
    assert expertise_status(find_expertise(sub), sub).status == "pass"


def test_the_expertise_said_in_a_relative_clause():
    sub = submission("L'expertise que nous souhaitons voir reconnue est donc l'accompagnement de la "
                     "transition agroécologique du maraîchage de proximité.")
    assert labels(sub) == [("Accompagnement de la transition agroécologique du maraîchage de proximité",
                            ["agriculture-alimentation"])]


def test_a_form_question_is_no_label():
    assert labels(submission(heading("Domaine d'expertise"), "Actions de coopération décentralisée ?",
                             "Propreté urbaine")) == [("Propreté urbaine", ["dechets-proprete"])]


def test_a_noun_that_looks_like_a_past_participle_is_a_label():
    """'Finances locales' is a domain; 'Financé par l'AFD (2015)' is the record of a project."""
    assert labels(submission("Objet : candidature au label EXPE-CT – finances locales")) == [
        ("Finances locales", ["gouvernance-locale"])]
    assert labels(submission(heading("Domaine d'expertise"), "Financé par l'AFD en 2015")) == []


@pytest.mark.parametrize("blocks,status", [
    # The label asked for, with nothing about what.
    (["Le conseil municipal décide de candidater au label EXPE-CT.",
      "Considérant que le label EXPE-CT permet aux collectivités de valoriser leur expertise au moyen de "
      "missions courtes, dont le transport international est pris en charge par l'État ;"], "fail"),
    (["Objet : Candidature au label EXPE-CT",
      "La Commune de Plougastel-Daoulas sollicite le label EXPE-CT afin de valoriser son expertise.",
      "Je vous prie d'agréer, Monsieur le Délégué, mes salutations distinguées."], "fail"),
    ([table(["Intitulé de l'expertise", PLACEHOLDER],
            ["Description des compétences et savoir-faire", PLACEHOLDER])], "fail"),
    ([table(["Intitulé de l'expertise", ""], ["Description des compétences et savoir-faire", ""])], "fail"),
    ([table(["Intitulé de l'expertise", "À définir"],
            ["Description des compétences et savoir-faire", "À définir"])], "review"),
    ([heading("2. Domaine d'expertise"), "À préciser ultérieurement.",
      heading("3. Références")], "review"),
    ([heading("2. Domaine d'expertise"), heading("3. Références"), "Depuis 2010, la Ville gère..."],
     "review"),
    (["Le domaine d'expertise proposé reste à définir avec vos services."], "review"),
    ([heading("Expertise proposée"), "Propreté urbaine"], "pass"),
])
def test_expertise_described(blocks, status):
    sub = submission(*blocks)
    finding = expertise_status(find_expertise(sub), sub)
    assert finding.status == status
    assert finding.message and (finding.status != "review" or finding.evidence)


# --- basis -------------------------------------------------------------------

@pytest.mark.parametrize("text,kind", [
    ("Dans le cadre de sa coopération décentralisée avec la Commune de Bohicon (Bénin), engagée "
     "en 2009, la Ville a accompagné la création d'une filière de précollecte des déchets.", "cooperation"),
    ("De 2012 à 2018, le Département a mené avec la Région de l'Oriental (Maroc) un projet de "
     "gestion des déchets.", "cooperation"),
    ("Exerçant la compétence collecte et traitement des déchets ménagers depuis 2004, la "
     "Communauté urbaine assure ce service pour 17 communes.", "territoire"),
    ("Depuis 2011, la Métropole porte la compétence GEMAPI sur son territoire et a restauré "
     "60 km de cours d'eau.", "territoire"),
])
def test_basis_found(text, kind):
    finding = find_basis(submission(heading("Fondement de l'expertise"), text))
    assert (finding.status, finding.kind) == ("pass", kind)
    assert finding.evidence and finding.evidence[0].quote


def test_ticked_box_grounds_the_expertise():
    sub = submission(heading("3. Fondement de l'expertise", 2),
                     "☐ Actions de coopération décentralisée",
                     "☒ Exercice de la compétence sur le territoire de la collectivité",
                     "Précisez :")
    assert (find_basis(sub).status, find_basis(sub).kind) == ("pass", "territoire")


@pytest.mark.parametrize("blocks,status", [
    # Wishes and offers ground nothing.
    (["Nous souhaitons développer des coopérations au Sénégal.",
      "Le savoir-faire proposé porte sur la sensibilisation des habitants au geste de tri.",
      "La Ville accepte de travailler avec le ministère dans le cadre des missions qui pourraient "
      "lui être proposées."], "fail"),
    ([heading("3. Fondement de l'expertise", 2), "☐ Actions de coopération décentralisée",
      "☐ Exercice de la compétence sur le territoire de la collectivité", "Précisez : " + PLACEHOLDER,
      heading("4. Experts mobilisables", 2)], "fail"),
    ([heading("3. Fondement de l'expertise", 2), "☐ Actions de coopération décentralisée",
      "☐ Exercice de la compétence sur le territoire de la collectivité", "Précisez : À compléter",
      heading("4. Experts mobilisables", 2)], "review"),
    ([heading("Expérience et références"), heading("Les experts mobilisables"),
      "M. Jean Martin, directeur de la propreté urbaine."], "review"),
    (["Nos références en la matière restent à compléter."], "review"),
])
def test_basis_not_shown(blocks, status):
    finding = find_basis(submission(*blocks))
    assert (finding.status, finding.kind) == (status, None)


# --- on the sample dossiers (samples/, with their truth) -----------------------

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def samples():
    """Candidatures and reports of samples/ that read without OCR or
    LibreOffice (quick), with their truth."""
    from common.limits import Limits
    from expe_ct.pipeline import read_submission
    found = []
    for path in sorted((SAMPLES / "truth").glob("*.json")) if (SAMPLES / "truth").is_dir() else []:
        truth = json.loads(path.read_text(encoding="utf-8"))
        if (truth.get("kind") in ("candidature", "rapport") and truth.get("status") == "ok"
                and not truth.get("ocr") and set(truth["formats"]) <= {"docx", "odt", "pdf"}):
            dossier = SAMPLES / "dossiers" / Path(truth["submission"]).name
            if dossier.exists():
                found.append((truth, read_submission(str(dossier), Limits())[0]))
    if len(found) < 10:
        pytest.skip("échantillons absents (make samples)")
    return found


def test_themes_of_the_samples(samples):
    tp = fp = fn = 0
    for truth, sub in samples:
        gold = {t for e in truth["expertise"] for t in e["themes"]}
        got = {t for item in find_expertise(sub) for t in item.themes}
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9  # micro-F1


def test_checks_of_the_sample_candidatures(samples):
    candidatures = [(t, s) for t, s in samples if t["kind"] == "candidature"]
    described = sum(expertise_status(find_expertise(s), s).status == t["checks"]["expertise.described"]
                    for t, s in candidatures)
    basis = sum(find_basis(s).status == t["checks"]["expertise.basis"] for t, s in candidatures)
    assert described / len(candidatures) >= 0.9
    assert basis / len(candidatures) >= 0.9
