"""Who applies: names and types of applicants, found among the other bodies
a dossier names (partners abroad, universities, experts' employers)."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from analysis import collectivites
from analysis.applicant import clean_name, find_applicant
from extractors.model import Block, Piece, Submission

# The bodies labelled in 2017-2018 as the DAECT lists them ("Historique : de
# PACT à EXPE-CT"), with their contract type.
LABELLED = [
    ("Chartres", "commune"), ("Marseille", "commune"), ("Mulhouse", "commune"),
    ("Grand Cahors", "epci"), ("Conseil départemental d’Ille-et-Vilaine", "departement"),
    ("SCIALA Haute-Loire", "epci"),
    ("Association nationale des élus du littoral", "association_elus"),
    ("Alliance des villes euro-méditerranéennes de culture", "association_elus"),
    ("Cités de caractère de Bourgogne-Franche-Comté", "association_elus"),
    ("Mission opérationnelle transfrontalière (MOT)", "association_elus"),
    ("Fédération des parcs naturels régionaux de France", "association_elus"),
    ("Régions de France", "association_elus"),
    ("Sites et cités remarquables France", "association_elus"),
    ("Cannes", "commune"), ("Enghien les Bains", "commune"), ("Le Lamentin", "commune"),
    ("Lille", "commune"), ("Nice Métropole", "epci"),
    ("Conseil départemental du Pas-de-Calais", "departement"),
    ("Interco Nouvelle Aquitaine", "association_elus"),
    ("Association des Départements de France (ADF)", "association_elus"),
    ("Association des petites cités de caractère de France", "association_elus"),
    ("Réseau des Grands Sites de France", "association_elus"),
    ("Hérouville Saint-Clair", "commune"), ("Montreuil", "commune"), ("Toulouse", "commune"),
    ("Communauté d’Agglomération du Centre de la Martinique (CACEM)", "epci"),
    ("Grand Narbonne", "epci"), ("Conseil départemental de Seine-Saint-Denis", "departement"),
    ("Conseil régional Auvergne-Rhône-Alpes", "region"),
]


def submission(*blocks, name="lettre.pdf") -> Submission:
    piece = Piece(name, "pdf", pages=1)
    for b in blocks:
        piece.add(b if isinstance(b, Block) else Block("paragraph", b, page=1))
    return Submission("dossier", "0" * 64, [piece])


def table(*rows) -> Block:
    return Block("table", "", page=1, rows=[list(r) for r in rows])


def same_name(expected: str, found: str) -> bool:
    return collectivites.key(expected.split(" (")[0]) == collectivites.key(found)


@pytest.mark.parametrize("name,typ", LABELLED)
def test_labelled_body_alone_on_a_line(name, typ):
    found = find_applicant(submission(name))
    assert found is not None and found.type == typ
    assert same_name(name, found.name)


@pytest.mark.parametrize("name,typ", LABELLED)
def test_labelled_body_as_subject_among_partners(name, typ):
    found = find_applicant(submission(
        "Paris, le 3 mars 2021",
        "Madame la Déléguée pour l'action extérieure des collectivités territoriales,",
        f"{name} sollicite le label EXPE-CT pour son expertise, développée avec la commune de "
        "Ziguinchor (Sénégal), l'Université de Bordeaux et la Région Nouvelle-Aquitaine.",
        "Je vous prie d'agréer, Madame la Déléguée, l'expression de ma haute considération."))
    assert found is not None and (found.type, same_name(name, found.name)) == (typ, True)


def test_letterhead_in_capitals_beats_partners_named_more_often():
    found = find_applicant(submission(
        "VILLE DE MONTREUIL",
        "Direction des relations internationales",
        "Place Jean-Jaurès – 93100 Montreuil",
        "Objet : Candidature au label EXPE-CT",
        "Avec la Ville de Saint-Louis (Sénégal), jumelée depuis 1998, nous avons conduit "
        "plusieurs projets ; la Ville de Saint-Louis, au Sénégal, a ainsi créé son service "
        "des espaces verts avec l'appui de l'Agence de l'eau Seine-Normandie.",
        "Le Maire,"))
    assert (found.name, found.type) == ("Ville de Montreuil", "commune")
    assert found.evidence[0].quote == "VILLE DE MONTREUIL"
    assert found.evidence[0].piece == "lettre.pdf" and found.evidence[0].page == 1


def test_form_field_and_declared_type():
    found = find_applicant(submission(
        "MINISTÈRE DE L'EUROPE ET DES AFFAIRES ÉTRANGÈRES",
        Block("heading", "Formulaire de candidature au label EXPE-CT", level=1),
        table(["Dénomination", "Cités Solidaires France"],
              ["Nature juridique", "Association d'élus / réseau de collectivités"],
              ["Adresse", "9, rue Christiani – 75018 Paris"])))
    assert (found.name, found.type) == ("Cités Solidaires France", "association_elus")


def test_inline_field_with_an_unknown_body_is_not_eligible():
    found = find_applicant(submission(
        "Structure candidate : Solidarité Eau Sans Frontières",
        "Nos 300 bénévoles interviennent au Burkina Faso avec la commune de Koudougou."))
    assert (found.name, found.type) == ("Solidarité Eau Sans Frontières", "autre")


def test_firm_applying_for_itself():
    found = find_applicant(submission(
        "Hydro Conseil Sud SARL",
        "1350, avenue Albert-Einstein – 34000 Montpellier",
        "Notre bureau d'études sollicite le label EXPE-CT : il a accompagné la Communauté "
        "d'agglomération du Pays Basque et le Département de l'Hérault dans leurs projets."))
    assert (found.name, found.type) == ("Hydro Conseil Sud SARL", "autre")


def test_signature_names_the_commune():
    found = find_applicant(submission(
        "Madame, Monsieur,",
        "Nous avons l'honneur de présenter notre candidature, préparée avec l'appui de la "
        "Communauté de communes du Val d'Amboise.",
        "Fait à Chartres, le 12 mai 2022",
        "Le Maire de Chartres,"))
    assert (found.name, found.type) == ("Ville de Chartres", "commune")


def test_departement_by_its_number():
    found = find_applicant(submission("Le CD 35 sollicite le label EXPE-CT."))
    assert (found.name, found.type) == ("Conseil départemental d'Ille-et-Vilaine", "departement")


@pytest.mark.parametrize("text,name,typ", [
    ("La Collectivité européenne d'Alsace sollicite le label.", "Collectivité européenne d'Alsace", "departement"),
    ("La Collectivité territoriale de Martinique sollicite le label.", "Collectivité territoriale de Martinique", "region"),
    ("Toulouse Métropole sollicite le label.", "Toulouse Métropole", "epci"),
    ("Le Syndicat mixte de valorisation des déchets de Cornouaille sollicite le label.",
     "Syndicat mixte de valorisation des déchets de Cornouaille", "epci"),
    ("L'Association des maires ruraux du Morbihan sollicite le label.",
     "Association des maires ruraux du Morbihan", "association_elus"),
    ("L'Association Eau Vive Internationale sollicite le label.", "Association Eau Vive Internationale", "autre"),
    ("La Chambre d'agriculture de la Sarthe sollicite le label.", "Chambre d'agriculture de la Sarthe", "autre"),
    ("J'ai l'honneur de vous adresser la candidature de la Région Occitanie au label EXPE-CT.",
     "Région Occitanie", "region"),
    ("J'ai l'honneur de solliciter, au nom de la Ville du Mans, la labellisation EXPE-CT.",
     "Ville du Mans", "commune"),
])
def test_kinds_of_bodies(text, name, typ):
    found = find_applicant(submission(text))
    assert (found.name, found.type) == (name, typ)


@pytest.mark.parametrize("line", [
    "A" * 20000, "Association des " * 3000, "Grand Métropole " * 2000,
    "Ville de Montreuil " * 2000 + "sollicite", "Cabinet " * 5000])
def test_long_lines_take_linear_time(line):
    start = time.perf_counter()
    find_applicant(submission(line))
    assert time.perf_counter() - start < 3.0  # well under 1 s; quadratic regexes took minutes


def test_nobody_named():
    assert find_applicant(submission("Madame, Monsieur,", "Veuillez trouver ci-joint notre dossier.")) is None
    # Ville (Oise) and Port (Ain) are communes, but here common nouns.
    assert find_applicant(submission("La Ville sollicite le label.", "Port", "savoir-faire")) is None


@pytest.mark.parametrize("raw,clean", [
    ("VILLE DE MONTREUIL", "Ville de Montreuil"),
    ("VILLE DU MANS", "Ville du Mans"),
    ("CONSEIL DEPARTEMENTAL D'ILLE-ET-VILAINE", "Conseil départemental d'Ille-et-Vilaine"),
    ("IMPRIMERIE DU CENTRE-OUEST SARL", "Imprimerie du centre-ouest SARL"),
    ("ASSOCIATION DES COMMUNES FORESTIÈRES DE NOUVELLE-AQUITAINE",
     "Association des communes forestières de Nouvelle-Aquitaine"),
    ("la Ville de Chartres", "Ville de Chartres"),
])
def test_names_are_cleaned(raw, clean):
    assert find_applicant(submission(raw)).name == clean
    assert clean_name(raw).lower() == clean.lower()


def test_official_list_resolves_short_names():
    assert collectivites.best("Grand Narbonne").name == "CA Le Grand Narbonne"
    assert collectivites.best("Montreuil").parent == "93"  # the populous homonym
    assert collectivites.best("Nice", ("epci",)).name == "Métropole Nice Côte d'Azur"
    assert collectivites.best("Communauté d'agglomération du Centre de la Martinique").type == "epci"
    assert collectivites.of_name(collectivites.departement("62")) == "du Pas-de-Calais"


def test_official_list_is_read_once_per_process():
    # (its load time is measured by bench/, not here)
    collectivites._index.cache_clear()
    assert collectivites.lookup("Chartres") and collectivites.lookup("Chartres")
    assert collectivites._index.cache_info().misses == 1


# --- on the sample dossiers (samples/, with their truth) -----------------------

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample_submissions() -> list[tuple[dict, Submission]]:
    """Candidatures and reports of samples/ that read without OCR or
    LibreOffice (quick), with their truth."""
    from common.limits import Limits
    from expe_ct.pipeline import read_submission
    out = []
    for path in sorted((SAMPLES / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        if (truth.get("kind") in ("candidature", "rapport") and truth.get("status") == "ok"
                and not truth.get("ocr") and set(truth["formats"]) <= {"docx", "odt", "pdf"}):
            dossier = SAMPLES / "dossiers" / Path(truth["submission"]).name
            if dossier.exists():
                out.append((truth, read_submission(str(dossier), Limits())[0]))
    return out


@pytest.fixture(scope="module")
def samples():
    found = sample_submissions() if (SAMPLES / "truth").is_dir() else []
    if len(found) < 10:
        pytest.skip("échantillons absents (make samples)")
    return found


def test_applicants_of_the_samples(samples):
    types = names = 0
    for truth, sub in samples:
        found = find_applicant(sub)
        expected = truth["applicant"]
        types += found is not None and found.type == expected["type"]
        names += found is not None and any(
            collectivites.key(n) == collectivites.key(found.name) for n in [expected["name"], *expected["aliases"]])
    assert types / len(samples) >= 0.95
    assert names / len(samples) >= 0.9


def test_an_association_named_with_its_acronym_and_signed_by_it():
    """'… pour la participation des jeunes (ANCPJ)': the acronym spells the
    whole name, and 'Président de l'ANCPJ' signs for it, not for his town."""
    found = find_applicant(submission(
        Block("paragraph", "Dossier de candidature de l'Association nationale des collectivités pour la "
                           "participation des jeunes (ANCPJ) au label EXPE-CT"),
        Block("paragraph", "Président : M. Laurent Ferrandis, maire de Meyzieu."),
        Block("paragraph", "Créée en 1991, l'ANCPJ fédère des collectivités de toutes tailles."),
        Block("paragraph", "Je vous prie de croire, Madame la Déléguée, à ma haute considération."),
        Block("paragraph", "Laurent Ferrandis\nPrésident de l'ANCPJ, maire de Meyzieu")))
    assert (found.name, found.type) == (
        "Association nationale des collectivités pour la participation des jeunes", "association_elus")


