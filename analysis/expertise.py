"""The expertise sought for the label: its labels, their themes, and what
grounds it.

Labels are taken, in order of trust, from what names the expertise: form
fields and sections ("Intitulé de l'expertise :", "Compétences et
savoir-faire visés"), the "Objet :" line of the cover letter, a quoted label
after a cue ("pour son expertise en matière de « Propreté urbaine »"); then,
only when nothing names it, from what describes it (a "Description des
compétences" field, a section's paragraph, a sentence such as "Le
savoir-faire proposé porte sur ...").  Each label is mapped to the theme ids
of themes.yaml through the keyword lexicon data/themes_lexicon.yaml.

The basis (§III.1 of the DAECT note of 7 July 2020: "une expertise démontrée
dans le cadre de leurs actions de coopération décentralisée ou de
l'expérience acquise dans l'exercice de leur compétence sur leur propre
territoire") is read sentence by sentence with data/basis.yaml: a sentence
grounds the expertise when it is about cooperation (or a foreign partner)
or about the applicant's territory and competence, and reports something
done or being done, not merely wished.  A form's ticked box counts too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from contract import themes
from extractors.model import Block, Submission

from .applicant import PLACEHOLDER, find_mentions, fold_same, lexicon as applicant_lexicon
from .statements import is_cv
from .evidence import Evidence
from .meaning import STOPWORDS, NearestPhrase
from common.text import fold, sentences, squash

DATA = Path(__file__).parent / "data"
MAX_LABEL = 120        # a label is a phrase, not a paragraph
MAX_ITEMS = 6
SECTION_BLOCKS = 8     # how far below a heading its content is looked for
BASIS_SECTION = 3      # weight of a basis sentence under a heading on the basis (else 2;
                       # one less for a person's record: an expert's line, a CV)
# Trust of a source of labels: what names the expertise, what describes it,
# a sentence of running text.  Only the best trusted sources are kept.
NAMED, DESCRIBED, MENTIONED = 0, 1, 2

TICKED = "☒☑✔✓■"
UNTICKED = "☐□"


@dataclass
class ExpertiseItem:
    label: str
    themes: list[str]
    evidence: Evidence


@dataclass
class StatusFinding:
    status: str            # pass, fail, review
    message: str           # French
    evidence: list[Evidence]


@dataclass
class BasisFinding:
    status: str            # pass, fail, review
    kind: str | None       # cooperation, territoire, or None
    evidence: list[Evidence]
    message: str           # French


# --- themes ------------------------------------------------------------------

def _keyword_re(keyword: str) -> str:
    """A lexicon keyword as a pattern over folded text (see the lexicon header)."""
    parts = []
    for token in re.split(r"[\s\-'’]+", fold(keyword).strip()):
        if token.endswith("*"):
            parts.append(re.escape(token[:-1]) + r"\w*")
        elif len(token) >= 4:
            parts.append(re.escape(token) + r"(?:s|x|es)?")
        else:
            parts.append(re.escape(token))
    return r"[\s\-']+".join(parts) + r"(?!\w)"  # the start boundary is the caller's


@lru_cache(maxsize=1)
def _theme_keywords() -> dict[str, list[str]]:
    return yaml.safe_load((DATA / "themes_lexicon.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _theme_patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for theme, keywords in _theme_keywords().items():
        alternatives = sorted({_keyword_re(str(k)) for k in keywords}, key=len, reverse=True)
        # \b before a word character is (?<!\w), but lets `re` skip ahead to
        # the possible first letters: 25x faster than a look-behind per keyword
        words = [a for a in alternatives if re.match(r"\w", a)]
        others = [a for a in alternatives if not re.match(r"\w", a)]
        parts = ([r"\b(?:%s)" % "|".join(words)] if words else []) + [r"(?<!\w)" + a for a in others]
        out.append((theme, re.compile("|".join(parts))))
    return out


MEANING_MIN = 0.6   # below, the nearest describing phrase is too far to name a theme


@lru_cache(maxsize=1)
def _theme_phrases() -> NearestPhrase:
    """Each theme described by its label in themes.yaml and its keywords."""
    keywords = _theme_keywords()
    return NearestPhrase({theme: [entry["label"], *(str(k).rstrip("*") for k in keywords.get(theme, []))]
                          for theme, entry in themes().items()})


def themes_by_meaning(label: str) -> list[str]:
    """The theme of the phrase nearest in meaning to a label the lexicon
    does not know ("Lecture publique et médiathèques")."""
    hit = _theme_phrases().nearest(label)
    return [hit[0]] if hit and hit[2] >= MEANING_MIN else []


def themes_of(text: str) -> list[str]:
    """Theme ids a text speaks of, in order of first mention.  A keyword
    inside a longer one of another theme does not count ("sécurité" in
    "sécurité alimentaire")."""
    f = fold(text)
    spans = [(m.start(), m.end(), theme) for theme, pattern in _theme_patterns()
             for m in pattern.finditer(f)]
    kept = []
    for start, end, theme in sorted(spans, key=lambda s: s[0] - s[1]):
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in kept):
            kept.append((start, end, theme))
    ordered = []
    for _, _, theme in sorted(kept):
        if theme not in ordered and not theme.startswith("_"):   # "_aucun": masks, names no theme
            ordered.append(theme)
    return ordered


# --- lexicon -----------------------------------------------------------------

NUMBERING = r"(?:(?:\d+(?:\.\d+)*|[ivx]+|[a-h])\s*[.)\-–]\s*)?"


def _field_re(patterns: list[str]) -> re.Pattern:
    """A field label at the start of a text, then ':', a dash or the end:
    "Intitulé de l'expertise n° 2 :", "2. Compétences et savoir-faire visés",
    "Expertise n° 1 – Mobilités durables"."""
    return re.compile(r"^\W*" + NUMBERING + r"(?:" + "|".join(patterns) + r")"
                      r"(?:\s*n\s*°\s*\d+|\s+\d+)?\b\s*(?:\([^)]{0,60}\)\s*)?(?::|\s[–—-]\s|$)")


@dataclass
class _Lexicon:
    field_re: re.Pattern
    description_re: re.Pattern
    other_sections_re: re.Pattern
    section_heading_re: re.Pattern
    not_section_heading_re: re.Pattern
    cue_re: re.Pattern
    undecided_sentence_re: re.Pattern
    undecided_re: re.Pattern
    absent_re: re.Pattern
    basis: dict[str, re.Pattern]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = yaml.safe_load((DATA / "expertise.yaml").read_text(encoding="utf-8"))
    basis = yaml.safe_load((DATA / "basis.yaml").read_text(encoding="utf-8"))
    compiled = {name: re.compile("|".join(f"(?:{p})" for p in basis[name]))
                for name in ("cooperation", "territoire", "since", "acted", "future", "headings")}
    for name in ("undecided_sentence", "personal_since", "personal_record"):
        compiled[name] = re.compile(basis[name])
    return _Lexicon(
        field_re=_field_re(data["fields"]),
        description_re=_field_re(data["description_fields"]),
        other_sections_re=re.compile(data["other_sections"]),
        section_heading_re=re.compile(data["section_headings"]),
        not_section_heading_re=re.compile(data["not_section_headings"]),
        cue_re=re.compile("|".join(data["cues"])),
        undecided_sentence_re=re.compile(data["undecided_sentence"]),
        undecided_re=re.compile(data["undecided"]),
        absent_re=re.compile(data["absent"]),
        basis=compiled,
    )


# --- values ------------------------------------------------------------------

def _ticked_parts(value: str) -> str | None:
    """For a value made of check boxes, the ticked options only (None: no box)."""
    if not any(c in value for c in TICKED + UNTICKED):
        return None
    parts = re.split(f"(?=[{TICKED}{UNTICKED}])", value)
    return "\n".join(p[1:].strip() for p in parts if p[:1] in TICKED)


def value_status(value: str) -> str:
    """"ok", "absent" (empty, placeholder, no box ticked, "néant") or
    "undecided" ("à définir")."""
    f = fold(squash(value))
    if not f or PLACEHOLDER.search(f) or _lexicon().absent_re.match(f):
        return "absent"
    ticked = _ticked_parts(value)
    if ticked is not None and not ticked.strip():
        return "absent"
    if _lexicon().undecided_re.match(f):
        return "undecided"
    return "ok"


def _line_status(line: str) -> str:
    """Status of a line, judging the value of "Précisez : ..." when it is one."""
    m = re.match(r"^([^:]{1,50}):(.*)$", line)
    return value_status(m.group(2) if m else line)


def _is_heading(block: Block) -> bool:
    """A heading, or a short line that reads as one (numbered, ending with ':'
    or in capitals)."""
    if block.kind == "heading":
        return True
    text = squash(block.text)
    if block.kind == "table" or not text or len(text) > 90 or text.endswith("."):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(NUMBERED.match(text) or text.endswith(":")
                or (letters and sum(c.isupper() for c in letters) > 0.7 * len(letters)))


def _field(text: str, pattern: re.Pattern) -> tuple[str, int] | None:
    """If `text` opens with a field label: (value, offset of the value)."""
    m = pattern.match(fold_same(text))
    return (text[m.end():], m.end()) if m else None


# --- labels ------------------------------------------------------------------

LEADING = re.compile(r"^(?:(?:en\s+matiere\s+d[e']\s*|dans\s+(?:le|les)\s+domaines?\s+(?:d[eu]s?\s+|d')?|"
                     r"dans\s+(?:la|le|les|l')|"
                     r"(?:expertise|savoir-faire|competences?|experience)(?:\s+reconnue?s?)?(?=\s+(?:en|dans)\s)|"
                     r"la|le|les|l'|son|sa|ses|leur|leurs|notre|nos|un|une|des|de\s+la|de\s+l'|"
                     r"de|du|d'|sur|en|:)(?:\s+|(?<=['\s])|$))*")  # over folded text
CUT_POINTS = re.compile(r"\s*(?:;|,|:|\s[–—-]\s|\set\s|\s(?:afin|pour|dans|avec|qui|dont)\s)")
QUOTED = re.compile(r"^\s*[«“\"]\s*([^»”\"]{3,200}?)\s*[»”\"]")


def clean_label(text: str) -> str:
    """A label: one phrase without leading article or cue words, capitalised,
    cut at a sensible boundary before MAX_LABEL characters."""
    text = squash(text).strip(" «»“”\"'.,;:–—-•·*")
    text = text[LEADING.match(fold_same(text)).end():].strip(" «»“”\"'.,;:–—-")
    if len(text) > MAX_LABEL:
        head = text[:MAX_LABEL]
        cuts = [m.start() for m in CUT_POINTS.finditer(head) if m.start() >= 30]
        text = (head[:cuts[-1]] if cuts else head.rsplit(" ", 1)[0]).rstrip(" ,;:–—-")
    return text[:1].upper() + text[1:]


def _describing_label(text: str) -> str:
    """A label from a description: the phrase after its cue, up to the
    first sentence end or colon ("Le savoir-faire proposé porte sur la
    structuration des filières agricoles locales : collecte ...")."""
    cue = _lexicon().cue_re.search(fold_same(text))
    if cue:
        text = text[cue.end():]
    quoted = QUOTED.match(text)
    if quoted:
        return clean_label(quoted.group(1))
    head = re.split(r"(?<=[\w)»])\s*[.!?:;](?:\s|$)", text, maxsplit=1)[0]
    return clean_label(head)


def _value_labels(value: str) -> list[str]:
    ticked = _ticked_parts(value)
    if ticked is not None:
        value = ticked
    parts = re.split(r"\n|;|\s•\s|^\s*[•\-–]\s", value)
    return [p for p in (squash(p) for p in parts) if p]


# --- scanning ----------------------------------------------------------------

@dataclass
class _Found:
    label: str
    themes: list[str]
    block: Block
    trust: int
    start: int = 0
    end: int | None = None


@dataclass
class _Scan:
    found: list[_Found] = field(default_factory=list)
    undecided: list[Block] = field(default_factory=list)  # field or section "à définir", or empty
    absent: list[Block] = field(default_factory=list)     # field at its placeholder, "néant"


def _scan(submission: Submission) -> _Scan:
    scan = _Scan()
    lex = _lexicon()
    for piece in submission.pieces:
        blocks = piece.blocks
        for i, block in enumerate(blocks):
            if block.kind == "table" and block.rows:
                _scan_table(block, scan)
                continue
            named = _field(block.text, lex.field_re)
            described = None if named else _field(block.text, lex.description_re)
            hit, trust = (named, NAMED) if named else (described, DESCRIBED)
            if hit and hit[0].strip():
                _take_value(hit[0], block, hit[1], trust, scan)
            elif hit or _announces_expertise(block):
                _scan_section(blocks, i, trust, scan)
            elif fold(block.text).lstrip().startswith("objet"):
                _scan_objet(block, scan)
            elif i < TITLE_BLOCKS and QUOTED_TITLE.fullmatch(block.text.strip()):
                # « Une mairie numérique et inclusive » under the title of the dossier
                label = clean_label(block.text.strip(" «»“”\""))
                scan.found.append(_Found(label, themes_of(label), block, NAMED, 0, len(block.text)))
            _scan_sentences(block, scan)
    return scan


TITLE_BLOCKS = 8   # a dossier's title and subtitle stand in its first blocks
QUOTED_TITLE = re.compile(r"[«“\"][^»”\"]{8,200}[»”\"]")


def _announces_expertise(block: Block) -> bool:
    """A heading on the expertise that is no form field ("Les compétences que
    nous souhaitons valoriser"), and not one on the experts or the basis."""
    lex = _lexicon()
    f = fold_same(block.text)
    return (_is_heading(block) and bool(lex.section_heading_re.search(f))
            and not lex.not_section_heading_re.search(f) and not lex.other_sections_re.match(f)
            and not lex.basis["headings"].search(f))


def _scan_table(block: Block, scan: _Scan) -> None:
    lex = _lexicon()
    rows = block.rows or []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            named = _field(cell, lex.field_re)
            hit, trust = (named, NAMED) if named else (_field(cell, lex.description_re), DESCRIBED)
            if not hit:
                continue
            value = hit[0]
            if not value.strip():  # the value is in the next cell; below it in a header row
                right = row[c + 1] if c + 1 < len(row) else None
                if right is not None and not _is_label_cell(right):
                    value = right
                elif r + 1 < len(rows) and c < len(rows[r + 1]):
                    value = rows[r + 1][c]
            _take_value(value, block, None, trust, scan)


def _is_label_cell(cell: str) -> bool:
    lex = _lexicon()
    return bool(cell.strip()) and bool(_field(cell, lex.field_re) or _field(cell, lex.description_re))


def _take_value(value: str, block: Block, offset: int | None, trust: int, scan: _Scan) -> None:
    status = value_status(value)
    if status != "ok":
        (scan.undecided if status == "undecided" else scan.absent).append(block)
        return
    for part in _value_labels(value):
        label = clean_label(part) if trust == NAMED and len(part) <= MAX_LABEL else _describing_label(part)
        if not label:
            continue
        start = max(block.text.find(part), 0) if offset is None else offset
        scan.found.append(_Found(label, themes_of(label) or themes_of(part), block,
                                 trust if len(part) <= MAX_LABEL else DESCRIBED, start, start + len(part)))


def _scan_section(blocks: list[Block], i: int, trust: int, scan: _Scan) -> None:
    """A heading announcing the expertise: its short lines (sub-headings,
    list items) are labels; a paragraph describes it."""
    head = blocks[i]
    lex = _lexicon()
    content = []
    for block in blocks[i + 1:i + 1 + SECTION_BLOCKS]:
        if block.kind == "table" or _field(block.text, lex.field_re) or _field(block.text, lex.description_re):
            break
        if lex.other_sections_re.match(fold(block.text)):
            break
        if _is_heading(block) and not _sub_heading(head, block):
            break
        content.append(block)
    texts = [b for b in content if b.text.strip()]
    if not texts:
        scan.undecided.append(head)  # a heading with nothing under it
        return
    named = False
    for block in texts:
        status = value_status(block.text)
        if status != "ok":
            (scan.undecided if status == "undecided" else scan.absent).append(block)
            continue
        text = squash(block.text)
        if _names_it(block, text):
            label = clean_label(text)
            scan.found.append(_Found(label, themes_of(label), block, trust))
            named = True
        elif not named:
            label = _describing_label(block.text)
            quoted = QUOTED.match(block.text[_cue_end(block.text):])
            scan.found.append(_Found(label, themes_of(label) or themes_of(block.text), block,
                                     trust if quoted else DESCRIBED))


NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[IVX]+|[A-H])\s*[.)\-–]\s*\S")


