"""Accounts, sessions, CSRF tokens, login throttling and the audit log."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from .store import ROLES, AuditEntry, Store, User, WebSession

LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 10
SESSION_IDLE = timedelta(hours=8)
_hasher = PasswordHasher()
# Verified against when the login is unknown, so that a wrong login costs
# the same time as a wrong password and does not tell which logins exist.
_DUMMY_HASH = _hasher.hash("expe-ct: no such account")


class AccountError(ValueError):
    """A French message for the person creating an account."""


@dataclass(frozen=True)
class Visitor:
    """The person behind a request: an anonymous session has no login."""
    token_sha256: str
    login: str | None
    role: str | None
    csrf: str
    search: str | None

    @property
    def can_write(self) -> bool:
        return self.role in ("instructeur", "admin")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def add_user(store: Store, login: str, password: str, role: str) -> None:
    if not LOGIN_PATTERN.match(login):
        raise AccountError("Identifiant refusé : 2 à 32 caractères, minuscules, chiffres, « . », "
                           "« _ » ou « - ».")
    if role not in ROLES:
        raise AccountError(f"Rôle inconnu : {role} (instructeur, comite ou admin).")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Mot de passe trop court : au moins {MIN_PASSWORD} caractères.")
    with store.session() as s, s.begin():
        if s.get(User, login) is not None:
            raise AccountError(f"Le compte « {login} » existe déjà.")
        s.add(User(login=login, password_hash=_hasher.hash(password), role=role,
                   created=datetime.now()))
    audit(store, None, "compte-cree", None, f"{login} ({role})")


def check_password(store: Store, login: str, password: str) -> User | None:
    with store.session() as s:
        user = s.get(User, login) if LOGIN_PATTERN.match(login or "") else None
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def new_session(store: Store, login: str | None) -> str:
    """A fresh session (a login always gets a new one: no fixation); returns
    the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = datetime.now()
    with store.session() as s, s.begin():
        s.execute(delete(WebSession).where(WebSession.seen < now - SESSION_IDLE))
        s.add(WebSession(token_sha256=_digest(token), login=login, csrf=secrets.token_urlsafe(32),
                         created=now, seen=now))
    return token


def visitor(store: Store, token: str | None) -> Visitor | None:
    if not token:
        return None
    now = datetime.now()
    with store.session() as s, s.begin():
        row = s.get(WebSession, _digest(token))
        if row is None or row.seen < now - SESSION_IDLE:
            return None
        user = s.get(User, row.login) if row.login else None
        if row.login and user is None:  # the account was removed
            return None
        if now - row.seen > timedelta(minutes=1):
            row.seen = now
        return Visitor(row.token_sha256, row.login, user.role if user else None, row.csrf,
                       row.search)


def end_session(store: Store, token_sha256: str) -> None:
    with store.session() as s, s.begin():
        s.execute(delete(WebSession).where(WebSession.token_sha256 == token_sha256))


def remember_search(store: Store, token_sha256: str, text: str | None) -> None:
    with store.session() as s, s.begin():
        row = s.get(WebSession, token_sha256)
        if row is not None:
            row.search = text or None


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())


def audit(store: Store, login: str | None, action: str, target: str | None = None,
          detail: str | None = None) -> None:
    with store.session() as s, s.begin():
        s.add(AuditEntry(at=datetime.now(), login=login, action=action, target=target,
                         detail=detail))


def audit_log(store: Store, limit: int = 500) -> list[AuditEntry]:
    with store.session() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))


class LoginThrottle:
    """At most `attempts` failed logins per account and per address within
    `window_s`; past that, refused until the oldest failure ages out."""

    def __init__(self, attempts: int = 5, window_s: float = 900.0):
        self.attempts, self.window_s = attempts, window_s
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window_s:
            failures.popleft()
        return failures

    def wait_s(self, login: str, address: str) -> float:
        """Seconds before another attempt is allowed (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = [f[0] + self.window_s - now for key in (f"u:{login}", f"a:{address}")
                     if len(f := self._recent(key, now)) >= self.attempts]
        return max(waits, default=0.0)

    def failed(self, login: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in (f"u:{login}", f"a:{address}"):
                self._recent(key, now).append(now)

    def succeeded(self, login: str) -> None:
        with self._lock:
            self._failures.pop(f"u:{login}", None)
