"""The review workstation in a real browser: Debian's chromium driven by
Selenium, against the app served in-process on 127.0.0.1.

One home for the module: a PDF dossier filed beforehand through the
workstation's own filing path, a dossier whose applicant and expert names
are markup, three accounts.  Screenshots go to /tmp/web-shots/."""
from __future__ import annotations

import copy
import re
from datetime import date, timedelta
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from sqlalchemy import select  # noqa: E402

from web.accounts import add_user  # noqa: E402
from web.app import create_app  # noqa: E402
from web.store import AuditEntry, Correction  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "dossiers"
SHOTS = Path("/tmp/web-shots")
PASSWORDS = {"marie": "instruction-2026", "paul": "comite-lecture-2026", "root": "admin-poste-2026"}
MARKUP_NAME = '<script>window.__pirate = 1</script><b>Ville</b> <img src=x onerror="window.__pirate=2">'
MARKUP_EXPERT = '<i>Claire</i> "Martin" & <u>fils</u>'
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="chromium et chromium-driver (Debian) sont nécessaires")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import uvicorn

    home = tmp_path_factory.mktemp("poste") / "home"
    app = create_app(home)
    store, register, uploads = app.state.store, app.state.register, app.state.uploads
    for login, role in (("marie", "instructeur"), ("paul", "comite"), ("root", "admin")):
        add_user(store, login, PASSWORDS[login], role)
    with open(SAMPLES / "c02-finistere-expe-ct.pdf", "rb") as fh:
        filed = uploads.file(uploads.receive([("c02-finistere-expe-ct.pdf", fh)]))
    assert filed["outcome"] == "filed"
    pdf_sha = filed["sha256"]
    # a dossier whose names are markup: shown as text, never run
    row = register.get(pdf_sha)
    hostile = copy.deepcopy(row.record)
    hostile["sha256"] = "f" * 64
    hostile["applicant"] = {"name": MARKUP_NAME, "type": "commune"}
    hostile["experts"][0]["name"] = MARKUP_EXPERT
    register.add(hostile, row.received, row.location, False)

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield {"url": f"http://127.0.0.1:{port}", "app": app, "pdf": pdf_sha, "hostile": "f" * 64,
           "home": home}
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1500,1100", "--disable-background-networking", "--no-first-run",
                 "--lang=fr-FR"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


def login(browser, site, who: str) -> None:
    browser.delete_all_cookies()
    browser.get(site["url"] + "/connexion")
    browser.find_element(By.NAME, "login").send_keys(who)
    browser.find_element(By.NAME, "password").send_keys(PASSWORDS[who])
    browser.find_element(By.CSS_SELECTOR, "#form-connexion button").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "qui")))


def upload(browser, site, sample: str) -> None:
    """Drop one sample dossier through the upload form, as an instructeur; wait until filed."""
    login(browser, site, "marie")
    browser.get(site["url"] + "/depot")
    browser.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(SAMPLES / sample))
    browser.find_element(By.CSS_SELECTOR, "#form-depot button").click()
    WebDriverWait(browser, 180).until(EC.presence_of_element_located((By.ID, "issue-depot")))


def post(browser, site, path: str, fields: dict[str, str]) -> int:
    """POST a form with the browser's session cookie but not through its
    pages (the pages forbid scripts any fetch); returns the status."""
    cookie = browser.get_cookie("expe_ct_session")
    cookies = {"expe_ct_session": cookie["value"]} if cookie else {}
    return httpx.post(site["url"] + path, data=fields, cookies=cookies, follow_redirects=False).status_code


def csrf_of(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, "form.session input[name=csrf]").get_attribute("value")


def corrections_of(site, sha: str) -> list[Correction]:
    with site["app"].state.store.session() as s:
        return list(s.scalars(select(Correction).where(Correction.sha256 == sha)))


def shot(browser, name: str, folder: Path = SHOTS) -> None:
    folder.mkdir(exist_ok=True)
    height = browser.execute_script("return document.body.scrollHeight")
    browser.set_window_size(1500, min(max(1100, height), 2400))
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(folder / name))
    browser.set_window_size(1500, 1100)


# -- access -------------------------------------------------------------------------

