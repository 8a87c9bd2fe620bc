"""The register and Prefect's private server on a real PostgreSQL: the same
results as on SQLite.  CI runs these beside a throw-away cluster
(scripts/with-postgres.sh, from .ci/run); elsewhere they are skipped."""
from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import dossier_factory as make
from register import Register
from test_register import fresh_register

ROOT = Path(__file__).resolve().parents[1]
REGISTER_URL = os.environ.get("EXPE_CT_REGISTER_URL", "")
PREFECT_URL = os.environ.get("EXPE_CT_PREFECT_DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not REGISTER_URL.startswith("postgresql"),
    reason="EXPE_CT_REGISTER_URL ne désigne pas PostgreSQL (CI : bash scripts/with-postgres.sh …)")


def test_the_register_is_on_postgresql(tmp_path):
    register = fresh_register(tmp_path)
    assert register.engine.dialect.name == "postgresql"
    assert not (tmp_path / "registre.sqlite").exists()
    register.close()


@pytest.mark.skipif(not PREFECT_URL.startswith("postgresql"), reason="EXPE_CT_PREFECT_DATABASE_URL absent")
def test_inbox_once_with_prefect_and_the_register_on_postgresql(tmp_path):
    fresh_register(tmp_path / "home").close()
    inbox, home = tmp_path / "depot", tmp_path / "home"
    inbox.mkdir()
    make.candidature(inbox / "candidature.docx")
    make.rapport(inbox / "rapport.docx")
    make.not_a_document(inbox / "scan.pdf")
    env = {**os.environ, "PREFECT_API_DATABASE_CONNECTION_URL": PREFECT_URL}
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run([sys.executable, "-m", "expe_ct.cli", "inbox", "--once", "--inbox", str(inbox),
                           "--home", str(home)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert list(inbox.iterdir()) == []
    register = Register.open(home)
    assert Counter(r.quarantined for r in register.submissions()) == {False: 2, True: 1}
    register.close()
    assert not (home / "prefect" / "prefect.db").exists()  # Prefect's runs went to PostgreSQL
    engine = create_engine(PREFECT_URL.replace("+asyncpg", "+psycopg"))
    with engine.connect() as db:
        tasks = db.execute(text("select name from task_run")).scalars().all()
    engine.dispose()
    assert len([t for t in tasks if t.startswith("dossier-")]) >= 3
