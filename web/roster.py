"""The experts of the labelled bodies, and « who can answer this request? ».

The roster: every label in force with the experts of the candidature that
earned it (the committee's decision names it; for a label of the
historique, the latest candidature of the same body in the register), as
the staff corrected them; one person once (same name, civility and accents
aside), with all their bodies, functions and expertises.

The search: a foreign authority's need in French words, matched against
each body (holder, expertise, themes, experts' functions) and each person
with SQLite FTS5 (`unicode61 remove_diacritics 2`: accents and case do
not matter), word beginnings so that « déchets » finds « déchet » and
« assainissement » « assainissements », ranked by bm25.  In memory, per
search: a few hundred short rows, offline.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from common.text import fold
from register import Label, Register, RegisteredSubmission as Submission
from register.names import body_key, same_body

from .corrections import THEMES, corrected, history
from .store import Store

CIVILITY = re.compile(r"^(m|mme|mlle|mr|monsieur|madame|dr|pr)\.?\s+", re.I)
# Words of a request that say nothing of the need itself.
STOPWORDS = set("""
a au aux avec ce ces cette comme d dans de des du elle en est et etre il ils je l la le les leur
leurs lui ma mais me mes mon ne nos notre nous on ou par pas plus pour qu que qui sa se ses son
sur ta te tes ton tu un une vos votre vous y besoin besoins cherche cherchons recherche recherchons
souhaite souhaitons voudrions aide aider appui appuyer projet projets notamment afin ville villes
commune communes collectivite collectivites autorite autorites expert experts expertise expertises
mission missions francaise francaises francais etranger etrangere partenaire partenaires
""".split())
MAX_RESULTS = 20


@dataclass
class Body:
    label: Label
    sha256: str | None                     # the candidature the experts come from
    experts: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Person:
    name: str
    functions: list[str] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)

    @property
    def expertise(self) -> list[str]:
        return list(dict.fromkeys(e for b in self.bodies for e in b.label.expertise))

    @property
    def themes(self) -> list[str]:
        return list(dict.fromkeys(t for b in self.bodies for t in b.label.themes))


def person_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(CIVILITY.sub("", name.strip()))))


def bodies(store: Store, register: Register, today: date) -> list[Body]:
    """The labels in force, each with the experts of its candidature."""
    in_force, _ = register.labels_expiring(today, 0)
    by_label = {d.label_id: d.sha256 for d in register.decisions().values() if d.label_id}
    with register.session() as s:
        applications = s.execute(
            select(Submission.sha256, Submission.applicant, Submission.applicant_type, Submission.applicant_key)
            .where(Submission.kind == "candidature", Submission.status == "ok",
                   Submission.quarantined.is_(False)).order_by(Submission.filed_at.desc())).all()
    out = []
    for label in in_force:
        sha = by_label.get(label.id)
        if sha is None:  # a label of the historique: the body's latest candidature, if any
            words = body_key(label.holder).union(*map(body_key, label.aliases))
            sha = next((row.sha256 for row in applications
                        if words & set((row.applicant_key or "").split())
                        and same_body(row.applicant, row.applicant_type, label.holder, label.holder_type,
                                      label.aliases)), None)
        experts = []
        if sha is not None:
            record = corrected(register.get(sha).record, history(store, sha)).record
            experts = [e for e in record.get("experts") or [] if (e.get("name") or "").strip()]
        out.append(Body(label, sha, experts))
    return out


def people(found: list[Body]) -> list[Person]:
    """One person once, whatever the bodies that name them."""
    by_key: dict[str, Person] = {}
    for body in found:
        for expert in body.experts:
            key = person_key(expert["name"])
            if not key:
                continue
            person = by_key.setdefault(key, Person(" ".join(expert["name"].split())))
            if body not in person.bodies:
                person.bodies.append(body)
            function = " ".join((expert.get("function") or "").split())
            if function and function not in person.functions:
                person.functions.append(function)
    return sorted(by_key.values(), key=lambda p: person_key(p.name).split()[::-1])


def fts_query(request: str) -> str | None:
    """The request as an FTS5 query: its meaningful words, each as a word
    beginning (a light French stemming), any of them."""
    terms = []
    for word in re.findall(r"[a-z0-9]+", fold(request)):
        if word in STOPWORDS or len(word) < 3 and not word.isdigit():
            continue
        stem = word[:max(3, len(word) - 2)] if len(word) > 4 else word
        if stem not in terms:
            terms.append(stem)
    return " OR ".join(f'"{t}"*' for t in terms[:30]) or None


@dataclass
class Answer:
    bodies: list[tuple[Body, list[str]]]       # ranked, with the themes that matched
    people: list[Person]
    words: str | None


def search(found: list[Body], request: str) -> Answer:
    query = fts_query(request)
    if query is None:
        return Answer([], [], None)
    everyone = people(found)
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE VIRTUAL TABLE bodies USING fts5(holder, expertise, themes, experts, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        db.execute("CREATE VIRTUAL TABLE people USING fts5(name, functions, expertise, themes, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        db.executemany("INSERT INTO bodies(rowid, holder, expertise, themes, experts) VALUES (?, ?, ?, ?, ?)",
                       [(i, b.label.holder, " ; ".join(b.label.expertise),
                         " ; ".join(THEMES.get(t, t) for t in b.label.themes),
                         " ; ".join(e.get("function") or "" for e in b.experts))
                        for i, b in enumerate(found)])
        db.executemany("INSERT INTO people(rowid, name, functions, expertise, themes) VALUES (?, ?, ?, ?, ?)",
                       [(i, p.name, " ; ".join(p.functions), " ; ".join(p.expertise),
                         " ; ".join(THEMES.get(t, t) for t in p.themes)) for i, p in enumerate(everyone)])
        # a body: its expertise and themes weigh most; a person: their own function
        ranked_bodies = [row[0] for row in db.execute(
            "SELECT rowid FROM bodies WHERE bodies MATCH ? ORDER BY bm25(bodies, 1.0, 4.0, 3.0, 1.0) LIMIT ?",
            (query, MAX_RESULTS))]
        ranked_people = [row[0] for row in db.execute(
            "SELECT rowid FROM people WHERE people MATCH ? ORDER BY bm25(people, 0.5, 8.0, 1.0, 1.0) LIMIT ?",
            (query, MAX_RESULTS))]
        theme_ids = list(THEMES)
        db.execute("CREATE VIRTUAL TABLE themes USING fts5(label, tokenize = 'unicode61 remove_diacritics 2')")
        db.executemany("INSERT INTO themes(rowid, label) VALUES (?, ?)",
                       [(i, THEMES[t]) for i, t in enumerate(theme_ids)])
        theme_hits = {theme_ids[i] for (i,) in db.execute("SELECT rowid FROM themes WHERE themes MATCH ?",
                                                          (query,))}
    finally:
        db.close()
    return Answer([(found[i], [t for t in found[i].label.themes if t in theme_hits]) for i in ranked_bodies],
                  [everyone[i] for i in ranked_people], query)

