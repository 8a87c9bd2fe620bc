"""Who applies for the EXPE-CT label, and what kind of body it is.

Every block is searched for mentions of bodies: names introduced by a marker
("Ville de", "Communauté d'agglomération", "Conseil départemental du",
"Association des...", "Cabinet..."), names known by the lexicon
(analysis/data/applicant.yaml: networks of élus, acronyms, particular
statuses), and bare place names where they stand as the subject of the
application or alone on a line, resolved against the official list of
collectivités (analysis/collectivites.py).

A dossier names many bodies (foreign partners, partner universities,
neighbouring collectivités), so each mention is scored by where it stands:
the value of a form field "Collectivité candidate", the subject of
"sollicite le label", the letterhead, the signature ("Le Maire de X") weigh
far more than a mention in running text.  A collectivité followed by a
foreign country ("la commune de Ziguinchor (Sénégal)") is a partner and is
dropped.  Mentions of one body add up; the best scored body is the applicant.

Types follow the contract.  Collectivités with a particular status are typed
by the competences they exercise: the Collectivité européenne d'Alsace as a
département, the Collectivités territoriales de Martinique and de Guyane and
the Collectivité de Corse as régions, the Métropole de Lyon and the
établissements publics territoriaux of Greater Paris as EPCI, syndicats
(SIVU, SIVOM, syndicats mixtes, PETR, parcs naturels régionaux) as EPCI.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from extractors.model import Block, Submission

from . import collectivites
from .collectivites import Entry, key
from .evidence import Evidence
from .lexicons import countries
from .statements import annexed, is_cv
from common.text import fold, squash

DATA = Path(__file__).parent / "data" / "applicant.yaml"

# Scores of a mention by where it stands.
FIELD, SUBJECT, SIGNATURE, LETTERHEAD, STANDALONE, BASE = 10.0, 8.0, 5.0, 4.0, 2.0, 1.0
BASE_CAP = 6.0          # running-text mentions count, but do not outweigh the rest
OTHER_FACTOR = 0.3      # firms, universities, NGOs are mostly cited as partners
UNKNOWN_PLACE = 0.5     # "Commune de X" with X absent from the official list
PARTNER_FACTOR = 0.2    # "en partenariat avec la Ville de X"
LETTERHEAD_UNITS = 3    # the first lines of a piece


@dataclass
class Applicant:
    name: str
    type: str
    evidence: list[Evidence]


@dataclass
class Mention:
    name: str            # as written
    type: str
    ident: str           # one body, however it is named
    start: int
    end: int
    explicit: bool = True          # introduced by a marker, not a bare name
    unknown_place: bool = False
    official: Entry | None = None


# --- lexicon ---------------------------------------------------------------

def _words_re(phrases: list[str]) -> str:
    """Alternation of folded phrases, spaces matching any run of non-letters."""
    parts = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return "|".join(r"[\W_]+".join(map(re.escape, re.split(r"[\W_]+", p))) for p in parts)


@dataclass
class Lexicon:
    known: dict[str, tuple[str, str]]      # key(alias) -> (canonical name, type)
    known_re: re.Pattern                   # folded aliases
    acronyms: dict[str, tuple[str, str]]   # acronym as written -> (name, type)
    acronym_re: re.Pattern | None
    assoc_head_re: re.Pattern
    elus_re: re.Pattern
    other_head_re: re.Pattern
    legal_form_re: re.Pattern
    field_re: re.Pattern
    verb_re: re.Pattern
    country_re: re.Pattern


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    known, acronyms, phrases = {}, {}, []
    for body in data["known"]:
        for alias in [body["name"], *body.get("aliases", [])]:
            target = (body["name"], body["type"])
            if re.fullmatch(r"[A-Z][A-Za-z]{1,6}", alias) and sum(c.isupper() for c in alias) >= 2:
                acronyms[alias] = target
            else:
                known[key(alias)] = target
                phrases.append(alias)
    acronym_re = (re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, acronyms)) + r")(?![\w-])")
                  if acronyms else None)
    return Lexicon(
        known=known,
        known_re=re.compile(r"\b(?:" + _words_re(phrases) + r")\b"),
        acronyms=acronyms,
        acronym_re=acronym_re,
        assoc_head_re=re.compile(r"\b(?:" + _words_re(data["association_heads"]) + r")\b"),
        elus_re=re.compile(r"\b(?:" + _words_re(data["elus_words"]) + r")\b"),
        other_head_re=re.compile(r"\b(?:" + _words_re(data["other_heads"]) + r")\b"),
        legal_form_re=re.compile(r"(?<![\w-])(?:" + "|".join(data["legal_forms"]) + r")(?![\w-])"),
        field_re=re.compile(r"^\s*(?:" + _words_re(data["fields"]) + r")\s*(?:\(.{0,40}?\)\s*)?(?::|$)"),
        verb_re=re.compile(r"\b(?:" + _words_re(data["apply_verbs"]) + r")\b"),
        country_re=re.compile(
            r"^\s*(?:\(|,|-|–)?\s*(?:(?:au|en|aux|a|du|de|des|d')\s+|d')?(?:" +
            _words_re([v for _, variants in countries() for v in variants]) + r")\b"),
    )


# --- text helpers ------------------------------------------------------------

class _FoldTable(dict):
    """str.translate table folding one character to one, filled on demand."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        self[code] = folded[0] if folded else chr(code)
        return self[code]


