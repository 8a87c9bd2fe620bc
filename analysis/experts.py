"""The experts a candidature puts forward: name, function, organisation,
qualifications, category — from tables, lists, prose, forms and CVs.

Only people named where the dossier presents its experts count: a table
whose columns say "Nom", "Fonction"..., the blocks under a heading or an
intro line about experts ("Les experts mobilisables sont :"), sentences that
propose people as experts, and attached CVs.  The signatory, the DAECT
contact and authors of cited reports are therefore left out; a person found
in several places (the list and a CV) is one expert.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath

from common.text import CIVILITY, fold, sentences, squash
from extractors.model import Block, Piece, Submission

from .evidence import Evidence, quote
from .lexicons import experts_lexicon
from .nlp import person_spans
from .signature import CLOSING_RE, CLOSING_START_RE, DELIBERATION_RE
from .people import CIVILITIES, PersonMention, PersonName, find_people, normalise
from .statements import CV_TITLE_RE, NUMBERED_TITLE_RE, UNDECIDED_RE, annexed, is_cv, is_title, join_continuations


@dataclass
class Expert:
    name: PersonName
    function: str | None = None
    organisation: str | None = None
    qualifications: str | None = None
    category: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    source: str = ""          # table | form | list | prose | cv
    stated_category: str | None = None   # a "Statut"/"Catégorie" column or field, as written
    # The entry was read whole (a table row, form fields, a short list item or
    # sentence): what it lacks is really absent, not missed by the reading.
    read_whole: bool = True

    def as_dict(self) -> dict:
        return {"name": self.name.full, "function": self.function, "category": self.category,
                "organisation": self.organisation, "qualifications": self.qualifications}

    def absorb(self, other: "Expert") -> None:
        """Fill what this one lacks from another mention of the same person."""
        for attr in ("function", "organisation", "qualifications", "stated_category"):
            if not getattr(self, attr) and getattr(other, attr):
                setattr(self, attr, getattr(other, attr))
        if other.qualifications and self.qualifications:
            self.qualifications = _merged_parts(self.qualifications, other.qualifications)
        self.evidence.extend(e for e in other.evidence if e not in self.evidence)
        self.read_whole = self.read_whole and other.read_whole


def _merged_parts(text: str, more: str) -> str:
    """'a ; b' and 'b ; c' → 'a ; b ; c': a list entry and a CV often say the
    same thing, and the CV more."""
    def norm(part: str) -> str:
        return re.sub(r"\W+", " ", fold(part)).strip()

    parts = [p.strip(" –—-•") for p in re.split(r"\s*;\s*", text) if norm(p)]
    seen = [norm(p) for p in parts]
    for part in re.split(r"\s*;\s*", more):
        n = norm(part)
        if n and not any(n in s for s in seen):
            parts.append(part.strip(" –—-•"))
            seen.append(n)
    return " ; ".join(parts)


# --------------------------------------------------------------------------- lexicon views

def _words_re(words: list[str], prefix: bool = False) -> re.Pattern:
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    tail = r"\w*" if prefix else r"(?!\w)"
    return re.compile(rf"(?<!\w)(?:{alternatives}){tail}")


class Lexicon:
    def __init__(self):
        lex = experts_lexicon()
        self.function_head = _words_re(lex["function_heads"])
        self.elu = _words_re(lex["elu_markers"])
        self.partner = _words_re(lex["partner_markers"])
        self.private = _words_re(lex["private_markers"])
        self.agent = _words_re(lex["agent_markers"])
        self.qualification = _words_re(lex["qualification_cues"], prefix=True)
        self.context = re.compile(r"(?<!\w)(?:" + "|".join(lex["context_cues"]) + r")(?!\w)")
        self.not_expert = _words_re(lex["not_expert_cues"])
        self.not_taking_part = re.compile(lex["not_taking_part"])
        self.columns = {role: [fold(h) for h in heads] for role, heads in lex["columns"].items()}


_LEXICON: Lexicon | None = None


def lexicon() -> Lexicon:
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon()
    return _LEXICON


# --------------------------------------------------------------------------- appositions

ORG_RE = re.compile(
    r"(?:(?:à|au|aux|de|du|des|auprès de|au sein de|pour)\s+(?:la |le |l['’]|les )?)?"
    r"(?P<org>(?:Ville|Mairie|Commune|Métropole|Communauté|Conseil|Département|Région|Syndicat|"
    r"Université|CHU|CHR|Centre|Hôpital|Agence|Institut|École|Ecole|Office|Pôle|Parc|"
    r"Association|Fédération|Réseau|SDIS|Chambre|Musée|Conservatoire|Cabinet|Société|Bureau d['’]études|"
    r"Mission locale|Comité|Maison|Observatoire|Laboratoire|Fondation|Compagnie|Théâtre|Opéra|Archives|"
    r"Bibliothèque|Médiathèque|Établissement|Etablissement|Groupement|GIP|Lycée|Collège|IUT|SEM|SPL|Régie|"
    r"Coopérative|CCAS|Cité|Scène|Orchestre|Sciences Po|"
    r"CNRS|INRAE|IRD|CIRAD|BRGM|Cerema|CEREMA|ADEME|Ifremer|IFREMER|Inserm|INSERM)\b[^,;()]*)")
LEGAL_FORMS = {"association", "association loi 1901", "fondation", "etablissement public", "gip",
               "groupement d'interet public", "sem", "societe d'economie mixte", "spl", "syndicat mixte",
               "cooperative", "scic", "federation", "reseau", "epci", "sarl", "sas", "sasu", "eurl", "sa"}
# A verb opening what follows a name: "interviendra en qualité d'expert",
# "sera mobilisée", "complète l'équipe" — no function.
VERB_START_RE = re.compile(r"^(?:\w+(?:ra|ront)|est|sont|sera|seront|complete|completent|a|ont|participe|rejoint)\b")
# "élu depuis 2008": a record of the mandate, which does not say which mandate.
RECORD_OF_MANDATE = re.compile(r"(?:elue?s?|agente?s?)\s+(?:depuis|de|en)\s+(?:19|20)\d\d")
# A clause, not a function: "; son curriculum vitae est joint au dossier".
CLAUSE_RE = re.compile(r" (?:est|sont|ont|sera|seront|etait|figure|figurent) ")
# "(élu)", "(agent territorial)": the category the dossier states, not an office
STATED_CATEGORY = re.compile(r"(?:elue?s?|agente?s?(?: territoria\w*)?|fonctionnaires?(?: territoria\w*)?"
                             r"|partenaires?|(?:personne )?qualifiee?s?)$")
SPLIT_RE = re.compile(r"\s*(?:[,;()]|\s[–—-]\s|\s/\s|:)\s*")


def _is_function(chunk: str) -> bool:
    return bool(lexicon().function_head.search(fold(chunk)))


def _is_qualification(chunk: str) -> bool:
    return bool(lexicon().qualification.search(fold(chunk)))


def parse_apposition(text: str) -> tuple[str | None, str | None, str | None]:
    """'directrice des espaces verts, ingénieure paysagiste (15 ans d'expérience)'
    -> (function, organisation, qualifications)."""
    # "est cheffe du service… depuis 2016. Ingénieure géotechnicienne…": the
    # verb goes, and the first sentence holds the function, the next ones what
    # the person has done (a full stop ends a function as a comma does).
    text = re.sub(r"^\s*(?:est|sera|serait|etait|était)\s+", "", text)
    # "… désigne M. X comme expert ; …", "en qualité d'experte": the role
    # sought, not the person's function
    role = re.match(r"^[\s,]*(?:comme|en\s+(?:sa\s+)?qualit[ée]\s+d['’]|au\s+titre\s+d['’])\s*"
                    r"(?:experte?s?|intervenante?s?)?(?=\W|$)", text, flags=re.I)
    if role:
        text = text[role.end():]
        if re.match(r"\s*[;.]", text):
            return None, None, None   # "… comme experts ; AUTORISE le maire": the clause ends
    # "DÉSIGNE Mme X, directrice …, comme experts de la Ville ; …": the role ends the apposition
    text = re.split(r"(?i)[\s,]+(?:comme|en\s+qualit[ée]\s+d['’])\s*(?:experte?s?|intervenante?s?)\b", text)[0]
    text = re.sub(r"\.\s+(?=[A-ZÀ-Ý0-9])", " ; ", text)
    chunks = [squash(c) for c in SPLIT_RE.split(text) if c and len(squash(c)) > 1]
    function = organisation = None
    qualifications: list[str] = []
    skip = last_function = -1
    for position, chunk in enumerate(chunks):
        first = position == 0
        folded = fold(chunk)
        if folded in ("et", "ou") or len(chunk) < 3 or position == skip:
            continue
        after = fold(chunks[position + 1]) if position + 1 < len(chunks) else ""
        if function is not None and position == last_function + 1 and chunk[:1].islower() \
                and _is_function(chunk) and not _is_qualification(chunk) and not STATED_CATEGORY.match(folded):
            # "hydrologue, gérant du bureau d'études X (SARL)": a second office
            # of the same person goes with the first
            function += f", {chunk}" + (f" ({chunks[position + 1]})" if after in LEGAL_FORMS else "")
            last_function, skip = position, (position + 1 if after in LEGAL_FORMS else skip)
            continue
        if organisation is None and not first and chunk[:1].isupper() and after in LEGAL_FORMS:
            # "Mission opérationnelle transfrontalière (association)": a body named by its legal form
            organisation, skip = f"{chunk} ({chunks[position + 1]})", position + 1
            continue
        if function is None and _is_function(chunk) and not (
                qualifications and _is_qualification(chunk)) and not RECORD_OF_MANDATE.match(folded):
            function, last_function = chunk, position
            continue
        if function is None and first and len(chunk.split()) <= 8 \
                and (chunk[:1].islower() or _names_an_office(chunk, after)) \
                and not _is_qualification(chunk) and not text.lstrip().startswith(";") \
                and not CLAUSE_RE.search(f" {folded} "):
            function, last_function = chunk, position  # "Perrine Perez, formatrice (…)": the apposition names it
            continue
        # "ingénieur agronome (Institut Agro)": where the degree was obtained, not the employer
        after_degree = bool(qualifications) and qualifications[-1] == chunks[position - 1]
        org = ORG_RE.match(chunk)
        if organisation is None and org and not after_degree and (org.start("org") == 0 or not _is_qualification(chunk)):
            organisation = org.group("org").strip()
            continue
        if organisation is None and function is not None and len(chunk.split()) <= 8 \
                and chunk[:1].isupper() and lexicon().partner.search(f" {folded} ") and not _is_qualification(chunk) \
                and not after_degree:
            organisation = chunk   # "…, CY Cergy Paris Université": a partner body named in its own words
            continue
        if _is_qualification(chunk) or function is not None:
            qualifications.append(chunk)
    if function and organisation is None:
        found = ORG_RE.search(function)
        if found and found.start() > 0:
            organisation = found.group("org").strip()
    quals = ", ".join(qualifications) or None
    return _clean(function), _clean(organisation), _clean(quals)


def _names_an_office(chunk: str, after: str) -> bool:
    """'Maître verrière' right after the name, capitalised as Word does, then
    another office ('formatrice'): no body, no degree, a few words."""
    folded = fold(chunk).strip(" .")
    return (len(chunk.split()) <= 4 and folded not in CIVILITIES and not STATED_CATEGORY.match(folded)
            and not ORG_RE.match(chunk) and not lexicon().partner.search(f" {folded} ")
            and bool(after) and _is_function(after))


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = squash(text).strip(" .,;:-–—")
    text = re.sub(r"^(?:et|ainsi que)\s+", "", text)
    return text[:1].upper() + text[1:] if text else None


# --------------------------------------------------------------------------- categories

def _is_own(organisation: str | None, applicant: str | None) -> bool:
    """The organisation is the applicant, named in full or in part ("SEM
    Garonne Développement" of "SEM Garonne Développement – société anonyme…")."""
    if not organisation or not applicant:
        return False
    org, app = fold(organisation), fold(applicant)
    return app in org or (len(org) >= 8 and org in app)


def categorise(function: str | None, organisation: str | None, stated: str | None = None,
               applicant: str | None = None) -> str | None:
    if stated:
        s = fold(stated)
        for cue, category in (("elu", "elu"), ("agent", "agent"), ("fonctionnaire", "agent"),
                              ("territorial", "agent"), ("partenaire", "partenaire"),
                              ("prive", "autre"), ("autre", "autre"), ("consultant", "autre")):
            if cue in s:
                return category
    lex = lexicon()
    func = fold(function or "")
    org = fold(organisation or "")
    own = _is_own(organisation, applicant)
    text = f" {func} {org} "
    if lex.private.search(text):
        return "autre"
    if lex.elu.search(f" {func} "):
        return "elu"
    if (own or not org) and re.match(r"(?:vice-)?presidente?\b", func):   # "Président, Brest métropole"
        return "elu"
    if org and not own and lex.partner.search(f" {org} "):
        return "partenaire"
    if lex.partner.search(f" {func} ") and not own:
        return "partenaire"
    if func and (lex.agent.search(f" {func} ") or lex.function_head.search(func)):
        return "agent"
    return None


# --------------------------------------------------------------------------- sources

def _mentions(text: str) -> list[PersonMention]:
    mentions = find_people(text)
    if mentions:
        return mentions
    # A name without civility, capitals or known given name: ask spaCy.
    found = []
    for start, end in person_spans(text):
        person = normalise(re.sub(rf"^{CIVILITY}\s+", "", text[start:end]))
        if person:
            found.append(PersonMention(person, start, end))
    return found


def _not_expert_context(text: str, mention: PersonMention) -> bool:
    window = fold(text[max(0, mention.start - 60): mention.end + 80])
    if lexicon().not_expert.search(window):
        return True
    # the person's sentence and the next: "…, Mme X, et quatre chargés de
    # mission. L'équipe … ; elle ne participe pas aux missions d'expertise."
    ends = [m.end() for m in re.finditer(r"[.!?](?:\s|$)", text[mention.end:])]
    reach = mention.end + (ends[1] if len(ends) > 1 else len(text))
    return bool(lexicon().not_taking_part.search(fold(text[mention.start:reach])))


def experts_in_unit(text: str, block: Block, source: str) -> list[Expert]:
    """Experts named in one paragraph, list item or sentence, each followed by
    its apposition (function, qualifications)."""
    mentions = [m for m in _mentions(text) if not _not_expert_context(text, m)]
    experts = []
    for i, mention in enumerate(mentions):
        stop = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        after = text[mention.end:stop]
        after = re.sub(r"\s+(?:et|ainsi que)\s*$", "", after)
        function, organisation, qualifications = parse_apposition(after)
        if function is None or _is_qualification(function) or VERB_START_RE.match(fold(function)):
            # "Notre directrice des espaces verts, Mme X, titulaire du diplôme…":
            # the function stands before the name, what follows is the record
            before = text[(mentions[i - 1].end if i else 0):mention.start]
            before = re.sub(r"^[\s,;.]*(?:et|ainsi que)?\s*", "", before).rstrip(" ,:–—-")
            before = re.sub(r"(?i)^(?:notre|nos|votre|leur|la|le|l['’])\s*", "", before)
            if before and _is_function(before) and len(before) < 120 and not CLAUSE_RE.search(f" {fold(before)} "):
                if function and not VERB_START_RE.match(fold(function)):
                    qualifications = " ; ".join(q for q in (function, qualifications) if q)
                function, organisation, _ = parse_apposition(before)
            elif function is None and before and len(before) < 60 and UNDECIDED_RE.search(fold(before)):
                function = _clean(before)   # "Notre fonction à préciser, Mme X": said, not decided
        experts.append(Expert(mention.name, function, organisation, qualifications,
                              evidence=[Evidence(block.piece, block.page, quote(text, mention.start, stop))],
                              source=source,
                              read_whole=stop - mention.start <= WHOLE_ENTRY_CHARS))
    return experts


# A person's entry longer than this may hold a function or qualification the
# apposition parser did not see: its absence is then for a person to check.
WHOLE_ENTRY_CHARS = 160


def experts_undecided(submission: Submission) -> list[Evidence]:
    """'Experts mobilisables : à définir', or an experts heading left empty."""
    for piece in submission.pieces:
        for i, block in enumerate(piece.blocks):
            folded = fold(block.text)
            if not lexicon().context.search(folded):
                continue
            if UNDECIDED_RE.search(folded) and len(block.text) < 200:
                return [Evidence.of(block)]
            nxt = piece.blocks[i + 1] if i + 1 < len(piece.blocks) else None
            if block.kind == "heading" and (nxt is None or nxt.kind == "heading"):
                return [Evidence.of(block)]
    return []


def person_candidates(submission: Submission, limit: int = 5) -> list[Evidence]:
    """People named in the body of the dossier outside the places where a
    person is known not to be an expert (DAECT contact, attendance lists…):
    the candidates to quote when no expert could be tied to the role."""
    found: dict[str, Evidence] = {}
    for piece in submission.pieces:
        if any(DELIBERATION_RE.search(fold(b.text)) for b in piece.blocks[:8]):
            continue      # an assembly's deliberation: its members and rapporteur
        for block in piece.blocks:
            if CLOSING_RE.search(fold(block.text)):
                break     # the signature is no candidate
            if block.source not in ("body", "textbox", "form"):
                continue
            for mention in find_people(block.text):
                line_start = block.text.rfind("\n", 0, mention.start) + 1
                head = block.text[line_start:line_start + 40]   # "Présents : M. A, Mme B, …"
                if mention.name.key not in found and not _not_expert_context(block.text, mention) \
                        and not lexicon().not_expert.search(fold(head)):
                    found[mention.name.key] = Evidence.of(block, max(0, mention.start - 40), mention.end + 80)
                    if len(found) >= limit:
                        return list(found.values())
    return list(found.values())


LABEL_NOISE = re.compile(r"\(s\)|\*|n[°o]\s*\d+|\b(?:de l'|de la |du |des )?(?:expert|experte|experts|intervenant)e?s?\b"
                         r"|\b\d+\b")


@lru_cache(maxsize=8192)   # the same labels and headers come back in every dossier
def _column_role(header: str, exact: bool = False) -> str | None:
    """What a table column or a form label holds: name, given, function,
    qualifications, organisation or category.  Form labels (exact=True) must
    be one of the known labels, bar noise like "de l'expert n° 2": a label
    such as "Personne référente" or "Intitulé de l'expertise" is no expert."""
    h = fold(header).strip(" :*")
    if not h:
        return None
    cols = lexicon().columns
    if exact:
        h = re.sub(r"\s+", " ", LABEL_NOISE.sub(" ", h)).strip(" :-–—")
    for role in ("given", "name", "function", "qualifications", "organisation", "category"):
        if any(h == c for c in cols[role]):
            return role
    if exact:
        return None
    for role in ("name", "function", "qualifications", "organisation", "category", "given"):
        if any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", h) for c in cols[role] if len(c) > 3):
            return role
    return None


def _header_line(text: str) -> bool:
    """'Identité  Fonction et employeur  Diplômes et expérience': the header
    row of a table a reader gave as text (its rows follow, their columns
    mixed line by line), a short line naming two column meanings or more."""
    if len(text) > 120 or re.search(r"[.;:,!?]", text):
        return False
    h = f" {fold(text)} "
    roles = set()
    for role, heads in lexicon().columns.items():
        for head in sorted((c for c in heads if len(c) > 3), key=len, reverse=True):
            if f" {head} " in h:
                roles.add(role)
                h = h.replace(f" {head} ", "  ")
    # nothing but column names: not a form's row of labels and values
    others = [w for w in re.findall(r"[a-z]{3,}", h) if w not in ("des", "les", "par")]
    return len(roles) >= 2 and len(others) <= 1 and not find_people(text)


def _label_value_layout(rows: list[list[str]]) -> bool:
    """'Nom | DUPONT' rows, or 'Nom | DUPONT | Prénom | Marie' cells: a form, not a list.
    A header row ('Identité | Poste et service | Compétences') is no form,
    whichever of its cells are known labels."""
    if _header_row(rows) is not None:
        return False
    is_label = lambda cell: _column_role(cell, exact=True) is not None  # noqa: E731
    if sum(1 for r in rows if is_label(r[0])) >= 2 and not any(_column_role(c) for c in rows[0][1:2]):
        return True
    first = rows[0]
    return sum(map(is_label, first[::2])) >= 2 and not any(map(_column_role, first[1::2]))


# Where a name cell's person ends and its apposition begins ("DUPONT Marie, directrice").
NAME_CELL_END = re.compile(r"\s*[,(–—]\s*|\s-\s")


def _leading_person(cell: str, in_name_column: bool = False) -> PersonName | None:
    """The person a cell opens with ('Mme Élodie ROSTAING', 'DUPONT Marie, directrice');
    in a column headed as names, any two or three capitalised words too."""
    cell = squash(cell)
    if not cell:
        return None
    mentions = find_people(cell)
    if mentions and mentions[0].start <= 3:
        return mentions[0].name
    head = NAME_CELL_END.split(cell)[0]
    if in_name_column and len(head.split()) <= 4:
        return normalise(re.sub(rf"^{CIVILITY}\s+", "", head))
    return None


def _name_column(body: list[list[str]]) -> int | None:
    """The column whose cells are person names, whatever its header says:
    most of the rows below the header open with a person there."""
    if not body:
        return None
    width = max(len(r) for r in body)
    best, best_hits = None, 0
    for j in range(width):
        hits = sum(1 for r in body if j < len(r) and _leading_person(r[j]))
        if hits > best_hits:
            best, best_hits = j, hits
    return best if best_hits and best_hits >= max(1, (len(body) + 1) // 2) else None


def _header_row(rows: list[list[str]]) -> int | None:
    """The row naming the columns: two cells or more with a column meaning,
    and no person in it (the first rows only)."""
    for i, row in enumerate(rows[:2]):
        roles = [_column_role(c) for c in row if len(c) < 60]
        if sum(1 for r in roles if r) >= 2 and not any(_leading_person(c) for c in row if len(c) < 60
                                                        and _column_role(c) is None):
            return i
    return None


def _table_roles(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    """(first body row, role of each column) of a list of people, or None.
    Columns get their role from their header and from their cells: the
    column of person names is the name column even under 'Identité' or
    'Expert', and an unlabelled column of functions is the function."""
    header = _header_row(rows)
    start = 0 if header is None else header + 1
    body = rows[start:]
    width = max(len(r) for r in rows)
    roles: list[str | None] = [None] * width
    if header is not None:
        for j, cell in enumerate(rows[header]):
            roles[j] = _column_role(cell)
    names = _name_column(body)
    if "given" in roles and "name" in roles:
        return start, roles            # NOM | Prénom: split names, read by their headers
    if names is None:
        return (start, roles) if header is not None and "name" in roles else None
    roles = [None if r == "name" else r for r in roles]
    roles[names] = "name"
    for j in range(width):
        if roles[j] is None and j != names and sum(
                1 for r in body if j < len(r) and _is_function(r[j][:80])) >= max(1, len(body) // 2):
            roles[j] = "function"
            break
    if header is None and "function" not in roles:
        return None
    return start, roles


def experts_in_table(block: Block, in_context: bool = False) -> list[Expert]:
    rows = [r for r in (block.rows or []) if any(c.strip() for c in r)]
    if len(rows) < 2:
        return []
    if _label_value_layout(rows):
        return []   # a form laid out as label | value cells: read by experts_in_form
    layout = _table_roles(rows)
    if layout is None:
        return []
    start, roles = layout
    header = rows[start - 1] if start else []
    at = roles.index("name")
    header_named = at < len(header) and _column_role(header[at]) in ("name", "given")
    if not in_context and "qualifications" not in roles:
        return []   # outside an experts section, people without qualifications: a board, a programme
    experts = []
    for row in rows[start:]:
        if NUMBERED_TITLE_RE.match(row[0]) and _leading_person(row[0]) is None:
            break   # "V. Nos engagements": the next section, run into a table without ruling lines
        cells = {role: squash(row[i]) for i, role in enumerate(roles)
                 if role and i < len(row) and squash(row[i])}
        raw_name = cells.get("name", "")
        if "given" in cells:
            raw_name = f"{cells['given']} {raw_name}" if raw_name.isupper() or not raw_name.istitle() \
                else f"{raw_name} {cells['given']}"
        person = _leading_person(raw_name, in_name_column=header_named)
        if person is None:
            continue
        function = cells.get("function")
        organisation = cells.get("organisation")
        qualifications = cells.get("qualifications")
        rest = NAME_CELL_END.split(raw_name, maxsplit=1)
        if len(rest) > 1:
            # 'Mme Marie DUPONT, directrice…' in the name cell: that is the function;
            # a 'Rôle dans la mission' column then says what the person brings.
            own_function, own_organisation, own_qualifications = parse_apposition(rest[1])
            if own_function:
                if function and not qualifications:
                    qualifications = function
                function = own_function
            organisation = organisation or own_organisation
            qualifications = qualifications or own_qualifications
        if function and not organisation:
            found = ORG_RE.search(function)
            if found and found.start() > 0:
                organisation = found.group("org").strip()
        experts.append(Expert(person, _clean(function), _clean(organisation), _clean(qualifications),
                              stated_category=cells.get("category"),
                              evidence=[Evidence(block.piece, block.page, squash(" | ".join(row)))],
                              source="table"))
    return experts


FIELD_RE = re.compile(r"^\s*(?P<label>[^:]{2,40}?)\s*:\s*(?P<value>.*)$")


def experts_in_form(units: list[tuple[str, str, Block]]) -> list[Expert]:
    """Experts given as form fields ('Nom : DUPONT', 'Prénom : Marie',
    'Fonction : …'), as label/value table rows or 'Label : value' lines."""
    experts: list[Expert] = []
    current: dict[str, str] = {}
    evidence: list[Evidence] = []

    def flush():
        raw = current.get("name", "")
        if "given" in current:
            raw = f"{current['given']} {raw}"
        mentions = find_people(raw)
        person = mentions[0].name if mentions else normalise(raw)
        if person:
            function, organisation = current.get("function"), current.get("organisation")
            qualifications, whole = current.get("qualifications"), True
            rest = raw[mentions[0].end:] if mentions else ""
            if len(rest.split()) > 2:
                # the name's field holds more than a name (a table's row read as one
                # line): its apposition fills the rest, and the entry is not whole
                more = parse_apposition(rest)
                function, organisation = function or more[0], organisation or more[1]
                qualifications, whole = qualifications or more[2], False
            experts.append(Expert(person, _clean(function), _clean(organisation), _clean(qualifications),
                                  stated_category=current.get("category"),
                                  evidence=list(evidence), source="form", read_whole=whole))
        current.clear()
        evidence.clear()

    for label, value, block in units:
        role = _column_role(label, exact=True)
        if role is None:
            continue
        if role in ("name", "given") and role in current:
            flush()
        if value.strip():
            current[role] = squash(value)
            evidence.append(Evidence(block.piece, block.page, squash(f"{label} : {value}")))
    if current:
        flush()
    return experts


# Form labels written without a colon, as printed forms come out of PDFs and
# scans: "Nom DUPONT", "Prénom Marie Fonction Directrice…", "Qualifications
# particulières" with the answer on the next line.
BARE_LABEL_RE = re.compile(
    r"(?:^|\s)(Nom et prénom|Nom\s*/\s*Prénom|Nom|Prénom|Fonction|Qualifications particulières|Qualifications"
    r"|Organisme|Structure|Employeur|Civilité|Courriel|Téléphone|Adresse)\b[.:]?(?=\s|$)")


def _bare_fields(text: str) -> list[tuple[str, str]]:
    marks = list(BARE_LABEL_RE.finditer(text))
    if not marks or marks[0].start() > 1:
        return []
    return [(m.group(1), text[m.end():marks[i + 1].start() if i + 1 < len(marks) else len(text)].strip())
            for i, m in enumerate(marks)]


def _form_units(blocks: list[Block], in_context: set[int]) -> list[tuple[str, str, Block]]:
    units = []
    pending: tuple[str, Block] | None = None    # a label whose answer is on the next line
    for block in blocks:
        if block.kind == "table" and block.rows:
            for row in block.rows:
                for i in range(0, len(row) - 1, 2):     # label | value [| label | value]
                    if _column_role(row[i], exact=True):
                        units.append((row[i], row[i + 1], block))
            continue
        if block.kind not in ("paragraph", "list_item") and not (
                block.kind == "heading" and _column_role(block.text, exact=True)):
            continue
        for line in block.text.splitlines():
            m = FIELD_RE.match(line)
            if m and _column_role(m.group("label"), exact=True):
                units.append((m.group("label"), m.group("value"), block))
                pending = None
                continue
            if _column_role(line, exact=True):
                pending = (line.strip(" :"), block)   # a label alone on its line: the answer follows
                continue
            fields = _bare_fields(line) if block.index in in_context else []
            if fields:
                units.extend((label, value, block) for label, value in fields)
                pending = (fields[-1][0], block) if not fields[-1][1] else None
            elif pending and line.strip():
                # "Fonction" then "Employeur Département du Gers": the field was left empty
                units.append((pending[0], "" if BARE_LABEL_RE.match(line) else line, block))
                pending = None
    return units


# --------------------------------------------------------------------------- CVs

CV_SECTIONS = {"qualifications": re.compile(r"formation|diplome|competence|qualification|langue"),
               "function": re.compile(r"experience|parcours|poste|fonction|emploi")}


def expert_from_cv(piece: Piece) -> Expert | None:
    person, name_block = None, None
    for block in piece.blocks[:8]:
        mentions = find_people(block.text.replace("Curriculum vitae", " ").replace("CV", " "))
        if mentions:
            person, name_block = mentions[0].name, block
            break
    if person is None:
        stem = re.sub(r"(?i)^(cv|curriculum[-_ ]?vitae)[-_ ]*", "", PurePosixPath(piece.file).stem)
        person = normalise(" ".join(w.capitalize() for w in re.split(r"[-_ ]+", stem) if w))
        name_block = piece.blocks[0] if piece.blocks else None
    if person is None or name_block is None:
        return None
    function = qualifications = None
    section = None
    collected: dict[str, list[str]] = {"function": [], "qualifications": []}
    for block in piece.blocks:
        folded = fold(block.text)
        m = FIELD_RE.match(block.text)
        if m and _column_role(m.group("label")) in ("function", "qualifications") and m.group("value").strip():
            collected[_column_role(m.group("label"))].append(m.group("value"))
            continue
        if block.kind == "heading" or (len(block.text) < 40 and block.text.isupper()):
            section = next((k for k, rx in CV_SECTIONS.items() if rx.search(folded)), None)
            continue
        if section and len(collected[section]) < 2 and block.text.strip():
            collected[section].append(block.text)
    if not collected["function"]:
        at = next(i for i, b in enumerate(piece.blocks) if b is name_block)
        for block in piece.blocks[at + 1:at + 4]:
            first, _, rest = block.text.partition(". ")
            if _is_function(first[:60]) and len(first) < 150:
                # "Directrice de l'autonomie… . Médecin de santé publique, titulaire…"
                collected["function"].append(first)
                if rest.strip() and not collected["qualifications"]:
                    collected["qualifications"].append(rest)
                break
        else:
            # no function stated: a description right under the name says what
            # the person brings ("Titulaire d'un diplôme d'État…")
            described = piece.blocks[at + 1:at + 2]
            if described and len(described[0].text) >= 40 and _is_qualification(described[0].text[:80]) \
                    and not collected["qualifications"]:
                collected["qualifications"].append(described[0].text)
    if collected["function"]:
        function = re.sub(r"^[•·▪◦*–—-]?\s*(?:[Dd]epuis|[Dd]e)?\s*\d{4}\s*(?:[-–]\s*(?:\d{4}|aujourd'hui)?)?\s*[:–—-]?\s*",
                          "", squash(collected["function"][0]))
    if collected["qualifications"]:
        qualifications = " ; ".join(squash(q) for q in collected["qualifications"])
    organisation = None
    if function:
        found = ORG_RE.search(function)
        if found and found.start() > 0:
            organisation = found.group("org").strip()
    return Expert(person, _clean(function), _clean(organisation), _clean(qualifications),
                  evidence=[Evidence.of(name_block)], source="cv")


# --------------------------------------------------------------------------- walk

PROPOSAL_RE = re.compile(r"experts?\b|mobilis|propos|mis(?:e|es)? a disposition|pourr(?:a|ont) intervenir"
                         r"|interviendr|equipe|referent")


def _opens_context(block: Block) -> bool:
    folded = fold(block.text)
    if block.kind == "heading":
        return bool(lexicon().context.search(folded))
    title_like = len(block.text) < 80 and not block.text.rstrip().endswith((".", ";", ","))
    intro = len(block.text) < 220 and (block.text.rstrip().endswith(":") or (
        PROPOSAL_RE.search(folded) and not find_people(block.text)))   # "Nous proposons trois experts."
    return (title_like or intro) and bool(lexicon().context.search(folded))


def experts_in_piece(piece: Piece) -> list[Expert]:
    found: list[Expert] = []
    in_context = False
    context_blocks: set[int] = set()
    named_in_context = closed = lost_table = False
    previous: Block | None = None
    annex = annexed(piece)
    blocks = join_continuations(piece.blocks)
    for block in blocks:
        if block.source not in ("body", "textbox", "form") or block.index in annex:
            continue
        after_label = previous is not None and _column_role(previous.text, exact=True) is not None
        previous = block
        if in_context and block.kind != "heading" and is_title(block) and not after_label \
                and not _opens_context(block) and not find_people(block.text):
            in_context = False    # the next numbered section of a form or dossier (a value in
                                  # capitals under its label, 'Nom' / 'GIRARDOT', is no title)
        if block.kind == "heading" and not (in_context and _column_role(block.text, exact=True)):
            # (a form's label set bold, "Fonction", is no section title)
            in_context = _opens_context(block)
            named_in_context = lost_table = False
            closed = closed and not in_context
            continue
        if in_context:
            context_blocks.add(block.index)
        if block.kind == "table":
            from_table = experts_in_table(block, in_context) or _experts_in_labelled_rows(block)
            if from_table:
                found.extend(from_table)
            elif in_context and not _label_value_layout([r for r in block.rows or [] if any(r)] or [[""]]):
                for row in block.rows or []:
                    text = " , ".join(c for c in row if c.strip())
                    found.extend(experts_in_unit(text, block, "table"))
            continue
        if _opens_context(block):
            in_context, named_in_context = True, False
            continue
        if in_context and block.kind == "paragraph" and _header_line(block.text):
            lost_table = True     # what follows are a table's rows, their cells run together
            continue
        if in_context and CLOSING_START_RE.search(fold(block.text[:80])):
            in_context = False    # the letter's closing and signature are not the experts list
        if CLOSING_RE.search(fold(block.text)):
            closed = True         # past the closing formula, until a new experts heading
        if closed:
            continue
        field_line = FIELD_RE.match(block.text)
        if (field_line and _column_role(field_line.group("label"), exact=True)) or \
                (in_context and _bare_fields(block.text)):
            continue  # form fields are read by experts_in_form
        if in_context and re.match(r"^\s*expert(?:e)?\s*n", fold(block.text)):
            continue  # "Expert n° 2": a form's sub-heading
        if in_context:
            here = experts_in_unit(block.text, block, "list" if block.kind == "list_item" else "prose")
            for expert in here if lost_table else []:
                expert.read_whole = False   # a function or degree may sit in another line
            if named_in_context and not here and not find_people(block.text):
                in_context = False   # the list of experts is over: back to ordinary text
            named_in_context = named_in_context or bool(here)
            found.extend(here)
        else:
            for sentence in sentences(block.text):
                if PROPOSAL_RE.search(fold(sentence)) and find_people(sentence):
                    found.extend(experts_in_unit(sentence, block, "prose"))
    found.extend(experts_in_form(_form_units(blocks, context_blocks)))
    return found


# Labels of the people a form names besides its experts.
CONTACT_LABEL_RE = re.compile(r"(?:du|le) dossier|contact|interlocut|representant|signataire|suivi")


def _experts_in_labelled_rows(block: Block) -> list[Expert]:
    """A form's 'Experts proposés | 1. Mme Laure CABROL – Directrice… 2. …'
    row: the label opens an experts section, each line of its value is an entry."""
    found: list[Expert] = []
    for row in block.rows or []:
        cells = [c for c in row if c.strip()]
        label = fold(cells[0])
        if len(cells) < 2 or len(label) > 80 or not lexicon().context.search(label) \
                or CONTACT_LABEL_RE.search(label) or _column_role(cells[0], exact=True):
            continue    # not an experts row, or a form field ('Expert 1 – Nom') read by experts_in_form
        for cell in cells[1:]:
            for line in cell.splitlines():
                found.extend(experts_in_unit(line, block, "table"))
    return found


# Which mention of a person says their function most surely: a form's field
# or a table's cell, then a list entry, then running text, then a CV.
SOURCE_RANK = {"form": 0, "table": 0, "list": 1, "prose": 2, "cv": 3}


def merge(experts: list[Expert]) -> list[Expert]:
    """One expert per person, in the order of first mention, built on the
    surest of their mentions and filled from the others."""
    groups: dict[str, list[Expert]] = {}
    for expert in experts:
        groups.setdefault(expert.name.key, []).append(expert)
    merged = []
    for group in groups.values():
        ordered = sorted(group, key=lambda e: SOURCE_RANK.get(e.source, len(SOURCE_RANK)))
        first = ordered[0]
        for other in ordered[1:]:
            first.absorb(other)
        merged.append(first)
    return merged


def _entry_name(block: Block) -> PersonName | None:
    """A block that is a person's name and nothing else ('Dr Inès Benali',
    'Curriculum vitae – Hélène Marchetti', a heading 'Thomas Vautrin'): it
    opens that person's entry, as a CV does."""
    text = CV_TITLE_RE.sub("", block.text.strip())
    if block.kind not in ("heading", "paragraph") or not text or len(text) > 60:
        return None
    mentions = find_people(text)
    if len(mentions) == 1 and mentions[0].end - mentions[0].start >= len(text.rstrip(" .,:")) - 2:
        return mentions[0].name
    return None


def experts_in_entries(piece: Piece) -> list[Expert]:
    """Person entries within a piece (CVs one after another, a name then its
    description): each read like a CV.  An entry must describe its person
    (a function field or sentence follows), so a signature's name is none."""
    body = [b for b in piece.blocks if b.source in ("body", "textbox", "form")]
    closing = next((i for i, b in enumerate(body) if CLOSING_RE.search(fold(b.text))), len(body))
    # Past a letter's closing formula a bare name is its signature, unless it
    # titles a page of its own (CVs printed after the letter).
    starts = [i for i, b in enumerate(body) if _entry_name(b)
              and (i < closing or b.kind == "heading" or CV_TITLE_RE.match(b.text))]
    entries = [body[i:starts[n + 1] if n + 1 < len(starts) else len(body)] for n, i in enumerate(starts)]
    described = [any(_is_function(b.text[:60]) or FIELD_RE.match(b.text) for b in entry[1:3]) for entry in entries]
    if not any(described):
        return []
    found = []
    for entry in entries:
        # Entries of one run are read alike: one that names no function still
        # presents its person (its missing function is then a finding).
        if len(entry) > 1 and len(entry[1].text) >= 40:
            expert = expert_from_cv(Piece(piece.file, piece.format, piece.pages, piece.ocr, entry))
            if expert:
                found.append(expert)
    return found


def find_experts(submission: Submission, applicant: str | None = None,
                 applicant_type: str | None = None) -> list[Expert]:
    found: list[Expert] = []
    for piece in submission.pieces:
        if piece.error is not None:
            continue
        here: list[Expert] = []
        if is_cv(piece):
            expert = expert_from_cv(piece)
            if expert:
                here.append(expert)
            for entry in experts_in_entries(piece):   # several CVs in one piece
                entry.source = "cv"
                here.append(entry)
        else:
            here.extend(experts_in_piece(piece))
            here.extend(experts_in_entries(piece))
        for expert in here if piece.ocr else []:
            # OCR may have lost a line of running text; an empty cell of a table
            # or form it read is still an empty cell
            expert.read_whole = expert.read_whole and expert.source in ("table", "form")
        found.extend(here)
    experts = merge(found)
    for expert in experts:
        own_staff = not expert.organisation or _is_own(expert.organisation, applicant)
        if applicant_type == "autre" and expert.function and own_staff:
            # Staff of an applicant that is no collectivité (an association, a
            # university, a hospital...): partners of the territory, unless the
            # applicant or the function says private (a firm, a consultant).
            expert.organisation = applicant
            own = categorise(expert.function, applicant, expert.stated_category)
            expert.category = "autre" if own == "autre" else "partenaire"
            continue
        expert.category = categorise(expert.function, expert.organisation, expert.stated_category,
                                     applicant=applicant)
        if expert.organisation is None and expert.category in ("elu", "agent") and applicant:
            expert.organisation = applicant
    return experts
