"""The workstation's pages (FastAPI, server-rendered French HTML).

Every page but the login form needs a session; every POST carries the
session's CSRF token; writing needs the instructeur or admin role (the
comité reads only).  URLs name dossiers by their sha256 and pieces, pages
and findings by their rank: no name, no content of a dossier ever appears in
a URL or a log line.  Templates escape everything they show, and the pages
forbid any script or style that is not the workstation's own (CSP).
"""
from __future__ import annotations

import logging
import re
import threading
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from checks.rules import regulation
from expe_ct.inbox import Home, quarantine_reason
from checks.vocabulary import APPLICANT_TYPE_FR as TYPE_FR, EXPERT_CATEGORY_FR as CATEGORY_FR
from outputs.letters import FOLLOW_UP_STATUS_FR
from outputs.render import date_fr, render
from outputs.sheet import check_view, sheet_context
from outputs.summary import CHECK_STATUS_FR as STATUS_FR, KIND_FR, VERDICT_FR
from register import Register

from . import accounts, committee, corrections, dossiers, reports, roster, viewer
from .store import ROLE_FR, Store
from .upload import UploadError, Uploads

log = logging.getLogger("expe_ct.web")
COOKIE = "expe_ct_session"
HERE = Path(__file__).parent
SHA = re.compile(r"^[0-9a-f]{64}$")
EVIDENCE = re.compile(r"^(\d{1,3})-(\d{1,3})$")
MESSAGES = {"correction": "Correction enregistrée.", "etat": "État du dossier enregistré.",
            "recherche": "Recherche appliquée.", "dossier-comite": "Dossier du comité produit.",
            "decision": "Décision enregistrée."}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The sheet (outputs/) carries its styles inline; still no script, no fetch.
SHEET_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
             "frame-ancestors 'none'; base-uri 'none'")
