"""The register's tables: submissions filed by the inbox, EXPE-CT labels,
expertise missions.  Plain SQLAlchemy 2 models, the same on SQLite and
PostgreSQL (JSON columns map to JSON/JSONB as each dialect does)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class RegisteredSubmission(Base):
    """One submission, keyed by the contract's sha256: a re-drop of the same
    bytes finds its row instead of making a new one."""
    __tablename__ = "submissions"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    received: Mapped[date | None] = mapped_column(Date)
    filed_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str | None] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(8))             # ok | error
    verdict: Mapped[str | None] = mapped_column(String(16))
    applicant: Mapped[str | None] = mapped_column(Text)
    applicant_type: Mapped[str | None] = mapped_column(String(24))
    applicant_key: Mapped[str | None] = mapped_column(String(200), index=True)
    location: Mapped[str] = mapped_column(Text)                # archive/… or quarantine/… under the home
    quarantined: Mapped[bool] = mapped_column(Boolean, default=False)
    record: Mapped[dict] = mapped_column(JSON)
    previous_sha256: Mapped[str | None] = mapped_column(ForeignKey("submissions.sha256"))
    changes: Mapped[list | None] = mapped_column(JSON)         # checks whose status changed
    comite: Mapped[date | None] = mapped_column(Date)          # committee that examined it
    redrops: Mapped[int] = mapped_column(Integer, default=0)


class Label(Base):
    """A collectivité or network labelled EXPE-CT, for three years."""
    __tablename__ = "labels"
    __table_args__ = (UniqueConstraint("holder", "granted"),)  # seeding twice at once fails, once

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    holder: Mapped[str] = mapped_column(Text)
    holder_type: Mapped[str | None] = mapped_column(String(24))
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    expertise: Mapped[list] = mapped_column(JSON)             # one or two labelled expertises
    themes: Mapped[list] = mapped_column(JSON)
    granted: Mapped[date] = mapped_column(Date)
    expires: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)


class Mission(Base):
    """An expertise mission of a label holder, declared when the ministry
    validates it or learnt from its report; the report is due two calendar
    months after the return (§III.3)."""
    __tablename__ = "missions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    holder: Mapped[str] = mapped_column(Text)
    holder_type: Mapped[str | None] = mapped_column(String(24))
    country: Mapped[str | None] = mapped_column(Text)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    report_due: Mapped[date | None] = mapped_column(Date)
    report_received: Mapped[date | None] = mapped_column(Date)
    report_sha256: Mapped[str | None] = mapped_column(ForeignKey("submissions.sha256"))
    declared: Mapped[bool] = mapped_column(Boolean, default=True)
    reminded: Mapped[date | None] = mapped_column(Date)


class Decision(Base):
    """The selection committee's decision on a candidature: labelled on a
    date (the label it gave is in `labels`) or refused with a reason."""
    __tablename__ = "decisions"

    sha256: Mapped[str] = mapped_column(ForeignKey("submissions.sha256"), primary_key=True)
    comite: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(16))           # labellise | refuse
    decided: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    label_id: Mapped[int | None] = mapped_column(ForeignKey("labels.id"))
    author: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
