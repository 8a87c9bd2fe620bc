"""The `expe-ct` command (French help and messages)."""
from __future__ import annotations

import logging
import sys
from argparse import ArgumentTypeError
from datetime import date

from web.cli import add_commands as add_web_commands

from common.characters import InvalidText, check_plain
from .french_argparse import ArgumentParser
from common.limits import Limits


EXIT_REGISTER = 3  # the register is damaged or cannot be restored
EXIT_DISK_FULL = 75  # EX_TEMPFAIL: the home's disk is below its reserve; try again later


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date attendue au format AAAA-MM-JJ : {text!r}") from None


_iso_date.__name__ = "date"  # shown by argparse in its error message


def _plain(text: str) -> str:
    """A text option: no control or invisible character (they would reach
    the register, the letters, the terminal)."""
    try:
        return check_plain(text, "valeur")
    except InvalidText as exc:
        raise ArgumentTypeError(str(exc)) from None


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="expe-ct",
        description="Chaîne de traitement des dossiers du label EXPE-CT (MEAE, DCTCIV) : "
                    "lecture des candidatures et des rapports de mission, contrôle de "
                    "complétude au regard de la note DAECT du 7 juillet 2020.")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", title="commandes")
    commands.required = True

    analyse = commands.add_parser(
        "analyse", help="analyser des dossiers (fichier, dossier de pièces ou ZIP)",
        description="Analyse chaque dossier indiqué et produit un enregistrement par dossier. "
                    "Un fichier défectueux n'arrête jamais le lot.")
    analyse.add_argument("paths", nargs="+", metavar="CHEMIN",
                         help="un dossier de candidature ou un rapport : PDF, DOCX, ODT, DOC, "
                              "un répertoire de pièces ou une archive ZIP")
    analyse.add_argument("--json", action="store_true",
                         help="écrire les enregistrements JSON (un par ligne) sur la sortie "
                              "standard, selon le contrat de sortie")
    analyse.add_argument("--received", type=_iso_date, metavar="AAAA-MM-JJ",
                         help="date de réception (rapports) : compte à la place de la date "
                              "imprimée, pour tous les chemins indiqués")
    analyse.add_argument("--jobs", type=int, metavar="N",
                         help="nombre de processus de lecture (défaut : nombre de cœurs)")
    analyse.add_argument("--timeout", type=float, metavar="SECONDES",
                         help=f"délai maximal par dossier (défaut : {Limits.timeout_s:.0f})")
    analyse.add_argument("--max-pages", type=int, metavar="N",
                         help=f"nombre maximal de pages par PDF (défaut : {Limits.max_pages})")
    analyse.add_argument("--max-file-mb", type=float, metavar="MO",
                         help=f"taille maximale d'un fichier (défaut : {Limits.max_file_mb:.0f} Mo)")
    analyse.add_argument("--quiet", "-q", action="store_true",
                         help="ne pas afficher la progression")
    analyse.set_defaults(handler=run_analyse)
    _add_flow_commands(commands)
    _add_evaluate_command(commands)
    add_web_commands(commands, HOME_HELP, _home)
    return parser


def _add_evaluate_command(commands) -> None:
    evaluate = commands.add_parser(
        "evaluate", help="mesurer la qualité sur des dossiers dont la vérité est connue",
        description="Analyse chaque dossier de DOSSIERS qui a une vérité dans --truth "
                    "(fichier <nom>.json) et compare : experts, thèmes, contrôles, verdicts, "
                    "faits de mission.")
    evaluate.add_argument("folder", metavar="DOSSIERS", help="répertoire des dossiers d'exemple")
    evaluate.add_argument("--truth", metavar="VERITE", default="samples/truth",
                          help="répertoire des vérités (défaut : samples/truth)")
    evaluate.add_argument("--records", metavar="FICHIER",
                          help="enregistrements JSON Lines déjà produits (sinon : analyse)")
    evaluate.add_argument("--json", action="store_true", help="écrire les mesures en JSON")
    evaluate.add_argument("--ecarts", action="store_true", help="lister chaque écart constaté")
    evaluate.add_argument("--jobs", type=int, metavar="N", help="processus de lecture")
    evaluate.set_defaults(handler=run_evaluate)