_FOLD_TABLE = _FoldTable()


def fold_same(text: str) -> str:
    """fold() keeping one character for one: offsets stay valid in the original."""
    return text.translate(_FOLD_TABLE)


CAP = r"(?<![\w'’.-])[A-ZÀ-ÖØ-Þ][\w'’.-]*"   # a capitalised word, from its start
LINK = r"(?i:(?:de\s+la|de|du|des|la|le|les|et|sur|sous|en|lès|lez|aux|au|&)\s+|(?:de\s+l|d|l)['’])"
PLACE = re.compile(rf"{CAP}(?:\s*(?:{LINK})?{CAP})*")
PLACE_BEFORE = re.compile(rf"((?:{CAP}|&)(?:[ \t]+(?:{LINK})?{CAP}|[ \t]+&)*)[ \t]*,?[ \t]*$")
ARTICLE = re.compile(r"(de la |de l'|du |des |de |d')")
ARTICLE_NAME = {"du ": "Le ", "des ": "Les ", "de la ": "La ", "de l'": "L'"}
PLACEHOLDER = re.compile(r"cliquez ou appuyez ici|click or tap here|cliquez ici pour")
STOP_NAMES = {"union europeenne", "union africaine", "assemblee nationale", "assemblee generale",
              "assemblee deliberante", "conference des parties", "nations unies", "agence francaise de developpement",
              "reseau", "association", "federation", "union", "alliance", "conference", "assemblee"}
PRONOUNS = re.compile(r"^(?i:nous|je|elle|il|ils|elles|on|notre|nos|la|le|les|l'|cette|ce|ces|par|madame|monsieur|"
                      r"en|pour|dans|ainsi|aussi|enfin|afin|objet|lettre|dossier)\b")
# Where a body's name ends in running text: punctuation, a figure, a relative
# pronoun, a verb ("L'Association X regroupe..."), an article after a noun
# ("... X le samedi 24 mai"), the right column of a letterhead.
TERMINATOR = re.compile(
    r"[,;:.()\[\]«»\"|!?\n/\d]| [-–—] |(?<!\bde)(?<!\ba)(?<!\bet) (?:le|la|les|l'|un|une)\b|"
    r" (?:qui|dont|que|est|sont|a|ont|pour|dans|depuis|vous|aupres|avec|sis|situee?|"
    r"souhait\w*|sollicit\w*|present\w*|depos\w*|represent\w*|candidat\w*|postul\w*|propos\w*|porte\w*|"
    r"soumet\w*|adress\w*|demand\w*|regroupe\w*|federe\w*|rassemble\w*|reuni\w*|compte\w*|"
    r"accompagne\w*|anime\w*|intervien\w*|travaille\w*|organise\w*|mene\w*|conduit|dispose\w*|"
    r"beneficie\w*|accepte\w*|informera|pourra|peut|s'engage\w*|se tient|capitalise\w*|assure\w*|"
    r"affaire suivie|tel|courriel|ref|au titre|en vue|afin|en partenariat|en lien|le label|au label|"
    r"et (?:la|le|les|l'|son|sa|ses))\b")
PARTNER_BEFORE = re.compile(r"(?:partenair\w*|jumel\w*|avec|aupres d\w*|en lien|accompagn\w*|au profit|"
                            r"membres?|soutien|appui|financ\w*|entre)\W+(?:\w+\W+){0,3}$")
SIGNATURE_BEFORE = re.compile(r"(?:maire|president|presidente|vice-president\w*|directeur general|"
                              r"directrice generale|le dgs|la dgs)\s+(?:delegue\w*\s+)?(?:de la |de l'|du |des |de |d')?$")
SIGNATURE_LINE = re.compile(r"^\W*(?:p/|p\.o\.|pour\s+)?(?:le|la|l')?\s*(?:maire|president|presidente|"
                            r"vice-president\w*|directeur general|directrice generale)\b")
ARTICLE_NOUN = re.compile(r"(?:[Ll]['’]|(?:La|Le|Les|LA|LE|LES)\s+)(?:[a-zà-ÿ]+\s+)?")
CANDIDATURE_BEFORE = re.compile(r"(?:candidature|dossier|demande)\s+(?:de |du |des |d')(?:la |l')?$|"
                                r"(?:au nom|pour le compte)\s+(?:de |du |des |d')(?:la |l')?$")

TRIGGERS = re.compile(
    r"\b(?P<commune>ville|mairie|commune|municipalite)\s+(?=de |d'|du |des )"
    r"|\b(?P<maire>maire)\s+(?=de |d'|du |des )"
    r"|\b(?P<epci>communaute d'agglomeration|communaute d'agglo|communaute de communes|communaute urbaine|"
    r"agglomeration|syndicat mixte|syndicat intercommunal|syndicat|sivom|sivu|petr|"
    r"pole d'equilibre territorial et rural|etablissement public territorial|pole metropolitain|"
    r"parc naturel regional|eurometropole|metropole)\b"
    r"|\b(?P<departement>conseil departemental|conseil general|departement)\b"
    r"|\b(?P<region>conseil regional|region)\b"
    r"|\b(?P<cd>cd)\s?(?P<code>\d{2,3}|2a|2b)\b")


CONNECTORS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "sur", "sous", "au", "aux", "a",
              "&", "lès", "lez"}
