"""Person names written the French administrative ways."""
import pytest

from analysis.people import find_people, normalise


@pytest.mark.parametrize("text,expected", [
    ("Mme Claire Martin, directrice des espaces verts", ["Claire Martin"]),
    ("DUPONT Marie, adjointe au maire", ["Marie Dupont"]),
    ("M. Jean-Pierre LE GALL, ingénieur territorial", ["Jean-Pierre Le Gall"]),
    ("le Dr Anne de La Tour (CHU de Rennes)", ["Anne de La Tour"]),
    ("Anne DE LA TOUR", ["Anne de La Tour"]),
    ("Madame Fatou DIALLO-KANE et Monsieur Éric BÉRANGER", ["Fatou Diallo-Kane", "Éric Béranger"]),
    ("M. Pierre d'ORMESSON", ["Pierre d'Ormesson"]),
    ("Dupont Marie", ["Marie Dupont"]),
    ("de MONTIGNY Anne-Claire, maîtresse de conférences", ["Anne-Claire de Montigny"]),
    ("Le rapport de DUPONT Marie", ["Marie Dupont"]),   # there, "de" is the preposition
    ("La Ville de Montreuil sollicite le label", []),
    ("Objet : Candidature au label EXPE-CT", []),
    ("Conseil Départemental de la Gironde", []),
])
def test_names_are_found_and_normalised(text, expected):
    assert [m.name.full for m in find_people(text)] == expected


def test_name_key_ignores_order_case_and_accents():
    a = normalise("BÉRANGER Éric")
    b = normalise("Eric Beranger")
    assert a.key == b.key
    assert a.full == "Éric Béranger"


@pytest.mark.parametrize("raw,given,surname", [
    ("BENHAMOU Yacine", "Yacine", "Benhamou"),
    ("Benhamou Yacine", "Yacine", "Benhamou"),
    ("Fatoumata Sissoko", "Fatoumata", "Sissoko"),
    ("Sissoko Fatoumata", "Fatoumata", "Sissoko"),
    ("Awa Diallo", "Awa", "Diallo"),
    ("Traoré Sékou", "Sékou", "Traoré"),
    ("Boukhari Hafida", "Hafida", "Boukhari"),
    ("Oliveira Joaquim", "Joaquim", "Oliveira"),
    ("Demir Zeynep", "Zeynep", "Demir"),
    ("Beridze Tamar", "Tamar", "Beridze"),
    ("Kerouédan Nolwenn", "Nolwenn", "Kerouédan"),
])
def test_given_names_of_many_origins_tell_the_order(raw, given, surname):
    person = normalise(raw)
    assert (person.given, person.surname) == (given, surname)


@pytest.mark.parametrize("word", ["ville", "mission", "france", "agence", "conseil", "service",
                                  "saint", "mai", "avril", "lorraine", "maurice", "grace", "viet", "nam"])
def test_administrative_words_are_not_given_names(word):
    from analysis.lexicons import given_names
    assert word not in given_names()


@pytest.mark.parametrize("text", ["Coopération avec le Viet Nam", "Partenariat Hai Phong",
                                  "Ville de Valence", "Région Lorraine", "France Volontaires"])
def test_places_are_not_people(text):
    assert find_people(text) == []
