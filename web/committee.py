"""The selection committee on the workstation: the staff choose the
candidatures for a meeting among those ready for it, the pack is built from
the corrected records (outputs.pack.prepare_pack, compact), then each
decision is recorded in the register (labelled on a date: a label with the
regulation's validity; refused: a reason) and a decision letter is written
for the applicant (outputs.letters)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from outputs.letters import decision_letter_text, letter_docx
from outputs.pack import Pack, prepare_pack
from register import Decision, Register

from .corrections import corrected, corrector_of, history
from .dossiers import Row, rows
from .store import Meeting, Store

OUTCOMES = {"labellise": "labellisé", "refuse": "refusé"}
# Ready: validated by the staff, or put in a pack already (examined) and not decided yet.
READY = ("pret", "examine")
MAX_REASON = 600


class CommitteeError(ValueError):
    """A French message shown on the form."""


@dataclass
class Entry:
    """A candidature of a meeting, with its decision if recorded."""
    row: Row
    decision: Decision | None


def candidates(store: Store, register: Register) -> list[Row]:
    """Candidatures ready for a committee and not decided, oldest first."""
    ready = [r for r in rows(store, register) if r.kind == "candidature" and r.status == "ok"
             and not r.quarantined and r.state in READY]
    return sorted(ready, key=lambda r: (r.received or date.min, r.filed_at))


def meetings(store: Store) -> list[Meeting]:
    with store.session() as s:
        return list(s.scalars(select(Meeting).order_by(Meeting.comite.desc())))


def meeting(store: Store, comite: date) -> Meeting | None:
    with store.session() as s:
        return s.get(Meeting, comite)


def pack_dir(home: Path, comite: date) -> Path:
    return home / "comites" / comite.isoformat()


def prepare(store: Store, register: Register, home: Path, comite: date, chosen: list[str],
            author: str) -> Pack:
    """Build the meeting's compact pack from the corrected records and
    remember the meeting; the candidatures become « examiné »."""
    ready = {r.sha256 for r in candidates(store, register)}
    earlier = meeting(store, comite)   # preparing a meeting again keeps its dossiers eligible
    known = set(earlier.chosen) if earlier else set()
    chosen = list(dict.fromkeys(sha for sha in chosen if sha in ready or sha in known))
    if not chosen:
        raise CommitteeError("Choisissez au moins un dossier prêt pour le comité.")
    pack = prepare_pack(register, comite, None, pack_dir(home, comite), correct=corrector_of(store),
                        chosen=chosen, compact=True)
    with store.session() as s, s.begin():
        s.merge(Meeting(comite=comite, chosen=list(pack.sha256s), author=author,
                        prepared_at=datetime.now()))
    return pack


def entries(store: Store, register: Register, found: Meeting) -> list[Entry]:
    by_sha = {r.sha256: r for r in rows(store, register)}
    decisions = register.decisions()
    return [Entry(by_sha[sha], decisions.get(sha)) for sha in found.chosen if sha in by_sha]


def decide(store: Store, register: Register, found: Meeting, sha256: str, outcome: str,
           decided: str | None, reason: str | None, author: str) -> Decision:
    """Record the decision on one candidature of the meeting.  The label
    takes the applicant, expertise and themes as the staff validated them."""
    if sha256 not in found.chosen:
        raise CommitteeError("Ce dossier n'est pas inscrit à cette séance.")
    if outcome not in OUTCOMES:
        raise CommitteeError("Choisissez « labellisé » ou « refusé ».")
    try:
        day = date.fromisoformat(decided) if decided else found.comite
    except ValueError:
        raise CommitteeError("Date de décision illisible (attendu : AAAA-MM-JJ).") from None
    reason = " ".join(str(reason or "").split())[:MAX_REASON] or None
    if outcome == "refuse" and not reason:
        raise CommitteeError("Un refus doit être motivé : indiquez la raison.")
    record = corrected(register.get(sha256).record, history(store, sha256)).record
    applicant = record.get("applicant") or {}
    expertise = [e["label"] for e in record.get("expertise") or [] if e.get("label")]
    themes = sorted({t for e in record.get("expertise") or [] for t in e.get("themes") or []})
    return register.decide(sha256, found.comite, outcome, day, reason, author,
                           applicant.get("name") or "(titulaire non identifié)", applicant.get("type"),
                           expertise, themes)


def letter(store: Store, register: Register, sha256: str) -> bytes | None:
    """The decision letter (DOCX) of a decided candidature; None before a decision."""
    decision = register.decisions().get(sha256)
    if decision is None:
        return None
    record = corrected(register.get(sha256).record, history(store, sha256)).record
    holder = (record.get("applicant") or {}).get("name") or "(titulaire non identifié)"
    expertise = [e["label"] for e in record.get("expertise") or [] if e.get("label")]
    return letter_docx(decision_letter_text(decision, holder, expertise, date.today()))
