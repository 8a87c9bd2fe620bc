"""The workstation's parts without a browser: accounts, login throttling,
corrections replayed over a record, quotes found on real PDF pages, upload
names, the search kept out of URLs."""
from __future__ import annotations

import copy
import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from checks.rules import regulation
from expe_ct import cli
from web import accounts, corrections, viewer
from web.app import create_app
from web.store import Store
from expe_ct.inbox import Home
from web.upload import DROP, UploadError, Uploads, safe_name

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "samples" / "dossiers" / "c02-finistere-expe-ct.pdf"


def record(sha: str = "a" * 64, applicant: str = "Ville de Brest") -> dict:
    checks = [{"id": r.id, "status": "pass", "message": "", "evidence": []}
              for r in regulation().rules_for("candidature")]
    return {"sha256": sha, "status": "ok", "kind": "candidature", "verdict": "complete",
            "submission": f"/nulle/part/{sha[:8]}.pdf", "error": None, "pieces": [],
            "applicant": {"name": applicant, "type": "commune"},
            "expertise": [{"label": "Eau", "themes": ["eau-assainissement"]}],
            "experts": [{"name": "Anne Un", "function": "élue", "category": "elu"},
                        {"name": "Bruno Deux", "function": "agent", "category": "agent"},
                        {"name": "Chloé Trois", "function": "agente", "category": "agent"}],
            "checks": checks}


# -- accounts --------------------------------------------------------------------

def test_accounts_refuse_weak_or_odd_input_and_check_passwords(tmp_path):
    store = Store(tmp_path)
    accounts.add_user(store, "marie", "un-long-secret", "instructeur")
    for login, password, role, why in (("marie", "un-autre-secret", "admin", "existe déjà"),
                                       ("x", "un-long-secret", "admin", "Identifiant"),
                                       ("Jean Dupont", "un-long-secret", "admin", "Identifiant"),
                                       ("jean", "court", "admin", "trop court"),
                                       ("jean", "un-long-secret", "chef", "Rôle")):
        with pytest.raises(accounts.AccountError, match=why):
            accounts.add_user(store, login, password, role)
    assert accounts.check_password(store, "marie", "un-long-secret").role == "instructeur"
    assert accounts.check_password(store, "marie", "un-long-secreT") is None
    assert accounts.check_password(store, "personne", "un-long-secret") is None
    with store.session() as s:
        stored = s.get(accounts.User, "marie").password_hash
    assert stored.startswith("$argon2") and "un-long-secret" not in stored


def test_the_command_reads_the_password_on_stdin(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("secret-du-comite\n"))
    assert cli.main(["utilisateurs", "ajouter", "paul", "--role", "comite", "--home", str(tmp_path)]) == 0
    assert accounts.check_password(Store(tmp_path), "paul", "secret-du-comite").role == "comite"
    monkeypatch.setattr("sys.stdin", io.StringIO("court\n"))
    assert cli.main(["utilisateurs", "ajouter", "zoe", "--role", "admin", "--home", str(tmp_path)]) == 2
    assert "trop court" in capsys.readouterr().err


def _login(client: TestClient, login: str, password: str):
    page = client.get("/connexion").text
    token = re.search(r'name="csrf" value="([^"]+)"', page)[1]
    return client.post("/connexion", data={"csrf": token, "login": login, "password": password},
                       follow_redirects=False)


def test_logins_are_throttled_per_account_and_per_address(tmp_path):
    store = Store(tmp_path)
    accounts.add_user(store, "marie", "un-long-secret", "instructeur")
    app = create_app(tmp_path, throttle=accounts.LoginThrottle(attempts=3, window_s=600))
    with TestClient(app) as client:
        for _ in range(3):
            assert _login(client, "marie", "mauvais-secret").status_code == 401
        blocked = _login(client, "marie", "un-long-secret")  # even the right password now
        assert blocked.status_code == 429 and "Trop de tentatives" in blocked.text
        assert _login(client, "autre", "un-long-secret").status_code == 429  # same address
    with TestClient(create_app(tmp_path)) as client:  # a fresh window: the right password works
        assert _login(client, "marie", "un-long-secret").status_code == 303