CSP = ("default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    def __init__(self, message: str = "Accès refusé."):
        self.message = message


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(KINDS_FR=corrections.KINDS_FR, TITLES={r.id: r.title for r in regulation().rules},
                       KIND_FR=KIND_FR, VERDICT_FR=VERDICT_FR, STATUS_FR=STATUS_FR,
                       STATES=corrections.STATES, THEMES=corrections.THEMES, CATEGORY_FR=CATEGORY_FR,
                       TYPE_FR=TYPE_FR, ROLE_FR=ROLE_FR, date_fr=date_fr)
    return env


def create_app(home: Path, register_url: str | None = None, secure_cookie: bool = False,
               throttle: accounts.LoginThrottle | None = None) -> FastAPI:
    home_ = Home(home).ensure()
    store = Store(home)
    register = Register.open(home, register_url)
    uploads = Uploads(home_, register)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        uploads.close()
        register.close()
        store.close()

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    throttle = throttle or accounts.LoginThrottle()
    env = _env()
    app.state.store, app.state.register, app.state.uploads = store, register, uploads
    app.mount("/statique", StaticFiles(directory=HERE / "static"), name="statique")

    # -- plumbing ---------------------------------------------------------------

    def show(request: Request, template: str, visitor: accounts.Visitor | None, status: int = 200,
             **context: Any) -> HTMLResponse:
        message = MESSAGES.get(request.query_params.get("ok", ""))
        html = env.get_template(template).render(v=visitor, message=message, request=request,
                                                 **context)
        return HTMLResponse(html, status_code=status)

    def who(request: Request) -> accounts.Visitor | None:
        return accounts.visitor(store, request.cookies.get(COOKIE))

    def member(request: Request, write: bool = False) -> accounts.Visitor:
        visitor = who(request)
        if visitor is None or visitor.login is None:
            raise LoginRequired()
        if write and not visitor.can_write:
            accounts.audit(store, visitor.login, "acces-refuse", None, request.url.path[:200])
            raise Forbidden("Votre rôle (comité) permet de consulter les dossiers, pas de les modifier.")
        return visitor

    async def posted(request: Request, visitor: accounts.Visitor | None) -> Any:
        form = await request.form(max_files=50, max_fields=200)
        if visitor is None or not accounts.csrf_ok(visitor.csrf, form.get("csrf")):
            raise Forbidden("Formulaire expiré ou falsifié (jeton CSRF absent ou faux) : "
                            "rechargez la page.")
        return form

    async def writing(request: Request) -> tuple[accounts.Visitor, Any]:
        """A write: a member whose role may write, and a form with the right CSRF token."""
        visitor = member(request, write=True)
        return visitor, await posted(request, visitor)

    def set_cookie(response: Response, token: str) -> None:
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=secure_cookie,
                            path="/")

    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, _exc: LoginRequired):
        if request.method == "GET":
            return RedirectResponse("/connexion", status_code=303)
        return HTMLResponse("Connexion requise.", status_code=401)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden):
        return show(request, "erreur.html.j2", who(request), status=403, title="Accès refusé",
                    error=exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        title = {404: "Page introuvable", 405: "Méthode non permise"}.get(exc.status_code, "Erreur")
        return show(request, "erreur.html.j2", None, status=exc.status_code, title=title,
                    error="Cette adresse ne correspond à aucune page ou aucun dossier.")

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        try:
            response = await call_next(request)
        except Exception as exc:
            # An exception's message often quotes a path, and paths hold
            # people's names: the log gets its type and the page's route only.
            log.error("erreur interne (%s) sur %s %s", type(exc).__name__, request.method,
                      _route_of(request.url.path))
            response = show(request, "erreur.html.j2", None, status=500, title="Erreur interne",
                            error="Une erreur interne est survenue ; elle est consignée sans "
                                  "donnée personnelle. Réessayez ou prévenez l'administrateur.")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if not request.url.path.startswith("/statique"):
            response.headers["Cache-Control"] = "no-store"
        return response

    # -- login ------------------------------------------------------------------

    @app.get("/connexion")
    def login_form(request: Request):
        visitor = who(request)
        if visitor is not None and visitor.login:
            return RedirectResponse("/", status_code=303)
        if visitor is not None:
            return show(request, "connexion.html.j2", visitor)
        token = accounts.new_session(store, None)  # anonymous: carries the form's CSRF token
        response = show(request, "connexion.html.j2", accounts.visitor(store, token))
        set_cookie(response, token)
        return response

    @app.post("/connexion")
    async def login(request: Request):
        visitor = who(request)
        form = await posted(request, visitor)
        login_ = str(form.get("login") or "").strip().lower()[:64]
        address = request.client.host if request.client else "?"
        wait = throttle.wait_s(login_, address)
        if wait > 0:
            accounts.audit(store, None, "connexion-bloquee")
            return show(request, "connexion.html.j2", visitor, status=429,
                        error=f"Trop de tentatives : réessayez dans {int(wait // 60) + 1} minute(s).")
        user = accounts.check_password(store, login_, str(form.get("password") or ""))
        if user is None:
            throttle.failed(login_, address)
            accounts.audit(store, None, "connexion-refusee")  # the login typed may be a password
            return show(request, "connexion.html.j2", visitor, status=401,
                        error="Identifiant ou mot de passe incorrect.")
        throttle.succeeded(login_)
        accounts.end_session(store, visitor.token_sha256)
        response = RedirectResponse("/", status_code=303)
        set_cookie(response, accounts.new_session(store, user.login))
        accounts.audit(store, user.login, "connexion")
        return response

    @app.post("/deconnexion")
    async def logout(request: Request):
        visitor = member(request)
        await posted(request, visitor)
        accounts.end_session(store, visitor.token_sha256)
        accounts.audit(store, visitor.login, "deconnexion")
        response = RedirectResponse("/connexion", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    # -- the register -----------------------------------------------------------

    @app.get("/")
    def register_table(request: Request, nature: str = "", verdict: str = "", etat: str = "",
                       tri: str = "recu", ordre: str = "desc", page: str = "1"):
        visitor = member(request)
        all_rows = dossiers.rows(store, register)
        chosen = dossiers.select_rows(all_rows, nature or None, verdict or None, etat or None,
                                      visitor.search, tri, ordre != "asc")
        pages = max(1, -(-len(chosen) // dossiers.PAGE_SIZE))
        number = min(max(1, _int(page, 1)), pages)
        shown = chosen[(number - 1) * dossiers.PAGE_SIZE: number * dossiers.PAGE_SIZE]
        filters = {"nature": nature, "verdict": verdict, "etat": etat, "tri": tri, "ordre": ordre}
        return show(request, "registre.html.j2", visitor, rows=shown, total=len(chosen),
                    everything=len([r for r in all_rows if not r.quarantined]),
                    quarantined=sum(r.quarantined for r in all_rows), filters=filters,
                    number=number, pages=pages, sorts=dossiers.SORTS)

    @app.post("/recherche")
    async def search(request: Request):
        visitor = member(request)
        form = await posted(request, visitor)
        accounts.remember_search(store, visitor.token_sha256, " ".join(str(form.get("q") or "").split())[:100])
        kept = {k: str(form.get(k) or "") for k in _ALLOWED}
        keep = "&".join(f"{k}={v}" for k, v in kept.items() if v and v in _ALLOWED[k])
        return RedirectResponse(f"/?{keep}", status_code=303)

    @app.get("/quarantaine")
    def quarantine(request: Request):
        visitor = member(request)
        rows = dossiers.quarantined(store, register)
        reasons = {r.sha256: quarantine_reason(register.get(r.sha256).record).split("\n\n")[0]
                   for r in rows}
        return show(request, "quarantaine.html.j2", visitor, rows=rows, reasons=reasons)

    # -- uploads ----------------------------------------------------------------

    @app.get("/depot")
    def upload_form(request: Request):
        return show(request, "depot.html.j2", member(request, write=True))

    @app.post("/depot")
    async def upload(request: Request):
        visitor, form = await writing(request)
        files = [f for f in form.getlist("fichiers") if isinstance(f, UploadFile) and f.filename]
        try:
            entry = uploads.receive((f.filename, f.file) for f in files)
        except UploadError as exc:
            return show(request, "depot.html.j2", visitor, status=400, error=str(exc))
        result = await run_in_threadpool(uploads.file, entry)
        sha = result["sha256"]
        accounts.audit(store, visitor.login, "depot", sha, result["outcome"])
        if result["outcome"] != "duplicate":
            dossiers.summarise(store, register, sha)
        threading.Thread(target=_prepare_views, args=(home_, register, sha), daemon=True).start()
        return RedirectResponse(f"/dossier/{sha}?depot={result['outcome']}", status_code=303)

    # -- one dossier ------------------------------------------------------------

    def submission(sha: str):
        row = register.get(sha) if SHA.match(sha) else None
        if row is None:
            raise StarletteHTTPException(404)
        return row

    @app.get("/dossier/{sha}")
    def dossier(request: Request, sha: str):
        visitor = member(request)
        row = submission(sha)
        accounts.audit(store, visitor.login, "consultation", sha)
        return dossier_page(request, visitor, row, outcome=request.query_params.get("depot"))

    def dossier_page(request: Request, visitor: accounts.Visitor, row, status: int = 200,
                     **extra: Any) -> HTMLResponse:
        fixed = corrections.corrected(row.record, corrections.history(store, row.sha256))
        context = _dossier_context(home_, row, fixed, request.query_params)
        return show(request, "dossier.html.j2", visitor, status=status, row=row, fixed=fixed,
                    state=corrections.state_of(fixed, row.comite is not None,
                                               register.outcomes().get(row.sha256)),
                    categories=corrections.CATEGORIES, applicant_types=corrections.APPLICANT_TYPES,
                    statuses=corrections.STATUSES, settable=corrections.SETTABLE_STATES,
                    **{"outcome": None, **extra}, **context)

    @app.get("/dossier/{sha}/pieces/{rank}/pages/{number}.png")
    def page_image(request: Request, sha: str, rank: int, number: int):
        member(request)
        row = submission(sha)
        try:
            png = viewer.page_png(viewer.piece_pdf(home_, row.record, row.location, rank), number)
        except viewer.NoView:
            raise StarletteHTTPException(404) from None
        return FileResponse(png, media_type="image/png")  # no-store, as every page: personal data

    @app.get("/dossier/{sha}/fiche")
    def corrected_sheet(request: Request, sha: str):
        """The inbox's sheet of the dossier, with the corrected values marked."""
        visitor = member(request)
        row = submission(sha)
        accounts.audit(store, visitor.login, "fiche", sha)
        fixed = corrections.corrected(row.record, corrections.history(store, sha))
        context = sheet_context(fixed.record, row.received, register, corrected=fixed.marks())
        return HTMLResponse(render("sheet.html.j2", s=context, generated=date.today(),
                                   title=f"Fiche — {KIND_FR.get(row.kind, 'dossier')}"),
                            headers={"Content-Security-Policy": SHEET_CSP})

    @app.post("/dossier/{sha}/corriger")
    async def correct(request: Request, sha: str):
        visitor, form = await writing(request)
        row = submission(sha)
        kind = str(form.get("kind") or "")
        value = {k: form.get(k) for k in ("name", "function", "category", "type", "label",
                                            "status", "state")}
        value["themes"] = form.getlist("themes")
        target = str(form.get("target")) if form.get("target") not in (None, "") else None
        try:
            corrections.add(store, sha, visitor.login, kind, target, value, form.get("reason"),
                            row.record)
        except corrections.CorrectionError as exc:
            return dossier_page(request, visitor, row, status=400, error=str(exc))
        accounts.audit(store, visitor.login, "correction", sha, f"{kind} {target or ''}".strip())
        dossiers.summarise(store, register, sha)
        return RedirectResponse(f"/dossier/{sha}?ok={'etat' if kind == 'etat' else 'correction'}#corrections",
                                status_code=303)

    # -- the committee ----------------------------------------------------------

    def meeting_of(comite: str):
        day = _day(comite)
        found = committee.meeting(store, day) if day else None
        if found is None:
            raise StarletteHTTPException(404)
        return found

    @app.get("/comite")
    def committee_page(request: Request):
        visitor = member(request)
        return show(request, "comite.html.j2", visitor, candidates=committee.candidates(store, register),
                    meetings=committee.meetings(store), today=date.today())

    @app.post("/comite")
    async def committee_prepare(request: Request):
        visitor, form = await writing(request)
        day = _day(str(form.get("comite") or ""))
        chosen = [str(x) for x in form.getlist("dossiers") if SHA.match(str(x))]
        try:
            if day is None:
                raise committee.CommitteeError("Date de séance illisible (attendu : AAAA-MM-JJ).")
            pack = await run_in_threadpool(committee.prepare, store, register, home_.root, day, chosen,
                                           visitor.login)
        except committee.CommitteeError as exc:
            return show(request, "comite.html.j2", visitor, status=400, error=str(exc),
                        candidates=committee.candidates(store, register),
                        meetings=committee.meetings(store), today=date.today())
        accounts.audit(store, visitor.login, "dossier-comite", None,
                       f"{day.isoformat()} {pack.candidatures} dossier(s)")
        return RedirectResponse(f"/comite/{day.isoformat()}?ok=dossier-comite", status_code=303)

    @app.get("/comite/{comite}")
    def meeting_page(request: Request, comite: str):
        visitor = member(request)
        found = meeting_of(comite)
        return meeting_view(request, visitor, found)

    def meeting_view(request: Request, visitor, found, status: int = 200, **extra: Any) -> HTMLResponse:
        folder = committee.pack_dir(home_.root, found.comite)
        return show(request, "seance.html.j2", visitor, status=status, meeting=found,
                    entries=committee.entries(store, register, found), outcomes=committee.OUTCOMES,
                    has_pdf=(folder / "pack.pdf").is_file(), **extra)

    @app.get("/comite/{comite}/dossier-du-comite.{ext}")
    def meeting_pack(request: Request, comite: str, ext: str):
        visitor = member(request)
        found = meeting_of(comite)
        media = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8"}.get(ext)
        path = committee.pack_dir(home_.root, found.comite) / f"pack.{ext}"
        if media is None or not path.is_file():
            raise StarletteHTTPException(404)
        accounts.audit(store, visitor.login, "dossier-comite-lu", None, found.comite.isoformat())
        return FileResponse(path, media_type=media,
                            filename=f"comite-{found.comite.isoformat()}.{ext}")

    @app.post("/comite/{comite}/decision")
    async def meeting_decision(request: Request, comite: str):
        visitor, form = await writing(request)
        found = meeting_of(comite)
        sha = str(form.get("dossier") or "")
        try:
            committee.decide(store, register, found, sha, str(form.get("decision") or ""),
                             str(form.get("date") or "") or None, form.get("raison"), visitor.login)
        except committee.CommitteeError as exc:
            return meeting_view(request, visitor, found, status=400, error=str(exc))
        accounts.audit(store, visitor.login, "decision", sha, str(form.get("decision")))
        return RedirectResponse(f"/comite/{found.comite.isoformat()}?ok=decision#d-{sha[:12]}",
                                status_code=303)

    @app.get("/comite/{comite}/lettre/{sha}.docx")
    def decision_letter(request: Request, comite: str, sha: str):
        visitor = member(request)
        found = meeting_of(comite)
        if sha not in found.chosen:
            raise StarletteHTTPException(404)
        docx = committee.letter(store, register, sha)
        if docx is None:
            raise StarletteHTTPException(404)
        accounts.audit(store, visitor.login, "lettre-decision", sha)
        return Response(docx, media_type=DOCX, headers={
            "Content-Disposition": f'attachment; filename="decision-{sha[:12]}.docx"'})

    # -- reports and labels -----------------------------------------------------

    @app.get("/suivi")
    def follow_up_page(request: Request):
        visitor = member(request)
        today = date.today()
        return show(request, "suivi.html.j2", visitor, o=reports.overview(register, today), today=today,
                    months=reports.EXPIRING_MONTHS, follow_fr=FOLLOW_UP_STATUS_FR,
                    mission_fr=reports.mission_fr, deadline=regulation().parameters.report_deadline_fr)

    @app.get("/suivi/relance/{mission_id}.docx")
    def reminder_letter(request: Request, mission_id: int):
        visitor = member(request)
        docx = reports.reminder(register, mission_id, date.today())
        if docx is None:
            raise StarletteHTTPException(404)
        accounts.audit(store, visitor.login, "lettre-relance", None, f"mission {mission_id}")
        return Response(docx, media_type=DOCX, headers={
            "Content-Disposition": f'attachment; filename="relance-mission-{mission_id}.docx"'})

    # -- the experts of the labelled bodies -------------------------------------

    def experts_page(request: Request, visitor, request_text: str | None = None) -> HTMLResponse:
        found = roster.bodies(store, register, date.today())
        answer = roster.search(found, request_text) if request_text else None
        if answer is not None and answer.words is None:
            answer = None
        return show(request, "experts.html.j2", visitor, bodies=found, roster=roster.people(found),
                    answer=answer, request_text=request_text)

    @app.get("/experts")
    def experts(request: Request):
        return experts_page(request, member(request))

    @app.post("/experts")
    async def who_can_answer(request: Request):
        """A search reads only: every role may; the request stays out of the URL and the log."""
        visitor = member(request)
        form = await posted(request, visitor)
        text = " ".join(str(form.get("demande") or "").split())[:1000]
        accounts.audit(store, visitor.login, "recherche-experts")
        return experts_page(request, visitor, text or None)

    # -- audit ------------------------------------------------------------------

    @app.get("/journal")
    def journal(request: Request):
        visitor = member(request)
        if visitor.role != "admin":
            raise Forbidden("Le journal est réservé aux administrateurs.")
        return show(request, "journal.html.j2", visitor, entries=accounts.audit_log(store))

    return app


_ALLOWED = {"nature": ("", "candidature", "rapport"), "verdict": ("", "complete", "incomplete", "review"),
            "etat": ("", *corrections.STATES), "tri": tuple(dossiers.SORTS), "ordre": ("asc", "desc")}


def _prepare_views(home: Home, register: Register, sha: str) -> None:
    """Convert a new dossier's Word and ODT pieces now, so that its first
    opening does not wait for LibreOffice."""
    row = register.get(sha)
    if row is None or row.status != "ok":
        return
    for rank, piece in enumerate(row.record.get("pieces") or []):
        if piece.get("format") in viewer.CONVERTIBLE:
            try:
                viewer.piece_pdf(home, row.record, row.location, rank)
            except (viewer.NoView, OSError):
                pass


def _dossier_context(home: Home, row, fixed: corrections.Corrected, query) -> dict[str, Any]:
    """The checks with their findings, and the page the chosen finding stands on."""
    record = fixed.record
    pieces = record.get("pieces") or []
    ranks = {p["file"]: i for i, p in enumerate(pieces)}
    checks = []
    for ci, check in enumerate(record.get("checks") or []):
        view = check_view(check)
        view["findings"] = [{"key": f"{ci}-{ei}", **e, "rank": ranks.get(e.get("piece"))}
                            for ei, e in enumerate(view["evidence"])]
        view["correction"] = fixed.checks.get(check["id"])
        view["machine_status"] = next((c["status"] for c in row.record.get("checks") or []
                                       if c["id"] == check["id"]), None)
        checks.append(view)
    findings = {f["key"]: f for c in checks for f in c["findings"]}
    chosen = None
    match = EVIDENCE.match(query.get("preuve", ""))
    if match and f"{int(match[1])}-{int(match[2])}" in findings:
        chosen = findings[f"{int(match[1])}-{int(match[2])}"]
    if chosen is None and "piece" not in query:
        ordered = sorted(checks, key=lambda c: c["status"] == "pass")
        chosen = next((f for c in ordered for f in c["findings"] if f["rank"] is not None), None)
    rank = chosen["rank"] if chosen else _int(query.get("piece"), 0)
    shown: dict[str, Any] = {"rank": rank, "pages": 0, "page": None, "boxes": [], "error": None,
                             "located": True}
    if row.status != "ok" or not pieces or rank is None or not 0 <= rank < len(pieces):
        shown["error"] = "Aucune pièce à afficher." if row.status == "ok" else None
        return {"checks": checks, "chosen": chosen, "shown": shown, "pieces": pieces}
    try:
        pdf = viewer.piece_pdf(home, row.record, row.location, rank)
        shown["pages"] = viewer.page_count(pdf)
    except viewer.NoView as exc:
        shown["error"] = str(exc)
        return {"checks": checks, "chosen": chosen, "shown": shown, "pieces": pieces}
    on_piece = [f for f in findings.values() if f["rank"] == rank]
    located = viewer.locate(pdf, [f["quote"] for f in on_piece], [f.get("page") for f in on_piece])
    for f, (page, boxes) in zip(on_piece, located):
        f["located_page"], f["boxes"] = page, boxes
    if chosen:
        number = chosen.get("located_page") or chosen.get("page") or 1
        shown["located"] = bool(chosen.get("boxes"))
    else:
        number = _int(query.get("page"), 1)
    number = min(max(1, number), shown["pages"])
    shown["page"] = number
    seen: set[tuple] = set()
    for f in on_piece:
        if f.get("located_page") != number:
            continue
        for b in f["boxes"]:
            key = (round(b.left, 4), round(b.top, 4), chosen is not None and f["key"] == chosen["key"])
            if key not in seen:
                seen.add(key)
                shown["boxes"].append({"x": b.left * 1000, "y": b.top * 1000, "w": b.width * 1000,
                                       "h": b.height * 1000, "chosen": key[2]})
    return {"checks": checks, "chosen": chosen, "shown": shown, "pieces": pieces}


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if DAY.match(text) else None
    except ValueError:
        return None


def _route_of(path: str) -> str:
    """A path with its sha256 shortened (what the log may say)."""
    return re.sub(r"[0-9a-f]{64}", lambda m: m[0][:12], path)[:120]


def _int(text: Any, default: int) -> int:
    return int(text) if str(text or "").isdigit() and len(str(text)) < 6 else default
