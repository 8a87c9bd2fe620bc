"""The committee, the reports and labels page and the experts search in a
real browser (Debian's chromium through Selenium, as tests/test_web.py):
choose a dossier and produce the pack, record a decision and see the label
in force, the reports due, « qui peut répondre ? »; the comité reads only,
forms without their CSRF token are refused.  Screenshots (and the pack's
first two PDF pages) go to /tmp/web-shots2/."""
from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from test_web import CHROMEDRIVER, CHROMIUM, browser, csrf_of, login, post, site  # noqa: F401
from test_web import shot as web_shot
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from checks.rules import regulation

SHOTS = Path("/tmp/web-shots2")
COMITE = date.today() + timedelta(days=14)

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="chromium et chromium-driver (Debian) sont nécessaires")


def shot(browser, name: str) -> None:
    web_shot(browser, name, SHOTS)


@pytest.fixture(scope="module", autouse=True)
def missions(site):
    """Two missions of the register: one report overdue, one due soon."""
    register, today = site["app"].state.register, date.today()
    late = register.declare_mission("Ville de Niort", "commune", "Sénégal", today - timedelta(days=150),
                                    today - timedelta(days=140))
    soon = register.declare_mission("Ville d'Arles", "commune", "Maroc", today - timedelta(days=20),
                                    today - timedelta(days=10))
    return late, soon


def test_choosing_dossiers_and_producing_the_pack(browser, site):
    login(browser, site, "marie")
    browser.get(f"{site['url']}/dossier/{site['pdf']}")   # the staff validate it
    browser.find_element(By.CSS_SELECTOR, "select[name=state] option[value=pret]").click()
    browser.find_element(By.XPATH, "//button[text()=\"Enregistrer l'état\"]").click()
    WebDriverWait(browser, 10).until(EC.url_contains("ok=etat"))
    browser.get(site["url"] + "/comite")
    box = browser.find_element(By.ID, f"choix-{site['pdf'][:12]}")
    assert box.is_selected()                                   # ready: chosen by default
    assert not browser.find_elements(By.ID, f"choix-{site['hostile'][:12]}")   # not validated
    day = browser.find_element(By.NAME, "comite")
    browser.execute_script("arguments[0].value = arguments[1]", day, COMITE.isoformat())
    shot(browser, "comite-choix.png")
    browser.find_element(By.CSS_SELECTOR, "#form-comite button").click()
    WebDriverWait(browser, 180).until(EC.url_contains(f"/comite/{COMITE.isoformat()}"))
    assert "Département du Finistère" in browser.find_element(By.ID, "decisions").text
    pdf = site["home"] / "comites" / COMITE.isoformat() / "pack.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    html = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert html.count('class="fiche compacte"') == 1 and "Finistère" in html
    # every quote once in the pack, however many checks cite it
    quotes = [q.split("</span>")[0] for q in html.split('<span class="quote">')[1:]]
    assert quotes and len(quotes) == len(set(quotes))
    assert browser.find_element(By.ID, "lien-pdf").get_attribute("href").endswith("/dossier-du-comite.pdf")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "3", str(pdf), str(SHOTS / "pack")],
                       check=True)
        pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")))
        assert pages <= 5   # cover, table, one page for the dossier, §III in annex