def _sub_heading(head: Block, block: Block) -> bool:
    """Is `block`, a heading below the section heading `head`, one of its
    sub-headings (an expertise's label) rather than the next section?"""
    if head.level and block.level and block.kind == "heading" and head.kind == "heading":
        if block.level > head.level:
            return True
        if block.level < head.level:
            return False
    # Same or unknown level (PDF headings): sections are numbered alike.
    return not NUMBERED.match(block.text)


def _names_it(block: Block, text: str) -> bool:
    """A line of a section that names the expertise: a sub-heading, a list
    item, a short line; not a sentence that describes it, nor another field
    ("Pays : Liban")."""
    if len(text) > MAX_LABEL or text.endswith(":") or re.match(r"^[^:]{1,40}\s?:\s", text):
        return False
    if block.kind in ("heading", "list_item"):
        return True
    return not text.endswith(".") and not _lexicon().cue_re.search(fold_same(text))


def _cue_end(text: str) -> int:
    cue = _lexicon().cue_re.search(fold_same(text))
    return cue.end() if cue else 0


OBJET_LABEL = re.compile(r"expe-?ct\b\s*(?:[:–—-]|\(|«)\s*(?P<a>[^()«»]+)|«\s*(?P<b>[^»]+)»")


def _scan_objet(block: Block, scan: _Scan) -> None:
    """'Objet : Candidature au label EXPE-CT – Propreté urbaine'."""
    text = block.text.split("\n", 1)[0]
    f = fold_same(text)
    m = OBJET_LABEL.search(f)
    if m:
        group = "a" if m.group("a") else "b"
        start, end = m.start(group), m.end(group)
    else:
        cue = _lexicon().cue_re.search(f)
        if not cue:
            return
        start, end = cue.end(), len(text)
    phrase = text[start:end]
    mentions = find_mentions(phrase)
    if mentions and sum(x.end - x.start for x in mentions) > 0.5 * len(phrase.strip()):
        return  # "... EXPE-CT – Ville de Quimper": the applicant, not the expertise
    if applicant_lexicon().country_re.match(fold_same(phrase)) and len(phrase.split()) <= 4:
        return  # "Transmission du rapport de la mission EXPE-CT – Sénégal"
    label = clean_label(re.split(r"[.;]", phrase, maxsplit=1)[0])
    if len(label) > 3:
        scan.found.append(_Found(label, themes_of(label), block, NAMED, start, end))


