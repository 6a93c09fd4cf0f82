"""`ecosystem diff DATASET [--from V] [--to V] [--json]`: what changed between two versions.

V is a kept version's number (`ecosystem history DATASET` lists them), `live`, or a dataset file or
folder (an import kept as a file). Without --from/--to: the newest kept version against the live one.
"""

from __future__ import annotations

import argparse
from functools import partial

from ecosystem.commands.common import add_command, add_json_flag, add_lang_flag, print_json, store_from_args


def diff_cmd(args: argparse.Namespace) -> int:
    from ecosystem.analysis.evolution import compare, findings
    from ecosystem.analysis.evolution_text import sentences
    from ecosystem.history.archive import Archive
    from ecosystem.history.versions import LIVE, default_pair, label_of, read_version
    from ecosystem.model import Level

    store = store_from_args(args)
    try:
        archive = Archive.of(store)
        live = any(d.id == args.dataset for d in store.datasets())
        before, after = args.before, args.after
        if before is None or after is None:
            default_before, default_after = default_pair(archive, args.dataset, live)
            before = before or default_before
            after = after or (default_after if live or args.before is None else LIVE)
        old = read_version(store, args.dataset, before, archive)
        new = read_version(store, args.dataset, after, archive)
    finally:
        store.close()
    evolution = compare(old, new, label_of(before), label_of(after), Level(args.level))
    if args.json:
        print_json(evolution.as_dict())
        return 0
    for line in sentences(findings(evolution), args.lang):
        print(line)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    add = partial(add_command, sub)
    p = add("diff", diff_cmd, "what changed between two versions of a dataset: who appeared, who left, "
            "whose SDGs or territories changed, which gaps opened or closed, per territory",
            "ecosystem diff demo-drome --from 2 --to live")
    p.add_argument("dataset", help="dataset id")
    p.add_argument("--from", dest="before", default=None,
                   help="a kept version number, 'live', or a dataset file (default: the newest kept version)")
    p.add_argument("--to", dest="after", default=None,
                   help="a kept version number, 'live', or a dataset file (default: live)")
    p.add_argument("--level", default="epci", choices=("commune", "epci", "departement", "region"),
                   help="the territories changes are counted in (default: epci)")
    add_lang_flag(p, "the sentences")
    add_json_flag(p)