PLACE_ADJECTIVES = re.compile(r"(?:occidentale?|orientale?|meridionale?|septentrionale?|centrale?|"
                              r"maritimes?|francaise?|nord|sud|est|ouest)$")


def _tail(t: str, f: str, start: int, max_words: int = 12) -> int:
    """End of a body's name that runs from `start`: at the first punctuation,
    relative pronoun or verb, after a proper noun at the first lower-case word
    that is not a link ("... du Lodévois participe") or at the first word in
    capitals (a title run into it), or after `max_words`."""
    limit = min(len(f), start + 200)  # a name is a few words: never scan a whole long line
    m = TERMINATOR.search(f, start, limit)
    end = m.start() if m else limit
    words = list(re.finditer(r"[^\s']+'?", t[start:end]))[:max_words]
    kept, proper, mixed = [], False, False
    for i, w in enumerate(words):
        word = w.group().rstrip("'")
        if proper and word.islower() and fold(word) not in CONNECTORS and not PLACE_ADJECTIVES.match(fold(word)):
            break
        following = words[i + 1].group() if i + 1 < len(words) else ""
        if mixed and len(word) > 2 and word.isupper() and len(following) > 1 and following.isupper():
            break   # a title in capitals run into the name: "… du Haut-Vallon RAPPORT DE MISSION"
        proper = proper or word[:1].isupper()
        mixed = mixed or (word[:1].isupper() and not word.isupper())
        kept.append(w)
    while kept and fold(kept[-1].group().rstrip("'")) in CONNECTORS:
        kept.pop()
    return start + kept[-1].end() if kept else start


def _official_after(t: str, pos: int, article: str, types: tuple[str, ...]) -> tuple[Entry, int] | None:
    """Official name starting at `pos`, the article before it taken into account
    ("du Pas-de-Calais", "de La Réunion", "du Lamentin")."""
    rest = t[pos:pos + 120]
    found = collectivites.prefix_match(rest, types)
    prefix = ARTICLE_NAME.get(article)
    if prefix:
        with_article = collectivites.prefix_match(prefix + rest, types)
        if with_article and (not found or with_article[1] - len(prefix) > found[1]):
            found = with_article[0], with_article[1] - len(prefix)
    if found and found[1] > 0:
        return found[0], pos + found[1]
    return None


# --- mentions ----------------------------------------------------------------

def find_mentions(t: str, defined: dict[str, Mention] | None = None) -> list[Mention]:
    """Mentions of bodies in one line of text, foreign partners dropped
    (`defined`: the acronyms the dossier defines, and the bodies they stand for)."""
    lex = lexicon()
    f = fold_same(t)
    found: list[Mention] = []
    for acronym, body in (defined or {}).items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", t):
            found.append(Mention(acronym, body.type, body.ident, m.start(), m.end(), explicit=False))
    for m in lex.known_re.finditer(f):
        name, typ = lex.known[key(m.group())]
        found.append(Mention(t[m.start():m.end()], typ, "known:" + key(name), m.start(), m.end()))
    if lex.acronym_re:
        for m in lex.acronym_re.finditer(t):
            if sum(c.isupper() for c in t) > 0.6 * sum(c.isalpha() for c in t):
                continue  # a line in capitals: "MOT" may be any word
            name, typ = lex.acronyms[m.group(1)]
            found.append(Mention(m.group(1), typ, "known:" + key(name), m.start(), m.end(),
                                 explicit=False))  # the full name reads better
    for m in TRIGGERS.finditer(f):
        mention = _triggered(t, f, m)
        if mention:
            found.append(mention)
    found += _epci_suffixed(t)
    found += _networks(t)
    found += [_up_to_acronym(t, m) for m in _associations(t, f)]
    found += _others(t, f)
    found = _drop_overlaps(found)
    return [m for m in found if not _foreign(f, m)]


def _triggered(t: str, f: str, m: re.Match) -> Mention | None:
    kind = m.lastgroup if m.lastgroup != "code" else "cd"
    if m.group("cd"):
        entry = collectivites.departement(m.group("code"))
        if not entry:
            return None
        return Mention("Conseil départemental " + collectivites.of_name(entry), "departement",
                       f"departement:{entry.code}", m.start(), m.end(), official=entry)
    if not t[m.start()].isupper() and kind in ("departement", "region") and not _next_is_cap(t, m.end()):
        return None
    after = m.end()
    art = ARTICLE.match(f, after + (1 if f[after:after + 1] == " " else 0))
    name_pos = art.end() if art else after + (1 if f[after:after + 1] == " " else 0)
    article = art.group(1) if art else ""
    if kind in ("commune", "maire"):
        return _place_mention(t, m, name_pos, article, "commune", bare_name=kind == "maire")
    if kind in ("departement", "region"):
        hit = _official_after(t, name_pos, article, (kind,))
        if not hit:
            return None
        entry, end = hit
        return Mention(t[m.start():end], kind, f"{kind}:{entry.code}", m.start(), end, official=entry)
    # EPCI: the official list first (it knows "CA du Grand Cahors"), else the name as written.
    hit = collectivites.prefix_match(t[m.start():m.start() + 160], ("epci",), max_words=14)
    if hit and hit[1] > m.end() - m.start():
        entry, length = hit
        return Mention(t[m.start():m.start() + length], "epci", f"epci:{entry.code}",
                       m.start(), m.start() + length, official=entry)
    end = _tail(t, f, m.end(), max_words=10)
    if end <= m.end() or not re.search(r"[A-ZÀ-ÖØ-Þ]", t[m.end():end]):
        return None  # "la métropole", "un syndicat mixte": a common noun
    name = t[m.start():end]
    return Mention(name, "epci", "epci:" + key(name), m.start(), end)


