"""`ecosystem network --in TERRITORY [--json]`: communities, brokers and bridges of a territory's actors.

The parser is built without importing the analyses (networkx, numpy): the handler imports them when it
runs, so `ecosystem --help` stays fast (tests/test_startup.py).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ecosystem.commands.common import add_command, add_json_flag, add_lang_flag, print_json, store_from_args

if TYPE_CHECKING:
    from ecosystem.analysis.network import NetworkReport


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "network", run_network,
                    "the network of a territory's actors (linked by a shared alliance or a policy carried "
                    "together): its communities, its brokers between kinds and between territories, and the "
                    "links bridging two kinds of actors or two territories",
                    'ecosystem network --in "Drôme" --json')
    p.add_argument("--in", dest="territory", metavar="TERRITORY", required=True,
                   help="the territory (code, id or name)")
    p.add_argument("--top", type=int, default=5, metavar="N", help="communities, brokers and bridges shown")
    add_lang_flag(p, "the sentences")
    add_json_flag(p)


def run_network(args: argparse.Namespace) -> int:
    from ecosystem.analysis.lookup import find_territory
    from ecosystem.analysis.network import network_report

    store = store_from_args(args)
    try:
        tid = find_territory(args.territory, store)
        report = network_report(store, tid, shown=max(1, args.top))
    finally:
        store.close()
    if args.json:
        print_json({"territory": report.territory, "actors": report.actors, "linked": report.linked,
                    "links": report.links, "modularity": report.modularity,
                    "sentences": report.sentences(args.lang), "findings": report.findings()})
        return 0
    _print(report, args.lang)
    return 0


def _print(report: NetworkReport, lang: str) -> None:
    from ecosystem.analysis import render

    sections = (
        (None, (report.summary,)),
        (("Communautés", "Communities"), report.communities),
        (("Passeurs entre types d'acteurs", "Brokers between kinds of actors"), report.kind_brokers),
        (("Passeurs entre territoires", "Brokers between territories"), report.territory_brokers),
        (("Liens entre types d'acteurs", "Links between kinds of actors"), report.kind_bridges),
        (("Liens entre territoires", "Links between territories"), report.territory_bridges),
    )
    for title, findings in sections:
        if title:
            print()
            print(title[0] if lang == "fr" else title[1])
            if not findings:
                print("  —")
        for sentence in render.sentences(findings, lang):
            print(f"  {sentence}" if title else sentence)
