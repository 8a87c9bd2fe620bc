"""Applicants: collectivités, their groupings and associations of elected
officials (eligible), and bodies that are not (consultancies, a university
alone, an NGO...).  Real place names, invented content and people."""
from __future__ import annotations

from dataclasses import dataclass

VOWELS = "AEIOUYÉÈÊÂÎÔÛaeiouyéèêâîôû"


def of_place(city: str) -> str:
    """'de Pornic', 'd'Eymoutiers'."""
    return f"d'{city}" if city[0] in VOWELS else f"de {city}"


@dataclass(frozen=True)
class Applicant:
    name: str                 # as the truth holds it
    type: str                 # contract applicant.type
    article: str              # "la ", "le ", "l'", "" — before the name in running text
    city: str                 # for "Fait à ..."
    address: str
    size: str                 # "63 000 habitants", "27 communes et 220 000 habitants"
    staff: str                # "1 800 agents"
    short: str                # how the text refers to itself: "la Ville", "la Métropole"
    aliases: tuple[str, ...] = ()   # other names used in the documents ("CD 35")
    sub: str = ""             # subtype for wording: ville, metropole, agglo, cc, syndicat...
    department_no: str = ""
    staff_kind: str = ""      # for ineligible bodies: who their people are

    @property
    def the(self) -> str:
        return f"{self.article}{self.name}"

    @property
    def of_the(self) -> str:
        return {"la ": "de la ", "le ": "du ", "l'": "de l'"}.get(
            self.article, "d'" if self.name[0] in VOWELS else "de ") + self.name

    @property
    def to_the(self) -> str:
        return {"la ": "à la ", "le ": "au ", "l'": "à l'"}.get(self.article, "à ") + self.name

    @property
    def eligible(self) -> bool:
        return self.type != "autre"

    @property
    def short_of(self) -> str:
        """'de la Ville', 'du Département', 'de l'Association'."""
        s = self.short
        if s.startswith("le "):
            return "du " + s[3:]
        if s.startswith("la ") or s.startswith("l'"):
            return "de " + s
        return "de " + s

    @property
    def assembly(self) -> str:
        return ASSEMBLY[self.sub or self.type]

    def executive(self, gender: str) -> str:
        masc, fem = EXECUTIVE[self.sub or self.type]
        return fem if gender == "f" else masc

    def elected_title(self, gender: str, a: str, de: str, city: str, variant: int) -> str:
        """An elected official's title; `city` is a member commune for associations."""
        forms = ELECTED[self.type]
        masc, fem = forms[variant % len(forms)]
        text = (fem if gender == "f" else masc).format(a=a, de=de, city=city)
        return text.replace(f"de {city}", of_place(city)) if city else text


ASSEMBLY = {
    "commune": "conseil municipal", "epci": "conseil communautaire",
    "metropole": "conseil de la métropole", "syndicat": "comité syndical",
    "departement": "conseil départemental", "region": "conseil régional",
    "association_elus": "conseil d'administration", "autre": "conseil d'administration",
    "cabinet": "", "universite": "conseil d'administration",
}

EXECUTIVE = {
    "commune": ("Le Maire", "La Maire"), "epci": ("Le Président", "La Présidente"),
    "metropole": ("Le Président", "La Présidente"), "syndicat": ("Le Président", "La Présidente"),
    "departement": ("Le Président du Conseil départemental", "La Présidente du Conseil départemental"),
    "region": ("Le Président du Conseil régional", "La Présidente de la Région"),
    "association_elus": ("Le Président", "La Présidente"), "autre": ("Le Président", "La Présidente"),
    "cabinet": ("Le Gérant", "La Gérante"),
    "universite": ("Le Président de l'Université", "La Présidente de l'Université"),
}