def _next_is_cap(t: str, pos: int) -> bool:
    m = re.match(r"\s*(?:de la |de l'|du |des |de |d')?\s*([^\s])", t[pos:], re.I)
    return bool(m and m.group(1).isupper())


def _place_mention(t: str, m: re.Match, pos: int, article: str, typ: str, bare_name: bool) -> Mention | None:
    hit = _official_after(t, pos, article, ("commune",))
    if hit:
        entry, end = hit
        ident = f"commune:{entry.code}"
        unknown = False
    else:
        place = PLACE.match(t, pos)
        if not place:
            return None
        entry, end, unknown = None, place.end(), True
        ident = "commune:" + key(t[pos:end])
    if bare_name:  # "Le Maire de Chartres": the body is the Ville de Chartres
        name = "Ville " + (article if article else "de ") + t[pos:end]
        return Mention(name, typ, ident, pos, end, unknown_place=unknown, official=entry)
    return Mention(t[m.start():end], typ, ident, m.start(), end, unknown_place=unknown, official=entry)


# The kind after the name: "Toulouse Métropole", "Lorient Agglomération".
EPCI_SUFFIX = re.compile(r"(?<=\s)(?i:m[ée]tropole|agglom[ée]ration|agglo|communaut[ée] urbaine|"
                         r"communaut[ée] d'agglom[ée]ration|communaut[ée] de communes)\b")
TITLE_WORDS = re.compile(r"^(?i:président\w*|presidente?|maire|monsieur|madame|vice-président\w*|"
                         r"conseil\w*|directeur|directrice)$")


def _epci_suffixed(t: str) -> list[Mention]:
    """"Toulouse Métropole", "Brest métropole", "Lorient Agglomération",
    "Grand Poitiers Communauté urbaine": the name before the kind."""
    out = []
    for suffix in EPCI_SUFFIX.finditer(t):
        window = max(0, suffix.start() - 100)  # the name just before; bounded, for long lines
        m = PLACE_BEFORE.search(t, window, suffix.start())
        if not m:
            continue
        words = list(re.finditer(r"\S+", t[m.start(1):m.end(1)]))
        found = None
        for w in words:  # the longest official name ending here
            start = m.start(1) + w.start()
            entry = (collectivites.best(t[start:suffix.end()], ("epci",))
                     or collectivites.best(t[start:m.end(1)], ("epci",)))
            if entry:
                found = (start, entry)
                break
        if found:
            start, entry = found
            ident = f"epci:{entry.code}"
        else:
            keep = [w for w in words if not TITLE_WORDS.match(w.group())]
            if not keep or PRONOUNS.match(keep[0].group()):
                continue
            start, entry = m.start(1) + keep[0].start(), None
            ident = "epci:" + key(t[start:suffix.end()])
        out.append(Mention(t[start:suffix.end()], "epci", ident, start, suffix.end(), official=entry))
    return out


# Networks named after their members: "Cités Unies France", "Villes de France".
MEMBERS_NAMED = re.compile(
    rf"\b(?:Cités|Villes|Régions|Départements|Communes|Maires|Élus|Intercommunalités|CITÉS|VILLES)"
    rf"(?:\s+(?:{LINK})?{CAP})+")


ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-ZÀ-Ý][A-ZÀ-Ý0-9&-]{1,11})\s*\)")
NAME_LINKS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "au", "aux", "a", "sur"}


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in NAME_LINKS)


def _spells(acronym: str, initials: str) -> bool:
    """'ANCPJ' spells 'A(ssociation) n(ationale) … j(eunes)': the first and last
    initials, and the others in order (acronyms skip words at will)."""
    a = fold(acronym).replace("-", "").replace("&", "")
    if len(a) < 2 or not initials or a[0] != initials[0] or a[-1] != initials[-1]:
        return False
    rest = iter(initials[1:-1])
    return all(c in rest for c in a[1:-1])


def _up_to_acronym(t: str, m: Mention) -> Mention:
    """A name cut at 'pour' ('Association nationale des collectivités pour la
    participation des jeunes (ANCPJ)') runs on to the acronym that spells it."""
    paren = t.find("(", m.end, m.end + 120)
    if paren < 0 or re.search(r"[.;:!?\n]", t[m.end:paren]):
        return m
    acronym = ACRONYM_AFTER.match(t, paren)
    name = t[m.start:paren].rstrip()
    if not acronym or not _spells(acronym.group(1), _initials(name)):
        return m
    typ = m.type if m.type != "autre" or not lexicon().elus_re.search(fold_same(name)) else "association_elus"
    return Mention(name, typ, f"{typ}:{key(name)}", m.start, m.start + len(name), m.explicit)


def _own_blocks(piece) -> list[Block]:
    annex = annexed(piece)
    return [b for b in piece.blocks if b.index not in annex]


