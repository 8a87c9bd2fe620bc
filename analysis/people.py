"""Person names as French administrations write them, and their normal form.

"DUPONT Marie", "Mme Marie Dupont", "M. Jean-Pierre LE GALL", "Dr Anne de La
Tour", "Marie DUPONT" all name someone; the normal form is "Prénom Nom" with
the surname in its usual case ("Le Gall", "de La Tour").  Which word is the
given name is told by capitals (a surname in capitals), by a lexicon of given
names, and otherwise by French usage (given name first).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons import experts_lexicon, given_names
from common.text import CIVILITY, fold

UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
LOW = "a-zàâäçéèêëîïôöùûüÿæœß"
CAP_WORD = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)*"          # Marie, Jean-Pierre
UPPER_WORD = rf"[{UP}][{UP}'’]+(?:-[{UP}][{UP}'’]+)*"       # DUPONT, LE, D'ORMESSON
PARTICLE = r"(?:de|du|des|d['’]|le|la|van|von|der|den|ben|el|da|dos|di|del)"
TITLE = CIVILITY
# A name word is never the start of a hyphenated common word ("Vice-présidente").
NAME_PART = rf"(?:{CAP_WORD}|{UPPER_WORD})(?!\w|-(?!\s*[:;,.]))"   # a stray OCR hyphen ("Kanté-:") may end one
# A run of 2-4 name words, particles allowed between them ("Anne de La Tour").
NAME_RUN = rf"{NAME_PART}(?:[ \u00a0]+(?:{PARTICLE}[ \u00a0]+|{PARTICLE}(?=[{UP}]))?{NAME_PART}){{1,3}}"
PERSON_RE = re.compile(rf"(?:(?P<title>{TITLE})[ \u00a0]+)?(?P<name>{NAME_RUN})")

# Capitalised words that start sentences or name things, never people.
NOT_NAME_WORDS = frozenset(fold(w) for w in """
ville mairie commune communaute metropole departement region conseil conseiller conseillere
direction directeur directrice service pole mission ministere agence universite centre hopital
association reseau federation syndicat objet madame monsieur le la les des un une et en au aux
pour par sur dans avec sans nous vous je il elle expert experts expertise equipe nom prenom fonction
qualifications qualification formation experience organisme structure president presidente maire adjoint
adjointe charge chargee chef cheffe responsable ingenieur ingenieure docteur professeur france francais
francaise label programme cooperation decentralisee rapport dossier candidature annexe piece pieces page
fait signe signature date lieu total oui non cv curriculum vitae etat republique liberte egalite fraternite
programme expe-ct daect dctciv meae ue onu pnud afd numero siret siren adresse telephone courriel code insee partie chapitre section article titre volet axe
""".split())


CIVILITIES = frozenset(experts_lexicon()["titles"])


def function_heads() -> frozenset[str]:
    """First words of the functions people hold ('directrice', 'chargé')."""
    global _FUNCTION_HEADS
    if _FUNCTION_HEADS is None:
        _FUNCTION_HEADS = frozenset(h.split()[0] for h in experts_lexicon()["function_heads"])
    return _FUNCTION_HEADS


_FUNCTION_HEADS: frozenset[str] | None = None


@dataclass(frozen=True)
class PersonName:
    given: str
    surname: str
    title: str | None = None

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}".strip()

    @property
    def key(self) -> str:
        """Accent-, case- and order-insensitive identity of a name."""
        return " ".join(sorted(fold(self.full).replace("-", " ").split()))


LOWER_PARTICLES = {"de", "du", "des", "d'", "van", "von"}


def _case_word(word: str) -> str:
    """DUPONT -> Dupont, LE-GALL -> Le-Gall, D'ORMESSON / d'ORMESSON -> d'Ormesson."""
    if not word.isupper() and not re.match(rf"^d['’][{UP}]{{2,}}", word):
        return word
    parts = re.split(r"(['’-])", word.lower())
    out = []
    for part in parts:
        out.append(part.capitalize() if part and part not in "'’-" else part)
    text = "".join(out)
    return re.sub(r"^D(['’])", r"d\1", text)


def _is_particle(word: str) -> bool:
    return fold(word).rstrip("'’") in {p.rstrip("'") for p in experts_lexicon()["particles"]}