def test_the_search_stays_out_of_the_url(tmp_path):
    store = Store(tmp_path)
    accounts.add_user(store, "marie", "un-long-secret", "instructeur")
    app = create_app(tmp_path)
    app.state.register.add(record("a" * 64, "Ville de Brest"), date(2026, 1, 5), "archive/aa", False)
    app.state.register.add(record("b" * 64, "Commune de Plouha"), date(2026, 1, 6), "archive/bb", False)
    with TestClient(app) as client:
        assert _login(client, "marie", "un-long-secret").status_code == 303
        page = client.get("/").text
        token = re.search(r'name="csrf" value="([^"]+)"', page)[1]
        moved = client.post("/recherche", data={"csrf": token, "q": "plouha", "tri": "demandeur"},
                            follow_redirects=False)
        assert moved.status_code == 303 and "plouha" not in moved.headers["location"].lower()
        listing = client.get(moved.headers["location"]).text
        assert "Commune de Plouha" in listing and "Ville de Brest" not in listing
        refused = client.post("/recherche", data={"q": "brest"}, follow_redirects=False)
        assert refused.status_code == 403
        # a correction refused: the dossier again, with the reason in French
        sha = "a" * 64
        page = client.get(f"/dossier/{sha}").text
        token = re.search(r'name="csrf" value="([^"]+)"', page)[1]
        wrong = client.post(f"/dossier/{sha}/corriger", follow_redirects=False,
                            data={"csrf": token, "kind": "controle", "target": "signature", "status": "fail"})
        assert wrong.status_code == 400 and "Raison : valeur manquante." in wrong.text
        assert "Ville de Brest" in wrong.text


# -- corrections -----------------------------------------------------------------

def test_corrections_are_replayed_over_a_copy_and_the_verdict_follows(tmp_path):
    store = Store(tmp_path)
    machine = record()
    kept = copy.deepcopy(machine)
    mandatory = next(r.id for r in regulation().rules_for("candidature") if r.mandatory)
    advisory = next(r.id for r in regulation().rules_for("candidature") if not r.mandatory)
    add = lambda kind, target=None, reason=None, **value: corrections.add(  # noqa: E731
        store, machine["sha256"], "marie", kind, target, value, reason, machine)
    add("controle", advisory, "pièce absente", status="fail")
    assert corrections.corrected(machine, corrections.history(store, machine["sha256"])).record["verdict"] == "complete"
    add("expert-modif", "1", name="Bruno Dupuis", function="directeur", category="agent")
    add("expert-retrait", "0")
    add("expert-ajout", name="Dora Quatre", function="", category="partenaire")
    add("controle", mandatory, "signature manquante", status="fail")
    add("demandeur", name="Brest Métropole", type="epci")
    add("expertise", "0", label="Eau potable", themes=["eau-assainissement", "climat-energie"])
    fixed = corrections.corrected(machine, corrections.history(store, machine["sha256"]))
    rec = fixed.record
    assert [e["name"] for e in rec["experts"]] == ["Bruno Dupuis", "Chloé Trois", "Dora Quatre"]
    assert fixed.experts == {0, 2} and fixed.removed_experts == 1  # marks follow the removal
    assert rec["verdict"] == "incomplete" and fixed.verdict_changed
    assert fixed.checks[mandatory]["reason"] == "signature manquante"
    assert rec["applicant"] == {"name": "Brest Métropole", "type": "epci"} and fixed.applicant
    assert rec["expertise"][0]["themes"] == ["eau-assainissement", "climat-energie"]
    assert machine == kept  # the machine's record is never touched
    assert corrections.state_of(fixed, examined=False) == "corrige"
    add("etat", state="pret")
    fixed = corrections.corrected(machine, corrections.history(store, machine["sha256"]))
    assert corrections.state_of(fixed, examined=False) == "pret"


@pytest.mark.parametrize("kind, target, value, reason, message", [
    ("controle", "signature", {"status": "fail"}, None, "Raison"),
    ("controle", "inexistant", {"status": "fail"}, "x", "Contrôle inconnu"),
    ("controle", "signature", {"status": "peut-être"}, "x", "Statut"),
    ("expert-modif", "7", {"name": "X"}, None, "n'existe plus"),
    ("expert-ajout", None, {"name": "X", "category": "roi"}, None, "Catégorie"),
    ("expert-ajout", None, {"name": "   "}, None, "manquante"),
    ("expertise", "0", {"label": "Eau", "themes": ["astrologie"]}, None, "Thème"),
    ("etat", None, {"state": "labellise"}, None, "État"),
    ("supprimer-tout", None, {}, None, "inconnue"),
])
def test_a_wrong_correction_is_refused_in_french(tmp_path, kind, target, value, reason, message):
    assert "signature" in {r.id for r in regulation().rules}
    with pytest.raises(corrections.CorrectionError, match=message):
        corrections.add(Store(tmp_path), "a" * 64, "marie", kind, target, value, reason, record())
    assert corrections.history(Store(tmp_path), "a" * 64) == []


# -- pages and quotes ------------------------------------------------------------