SENTENCE_RE = re.compile(r"[^.!?;\n]+[.!?;]?")  # one sentence, or one line of a table


def _scan_sentences(block: Block, scan: _Scan) -> None:
    """'... pour son expertise en matière de « Propreté urbaine »' (a quoted
    label names the expertise), '... savoir-faire reconnu en matière de
    gestion des déchets' (a phrase mentions it)."""
    text = block.text
    f = fold_same(text)
    lex = _lexicon()
    for s in SENTENCE_RE.finditer(f):
        if lex.undecided_sentence_re.search(f, s.start(), s.end()):
            scan.undecided.append(block)
            continue
        cue = lex.cue_re.search(f, s.start(), s.end())
        if not cue:
            continue
        quoted = QUOTED.match(text[cue.end():])
        if quoted:
            label = clean_label(quoted.group(1))
            start = cue.end() + quoted.start(1)
            scan.found.append(_Found(label, themes_of(label), block, NAMED, start, start + len(quoted.group(1))))
            continue
        phrase = re.split(r",\s", text[cue.end():s.end()], maxsplit=1)[0]  # "..., acquise depuis"
        themes = themes_of(phrase)
        label = _describing_label(phrase)
        if themes and label:
            scan.found.append(_Found(label, themes_of(label) or themes, block, MENTIONED, cue.end(), s.end()))