def test_recording_a_decision_shows_the_label_in_force(browser, site):
    login(browser, site, "marie")
    browser.get(f"{site['url']}/comite/{COMITE.isoformat()}")
    row = browser.find_element(By.ID, f"d-{site['pdf'][:12]}")
    row.find_element(By.CSS_SELECTOR, "select[name=decision] option[value=labellise]").click()
    # labelled today (the meeting's date is the default): in force at once
    browser.execute_script("arguments[0].value = arguments[1]",
                           row.find_element(By.NAME, "date"), date.today().isoformat())
    row.find_element(By.CSS_SELECTOR, "form.decider button").click()
    WebDriverWait(browser, 10).until(EC.url_contains("ok=decision"))
    decided = browser.find_element(By.CSS_SELECTOR, f"#d-{site['pdf'][:12]} td.decision").text
    assert "labellisé" in decided and "lettre de décision" in decided
    shot(browser, "seance-decision.png")
    letter = browser.find_element(By.CSS_SELECTOR, f"#d-{site['pdf'][:12]} a.lettre").get_attribute("href")
    assert letter.endswith(f"/lettre/{site['pdf']}.docx")
    browser.get(site["url"] + "/suivi")
    in_force = browser.find_element(By.ID, "labels-en-vigueur").text
    expires = regulation().parameters.label_expires(date.today())
    line = next(x for x in in_force.splitlines() if "Département du Finistère" in x)
    assert f"{expires.year}" in line and "Comité de sélection du" in line
    browser.get(f"{site['url']}/?etat=labellise")
    assert "Département du Finistère" in browser.find_element(By.ID, "registre").text


def test_the_reports_page_counts_the_days(browser, site, missions):
    late, soon = missions
    login(browser, site, "paul")   # the comité reads it too
    browser.get(site["url"] + "/suivi")
    awaited = browser.find_element(By.ID, "rapports-attendus").text
    overdue = (date.today() - late.report_due).days
    assert f"en retard de {overdue} jours" in awaited
    assert f"{(soon.report_due - date.today()).days} jours restants" in awaited
    links = browser.find_elements(By.CSS_SELECTOR, "#rapports-attendus a.relance")
    assert [a.get_attribute("href").rsplit("/", 1)[1] for a in links] == [f"{late.id}.docx"]
    shot(browser, "rapports-labels.png")


def test_who_can_answer_a_request(browser, site):
    login(browser, site, "paul")
    browser.get(site["url"] + "/experts")
    roster = browser.find_element(By.ID, "annuaire").text
    assert "Gilles Dumont" in roster and "Département du Finistère" in roster
    browser.find_element(By.NAME, "demande").send_keys(
        "Une province marocaine cherche un appui pour prévenir les inondations et les risques naturels")
    browser.find_element(By.CSS_SELECTOR, "#form-qui button").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "resultats")))
    assert "inondation" not in browser.current_url
    first = browser.find_element(By.CSS_SELECTOR, "#organismes li").text
    assert first.startswith("Département du Finistère") and "inondation" in first
    assert browser.find_elements(By.CSS_SELECTOR, "#organismes .theme.trouve")
    people = browser.find_element(By.ID, "personnes").text
    assert people.startswith("Gilles Dumont — Directeur de la prévention")   # their own function first
    shot(browser, "experts-recherche.png")


def test_the_comite_cannot_decide_nor_prepare_and_csrf_is_checked(browser, site):
    register = site["app"].state.register
    before = register.decisions()[site["pdf"]].outcome
    login(browser, site, "paul")
    browser.get(f"{site['url']}/comite/{COMITE.isoformat()}")
    assert not browser.find_elements(By.CSS_SELECTOR, "form.decider")
    browser.get(site["url"] + "/comite")
    assert not browser.find_elements(By.ID, "form-comite")
    token = csrf_of(browser)
    decision = {"csrf": token, "dossier": site["pdf"], "decision": "refuse", "raison": "non"}
    assert post(browser, site, f"/comite/{COMITE.isoformat()}/decision", decision) == 403
    assert post(browser, site, "/comite", {"csrf": token, "comite": "2030-01-01",
                                           "dossiers": site["pdf"]}) == 403
    login(browser, site, "marie")
    browser.get(site["url"] + "/comite")
    without = {k: v for k, v in decision.items() if k != "csrf"}
    assert post(browser, site, f"/comite/{COMITE.isoformat()}/decision", without) == 403
    assert post(browser, site, f"/comite/{COMITE.isoformat()}/decision", {**without, "csrf": "x" * 43}) == 403
    assert register.decisions()[site["pdf"]].outcome == before == "labellise"
    browser.get(site["url"] + "/comite/2030-01-01")
    assert "aucun dossier" in browser.find_element(By.ID, "erreur").text
