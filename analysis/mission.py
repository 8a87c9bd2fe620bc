"""Mission facts of a report: country, first and last day, report date,
participants, hosting — as the contract's `mission` field."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from common.text import CIVILITY, fold, sentences
from extractors.model import Block, Submission

from .evidence import Evidence
from .dates import find_dates, find_range
from .lexicons import countries
from .nlp import person_spans
from .people import PersonName, find_people, normalise
from .report_statements import REPORT_NOUN_RE, TRANSMISSION_RE, VALIDATION_RE, run_in
from .statements import blocks_under

HOSTING_RE = re.compile(
    r"accueil (?:d'une|de la|des?) (?:delegation|representants?|homologues?)|delegation (?:\w+ )?accueillie"
    r"|(?:avons|a) accueilli (?:une|la) delegation|mission d'accueil|accueillant une delegation"
    r"|venue (?:d'une|de la) delegation|recu une delegation|dates de l'accueil|type de mission\s*:?\s*accueil")
PROMINENT = 14   # blocks at the top of a report: title, summary fields
TAIL_BLOCKS = 8  # blocks at the end of a report: its date, signatures, validation
# Summary fields naming who took part: "Experts mobilisés : …", "Délégation accueillie : …".
SENT_FIELD_RE = re.compile(r"^\s*(?:(?:experts?|agents?|personnes?|elus?|personnels?)\s+(?:mobilise|missionne|envoye|depeche)"
                           r"|missionnaires?|participants?|composition de la mission"
                           r"|equipe (?:francaise|de la mission|mobilisee))")
HOSTED_FIELD_RE = re.compile(r"^\s*(?:delegation (?:\w+ )?(?:accueillie|etrangere|recue)|membres de la delegation|"
                             r"personnes? accueillie|representants? accueilli|composition de la delegation)")
HOST_TEAM_FIELD_RE = re.compile(r"^\s*(?:equipe d'accueil|experts? mobilise|accueil assure par|"
                                r"personnes? mobilisee|agents? mobilise)")
MISSION_DATES_RE = re.compile(r"dates?|mission|sejour|deplacement|deroul|effectu|du \d|periode")
REPORT_DATE_RE = re.compile(r"(?:fait|etabli|redige|signe)e? a [^,\n]{2,40},? le\b|date du rapport|^\s*le \d"
                            r"|(?:rapport|fiche|compte rendu)\s+(?:etabli|redige|date|signe)e?\s+le\b"
                            r"|^[a-z' -]{2,30}, le \d")
PARTICIPANTS_HEADING_RE = re.compile(
    r"participants?|composition|delegation|missionnaires?|membres|personnes? (?:accueillies|missionnees)"
    r"|equipe|intervenants?|experts?|qui (?:est|sont|etait|etaient) (?:parti|venu|du voyage)")
FOREIGN_CUES = re.compile(r"delegation (?:\w+ )?(?:etrangere|accueillie)|delegues?|representants? de"
                          r"|homologues?|(?:membres|composition) de la delegation")


@dataclass
class MissionFacts:
    country: str | None = None
    start: date | None = None
    end: date | None = None
    report_date: date | None = None
    participants: list[PersonName] = field(default_factory=list)
    hosting: bool | None = None
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"country": self.country, "start": iso(self.start), "end": iso(self.end),
                "report_date": iso(self.report_date),
                "participants": [p.full for p in self.participants], "hosting": self.hosting}


@lru_cache(maxsize=1)
def country_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every name of every country, longest first
    ("Guinée-Bissau" before "Guinée"), and the country of each folded name."""
    names: dict[str, str] = {}
    for name, variants in countries():
        for variant in variants:
            names.setdefault(fold(variant), name)
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, alternatives)))
    return pattern, names


def find_country(submission: Submission) -> tuple[str | None, list[Evidence]]:
    """The foreign country most cited, headings and opening blocks weighing more."""
    pattern, names = country_pattern()
    votes: Counter = Counter()
    where: dict[str, Block] = {}
    for piece in submission.pieces:
        for i, block in enumerate(piece.blocks):
            for m in pattern.finditer(fold(block.text)):
                name = names[m.group()]
                votes[name] += 3 if block.kind == "heading" or i < 8 else 1
                where.setdefault(name, block)
    if not votes:
        return None, []
    country = votes.most_common(1)[0][0]
    return country, [Evidence.of(where[country])]