def normalise(raw: str, title: str | None = None) -> PersonName | None:
    """'DUPONT Marie' -> Marie Dupont; None when the words cannot be a person."""
    words = [w for w in re.split(r"[ \u00a0]+", raw.strip().replace("’", "'")) if w]
    words = [w.rstrip(",;.") for w in words]
    if len(words) < 2 or any(fold(w) in NOT_NAME_WORDS for w in words if not _is_particle(w)):
        return None
    firsts = given_names()

    def is_given(w: str) -> bool:
        return all(part in firsts for part in fold(w).split("-") if part)

    upper = [w.isupper() and len(w) > 1 for w in words]
    lead = 0   # particles before a surname in capitals: "de MONTIGNY Anne-Claire"
    while lead < len(words) - 1 and not upper[lead] and _is_particle(words[lead]):
        lead += 1
    if 0 < lead < len(words) and upper[lead] and not all(upper[lead:]):
        split = upper.index(False, lead)
        surname, given = words[:split], words[split:]
    elif upper[0] and not all(upper):
        # "DUPONT Marie", "LE GALL Jean-Pierre": surname in capitals first.
        split = upper.index(False)
        surname, given = words[:split], words[split:]
    elif any(upper) and not upper[0]:
        split = upper.index(True)
        # Particles written in lower case belong to the surname ("Anne de LA TOUR").
        while split > 1 and _is_particle(words[split - 1]):
            split -= 1
        given, surname = words[:split], words[split:]
    elif not is_given(words[0]) and is_given(words[-1]) and len(words) == 2:
        surname, given = words[:1], words[1:]                 # "Dupont Marie"
    else:
        split = 1
        while split < len(words) - 1 and is_given(words[split]) and not _is_particle(words[split]):
            split += 1                                         # "Marie Claire Dupont"
        while split > 1 and _is_particle(words[split - 1]):
            split -= 1
        given, surname = words[:split], words[split:]
    if not given or not surname or all(_is_particle(w) for w in given):
        return None
    given_text = " ".join(_case_word(w) for w in given)
    surname_words = [_case_word(w) for w in surname]
    if surname_words and fold(surname_words[0]).replace("’", "'") in LOWER_PARTICLES:
        surname_words[0] = surname_words[0].lower()
    return PersonName(given=given_text, surname=" ".join(surname_words).replace("' ", "'"),
                      title=title)


@dataclass(frozen=True)
class PersonMention:
    name: PersonName
    start: int
    end: int


# Only where a name starts a cell, a line or an item: after a word, "de" is
# the preposition ("le rapport de DUPONT Marie").
LEADING_PARTICLES_RE = re.compile(r"(?:^|(?<=[\n(|,;:•–-]))\s*(?P<p>de la|de l'|du|des|de|d')\s?$")


def find_people(text: str) -> list[PersonMention]:
    """Person names in a text, by form (titles, capitals, given names)."""
    found = []
    pos = 0
    while (m := PERSON_RE.search(text, pos)) is not None:
        pos = m.end()
        raw = _before_common_word(m.group("name"))
        title = m.group("title")
        inner = _inner_civility(m.group("name"))
        if inner is not None and (raw is None or len(raw) <= inner):
            pos = m.start("name") + inner   # "DÉSIGNE Mme Coralie Fouquet": a person starts at the civility
        if raw is None:
            continue
        # Without a civility, ask for a known given name or a surname in capitals.
        if not title:
            words = raw.split()
            has_given = any(all(p in given_names() for p in fold(w).split("-")) for w in words)
            has_upper = any(w.isupper() and len(w) > 2 for w in words)
            # "Rodrigo OLIVEIRA": a capitalised word then a surname in capitals is
            # how French administrations write any name, known given name or not.
            given_then_upper = len(words) >= 2 and not words[0].isupper() and words[-1].isupper()
            if not ((has_given and (has_upper or len(words) <= 3)) or given_then_upper
                    or (len(words) <= 3 and _function_follows(text, m.start("name") + len(raw)))):
                continue
        start = m.start()
        if not title and raw.split()[0].isupper():
            # "de MONTIGNY Anne-Claire": the particle before a surname in capitals
            before = LEADING_PARTICLES_RE.search(text, 0, m.start("name"))
            if before:
                raw, start = text[before.start("p"):m.start("name")] + raw, before.start("p")
        person = normalise(raw, title)
        if person:
            found.append(PersonMention(person, start, m.start("name") + len(raw)))
    return found


def _inner_civility(run: str) -> int | None:
    """Where a civility stands inside a run of capitalised words, after its
    first word ('DÉSIGNE Mme Coralie Fouquet')."""
    for i, word in enumerate(re.finditer(r"\S+", run)):
        if i and fold(word.group()).rstrip(".") in CIVILITIES:
            return word.start()
    return None


def _function_follows(text: str, end: int) -> bool:
    """'Loïc Brunet-Carrère, chargé de mission…', 'BENHAMOU Yacine – Adjoint
    au maire': two or three capitalised
    words set off by a function are a person, whatever the given name."""
    after = re.match(r"\s*(?:,|\s[–—-])\s*(?:l[ea] |l')?([\w-]+(?: [\w-]+)?)", text[end:end + 60])
    return bool(after) and fold(after.group(1)).split()[0] in function_heads()


def _before_common_word(run: str) -> str | None:
    """'Hervé Lamothe Président' -> 'Hervé Lamothe', 'Sandrine Mme' -> None:
    a run of capitalised words ends where a title or a common word begins
    (a signature line, a name run into its function), and a person needs two
    name words."""
    words = list(re.finditer(r"\S+", run))
    if words and fold(words[0].group()).rstrip(".") in CIVILITIES:
        return None   # "Mme Vidal": a civility and one name word, no given name to tell the person
    for i, word in enumerate(words):
        folded = fold(word.group()).rstrip(".,;:")
        if i and (folded in NOT_NAME_WORDS or folded in CIVILITIES) and not _is_particle(word.group()):
            return run[:words[i - 1].end()] if i >= 2 else None
        if i >= 2 and folded in function_heads() and re.sub(r"^[dl]['’]", "", words[i - 1].group()).isupper():
            # "Coralie d'AUBIGNY Juriste": after a surname in capitals, an office begins
            return run[:words[i - 1].end()]
    return run