# Elected officials' titles; {a} / {de} are the delegation ("à l'eau", "de l'eau").
ELECTED = {
    "commune": [("Adjoint au maire délégué {a}", "Adjointe au maire déléguée {a}"),
                ("Conseiller municipal délégué {a}", "Conseillère municipale déléguée {a}"),
                ("Maire-adjoint chargé {de}", "Maire-adjointe chargée {de}")],
    "epci": [("Vice-président chargé {de}", "Vice-présidente chargée {de}"),
             ("Conseiller communautaire délégué {a}", "Conseillère communautaire déléguée {a}")],
    "departement": [("Vice-président du Conseil départemental chargé {de}",
                     "Vice-présidente du Conseil départemental chargée {de}"),
                    ("Conseiller départemental délégué {a}", "Conseillère départementale déléguée {a}")],
    "region": [("Vice-président de la Région chargé {de}", "Vice-présidente de la Région chargée {de}"),
               ("Conseiller régional délégué {a}", "Conseillère régionale déléguée {a}")],
    "association_elus": [("Vice-président de l'association, maire de {city}",
                          "Vice-présidente de l'association, maire de {city}"),
                         ("Administrateur de l'association, adjoint au maire délégué {a}",
                          "Administratrice de l'association, adjointe au maire déléguée {a}")],
}


def _a(name, type_, article, city, address, size, staff, short, aliases=(), sub="", dep="",
       staff_kind=""):
    return Applicant(name, type_, article, city, address, size, staff, short, tuple(aliases),
                     sub, dep, staff_kind)


