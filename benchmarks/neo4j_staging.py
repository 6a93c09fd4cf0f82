"""Neo4j staging A/B at 100,000 actors (issue 17, item 4): the previous staging of actors against the
current one, alternated in the same run, with the CPU seconds of the server and of the loader.

    .venv/bin/python -m benchmarks.neo4j_staging [--actors 100000] [--rounds 2]

Why CPU seconds: the machine is shared (2 cores, other engineers' tests and servers), so wall times
follow its load; what a variant costs is the server's CPU per relationship, read from /proc of its
pid (`benchmarks.own_neo4j`), and this process's. Each round loads the dataset once per variant, in
turn (before, now, then the current staging with other batch sizes and writer counts), removing it and
collecting its version in between; a variant's figures are the sums over its rounds. "before" is
`benchmarks.baseline_staging.BaselineLoader`: everything as now but actors staged by the previous
query text (one index seek per reference relationship). The server is the project's own, in
`.ecosystem-bench-staging/` on port ECOSYSTEM_NEO4J_BOLT_PORT (7841 unless set), 2 GB of heap, stopped
at the end. Writes its section of docs/benchmarks.md ("Neo4j staging at 100,000 actors").
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import doc_sections
from benchmarks.own_neo4j import own_neo4j

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
STATE_DIR = ROOT / ".ecosystem-bench-staging"
HEADING = "## Neo4j staging at 100,000 actors"
# (name, previous query text?, rows per batch, writers)
VARIANTS = (("before", True, 5000, 2), ("before, 1 writer", True, 5000, 1), ("now", False, 5000, 2),
            ("now, 1 writer", False, 5000, 1), ("now, 1 writer, 10,000 rows per batch", False, 10_000, 1),
            ("now, 1 writer, 20,000 rows per batch", False, 20_000, 1))


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(actors: int = 100_000, seed: int = 1, rounds: int = 2) -> dict[str, Any]:
    from benchmarks.baseline_staging import BaselineLoader
    from benchmarks.neo4j_load import dataset_of
    from ecosystem.reference import reference
    from ecosystem.store.neo4j.load import Loader
    from ecosystem.store.neo4j.versions import collect_garbage
    from ecosystem.store.rules import relationship_count

    dataset = dataset_of(actors, seed)
    ref = reference()
    rels = relationship_count(dataset)
    totals = {name: {"wall_s": 0.0, "loader_cpu_s": 0.0, "server_cpu_s": 0.0, "loads": 0}
              for name, *_ in VARIANTS}
    loads_before = os.getloadavg()[0]
    with own_neo4j(STATE_DIR, 7841) as (store, server_cpu):
        for info in store.datasets():
            store.remove_dataset(info.id)
        collect_garbage(store.runner)
        for r in range(rounds):
            for name, previous, batch, writers in VARIANTS:
                kind = BaselineLoader if previous else Loader
                loader = kind(store.load_runner, ref, dataset, None, batch=batch, writers=writers)
                wall, cpu, server = time.perf_counter(), _cpu_self(), server_cpu()
                outcome = loader.run()
                figures = totals[name]
                figures["wall_s"] += time.perf_counter() - wall
                figures["loader_cpu_s"] += _cpu_self() - cpu
                figures["server_cpu_s"] += server_cpu() - server
                figures["loads"] += 1
                assert outcome.status == "loaded", outcome
                _log(f"neo4j staging, round {r + 1}, {name}: {time.perf_counter() - wall:.1f} s")
                store.remove_dataset(dataset.id)
                collect_garbage(store.runner)
    variants = []
    for name, previous, batch, writers in VARIANTS:
        f = totals[name]
        n = f["loads"]
        variants.append({"variant": name, "previous_query": previous, "batch": batch, "writers": writers,
                         "loads": n, "wall_s": round(f["wall_s"] / n, 1),
                         "loader_cpu_s": round(f["loader_cpu_s"] / n, 1),
                         "server_cpu_s": round(f["server_cpu_s"] / n, 1),
                         "server_us_per_relationship": round(f["server_cpu_s"] / n / rels * 1e6, 1),
                         "relationships_per_s": round(rels * n / f["wall_s"]),
                         "relationships_per_cpu_s": round(rels * n / (f["loader_cpu_s"]
                                                                      + f["server_cpu_s"]))})
    return {"actors": actors, "seed": seed, "rows": dataset.row_count, "relationships": rels,
            "rounds": rounds, "variants": variants, "cpus": os.cpu_count(),
            "load_average": {"before": round(loads_before, 1), "after": round(os.getloadavg()[0], 1)},
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def section(f: dict[str, Any]) -> str:
    before = next(v for v in f["variants"] if v["variant"] == "before")
    lines = []
    for v in f["variants"]:
        gain = before["server_cpu_s"] / v["server_cpu_s"] if v["server_cpu_s"] else 0.0
        lines.append(f"| {v['variant']} | {v['batch']:,} | {v['writers']} | {v['wall_s']:g} | "
                     f"{v['relationships_per_s']:,} | {v['loader_cpu_s']:g} | {v['server_cpu_s']:g} | "
                     f"{v['server_us_per_relationship']:g} | {v['relationships_per_cpu_s']:,} | "
                     f"{gain:.2f}x |")
    table = "\n".join(lines)
    return (f"{HEADING}\n\n"
            f"`.venv/bin/python -m benchmarks.neo4j_staging --actors {f['actors']} --rounds {f['rounds']}` "
            f"(issue 17, item 4), {f['date']}, {f['cpus']} shared cores, load average "
            f"{f['load_average']['before']:g} before and {f['load_average']['after']:g} after. "
            f"{f['rows']:,} rows, {f['relationships']:,} relationships; each variant loaded {f['rounds']} "
            "times, in turn with the others, figures per load (means). \"before\" is the staging as it "
            "was: actors staged with the previous query (benchmarks/baseline_queries/load_actors.cypher: "
            "one index seek per reference relationship, four subqueries per actor) by two writers; "
            "\"now\" is the loader's default: `load_actors` and `staging.py` (each reference node once "
            "per batch, one subquery with a dynamic type), two writers.\n\n"
            "| variant | rows per batch | writers | wall (s) | rels/s | loader CPU (s) | server CPU (s) | "
            "server µs per rel | rels per CPU s | server CPU vs before |\n"
            "|---|---|---|---|---|---|---|---|---|---|\n"
            f"{table}\n\n"
            "Wall times follow the machine's load; the CPU seconds say what each staging costs.\n")


def write_section(figures: dict[str, Any], docs: Path = DOCS) -> None:
    doc_sections.write(docs / "benchmarks.md", HEADING, section(figures))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    figures = run(args.actors, args.seed, args.rounds)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "benchmarks-neo4j-staging.json").write_text(json.dumps(figures, indent=1) + "\n",
                                                            encoding="utf-8")
    write_section(figures, args.out)
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