def test_no_page_without_login(browser, site):
    browser.delete_all_cookies()
    for path in ("/", f"/dossier/{site['pdf']}", "/quarantaine", "/depot", "/journal",
                 f"/dossier/{site['pdf']}/pieces/0/pages/1.png"):
        browser.get(site["url"] + path)
        assert browser.current_url == site["url"] + "/connexion", path
        assert browser.find_elements(By.ID, "form-connexion")
    assert post(browser, site, f"/dossier/{site['pdf']}/corriger", {"kind": "etat", "state": "pret"}) in (401, 403)
    assert corrections_of(site, site["pdf"]) == []


def test_wrong_password_is_refused(browser, site):
    browser.delete_all_cookies()
    browser.get(site["url"] + "/connexion")
    browser.find_element(By.NAME, "login").send_keys("marie")
    browser.find_element(By.NAME, "password").send_keys("pas-le-bon-mot")
    browser.find_element(By.CSS_SELECTOR, "#form-connexion button").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "erreur")))
    assert "incorrect" in browser.find_element(By.ID, "erreur").text
    browser.get(site["url"] + "/")
    assert browser.current_url.endswith("/connexion")


def test_session_cookie_is_httponly_and_strict(browser, site):
    login(browser, site, "marie")
    cookie = browser.get_cookie("expe_ct_session")
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict"
    assert browser.execute_script("return document.cookie") == ""


def test_register_lists_the_filed_dossier(browser, site):
    login(browser, site, "marie")
    browser.get(site["url"] + "/")
    table = browser.find_element(By.ID, "registre").text
    assert "Département du Finistère" in table and "candidature" in table
    shot(browser, "registre.png")


# -- filing and reading -------------------------------------------------------------

def test_upload_files_a_dossier_and_opens_it(browser, site):
    upload(browser, site, "c01-albi.docx")
    assert browser.find_element(By.ID, "issue-depot").text == "Dossier classé."
    assert browser.find_element(By.ID, "demandeur").text == "Ville d'Albi"
    sha = browser.current_url.split("/dossier/")[1].split("?")[0]
    assert (site["home"] / "records" / f"{sha}.json").is_file()
    assert list((site["home"] / "archive" / sha[:2] / sha).iterdir())[0].name == "c01-albi.docx"
    # the Word piece is shown as pages (converted once, kept in the home)
    WebDriverWait(browser, 60).until(lambda b: b.execute_script(
        "const i = document.querySelector('#page img'); return i && i.complete && i.naturalWidth > 0"))
    assert (site["home"] / "vues" / sha / "0.pdf").is_file()
    browser.get(site["url"] + "/")
    assert "Ville d'Albi" in browser.find_element(By.ID, "registre").text


def test_a_zip_is_one_dossier_whose_word_piece_is_shown_as_pages(browser, site):
    upload(browser, site, "c05-abymes-candidature.zip")
    assert browser.find_element(By.ID, "demandeur").text == "Ville des Abymes"
    pieces = browser.find_elements(By.CSS_SELECTOR, "nav.pieces a")
    assert [p.text for p in pieces] == ["01-lettre-candidature.pdf", "02-dossier-candidature.docx",
                                        "03-délibération-2025.pdf"]
    pieces[1].click()  # the Word piece inside the ZIP, converted to PDF
    WebDriverWait(browser, 120).until(lambda b: b.execute_script(
        "const i = document.querySelector('#page img'); return i && i.complete && i.naturalWidth > 0"))
    assert "active" in browser.find_element(By.CSS_SELECTOR, "nav.pieces a:nth-child(2)").get_attribute("class")
    assert re.fullmatch(r"Page 1 / \d+", browser.find_element(By.ID, "numero-page").text)


def test_an_unrecognised_document_goes_to_the_quarantine_with_its_reason(browser, site):
    upload(browser, site, "i01-facture-2024-118.pdf")
    assert browser.find_element(By.ID, "issue-depot").text == "Dépôt placé en quarantaine."
    sha = browser.current_url.split("/dossier/")[1].split("?")[0]
    assert (site["home"] / "quarantine" / sha[:16] / "i01-facture-2024-118.pdf").is_file()
    browser.get(site["url"] + "/quarantaine")
    line = browser.find_element(By.ID, "quarantaine").text
    assert sha[:12] in line and "Document non reconnu" in line
    shot(browser, "quarantaine.png")
    browser.get(site["url"] + "/")
    assert sha not in browser.page_source  # not in the register table


