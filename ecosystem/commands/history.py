"""`ecosystem audit`: who changed what and when, from the store's audit log."""

from __future__ import annotations

import argparse

from ecosystem.commands.common import add_json_flag, print_json, print_table, say, store_from_args


def audit_cmd(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        entries = store.audit(limit=args.limit)
    finally:
        store.close()
    if args.json:
        print_json([{"at": e.at, "who": e.who, "action": e.action, "dataset": e.dataset, "version": e.version,
                     "records": list(e.records), "counts": dict(e.counts)} for e in entries])
        return 0
    if not entries:
        print(say("Le journal est vide : rien n'a encore été modifié.",
                  "The log is empty: nothing changed yet."))
        return 0
    rows = [(e.at[:19].replace("T", " "), e.who, e.action, e.dataset, e.version[:12],
             ", ".join(e.records), ", ".join(f"{k} {v}" for k, v in e.counts)) for e in entries]
    print_table([say("quand (UTC)", "when (UTC)"), say("qui", "who"), say("action", "action"),
                 say("jeu", "dataset"), "version", say("enregistrements", "records"),
                 say("nombres", "counts")], rows)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    text = "the audit log: who changed which dataset, when, and what it held"
    p = sub.add_parser("audit", help=text, description=text, epilog="Example: ecosystem audit --json")
    p.set_defaults(func=audit_cmd)
    p.add_argument("--limit", type=int, default=None, help="the newest N entries only")
    add_json_flag(p)
