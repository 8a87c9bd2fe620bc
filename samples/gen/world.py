"""Foreign countries (French names, with their prepositions), partner
collectivités abroad and the names of their people."""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    name: str        # canonical French name, as in the truth
    en: str          # "au Sénégal", "en Tunisie", "aux Comores", "à Madagascar"
    de: str          # "du Sénégal", "de Tunisie", "des Comores", "de Madagascar"
    adj_f: str       # "sénégalaise"
    region: str      # key into FOREIGN_NAMES
    capital: str
    partners: tuple[tuple[str, str], ...]  # (partner collectivité, its city)


COUNTRIES = [
    Country("Sénégal", "au Sénégal", "du Sénégal", "sénégalaise", "ouest", "Dakar",
            (("Commune de Ziguinchor", "Ziguinchor"), ("Département de Podor", "Podor"),
             ("Ville de Saint-Louis", "Saint-Louis"), ("Conseil départemental de Kaolack", "Kaolack"))),
    Country("Bénin", "au Bénin", "du Bénin", "béninoise", "ouest", "Cotonou",
            (("Commune de Bohicon", "Bohicon"), ("Commune d'Abomey", "Abomey"),
             ("Commune de Ouidah", "Ouidah"))),
    Country("Togo", "au Togo", "du Togo", "togolaise", "ouest", "Lomé",
            (("Commune de Tsévié", "Tsévié"), ("Commune d'Atakpamé", "Atakpamé"),
             ("Commune de Sokodé", "Sokodé"))),
    Country("Côte d'Ivoire", "en Côte d'Ivoire", "de Côte d'Ivoire", "ivoirienne", "ouest", "Abidjan",
            (("Commune de Bouaké", "Bouaké"), ("Région du Gbêkê", "Bouaké"),
             ("Commune de Grand-Bassam", "Grand-Bassam"))),
    Country("Cameroun", "au Cameroun", "du Cameroun", "camerounaise", "centre", "Yaoundé",
            (("Commune de Dschang", "Dschang"), ("Communauté urbaine de Bafoussam", "Bafoussam"))),
    Country("Madagascar", "à Madagascar", "de Madagascar", "malgache", "malgache", "Antananarivo",
            (("Commune urbaine d'Antsirabe", "Antsirabe"), ("Région Atsinanana", "Toamasina"),
             ("Commune de Mahajanga", "Mahajanga"))),
    Country("Maroc", "au Maroc", "du Maroc", "marocaine", "maghreb", "Rabat",
            (("Commune d'Essaouira", "Essaouira"), ("Région de l'Oriental", "Oujda"),
             ("Commune de Chefchaouen", "Chefchaouen"))),
    Country("Tunisie", "en Tunisie", "de Tunisie", "tunisienne", "maghreb", "Tunis",
            (("Commune de Kairouan", "Kairouan"), ("Municipalité de Sousse", "Sousse"),
             ("Commune de Mahdia", "Mahdia"))),
    Country("Liban", "au Liban", "du Liban", "libanaise", "levant", "Beyrouth",
            (("Municipalité de Byblos", "Byblos"), ("Union des municipalités du Chouf", "Deir el-Qamar"))),
    Country("Arménie", "en Arménie", "d'Arménie", "arménienne", "armenie", "Erevan",
            (("Communauté de Goris", "Goris"), ("Région du Lori", "Vanadzor"))),
    Country("Géorgie", "en Géorgie", "de Géorgie", "géorgienne", "georgie", "Tbilissi",
            (("Municipalité de Koutaïssi", "Koutaïssi"), ("Municipalité de Telavi", "Telavi"))),
    Country("Ukraine", "en Ukraine", "d'Ukraine", "ukrainienne", "ukraine", "Kyiv",
            (("Ville de Tchernivtsi", "Tchernivtsi"), ("Conseil municipal de Lviv", "Lviv"))),
    Country("Roumanie", "en Roumanie", "de Roumanie", "roumaine", "roumanie", "Bucarest",
            (("Municipalité de Iași", "Iași"), ("Județ de Sibiu", "Sibiu"))),
    Country("Moldavie", "en Moldavie", "de Moldavie", "moldave", "roumanie", "Chișinău",
            (("Ville de Soroca", "Soroca"), ("District de Cahul", "Cahul"))),
    Country("Viêt Nam", "au Viêt Nam", "du Viêt Nam", "vietnamienne", "asie", "Hanoï",
            (("Comité populaire de la province de Thừa Thiên-Huế", "Huế"),
             ("Comité populaire de Hải Dương", "Hải Dương"))),
    Country("Cambodge", "au Cambodge", "du Cambodge", "cambodgienne", "asie", "Phnom Penh",
            (("Province de Siem Reap", "Siem Reap"), ("Municipalité de Battambang", "Battambang"))),
    Country("Laos", "au Laos", "du Laos", "laotienne", "asie", "Vientiane",
            (("Province de Luang Prabang", "Luang Prabang"),)),
    Country("Haïti", "en Haïti", "d'Haïti", "haïtienne", "haiti", "Port-au-Prince",
            (("Commune de Jacmel", "Jacmel"), ("Commune des Cayes", "Les Cayes"))),
    Country("Brésil", "au Brésil", "du Brésil", "brésilienne", "bresil", "Brasília",
            (("Préfecture de Curitiba", "Curitiba"), ("État du Paraná", "Curitiba"))),
    Country("Chili", "au Chili", "du Chili", "chilienne", "latam", "Santiago",
            (("Municipalité de Valparaíso", "Valparaíso"), ("Région du Biobío", "Concepción"))),
    Country("Pérou", "au Pérou", "du Pérou", "péruvienne", "latam", "Lima",
            (("Municipalité provinciale de Cusco", "Cusco"), ("Région d'Arequipa", "Arequipa"))),
    Country("Mexique", "au Mexique", "du Mexique", "mexicaine", "latam", "Mexico",
            (("Municipalité d'Oaxaca de Juárez", "Oaxaca"), ("État du Yucatán", "Mérida"))),
    Country("Mauritanie", "en Mauritanie", "de Mauritanie", "mauritanienne", "maghreb", "Nouakchott",
            (("Commune de Nouadhibou", "Nouadhibou"), ("Région du Gorgol", "Kaédi"))),
    Country("Comores", "aux Comores", "des Comores", "comorienne", "comores", "Moroni",
            (("Commune de Mutsamudu", "Mutsamudu"),)),
    Country("Cap-Vert", "au Cap-Vert", "du Cap-Vert", "cap-verdienne", "lusophone", "Praia",
            (("Municipalité de Mindelo", "Mindelo"),)),
    Country("Guinée", "en Guinée", "de Guinée", "guinéenne", "ouest", "Conakry",
            (("Commune urbaine de Kindia", "Kindia"),)),
    Country("Colombie", "en Colombie", "de Colombie", "colombienne", "latam", "Bogota",
            (("Mairie de Medellín", "Medellín"),)),
    Country("Territoires palestiniens", "dans les Territoires palestiniens",
            "des Territoires palestiniens", "palestinienne", "levant", "Ramallah",
            (("Municipalité de Bethléem", "Bethléem"), ("Municipalité de Naplouse", "Naplouse"))),
]
COUNTRY = {c.name: c for c in COUNTRIES}