def test_an_acronym_that_does_not_spell_the_name_does_not_extend_it():
    found = find_applicant(submission(
        Block("paragraph", "L'Association des maires du Cher sollicite le label pour la coopération (AMF).")))
    assert found.name == "Association des maires du Cher"


def test_a_report_comes_from_the_french_body_not_from_the_partner_met_abroad():
    report = submission(
        "Rapport de mission EXPE-CT – Saint-Louis (Sénégal), du 3 au 7 mars 2025",
        "À la demande de la commune de Saint-Louis, relayée par l'ambassade de France, la Ville de "
        "Colmar a conduit une mission d'appui à la gestion des déchets.",
        "La commune de Saint-Louis souhaite une seconde mission en 2026.",
        "La mairie de Saint-Louis souhaite aussi accueillir deux agents de la Ville de Colmar.",
        "Rapport validé par le Maire de Colmar.")
    found = find_applicant(report, report=True)
    assert found is not None and found.name == "Ville de Colmar" and found.type == "commune"


def test_in_a_report_a_town_missing_from_the_french_list_is_the_partner():
    report = submission(
        "Département des Hautes-Alpes",
        "Rapport de mission EXPE-CT",
        table(["Pays", "Géorgie"], ["Collectivité d'accueil", "Municipalité de Mestia"]),
        "À la demande de la municipalité de Mestia, le Département des Hautes-Alpes a dépêché deux agents.",
        "La municipalité de Mestia souhaite une coopération durable.",
        "Le maire de Mestia a reçu la mission.")
    assert find_applicant(report, report=True).name == "Département des Hautes-Alpes"


def test_a_title_in_capitals_run_into_the_name_is_not_part_of_it():
    found = find_applicant(submission("Communauté de communes du Haut-Vallon RAPPORT DE MISSION - PROGRAMME EXPE-CT"))
    assert found.name == "Communauté de communes du Haut-Vallon"
