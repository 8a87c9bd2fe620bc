"""The committee, reports and roster pages without a browser: the meeting's
pack from the corrected records (compact, each quote once), the decisions in
the register (a label with the regulation's validity), the decision letters,
roles and CSRF on the new forms."""
from __future__ import annotations

import io
import re
import shutil
from datetime import date, timedelta

import pytest
from docx import Document
from starlette.testclient import TestClient

from checks.rules import regulation
from outputs.pack import numbered_quotes
from web import accounts, corrections
from web.app import create_app
from web.store import Store

from test_web_units import _login, record

QUOTE = "Mme Anne Un, maire adjointe, et M. Bruno Deux, directeur de l'eau"


def _token(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page)[1]


def candidature(sha: str, applicant: str) -> dict:
    rec = record(sha, applicant)
    for check in rec["checks"]:
        if check["id"].startswith("experts."):  # four checks citing the same lines
            check["evidence"] = [{"piece": "dossier.pdf", "page": 1, "quote": QUOTE}]
    return rec


@pytest.fixture
def app(tmp_path):
    store = Store(tmp_path)
    accounts.add_user(store, "marie", "un-long-secret", "instructeur")
    accounts.add_user(store, "paul", "secret-du-comite", "comite")
    app = create_app(tmp_path)
    register = app.state.register
    for sha, name in (("a" * 64, "Ville de Brest"), ("b" * 64, "Commune de Plouha"),
                      ("c" * 64, "Ville de Sète")):
        register.add(candidature(sha, name), date(2026, 1, 5), f"archive/{sha[:2]}", False)
    for sha in ("a" * 64, "b" * 64):  # validated by the staff; Sète stays to review
        corrections.add(store, sha, "marie", "etat", None, {"state": "pret"}, None,
                        register.get(sha).record)
    corrections.add(store, "a" * 64, "marie", "demandeur", None,
                    {"name": "Brest Métropole", "type": "epci"}, None, register.get("a" * 64).record)
    return app


def test_each_quote_once_however_many_checks_cite_it():
    checks = [{"evidence": [{"quote": "a  b", "piece": "x"}, {"quote": "c", "piece": "x"}]},
              {"evidence": [{"quote": "A b", "piece": "y"}]}, {"evidence": []}]
    quotes = numbered_quotes(checks)
    assert [q["quote"] for q in quotes] == ["a  b", "c"]
    assert [c["refs"] for c in checks] == [[1, 2], [1], []]


