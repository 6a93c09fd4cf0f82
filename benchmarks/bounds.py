"""Bounded pair listings (issue 16, item 8): peak memory of `overlaps --in` stays flat as a commune fills.

Each size runs in its own process: N actors in Valence (commune 26362, the issue's case had about
137,000), spread over a few hundred profiles (three footprints, SDG pairs, three kinds), as a big
register import looks. It measures, with tracemalloc (numpy's arrays included), the peak memory of
the question only (`pair_listing` with the default limit, then `duplicate_listing`), after the load.
Pairs grow as N²; the peak must not.

    python -m benchmarks.bounds --actors 2000 20000 137000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

VALENCE, ROMANS, CREST = "commune:26362", "commune:26281", "commune:26108"
SIZES = (2000, 20_000, 137_000)


def crowd(n: int) -> Any:
    """The dataset: n actors in Valence over about 2,600 profiles."""
    from ecosystem.model import Actor, ActorKind, Dataset

    kinds = (ActorKind.ASSOCIATION, ActorKind.ENTREPRISE, ActorKind.COLLECTIVITE)
    places = ((VALENCE,), (VALENCE, ROMANS), (VALENCE, ROMANS, CREST))
    actors = tuple(Actor(f"a-{i:06d}", f"Acteur {i}", kinds[i % 3], places[(i // 3) % 3],
                         tuple(sorted({1 + i % 17, 1 + (i // 17) % 17})))
                   for i in range(n))
    return Dataset("foule", "Foule", actors=actors)


def one(n: int, neo4j: bool = False) -> dict[str, Any]:
    """Load n actors into a fresh embedded store (or the Neo4j of NEO4J_URI, emptied first), then
    measure the bounded question. On Neo4j the peak is the Python side's only (the server's memory
    is its own heap)."""
    with tempfile.TemporaryDirectory() as tmp:
        if neo4j:
            from ecosystem.store import open_store

            store = open_store()
            for info in store.datasets():
                store.remove_dataset(info.id)
        else:
            from ecosystem.store.memory import MemoryStore

            store = MemoryStore(Path(tmp) / "embedded")
        started = time.perf_counter()
        store.load(crowd(n))
        load_seconds = time.perf_counter() - started
        result = measure(store)
        if neo4j:
            store.remove_dataset("foule")
        store.close()
    return {"actors": n, "store": "neo4j" if neo4j else "embedded", "load_seconds": round(load_seconds, 1),
            **result}


def measure(store: Any) -> dict[str, Any]:
    """The bounded questions on a loaded store: tracemalloc peak, wall and CPU seconds."""
    from ecosystem.analysis.overlap import duplicate_listing, pair_listing
    from ecosystem.errors import EcosystemError

    # warm the matrices and the reference data once: each peak below is the question's own memory
    pair_listing(store, VALENCE, limit=1)
    tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    pairs = pair_listing(store, VALENCE)
    pairs_seconds, pairs_cpu = time.perf_counter() - start, time.process_time() - cpu
    pairs_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    found: dict[str, Any] = {
        "pairs_total": pairs.total, "pairs_shown": pairs.shown,
        "pairs_peak_mib": round(pairs_peak / 2**20, 1), "pairs_seconds": round(pairs_seconds, 2),
        "pairs_cpu_seconds": round(pairs_cpu, 2)}
    try:  # the duplicate groups, measured apart: Neo4j may refuse them at a small heap
        duplicate_listing(store, VALENCE, limit=1)
        tracemalloc.start()
        start, cpu = time.perf_counter(), time.process_time()
        groups = duplicate_listing(store, VALENCE)
        groups_seconds, groups_cpu = time.perf_counter() - start, time.process_time() - cpu
        groups_peak = tracemalloc.get_traced_memory()[1]
        found.update({"groups_total": groups.total, "groups_shown": groups.shown,
                      "biggest_group": max((len(g.actors) for g in groups.items), default=0),
                      "groups_peak_mib": round(groups_peak / 2**20, 1),
                      "groups_seconds": round(groups_seconds, 2), "groups_cpu_seconds": round(groups_cpu, 2)})
    except EcosystemError as error:
        found["groups_error"] = error.text("en")
    finally:
        if tracemalloc.is_tracing():
            tracemalloc.stop()
    return {**found, "load_average": round(os.getloadavg()[0], 1)}


def run(sizes: tuple[int, ...] = SIZES) -> list[dict[str, Any]]:
    """Each size in a fresh process (`python -m benchmarks.bounds --one N`)."""
    root = Path(__file__).resolve().parent.parent
    found = []
    for n in sizes:
        print(f"bounded pair listing, {n:,} actors in one commune…", file=sys.stderr, flush=True)
        out = subprocess.run([sys.executable, "-m", "benchmarks.bounds", "--one", str(n)], cwd=root,
                             capture_output=True, text=True, check=True)
        found.append(json.loads(out.stdout))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--neo4j", action="store_true",
                        help="measure on the Neo4j of NEO4J_URI instead (its datasets are removed first)")
    args = parser.parse_args(argv)
    if args.one or args.neo4j:
        for n in [args.one] if args.one else args.actors:
            print(json.dumps(one(n, neo4j=args.neo4j)), flush=True)
        return 0
    print(json.dumps(run(tuple(args.actors)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