def _year_hint(submission: Submission) -> int | None:
    years = Counter(int(y) for y in re.findall(r"\b(20[0-4]\d)\b", submission.text))
    return years.most_common(1)[0][0] if years else None


def find_mission_dates(submission: Submission) -> tuple[date | None, date | None, list[Evidence]]:
    year = _year_hint(submission)
    best = None
    for block in submission.blocks:
        found = find_range(block.text, year)
        if not found:
            continue
        score = 2 if MISSION_DATES_RE.search(fold(block.text)) else 1
        if best is None or score > best[0]:
            best = (score, found, block)
        if score == 2:
            break
    if best is None:
        return None, None, []
    start, end, s, e = best[1]
    return start, end, [Evidence.of(best[2], s, e)]


LETTER_REACH = 8   # blocks from a cover letter's date line to its "je vous transmets le rapport"
LETTER_DATE_RE = re.compile(r"^\s*(?:[a-z' -]{2,30}, )?le \d")   # "Lans-en-Vercors, le 6 novembre 2024"


def _dated_later_act(blocks: list[Block], at: int, line: str) -> bool:
    """A date that is not the report's own: the date line of a cover letter
    transmitting the report (its sentence follows within a few blocks), or the
    date of the validation given to it afterwards ("Rapport validé pour la
    Région, Mme …, vice-présidente …, le 22 janvier")."""
    if any(VALIDATION_RE.search(fold(b.text)) for b in blocks[max(0, at - 1):at + 1]):
        return True
    return bool(LETTER_DATE_RE.match(line)) and any(
        TRANSMISSION_RE.search(text) and REPORT_NOUN_RE.search(text)
        for text in (fold(b.text) for b in blocks[at:at + LETTER_REACH]))


def find_report_date(submission: Submission, mission_end: date | None) -> tuple[date | None, list[Evidence]]:
    """'Fait à Lyon, le 12 mai 2025', 'Date du rapport : …', a dated letterhead.
    The report's own date, not the later date of a cover letter transmitting
    it or of its validation — those only when the report itself is undated."""
    year = mission_end.year if mission_end else _year_hint(submission)
    candidates = []
    for piece in submission.pieces:
        for at, block in enumerate(piece.blocks):
            for line in block.text.splitlines():
                folded = fold(line)
                if REPORT_DATE_RE.search(folded):
                    for found in find_dates(line, year):
                        if mission_end is None or found.value >= mission_end:
                            candidates.append((not _dated_later_act(piece.blocks, at, folded), found.value,
                                               Evidence(block.piece, block.page, line.strip()[:220])))
    if not candidates:
        return None, []
    # The signature date ends a report: the latest of its own dates.
    own, value, evidence = max(candidates, key=lambda c: c[:2])
    return value, [evidence]


# People a participants' section names who did not take part: those the
# mission was received or accompanied by (the hosts, an embassy's officer, an
# interpreter), named after these words in their sentence, or named as the
# mission's support (its interpreter, translator or driver), not its experts.
OTHER_SIDE_RE = re.compile(r"\b(?:accueilli|recu|attendu|guide|pilote|encadre)e?s? par\b|\baccompagnee?s? (?:de|par)\b"
                           r"|\ben presence de\b|\bavec (?:l'appui|le concours|l'aide) de\b|\binterpret")
SUPPORT_ROLE_RE = re.compile(r"^\W{0,3}(?:l'|son |sa |leur )?(?:interpret|tradu|chauffeur)")


def taking_part(text: str) -> list:
    """The people of a participants' section's text, less the mission's hosts
    and companions ("À Bouaké, la mission a été accueillie par Mme …", "la
    délégation était accompagnée de Mme …, de l'ambassade", "M. …, interprète")."""
    starts, at = [], 0
    for sentence in sentences(text):
        found = text.find(sentence, at)
        if found >= 0:
            starts.append(found)
            at = found + len(sentence)
    kept = []
    for mention in find_people(text):
        start = max((s for s in starts if s <= mention.start), default=0)
        if OTHER_SIDE_RE.search(fold(text[start:mention.start])) \
                or SUPPORT_ROLE_RE.match(fold(text[mention.end:mention.end + 40])):
            continue
        kept.append(mention)
    return kept


