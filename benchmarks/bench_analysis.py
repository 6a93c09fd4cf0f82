"""Benchmark of the analyses (ecosystem.analysis) on a large synthetic dataset (a script, not a test).

    .venv/bin/python benchmarks/bench_analysis.py                      # 100,000 actors, seed 7, embedded
    .venv/bin/python benchmarks/bench_analysis.py --actors 20000 --json

With ECOSYSTEM_TEST_NEO4J_URI (and _USER, _PASSWORD) set, the same figures are measured on Neo4j
too (the database is emptied of datasets first: use a throwaway server).

The dataset comes from `ecosystem.generate` (real hierarchy, actors placed by population). What is
timed is the whole analysis a user asks for, store queries included, after one warm-up call:
- the charter diagnosis of `--queries` random alliances (target: < 300 ms);
- the top-10 overlaps of `--queries` random actors, with their reasons (target: p95 < 200 ms);
- the top-10 complements of the same actors;
- the overlapping pairs among the actors of the busiest département: the store's count of all
  pairs, then the analysis with reasons above the duplicate threshold and the duplicate groups
  (target: < 2 s);
- the coverage of that département by commune, with its gaps.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ecosystem.analysis.complementarity import complements  # noqa: E402
from ecosystem.analysis.coverage import coverage  # noqa: E402
from ecosystem.analysis.diagnosis import diagnose  # noqa: E402
from ecosystem.analysis.overlap import duplicate_groups, pairs_in, top_overlaps  # noqa: E402
from ecosystem.analysis.thresholds import DUPLICATE_MIN_JACCARD  # noqa: E402
from ecosystem.generate import GeneratorSpec, generate  # noqa: E402
from ecosystem.model import Dataset, Level  # noqa: E402
from ecosystem.reference import reference  # noqa: E402
from ecosystem.store.base import Store  # noqa: E402


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def percentiles(seconds: list[float]) -> dict[str, float]:
    ms = np.asarray(seconds) * 1000
    return {"p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95)),
            "max_ms": float(ms.max())}


def measure(store: Store, dataset: Dataset, queries: int, seed: int,
            departement: str | None = None) -> dict[str, Any]:
    """The figures for one store holding `dataset`."""
    figures: dict[str, Any] = {}
    rng = np.random.default_rng(seed)
    alliances = [dataset.alliances[int(i)] for i in rng.choice(len(dataset.alliances),
                                                             size=min(queries, len(dataset.alliances)),
                                                             replace=False)]
    diagnose(store, alliances[0])  # warm-up: builds the store's matrices
    times = [timed(lambda a=a: diagnose(store, a))[0] for a in alliances]
    figures["diagnosis"] = percentiles(times)
    by_level: dict[str, list[float]] = {}
    for a, t in zip(alliances, times, strict=True):
        by_level.setdefault(a.territories[0].partition(":")[0], []).append(t)
    figures["diagnosis_by_anchor_level"] = {k: percentiles(v) for k, v in sorted(by_level.items())}

    active = [a for a in dataset.actors if a.active and a.all_sdgs]
    picks = [active[int(i)] for i in rng.choice(len(active), size=queries, replace=False)]
    top_overlaps(store, picks[0].id)
    figures["top10_overlaps"] = percentiles(
        [timed(lambda a=a: top_overlaps(store, a.id, k=10))[0] for a in picks])
    complements(store, picks[0])
    figures["top10_complements"] = percentiles(
        [timed(lambda a=a: complements(store, a, k=10))[0] for a in picks])

    h = reference().hierarchy
    if departement is None:
        counts = {d.id: len(store.actors_in([d.id])) for d in h.by_level[Level.DEPARTEMENT]}
        departement = max(counts, key=lambda d: (counts[d], d))
    busiest = departement
    figures["departement"] = busiest
    figures["departement_actors"] = len(store.actors_in([busiest]))
    store.overlap_pairs(busiest, Level.COMMUNE, limit=1)
    figures["all_pairs_store_s"], pairs = timed(lambda: store.overlap_pairs(busiest, Level.COMMUNE))
    figures["all_pairs_count"] = len(pairs)
    figures["pairs_with_reasons_above_duplicate_threshold_s"], found = timed(
        lambda: pairs_in(store, busiest, Level.COMMUNE, min_jaccard=DUPLICATE_MIN_JACCARD))
    figures["pairs_above_duplicate_threshold"] = len(found)
    figures["top100_pairs_with_reasons_s"], _ = timed(
        lambda: pairs_in(store, busiest, Level.COMMUNE, limit=100))
    figures["duplicate_groups_s"], groups = timed(lambda: duplicate_groups(store, busiest, Level.COMMUNE))
    figures["duplicate_groups"] = len(groups)
    figures["coverage_departement_by_commune_s"], cov = timed(
        lambda: coverage(store, busiest, Level.COMMUNE))
    figures["coverage_gaps"] = len(cov.gaps)
    return figures


def embedded(dataset: Dataset, queries: int, seed: int, departement: str | None) -> dict[str, Any]:
    from ecosystem.store.memory import MemoryStore

    with tempfile.TemporaryDirectory() as tmp:
        store = MemoryStore(Path(tmp) / "embedded")
        load_s, _ = timed(lambda: store.load(dataset))
        figures = {"load_s": load_s, **measure(store, dataset, queries, seed, departement)}
        store.close()
    return figures


def neo4j(dataset: Dataset, queries: int, seed: int, departement: str | None) -> dict[str, Any] | None:
    uri = os.environ.get("ECOSYSTEM_TEST_NEO4J_URI")
    if not uri:
        return None
    from ecosystem.store.neo4j.store import Neo4jStore

    store = Neo4jStore.connect(uri=uri, user=os.environ.get("ECOSYSTEM_TEST_NEO4J_USER", "neo4j"),
                               password=os.environ.get("ECOSYSTEM_TEST_NEO4J_PASSWORD", ""),
                               database="neo4j", timeout=600)
    try:
        for info in store.datasets():
            store.remove_dataset(info.id)
        load_s, _ = timed(lambda: store.load(dataset))
        return {"load_s": load_s, **measure(store, dataset, queries, seed, departement)}
    finally:
        for info in store.datasets():
            store.remove_dataset(info.id)
        store.close()


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=50, help="random alliances and actors timed")
    parser.add_argument("--departement", default=None,
                        help="département id for the pairs and coverage (default: the one with most actors)")
    parser.add_argument("--only", choices=("embedded", "neo4j"), default=None,
                        help="measure one store only (default: embedded, and Neo4j when configured)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    generate_s, dataset = timed(lambda: generate(GeneratorSpec(actors=args.actors, seed=args.seed)))
    figures: dict[str, Any] = {"actors": len(dataset.actors), "alliances": len(dataset.alliances),
                               "seed": args.seed, "generate_s": generate_s}
    if args.only != "neo4j":
        figures["embedded"] = embedded(dataset, args.queries, args.seed, args.departement)
    on_neo4j = neo4j(dataset, args.queries, args.seed, args.departement) if args.only != "embedded" else None
    if on_neo4j is not None:
        figures["neo4j"] = on_neo4j
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        _print(figures)
    return figures


def _print(figures: dict[str, Any], indent: str = "") -> None:
    for key, value in figures.items():
        if isinstance(value, dict):
            print(f"{indent}{key}")
            _print(value, indent + "  ")
        elif isinstance(value, float):
            print(f"{indent}{key:48} {value:.3f}")
        else:
            print(f"{indent}{key:48} {value}")


if __name__ == "__main__":
    main()
