"""What-if benchmark: how long a diagnosis takes to recompute with a partner added or removed.

    .venv/bin/python -m benchmarks.whatif --actors 100000 --store embedded        # one JSON object
    eval "$(ecosystem neo4j env)"; .venv/bin/python -m benchmarks.whatif --actors 100000 --store neo4j
    .venv/bin/python -m benchmarks.suite ...      # runs it for every size of both stores

What is timed is what the page recomputes when a partner is ticked: `whatif(store, alliance, add,
remove, before=...)`, the diagnosis as it is being cached already (the Alliances page has it). Each
of `--queries` random alliances is tried twice, once with its best complement added, once with a
member removed, after one warm-up call. Target (issue 15): p95 < 0.5 s at 100,000 actors on both
stores. With --store neo4j the store is the one NEO4J_URI names (its datasets are replaced: use a
throwaway server); from the suite, the project's benchmark server (benchmarks.neo4j_bench).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.diagnosis import diagnose
from ecosystem.analysis.whatif import whatif
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Actor, Dataset
from ecosystem.store.base import Store

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 500.0
SIZES_UP_TO = 100_000
"""The suite measures what-if up to this size (the target's); at 1M, Neo4j would load the dataset again."""


def _percentiles(seconds: list[float]) -> dict[str, float]:
    ms = np.asarray(seconds) * 1000
    p50, p95 = (round(float(np.percentile(ms, q)), 1) for q in (50, 95))
    return {"p50_ms": p50, "p95_ms": p95, "max_ms": round(float(ms.max()), 1), "runs": len(seconds)}


def measure(store: Store, dataset: Dataset, queries: int = 15, seed: int = 5) -> dict[str, Any]:
    """p50/p95 of a what-if recompute (and of a full diagnosis, for comparison) on `store`."""
    rng = np.random.default_rng(seed)
    members: dict[str, list[str]] = {}
    for m in dataset.memberships:
        members.setdefault(m.alliance, []).append(m.actor)
    pool = [a for a in dataset.alliances if members.get(a.id)]
    chosen = [pool[int(i)] for i in rng.choice(len(pool), size=min(queries, len(pool)), replace=False)]
    diagnose(store, chosen[0])  # warm-up: the embedded store builds its matrices here
    tries, full, cpu, full_cpu = [], [], [], []
    for alliance in chosen:
        started, cpu_started = time.perf_counter(), time.process_time()
        before = diagnose(store, alliance)
        full.append(time.perf_counter() - started)
        full_cpu.append(time.process_time() - cpu_started)
        best = [c.actor for c in complements(store, alliance, k=1).items]
        for add, remove in ((best, []), ([], members[alliance.id][:1])):
            started, cpu_started = time.perf_counter(), time.process_time()
            whatif(store, alliance, add, remove, before=before)
            tries.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
    return {"whatif": _percentiles(tries), "diagnosis": _percentiles(full), "alliances": len(chosen),
            "whatif_cpu": _percentiles(cpu), "diagnosis_cpu": _percentiles(full_cpu),
            "load_average": round(os.getloadavg()[0], 1)}


def embedded(size: int, seed: int, queries: int) -> dict[str, Any]:
    from ecosystem.store.memory import MemoryStore

    dataset = generate(GeneratorSpec(actors=size, seed=seed))
    with tempfile.TemporaryDirectory() as folder:
        store = MemoryStore(Path(folder))
        store.load(dataset)
        return measure(store, dataset, queries)


BASELINE_ACTORS = Path(__file__).resolve().parent / "baseline_queries" / "actors_by_id_lists.cypher"


@contextmanager
def reading_every_actor(store: Store) -> Iterator[Store]:
    """The store as it was before `record_cache.py`: `actors(ids)` reads every actor every time."""
    from ecosystem.store.neo4j import rows

    cypher = BASELINE_ACTORS.read_text(encoding="utf-8")

    def actors(ids: Iterable[str]) -> list[Actor]:
        found = store.runner.read_text("actors_by_id (before)", cypher, {"ids": sorted(set(ids))})[0]
        return sorted(map(rows.actor_from, found["props"]), key=lambda a: a.id)

    store.actors = actors  # type: ignore[method-assign]
    try:
        yield store
    finally:
        del store.actors


def on_neo4j(store: Store, size: int, seed: int, queries: int) -> dict[str, Any]:
    """The figures with the actors kept between reads, and `before` without (same data, same run)."""
    for info in store.datasets():
        store.remove_dataset(info.id)
    dataset = generate(GeneratorSpec(actors=size, seed=seed))
    store.load(dataset)
    try:
        with reading_every_actor(store) as uncached:
            before = measure(uncached, dataset, queries)
        return measure(store, dataset, queries) | {"before": before}
    finally:
        store.remove_dataset(dataset.id)


def run_suite(embedded_sizes: list[int], neo4j_sizes: list[int], seed: int, skip_neo4j: bool,
              queries: int = 15) -> dict[str, Any]:
    """The figures of `benchmarks.suite`: the embedded store in one process per size, Neo4j on the
    project's benchmark server, started for the run and stopped after it."""
    figures: dict[str, Any] = {"embedded": {}, "neo4j": {}}
    for size in embedded_sizes:
        print(f"what-if, embedded store, {size:,} actors…", file=sys.stderr, flush=True)
        out = subprocess.run([sys.executable, "-m", "benchmarks.whatif", "--actors", str(size), "--seed",
                              str(seed), "--queries", str(queries)], cwd=ROOT, capture_output=True, text=True,
                             check=True)
        figures["embedded"][str(size)] = json.loads(out.stdout)
    if skip_neo4j or not neo4j_sizes:
        return figures
    from benchmarks import bench_neo4j_store as bench
    from benchmarks.neo4j_bench import HEAP, PAGECACHE, PORT, STATE_DIR
    from ecosystem import neo4j_server

    neo4j_server.start(STATE_DIR, port=PORT, heap=HEAP, pagecache=PAGECACHE, password=None, timeout=300)
    try:
        env = neo4j_server.connection_env(STATE_DIR)
        cfg = bench.Config(uri=env["NEO4J_URI"], user=env["NEO4J_USER"], password=env["NEO4J_PASSWORD"],
                           echo=False)
        store, _ = bench.wipe_and_load_reference(cfg)
        for size in neo4j_sizes:
            print(f"what-if, neo4j, {size:,} actors…", file=sys.stderr, flush=True)
            figures["neo4j"][str(size)] = on_neo4j(store, size, seed, queries)
        store.close()
    finally:
        neo4j_server.stop(STATE_DIR)
    return figures


def lines(figures: dict[str, Any] | None) -> list[str]:
    """The "What-if" section of docs/benchmarks.md."""
    if not figures:
        return []
    rows = []
    for store in ("embedded", "neo4j"):
        for size, f in sorted((figures.get(store) or {}).items(), key=lambda kv: int(kv[0])):
            for label, g in ((store, f), (f"{store}, before its kept actors", f.get("before"))):
                if not g:
                    continue
                w, d, c = g["whatif"], g["diagnosis"], g.get("whatif_cpu") or {}
                rows.append(f"| {label} | {int(size):,} | {w['p50_ms']} / {w['p95_ms']} "
                            f"| {d['p50_ms']} / {d['p95_ms']} | {w['runs']} | {c.get('p50_ms', '')} / "
                            f"{c.get('p95_ms', '')} | {g.get('load_average', '')} |")
    return ["", "## What-if", "",
            "Recomputing an alliance's diagnosis with one partner added (its best complement) or one member "
            "removed, nothing written (`analysis/whatif.py`); the diagnosis as it is comes from the page's "
            f"cache. Target: p95 < {TARGET_MS:.0f} ms at 100,000 actors on both stores. "
            "`python -m benchmarks.whatif --actors N --store embedded|neo4j`.", "",
            "| store | actors | what-if p50 / p95 (ms) | full diagnosis p50 / p95 (ms) | runs "
            "| what-if CPU of this process p50 / p95 (ms) | load average |",
            "|---|---|---|---|---|---|---|", *rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=15)
    parser.add_argument("--store", choices=("embedded", "neo4j"), default="embedded")
    args = parser.parse_args(argv)
    if args.store == "embedded":
        figures = embedded(args.actors, args.seed, args.queries)
    else:
        from ecosystem.store import open_store

        store = open_store()
        try:
            figures = on_neo4j(store, args.actors, args.seed, args.queries)
        finally:
            store.close()
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
