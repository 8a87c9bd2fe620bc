"""`expe-ct web` and `expe-ct utilisateurs`: the workstation's commands
(the heavy imports wait until a command runs, so that every other
`expe-ct` command starts as fast as before)."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

ROLE_CHOICES = ("instructeur", "comite", "admin")


def add_commands(commands, home_help: str, home_of) -> None:
    web = commands.add_parser(
        "web", help="ouvrir le poste d'instruction dans le navigateur (serveur local)",
        description="Sert le poste d'instruction : registre, dépôt de dossiers, lecture d'un "
                    "dossier page à page avec ses citations, corrections. Écoute sur 127.0.0.1 "
                    "sauf indication contraire ; comptes créés par « expe-ct utilisateurs ajouter ».")
    web.add_argument("--home", metavar="RÉPERTOIRE", help=home_help)
    web.add_argument("--host", default="127.0.0.1", metavar="ADRESSE",
                     help="adresse d'écoute (défaut : 127.0.0.1, ce poste seulement)")
    web.add_argument("--port", type=int, default=8765, metavar="PORT", help="port (défaut : 8765)")
    web.set_defaults(handler=lambda args: run_web(args, home_of(args)))

    users = commands.add_parser("utilisateurs", help="gérer les comptes du poste d'instruction",
                                description="Crée ou liste les comptes du poste d'instruction.")
    actions = users.add_subparsers(dest="action", metavar="ACTION", title="actions")
    actions.required = True
    add = actions.add_parser("ajouter", help="créer un compte (mot de passe lu sur l'entrée standard)",
                             description="Crée un compte ; le mot de passe (10 caractères au moins) "
                                         "est lu sur l'entrée standard, ou demandé deux fois au "
                                         "terminal.")
    add.add_argument("login", metavar="IDENTIFIANT",
                     help="identifiant de connexion : minuscules, chiffres, « . », « _ » ou « - »")
    add.add_argument("--role", required=True, choices=ROLE_CHOICES,
                     help="instructeur (lit et corrige), comite (lit seulement) ou admin")
    add.add_argument("--home", metavar="RÉPERTOIRE", help=home_help)
    add.set_defaults(handler=lambda args: run_add_user(args, home_of(args)))
    listing = actions.add_parser("lister", help="lister les comptes")
    listing.add_argument("--home", metavar="RÉPERTOIRE", help=home_help)
    listing.set_defaults(handler=lambda args: run_list_users(home_of(args)))


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Mot de passe : ")
        if getpass.getpass("Mot de passe (encore) : ") != first:
            raise ValueError("Les deux saisies diffèrent.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def run_add_user(args, home: Path) -> int:
    from .accounts import AccountError, add_user
    from .store import Store

    try:
        add_user(Store(home), args.login, _read_password(), args.role)
    except (AccountError, ValueError) as exc:
        sys.stderr.write(f"expe-ct : {exc}\n")
        return 2
    print(f"Compte « {args.login} » créé ({args.role}).")
    return 0


def run_list_users(home: Path) -> int:
    from sqlalchemy import select

    from .store import ROLE_FR, Store, User

    with Store(home).session() as s:
        for user in s.scalars(select(User).order_by(User.login)):
            print(f"{user.login}\t{ROLE_FR[user.role]}\tcréé le {user.created:%d/%m/%Y}")
    return 0


def run_web(args, home: Path) -> int:
    import uvicorn

    from .app import create_app

    app = create_app(home)
    print(f"Poste d'instruction : http://{args.host}:{args.port}/ (données : {home}). "
          "Ctrl-C pour arrêter.", flush=True)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        sys.stderr.write("expe-ct : attention, le poste écoute au-delà de cette machine ; "
                         "placez-le derrière un serveur HTTPS.\n")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