@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium absent (make setup l'installe)")
def test_a_meeting_from_choice_to_label_and_letters(app, tmp_path):
    comite = date.today() + timedelta(days=10)
    register = app.state.register
    with TestClient(app) as client:
        assert _login(client, "marie", "un-long-secret").status_code == 303
        page = client.get("/comite").text
        assert "Brest Métropole" in page and "Commune de Plouha" in page
        assert "Ville de Sète" not in page   # not ready
        sent = client.post("/comite", follow_redirects=False, data={
            "csrf": _token(page), "comite": comite.isoformat(),
            "dossiers": ["a" * 64, "b" * 64, "c" * 64]})   # Sète is not ready: left out
        assert sent.status_code == 303 and sent.headers["location"].startswith(f"/comite/{comite.isoformat()}")
        folder = tmp_path / "comites" / comite.isoformat()
        html = (folder / "pack.html").read_text(encoding="utf-8")
        assert "Brest Métropole" in html and "Commune de Plouha" in html and "Sète" not in html
        assert html.count("Mme Anne Un, maire adjointe") == 2   # one quote, once per dossier
        assert html.count('class="fiche compacte"') == 2
        assert (folder / "pack.pdf").read_bytes()[:5] == b"%PDF-"
        assert register.get("a" * 64).comite == comite   # examined by this committee
        meeting = client.get(f"/comite/{comite.isoformat()}").text
        assert "dossier-du-comite.pdf" in meeting
        assert client.get(f"/comite/{comite.isoformat()}/dossier-du-comite.pdf").content[:5] == b"%PDF-"

        # decisions: a refusal needs its reason; a label takes the corrected applicant
        token = _token(meeting)
        url = f"/comite/{comite.isoformat()}/decision"
        refused = client.post(url, data={"csrf": token, "dossier": "b" * 64, "decision": "refuse"})
        assert refused.status_code == 400 and "Un refus doit être motivé" in refused.text
        assert client.post(url, follow_redirects=False, data={
            "csrf": token, "dossier": "b" * 64, "decision": "refuse",
            "raison": "Aucun expert\nne relève d'une collectivité"}).status_code == 303
        assert client.post(url, follow_redirects=False, data={
            "csrf": token, "dossier": "a" * 64, "decision": "labellise",
            "date": comite.isoformat()}).status_code == 303
        labels = register.labels_of("Brest Métropole", "epci")
        assert len(labels) == 1 and labels[0].granted == comite
        assert labels[0].expires == regulation().parameters.label_expires(comite)
        assert labels[0].expertise == ["Eau"] and labels[0].themes == ["eau-assainissement"]
        assert "Labellisé" not in client.get("/").text
        assert 'id="etat">labellisé</strong>' in client.get(f"/dossier/{'a' * 64}").text
        listing = client.get("/?etat=labellise").text
        assert "Brest Métropole" in listing and "Plouha" not in listing

        # the letters, in French, with the regulation's numbers
        letter = client.get(f"/comite/{comite.isoformat()}/lettre/{'a' * 64}.docx")
        assert letter.status_code == 200 and "Brest" not in letter.headers["content-disposition"]
        text = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
        years = regulation().parameters.label_validity_years
        assert "Brest Métropole" in text and f"pour une durée de {years} ans" in text
        text = "\n".join(p.text for p in Document(io.BytesIO(client.get(
            f"/comite/{comite.isoformat()}/lettre/{'b' * 64}.docx").content)).paragraphs)
        assert "Aucun expert ne relève d'une collectivité" in text and "regret" in text

        # changed mind: refusing Brest takes its label back
        assert client.post(url, follow_redirects=False, data={
            "csrf": token, "dossier": "a" * 64, "decision": "refuse",
            "raison": "Dossier retiré"}).status_code == 303
        assert register.labels_of("Brest Métropole", "epci") == []

    with TestClient(app) as client:   # the comité reads, never writes
        assert _login(client, "paul", "secret-du-comite").status_code == 303
        page = client.get(f"/comite/{comite.isoformat()}").text
        assert "Enregistrer la décision" not in page and 'name="csrf"' in page
        refused = client.post(url, data={"csrf": _token(page), "dossier": "b" * 64,
                                         "decision": "labellise"})
        assert refused.status_code == 403
        assert client.post("/comite", data={"csrf": _token(page), "comite": comite.isoformat(),
                                             "dossiers": ["c" * 64]}).status_code == 403
        assert register.decisions()["b" * 64].outcome == "refuse"


def test_the_committee_forms_need_the_csrf_token(app):
    with TestClient(app) as client:
        assert _login(client, "marie", "un-long-secret").status_code == 303
        assert client.post("/comite", data={"comite": "2026-12-01", "dossiers": ["a" * 64]}).status_code == 403
        assert client.post("/comite", data={"csrf": "x" * 43, "comite": "2026-12-01",
                                            "dossiers": ["a" * 64]}).status_code == 403
        assert client.get("/comite/2026-12-01").status_code == 404
        assert client.get("/comite/..%2Fregistre").status_code == 404
    assert app.state.register.get("a" * 64).comite is None


def test_reports_due_and_overdue_with_days_left_and_labels_expiring(app):
    register, today = app.state.register, date.today()
    deadline = regulation().parameters.report_deadline_fr
    late = register.declare_mission("Ville de Niort", "commune", "Sénégal", today - timedelta(days=200),
                                    today - timedelta(days=100))
    soon = register.declare_mission("Ville d'Arles", "commune", "Maroc", today - timedelta(days=12),
                                    today - timedelta(days=5))
    from register import Label
    with register.session() as s, s.begin():
        s.add(Label(holder="Ville de Colmar", holder_type="commune", aliases=[], expertise=["Patrimoine"],
                    themes=["patrimoine-culture"], granted=today - timedelta(days=1000),
                    expires=today + timedelta(days=40), source="test"))
    register._labels = None
    with TestClient(app) as client:
        assert _login(client, "paul", "secret-du-comite").status_code == 303   # the comité reads it
        page = client.get("/suivi").text
        awaited = re.search(r'id="rapports-attendus">(.*?)</table>', page, re.S)[1]
        late_days = (today - register.missions()[0].report_due).days
        assert "Ville de Niort" in awaited and f"en retard de {late_days} jours" in awaited
        left = (soon.report_due - today).days
        assert f"{left} jours restants" in awaited and awaited.index("Niort") < awaited.index("Arles")
        assert f"{deadline} après le retour" in page
        expiring = re.search(r'id="labels-expirant">(.*?)</table>', page, re.S)[1]
        assert "Ville de Colmar" in expiring and "40 jours restants" in expiring
        assert "Ville de Colmar" in re.search(r'id="labels-en-vigueur">(.*?)</table>', page, re.S)[1]
        # a reminder for the late one only; its letter quotes the due date
        assert f"/suivi/relance/{late.id}.docx" in awaited and f"/suivi/relance/{soon.id}.docx" not in awaited
        letter = client.get(f"/suivi/relance/{late.id}.docx")
        text = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
        assert "Ville de Niort" in text and "ne nous est pas parvenu" in text
        assert "Niort" not in letter.headers["content-disposition"]
        assert client.get(f"/suivi/relance/{soon.id}.docx").status_code == 404


def test_the_roster_names_each_person_once_and_the_search_ranks_by_need(app):
    store, register, today = app.state.store, app.state.register, date.today()
    sete = candidature("d" * 64, "Ville de Sète")
    sete["expertise"] = [{"label": "Collecte et tri des déchets ménagers", "themes": ["dechets-proprete"]}]
    sete["experts"] = [{"name": "ANNE UN", "function": "adjointe à la propreté", "category": "elu"},
                       {"name": "Mme Denise Quatre", "function": "responsable du tri", "category": "agent"},
                       {"name": "<script>alert(1)</script>Zoé", "function": "<b>gras</b>", "category": "agent"}]
    register.add(sete, date(2026, 2, 1), "archive/dd", False)
    # Brest labelled by a committee; Sète by the historique (no decision: found by its name)
    register.decide("a" * 64, today, "labellise", today, None, "marie", "Ville de Brest", "commune",
                    ["Eau potable et assainissement"], ["eau-assainissement"])
    from register import Label
    with register.session() as s, s.begin():
        s.add(Label(holder="Sète", holder_type="commune", aliases=[], expertise=["Déchets ménagers"],
                    themes=["dechets-proprete"], granted=today - timedelta(days=30),
                    expires=today + timedelta(days=900), source="historique"))
    register._labels = None
    corrections.add(store, "a" * 64, "marie", "expert-modif", "1",
                    {"name": "Bruno Deux-Corrigé", "function": "directeur de l'eau", "category": "agent"},
                    None, register.get("a" * 64).record)
    with TestClient(app) as client:
        assert _login(client, "paul", "secret-du-comite").status_code == 303   # the comité may search
        page = client.get("/experts").text
        roster = re.search(r'id="annuaire">(.*?)</table>', page, re.S)[1]
        assert roster.count("<tr><td>") == 5   # Anne Un once for both bodies; Bruno, Chloé, Denise, Zoé
        assert "&lt;script&gt;alert(1)&lt;/script&gt;Zoé" in roster and "<script>" not in page
        assert "&lt;b&gt;gras&lt;/b&gt;" in roster
        anne = next(row for row in roster.split("<tr>") if "Anne Un" in row or "ANNE UN" in row)
        assert "Ville de Brest" in anne and "Sète" in anne
        assert "Bruno Deux-Corrigé" in roster and "Bruno Deux<" not in roster   # the corrected name

        found = client.post("/experts", data={"csrf": _token(page),
                                              "demande": "Nous cherchons un appui pour le tri des DECHETS"})
        assert found.status_code == 200
        bodies = re.search(r'id="organismes">(.*?)</ol>', found.text, re.S)[1]
        assert "Sète" in bodies and "Brest" not in bodies
        assert 'theme trouve' in bodies
        people = re.search(r'id="personnes">(.*?)</ol>', found.text, re.S)[1]
        assert "Denise Quatre" in people and "Chloé Trois" not in people
        water = client.post("/experts", data={"csrf": _token(page), "demande": "eaux usées, assainissement"})
        bodies = re.search(r'id="organismes">(.*?)</ol>', water.text, re.S)[1]
        assert "Ville de Brest" in bodies and "Sète" not in bodies
        assert client.post("/experts", data={"demande": "eau"}).status_code == 403   # CSRF still


def test_a_request_becomes_an_fts_query_of_word_beginnings():
    from web.roster import fts_query, person_key
    assert fts_query("Nous cherchons de l'aide pour les déchets ménagers") == '"deche"* OR "menage"*'
    assert fts_query("eau") == '"eau"*'
    assert fts_query("de la, pour les") is None
    assert fts_query('"; DROP TABLE x; --') == '"drop"* OR "tab"*'   # quotes and syntax never pass
    assert person_key("Mme Anne  Un") == person_key("ANNE UN") == "anne un"
