"""Invented French people and the ways officials write their names.

Every person is drawn once from a seeded pool (no replacement), so the same
invented person never shows up in two submissions by accident.  The truth
always holds the normalised form "Prénom Nom", particles as written
("Anne de La Tour", "Jean-Pierre Le Gall").
"""
from __future__ import annotations

import random
from dataclasses import dataclass

FIRST_F = """Marie Anne Claire Sophie Isabelle Nathalie Catherine Sylvie Valérie Christine
Hélène Céline Aurélie Émilie Julie Camille Laure Élodie Sandrine Véronique Agnès Brigitte
Françoise Martine Pascale Delphine Stéphanie Virginie Mélanie Caroline Florence Béatrice
Gaëlle Maëlle Anaïs Chloé Zoé Noémie Léa Manon Inès Léonie Margaux Solène Clémence Mathilde
Marion Pauline Amandine Géraldine Muriel Odile Annick Maryvonne Gwenaëlle Morgane Armelle
Nadia Samira Leïla Yasmina Fatima Aïcha Karima Sonia Fatou Aminata Linh Mai Lucie Eléonore
Josiane Ghislaine Bérénice Perrine Ségolène Marine Coralie Rachel Sarah Judith Myriam
Anne-Sophie Marie-Hélène Anne-Laure Marie-Christine Marie-Pierre Anne-Claire Marie-Laure""".split()

FIRST_M = """Jean Pierre Michel Philippe Alain Patrick Nicolas Christophe Laurent Frédéric
Stéphane Éric Olivier Thierry Pascal Didier Sébastien Julien Vincent François Bruno Hervé
Jérôme Benoît Gilles Denis Xavier Arnaud Yannick Loïc Gaël Ronan Erwan Tanguy Mathieu
Guillaume Romain Maxime Thomas Antoine Hugo Lucas Théo Raphaël Noël Joël Gaëtan Anthony
Cédric Fabrice Régis Rémi Jacques Daniel Bernard Gérard Dominique Yves André René Marc
Karim Mehdi Samir Farid Rachid Nabil Youssef Mamadou Moussa Ibrahima Kevin Florian Damien
Jean-Pierre Jean-Marc Jean-Luc Jean-Baptiste Jean-François Pierre-Yves Marc-Antoine
Paul-Henri Louis-Marie Jean-Michel""".split()


def _surnames() -> list[str]:
    # Surnames written with a space or a hyphen are listed apart from the split bank.
    raw = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent
Lefèbvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier
Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry
Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin
Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer
Lucas Meunier Perez Marchand Dufour Blanchard Barbier Brun Dumas Brunet Schmitt Leroux Colin
Fernandez Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard
Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier Rodriguez Hubert Charles Guillot Rivière
Guillou Quéré Kerbrat Ménard Hoarau Payet Grondin Étienne Lévêque Bénard Thébault Crépin Kessler
Schneider Haddad Benali Diallo Traoré Ndiaye Ferreira Pereira Rossi Bianchi Nowak Kowalski
Carpentier Baron Bailly Hervé Collet Cordier Tessier Prévost Marty Leblanc Hamon Huet Poulain
Bouvier Maillard Germain Langlois Poirier Charpentier Bertin Rey Benoît Pichon Maréchal Jacquet
Barre Cousin Lebrun Gilbert Texier Weber Carré Royer Aubry Delmas Courtois Collin Bodin
Tanguy Guillemot Jolivet Morvan Riou Cadiou Pelletier Hardy Besnard Vasseur Deschamps Levasseur
Delaunay Lemercier Pasquier Gosselin Thibault Vallée Marchal Brunel Laporte Parent Rigaud Lacombe
Chauvin Bouchet Navarro Lejeune Humbert Pons Gros Joubert Millet Antoine Moulin
Bousquet Cartier Camus Bouquet Sauvage Chevallier Perret Fleury Ollivier Lemonnier Boucher
Jourdan Devaux Lebon Lainé Klein Mallet Barthélemy Coste Bouchard Vaillant Delattre Fouquet
Hamel Imbert Jacob Lamy Drouet Ferrand Pagès Lebreton Giraudeau Bonneau Castel Lecomte Ribeiro
Santos Teixeira Ferrari Romano Esposito Costa Marques Lopes Alves Mendes Hamdi Cherif Bouaziz
Mansour Saïdi Belkacem Amrani Touati Kaci Tran Pham Truong Lam Chevrier Dubreuil Sabatier
Gaudin Lesage Lagarde Maurel Peyrot Balland Faucher Ricard Sellier Chabert Viard Grosjean
Moisan Bazin Barbe Allard Cochet Gibert Guichard Lamotte Renou Bréhéret Tardy Valette Pinel
Verdier Rochette Bérard Jaouen Bonnefoy Dutertre Lafitte Cazenave Etcheverry Harriet Iriarte
Lasserre Pujol Carrère Bordes Baylac Peyre Soulié Fabrègue Œillet Lœuillet"""
    names = raw.split()
    names += ["Le Gall", "Le Goff", "Le Roux", "Le Bihan", "Le Floch", "Le Bris", "Le Guen",
              "Le Corre", "Le Meur", "Le Moal", "Le Pape", "Le Duc", "Da Silva", "Dos Santos",
              "Di Meglio", "Del Rio", "Saint-Martin", "La Selve", "Van Damme", "Ben Salah"]
    names += ["Martin-Lefèvre", "Durand-Moreau", "Bertin-Mourot", "Mével-Kerhervé",
              "Lemaire-Dubois", "Garnier-Laval", "Roussel-Akoun", "Perrin-Cohen",
              "Fabre-Nogaret", "Morel-Le Tallec", "Ricard-Benoît", "Cazals-Vidal"]
    return sorted(set(names))


# Particle surnames: (particle as written, core).  "de La Tour" upper-cases as "de LA TOUR".
PARTICLE_SURNAMES = [("de ", "La Tour"), ("de ", "Villeneuve"), ("de ", "Montigny"),
                     ("d'", "Arcy"), ("d'", "Aubigny"), ("du ", "Plessis"), ("de ", "Kergariou"),
                     ("des ", "Rosiers"), ("de ", "La Roche"), ("du ", "Pontavice"),
                     ("de ", "Saint-Aubert"), ("d'", "Harcourt-Vial"), ("de ", "Lestrange"),
                     ("de ", "Boisgelin"), ("du ", "Chastel"), ("de ", "Vaucelles")]


@dataclass(frozen=True)
class Person:
    first: str
    surname: str          # core part, as written in mixed case ("La Tour", "Le Gall")
    gender: str           # "f" or "m"
    particle: str = ""    # "de ", "d'", "du ", "des "

    @property
    def name(self) -> str:
        """Normalised "Prénom Nom" used in the truth."""
        return f"{self.first} {self.particle}{self.surname}"

    @property
    def last(self) -> str:
        return f"{self.particle}{self.surname}"

    @property
    def last_upper(self) -> str:
        return f"{self.particle}{self.surname.upper()}"

    @property
    def civ(self) -> str:
        return "Mme" if self.gender == "f" else "M."

    @property
    def civ_long(self) -> str:
        return "Madame" if self.gender == "f" else "Monsieur"

    def g(self, masc: str, fem: str) -> str:
        """Pick the grammatical form matching this person."""
        return fem if self.gender == "f" else masc

    def written(self, style: str) -> str:
        """The name as a document writes it."""
        return {
            "plain": self.name,
            "civ": f"{self.civ} {self.name}",
            "civ_upper": f"{self.civ} {self.first} {self.last_upper}",
            "upper_first": f"{self.last_upper} {self.first}",
            "upper_last": f"{self.first} {self.last_upper}",
            "dr": f"Dr {self.name}",
            "pr": f"Pr {self.first} {self.last_upper}",
            "civ_long": f"{self.civ_long} {self.first} {self.last_upper}",
        }[style]


NAME_STYLES = ["plain", "civ", "civ", "civ_upper", "civ_upper", "upper_first", "upper_last"]


class PeoplePool:
    """Seeded draws without replacement.  Surnames are kept unique across the
    whole sample set for as long as the bank allows, full names always."""

    def __init__(self, seed: int):
        rng = random.Random(f"{seed}:people")
        self._rng = rng
        surnames = [("", s) for s in _surnames()] + PARTICLE_SURNAMES
        rng.shuffle(surnames)
        self._surnames = surnames
        self._used_names: set[str] = set()
        self._next = 0

    def draw(self, gender: str | None = None, first: str | None = None) -> Person:
        gender = gender or self._rng.choice("fm")
        while True:
            particle, surname = self._surnames[self._next % len(self._surnames)]
            self._next += 1
            given = first or self._rng.choice(FIRST_F if gender == "f" else FIRST_M)
            person = Person(given, surname, gender, particle)
            if person.name not in self._used_names:
                self._used_names.add(person.name)
                return person

    def draw_many(self, n: int) -> list[Person]:
        return [self.draw() for _ in range(n)]
