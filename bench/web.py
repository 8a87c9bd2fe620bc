"""Page load times of the review workstation with N dossiers in the register.

Files one real dossier (samples/dossiers/c02, a 2-page PDF) through the
workstation's upload path, then registers N-1 fake dossiers made from its
record (other sha256, applicant names, verdicts and check statuses; same
archived piece, so that every dossier page can show it).  Serves the app on
127.0.0.1 in this process (uvicorn, as `expe-ct web`), logs in, and times
each page `--repeat` times with an HTTP client: the register table (default
order, sorted by applicant, filtered, searched, second page), one dossier
with its page and highlights, one page image, the committee (100 dossiers
ready, a meeting of 30 decided: 30 labels in force), the reports and labels
page (200 missions), the experts roster and one search « qui peut
répondre ? », and the stylesheet as the floor (what any request costs here).  The first table after the fake
filing is timed apart: it makes the N summaries the table keeps.

    .venv/bin/python bench/web.py [--n 1000] [--repeat 20] [--json]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from checks.rules import CheckResult, verdict  # noqa: E402
from web import corrections  # noqa: E402
from web.accounts import add_user  # noqa: E402
from web.app import create_app  # noqa: E402
from web.store import Meeting  # noqa: E402

BUDGET_MS = 300.0
TOWNS = ["Brest", "Lorient", "Albi", "Niort", "Arles", "Colmar", "Quimper", "Pantin", "Annecy",
         "Bayonne", "Angoulême", "Montauban", "Villeurbanne", "Plougastel", "Mâcon", "Sète"]
KINDS = ["Ville de", "Commune de", "Communauté d'agglomération de", "Département de"]


def fake_records(real: dict, n: int, seed: int = 7):
    rng = random.Random(seed)
    for i in range(n):
        rec = json.loads(json.dumps(real))
        rec["sha256"] = f"{i:08x}" + real["sha256"][8:]
        rec["applicant"] = {"name": f"{rng.choice(KINDS)} {rng.choice(TOWNS)}-{i}", "type": "commune"}
        for check in rec["checks"]:
            check["status"] = rng.choices(["pass", "fail", "review"], [8, 1, 1])[0]
        rec["verdict"] = verdict([CheckResult(c["id"], c["status"], "") for c in rec["checks"]])
        yield rec, date(2026, 1, 1) + timedelta(days=rng.randrange(330))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def committee_and_missions(app, shas: list[str], rng: random.Random) -> date:
    """100 dossiers ready for the committee; a meeting of 30 of them, all
    labelled (without its pack: Chromium's time is no page load); 200
    missions, some overdue."""
    store, register, today = app.state.store, app.state.register, date.today()
    for sha in shas[:100]:
        corrections.add(store, sha, "bench", "etat", None, {"state": "pret"}, None, register.get(sha).record)
    comite = today - timedelta(days=3)
    with store.session() as s, s.begin():
        s.add(Meeting(comite=comite, chosen=shas[:30], author="bench", prepared_at=datetime.now()))
    for sha in shas[:30]:
        record = register.get(sha).record
        register.decide(sha, comite, "labellise", comite, None, "bench", record["applicant"]["name"],
                        "commune", [e["label"] for e in record["expertise"]],
                        sorted({t for e in record["expertise"] for t in e["themes"]}))
    for i in range(200):
        end = today - timedelta(days=rng.randrange(-30, 200))
        register.declare_mission(f"{rng.choice(KINDS)} {rng.choice(TOWNS)}-{i}", "commune", "Sénégal",
                                 end - timedelta(days=8), end)
    return comite


def timed(client, url: str, repeat: int, data: dict | None = None) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.post(url, data=data) if data is not None else client.get(url)
        out.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-web-")) / "home"
    app = create_app(home)
    add_user(app.state.store, "bench", "mot-de-passe-du-banc", "instructeur")
    uploads, register = app.state.uploads, app.state.register
    sample = ROOT / "samples" / "dossiers" / "c02-finistere-expe-ct.pdf"
    with open(sample, "rb") as fh:
        real_sha = uploads.file(uploads.receive([(sample.name, fh)]))["sha256"]
    uploads.close()
    row = register.get(real_sha)
    start = time.perf_counter()
    shas = []
    for rec, received in fake_records(row.record, args.n - 1):
        register.add(rec, received, row.location, False)
        shas.append(rec["sha256"])
    filing_s = time.perf_counter() - start
    comite = committee_and_missions(app, shas, random.Random(11))

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=120) as client:
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/connexion").text)[1]
        client.post("/connexion", data={"csrf": token, "login": "bench", "password": "mot-de-passe-du-banc"})
        cold = timed(client, "/", 1)[0]
        fake_sha = f"{5:08x}" + real_sha[8:]
        client.get(f"/dossier/{real_sha}")   # converts nothing (a PDF) but renders and locates once
        client.get(f"/dossier/{real_sha}/pieces/0/pages/1.png")
        results = {"floor (stylesheet)": timed(client, "/statique/poste.css", args.repeat),
                   "register, received ↓": timed(client, "/", args.repeat),
                   "register, by applicant": timed(client, "/?tri=demandeur&ordre=asc", args.repeat),
                   "register, verdict incomplete": timed(client, "/?verdict=incomplete", args.repeat),
                   "register, page 2": timed(client, "/?page=2", args.repeat)}
        page = client.get("/").text
        token = re.search(r'name="csrf" value="([^"]+)"', page)[1]
        client.post("/recherche", data={"csrf": token, "q": "brest"})
        results["register, search « brest »"] = timed(client, "/", args.repeat)
        results["dossier (real)"] = timed(client, f"/dossier/{real_sha}", args.repeat)
        results["dossier (fake), a finding chosen"] = timed(client, f"/dossier/{fake_sha}?preuve=4-1", args.repeat)
        results["page image (cached PNG)"] = timed(client, f"/dossier/{real_sha}/pieces/0/pages/1.png", args.repeat)
        results["committee: choose"] = timed(client, "/comite", args.repeat)
        results["committee: meeting of 30"] = timed(client, f"/comite/{comite.isoformat()}", args.repeat)
        results["reports and labels"] = timed(client, "/suivi", args.repeat)
        results["experts roster"] = timed(client, "/experts", args.repeat)
        results["experts: « qui peut répondre ? »"] = timed(
            client, "/experts", args.repeat,
            {"csrf": token, "demande": "gestion des déchets ménagers et eau potable en zone rurale"})
    server.should_exit = True
    floor = statistics.median(results["floor (stylesheet)"])
    summary = {name: {"median_ms": round(statistics.median(t), 1),
                      "p95_ms": round(sorted(t)[max(0, int(len(t) * 0.95) - 1)], 1),
                      "x_floor": round(statistics.median(t) / floor, 1)}
               for name, t in results.items()}
    out = {"dossiers": args.n, "repeat": args.repeat, "fake_filing_s": round(filing_s, 1),
           "first_register_ms": round(cold, 1), "budget_ms": BUDGET_MS, "pages": summary}
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return
    print(f"{args.n} dossiers au registre ; {args.repeat} chargements par page ; "
          f"premier affichage du registre (résumés à faire) : {cold:.0f} ms")
    print(f"{'page':36} {'médiane ms':>10} {'p95 ms':>8} {'× plancher':>10}")
    for name, s in summary.items():
        flag = "" if s["p95_ms"] <= BUDGET_MS else "  > 300 ms"
        print(f"{name:36} {s['median_ms']:>10} {s['p95_ms']:>8} {s['x_floor']:>10}{flag}")


if __name__ == "__main__":
    main()
