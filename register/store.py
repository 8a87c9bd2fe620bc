"""The register: what was received and filed, the labels in force, the
missions and their reports.

A SQLite file under the data home by default; any SQLAlchemy URL otherwise
(`EXPE_CT_REGISTER_URL`, e.g. postgresql+psycopg://…) — the code is the same.
Every write is one short transaction, so that several processes (the inbox,
a served flow, the pack) can share the register.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from checks.rules import regulation
from common.characters import check_plain
from common.dates import add_months

from .labels import SOURCE, seed_labels
from .models import Base, Decision, Label, Mission, RegisteredSubmission
from .names import body_key, same_body

REGISTER_FILE = "registre.sqlite"
LABELS_TTL_S = 60.0


def register_url(home: Path, url: str | None = None) -> str:
    return url or os.environ.get("EXPE_CT_REGISTER_URL") or f"sqlite:///{home / REGISTER_FILE}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers (the pack) run while the inbox writes; the busy
    # timeout makes concurrent writers wait instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@dataclass(frozen=True)
class Previous:
    """The earlier version of a dossier, as far as linking needs it."""
    sha256: str
    received: date | None
    checks: list[dict[str, Any]]

    def changes_to(self, record: dict[str, Any]) -> list[dict[str, Any]]:
        return checks_changed({"checks": self.checks}, record)


@dataclass(frozen=True)
class Filed:
    """What filing did, without any personal data (flows return this)."""
    sha256: str
    new: bool
    previous_sha256: str | None
    changed_checks: int


def checks_changed(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """Checks whose status differs between two versions of a dossier."""
    old = {c["id"]: c["status"] for c in before.get("checks") or []}
    new = {c["id"]: c["status"] for c in after.get("checks") or []}
    return [{"id": cid, "before": old.get(cid), "after": new.get(cid)}
            for cid in list(new) + [c for c in old if c not in new]
            if old.get(cid) != new.get(cid)]


DAMAGE_RETRY_S = (0.05, 0.2, 0.5, None)


def truncated(path: Path) -> bool:
    """Shorter than its header says: cut by a full disk or a bad copy.  (The
    file is never shorter than its header's size, WAL mode included.)"""
    try:
        if any(_nonempty(path.with_name(path.name + suffix)) for suffix in ("-wal", "-journal")):
            return False  # a write or checkpoint in progress: the log completes the file
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return bool(size)  # an empty file is a new register; anything else is not one
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counts_valid = header[24:28] == header[92:96]
    return counts_valid and size < pages * page_size


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


class RegisterDamaged(Exception):
    """The register's file is not a usable database (truncated, overwritten):
    a French message naming the file and what to do, never a traceback."""

    def __init__(self, path: str):
        super().__init__(
            f"le registre {path} est endommagé (fichier tronqué ou qui n'est pas une base SQLite). "
            "Aucun dépôt n'a été pris. Restaurez-le depuis une sauvegarde : "
            "expe-ct registre restaurer (voir expe-ct registre verifier).")
        self.path = path


class Register:
    def __init__(self, url: str):
        self.url = url
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._labels: tuple[float, list[Label]] | None = None
        database = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        # Damage is what lasts: another process creating or checkpointing the
        # same file can show a half-written header for a moment.
        for wait in DAMAGE_RETRY_S:
            try:
                if database and truncated(Path(database)):
                    raise RegisterDamaged(database)
                self._create()
                self.seed()
                return
            except (DatabaseError, RegisterDamaged) as exc:
                if isinstance(exc, OperationalError) or not database:
                    raise  # busy or unreachable: worth retrying, not damage
                self.engine.dispose()
                if wait is None:
                    raise RegisterDamaged(database) from None
                time.sleep(wait)

    def _create(self) -> None:
        for attempt in range(len(Base.metadata.tables) + 1):
            try:
                Base.metadata.create_all(self.engine)
                break
            except (OperationalError, ProgrammingError):  # another process created one meanwhile
                if attempt == len(Base.metadata.tables):
                    raise

    @classmethod
    def open(cls, home: Path, url: str | None = None) -> "Register":
        home.mkdir(parents=True, exist_ok=True)
        return cls(register_url(home, url))

    def close(self) -> None:
        self.engine.dispose()

    def session(self) -> Session:
        return self._session()

    # -- labels ---------------------------------------------------------

    def seed(self) -> None:
        """The labels of the historique, once (a process that seeds at the
        same time as another fails on the unique constraint and finds them)."""
        try:
            with self.session() as s, s.begin():
                if s.scalar(select(func.count()).select_from(Label)):
                    return
                for item in seed_labels():
                    s.add(Label(holder=item.holder, holder_type=item.holder_type,
                                aliases=list(item.aliases), expertise=list(item.expertise),
                                themes=list(item.themes), granted=item.granted,
                                expires=item.expires, source=SOURCE))
        except IntegrityError:
            pass

    def labels(self) -> list[Label]:
        """The labels, read at most every LABELS_TTL_S: every candidature's
        sheet asks for them twice, and they change a few times a year."""
        now = time.monotonic()
        if self._labels is None or now - self._labels[0] > LABELS_TTL_S:
            with self.session() as s:
                self._labels = (now, list(s.scalars(select(Label).order_by(Label.granted, Label.id))))
        return self._labels[1]

    def labels_expiring(self, on: date, months: int) -> tuple[list[Label], list[Label]]:
        """The labels in force on a day, and those of them that end within
        `months` months (soonest first)."""
        in_force = sorted((lab for lab in self.labels() if lab.granted <= on < lab.expires),
                          key=lambda lab: (lab.expires, lab.holder))
        horizon = add_months(on, months)
        return in_force, [lab for lab in in_force if lab.expires <= horizon]

    def labels_of(self, name: str | None, type_: str | None) -> list[Label]:
        return [lab for lab in self.labels()
                if same_body(name, type_, lab.holder, lab.holder_type, lab.aliases)]

    def labels_in_force(self, themes: set[str], on: date) -> list[Label]:
        return [lab for lab in self.labels()
                if lab.granted <= on < lab.expires and themes & set(lab.themes)]

    # -- submissions ----------------------------------------------------

    def get(self, sha256: str) -> RegisteredSubmission | None:
        with self.session() as s:
            return s.get(RegisteredSubmission, sha256)

    def count(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(RegisteredSubmission))

    def submissions(self) -> list[RegisteredSubmission]:
        with self.session() as s:
            return list(s.scalars(select(RegisteredSubmission).order_by(RegisteredSubmission.filed_at)))

    def note_redrop(self, sha256: str) -> None:
        with self.session() as s, s.begin():
            row = s.get(RegisteredSubmission, sha256)
            if row is not None:
                row.redrops += 1

    def add(self, record: dict[str, Any], received: date | None, location: str,
            quarantined: bool) -> Filed:
        """File a record; idempotent on its sha256.  A record that replaces an
        error record of the same bytes (a retried submission) updates it."""
        sha = record["sha256"]
        with self.session() as s, s.begin():
            row = s.get(RegisteredSubmission, sha)
            if row is not None and not (row.status == "error" and record["status"] == "ok"):
                return Filed(sha, False, row.previous_sha256, len(row.changes or []))
            applicant = record.get("applicant") or {}
            previous = self._previous_version(s, record) if record["status"] == "ok" else None
            changes = previous.changes_to(record) if previous else None
            if row is None:
                row = RegisteredSubmission(sha256=sha, redrops=0)
                s.add(row)
            row.received, row.filed_at = received, datetime.now()
            row.kind, row.status, row.verdict = record["kind"], record["status"], record["verdict"]
            row.applicant, row.applicant_type = applicant.get("name"), applicant.get("type")
            row.applicant_key = " ".join(sorted(body_key(applicant.get("name")))) or None
            row.location, row.quarantined, row.record = location, quarantined, record
            row.previous_sha256 = previous.sha256 if previous else None
            row.changes = changes
            try:
                s.flush()
            except IntegrityError:  # another process filed the same bytes just now
                s.rollback()
                return Filed(sha, False, None, 0)
            if record["kind"] == "rapport" and record["status"] == "ok":
                self._attach_report(s, row)
        return Filed(sha, True, row.previous_sha256, len(changes or []))

    def _previous_version(self, s: Session, record: dict[str, Any]) -> Previous | None:
        """The latest earlier submission of the same kind from the same
        applicant (and, for a report, about a mission in the same country)."""
        applicant = record.get("applicant") or {}
        if not applicant.get("name") or record["kind"] not in ("candidature", "rapport"):
            return None
        key = body_key(applicant["name"])
        if not key:
            return None
        country = (record.get("mission") or {}).get("country")
        # The same body shares at least one significant word (one name's
        # words are all in the other's): SQL keeps those, same_body decides.
        # Then the checks and country of the one that matches, never a whole
        # earlier record (JSON): filing no longer slows as the archive grows.
        shares_a_word = or_(*(RegisteredSubmission.applicant_key.contains(word) for word in sorted(key)))
        names = s.connection().execute(
            select(RegisteredSubmission.sha256, RegisteredSubmission.applicant, RegisteredSubmission.applicant_type)
            .where(RegisteredSubmission.kind == record["kind"], RegisteredSubmission.status == "ok",
                   RegisteredSubmission.sha256 != record["sha256"], shares_a_word)
            .order_by(RegisteredSubmission.filed_at.desc())).all()
        for sha, name, type_ in names:
            if not same_body(applicant["name"], applicant.get("type"), name, type_):
                continue
            received, checks, its_country = s.connection().execute(
                select(RegisteredSubmission.received, RegisteredSubmission.record["checks"],
                       RegisteredSubmission.record[("mission", "country")].as_string())
                .where(RegisteredSubmission.sha256 == sha)).one()
            if record["kind"] == "rapport" and country != its_country:
                continue
            return Previous(sha, received, checks or [])
        return None

    def version_link(self, record: dict[str, Any]) -> dict[str, Any] | None:
        """The earlier version of a dossier and the checks that changed since:
        as filed for a filed record, else as it would be filed now."""
        with self.session() as s:
            filed = s.execute(select(RegisteredSubmission.previous_sha256, RegisteredSubmission.changes)
                              .where(RegisteredSubmission.sha256 == record["sha256"])).one_or_none() \
                if record.get("sha256") else None
            if filed is not None:
                previous_sha, changes = filed
                if not previous_sha:
                    return None
                received = s.scalar(select(RegisteredSubmission.received).where(RegisteredSubmission.sha256 == previous_sha))
                return {"sha256": previous_sha, "received": received, "changes": changes or []}
            previous = self._previous_version(s, record) if record["status"] == "ok" else None
            if previous is None:
                return None
            return {"sha256": previous.sha256, "received": previous.received,
                    "changes": previous.changes_to(record)}

    def candidatures_for(self, comite: date, cutoff: date) -> list[RegisteredSubmission]:
        """Candidatures received by the cut-off, in their latest version, that
        no earlier committee examined."""
        with self.session() as s:
            rows = list(s.scalars(select(RegisteredSubmission).where(
                RegisteredSubmission.kind == "candidature", RegisteredSubmission.status == "ok",
                RegisteredSubmission.received <= cutoff).order_by(RegisteredSubmission.received, RegisteredSubmission.filed_at)))
        replaced = {r.previous_sha256 for r in rows if r.previous_sha256}
        return [r for r in rows if r.sha256 not in replaced
                and (r.comite is None or r.comite >= comite)]

    def quarantined_by(self, cutoff: date) -> list[RegisteredSubmission]:
        with self.session() as s:
            return list(s.scalars(select(RegisteredSubmission).where(
                RegisteredSubmission.quarantined.is_(True), RegisteredSubmission.received <= cutoff)
                .order_by(RegisteredSubmission.received)))

    def mark_examined(self, sha256s: list[str], comite: date) -> None:
        with self.session() as s, s.begin():
            for sha in sha256s:
                s.get(RegisteredSubmission, sha).comite = comite

    # -- the committee's decisions --------------------------------------

    def decide(self, sha256: str, comite: date, outcome: str, decided: date, reason: str | None,
               author: str, holder: str, holder_type: str | None, expertise: list[str],
               themes: list[str]) -> Decision:
        """Record (or change) the decision on a candidature.  « labellise »
        adds its label to the register, valid for the regulation's number of
        years from the day of the decision; a changed decision takes back the
        label the earlier one gave.  Holder, expertise and themes are the
        candidature's as the staff validated them."""
        if outcome not in ("labellise", "refuse"):
            raise ValueError(outcome)
        with self.session() as s, s.begin():
            row = s.get(RegisteredSubmission, sha256)
            decision = s.get(Decision, sha256)
            if decision is None:
                decision = Decision(sha256=sha256)
                s.add(decision)
            elif decision.label_id is not None:
                old = s.get(Label, decision.label_id)
                decision.label_id = None
                s.flush()
                shared = s.scalar(select(func.count()).select_from(Decision)
                                  .where(Decision.label_id == old.id)) if old is not None else 0
                if old is not None and not shared:
                    s.delete(old)
            decision.comite, decision.outcome, decision.decided = comite, outcome, decided
            decision.reason, decision.author, decision.recorded_at = reason, author, datetime.now()
            if outcome == "labellise":
                label = s.scalar(select(Label).where(Label.holder == holder, Label.granted == decided))
                if label is None:
                    label = Label(holder=holder, holder_type=holder_type, aliases=[],
                                  expertise=expertise, themes=themes, granted=decided,
                                  expires=regulation().parameters.label_expires(decided),
                                  source=f"Comité de sélection du {comite.isoformat()}")
                    s.add(label)
                    s.flush()
                decision.label_id = label.id
            row.comite = row.comite or comite
        self._labels = None  # the next look sees the new label at once
        return decision

    def decisions(self) -> dict[str, Decision]:
        with self.session() as s:
            return {d.sha256: d for d in s.scalars(select(Decision))}

    def outcomes(self) -> dict[str, str]:
        """sha256 → labellise | refuse, for listing many dossiers."""
        with self.session() as s:
            return dict(s.execute(select(Decision.sha256, Decision.outcome)).all())

    # -- missions -------------------------------------------------------

    def declare_mission(self, holder: str, holder_type: str | None, country: str | None,
                        start: date | None, end: date | None) -> Mission:
        """Raises InvalidText (French message) for a control character."""
        check_plain(holder, "titulaire")
        check_plain(country, "pays")
        with self.session() as s, s.begin():
            mission = Mission(holder=holder, holder_type=holder_type, country=country,
                              start=start, end=end, declared=True,
                              report_due=regulation().parameters.report_due(end) if end else None)
            s.add(mission)
        return mission

    def missions(self) -> list[Mission]:
        with self.session() as s:
            return list(s.scalars(select(Mission).order_by(Mission.end, Mission.id)))

    def _attach_report(self, s: Session, report: RegisteredSubmission) -> None:
        """A report answers the holder's mission to the same country that ended
        closest to its dates; with no such mission declared, the report makes it."""
        facts = report.record.get("mission") or {}
        end = date.fromisoformat(facts["end"]) if facts.get("end") else None
        start = date.fromisoformat(facts["start"]) if facts.get("start") else None
        open_missions = [m for m in s.scalars(select(Mission).where(Mission.report_sha256.is_(None)))
                         if same_body(report.applicant, report.applicant_type, m.holder, m.holder_type)
                         and (not facts.get("country") or not m.country or m.country == facts["country"])]
        if end:
            open_missions.sort(key=lambda m: abs((m.end - end).days) if m.end else 10**6)
        mission = open_missions[0] if open_missions else None
        if mission is None:
            mission = Mission(holder=report.applicant or "(titulaire non identifié)",
                              holder_type=report.applicant_type, country=facts.get("country"),
                              start=start, end=end, declared=False)
            s.add(mission)
        mission.start, mission.end = mission.start or start, mission.end or end
        mission.report_due = regulation().parameters.report_due(mission.end) if mission.end else None
        mission.report_received = report.received
        mission.report_sha256 = report.sha256

    def mark_reminded(self, mission_ids: list[int], on: date) -> None:
        with self.session() as s, s.begin():
            for mid in mission_ids:
                s.get(Mission, mid).reminded = on