def _defined_acronyms(blocks) -> dict[str, Mention]:
    """The acronyms a dossier defines for a body ('Association … (ANCPJ)'),
    so that 'Président de l'ANCPJ' counts for it."""
    defined: dict[str, Mention] = {}
    for block in blocks:
        for text, _ in _units(block):
            if not ACRONYM_AFTER.search(text):
                continue
            for m in find_mentions(text):
                acronym = ACRONYM_AFTER.match(text, m.end)
                if acronym and acronym.group(1) not in defined and _spells(acronym.group(1), _initials(m.name)):
                    defined[acronym.group(1)] = m
    return defined


def _networks(t: str) -> list[Mention]:
    return [Mention(m.group(), "association_elus", "association_elus:" + key(m.group()), m.start(), m.end())
            for m in MEMBERS_NAMED.finditer(t)]


def _associations(t: str, f: str) -> list[Mention]:
    lex = lexicon()
    out = []
    for m in lex.assoc_head_re.finditer(f):
        if not t[m.start()].isupper():
            continue
        end = _tail(t, f, m.end())
        name = t[m.start():end]
        k = key(name)
        if end <= m.end() or k in STOP_NAMES:
            continue
        typ = "association_elus" if lex.elus_re.search(f, m.end(), end) else "autre"
        out.append(Mention(name, typ, f"{typ}:{k}", m.start(), end))
    return out


def _others(t: str, f: str) -> list[Mention]:
    """Firms, universities, hospitals, NGOs: bodies that cannot hold the label."""
    lex = lexicon()
    out = []
    for m in lex.other_head_re.finditer(f):
        if not t[m.start()].isupper() and not _next_is_cap(t, m.end()):
            continue
        end = _tail(t, f, m.end(), max_words=8)
        if end <= m.end():
            continue
        name = t[m.start():end]
        out.append(Mention(name, "autre", "autre:" + key(name), m.start(), end))
    for m in lex.legal_form_re.finditer(t):
        before = PLACE_BEFORE.search(t, max(0, m.start() - 100), m.start())
        if before and before.group(1).strip():
            start = before.start(1)
            name = t[start:m.end()]
            out.append(Mention(name, "autre", "autre:" + key(t[start:before.end(1)]), start, m.end()))
    return out


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Where mentions overlap keep the longest; a known name wins ties."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), not m.ident.startswith("known:")))
    kept: list[Mention] = []
    for m in ordered:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _foreign(f: str, m: Mention) -> bool:
    if m.ident.startswith("known:") or m.type in ("association_elus", "autre"):
        return False
    return bool(lexicon().country_re.match(f[m.end:m.end + 60]))


GENERIC_NOUNS = {"ville", "commune", "mairie", "region", "departement", "metropole", "agglomeration",
                 "communaute", "syndicat", "association", "reseau", "collectivite", "conseil", "territoire",
                 "pays", "etat", "port", "cite", "france"}


def bare_mention(t: str, start: int = 0, end: int | None = None) -> Mention | None:
    """A body named by its bare name only ("Chartres", "Grand Cahors",
    "Conseil & Stratégie"): resolved by the official list and the lexicon;
    an unknown name is typed `autre`."""
    end = len(t) if end is None else end
    name = squash(t[start:end]).strip(" ,;:.-–")
    if (not name[:1].isupper() or fold(name) in GENERIC_NOUNS
            or PRONOUNS.match(name) and not collectivites.lookup(name)):
        return None  # "savoir-faire", "la Ville": not a name (though Ville is a commune of the Oise)
    lex = lexicon()
    k = key(name)
    if k in lex.known:
        canon, typ = lex.known[k]
        return Mention(name, typ, "known:" + key(canon), start, end, explicit=False)
    if name in lex.acronyms:
        canon, typ = lex.acronyms[name]
        return Mention(name, typ, "known:" + key(canon), start, end, explicit=False)
    entry = collectivites.best(name)
    if entry:
        return Mention(name, entry.type, f"{entry.type}:{entry.code}", start, end, explicit=False, official=entry)
    if MEMBERS_NAMED.fullmatch(name):
        return Mention(name, "association_elus", "association_elus:" + k, start, end, explicit=False)
    return Mention(name, "autre", "autre:" + k, start, end, explicit=False)


# --- scoring -----------------------------------------------------------------

@dataclass
class _Body:
    """One body as the dossier names it, with the weight of its mentions."""
    type: str
    score: float = 0.0
    base: float = 0.0                # the part of the score from running text
    names: list[tuple[float, bool, str, Entry | None]] = field(default_factory=list)
    evidence: list[tuple[float, Block, int, int]] = field(default_factory=list)
    letterhead_pieces: set[str] = field(default_factory=set)


def _units(block: Block) -> list[tuple[str, str | None]]:
    """(text, field label or None) units of a block: lines, or table cells with
    the label of the cell to their left."""
    if block.kind == "table" and block.rows:
        out = []
        for row in block.rows:
            for i, cell in enumerate(row):
                label = row[i - 1] if i > 0 else None
                for line in cell.splitlines() or [""]:
                    out.append((line, label))
        return out
    return [(line, None) for line in block.text.splitlines()]


def _is_field_label(text: str | None) -> bool:
    return bool(text) and bool(lexicon().field_re.match(fold_same(text[:120])))