APPLICANTS = [
    # communes
    _a("Ville de Quimper", "commune", "la ", "Quimper", "44, place Saint-Corentin – 29000 Quimper",
       "63 000 habitants", "1 100 agents", "la Ville", ["Mairie de Quimper"], dep="29"),
    _a("Mairie de Saint-Nazaire", "commune", "la ", "Saint-Nazaire",
       "Place François-Blancho – 44600 Saint-Nazaire", "71 000 habitants", "1 600 agents",
       "la Ville", ["Ville de Saint-Nazaire"], dep="44"),
    _a("Ville de Villeurbanne", "commune", "la ", "Villeurbanne",
       "Place Lazare-Goujon – 69100 Villeurbanne", "155 000 habitants", "2 400 agents", "la Ville"),
    _a("Ville de Montauban", "commune", "la ", "Montauban", "9, rue de l'Hôtel-de-Ville – 82000 Montauban",
       "61 000 habitants", "1 000 agents", "la Ville"),
    _a("Ville de Lorient", "commune", "la ", "Lorient", "2, boulevard du Général-Leclerc – 56100 Lorient",
       "57 000 habitants", "1 050 agents", "la Ville"),
    _a("Ville d'Angoulême", "commune", "la ", "Angoulême", "1, place de l'Hôtel-de-Ville – 16000 Angoulême",
       "42 000 habitants", "850 agents", "la Ville"),
    _a("Ville de Chambéry", "commune", "la ", "Chambéry", "Place de l'Hôtel-de-Ville – 73000 Chambéry",
       "60 000 habitants", "1 200 agents", "la Ville"),
    _a("Ville de Niort", "commune", "la ", "Niort", "Place Martin-Bastard – 79000 Niort",
       "60 000 habitants", "1 300 agents", "la Ville"),
    _a("Ville de Bayonne", "commune", "la ", "Bayonne", "1, avenue Maréchal-Leclerc – 64100 Bayonne",
       "52 000 habitants", "980 agents", "la Ville"),
    _a("Ville d'Albi", "commune", "la ", "Albi", "16, rue de l'Hôtel-de-Ville – 81000 Albi",
       "49 000 habitants", "900 agents", "la Ville"),
    _a("Ville d'Arles", "commune", "la ", "Arles", "Place de la République – 13200 Arles",
       "51 000 habitants", "1 150 agents", "la Ville"),
    _a("Ville de Colmar", "commune", "la ", "Colmar", "1, place de la Mairie – 68000 Colmar",
       "67 000 habitants", "1 250 agents", "la Ville"),
    _a("Ville du Mans", "commune", "la ", "Le Mans", "Place Saint-Pierre – 72000 Le Mans",
       "145 000 habitants", "2 300 agents", "la Ville"),
    _a("Ville des Abymes", "commune", "la ", "Les Abymes", "Rue Achille-René-Boisneuf – 97139 Les Abymes",
       "53 000 habitants", "1 400 agents", "la Ville"),
    _a("Commune de Saint-Laurent-du-Maroni", "commune", "la ", "Saint-Laurent-du-Maroni",
       "Place de la Mairie – 97320 Saint-Laurent-du-Maroni", "50 000 habitants", "700 agents",
       "la Commune"),
    _a("Mairie d'Annecy", "commune", "la ", "Annecy", "1, place de l'Hôtel-de-Ville – 74000 Annecy",
       "131 000 habitants", "2 000 agents", "la Ville", ["Ville d'Annecy"]),
    _a("Commune de Plougastel-Daoulas", "commune", "la ", "Plougastel-Daoulas",
       "1, rue Jean-Baptiste-Guéguen – 29470 Plougastel-Daoulas", "13 000 habitants", "190 agents",
       "la Commune"),
    _a("Ville de Pantin", "commune", "la ", "Pantin", "84-88, avenue du Général-Leclerc – 93500 Pantin",
       "60 000 habitants", "1 300 agents", "la Ville"),
    _a("Ville de Lons-le-Saunier", "commune", "la ", "Lons-le-Saunier",
       "4, rue Pasteur – 39000 Lons-le-Saunier", "17 000 habitants", "330 agents", "la Ville"),
    _a("Ville de Saint-Pierre", "commune", "la ", "Saint-Pierre", "Rue Méziaire-Guignard – 97410 Saint-Pierre",
       "85 000 habitants", "1 700 agents", "la Ville"),
    # intercommunalités
    _a("Communauté d'agglomération du Pays Basque", "epci", "la ", "Bayonne",
       "15, avenue du Maréchal-Foch – 64100 Bayonne", "158 communes et 316 000 habitants",
       "1 500 agents", "l'Agglomération", sub="epci"),
    _a("Métropole Rouen Normandie", "epci", "la ", "Rouen", "108, allée François-Mitterrand – 76000 Rouen",
       "71 communes et 490 000 habitants", "2 000 agents", "la Métropole", sub="metropole"),
    _a("Grand Poitiers Communauté urbaine", "epci", "", "Poitiers", "84, rue des Carmélites – 86000 Poitiers",
       "40 communes et 195 000 habitants", "2 300 agents", "la Communauté urbaine", sub="epci"),
    _a("Communauté de communes du Val d'Amboise", "epci", "la ", "Amboise",
       "9 bis, rue d'Orange – 37400 Amboise", "14 communes et 28 000 habitants", "210 agents",
       "la Communauté de communes", sub="epci"),
    _a("Syndicat intercommunal d'alimentation en eau potable du Lodévois", "epci", "le ", "Lodève",
       "Avenue de la République – 34700 Lodève", "28 communes et 24 000 abonnés", "45 agents",
       "le Syndicat", ["SIAEP du Lodévois"], sub="syndicat"),
    _a("Eurométropole de Strasbourg", "epci", "l'", "Strasbourg", "1, parc de l'Étoile – 67000 Strasbourg",
       "33 communes et 505 000 habitants", "7 000 agents", "l'Eurométropole", sub="metropole"),
    _a("Brest métropole", "epci", "", "Brest", "24, rue Coat-ar-Guéven – 29200 Brest",
       "8 communes et 213 000 habitants", "2 700 agents", "la Métropole", sub="metropole"),
    _a("Communauté urbaine de Dunkerque", "epci", "la ", "Dunkerque",
       "Pertuis de la Marine – 59140 Dunkerque", "17 communes et 195 000 habitants",
       "1 400 agents", "la Communauté urbaine", ["CUD"], sub="epci"),
    _a("Communauté d'agglomération Cap Excellence", "epci", "la ", "Pointe-à-Pitre",
       "Immeuble Karukera – 97110 Pointe-à-Pitre", "3 communes et 100 000 habitants", "600 agents",
       "l'Agglomération", sub="epci"),
    _a("Syndicat mixte de valorisation des déchets de Cornouaille", "epci", "le ", "Quimper",
       "ZA de Kerdroniou – 29000 Quimper", "4 intercommunalités et 250 000 habitants", "85 agents",
       "le Syndicat", ["SMVD Cornouaille"], sub="syndicat"),
    _a("Lorient Agglomération", "epci", "", "Lorient", "Maison de l'Agglomération – 56100 Lorient",
       "25 communes et 205 000 habitants", "1 100 agents", "l'Agglomération", sub="epci"),
    _a("Pays de Montbéliard Agglomération", "epci", "", "Montbéliard",
       "8, avenue des Alliés – 25200 Montbéliard", "72 communes et 140 000 habitants", "900 agents",
       "l'Agglomération", ["PMA"], sub="epci"),
    _a("Communauté de communes du Haut-Jura Saint-Claude", "epci", "la ", "Saint-Claude",
       "3, chemin du Champ-de-Mars – 39200 Saint-Claude", "30 communes et 22 000 habitants",
       "150 agents", "la Communauté de communes", sub="epci"),
    _a("Montpellier Méditerranée Métropole", "epci", "", "Montpellier",
       "50, place Zeus – 34000 Montpellier", "31 communes et 500 000 habitants", "4 900 agents",
       "la Métropole", ["3M"], sub="metropole"),
    # départements
    _a("Conseil départemental d'Ille-et-Vilaine", "departement", "le ", "Rennes",
       "1, avenue de la Préfecture – 35042 Rennes Cedex", "1,1 million d'habitants", "4 400 agents",
       "le Département", ["CD 35", "Département d'Ille-et-Vilaine"], sub="departement", dep="35"),
    _a("Département de la Gironde", "departement", "le ", "Bordeaux",
       "1, esplanade Charles-de-Gaulle – 33074 Bordeaux Cedex", "1,6 million d'habitants",
       "6 800 agents", "le Département", ["CD 33"], sub="departement", dep="33"),
    _a("Département du Finistère", "departement", "le ", "Quimper",
       "32, boulevard Dupleix – 29196 Quimper Cedex", "920 000 habitants", "3 600 agents",
       "le Département", ["Conseil départemental du Finistère"], sub="departement", dep="29"),
    _a("Conseil départemental de la Seine-Saint-Denis", "departement", "le ", "Bobigny",
       "Hôtel du Département – 93006 Bobigny Cedex", "1,6 million d'habitants", "8 000 agents",
       "le Département", ["CD 93"], sub="departement", dep="93"),
    _a("Département des Landes", "departement", "le ", "Mont-de-Marsan",
       "23, rue Victor-Hugo – 40025 Mont-de-Marsan Cedex", "420 000 habitants", "2 100 agents",
       "le Département", sub="departement", dep="40"),
    _a("Conseil départemental du Val-de-Marne", "departement", "le ", "Créteil",
       "Avenue du Général-de-Gaulle – 94054 Créteil Cedex", "1,4 million d'habitants",
       "7 500 agents", "le Département", ["CD 94"], sub="departement", dep="94"),
    _a("Département de l'Hérault", "departement", "le ", "Montpellier",
       "1000, rue d'Alco – 34087 Montpellier Cedex 4", "1,2 million d'habitants", "5 300 agents",
       "le Département", sub="departement", dep="34"),
    # régions
    _a("Région Occitanie", "region", "la ", "Toulouse", "22, boulevard du Maréchal-Juin – 31406 Toulouse Cedex 9",
       "6 millions d'habitants", "9 000 agents", "la Région", ["Région Occitanie / Pyrénées-Méditerranée"]),
    _a("Conseil régional de Bretagne", "region", "le ", "Rennes", "283, avenue du Général-Patton – 35711 Rennes Cedex 7",
       "3,4 millions d'habitants", "4 000 agents", "la Région", ["Région Bretagne"]),
    _a("Région Sud Provence-Alpes-Côte d'Azur", "region", "la ", "Marseille",
       "27, place Jules-Guesde – 13481 Marseille Cedex 20", "5,1 millions d'habitants",
       "8 500 agents", "la Région", ["Région Sud"]),
    _a("Région Normandie", "region", "la ", "Caen", "Abbaye-aux-Dames – 14035 Caen Cedex 1",
       "3,3 millions d'habitants", "5 000 agents", "la Région"),
    _a("Région Guadeloupe", "region", "la ", "Basse-Terre", "Avenue Paul-Lacavé – 97109 Basse-Terre",
       "380 000 habitants", "2 200 agents", "la Région", ["Conseil régional de la Guadeloupe"]),
    _a("Conseil régional des Hauts-de-France", "region", "le ", "Lille",
       "151, avenue du Président-Hoover – 59555 Lille Cedex", "6 millions d'habitants",
       "9 500 agents", "la Région", ["Région Hauts-de-France"]),
    # associations d'élus et réseaux de collectivités
    _a("Association nationale des élus du littoral", "association_elus", "l'", "Paris",
       "22, rue Joubert – 75009 Paris", "plus de 350 communes et intercommunalités littorales adhérentes",
       "8 salariés", "l'Association", ["ANEL"]),
    _a("Réseau des villes euro-méditerranéennes", "association_elus", "le ", "Marseille",
       "2, rue Henri-Barbusse – 13001 Marseille", "64 villes membres sur les deux rives de la Méditerranée",
       "6 salariés", "le Réseau", ["REVIMED"]),
    _a("Association des communes forestières de Nouvelle-Aquitaine", "association_elus", "l'", "Limoges",
       "Maison de la forêt – 87000 Limoges", "420 communes et intercommunalités forestières adhérentes",
       "11 salariés", "l'Association", ["COFOR NA"]),
    _a("Cités Solidaires France", "association_elus", "", "Paris",
       "9, rue Christiani – 75018 Paris", "180 collectivités territoriales adhérentes",
       "14 salariés", "notre réseau", ["CSF"]),
    _a("Association des maires ruraux du Morbihan", "association_elus", "l'", "Vannes",
       "12, rue du Port – 56000 Vannes", "190 communes rurales adhérentes", "3 salariés",
       "l'Association", ["AMR 56"]),
    _a("Réseau national des villes marchables", "association_elus", "le ", "Lyon",
       "20, rue Sébastien-Gryphe – 69007 Lyon", "95 villes et intercommunalités adhérentes",
       "5 salariés", "le Réseau"),
    _a("Association des petites villes patrimoniales de l'Ouest", "association_elus", "l'", "Vitré",
       "2, place du Château – 35500 Vitré", "48 communes de moins de 20 000 habitants",
       "4 salariés", "l'Association", ["APVPO"]),
    # not eligible
    _a("Cabinet Territoires & Coopération Conseil", "autre", "le ", "Lyon",
       "45, quai Rambaud – 69002 Lyon", "cabinet de conseil créé en 2009", "14 consultants",
       "le Cabinet", ["TCC SARL"], sub="cabinet", staff_kind="consultant"),
    _a("Urba-Expertise International SAS", "autre", "", "Nantes", "3, rue La Noue-Bras-de-Fer – 44200 Nantes",
       "bureau d'études en urbanisme et aménagement", "22 salariés", "notre société",
       sub="cabinet", staff_kind="consultant"),
    _a("Hydro Conseil Sud SARL", "autre", "", "Montpellier", "1350, avenue Albert-Einstein – 34000 Montpellier",
       "bureau d'études spécialisé dans l'ingénierie de l'eau", "9 ingénieurs", "notre bureau d'études",
       sub="cabinet", staff_kind="consultant"),
    _a("Université de Bretagne occidentale", "autre", "l'", "Brest", "3, rue des Archives – 29238 Brest Cedex 3",
       "22 000 étudiants", "1 800 enseignants-chercheurs et personnels", "l'Université",
       ["UBO"], sub="universite", staff_kind="academic"),
    _a("Solidarité Eau Sans Frontières", "autre", "", "Grenoble", "8, rue Hébert – 38000 Grenoble",
       "organisation non gouvernementale de solidarité internationale", "25 salariés et 300 bénévoles",
       "notre association", ["SESF"], staff_kind="ngo"),
    _a("Chambre d'agriculture de la Sarthe", "autre", "la ", "Le Mans", "15, rue Jean-Grémillon – 72013 Le Mans Cedex 2",
       "établissement public consulaire représentant les agriculteurs", "160 collaborateurs",
       "la Chambre", staff_kind="chamber"),
]

BY_NAME = {a.name: a for a in APPLICANTS}


def eligible() -> list[Applicant]:
    return [a for a in APPLICANTS if a.eligible]


def ineligible() -> list[Applicant]:
    return [a for a in APPLICANTS if not a.eligible]


INTL_SERVICES = ["Direction des relations internationales", "Mission Europe et international",
                 "Service des relations internationales et de la coopération décentralisée",
                 "Direction de l'attractivité et des relations internationales",
                 "Délégation à l'action internationale", "Pôle coopérations et solidarités internationales",
                 "Direction générale des services – Cellule international"]
