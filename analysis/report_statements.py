"""What a mission report says on the three questions of §III.3 (the
purpose of the mission, a follow-up action, a longer-term cooperation) and
how the label holder validated it: the report facts the checks judge."""
from __future__ import annotations

import re
from dataclasses import dataclass

from common.text import fold, sentences
from extractors.model import Block, Submission

from .evidence import Evidence
from .statements import (TICKED, UNDECIDED_RE, UNTICKED, Concept, Statement, blocks_under, find_statement,
                         join_continuations)

PURPOSE_HEADING = re.compile(r"\bobjet\b|objectifs?|termes de reference|but de la mission")
FOLLOW_UP_HEADING = re.compile(r"\bsuites?\b|actions? complementaires?|prolongements?|prochaines etapes")
LONG_TERM_HEADING = re.compile(r"perspectives?|cooperation (?:future|a (?:plus )?long terme|durable|envisagee)"
                               r"|partenariat|long terme|avenir")
PURPOSE = Concept("report.purpose", (("mission", "accueil"), ("objet", "objectif", "but", "visait", "avait pour", "consist", "destinee a")))
FOLLOW_UP = Concept("report.follow_up", (
    ("action complementaire", "actions complementaires", "mission complementaire", "seconde mission", "deuxieme mission",
     "nouvelle mission", "mission de suivi", "prolong", "suite a donner", "suites a donner", "complete par", "completee par",
     "completer la mission", "completer ce", "pourrait completer", "pourraient completer",
     "second volet", "suite de la mission", "suites de la mission", "accueil en retour", "visite retour"),),
    topic=(("suites", "suite a donner", "action complementaire", "actions complementaires", "prolongement"),))
LONG_TERM = Concept("report.long_term", (
    ("cooperation", "partenariat", "convention", "jumelage", "relations", "contacts", "accompagnement"),
    ("long terme", "durable", "perenn", "futur", "plus long", "a venir", "prochaines annees", "accord de cooperation",
     "convention de cooperation", "partenariat durable", "deboucher", "pluriannuel"),
))
VALIDATION_RE = re.compile(
    r"\b(?:vu|valide|approuve|vise|certifie)e?s? (?:et (?:valide|approuve)e? )?(?:par|pour|au nom de)\b"
    r"|\bvu et (?:approuve|valide)\b|\bvisa\b|\bvalidation\b"
    r"|\ble present rapport (?:a ete|est) (?:valide|approuve)|\bbon pour validation\b|\bj'approuve\b")
TRANSMISSION_RE = re.compile(r"transmet|transmettre|vous adresser|adresse ci-joint|vous faire parvenir|ci-joint le rapport")
REPORT_NOUN_RE = re.compile(r"rapport|compte[ -]rendu")   # what a cover letter transmits
EXECUTIVE_RE = re.compile(r"\b(?:le|la) (?:maire|president|presidente|vice-president|vice-presidente|directeur general"
                          r"|directrice generale|dgs)\b|\bpour le (?:maire|president)\b|\bp/o\b|\bpar delegation\b")


# A title set in the run of a paragraph: "Action complémentaire. Oui, …",
# "Coopération à plus long terme : …" — the title, its optional number, and at
# most two words after the words that make it a title ("… possible ?",
# "Objet de la mission. …"; short words such as "de la" not counted).
TITLE_NUMBER = r"(?:(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*[.)°-]\s*)"    # "5.", "b)", "IV -" (folded)
RUN_IN_RE = re.compile(rf"^\s*{TITLE_NUMBER}?(?P<label>[^.:?!;]{{3,60}}?)\s*[.:?!]+(?:\s+|$)")
RUN_IN_TAIL_WORDS = 2
TAIL_WORD_RE = re.compile(r"[^\W\d_]{4,}")
WORDED_RE = re.compile(r"[^\W\d_]{2,}")                       # an answer in words, not "……"
BOXES_RE = re.compile(rf"[{UNTICKED}{TICKED}]|\[\s*[xX]?\s*\]")  # check boxes: read as a form


def run_in(block: Block, heading_re: re.Pattern) -> str | None:
    """The answer after a run-in title matching heading_re, "" when nothing
    follows it, None when the block does not open with such a title."""
    if block.kind not in ("paragraph", "list_item"):
        return None
    m = RUN_IN_RE.match(block.text)
    if not m:
        return None
    label = fold(m.group("label"))
    title = heading_re.match(label)
    if not title or len(TAIL_WORD_RE.findall(label[title.end():])) > RUN_IN_TAIL_WORDS:
        return None
    return block.text[m.end():].strip()


def _own_part(body: list[Block], heading_re: re.Pattern, other_heading: re.Pattern | None) -> tuple[list[str], bool]:
    """A section's texts that answer its own question: where run-in titles
    share it out ("Suites" holding "Action complémentaire. …" and
    "Coopération à plus long terme. …"), the paragraphs under another
    question's title are left out.  Also says whether it has its own run-in title."""
    texts, own_title, current = [], False, True
    for block in body:
        if block.kind == "heading":
            continue
        mine = run_in(block, heading_re)
        theirs = run_in(block, other_heading) if other_heading is not None and mine is None else None
        if mine is not None:
            current, own_title = True, True
            texts.append(mine)
        elif theirs is not None:
            current = False
        elif current:
            texts.append(block.text)
    return texts, own_title


def _run_in_after(submission: Submission, heading: Block, heading_re: re.Pattern) -> bool:
    """Is the title set again further on as a run-in title with its answer
    ("5. Action complémentaire. Oui. …" after the contents' "5. Action complémentaire")?"""
    return any(WORDED_RE.search(run_in(block, heading_re) or "")
               for piece in submission.pieces if piece.file == heading.piece
               for block in piece.blocks if block.index > heading.index)