# People of these regions are named in Western order (first name, then
# surname), so "Prénom Nom" is well defined; counterparts in Asia are named by
# their function only (name order would make the truth ambiguous).
FOREIGN_NAMES = {
    "ouest": ("Amadou Mamadou Ousmane Moussa Ibrahima Koffi Kossi Yao Séraphin Boubacar Salif "
              "Abdoulaye Cheikh Modou Komi Désiré Aristide",
              "Fatou Aminata Aïssatou Kadiatou Akossiwa Adjoa Honorine Mariam Rokhaya Awa Ndèye "
              "Afi Clarisse Bintou",
              "Diop Ndiaye Sow Fall Ba Sarr Faye Diouf Coulibaly Keïta Agbodjan Kpodar Houngbédji "
              "Adjovi Koné Touré Konaté Gbaguidi Amoussou Kouassi Yao Djaha Camara Soumah"),
    "centre": ("Jean-Claude Emmanuel Blaise Achille Hervé Serge Armand",
               "Brigitte Pélagie Josiane Solange Viviane Rosine",
               "Mbarga Nkoulou Fotso Tchoupo Kamga Nana Tchinda Ngo Biyong Essomba"),
    "malgache": ("Hery Andry Tiana Fidy Mamy Rivo Naina",
                 "Voahangy Fanja Lalao Haingo Tahina Nirina",
                 "Rakotomalala Randrianarisoa Razafindrakoto Andriamanana Rasoanaivo "
                 "Ravelojaona Rakotondrabe"),
    "maghreb": ("Karim Youssef Mohamed Hichem Rachid Anouar Mehdi Sidi Mounir",
                "Nadia Samira Leïla Amina Khadija Salma Imane Houda Mariem",
                "Benali El Amrani Bennani Trabelsi Ben Salah Bouzid Mansouri Chaoui El Idrissi "
                "Ould Cheikh Jaziri Gharbi"),
    "levant": ("Rami Ziad Georges Fadi Khalil Samer",
               "Nour Rania Maya Layla Rima Hala",
               "Khoury Saadé Nasser Haddad Aoun Karam Salameh Abu Eid"),
    "armenie": ("Armen Aram Tigran Hovhannes Gevorg", "Anahit Lilit Mariam Ani Nune",
                "Petrosyan Hakobyan Grigoryan Sargsyan Avetisyan"),
    "georgie": ("Giorgi Levan Davit Irakli", "Nino Tamar Ketevan Mariam",
                "Beridze Kapanadze Gelashvili Lomidze Tsiklauri"),
    "ukraine": ("Andriy Oleksandr Mykola Taras Serhiy", "Olena Iryna Oksana Nataliia Halyna",
                "Kovalenko Savchenko Bondarenko Tkachenko Melnyk Kravchuk"),
    "roumanie": ("Mihai Andrei Radu Ion Vasile Dorin", "Ioana Andreea Elena Maria Cristina",
                 "Popescu Ionescu Dumitru Stan Munteanu Rusu Ciobanu"),
    "haiti": ("Jean-Robert Wilner Frantz Jocelyn Réginald", "Marie-Carmel Guerline Nadège Rose-Marie",
              "Pierre-Louis Joseph Célestin Jean-Baptiste Désir Augustin Saint-Fleur"),
    "bresil": ("João Paulo Rodrigo Thiago Marcelo", "Ana Luíza Fernanda Juliana Camila",
               "Oliveira Souza Carvalho Ferreira Almeida Ribeiro Barbosa"),
    "latam": ("Luis Diego Jorge Andrés Carlos Javier", "Carmen Paola Lucía Daniela Gabriela",
              "González Ramírez Quispe Mamani Fernández Torres Rojas Gutiérrez"),
    "comores": ("Said Ahmed Abdallah Nassur", "Zaharia Faïza Mariama Anrafa",
                "Msaidié Hamadi Abdou Mzé Soilihi"),
    "lusophone": ("Carlos José Eurico Nelson", "Maria Ivone Edna Celeste",
                  "Monteiro Tavares Fortes Semedo Lopes"),
}