# --- results -----------------------------------------------------------------

def _words(label: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(label)) if len(w) > 2 and w not in STOPWORDS}


def _same(a: str, b: str) -> bool:
    """One expertise said twice (letter and form, heading and objet)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return fold(a) == fold(b)
    small, large = sorted((wa, wb), key=len)
    return small <= large or len(wa & wb) / len(wa | wb) >= 0.6


def find_expertise(submission: Submission) -> list[ExpertiseItem]:
    return _items(_scan(submission))


# What a section on the expertise also holds and is no label of it: its own
# sub-titles ("Description", "Sur quoi repose cette expertise") and the
# record of what was done ("Depuis 2014, …", "Créé en 2018 …", "Mise en
# service de la ligne A (2012)") — the basis, not the competence.
NOT_A_LABEL = re.compile(
    r"^\W*(?:description|presentation|fondements?|contexte|territoire|ce que nous|ce qui fonde|sur quoi|quoi repose"
    r"|dans nos cooperations|(?:la |le |l')?(?:collectivite|region|departement|ville|commune) (?:sollicite|demande|propose))\b"
    r"|^\W*(?:depuis|en|dans les annees|entre) (?:19|20)\d\d\b|^\W*(?:cree|creee|mis|mise|realise|conduit|lance)e?s?\b"
    r"|^\W*financee?s?\s+(?:par|en|sur|avec|grace|a|au|aux|dans|depuis|l'|la|le|les|des|un|une)(?!\w)"  # not "Finances locales"
    r"|\?\s*$|\w-t-(?:il|elle)s?\b"   # a form's question ("… repose-t-elle sur … ?"), not its answer
    r"|(?:19|20)\d\d\)?\s*$|\(\s*(?:19|20)\d\d\s*\)")


def _items(scan: _Scan) -> list[ExpertiseItem]:
    found = [f for f in scan.found if f.label and not NOT_A_LABEL.search(fold_same(f.label))]
    if not found:
        return []
    best = min(f.trust for f in found)
    kept: list[_Found] = []
    for item in (f for f in found if f.trust == best):
        twin = next((k for k in kept if _same(k.label, item.label)), None)
        if twin is None:
            kept.append(item)
        elif not twin.themes and item.themes:
            twin.themes = item.themes
    return [ExpertiseItem(k.label, k.themes or themes_by_meaning(k.label), Evidence.of(k.block, k.start, k.end))
            for k in kept[:MAX_ITEMS]]


def expertise_status(items: list[ExpertiseItem], submission: Submission) -> StatusFinding:
    """The `expertise.described` check: the competences and savoir-faire
    sought for the label are described (§III.1)."""
    if items:
        labels = ", ".join(f"« {i.label} »" for i in items)
        return StatusFinding("pass", f"Expertise décrite : {labels}", [i.evidence for i in items][:3])
    scan = _scan(submission)
    if scan.undecided:
        return StatusFinding(
            "review", "Les compétences et savoir-faire visés sont annoncés mais non arrêtés "
            "(rubrique vide ou « à définir ») : à vérifier",
            [Evidence.of(b) for b in scan.undecided[:3]])
    if scan.absent:
        return StatusFinding("fail", "La rubrique des compétences et savoir-faire visés n'est pas renseignée",
                             [Evidence.of(b) for b in scan.absent[:3]])
    passages = _expertise_passages(submission)
    if passages:
        # Words of expertise stand in the dossier but no described competence
        # could be drawn from them: a person reads them.
        return StatusFinding("review", "Compétences et savoir-faire visés non reconnus avec certitude : "
                             "passages à examiner", passages)
    return StatusFinding("fail", "Le dossier ne décrit pas les compétences et savoir-faire pour "
                         "lesquels le label est sollicité", [])


EXPERTISE_WORDS_RE = re.compile(r"savoir-faire|expertise|competences?\b|nous (?:pouvons|proposons|savons)"
                                r"|mettre a (?:la )?disposition|partager")


def _expertise_passages(submission: Submission, limit: int = 3) -> list[Evidence]:
    """Sentences of the body that speak of what the applicant can share."""
    found = []
    for block in submission.blocks:
        if block.source != "body" or block.kind == "table":
            continue
        for sentence in sentences(block.text):
            # words of expertise and of a domain: "notre savoir-faire en gestion des déchets"
            if len(sentence) > 60 and EXPERTISE_WORDS_RE.search(fold(sentence)) and themes_of(sentence):
                found.append(Evidence(block.piece, block.page, sentence.strip()[:220]))
                if len(found) >= limit:
                    return found
    return found


# --- basis -------------------------------------------------------------------

BRACKETED_INSTRUCTION = re.compile(r"\[[^\]]{0,120}\]\W*$")


def find_basis(submission: Submission) -> BasisFinding:
    """The `expertise.basis` check: past decentralised-cooperation actions, or
    the competence exercised on the applicant's own territory (§III.1)."""
    lex = _lexicon().basis
    # (block, start, end, weight): the section on the basis says it more
    # surely than an expert's record elsewhere ("a conduit 3 missions au Chili").
    hits: dict[str, list[tuple[Block, int, int | None, int]]] = {"cooperation": [], "territoire": []}
    sections: dict[str, list[Block]] = {"undecided": [], "absent": []}
    for piece in submission.pieces:
        in_basis_section = False
        cv = is_cv(piece)
        for i, block in enumerate(piece.blocks):
            f = fold_same(block.text)
            personal = cv or bool(lex["personal_record"].search(f))
            if _is_heading(block):
                in_basis_section = bool(lex["headings"].search(f))
                if in_basis_section:
                    state = _section_state(piece.blocks, i)
                    if state != "ok":
                        sections[state].append(block)
            for s in SENTENCE_RE.finditer(f):
                sentence = f[s.start():s.end()]
                if lex["undecided_sentence"].search(sentence):
                    # "… | [À compléter par la collectivité]": the template's instruction left as it was
                    left_as_is = BRACKETED_INSTRUCTION.search(sentence)
                    sections["absent" if left_as_is else "undecided"].append(block)
                    continue
                kind = _basis_kind(sentence, block.text[s.start():s.end()])
                if kind:
                    weight = (BASIS_SECTION if in_basis_section else 2) - personal
                    hits[kind].append((block, s.start(), s.end(), weight))
            for line in block.text.splitlines():
                _ticked_basis(line, block, hits)
    if hits["cooperation"] or hits["territoire"]:
        kind = max(("cooperation", "territoire"), key=lambda k: sum(h[3] for h in hits[k]))
        message = ("Expertise fondée sur des actions de coopération décentralisée menées"
                   if kind == "cooperation" else
                   "Expertise fondée sur l'exercice de la compétence sur le territoire")
        return BasisFinding("pass", kind, _basis_evidence(hits[kind]), message)
    if sections["undecided"]:
        return BasisFinding("review", None, [Evidence.of(b) for b in sections["undecided"][:3]],
                            "Les actions ou l'expérience qui fondent l'expertise sont annoncées mais "
                            "non renseignées (rubrique vide ou « à compléter ») : à vérifier")
    evidence = [Evidence.of(b) for b in sections["absent"][:3]]
    return BasisFinding("fail", None, evidence,
                        "Le dossier ne montre ni actions de coopération décentralisée menées ni "
                        "exercice de la compétence sur le territoire")