def find_participants(submission: Submission, hosting: bool) -> tuple[list[PersonName], list[Evidence]]:
    people: dict[str, PersonName] = {}
    evidence: list[Evidence] = []
    sections = blocks_under(submission, PARTICIPANTS_HEADING_RE)
    titles = {(h.piece, h.index) for h, _ in sections}
    for heading, body in sections:
        if any((b.piece, b.index) in titles for b in body):
            continue   # a title holding the sections ("Rapport d'accueil d'une délégation étrangère"), not one
        foreign = bool(FOREIGN_CUES.search(fold(heading.text)))
        if hosting != foreign and hosting:
            continue
        for block in body:
            texts = [" ".join(r) for r in block.rows] if block.kind == "table" and block.rows else [block.text]
            for text in texts:
                for mention in taking_part(text):
                    people.setdefault(mention.name.key, mention.name)
            if block.kind in ("list_item", "table", "paragraph") and find_people(block.text):
                evidence.append(Evidence.of(block))
        if people:
            break
    return list(people.values()), evidence[:4]


def find_mission(submission: Submission) -> MissionFacts:
    facts = MissionFacts()
    facts.country, facts.evidence["country"] = find_country(submission)
    facts.start, facts.end, facts.evidence["dates"] = find_mission_dates(submission)
    facts.report_date, facts.evidence["report_date"] = find_report_date(submission, facts.end)
    hosting_hit = next((b for p in submission.pieces for i, b in enumerate(p.blocks)
                        if (i < PROMINENT or b.kind == "heading") and HOSTING_RE.search(fold(b.text))), None)
    facts.hosting = hosting_hit is not None
    facts.evidence["hosting"] = [Evidence.of(hosting_hit)] if hosting_hit else []
    label_re = HOSTED_FIELD_RE if facts.hosting else SENT_FIELD_RE
    fields = field_values(submission, label_re)
    if fields:
        facts.participants = _people_in(value for value, _ in fields)
        facts.evidence["participants"] = [Evidence.of(block) for _, block in fields][:3]
    if not facts.participants:
        for text, block in run_in_fields(submission, label_re):
            for mention in taking_part(text):
                facts.participants.append(mention.name)
                facts.evidence.setdefault("participants", []).append(Evidence.of(block))
        facts.participants = list({p.key: p for p in facts.participants}.values())
    if not facts.participants:
        facts.participants, facts.evidence["participants"] = find_participants(submission, facts.hosting)
    if not facts.participants and not facts.hosting:
        facts.participants, facts.evidence["participants"] = signing_missionaries(submission)
    return facts


SIGNED_FOR_RE = re.compile(r"pour la delegation|redige par|le chef de mission|la cheffe de mission|les missionnaires")


NAMES_ONLY_SEPARATORS = re.compile(r"\s*(?:[–—,/&]|\bet\b)\s*")


def signing_missionaries(submission: Submission) -> tuple[list[PersonName], list[Evidence]]:
    """'Pour la délégation, M. Yannick ARNAUD': the missionary who signs;
    'Claire Fontaine – Karim Belhadj', a line of names alone where the report
    is signed: the missionaries who sign together."""
    for piece in submission.pieces:
        for block in piece.blocks[-TAIL_BLOCKS:]:
            line = block.text.strip()
            people = find_people(line)
            rest = line
            for mention in reversed(people):
                rest = rest[:mention.start] + rest[mention.end:]
            if len(people) >= 2 and not NAMES_ONLY_SEPARATORS.sub("", rest).strip():
                return [p.name for p in people], [Evidence.of(block)]
    for piece in submission.pieces:
        for i, block in enumerate(piece.blocks):
            m = SIGNED_FOR_RE.search(fold(block.text))
            if not m:
                continue
            tail = block.text[m.end():] + "\n" + "\n".join(b.text for b in piece.blocks[i + 1:i + 2])
            people = find_people(tail)
            if people:
                return [people[0].name], [Evidence.of(block)]
    return [], []