@dataclass(frozen=True)
class Foreigner:
    first: str
    surname: str
    gender: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"

    @property
    def last(self) -> str:
        return self.surname

    def g(self, masc: str, fem: str) -> str:
        return fem if self.gender == "f" else masc

    def written(self, style: str) -> str:
        civ = "Mme" if self.gender == "f" else "M."
        return {"plain": self.name, "civ": f"{civ} {self.name}",
                "civ_upper": f"{civ} {self.first} {self.surname.upper()}",
                "upper_first": f"{self.surname.upper()} {self.first}",
                "upper_last": f"{self.first} {self.surname.upper()}",
                "dr": f"Dr {self.name}", "pr": f"Pr {self.name}",
                "civ_long": f"{civ} {self.name}"}.get(style, f"{civ} {self.name}")


class ForeignPool:
    """Foreign people, drawn without replacement per region."""

    def __init__(self, seed: int):
        self._rng = random.Random(f"{seed}:foreign")
        self._used: set[str] = set()
        self._surnames: set[str] = set()
        self._firsts: set[str] = set()

    def draw(self, region: str) -> Foreigner:
        males, females, surnames = (s.split() for s in FOREIGN_NAMES[region])
        if region == "maghreb":  # two-word surnames
            surnames = _rejoin(FOREIGN_NAMES[region][2], ("El ", "Ben ", "Ould "))
        if region in ("centre", "levant"):
            surnames = _rejoin(FOREIGN_NAMES[region][2], ("Ngo ", "Abu "))
        for attempt in range(1000):
            gender = self._rng.choice("fm")
            person = Foreigner(self._rng.choice(females if gender == "f" else males),
                               self._rng.choice(surnames), gender)
            # Distinct surnames and first names while the bank allows, distinct full names always.
            if person.name not in self._used and person.first != person.surname and (
                    attempt > 300 or (person.surname not in self._surnames
                                      and (attempt > 100 or person.first not in self._firsts))):
                self._used.add(person.name)
                self._surnames.add(person.surname)
                self._firsts.add(person.first)
                return person
        raise RuntimeError(f"banque de noms épuisée : {region}")


def _rejoin(words: str, prefixes: tuple[str, ...]) -> list[str]:
    """'El Amrani' is one surname: glue known prefixes to the next word."""
    out, pending = [], ""
    for w in words.split():
        if (w + " ") in prefixes:
            pending = w + " "
            continue
        out.append(pending + w)
        pending = ""
    return out


FEMININE = {"commune", "ville", "région", "communauté", "municipalité", "union", "province",
            "préfecture", "mairie"}


def partner_the(name: str) -> str:
    """'Commune de Dschang' -> 'la commune de Dschang' for running text."""
    head, _, rest = name.partition(" ")
    low = head.lower()
    if low in ("état",):
        return f"l'{name}"
    if low[0] in "aeiouéè":
        return f"l'{low} {rest}"
    return f"{'la' if low in FEMININE else 'le'} {low} {rest}"