def test_clicking_a_finding_shows_its_page_highlighted(browser, site):
    login(browser, site, "marie")
    browser.get(f"{site['url']}/dossier/{site['pdf']}")
    record = site["app"].state.register.get(site["pdf"]).record
    # a finding on the second page, so that the page shown has to change
    key = next(f"{ci}-{ei}" for ci, c in enumerate(record["checks"])
               for ei, e in enumerate(c["evidence"]) if e["page"] == 2)
    # the citations of a passed check are folded: unfold, then click the finding
    browser.find_element(By.CSS_SELECTOR, f"#controle-{key.split('-')[0]} details.citations summary").click()
    browser.find_element(By.ID, f"preuve-{key}").click()
    WebDriverWait(browser, 30).until(EC.url_contains(f"preuve={key}"))
    assert browser.find_element(By.ID, "numero-page").text == "Page 2 / 2"
    chosen = browser.find_elements(By.CSS_SELECTOR, "#page rect.surligne.choisi")
    assert chosen, "the chosen quote is highlighted"
    assert "choisie" in browser.find_element(By.ID, f"preuve-{key}").get_attribute("class")
    assert browser.execute_script(
        "const i = document.querySelector('#page img'); return i.complete && i.naturalWidth") > 500
    # the highlight lies on the page, in the text area
    box = chosen[0].rect
    page = browser.find_element(By.CSS_SELECTOR, "#page img").rect
    assert page["x"] <= box["x"] < page["x"] + page["width"] and page["y"] <= box["y"] < page["y"] + page["height"]
    assert 3 < box["height"] < 60
    shot(browser, "dossier-page-surlignee.png")


def test_correcting_an_expert_and_a_check(browser, site):
    login(browser, site, "marie")
    browser.get(f"{site['url']}/dossier/{site['pdf']}")
    name = browser.find_element(By.CSS_SELECTOR, "#expert-0 input[name=name]")
    machine_name = name.get_attribute("value")
    name.clear()
    name.send_keys("Jeanne Vérifiée")
    browser.find_element(By.CSS_SELECTOR, "#f-expert-0 button").click()
    WebDriverWait(browser, 10).until(EC.url_contains("ok=correction"))
    assert browser.find_element(By.CSS_SELECTOR, "#expert-0 input[name=name]").get_attribute("value") == "Jeanne Vérifiée"
    assert "corrigé" in browser.find_element(By.ID, "expert-0").text
    # a mandatory check set to "non conforme" with a reason: the verdict follows
    check = browser.find_element(By.ID, "controle-0")
    check.find_element(By.CSS_SELECTOR, "details.corriger summary").click()
    check.find_element(By.CSS_SELECTOR, "select[name=status] option[value=fail]").click()
    check.find_element(By.NAME, "reason").send_keys("Délibération non signée")
    check.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.url_contains("ok=correction"))
    assert browser.find_element(By.ID, "verdict").text == "incomplet"
    assert "Délibération non signée" in browser.find_element(By.ID, "controle-0").text
    shot(browser, "correction.png")
    # the machine's record is untouched; the corrections are stored beside it
    row = site["app"].state.register.get(site["pdf"])
    assert row.record["experts"][0]["name"] == machine_name and row.record["verdict"] == "complete"
    stored = corrections_of(site, site["pdf"])
    assert [c.kind for c in stored] == ["expert-modif", "controle"]
    assert all(c.author == "marie" for c in stored) and stored[1].reason == "Délibération non signée"
    browser.get(site["url"] + "/?etat=corrige")
    assert "Département du Finistère" in browser.find_element(By.ID, "registre").text