def field_values(submission: Submission, label_re: re.Pattern) -> list[tuple[str, Block]]:
    """Values of summary fields whose label matches: 'Label : value' lines and
    'Label | value' table rows.  A field that ends its block goes on in the
    blocks after it that each open with a person ('Équipe d'accueil Gaëlle
    GARCIA, directrice…' then 'M. Jean-François Riou, maître de conférences…',
    a scan's cell read as two paragraphs)."""
    found = []
    for piece in submission.pieces:
        for at, block in enumerate(piece.blocks):
            if block.kind == "table" and block.rows:
                for row in block.rows:
                    cells = [c for c in row if c.strip()]
                    if len(cells) >= 2 and label_re.search(fold(cells[0])):
                        found.append((" ; ".join(cells[1:]), block))
                continue
            values = []
            lines = block.text.splitlines()
            for n, line in enumerate(lines):
                label, sep, value = line.partition(":")
                if sep and len(label) < 60 and label_re.search(fold(label)) and value.strip():
                    values.append((value, n))
                elif not sep:
                    values.extend((v, n) for v in _bare_field_values(line, label_re))
            if values and values[-1][1] == len(lines) - 1 and lines[-1].rstrip().endswith(values[-1][0].rstrip()):
                more = _continuing_people(piece.blocks[at + 1:])
                if more:
                    values[-1] = (values[-1][0] + " ; " + " ; ".join(more), values[-1][1])
            found.extend((v, block) for v, _ in values)
    return found


CONTINUED_FIELD_CHARS = 200


def _continuing_people(blocks: list[Block]) -> list[str]:
    """The paragraphs that go on with a list of people: each opens with a
    person and holds no field of its own."""
    texts = []
    for block in blocks:
        text = block.text.strip()
        people = find_people(text)
        if (block.kind != "paragraph" or block.source != "body" or not people or people[0].start > 0
                or len(text) > CONTINUED_FIELD_CHARS or ":" in text or ANY_FIELD_RE.search(fold(text))):
            break
        texts.append(text)
    return texts


def run_in_fields(submission: Submission, label_re: re.Pattern) -> list[tuple[str, Block]]:
    """Paragraphs opening with a run-in title that is a field's label ('2.
    Composition de la mission. Mme …, directrice…, et M. …'): their text
    after it, running prose that may also name the hosts (see taking_part)."""
    found = []
    for block in submission.blocks:
        answer = run_in(block, label_re)
        if answer:
            found.append((answer, block))
    return found


ANY_FIELD_RE = re.compile(r"(?:dates? de (?:la mission|l'accueil)|delegation accueillie|equipe d'accueil"
                          r"|experts? mobilises?|participants?|missionnaires?|pays|collectivite (?:labellisee|partenaire)"
                          r"|domaine d'expertise|thematique)\b")


def _bare_field_values(line: str, label_re: re.Pattern) -> list[str]:
    """Fields printed without colons, several on a line as scans come out:
    'Délégation accueillie M. Komi Sow, … Équipe d'accueil Gaëlle GARCIA'."""
    folded = fold(line)
    marks = list(ANY_FIELD_RE.finditer(folded))
    values = []
    for i, m in enumerate(marks):
        if label_re.match(folded[m.start():]):
            stop = marks[i + 1].start() if i + 1 < len(marks) else len(line)
            values.append(line[m.end():stop])
    return values


LEADING_NAME_RE = re.compile(rf"^\s*{CIVILITY}?\s*([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){{1,3}})\s*(?:,|\(|$)")


def _people_in(values) -> list[PersonName]:
    """People listed in summary fields: one per line or per ';', each item
    opening with a name (whatever its spelling, in a field of names)."""
    people: dict[str, PersonName] = {}
    for value in values:
        for item in re.split(r"\n|;", value):
            found = find_people(item)
            lead = LEADING_NAME_RE.match(item[:found[0].start] if found else item)
            at: list[tuple[int, PersonName | None]] = [(m.start, m.name) for m in found]
            if lead and (not found or len(item) > 120):
                at.append((lead.start(1), normalise(lead.group(1))))
            if found and len(item) > 120:
                # Several people on one line (a table cell's lines run together):
                # the names the forms miss ("Akossiwa Camara, Directrice… Mme
                # Kadiatou AGBODJAN… Afi Touré, Cheffe…"), as spaCy sees them.
                at += [(start, normalise(item[start:end])) for start, end in person_spans(item)
                       if not any(m.start < end and start < m.end for m in found)]
            for _, person in sorted(at, key=lambda a: a[0]):
                if person:
                    people.setdefault(person.key, person)
    return list(people.values())
