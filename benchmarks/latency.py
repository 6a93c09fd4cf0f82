"""Latencies of what users ask, on any store: the same calls the app and the CLI make.

Each measure calls the analysis (store queries included) after one warm-up call, on random
subjects drawn with a fixed seed, and reports p50/p95/max in milliseconds.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np

from ecosystem.analysis.coverage import coverage
from ecosystem.analysis.diagnosis import diagnose
from ecosystem.analysis.overlap import pairs_in, top_overlaps
from ecosystem.analysis.thresholds import DUPLICATE_MIN_JACCARD
from ecosystem.model import Dataset, Level
from ecosystem.reference import reference
from ecosystem.store.base import Store
from ecosystem.ui.map import MapSelection, build_map

MAP_NODES = 2000


def percentiles(seconds: list[float]) -> dict[str, float]:
    ms = np.asarray(seconds, dtype=float) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 1),
            "p95_ms": round(float(np.percentile(ms, 95)), 1),
            "max_ms": round(float(ms.max()), 1), "runs": len(seconds)}


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _repeat(calls: list[Callable[[], Any]]) -> dict[str, float]:
    calls[0]()  # warm-up: caches, matrices, JIT of the query planner
    return percentiles([timed(call) for call in calls])


def busiest(dataset: Dataset, level: Level) -> str:
    """The territory of `level` holding the most actors acting in one of its communes."""
    h = reference().hierarchy
    counts: Counter[str] = Counter()
    for actor in dataset.actors:
        for t in actor.territories:
            if h[t].level == Level.COMMUNE:
                ancestor = h.ancestor(t, level) if level != Level.COMMUNE else t
                if ancestor:
                    counts[ancestor] += 1
    return counts.most_common(1)[0][0]


def departement_near(dataset: Dataset, target: int = 5000, min_communes: int = 100) -> tuple[str, int]:
    """The département (with at least `min_communes` communes) whose active actors, counted as
    actors_in counts them, come closest to `target`. Issue 4's target is about a typical
    département of ~5,000 actors; at 1M actors the busiest one (Paris, one commune) holds ~50,000
    actors that all meet each other, a different question (see docs/benchmarks.md, notes)."""
    h = reference().hierarchy
    per: Counter[str] = Counter()
    for actor in dataset.actors:
        if actor.active:
            for d in h.presence(actor.territories, Level.DEPARTEMENT):
                if h.commune_count(d) >= min_communes:
                    per[d] += 1
    best = min(per, key=lambda d: (abs(per[d] - target), d))
    return best, per[best]


def map_territory(dataset: Dataset, nodes: int = MAP_NODES) -> tuple[str, int]:
    """The EPCI or département whose actors come closest to `nodes`, for the map measure."""
    h = reference().hierarchy
    counts: Counter[str] = Counter()
    for actor in dataset.actors:
        for t in actor.territories:
            if h[t].level == Level.COMMUNE:
                for level in (Level.EPCI, Level.DEPARTEMENT):
                    ancestor = h.ancestor(t, level)
                    if ancestor:
                        counts[ancestor] += 1
    territory, count = min(counts.items(), key=lambda kv: (abs(kv[1] - nodes), kv[0]))
    return territory, count


def measure(store: Store, dataset: Dataset, queries: int = 30, seed: int = 11) -> dict[str, Any]:
    """p50/p95 of the user-facing questions on `store`, which holds `dataset`."""
    rng = np.random.default_rng(seed)
    figures: dict[str, Any] = {}
    active = [a for a in dataset.actors if a.active and a.all_sdgs]
    picks = [active[int(i)] for i in rng.choice(len(active), size=min(queries, len(active)), replace=False)]
    figures["top10_overlaps"] = _repeat([lambda a=a: top_overlaps(store, a.id, k=10) for a in picks])

    departement, actors = departement_near(dataset)
    figures["duplicate_pairs_in_departement"] = {
        "territory": departement, "actors": actors,
        **_repeat([lambda: pairs_in(store, departement, Level.COMMUNE,
                                    min_jaccard=DUPLICATE_MIN_JACCARD)] * 4),
    }
    region = busiest(dataset, Level.REGION)
    figures["coverage_of_region"] = {
        "territory": region, "level": "departement",
        **_repeat([lambda: coverage(store, region, Level.DEPARTEMENT)] * 4),
    }
    if dataset.alliances:
        chosen = [dataset.alliances[int(i)]
                  for i in rng.choice(len(dataset.alliances), size=min(queries, len(dataset.alliances)),
                                      replace=False)]
        figures["diagnosis"] = _repeat([lambda a=a: diagnose(store, a) for a in chosen])
    territory, count = map_territory(dataset)
    figures["map_subgraph"] = {
        "territory": territory, "actors": count,
        **_repeat([lambda: build_map(store, MapSelection(territory=territory))] * 4),
    }
    return figures
