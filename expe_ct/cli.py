"""The `expe-ct` command (French help and messages)."""
from __future__ import annotations

import logging
import sys
from datetime import date

from .french_argparse import ArgumentParser
from .limits import Limits


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date attendue au format AAAA-MM-JJ : {text!r}") from None


_iso_date.__name__ = "date"  # shown by argparse in its error message


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
    return parser


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


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="expe-ct : %(levelname)s : %(message)s")
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
