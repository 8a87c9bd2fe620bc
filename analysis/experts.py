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
from pathlib import PurePosixPath

from common.text import CIVILITY, fold, sentences, squash
from extractors.model import Block, Piece, Submission

from .evidence import Evidence
from .lexicons import experts_lexicon
from .nlp import person_spans
from .people import PersonMention, PersonName, find_people, normalise
from .statements import is_title


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
               "cooperative", "scic", "federation", "reseau", "epci"}
SPLIT_RE = re.compile(r"\s*(?:[,;()]|\s[–—-]\s|\s/\s|:)\s*")


def _is_function(chunk: str) -> bool:
    return bool(lexicon().function_head.search(fold(chunk)))


def _is_qualification(chunk: str) -> bool:
    return bool(lexicon().qualification.search(fold(chunk)))


def parse_apposition(text: str) -> tuple[str | None, str | None, str | None]:
    """'directrice des espaces verts, ingénieure paysagiste (15 ans d'expérience)'
    -> (function, organisation, qualifications)."""
    chunks = [squash(c) for c in SPLIT_RE.split(text) if c and len(squash(c)) > 1]
    function = organisation = None
    qualifications: list[str] = []
    skip = -1
    for position, chunk in enumerate(chunks):
        first = position == 0
        folded = fold(chunk)
        if folded in ("et", "ou") or len(chunk) < 3 or position == skip:
            continue
        after = fold(chunks[position + 1]) if position + 1 < len(chunks) else ""
        if organisation is None and not first and chunk[:1].isupper() and after in LEGAL_FORMS:
            # "Mission opérationnelle transfrontalière (association)": a body named by its legal form
            organisation, skip = f"{chunk} ({chunks[position + 1]})", position + 1
            continue
        if function is None and _is_function(chunk) and not (
                qualifications and _is_qualification(chunk)):
            function = chunk
            continue
        if function is None and first and len(chunk.split()) <= 8 and chunk[:1].islower() \
                and not _is_qualification(chunk):
            function = chunk      # "Perrine Perez, formatrice (…)": the apposition names the function
            continue
        org = ORG_RE.match(chunk)
        if organisation is None and org and (org.start("org") == 0 or not _is_qualification(chunk)):
            organisation = org.group("org").strip()
            continue
        if _is_qualification(chunk) or function is not None:
            qualifications.append(chunk)
    if function and organisation is None:
        found = ORG_RE.search(function)
        if found and found.start() > 0:
            organisation = found.group("org").strip()
    quals = ", ".join(qualifications) or None
    return _clean(function), _clean(organisation), _clean(quals)


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = squash(text).strip(" .,;:-–—")
    text = re.sub(r"^(?:et|ainsi que)\s+", "", text)
    return text[:1].upper() + text[1:] if text else None


# --------------------------------------------------------------------------- categories

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
    own = applicant is not None and org and fold(applicant) in org
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
    return bool(lexicon().not_expert.search(window))


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
        if function is None:
            before = text[(mentions[i - 1].end if i else 0):mention.start]
            before = re.sub(r"^[\s,;.]*(?:et|ainsi que)?\s*", "", before).rstrip(" :–—-")
            if before and _is_function(before) and len(before) < 120:
                function, organisation, _ = parse_apposition(before)
        experts.append(Expert(mention.name, function, organisation, qualifications,
                              evidence=[Evidence.of(block, mention.start, stop)], source=source))
    return experts


LABEL_NOISE = re.compile(r"\(s\)|\*|n[°o]\s*\d+|\b(?:de l'|de la |du |des )?(?:expert|experte|experts|intervenant)e?s?\b"
                         r"|\b\d+\b")


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
        h = re.sub(r"\s+", " ", LABEL_NOISE.sub(" ", h)).strip(" :-")
    for role in ("given", "name", "function", "qualifications", "organisation", "category"):
        if any(h == c for c in cols[role]):
            return role
    if exact:
        return None
    for role in ("name", "function", "qualifications", "organisation", "category", "given"):
        if any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", h) for c in cols[role] if len(c) > 3):
            return role
    return None