def _basis_kind(folded: str, original: str) -> str | None:
    """cooperation, territoire or None for one sentence (folded, and as written)."""
    lex = _lexicon().basis
    since = lex["since"].search(lex["personal_since"].sub(" ", folded))
    acted = lex["acted"].search(original.lower().replace("’", "'"))
    if not (since or acted):
        return None
    if lex["future"].search(folded) and not since:
        return None  # "souhaite développer une coopération", "pourrait être proposé"
    if lex["cooperation"].search(folded) or _names_country(folded):
        return "cooperation"
    if lex["territoire"].search(folded) or since and acted:
        return "territoire"
    return None


def _names_country(sentence: str) -> bool:
    """"(Sénégal)", "au Bénin", "en Tunisie": a foreign partner."""
    country_re = applicant_lexicon().country_re
    return any(country_re.match(sentence[m.start():m.start() + 60])
               for m in re.finditer(r"\(|\b(?:au|en|aux)\s", sentence))


def _ticked_basis(line: str, block: Block, hits: dict) -> None:
    """A form's ticked box: '☒ Actions de coopération décentralisée'."""
    ticked = _ticked_parts(line)
    if not ticked:
        return
    f = fold(ticked)
    if "cooperation" in f:
        hits["cooperation"].append((block, 0, None, BASIS_SECTION))
    elif "territoire" in f or "competence" in f:
        hits["territoire"].append((block, 0, None, BASIS_SECTION))


def _section_state(blocks: list[Block], i: int) -> str:
    """What lies under a heading on the basis: "ok", "undecided" (nothing, or
    "à compléter") or "absent" (boxes unticked, fields at their placeholder)."""
    lines = []
    for block in blocks[i + 1:i + 1 + SECTION_BLOCKS]:
        if _is_heading(block):
            break
        lines += [line for line in (block.text.splitlines() or [""])]
    states = [_line_status(line) for line in lines if line.strip()]
    if not states or "undecided" in states and "ok" not in states:
        return "undecided"
    return "ok" if "ok" in states else "absent"


def _basis_evidence(hits: list[tuple[Block, int, int | None, int]]) -> list[Evidence]:
    out, seen = [], set()
    for block, start, end, _ in sorted(hits, key=lambda h: -h[3]):
        if (block.piece, block.index) not in seen:
            seen.add((block.piece, block.index))
            out.append(Evidence.of(block, start, end))
        if len(out) == 3:
            break
    return out
