"""Embedded store figures for one size, in a process of its own (so peak RSS is this size's alone).

    .venv/bin/python -m benchmarks.embedded --actors 100000 --seed 1     # prints one JSON object

Measured: the reference hierarchy's build, the dataset load, each against the naive way people
usually write it (one add_node / add_edge call per row, each row validated on its own), measured in
the same run; peak resident memory; the latencies of benchmarks.latency.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from benchmarks.latency import measure
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import SDG_NUMBERS, Dataset
from ecosystem.reference import Reference, reference
from ecosystem.store.memory import MemoryStore
from ecosystem.store.memory.graph import reference_graph
from ecosystem.store.rules import relationship_count

NAIVE_SAMPLE = 100_000  # beyond this many actors the naive load is timed on a sample, then extrapolated


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def naive_hierarchy(ref: Reference) -> tuple[float, int, int]:
    """One add_node per territory and one add_edge per parent, each parent checked: (s, rows, rels)."""
    started = time.perf_counter()
    graph = nx.DiGraph()
    known = set()
    rels = 0
    for t in ref.hierarchy:
        graph.add_node(("Territory", t.id), record=t)
        known.add(t.id)
    for t in ref.hierarchy:
        for parent in t.parents:
            if parent not in known:
                raise ValueError(parent)
            graph.add_edge(("Territory", t.id), ("Territory", parent), type="PART_OF")
            rels += 1
    return time.perf_counter() - started, len(known), rels


def naive_dataset(dataset: Dataset, ref: Reference) -> tuple[float, int, int]:
    """One call per node and per relationship, each row validated as it comes."""
    h, levers = ref.hierarchy, {lv.id for lv in ref.levers}
    started = time.perf_counter()
    graph = nx.MultiDiGraph()
    rels = 0
    for a in dataset.actors:
        if not a.id or not a.name or any(t not in h for t in a.territories):
            raise ValueError(a.id)
        if any(n not in SDG_NUMBERS for n in a.all_sdgs):
            raise ValueError(a.id)
        if any(m not in levers for m in (*a.offers, *a.needs)):
            raise ValueError(a.id)
        graph.add_node(("Actor", a.id), record=a, dataset=dataset.id)
        for t in a.territories:
            graph.add_edge(("Actor", a.id), ("Territory", t), type="ACTS_IN")
        for n in a.all_sdgs:
            graph.add_edge(("Actor", a.id), ("SDG", n), type="CONTRIBUTES_TO")
        for m in a.offers:
            graph.add_edge(("Actor", a.id), ("Lever", m), type="OFFERS")
        for m in a.needs:
            graph.add_edge(("Actor", a.id), ("Lever", m), type="NEEDS")
        rels += len(a.territories) + len(a.all_sdgs) + len(a.offers) + len(a.needs)
    for p in dataset.policies:
        graph.add_node(("Policy", p.id), record=p, dataset=dataset.id)
        for c in p.carriers:
            if not graph.has_node(("Actor", c)):
                raise ValueError(c)
            graph.add_edge(("Actor", c), ("Policy", p.id), type="CARRIES")
        for t in p.territories:
            graph.add_edge(("Policy", p.id), ("Territory", t), type="COVERS")
        for n in p.sdgs:
            graph.add_edge(("Policy", p.id), ("SDG", n), type="ADDRESSES")
        rels += len(p.carriers) + len(p.territories) + len(p.sdgs)
    for al in dataset.alliances:
        graph.add_node(("Alliance", al.id), record=al, dataset=dataset.id)
        for t in al.territories:
            graph.add_edge(("Alliance", al.id), ("Territory", t), type="ANCHORED_IN")
        for n in al.sdgs:
            graph.add_edge(("Alliance", al.id), ("SDG", n), type="TARGETS")
        for p in al.policies:
            graph.add_edge(("Alliance", al.id), ("Policy", p), type="ALIGNS_WITH")
        rels += len(al.territories) + len(al.sdgs) + len(al.policies)
    for m in dataset.memberships:
        if not graph.has_node(("Actor", m.actor)) or not graph.has_node(("Alliance", m.alliance)):
            raise ValueError(m)
        graph.add_edge(("Actor", m.actor), ("Alliance", m.alliance), type="MEMBER_OF", role=m.role.value)
        rels += 1
    for s in dataset.assessments:
        graph.add_edge(("Alliance", s.alliance), ("Lever", s.lever), type="ASSESSED", on=s.on, score=s.score)
        rels += 1
    return time.perf_counter() - started, dataset.row_count, rels


def run(actors: int, seed: int, latencies: bool = True) -> dict[str, Any]:
    figures: dict[str, Any] = {"actors": actors, "seed": seed}
    started = time.perf_counter()
    ref = reference()
    reference_graph(ref)
    seconds = time.perf_counter() - started
    rows, rels = len(ref.hierarchy), sum(len(t.parents) for t in ref.hierarchy)
    figures["hierarchy"] = {"seconds": round(seconds, 3), "rows": rows, "relationships": rels,
                            "rows_per_s": round(rows / seconds), "rels_per_s": round(rels / seconds),
                            "includes": "parsing the shipped CSV files and building the graph"}
    naive_s, rows, rels = naive_hierarchy(ref)
    figures["hierarchy_naive"] = {"seconds": round(naive_s, 3), "rows": rows, "relationships": rels,
                                  "includes": "building the graph only (CSV already parsed)"}

    started = time.perf_counter()
    dataset = generate(GeneratorSpec(actors=actors, seed=seed))
    figures["generate_seconds"] = round(time.perf_counter() - started, 2)
    rss_before = _rss_mb()

    with tempfile.TemporaryDirectory() as tmp:
        store = MemoryStore(Path(tmp) / "embedded")
        started = time.perf_counter()
        report = store.load(dataset)
        seconds = time.perf_counter() - started
        figures["load"] = {"seconds": round(seconds, 2), "rows": report.rows,
                           "relationships": report.relationships, "rows_per_s": round(report.rows / seconds),
                           "rels_per_s": round(report.relationships / seconds)}
        figures["peak_rss_mb_after_load"] = round(_rss_mb())
        figures["rss_mb_before_load"] = round(rss_before)
        if latencies:
            figures["latency"] = measure(store, dataset)
        figures["peak_rss_mb"] = round(_rss_mb())

    sample = dataset
    if actors > NAIVE_SAMPLE:  # same shape, fewer actors: time per row is what is extrapolated
        sample = generate(GeneratorSpec(actors=NAIVE_SAMPLE, seed=seed))
    naive_s, rows, rels = naive_dataset(sample, ref)
    scale = dataset.row_count / sample.row_count
    figures["load_naive"] = {"seconds": round(naive_s * scale, 2), "rows": dataset.row_count,
                             "relationships": relationship_count(dataset),
                             "extrapolated_from_actors": NAIVE_SAMPLE if sample is not dataset else None,
                             "rows_per_s": round(rows / naive_s), "rels_per_s": round(rels / naive_s),
                             "includes_persistence": False}
    figures["load"]["includes_persistence"] = True
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-latency", action="store_true")
    args = parser.parse_args(argv)
    json.dump(run(args.actors, args.seed, not args.no_latency), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