def _label_value_layout(rows: list[list[str]]) -> bool:
    """'Nom | DUPONT' rows, or 'Nom | DUPONT | Prénom | Marie' cells: a form, not a list."""
    is_label = lambda cell: _column_role(cell, exact=True) is not None  # noqa: E731
    if sum(1 for r in rows if is_label(r[0])) >= 2 and not any(is_label(c) for c in rows[0][1:2]):
        return True
    first = rows[0]
    return sum(map(is_label, first[::2])) >= 2 and not any(map(is_label, first[1::2]))


def experts_in_table(block: Block) -> list[Expert]:
    rows = [r for r in (block.rows or []) if any(c.strip() for c in r)]
    if len(rows) < 2:
        return []
    if _label_value_layout(rows):
        return []   # a form laid out as label | value cells: read by experts_in_form
    roles = [_column_role(c) for c in rows[0]]
    if "name" not in roles:
        return []
    experts = []
    for row in rows[1:]:
        cells = {role: squash(row[i]) for i, role in enumerate(roles)
                 if role and i < len(row) and squash(row[i])}
        raw_name = cells.get("name", "")
        if "given" in cells:
            raw_name = f"{cells['given']} {raw_name}" if raw_name.isupper() or not raw_name.istitle() \
                else f"{raw_name} {cells['given']}"
        mentions = find_people(raw_name)
        person = mentions[0].name if mentions else normalise(re.sub(
            rf"^{CIVILITY}\s+", "", raw_name))
        if person is None:
            continue
        function = cells.get("function")
        organisation = cells.get("organisation")
        if function and not organisation:
            found = ORG_RE.search(function)
            if found and found.start() > 0:
                organisation = found.group("org").strip()
        experts.append(Expert(person, _clean(function), _clean(organisation),
                              _clean(cells.get("qualifications")),
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
            experts.append(Expert(person, _clean(function), _clean(organisation),
                                  _clean(current.get("qualifications")),
                                  stated_category=current.get("category"),
                                  evidence=list(evidence), source="form"))
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
    r"|Organisme|Structure)\b[.:]?(?=\s|$)")


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
        if block.kind not in ("paragraph", "list_item"):
            continue
        for line in block.text.splitlines():
            m = FIELD_RE.match(line)
            if m and _column_role(m.group("label"), exact=True):
                units.append((m.group("label"), m.group("value"), block))
                pending = None
                continue
            fields = _bare_fields(line) if block.index in in_context else []
            if fields:
                units.extend((label, value, block) for label, value in fields)
                pending = (fields[-1][0], block) if not fields[-1][1] else None
            elif pending and line.strip():
                units.append((pending[0], line, block))
                pending = None
    return units


# --------------------------------------------------------------------------- CVs

CV_NAME_RE = re.compile(r"(?:^|[\W_])(cv|curriculum)(?:$|[\W_])", re.I)
CV_SECTIONS = {"qualifications": re.compile(r"formation|diplome|competence|qualification|langue"),
               "function": re.compile(r"experience|parcours|poste|fonction|emploi")}


def is_cv(piece: Piece) -> bool:
    if CV_NAME_RE.search(PurePosixPath(piece.file).stem):
        return True
    head = " ".join(fold(b.text) for b in piece.blocks[:5])
    return "curriculum vitae" in head or re.search(r"(?<!\w)cv(?!\w)", head) is not None


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
        for block in piece.blocks[name_block.index + 1:name_block.index + 4]:
            if _is_function(block.text) and len(block.text) < 150:
                collected["function"].append(block.text)
                break
    if collected["function"]:
        function = re.sub(r"^(?:depuis|de)?\s*\d{4}\s*(?:[-–]\s*(?:\d{4}|aujourd'hui)?)?\s*:?\s*", "",
                          squash(collected["function"][0]))
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

CLOSING_RE = re.compile(r"^\s*(?:fait a\b|je vous prie|veuillez agreer|nous vous prions|dans l'attente"
                        r"|(?:pour )?(?:le|la) (?:maire|president|presidente)\b|signature|p/o\b)")
PROPOSAL_RE = re.compile(r"experts?\b|mobilis|propos|mis(?:e|es)? a disposition|pourr(?:a|ont) intervenir"
                         r"|interviendr|equipe|referent")


def _opens_context(block: Block) -> bool:
    folded = fold(block.text)
    if block.kind == "heading":
        return bool(lexicon().context.search(folded))
    title_like = len(block.text) < 80 and not block.text.rstrip().endswith((".", ";", ","))
    return ((title_like or (len(block.text) < 220 and block.text.rstrip().endswith(":")))
            and bool(lexicon().context.search(folded)))


def _join_continuations(blocks: list[Block]) -> list[Block]:
    """A list item or paragraph cut by the page layout continues in the next
    block when that one starts in lower case or with a bracket."""
    joined: list[Block] = []
    for block in blocks:
        prev = joined[-1] if joined else None
        if (prev is not None and block.kind == "paragraph" and prev.kind in ("list_item", "paragraph")
                and block.source == prev.source and block.text[:1] and (block.text[0].islower() or block.text[0] in "(–-")
                and not prev.text.rstrip().endswith((".", ":", ";"))):
            joined[-1] = Block(prev.kind, prev.text.rstrip() + " " + block.text.lstrip(), prev.piece, prev.page,
                               prev.index, prev.level, prev.rows, prev.source)
        else:
            joined.append(block)
    return joined


def experts_in_piece(piece: Piece) -> list[Expert]:
    found: list[Expert] = []
    in_context = False
    context_blocks: set[int] = set()
    named_in_context = False
    for block in _join_continuations(piece.blocks):
        if block.source not in ("body", "textbox", "form"):
            continue
        if in_context and block.kind != "heading" and is_title(block) \
                and not _opens_context(block) and not find_people(block.text):
            in_context = False    # the next numbered section of a form or dossier
        if block.kind == "heading":
            in_context = _opens_context(block)
            named_in_context = False
            continue
        if in_context:
            context_blocks.add(block.index)
        if block.kind == "table":
            from_table = experts_in_table(block)
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
        if in_context and CLOSING_RE.search(fold(block.text[:80])):
            in_context = False    # the letter's closing and signature are not the experts list
        field_line = FIELD_RE.match(block.text)
        if (field_line and _column_role(field_line.group("label"), exact=True)) or \
                (in_context and _bare_fields(block.text)):
            continue  # form fields are read by experts_in_form
        if in_context and re.match(r"^\s*expert(?:e)?\s*n", fold(block.text)):
            continue  # "Expert n° 2": a form's sub-heading
        if in_context:
            here = experts_in_unit(block.text, block, "list" if block.kind == "list_item" else "prose")
            if named_in_context and not here and not find_people(block.text):
                in_context = False   # the list of experts is over: back to ordinary text
            named_in_context = named_in_context or bool(here)
            found.extend(here)
        else:
            for sentence in sentences(block.text):
                if PROPOSAL_RE.search(fold(sentence)) and find_people(sentence):
                    found.extend(experts_in_unit(sentence, block, "prose"))
    found.extend(experts_in_form(_form_units(piece.blocks, context_blocks)))
    return found


def merge(experts: list[Expert]) -> list[Expert]:
    by_key: dict[str, Expert] = {}
    for expert in experts:
        key = expert.name.key
        if key in by_key:
            by_key[key].absorb(expert)
        else:
            by_key[key] = expert
    return list(by_key.values())


def find_experts(submission: Submission, applicant: str | None = None,
                 applicant_type: str | None = None) -> list[Expert]:
    found: list[Expert] = []
    for piece in submission.pieces:
        if piece.error is not None:
            continue
        if is_cv(piece):
            expert = expert_from_cv(piece)
            if expert:
                found.append(expert)
        else:
            found.extend(experts_in_piece(piece))
    experts = merge(found)
    for expert in experts:
        if applicant_type == "autre" and expert.function and not expert.organisation:
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
