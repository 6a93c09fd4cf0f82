"""`ecosystem users add|list|remove|passwd`: the local accounts of a shared instance.

Accounts live in the state folder (`users.json`, see ecosystem.access.accounts), so these commands
work whichever store is configured, even when Neo4j is down. A password is read from a prompt that
does not echo it (twice), or from standard input with `--password-stdin` (scripts); it never appears
on the command line, where other users of the machine could read it in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from functools import partial

from ecosystem import settings
from ecosystem.access.accounts import Accounts
from ecosystem.access.errors import AccountError
from ecosystem.access.roles import ROLE_TERMS, Role, parse_role
from ecosystem.commands.common import add_command, add_json_flag, print_json, print_table, say


def _accounts() -> Accounts:
    return Accounts(settings.state_dir())


def _role(text: str) -> Role:
    try:
        return parse_role(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _password(args: argparse.Namespace) -> str:
    """The new password: one line of standard input, or typed twice at a prompt."""
    if args.password_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    first = getpass.getpass(say("Mot de passe : ", "Password: "))
    again = getpass.getpass(say("Le même, encore : ", "Again: "))
    if first != again:
        raise AccountError("The two passwords differ; nothing was changed.",
                           "Les deux mots de passe diffèrent : rien n'a été changé.")
    return first


def add_cmd(args: argparse.Namespace) -> int:
    password = None if args.oidc else _password(args)
    account = _accounts().add(args.name, args.role, password, tuple(args.grant or ()))
    role = ROLE_TERMS[account.role]
    print(say(f"Compte {account.name} créé ({role.fr}).", f"Account {account.name} created ({role.en})."))
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    accounts = _accounts().list()
    if args.json:
        print_json([{"name": a.name, "role": a.role.value, "grants": list(a.grants),
                     "password": bool(a.password_hash), "created": a.created} for a in accounts])
        return 0
    if not accounts:
        print(say("Aucun compte : l'application ne sert que cet ordinateur, sans connexion.",
                  "No account: the app serves this computer only, without login."))
        return 0
    yes, no = say("oui", "yes"), say("non (OIDC)", "no (OIDC)")
    rows = [(a.name, ROLE_TERMS[a.role].label(say("fr", "en")), ", ".join(a.grants),
             yes if a.password_hash else no, a.created) for a in accounts]
    print_table([say("nom", "name"), say("rôle", "role"), say("droits", "grants"),
                 say("mot de passe", "password"), say("créé le", "created")], rows)
    return 0


def remove_cmd(args: argparse.Namespace) -> int:
    _accounts().remove(args.name)
    print(say(f"Compte {args.name} supprimé.", f"Account {args.name} removed."))
    return 0


def passwd_cmd(args: argparse.Namespace) -> int:
    accounts = _accounts()
    if accounts.get(args.name) is None:  # before asking for a password that would be thrown away
        accounts.remove(args.name)
    accounts.set_password(args.name, _password(args))
    print(say(f"Mot de passe de {args.name} changé.", f"Password of {args.name} changed."))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    text = "local accounts of a shared instance: add, list, remove, passwd"
    parser = sub.add_parser("users", help=text, description=text,
                            epilog="Example: ecosystem users add marie --role contributor --grant demo-drome")
    group = parser.add_subparsers(dest="users_command", metavar="ACTION", parser_class=type(parser))
    group.required = True

    add = partial(add_command, group)

    p = add("add", add_cmd, "create an account (the password is asked for, or read from stdin)",
            "ecosystem users add marie --role contributor --grant demo-drome")
    p.add_argument("name", help="login name; for an identity provider (OIDC), the person's e-mail address")
    p.add_argument("--role", type=_role, required=True, metavar="{admin,contributor,viewer}")
    p.add_argument("--grant", action="append", metavar="DATASET_OR_ALLIANCE",
                   help="a dataset or alliance id a contributor may write to (repeatable)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    how.add_argument("--oidc", action="store_true",
                     help="no password: the person signs in with the identity provider")
    p = add("list", list_cmd, "list the accounts, their roles and grants (never a password)",
            "ecosystem users list --json")
    add_json_flag(p)
    p = add("remove", remove_cmd, "delete an account", "ecosystem users remove marie")
    p.add_argument("name")
    p = add("passwd", passwd_cmd, "change an account's password", "ecosystem users passwd marie")
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
