"""Benchmark of the Neo4j store: reference load, dataset loads (batched vs naive), query latencies.

A script, not a test: it needs a Neo4j server of its own, and --wipe DELETES EVERYTHING in it.

    .venv/bin/python benchmarks/bench_neo4j_store.py --uri bolt://127.0.0.1:7689 \\
        --password secret --wipe --sizes 10000 100000 --json benchmarks/results/neo4j.json

What it measures, in this order:
1. the full territorial hierarchy loaded into the emptied database (`Neo4jStore.connect`: schema,
   36,000 territories, PART_OF and WITHIN edges, SDGs, levers);
2. for each size N, a generated dataset (`ecosystem.generate`, seeded: actors on real communes
   weighted by population, 1-4 SDGs, some EPCI / département / région / national ones) loaded the
   store's way (one transaction, batched UNWIND), then the NAIVE way (one auto-committed MERGE query
   per actor through the driver) on a sample of actors, extrapolated to N and said so;
3. on the largest dataset: overlap_counts top-10 at commune level for 50 random active actors,
   overlap_pairs in the département holding about 5,000 actors (the duplicate search of
   ecosystem.analysis: min Jaccard 0.5, same kind; and the 50 best pairs of any kind), coverage of
   that département's région at département and commune level.
A dataset of 100,000 actors is one transaction of 1.4 to 2.1 GB in the server's heap (it fails with
a 2 GB heap, passes with 3 GB): give the server 3 GB (ECOSYSTEM_NEO4J_HEAP=3g for the local one) or
the load stops with TransactionTooLarge, having changed nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from neo4j._codec.packstream import _common as packstream

from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Dataset, Level
from ecosystem.reference import reference
from ecosystem.store import neo4j_rows
from ecosystem.store.neo4j_store import Neo4jStore

NAIVE_PREFIX = "naive-"


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


# ----------------------------------------------------------------------------- loads


def load_reference(args: argparse.Namespace) -> tuple[Neo4jStore, dict]:
    if args.wipe:
        wiper = Neo4jStore.connect(uri=args.uri, user=args.user, password=args.password, timeout=3600)
        wiper.runner.autocommit("bench_wipe")
        wiper.close()
    # The wipe leaves the schema: connecting now loads the reference data into an empty graph.
    seconds, store = timed(lambda: Neo4jStore.connect(uri=args.uri, user=args.user, password=args.password,
                                                      timeout=3600))
    nodes, relationships = counts(store)
    return store, {"seconds": round(seconds, 2), "nodes": nodes, "relationships": relationships,
                   "nodes_per_s": round(nodes / seconds),
                   "relationships_per_s": round(relationships / seconds)}


def load_batched(store: Neo4jStore, dataset: Dataset) -> dict:
    seconds, report = timed(lambda: store.load(dataset))
    return {"status": report.status, "rows": report.rows, "relationships": report.relationships,
            "seconds": round(seconds, 2), "rows_per_s": round(report.rows / seconds),
            "relationships_per_s": round(report.relationships / seconds)}


def load_naive(store: Neo4jStore, dataset: Dataset, sample: int) -> dict:
    """One auto-committed query per actor, on the first `sample` actors (renamed), extrapolated."""
    h = reference().hierarchy
    actors = [replace(a, id=NAIVE_PREFIX + a.id) for a in dataset.actors[:sample]]
    rows = [neo4j_rows.actor_row(a, "naive", h) for a in actors]
    relationships = sum(len(r["acts_in"]) + len(r["contributes"]) + len(r["offers"]) + len(r["needs"])
                        for r in rows)
    driver, database = store.runner.driver, store.runner.database
    from ecosystem.store import cypher

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
            "extrapolated_seconds_for_dataset": round(dataset.row_count / rate, 1)}


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
    scales = {}
    for actor, seconds in zip(picked, times, strict=True):
        level = reference().hierarchy[actor.territories[0]].level.value
        scales.setdefault(level, []).append(seconds)
    return {**latencies(times), "by_scale_p50_ms": {k: round(statistics.median(v) * 1000, 1)
                                                    for k, v in sorted(scales.items())}}


def departement_near(dataset: Dataset, target: int, min_communes: int = 1) -> tuple[str, int]:
    """The département (with at least `min_communes` communes) whose actor count, as actors_in
    counts them, is closest to `target`."""
    h = reference().hierarchy
    per: dict[str, int] = {}
    for actor in dataset.actors:
        if actor.active:
            for d in h.presence(actor.territories, Level.DEPARTEMENT):
                if h.commune_count(d) >= min_communes:
                    per[d] = per.get(d, 0) + 1
    best = min(per, key=lambda d: (abs(per[d] - target), d))
    return best, per[best]


def repeat(fn: Callable[[], Any], times: int) -> tuple[dict, Any]:
    fn()  # warm-up
    runs = [timed(fn) for _ in range(times)]
    return latencies([s for s, _ in runs]), runs[-1][1]


class Printing(dict):
    """Results that print themselves as they come: a long run shows its progress."""

    def __setitem__(self, key: str, value: Any) -> None:
        print(json.dumps({key: value}), flush=True)
        super().__setitem__(key, value)


def bench_queries(store: Neo4jStore, dataset: Dataset, args: argparse.Namespace) -> dict:
    out: dict[str, Any] = Printing()
    out["overlap_counts_top10_commune"] = bench_overlap_counts(store, dataset, 50, args.seed)
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


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    parser.add_argument("--user", default=os.environ.get("NEO4J_USER", "neo4j"))
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", ""))
    parser.add_argument("--wipe", action="store_true", help="delete EVERYTHING in the database first")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--naive-sample", type=int, default=2000, help="actors loaded the naive way")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not args.wipe:
        parser.error("this benchmark measures loads into an empty database: "
                     "pass --wipe (it deletes everything)")

    results: dict[str, Any] = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                           "driver_rust_extension": packstream.RUST_AVAILABLE}}
    store, results["reference_load"] = load_reference(args)
    results["server"] = store.describe().label
    print(json.dumps({"reference_load": results["reference_load"]}), flush=True)
    results["datasets"] = {}
    largest = None
    for size in sorted(args.sizes):
        seconds, dataset = timed(lambda n=size: generate(GeneratorSpec(actors=n, seed=args.seed)))
        for info in store.datasets():
            store.remove_dataset(info.id)
        entry = {"generated_in_s": round(seconds, 1), "rows": dataset.row_count,
                 "batched": load_batched(store, dataset),
                 "naive": load_naive(store, dataset, min(args.naive_sample, len(dataset.actors)))}
        entry["batched_speedup"] = round(entry["batched"]["rows_per_s"] / entry["naive"]["rows_per_s"], 1)
        results["datasets"][str(size)] = entry
        print(json.dumps({str(size): entry}), flush=True)
        largest = dataset
    if largest is not None:
        results["queries"] = dict(bench_queries(store, largest, args))
    store.close()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