def test_the_sheet_and_the_pack_use_the_corrected_values(browser, site, tmp_path):
    login(browser, site, "marie")
    browser.get(f"{site['url']}/dossier/{site['pdf']}")
    browser.find_element(By.ID, "lien-fiche").click()
    sheet = browser.find_element(By.TAG_NAME, "body").text
    assert "Jeanne Vérifiée corrigé" in sheet and "Délibération non signée" in sheet
    assert "(machine : complet)" in sheet
    shot(browser, "fiche-corrigee.png")
    # the committee pack (the flow's own task, without Prefect's engine)
    from flows.pack import build

    result = build.fn(str(site["home"]), date.today() + timedelta(days=7), None, str(tmp_path))
    assert result["candidatures"] >= 2
    html = (tmp_path / "pack.html").read_text(encoding="utf-8")
    assert "Jeanne Vérifiée" in html and 'class="badge corrige"' in html
    row = next(line for line in (tmp_path / "pack.csv").read_text(encoding="utf-8-sig").splitlines()
               if line.startswith(tuple("0123456789")) and "Finistère" in line)
    assert "incomplet (corrigé)" in row
    browser.get(f"{site['url']}/?etat=examine")  # the pack marked them examined
    assert "Département du Finistère" in browser.find_element(By.ID, "registre").text
    browser.get(f"{site['url']}/?tri=demandeur&ordre=asc")
    shot(browser, "registre-apres-comite.png")


# -- security -----------------------------------------------------------------------

def test_comite_reads_but_cannot_write(browser, site):
    before = len(corrections_of(site, site["pdf"]))
    login(browser, site, "paul")
    browser.get(f"{site['url']}/dossier/{site['pdf']}")
    assert browser.find_elements(By.CSS_SELECTOR, "#controle-0")
    assert not browser.find_elements(By.CSS_SELECTOR, ".gauche form")  # no correction form shown
    token = csrf_of(browser)
    assert post(browser, site, f"/dossier/{site['pdf']}/corriger",
                {"csrf": token, "kind": "expert-retrait", "target": "0"}) == 403
    browser.get(site["url"] + "/depot")
    assert "pas de les modifier" in browser.find_element(By.ID, "erreur").text
    assert len(corrections_of(site, site["pdf"])) == before


def test_a_post_without_the_csrf_token_is_refused(browser, site):
    before = len(corrections_of(site, site["pdf"]))
    login(browser, site, "marie")
    browser.get(f"{site['url']}/dossier/{site['pdf']}")
    fields = {"kind": "expert-retrait", "target": "0"}
    assert post(browser, site, f"/dossier/{site['pdf']}/corriger", fields) == 403
    assert post(browser, site, f"/dossier/{site['pdf']}/corriger", {**fields, "csrf": "x" * 43}) == 403
    assert post(browser, site, f"/dossier/{site['pdf']}/corriger", {**fields, "csrf": csrf_of(browser)}) == 303
    assert len(corrections_of(site, site["pdf"])) == before + 1


def test_markup_in_a_dossier_is_shown_as_text(browser, site):
    login(browser, site, "marie")
    browser.get(f"{site['url']}/dossier/{site['hostile']}")
    assert browser.find_element(By.ID, "demandeur").text == MARKUP_NAME
    assert browser.find_element(By.CSS_SELECTOR, "#expert-0 input[name=name]").get_attribute("value") == MARKUP_EXPERT
    assert browser.execute_script("return window.__pirate") is None
    assert not browser.find_elements(By.CSS_SELECTOR, "#demandeur b, #demandeur img, .gauche script")
    browser.get(site["url"] + "/")
    assert MARKUP_NAME in browser.find_element(By.ID, "registre").text
    assert browser.execute_script("return window.__pirate") is None


def test_no_name_in_urls_and_an_audit_without_names(browser, site):
    login(browser, site, "root")
    hrefs = []
    for path in ("/", f"/dossier/{site['pdf']}"):
        browser.get(site["url"] + path)
        hrefs += [a.get_attribute("href") for a in browser.find_elements(By.TAG_NAME, "a")]
        hrefs += [i.get_attribute("src") for i in browser.find_elements(By.TAG_NAME, "img")]
    for text in ("Finist", "Albi", "Jeanne", "V%C3%A9rifi"):
        assert not [h for h in hrefs if text.lower() in (h or "").lower()], text
    browser.get(site["url"] + "/journal")
    journal = browser.find_element(By.ID, "journal").text
    assert "consultation" in journal and "correction" in journal and "depot" in journal
    with site["app"].state.store.session() as s:
        logged = " ".join(f"{e.action} {e.target} {e.detail}" for e in s.scalars(select(AuditEntry)))
    for text in ("Finistère", "Albi", "Jeanne", "pas-le-bon-mot"):
        assert text not in logged
    login(browser, site, "marie")
    browser.get(site["url"] + "/journal")
    assert "administrateurs" in browser.find_element(By.ID, "erreur").text