HOME_HELP = ("répertoire de données : registre, archive, quarantaine, fiches "
             "(défaut : $EXPE_CT_HOME, sinon ~/.local/share/expe-ct)")


def _add_flow_commands(commands) -> None:
    """The day-to-day commands (Prefect flows; see flows/)."""
    home_help = HOME_HELP
    inbox = commands.add_parser(
        "inbox", help="classer les dépôts d'une boîte de dépôt (candidatures, rapports)",
        description="Prend chaque dépôt de la boîte une fois complet (fichier, dossier de pièces "
                    "ou ZIP), l'analyse, écrit son enregistrement et sa fiche, l'inscrit au "
                    "registre et range l'original dans l'archive (ou en quarantaine, avec la "
                    "raison). Sans --once, surveille la boîte en continu.")
    inbox.add_argument("--inbox", required=True, type=_plain, metavar="RÉPERTOIRE", help="la boîte de dépôt")
    inbox.add_argument("--home", type=_plain, metavar="RÉPERTOIRE", help=home_help)
    inbox.add_argument("--once", action="store_true",
                       help="traiter ce qui est prêt puis s'arrêter")
    inbox.add_argument("--interval", type=float, default=10.0, metavar="SECONDES",
                       help="sans --once : intervalle entre deux passages (défaut : 10)")
    inbox.add_argument("--settle", type=float, default=2.0, metavar="SECONDES",
                       help="un dépôt est pris quand il n'a pas changé depuis ce délai (défaut : 2)")
    inbox.add_argument("--jobs", type=int, metavar="N",
                       help="nombre de processus d'analyse (défaut : nombre de cœurs)")
    inbox.add_argument("--verbose", "-v", action="store_true", help="afficher le journal de Prefect")
    inbox.set_defaults(handler=run_inbox)
    inbox.epilog = (f"Codes de sortie : 0 tout est traité ; 1 un dépôt a échoué (repris à la "
                    f"prochaine levée) ; {EXIT_REGISTER} registre endommagé ; {EXIT_DISK_FULL} espace "
                    f"disque sous la réserve (EXPE_CT_DISK_RESERVE_MB, défaut 100 Mo) : les dépôts "
                    f"restent dans la boîte.")

    pack = commands.add_parser(
        "pack", help="préparer le dossier du comité de sélection (HTML, PDF, CSV)",
        description="Écrit pack.html, pack.pdf et pack.csv : les candidatures reçues jusqu'à la "
                    "date limite et pas encore examinées, avec une fiche par candidature.")
    pack.add_argument("--comite", required=True, type=_iso_date, metavar="AAAA-MM-JJ",
                      help="date de la séance du comité")
    pack.add_argument("--cutoff", type=_iso_date, metavar="AAAA-MM-JJ",
                      help="date limite de réception (défaut : la date du comité)")
    pack.add_argument("--home", type=_plain, metavar="RÉPERTOIRE", help=home_help)
    pack.add_argument("--out", required=True, type=_plain, metavar="RÉPERTOIRE", help="où écrire le dossier")
    pack.add_argument("--verbose", "-v", action="store_true", help="afficher le journal de Prefect")
    pack.set_defaults(handler=run_pack)

    relances = commands.add_parser(
        "relances", help="relancer les rapports de mission en retard ou non conformes",
        description="Liste les missions dont le rapport est en retard ou non conforme (§III.3 de "
                    "la note DAECT) et écrit une lettre de relance (DOCX) pour chacune.")
    relances.add_argument("--home", type=_plain, metavar="RÉPERTOIRE", help=home_help)
    relances.add_argument("--date", type=_iso_date, metavar="AAAA-MM-JJ",
                          help="date de référence (défaut : aujourd'hui)")
    relances.add_argument("--out", required=True, type=_plain, metavar="RÉPERTOIRE", help="où écrire les lettres")
    relances.add_argument("--verbose", "-v", action="store_true", help="afficher le journal de Prefect")
    relances.set_defaults(handler=run_relances)

    mission = commands.add_parser(
        "mission", help="inscrire au registre une mission validée (son rapport sera suivi)",
        description="Inscrit une mission d'expertise au registre ; son rapport est attendu deux "
                    "mois après le retour (§III.3) et relancé s'il manque.")
    mission.add_argument("--titulaire", required=True, type=_plain, help="collectivité ou association labellisée")
    mission.add_argument("--type", dest="holder_type", metavar="TYPE",
                         choices=["commune", "epci", "departement", "region", "association_elus"],
                         help="type du titulaire (commune, epci, departement, region, association_elus)")
    mission.add_argument("--pays", type=_plain, help="pays de la mission")
    mission.add_argument("--debut", type=_iso_date, metavar="AAAA-MM-JJ", help="premier jour")
    mission.add_argument("--fin", required=True, type=_iso_date, metavar="AAAA-MM-JJ",
                         help="dernier jour (retour)")
    mission.add_argument("--home", type=_plain, metavar="RÉPERTOIRE", help=home_help)
    mission.set_defaults(handler=run_mission)

    serve = commands.add_parser(
        "serve", help="lancer le serveur Prefect local et servir les flux",
        description="Démarre un serveur Prefect sur 127.0.0.1 (base SQLite dans le répertoire de "
                    "données) puis sert : la boîte de dépôt à intervalle court, les relances "
                    "chaque jour à 7 h, le dossier du comité à la demande.")
    serve.add_argument("--inbox", required=True, type=_plain, metavar="RÉPERTOIRE", help="la boîte de dépôt")
    serve.add_argument("--home", type=_plain, metavar="RÉPERTOIRE", help=home_help)
    serve.add_argument("--port", type=int, default=4200, help="port de l'interface (défaut : 4200)")
    serve.add_argument("--interval", type=float, default=30.0, metavar="SECONDES",
                       help="intervalle de la boîte de dépôt (défaut : 30)")
    serve.add_argument("--settle", type=float, default=2.0, metavar="SECONDES",
                       help="délai de stabilité d'un dépôt (défaut : 2)")
    serve.set_defaults(handler=run_serve)

    registre = commands.add_parser(
        "registre", help="vérifier le registre ou le restaurer depuis une sauvegarde",
        description="verifier : contrôle l'intégrité du registre SQLite et de ses sauvegardes "
                    "(faites après chaque levée de la boîte de dépôt, dans <données>/sauvegardes). "
                    "restaurer : remet la plus récente sauvegarde saine à la place du registre, "
                    "le registre endommagé étant gardé à côté.")
    registre.add_argument("action", choices=["verifier", "restaurer"], metavar="ACTION",
                          help="verifier ou restaurer")
    registre.add_argument("--home", type=_plain, metavar="RÉPERTOIRE", help=home_help)
    registre.set_defaults(handler=run_registre)


