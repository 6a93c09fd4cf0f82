"""Benchmark of the Neo4j store: reference load, staged dataset loads vs naive, replacements, memory,
disk, query latencies.

A script and a library: `run(Config(...))` returns the figures as a dict (a suite can call it);
`main` is the command line. It needs a Neo4j server of its own: it DELETES EVERYTHING in it first.

    .venv/bin/python benchmarks/bench_neo4j_store.py --uri bolt://127.0.0.1:7689 --password secret \\
        --wipe --sizes 10000 100000 1000000 --replace-sizes 26000 100000 --query-sizes 100000 1000000 \\
        --data-dir /path/to/state/neo4j/data --json benchmarks/results/neo4j.json

What it measures, in this order:
1. the full territorial hierarchy loaded into the emptied database (`Neo4jStore.connect`: schema,
   36,000 territories, PART_OF and WITHIN edges, SDGs, levers);
2. for each size N, a generated dataset (`ecosystem.generate`, seeded: actors on real communes
   weighted by population, 1-4 SDGs, some EPCI / département / région / national ones) loaded the
   store's way (staged in batches, then switched live), with the time of each phase, the highest
   server heap in use and the biggest transaction (both sampled every 0.25 s during the load), then
   the NAIVE way (one auto-committed MERGE query per actor through the driver) on a sample of
   actors, extrapolated to N and said so;
3. for the sizes in --replace-sizes: a new version of that dataset with 1% of its actors changed,
   loaded over it (the re-import of an updated file);
4. for the sizes in --query-sizes: overlap_counts top-10 at commune level for 50 random active
   actors, overlap_pairs in a département of about 5,000 actors (duplicates: min Jaccard 0.5, same
   kind; and the 50 best pairs), coverage of that département's région at département and commune
   level;
5. the database's size on disk (when --data-dir names the server's data folder).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import neo4j
from neo4j._codec.packstream import _common as packstream

from benchmarks.latency import departement_near
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Dataset, Level
from ecosystem.reference import reference
from ecosystem.store.neo4j import cypher
from ecosystem.store.neo4j import rows as neo4j_rows
from ecosystem.store.neo4j.load import BATCH, WRITERS
from ecosystem.store.neo4j.store import Neo4jStore

NAIVE_PREFIX = "naive-"


@dataclass
class Config:
    uri: str
    password: str
    user: str = "neo4j"
    sizes: list[int] = field(default_factory=lambda: [10_000, 100_000])
    replace_sizes: list[int] = field(default_factory=lambda: [100_000])
    query_sizes: list[int] = field(default_factory=lambda: [100_000])
    changed: float = 0.01  # share of actors changed in a replacement
    naive_sample: int = 2000
    seed: int = 1
    batch: int = BATCH
    writers: int = WRITERS
    data_dir: Path | None = None  # the server's data folder, for the size on disk
    echo: bool = True  # print each figure as it comes


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def latencies(values: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values]
    return {"n": len(ms), "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
            "max_ms": round(max(ms), 1)}


def counts(store: Neo4jStore) -> tuple[int, int]:
    r = store.runner.read("bench_counts")[0]
    return r["nodes"], r["relationships"]


def mb(n: float) -> float:
    return round(n / 2**20, 1)


# ----------------------------------------------------------------------------- server memory and disk


def heap(store: Neo4jStore) -> dict[str, float]:
    """The server's heap now (MB): in use, and the G1 old generation's peak since the server started."""
    r = store.runner.read_text("jmx", "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
                               "RETURN attributes.HeapMemoryUsage.value.properties AS h")[0]["h"]
    old = store.runner.read_text(
        "jmx", "CALL dbms.queryJmx('java.lang:type=MemoryPool,name=G1 Old Gen') YIELD attributes "
        "RETURN attributes.PeakUsage.value.properties.used AS peak")
    return {"used_mb": mb(r["used"]), "max_mb": mb(r["max"]),
            "old_gen_peak_mb": mb(old[0]["peak"]) if old else None}


@contextmanager
def sampled(store: Neo4jStore, every: float = 0.25) -> Iterator[dict[str, float]]:
    """While the block runs: the highest heap in use and the biggest transaction (SHOW TRANSACTIONS'
    estimatedUsedHeapMemory) seen, sampled on a thread of its own."""
    seen = {"heap_used_max_mb": 0.0, "transaction_max_mb": 0.0}
    stop = threading.Event()
    jmx = ("CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
           "RETURN attributes.HeapMemoryUsage.value.properties.used AS used")
    txs = "SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory AS m RETURN max(m) AS m"

    def sample() -> None:
        while not stop.is_set():
            try:
                used = store.runner.read_text("jmx", jmx)[0]["used"]
                biggest = store.runner.read_text("transactions", txs)[0]["m"] or 0
            except Exception:  # a sample lost under load is no reason to fail the benchmark
                continue
            seen["heap_used_max_mb"] = max(seen["heap_used_max_mb"], mb(used))
            seen["transaction_max_mb"] = max(seen["transaction_max_mb"], mb(biggest))
            stop.wait(every)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join()


def disk(store: Neo4jStore, data_dir: Path | None) -> dict[str, float] | None:
    """Size of the neo4j database's store files (after a checkpoint has flushed them) and of its
    transaction logs (MB; Neo4j preallocates log files, 250 MB each by default)."""
    if data_dir is None:
        return None
    with suppress(neo4j.exceptions.ClientError):  # flushes the store files; Enterprise only
        store.runner.autocommit_text("checkpoint", "CALL db.checkpoint()")

    def size(folder: Path) -> float:
        return mb(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())) if folder.exists() else 0

    return {"store_mb": size(data_dir / "databases" / "neo4j"),
            "transaction_logs_mb": size(data_dir / "transactions" / "neo4j")}


# ----------------------------------------------------------------------------- loads


def wipe_and_load_reference(cfg: Config) -> tuple[Neo4jStore, dict]:
    """Empty the database (DELETES EVERYTHING), then time the reference load of a first connection."""
    with neo4j.GraphDatabase.driver(cfg.uri, auth=(cfg.user, cfg.password)) as driver, driver.session() as s:
        s.run(cypher.query("bench_wipe_relationships")).consume()
        s.run(cypher.query("bench_wipe")).consume()
    seconds, store = timed(lambda: Neo4jStore.connect(uri=cfg.uri, user=cfg.user, password=cfg.password,
                                                      timeout=3600))
    store.batch, store.writers = cfg.batch, cfg.writers
    nodes, relationships = counts(store)
    return store, {"seconds": round(seconds, 2), "nodes": nodes, "relationships": relationships,
                   "nodes_per_s": round(nodes / seconds),
                   "relationships_per_s": round(relationships / seconds)}


def load_staged(store: Neo4jStore, dataset: Dataset) -> dict:
    with sampled(store) as memory:
        seconds, report = timed(lambda: store.load(dataset))
    phases = dict(store.last_load.seconds) if store.last_load else {}
    return {"status": report.status, "rows": report.rows, "relationships": report.relationships,
            "seconds": round(seconds, 2), "rows_per_s": round(report.rows / seconds),
            "relationships_per_s": round(report.relationships / seconds), "phases_s": phases,
            **memory}


def load_naive(store: Neo4jStore, dataset: Dataset, sample: int) -> dict:
    """One auto-committed query per actor, on the first `sample` actors (renamed), extrapolated."""
    h = reference().hierarchy
    actors = [replace(a, id=NAIVE_PREFIX + a.id) for a in dataset.actors[:sample]]
    rows = [neo4j_rows.actor_row(a, "naive", h) for a in actors]
    relationships = sum(len(r["acts_in"]) + len(r["contributes"]) + len(r["offers"]) + len(r["needs"])
                        for r in rows)
    driver, database = store.runner.driver, store.runner.database
    text = cypher.query("bench_naive_actor")

    def run() -> None:
        with driver.session(database=database) as session:
            for row in rows:
                session.run(text, id=row["props"]["id"], props=row["props"], acts_in=row["acts_in"],
                            contributes=row["contributes"], offers=row["offers"],
                            needs=row["needs"]).consume()

    seconds, _ = timed(run)
    store.runner.autocommit("bench_delete_actors", prefix=NAIVE_PREFIX)
    rate = len(rows) / seconds
    return {"sample_rows": len(rows), "sample_relationships": relationships, "seconds": round(seconds, 2),
            "rows_per_s": round(rate), "relationships_per_s": round(relationships / seconds),
            "extrapolated_seconds_for_dataset": round(dataset.row_count / rate, 1),
            "note": f"measured on {len(rows)} actors, extrapolated to the whole dataset"}


def changed_version(dataset: Dataset, share: float, seed: int) -> Dataset:
    """The same dataset with `share` of its actors renamed: an updated file re-imported."""
    n = max(1, round(share * len(dataset.actors)))
    picked = set(random.Random(seed).sample(range(len(dataset.actors)), n))
    return replace(dataset, actors=tuple(replace(a, name=a.name + " (modifié)") if i in picked else a
                                         for i, a in enumerate(dataset.actors)))


def load_replacement(store: Neo4jStore, dataset: Dataset, share: float, seed: int) -> dict:
    result = load_staged(store, changed_version(dataset, share, seed))
    return {"changed_actors": round(share * len(dataset.actors)), **result}


# ----------------------------------------------------------------------------- queries


def bench_overlap_counts(store: Neo4jStore, dataset: Dataset, n: int, seed: int) -> dict:
    active = [a for a in dataset.actors if a.active and a.all_sdgs]
    picked = random.Random(seed).sample(active, n)

    def one(actor) -> Any:
        return store.overlap_counts(actor.territories, actor.all_sdgs, Level.COMMUNE, exclude=[actor.id],
                                    limit=10)

    for actor in picked[:5]:  # warm-up: query plans cached, page cache hot
        one(actor)
    times = [timed(lambda a=actor: one(a))[0] for actor in picked]
    scales: dict[str, list[float]] = {}
    for actor, seconds in zip(picked, times, strict=True):
        level = reference().hierarchy[actor.territories[0]].level.value
        scales.setdefault(level, []).append(seconds)
    return {**latencies(times), "by_scale_p50_ms": {k: round(statistics.median(v) * 1000, 1)
                                                    for k, v in sorted(scales.items())}}


def repeat(fn: Callable[[], Any], times: int) -> tuple[dict, Any]:
    fn()  # warm-up
    runs = [timed(fn) for _ in range(times)]
    return latencies([s for s, _ in runs]), runs[-1][1]


def bench_queries(store: Neo4jStore, dataset: Dataset, seed: int, out: dict) -> dict:
    out["overlap_counts_top10_commune"] = bench_overlap_counts(store, dataset, 50, seed)
    # A typical département of ~5,000 actors spread over hundreds of communes; then Paris, the worst
    # case: ~5,000 actors in ONE commune (its arrondissements fold into it), so nearly all pairs meet.
    typical, n = departement_near(dataset, 5000, min_communes=100)
    worst, n_worst = departement_near(dataset, 5000)
    for name, dept, count in (("typical", typical, n), ("one_commune", worst, n_worst)):
        out[f"departement_{name}"] = {"id": dept, "actors": count, "actors_in": len(store.actors_in([dept]))}
        stats, found = repeat(
            lambda d=dept: store.overlap_pairs(d, Level.COMMUNE, min_jaccard=0.5, same_kind=True), 5)
        out[f"overlap_pairs_duplicates_{name}"] = {**stats, "pairs": len(found), "min_jaccard": 0.5,
                                                   "same_kind": True}
        stats, found = repeat(lambda d=dept: store.overlap_pairs(d, Level.COMMUNE, limit=50), 3)
        out[f"overlap_pairs_top50_{name}"] = {**stats, "pairs": len(found), "min_jaccard": 0.0, "limit": 50}
    region = reference().hierarchy[typical].parents[0]
    for level in (Level.DEPARTEMENT, Level.COMMUNE):
        stats, cells = repeat(lambda lv=level: store.coverage(region, lv), 5)
        out[f"coverage_{region}_{level.value}"] = {**stats, "cells": len(cells)}
    return out


# ----------------------------------------------------------------------------- run


class Figures(dict):
    """Results that can print themselves as they come: a long run shows its progress."""

    def __init__(self, echo: bool, prefix: str = "") -> None:
        super().__init__()
        self.echo, self.prefix = echo, prefix

    def __setitem__(self, key: str, value: Any) -> None:
        if self.echo:
            print(json.dumps({self.prefix + key: value}, ensure_ascii=False), flush=True)
        super().__setitem__(key, value)

    def child(self, key: str) -> Figures:
        inner = Figures(self.echo, f"{self.prefix}{key}.")
        dict.__setitem__(self, key, inner)
        return inner


def run(cfg: Config) -> dict:
    """Every figure of the module docstring, as a dict. DELETES EVERYTHING in the database first."""
    out = Figures(cfg.echo)
    out["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(),
                      "driver": neo4j.__version__, "driver_rust_extension": packstream.RUST_AVAILABLE,
                      "batch": cfg.batch, "writers": cfg.writers}
    store, out["reference_load"] = wipe_and_load_reference(cfg)
    out["server"] = {"label": store.describe().label, **heap(store)}
    datasets = out.child("datasets")
    for size in sorted(set(cfg.sizes)):
        entry = datasets.child(str(size))
        seconds, dataset = timed(lambda n=size: generate(GeneratorSpec(actors=n, seed=cfg.seed)))
        entry["generated_in_s"] = round(seconds, 1)
        for info in store.datasets():
            entry["previous_removed_in_s"] = round(timed(lambda i=info: store.remove_dataset(i.id))[0], 1)
        entry["staged"] = load_staged(store, dataset)
        entry["naive"] = load_naive(store, dataset, min(cfg.naive_sample, len(dataset.actors)))
        entry["speedup_vs_naive"] = round(entry["staged"]["rows_per_s"] / entry["naive"]["rows_per_s"], 1)
        entry["disk"] = disk(store, cfg.data_dir)
        if size in cfg.replace_sizes:
            entry["replace_1pct"] = load_replacement(store, dataset, cfg.changed, cfg.seed)
        if size in cfg.query_sizes:
            bench_queries(store, dataset, cfg.seed, entry.child("queries"))
        entry["heap_after"] = heap(store)
        del dataset
    for size in sorted(set(cfg.replace_sizes) - set(cfg.sizes)):  # e.g. the 26,000 actors of an RNA import
        entry = datasets.child(str(size))
        for info in store.datasets():
            store.remove_dataset(info.id)
        dataset = generate(GeneratorSpec(actors=size, seed=cfg.seed))
        entry["staged"] = load_staged(store, dataset)
        entry["replace_1pct"] = load_replacement(store, dataset, cfg.changed, cfg.seed)
    store.close()
    return json.loads(json.dumps(out))  # plain dicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    parser.add_argument("--user", default=os.environ.get("NEO4J_USER", "neo4j"))
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", ""))
    parser.add_argument("--wipe", action="store_true", help="delete EVERYTHING in the database first")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--replace-sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--query-sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--naive-sample", type=int, default=2000, help="actors loaded the naive way")
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--writers", type=int, default=WRITERS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, help="the server's data folder, for the size on disk")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not args.wipe:
        parser.error("this benchmark measures loads into an empty database: "
                     "pass --wipe (it deletes everything)")
    results = run(Config(uri=args.uri, user=args.user, password=args.password, sizes=args.sizes,
                         replace_sizes=args.replace_sizes, query_sizes=args.query_sizes,
                         naive_sample=args.naive_sample, seed=args.seed, batch=args.batch,
                         writers=args.writers, data_dir=args.data_dir))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
