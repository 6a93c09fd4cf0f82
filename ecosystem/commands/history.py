"""`ecosystem audit`, `history`, `restore`, `purge`: who changed what, and going back to a version."""

from __future__ import annotations

import argparse
from functools import partial

from ecosystem import vocabulary
from ecosystem.access.writes import Writes, cli_principal
from ecosystem.commands.common import (
    add_command,
    add_json_flag,
    print_json,
    print_table,
    say,
    store_from_args,
)
from ecosystem.history.archive import Archive
from ecosystem.lang import configured_lang

REASONS = {"replaced": ("remplacée", "replaced"), "restored over": ("remplacée par une restauration",
                                                                   "restored over"),
           "removed": ("jeu retiré", "removed")}


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
    lang = configured_lang()
    rows = [(e.at[:19].replace("T", " "), e.who, vocabulary.audit_action(e.action, lang), e.dataset,
             e.version[:12], ", ".join(e.records), vocabulary.counted_records(e.counts, lang))
            for e in entries]
    print_table([say("quand (UTC)", "when (UTC)"), say("qui", "who"), say("action", "action"),
                 say("jeu", "dataset"), "version", say("enregistrements", "records"),
                 say("nombres", "counts")], rows)
    return 0


def history_cmd(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        archive = Archive.of(store)
        live = {d.id: d for d in store.datasets()}
        if args.dataset is None:
            ids = sorted(set(live) | set(archive.datasets()))
            rows = [(d, say("chargé", "loaded") if d in live else say("retiré", "removed"),
                     len(archive.versions(d))) for d in ids]
            if args.json:
                print_json([{"dataset": d, "state": s, "versions": n} for d, s, n in rows])
            else:
                print_table([say("jeu", "dataset"), say("état", "state"),
                             say("versions gardées", "versions kept")], rows)
            return 0
        versions = archive.versions(args.dataset)
        current = live.get(args.dataset)
    finally:
        store.close()
    if args.json:
        print_json({"dataset": args.dataset, "live": None if current is None else {
            "loaded_at": current.loaded_at, "checksum": current.checksum, "counts": dict(current.counts),
            "loaded_by": (archive.current(args.dataset) or {}).get("loaded_by", "")},
            "versions": [{"version": v.version, "loaded_at": v.loaded_at, "loaded_by": v.loaded_by,
                          "archived_at": v.archived_at, "archived_by": v.archived_by, "reason": v.reason,
                          "checksum": v.checksum, "counts": dict(v.counts)} for v in versions]})
        return 0
    rows = []
    if current is not None:
        by = (archive.current(args.dataset) or {}).get("loaded_by", "")
        rows.append((say("actuelle", "live"), current.loaded_at, by, "", current.count("actors"),
                     current.count("alliances"), current.count("assessments")))
    for v in reversed(versions):
        reason = say(*REASONS.get(v.reason, (v.reason, v.reason)))
        archived = f"{reason} ({v.archived_by}, {v.archived_at[:19]})"
        rows.append((v.version, v.loaded_at, v.loaded_by, archived, v.count("actors"), v.count("alliances"),
                     v.count("assessments")))
    if not rows:
        print(say(f"Aucune version de {args.dataset}.", f"No version of {args.dataset}."))
        return 0
    print_table(["version", say("chargée le", "loaded at"), say("par", "by"), say("archivée", "archived"),
                 say("acteurs", "actors"), "alliances", say("autoévaluations", "assessments")], rows)
    return 0


def restore_cmd(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        report = Writes(store, cli_principal()).restore(args.dataset, args.version, force=args.force)
    finally:
        store.close()
    print(say(f"Version {args.version} de {args.dataset} restaurée ({report.rows} lignes).",
              f"Version {args.version} of {args.dataset} restored ({report.rows} rows)."))
    return 0


def purge_cmd(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    try:
        count = Writes(store, cli_principal()).purge(args.dataset)
    finally:
        store.close()
    print(say(f"Historique de {args.dataset} supprimé ({count} versions).",
              f"History of {args.dataset} deleted ({count} versions)."))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    add = partial(add_command, sub)

    p = add("audit", audit_cmd, "the audit log: who changed which dataset, when, and what it held",
            "ecosystem audit --json")
    p.add_argument("--limit", type=int, default=None, help="the newest N entries only")
    add_json_flag(p)
    p = add("history", history_cmd, "the kept versions of a dataset (or which datasets have some)",
            "ecosystem history demo-drome")
    p.add_argument("dataset", nargs="?", help="dataset id (none: every dataset with a history)")
    add_json_flag(p)
    p = add("restore", restore_cmd, "load a kept version of a dataset back (the live one is kept in turn)",
            "ecosystem restore demo-drome 3")
    p.add_argument("dataset")
    p.add_argument("version", type=int)
    p.add_argument("--force", action="store_true",
                   help="restore even if it drops more than a fifth of the dataset's actors")
    p = add("purge", purge_cmd, "delete the kept versions of a dataset for good",
            "ecosystem purge demo-drome")
    p.add_argument("dataset")
