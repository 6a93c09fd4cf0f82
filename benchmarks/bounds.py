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
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

VALENCE, ROMANS, CREST = "commune:26362", "commune:26281", "commune:26108"
SIZES = (2000, 20_000, 137_000)


def one(n: int) -> dict[str, Any]:
    """Load n actors into a fresh embedded store, then measure the bounded question."""
    from ecosystem.analysis.overlap import duplicate_listing, pair_listing
    from ecosystem.model import Actor, ActorKind, Dataset
    from ecosystem.store.memory import MemoryStore

    kinds = (ActorKind.ASSOCIATION, ActorKind.ENTREPRISE, ActorKind.COLLECTIVITE)
    places = ((VALENCE,), (VALENCE, ROMANS), (VALENCE, ROMANS, CREST))
    actors = tuple(Actor(f"a-{i:06d}", f"Acteur {i}", kinds[i % 3], places[(i // 3) % 3],
                         tuple(sorted({1 + i % 17, 1 + (i // 17) % 17})))
                   for i in range(n))
    with tempfile.TemporaryDirectory() as tmp:
        store = MemoryStore(Path(tmp) / "embedded")
        store.load(Dataset("foule", "Foule", actors=actors))
        # warm the matrices and the reference data once: the peak below is the question's own memory
        pair_listing(store, VALENCE, limit=1)
        duplicate_listing(store, VALENCE, limit=1)
        tracemalloc.start()
        start = time.perf_counter()
        pairs = pair_listing(store, VALENCE)
        pairs_seconds = time.perf_counter() - start
        pairs_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        start = time.perf_counter()
        groups = duplicate_listing(store, VALENCE)
        groups_seconds = time.perf_counter() - start
        groups_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        store.close()
    return {"actors": n, "pairs_total": pairs.total, "pairs_shown": pairs.shown,
            "pairs_peak_mib": round(pairs_peak / 2**20, 1), "pairs_seconds": round(pairs_seconds, 2),
            "groups_total": groups.total, "groups_shown": groups.shown,
            "biggest_group": max((len(g.actors) for g in groups.items), default=0),
            "groups_peak_mib": round(groups_peak / 2**20, 1), "groups_seconds": round(groups_seconds, 2)}


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
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one)))
        return 0
    print(json.dumps(run(tuple(args.actors)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