def test_quotes_are_found_where_they_stand_on_a_real_pdf(tmp_path):
    pdf = tmp_path / "piece.pdf"
    shutil.copyfile(PDF, pdf)
    quotes = ["Nous nous engageons par ailleurs à tenir informée la DAECT de toute sollicitation "
              "reçue au titre du label EXPE-CT.",                      # page 2, page not given
              "… formateur auprès du CNFPT, coordonnera l'intervention des experts.",  # ellipsis
              "Département du Finistère | Affaire suivie par : M. Ibrahima CARRÉ",      # table cells
              "Cette phrase n'est dans aucune page du dossier."]
    found = viewer.locate(pdf, quotes, [None, 1, 1, None])
    assert [page for page, _ in found] == [2, 1, 1, None]
    assert all(boxes for _, boxes in found[:3]) and found[3][1] == []
    for _, boxes in found[:3]:
        assert all(0 <= b.left < 1 and 0 <= b.top < 1 and 0 < b.width <= 1 and 0 < b.height < 0.05
                   for b in boxes)
    top = min(b.top for b in found[0][1])
    assert top < 0.2  # on page 2 the sentence opens the page
    assert (tmp_path / "piece-citations.json").is_file()  # kept for the next opening
    png = viewer.page_png(pdf, 2)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(viewer.NoView):
        viewer.page_png(pdf, 3)


def test_several_files_make_one_dossier_and_a_bad_upload_leaves_nothing(tmp_path, monkeypatch):
    uploads = Uploads(Home(tmp_path).ensure(), None)
    entry = uploads.receive([("lettre.pdf", io.BytesIO(b"%PDF-1.4 a")),
                             ("../cv.pdf", io.BytesIO(b"%PDF-1.4 b")),
                             ("lettre.pdf", io.BytesIO(b"%PDF-1.4 c"))])
    assert entry.is_dir() and sorted(p.name for p in entry.iterdir()) == ["3-lettre.pdf", "cv.pdf", "lettre.pdf"]
    single = uploads.receive([("dossier.zip", io.BytesIO(b"PK\x03\x04"))])
    assert single.is_file() and single.name == "dossier.zip"
    before = sorted((tmp_path / DROP).iterdir())
    with pytest.raises(UploadError, match="vide"):
        uploads.receive([("a.pdf", io.BytesIO(b"x")), ("b.pdf", io.BytesIO(b""))])
    monkeypatch.setenv("EXPE_CT_MAX_FILE_MB", "0.000001")
    with pytest.raises(UploadError, match="volumineux"):
        uploads.receive([("gros.pdf", io.BytesIO(b"x" * 100))])
    assert sorted((tmp_path / DROP).iterdir()) == before  # nothing half-written is left


def test_uploaded_names_cannot_leave_the_drop_folder():
    assert safe_name("../../etc/passwd", 0) == "passwd"
    assert safe_name("C:\\Users\\x\\CV Claire.pdf", 0) == "CV Claire.pdf"
    assert safe_name(".bashrc", 0) == "bashrc"
    assert safe_name("", 2) == "piece-3"
    assert safe_name("~$brouillon.docx", 0) == "piece-1"
    assert safe_name("a\x00b\x1b[31m.pdf", 0) == "ab[31m.pdf"
    assert len(safe_name("x" * 400 + ".pdf", 0).encode()) <= 150


def test_a_resubmission_shows_what_changed_since_the_earlier_version(tmp_path):
    accounts.add_user(Store(tmp_path), "paul", "secret-du-comite", "comite")
    app = create_app(tmp_path)
    first, second = record("a" * 64, "Ville de Brest"), record("c" * 64, "Ville de Brest")
    second["checks"][0]["status"] = "fail"
    app.state.register.add(first, date(2026, 1, 5), "archive/aa", False)
    app.state.register.add(second, date(2026, 2, 5), "archive/cc", False)
    title = next(r.title for r in regulation().rules if r.id == second["checks"][0]["id"])
    with TestClient(app) as client:
        assert _login(client, "paul", "secret-du-comite").status_code == 303
        page = client.get("/dossier/" + "c" * 64).text
        version = re.search(r'<p class="message" id="version">(.*?)</p>', page, re.S)[1]
        assert f"/dossier/{'a' * 64}" in version
        assert f"« {title} » conforme → non conforme" in " ".join(version.split()).replace("&#39;", "'")
        assert 'id="version"' not in client.get("/dossier/" + "a" * 64).text


def test_an_internal_error_is_logged_without_the_message(tmp_path, monkeypatch, caplog):
    accounts.add_user(Store(tmp_path), "paul", "secret-du-comite", "comite")
    app = create_app(tmp_path)

    def broken(*_args):
        raise OSError("/archive/ab/CV Claire Martin.pdf: erreur d'entrée-sortie")

    monkeypatch.setattr("web.dossiers.rows", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert _login(client, "paul", "secret-du-comite").status_code == 303
        response = client.get("/")
    assert response.status_code == 500 and "Erreur interne" in response.text
    assert "Claire" not in response.text and "Claire" not in caplog.text
    assert "OSError" in caplog.text