class Progress:
    """A one-line progress bar on stderr; silent for a single submission."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.enabled = enabled and total > 1
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * done // self.total
        line = f"[{'█' * filled}{'·' * (width - filled)}] {done}/{self.total} dossiers analysés"
        if self.tty:
            sys.stderr.write("\r" + line + ("\n" if done == self.total else ""))
        elif done == self.total or done % max(1, self.total // 10) == 0:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


def run_analyse(args) -> int:
    from outputs.jsonl import write_record
    from outputs.summary import summarise

    from .runner import analyse_many

    limits = Limits.from_env(timeout_s=args.timeout, max_pages=args.max_pages,
                             max_file_mb=args.max_file_mb)
    received = {p: args.received for p in args.paths} if args.received else None
    progress = Progress(len(args.paths), enabled=not args.quiet)
    for rec in analyse_many(args.paths, limits=limits, jobs=args.jobs, received=received,
                            on_done=progress):
        if args.json:
            write_record(rec, sys.stdout)
        else:
            sys.stdout.write(summarise(rec) + "\n\n")
            sys.stdout.flush()
    return 0


def _home(args) -> "Path":
    from pathlib import Path

    from .inbox import default_home

    return Path(args.home) if args.home else default_home()


OUTCOME_FR = {"filed": "classé", "quarantined": "en quarantaine", "duplicate": "déjà reçu",
              "failed": "ÉCHEC"}


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def run_inbox(args) -> int:
    import signal
    import time
    from pathlib import Path

    from flows.server import backend

    from .inbox import Home, pending
    from .runner import WarmPool, reap_fork_server

    inbox, home = Path(args.inbox), _home(args)
    if not inbox.is_dir():
        sys.stderr.write(f"expe-ct : la boîte de dépôt {inbox} n'existe pas.\n")
        return 2
    signal.signal(signal.SIGTERM, _interrupt)  # a service stop: finish cleanly, as for Ctrl-C
    pool = None
    try:
        while Home(home).short_of_space():  # not even Prefect's database would start
            sys.stderr.write(f"expe-ct : {Home(home).space_message()}\n")
            if args.once:
                return EXIT_DISK_FULL
            time.sleep(max(args.interval, 60))
        with backend(home, args.verbose) as server:
            pool = WarmPool(jobs=args.jobs)  # its workers start while the server does
            from flows.inbox import inbox_flow, use_pool

            use_pool(pool)
            if server:
                server.wait()
            while True:
                status = 0
                if args.once or pending(inbox) or any(Home(home).staging.glob("*")):
                    result = inbox_flow(str(inbox), str(home), args.settle)
                    _print_inbox(result, home)
                    status = 1 if result.counts.get("failed") else 0
                    if result.left_for_space or Home(home).short_of_space():
                        sys.stderr.write(f"expe-ct : {Home(home).space_message(result.left_for_space)}\n")
                        status = EXIT_DISK_FULL
                if args.once:
                    return status
                time.sleep(args.interval)
    except KeyboardInterrupt:
        sys.stderr.write("expe-ct : arrêt demandé.\n")
        return 130
    finally:
        if pool:
            pool.close()
            reap_fork_server()


def _print_inbox(result, home) -> None:  # a flows.inbox.InboxRun
    from outputs.summary import KIND_FR, VERDICT_FR

    from .inbox import Home

    left = len(list(Home(home).left_in_place.glob("*.json")))
    if left:
        print(f"Boîte de dépôt : {left} dépôt(s) n'ont pas pu être pris et y restent "
              f"(raisons dans {Home(home).left_in_place}).")
    items = result.submissions
    if result.busy:
        print("Boîte de dépôt : une autre levée est en cours sur ce répertoire de données.")
        return
    if not items:
        print("Boîte de dépôt : rien de nouveau.")
        return
    for m in items:
        unread = m["outcome"] == "quarantined" and not m["kind"]
        kind = "illisible" if unread else KIND_FR.get(m["kind"], m["kind"])
        detail = m["paths"].get("sheet") or m["paths"].get("location", "")
        print(f"  {m['sha256'][:12]}  {OUTCOME_FR[m['outcome']]:<15} {kind:<22} "
              f"{VERDICT_FR.get(m['verdict'], '—'):<11} {detail}")
    counts = result.counts
    print(f"{len(items)} dépôt(s) : {counts.get('filed', 0)} classé(s), "
          f"{counts.get('quarantined', 0)} en quarantaine, {counts.get('duplicate', 0)} déjà reçu(s)"
          + (f", {counts['failed']} en échec (repris à la prochaine levée)" if counts.get("failed") else "")
          + f". Fiches et archive sous {home}")


def run_pack(args) -> int:
    from pathlib import Path

    from flows.server import backend

    home = _home(args)
    with backend(home, args.verbose) as server:
        from flows.pack import pack_flow

        if server:
            server.wait()
        result = pack_flow(str(home), args.comite, args.cutoff, str(Path(args.out)))
    from outputs.render import date_fr

    print(f"Dossier du comité du {date_fr(args.comite)} : {result['candidatures']} "
          f"candidature(s).\n  {result['html']}\n  {result['pdf']}\n  {result['csv']}")
    return 0


def run_relances(args) -> int:
    from flows.server import backend

    home = _home(args)
    with backend(home, args.verbose) as server:
        from flows.relances import relances_flow

        if server:
            server.wait()
        result = relances_flow(str(home), args.date, args.out)
    print(f"{result['missions']} mission(s) à suivre, {result['letters']} lettre(s) de relance "
          f"dans {result['out']} (liste : relances.csv).")
    return 0


def run_mission(args) -> int:
    from register import Register

    register = Register.open(_home(args))
    try:
        mission = register.declare_mission(args.titulaire, args.holder_type, args.pays, args.debut,
                                           args.fin)
    except InvalidText as exc:
        sys.stderr.write(f"expe-ct : {exc}\n")
        return 2
    print(f"Mission n° {mission.id} inscrite ; rapport attendu au plus tard le "
          f"{mission.report_due.isoformat()}.")
    return 0


def run_registre(args) -> int:
    from register.backup import backups, problems, restore, sqlite_path

    from .inbox import Home

    home = _home(args)
    path = sqlite_path(home)
    if path is None:
        print("Le registre est sur un serveur de bases de données : vérifiez-le et restaurez-le "
              "avec les outils de ce serveur.")
        return 0
    if args.action == "restaurer":
        with Home(home).exclusive() as alone:
            if not alone:
                sys.stderr.write("expe-ct : une levée de la boîte de dépôt est en cours ; "
                                 "réessayez après.\n")
                return EXIT_REGISTER
            try:
                sound, kept = restore(home)
            except ValueError as exc:
                sys.stderr.write(f"expe-ct : {exc}\n")
                return EXIT_REGISTER
        print(f"Registre restauré depuis {sound}." + (f" Registre endommagé gardé : {kept}." if kept else ""))
        return 0
    found = problems(path) if path.exists() else ["absent"]
    print(f"Registre {path} : " + ("sain." if not found else "ENDOMMAGÉ (" + "; ".join(found[:3]) + ")."))
    for item in backups(home):
        print(f"  sauvegarde {item.name} : " + ("saine" if not problems(item) else "endommagée"))
    if not backups(home):
        print("  aucune sauvegarde.")
    return EXIT_REGISTER if found else 0


def run_serve(args) -> int:
    from pathlib import Path

    from flows.environment import configure
    from flows.server import LocalServer, announce, served, withdraw

    import signal

    home = _home(args)
    configure(home, verbose=True)
    signal.signal(signal.SIGTERM, _interrupt)  # a service stop: withdraw the announce
    if served(home):
        sys.stderr.write(f"expe-ct : un serveur tourne déjà pour {home} ({served(home)}).\n")
        return 1
    server = LocalServer(ephemeral=False, port=args.port).start().wait()
    announced = announce(home, server)
    print(f"Serveur Prefect : http://127.0.0.1:{server.port} (base dans {home / 'prefect'}). "
          "Les commandes expe-ct lancées sur ce répertoire de données l'utilisent. "
          "Ctrl-C pour arrêter.", flush=True)
    try:
        from flows.serve import serve_flows

        serve_flows(Path(args.inbox), home, args.interval, args.settle)
    except KeyboardInterrupt:
        return 130
    finally:
        withdraw(announced)
        server.stop()
    return 0


def run_evaluate(args) -> int:
    import json
    from pathlib import Path

    from .evaluate import format_table, load_truth, score
    from .runner import analyse_many

    folder = Path(args.folder)
    truths = {Path(t["submission"]).name: t for t in load_truth(Path(args.truth)).values()}
    paths = [str(folder / name) for name in sorted(truths) if (folder / name).exists()]
    if args.records:
        with open(args.records, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
    else:
        progress = Progress(len(paths), enabled=True)
        records = list(analyse_many(paths, jobs=args.jobs, on_done=progress))
    scores = score((r, truths[Path(r["submission"]).name]) for r in records
                   if Path(r["submission"]).name in truths)
    summary = scores.summary()
    if args.json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(format_table(summary) + "\n")
    if args.ecarts:
        sys.stdout.write("\nÉcarts :\n" + "\n".join(f"  {m}" for m in scores.misses) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="expe-ct : %(levelname)s : %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except Exception as exc:
        from register import RegisterDamaged  # here: `analyse` starts without the register

        if not isinstance(exc, RegisterDamaged):
            raise
        sys.stderr.write(f"expe-ct : {exc}\n")
        return EXIT_REGISTER


if __name__ == "__main__":
    sys.exit(main())