def _undecided(texts: list[str], others: tuple[re.Pattern, ...]) -> bool:
    """"À définir" said on this question, not in a sentence opening with
    another question's title that a scan ran into the section ("Suites
    envisagées et perspectives À définir …" after the purpose)."""
    return any(UNDECIDED_RE.search(folded) and not any(o.match(folded) for o in others)
               for text in texts for folded in (fold(s) for s in sentences(text)))


def section_statement(submission: Submission, heading_re: re.Pattern, concept: Concept,
                      other_heading: re.Pattern | None = None, other: Concept | None = None,
                      others: tuple[re.Pattern, ...] = ()) -> Statement:
    """A required statement: its own section if the report has one (empty or
    "à définir" → review), else a paragraph opening with its title, else a
    sentence anywhere that says it.  A section shared with another statement
    ("Suites et perspectives") is read by its run-in titles or, without them,
    sentence by sentence.  A title with nothing under it that is matched again
    further on, as a title or a run-in title, is an entry of the contents
    ("Sommaire"), not the section.  `others`: the other questions' titles."""
    sections = blocks_under(submission, heading_re)
    for at, (heading, body) in enumerate(sections):
        texts, own_title = _own_part(body, heading_re, other_heading)
        text = " ".join(texts).strip()
        if not text:
            if at + 1 < len(sections) or _run_in_after(submission, heading, heading_re):
                continue
            return Statement("review", [Evidence.of(heading)], "empty")
        shown = next((b for b in body if b.kind != "heading" and b.text.strip()), heading)
        merged = other_heading is not None and other_heading.search(fold(heading.text)) and not own_title
        if merged:
            said = [s for s in sentences(text) if concept.matches(fold(s))]
            if said:
                undecided = all(UNDECIDED_RE.search(fold(s)) for s in said)
                return Statement("review" if undecided else "pass", [Evidence(heading.piece, heading.page, said[0][:220])],
                                 "undecided" if undecided else "found")
            rest = [s for s in sentences(text) if not (other and other.matches(fold(s)))]
            if not rest:   # the shared section only answers the other question
                return Statement("review", [Evidence.of(heading)], "empty")
            texts = rest
        if _undecided(texts, others):
            return Statement("review", [Evidence.of(shown)], "undecided")
        return Statement("pass", [Evidence.of(shown)], "found")
    for piece in submission.pieces:
        for block in join_continuations(piece.blocks):
            answer = run_in(block, heading_re)
            if answer and WORDED_RE.search(answer) and not BOXES_RE.search(answer):   # forms: find_statement
                undecided = bool(UNDECIDED_RE.search(fold(answer)))
                return Statement("review" if undecided else "pass", [Evidence.of(block)],
                                 "undecided" if undecided else "found")
    return find_statement(submission, concept)


def purpose_statement(submission: Submission) -> Statement:
    return section_statement(submission, PURPOSE_HEADING, PURPOSE, others=(FOLLOW_UP_HEADING, LONG_TERM_HEADING))


def follow_up_statement(submission: Submission) -> Statement:
    return section_statement(submission, FOLLOW_UP_HEADING, FOLLOW_UP, LONG_TERM_HEADING, LONG_TERM,
                             others=(LONG_TERM_HEADING,))


def long_term_statement(submission: Submission) -> Statement:
    return section_statement(submission, LONG_TERM_HEADING, LONG_TERM, FOLLOW_UP_HEADING, FOLLOW_UP,
                             others=(FOLLOW_UP_HEADING,))


@dataclass
class Validation:
    by: str              # visa: "vu et validé par…"; transmission: sent on and signed by the executive;
                         # vide: a validation block left blank (the visa is missing);
                         # a_completer: a validation line whose answer is left "à compléter"
    evidence: Evidence


# A form's line left to be filled: "Nom et qualité du signataire : ......"
BLANK_FIELD_RE = re.compile(r"^[^:]{2,60}:\s*(?:[._…\s]{4,}|_+)\s*(?:\w[^:]{0,30}:\s*(?:[._…\s]{4,}|_+)\s*)*$")


def _left_blank(blocks: list, at: int) -> bool:
    """The validation block is there and its lines are left to be filled."""
    following = [b.text.strip() for b in blocks[at + 1:at + 4] if b.text.strip()]
    return bool(following) and len(blocks[at].text) < 80 and all(
        BLANK_FIELD_RE.match(line) for text in following for line in text.splitlines() if line.strip())


UNDECIDED_LINE_CHARS = 120   # "Validation par la collectivité labellisée : à compléter."


def find_validation(submission: Submission) -> Validation | None:
    """The first piece that carries a visa, or that transmits the report
    with the executive's signature; a validation block left blank is said so
    ("vide": the visa is missing, and the report says where), and one left
    "à compléter" too ("a_completer": a person must look)."""
    for piece in submission.pieces:
        text = fold(piece.text)
        for at, block in enumerate(piece.blocks):
            found = VALIDATION_RE.search(fold(block.text))
            if found:
                if _left_blank(piece.blocks, at):
                    return Validation("vide", Evidence.of(block))
                if len(block.text) <= UNDECIDED_LINE_CHARS and UNDECIDED_RE.search(fold(block.text)[found.end():]):
                    return Validation("a_completer", Evidence.of(block))
                return Validation("visa", Evidence.of(block))
        if TRANSMISSION_RE.search(text) and REPORT_NOUN_RE.search(text) and EXECUTIVE_RE.search(text):
            block = next(b for b in piece.blocks if EXECUTIVE_RE.search(fold(b.text)))
            return Validation("transmission", Evidence.of(block))
    return None