def _field_value(line: str) -> tuple[int, int] | None:
    """Span of the value of an inline field "Collectivité candidate : X"."""
    m = lexicon().field_re.match(fold_same(line))
    if not m or not line[:m.end()].rstrip().endswith(":"):
        return None
    start = m.end() + (len(line[m.end():]) - len(line[m.end():].lstrip()))
    return (start, len(line)) if start < len(line) else None


def _roles(t: str, label: str | None, letterhead: bool,
           defined: dict[str, Mention]) -> list[tuple[Mention, str, float]]:
    """The bodies a line names, each with its role (field, subject,
    signature or base) and the weight of that role."""
    f = fold_same(t)
    mentions = find_mentions(t, defined)
    roles = {id(m): ("base", BASE) for m in mentions}

    def give(m: Mention, role: str, weight: float) -> None:
        if id(m) not in roles:
            mentions.append(m)
        if weight >= roles.get(id(m), ("", 0.0))[1]:
            roles[id(m)] = (role, weight)

    # Form field: the value cell, or the text after "Collectivité candidate :".
    span = (0, len(t)) if _is_field_label(label) else _field_value(t)
    if span:
        inside = [m for m in mentions if m.start >= span[0]] or [
            b for b in [bare_mention(t, *span)] if b and t[span[0]:span[1]].strip()]
        if inside:
            give(inside[0], "field", FIELD)
    # Subject of the application: "La Ville de X sollicite", "Chartres sollicite".
    for verb in lexicon().verb_re.finditer(f):
        before = [m for m in mentions if m.end <= verb.start() and verb.start() - m.end <= 70
                  and not re.search(r"[.;!?]", t[m.end:verb.start()])]
        if before:
            give(before[-1], "subject", SUBJECT)
            continue
        sentence = max(t.rfind(".", 0, verb.start()), t.rfind(";", 0, verb.start())) + 1
        sentence = max(sentence, verb.start() - 120)  # a subject stands just before its verb
        bare = PLACE_BEFORE.search(t, sentence, verb.start())
        if not bare:
            continue
        start, end = bare.start(1), bare.end(1)
        article = ARTICLE_NOUN.match(t, start, end)  # "L'association Eau Vive", "La CARENE"
        m = bare_mention(t, start, end) or (article and bare_mention(t, article.end(), end))
        if m:
            give(m, "subject", SUBJECT)
    # "la candidature de la Ville de X", "au nom de X"; a signature line
    # "Le Maire de Chartres" (not "..., maire de Pornic" in a list of experts).
    signature_line = len(t) <= 90 and bool(SIGNATURE_LINE.match(f))
    for m in list(mentions):
        before = f[max(0, m.start - 40):m.start]
        if CANDIDATURE_BEFORE.search(before):
            give(m, "subject", SUBJECT)
        elif signature_line and SIGNATURE_BEFORE.search(before):
            give(m, "signature", SIGNATURE)
    # A line that is nothing but a name: a letterhead, a title, a signature.
    if not mentions and 2 < len(t.strip()) <= 80:
        bare = bare_mention(t)
        if bare and (bare.type != "autre" or letterhead and _org_like(t)):
            give(bare, "base", BASE)
    return [(m, *roles[id(m)]) for m in mentions]


def _score_unit(t: str, label: str | None, block: Block, position: int,
                bodies: dict[str, _Body], defined: dict[str, Mention]) -> None:
    f = fold_same(t)
    if PLACEHOLDER.search(f):
        return
    letterhead = block.source == "header" or position < LETTERHEAD_UNITS
    offset = max(block.text.find(t), 0)
    length = len(squash(t))
    for m, role, w in _roles(t, label, letterhead, defined):
        standalone = length - len(squash(m.name)) <= 3
        partner = bool(PARTNER_BEFORE.search(f[max(0, m.start - 60):m.start]))
        if m.type == "autre" and role == "base":
            w *= OTHER_FACTOR
        if m.unknown_place:
            w *= UNKNOWN_PLACE
        if partner and role in ("base", "subject"):
            w *= PARTNER_FACTOR
        body = bodies.setdefault(m.ident, _Body(type=m.type))
        if role == "base":
            w = min(w, max(0.0, BASE_CAP - body.base))
            body.base += w
        if standalone:
            w += STANDALONE
        if letterhead and not partner and block.piece not in body.letterhead_pieces:
            body.letterhead_pieces.add(block.piece)
            w += LETTERHEAD
        body.score += w
        body.names.append((w, m.explicit, m.name, m.official))
        body.evidence.append((w, block, offset + m.start, offset + m.end))


NOT_AN_ORG = re.compile(r"\b(?:candidature|label|dossier|formulaire|programme|ministere|objet|madame|monsieur|"
                        r"direction|service|pole|delegation|cabinet du|affaire|reference|ref|tel|courriel|"
                        r"republique|liberte|extrait|annexe|page|expe-ct)\b")


def _org_like(t: str) -> bool:
    """A letterhead line that may name a body the lists do not know
    ("Solidarité Eau Sans Frontières"): a few capitalised words, no digits,
    none of the words of titles and services."""
    words = t.split()
    return (2 <= len(words) <= 8 and not re.search(r"\d|[:@]", t)
            and sum(w[:1].isupper() for w in words) >= 2 and not NOT_AN_ORG.search(fold(t)))


