"""The workstation's own tables: accounts, sessions, the audit log, the
staff's corrections, a summary of each dossier for the register table and
the committee meetings prepared here (the decisions and labels they lead
to are the register's).

A SQLite file beside the register (`<home>/poste.sqlite`).  Corrections are
rows added one after the other and never changed: the machine's record
stays as it was filed, the corrected dossier is the record with the
corrections replayed in order (web/corrections.py).
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import JSON, Date, DateTime, Integer, String, Text, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from register.store import _sqlite_pragmas

STORE_FILE = "poste.sqlite"
ROLES = ("instructeur", "comite", "admin")
ROLE_FR = {"instructeur": "instructeur", "comite": "comité", "admin": "administrateur"}


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    created: Mapped[datetime] = mapped_column(DateTime)


class WebSession(Base):
    """A browser session; the cookie holds a random token, the table only its
    sha256 (a copy of the database gives no way in)."""
    __tablename__ = "sessions"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    login: Mapped[str | None] = mapped_column(String(64))   # None before logging in
    csrf: Mapped[str] = mapped_column(String(64))
    created: Mapped[datetime] = mapped_column(DateTime)
    seen: Mapped[datetime] = mapped_column(DateTime)
    search: Mapped[str | None] = mapped_column(Text)         # kept here, never in a URL


class AuditEntry(Base):
    """Who saw or changed what: logins, sha256 and action names, never a
    person's name or a dossier's content."""
    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    login: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str | None] = mapped_column(String(64))   # a sha256, or None
    detail: Mapped[str | None] = mapped_column(Text)


class Correction(Base):
    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24))      # see web.corrections.KINDS
    target: Mapped[str | None] = mapped_column(String(64))  # an index or a check id
    value: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)


class Summary(Base):
    """What the register table shows of a dossier and the register row does
    not hold; computed once per dossier and again after each correction, so
    that listing 1,000 dossiers never reads 1,000 records."""
    __tablename__ = "summaries"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    applicant: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(16))
    open_points: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(24))
    corrections: Mapped[int] = mapped_column(Integer)
    themes: Mapped[str] = mapped_column(Text)        # searched with the applicant


class Meeting(Base):
    """A committee meeting prepared on the workstation: its date and the
    candidatures the staff chose for it (its pack is under
    <home>/comites/<date>/)."""
    __tablename__ = "meetings"

    comite: Mapped[date] = mapped_column(Date, primary_key=True)
    chosen: Mapped[list] = mapped_column(JSON)          # sha256 of the candidatures
    author: Mapped[str] = mapped_column(String(64))
    prepared_at: Mapped[datetime] = mapped_column(DateTime)


class Store:
    def __init__(self, home: Path):
        home.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(f"sqlite:///{home / STORE_FILE}")
        event.listen(self.engine, "connect", _sqlite_pragmas)
        Base.metadata.create_all(self.engine)
        self.session = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()