def places_abroad(text: str) -> set[str]:
    """Keys of the places a text puts in a foreign country: "Parakou
    (Bénin)", "Saint-Louis, Sénégal", "Bouaké en Côte d'Ivoire"."""
    lex = lexicon()
    found = set()
    for line in text.splitlines():
        f = fold_same(line)
        for place in PLACE.finditer(line):
            name = place.group()
            if lex.country_re.match(f[place.end():place.end() + 60]) and not lex.country_re.match(fold_same(name)):
                found.add(key(ARTICLE_NOUN.sub("", name, count=1) if ARTICLE_NOUN.match(name) else name))
    return found


def _abroad(body: _Body, places: set[str]) -> bool:
    """A body named after one of the places abroad ("mairie de Parakou")."""
    return any(k == place or k.endswith(" " + place) for _, _, name, _ in body.names
               for k in [key(name)] for place in places)


def find_applicant(submission: Submission, report: bool = False) -> Applicant | None:
    """The applicant, the best scored body.  A mission `report` comes from the
    label holder, a French body: a body of a place the report puts abroad is
    the partner met there or hosted, never the holder, and a town missing from
    the French list ("Municipalité de Mestia") is most likely over there too."""
    bodies: dict[str, _Body] = {}
    declared: list[str] = []
    own = [(piece, _own_blocks(piece)) for piece in submission.pieces
           if not is_cv(piece)]  # a CV names employers and schools
    defined = _defined_acronyms(b for _, blocks in own for b in blocks)
    for piece, blocks in own:
        position = 0
        for block in blocks:
            for text, label in _units(block):
                if not text.strip():
                    continue
                declared += _declared_type(text, label)
                _score_unit(text, label, block, position, bodies, defined)
                position += 1
    for ident in [i for i, body in bodies.items() if _generic(body)]:
        del bodies[ident]
    if report:
        places = places_abroad(submission.text)
        for ident, body in list(bodies.items()):
            if body.type in LOCAL_TYPES and _abroad(body, places):
                del bodies[ident]
            elif ident.startswith("commune:") and not ident.split(":", 1)[1][:1].isdigit():
                body.score *= FOREIGN_DISCOUNT     # "Municipalité de Mestia"
    if not bodies:
        return None
    _merge_truncated(bodies)
    ident, body = max(bodies.items(), key=lambda kv: kv[1].score)
    if body.score < BASE:
        return None
    # The form's "Nature juridique" is the applicant's own word on its type.
    # ("autre" is no statement on the applicant: an expert's "Catégorie :
    # Partenaire (université)" says it too.)
    typ = next((d for d in declared if d != "autre"), None) or _type(ident, body)
    return Applicant(name=_display(body), type=typ, evidence=_evidence(body))


# A kind of body as forms list them, not a body: "Association d'élus ou de
# collectivités territoriales", "Groupement de collectivités".
CATEGORY_NAME = re.compile(r"(?:association|groupement|collectivite|etablissement|syndicat)s?"
                           r"(?: d'elus| de collectivites| territoriales?| publics?| ou| de cooperation"
                           r"| intercommunale?s?| mixtes?| d'elus locaux)+")


LOCAL_TYPES = ("commune", "epci", "departement", "region")
FOREIGN_DISCOUNT = 0.25


def _generic(body: _Body) -> bool:
    """A label or a category taken for a name ('Statut', 'Structure',
    'Association d'élus ou de collectivités'): no body of its own."""
    for _, _, name, official in body.names:
        if official is not None:
            return False
        words = name.split()
        if len(words) > 1 and not CATEGORY_NAME.fullmatch(fold_same(name).strip()) \
                or (len(words) == 1 and name.isupper() and len(name) >= 2):
            return False
    return True


def _merge_truncated(bodies: dict[str, _Body]) -> None:
    """One body named in two forms, one a word or two longer: a name cut by
    a line break ("Réseau national des villes" / "marchables" in a title), or
    run on into the next cell of a flattened table ("... Nouvelle-Aquitaine
    Pays de la mission").  The form written more often wins; ties go to the
    longer."""
    unofficial = [i for i in bodies if not i.split(":", 1)[1][:1].isdigit()]
    for short in sorted(unofficial, key=len):
        typ, name = short.split(":", 1)
        longer = [i for i in unofficial if i != short and i.startswith(typ + ":" + name + " ")
                  and len(i.split()) - len(short.split()) <= 2 and i in bodies]
        if len(longer) != 1 or short not in bodies:
            continue
        keep, drop = ((short, longer[0]) if len(bodies[short].names) > len(bodies[longer[0]].names)
                      else (longer[0], short))
        part = bodies.pop(drop)
        whole = bodies[keep]
        whole.score += part.score
        whole.evidence += part.evidence
        whole.names = [(w + part.score, explicit, n, official) for w, explicit, n, official in whole.names]


def _type(ident: str, body: _Body) -> str:
    if ident.startswith("known:"):
        return body.type
    return ident.split(":", 1)[0]


TYPE_FIELD = re.compile(r"^\W*(?:nature|forme|statut|type|categorie)(?:\s+juridique)?(?:\s+de\s+(?:la\s+)?"
                        r"(?:collectivite|structure|candidat|l'organisme))?\s*(?::|$)")
TYPE_VALUES = [  # first match wins: an "association d'élus" is not a commune
    ("association_elus", r"association\s+(?:d'elus|de\s+collectivites|de\s+maires)|reseau\s+de\s+collectivites|"
                         r"association\s+d'elus"),
    ("epci", r"intercommunal|\bepci\b|metropole|communaute|syndicat|\bept\b|etablissement\s+public\s+territorial"),
    ("departement", r"departement"),
    ("region", r"\bregion|collectivite\s+territoriale\s+unique"),
    ("commune", r"\bcommune\b"),
    ("autre", r"\bautre|entreprise|societe|bureau\s+d'etudes|\bassociation\b|universite|etablissement|"
              r"chambre|\bong\b|fondation"),
]


def _declared_type(text: str, label: str | None) -> list[str]:
    """The type a form states: "Nature juridique : Commune" (ticked box if any)."""
    if label is not None and TYPE_FIELD.match(fold_same(label[:80])):
        value = text
    else:
        m = TYPE_FIELD.match(fold_same(text))
        if not m or not text[:m.end()].rstrip().endswith(":"):
            return []
        value = text[m.end():]
    if any(c in value for c in "☐☒☑"):
        value = " ".join(p[1:] for p in re.split("(?=[☐☒☑])", value) if p[:1] in "☒☑")
    f = fold(value)
    if not f.strip() or PLACEHOLDER.search(f):
        return []
    return [typ for typ, pattern in TYPE_VALUES if re.search(pattern, f)][:1]


def _display(body: _Body) -> str:
    # An explicit form ("Ville de Chartres") reads better than a bare name.
    weight, explicit, name, official = max(body.names, key=lambda n: (n[1], n[0]))
    return clean_name(name, official)


def _evidence(body: _Body) -> list[Evidence]:
    out, seen = [], set()
    for _, block, start, end in sorted(body.evidence, key=lambda e: -e[0]):
        ref = (block.piece, block.index)
        if ref not in seen:
            seen.add(ref)
            out.append(Evidence.of(block, start, end))
        if len(out) == 3:
            break
    return out


# --- names -------------------------------------------------------------------

def clean_name(name: str, official: Entry | None = None) -> str:
    """"VILLE DE MONTREUIL" -> "Ville de Montreuil"; "la Ville de X" -> "Ville de X".
    A name in capitals takes the official spelling of its place part."""
    name = squash(name).strip(" ,;:.-–«»\"")
    stripped = LEADING_ARTICLE.sub("", name)
    if stripped != name and (TRIGGERS.match(fold_same(stripped)) or lexicon().assoc_head_re.match(
            fold_same(stripped)) or lexicon().other_head_re.match(fold_same(stripped))):
        name = stripped
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 4 and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        if " " in name:
            name = _recase(name, official)
        elif official and key(official.name) == key(name):
            name = official.name  # "MONTREUIL"; an acronym ("CARENE") stays as it is
    return name[:1].upper() + name[1:]


LEADING_ARTICLE = re.compile(r"^(?i:la|le|l['’]|les)\s*(?=\w)")
# Capitals often lose their accents: "CONSEIL DEPARTEMENTAL".
ACCENTED = {fold(w): w for w in (
    "département", "départemental", "départementale", "régional", "région", "communauté",
    "agglomération", "métropole", "eurométropole", "fédération", "réseau", "élus", "cités",
    "collectivité", "collectivités", "général", "européenne", "européen", "opérationnelle",
    "transfrontalière", "intercommunalité", "intercommunalités", "municipalité", "société",
    "études", "université", "méditerranée", "côte", "stratégie", "déchets", "coopération")}


OFFICIAL_HEAD = re.compile(r"^(?:CA|CC|CU|Métropole|Eurométropole)(?:\s+(?:du|des|de la|de l'|de|d'))?\s+(?=\S)")
ELIDED = re.compile(r"(?<=\b[dlDL]['’])")


def _recase(name: str, official: Entry | None) -> str:
    """Case a name written in capitals: the head in sentence case ("Conseil
    départemental de la"), places in their official spelling."""
    words = [w for w in re.split(r"\s+|" + ELIDED.pattern, name) if w]
    cased: list[str | None] = [None] * len(words)
    places = [OFFICIAL_HEAD.sub("", official.name)] if official else []
    for i in range(len(words)):  # departements and regions named inside ("... du Morbihan")
        hit = collectivites.prefix_match(" ".join(words[i:]), ("departement", "region"))
        if hit and cased[i] is None:
            places.append(hit[0].name)
    places += [re.sub(r"^(?:Le|La|Les) |^L'", "", p) for p in places]  # "VILLE DU MANS"
    for place in places:
        target = place.replace("'", "' ").split()
        n = len(target)
        for i in range(len(words) - n + 1):
            if key(" ".join(words[i:i + n])) == key(place) and all(c is None for c in cased[i:i + n]):
                cased[i:i + n] = [w.replace("' ", "'") for w in target]
    out = []
    for i, word in enumerate(words):
        if cased[i] is not None:
            out.append(cased[i])
            continue
        if lexicon().legal_form_re.fullmatch(word):
            out.append(word)  # "SARL", "SAS"
            continue
        low = word.lower()
        low = ACCENTED.get(fold(low), low) if low == fold(low) else low
        if i == 0 or fold(low) in ("france", "europe"):
            low = low[:1].upper() + low[1:]
        out.append(low)
    return "".join(w if i == 0 or re.search(r"['’]$", out[i - 1]) else " " + w
                   for i, w in enumerate(out))
