"""Neo4j loads at 1M actors (issue 17, items 4 and 2): the staged load against the naive baseline, and
coverage of a région before (walked from the records) and after (read from the loads' roll-up).

    .venv/bin/python -m benchmarks.neo4j_load --actors 1000000      # ~10 min of both cores

One run, on the benchmark server of `benchmarks.neo4j_bench` (its own folder, port, heap and page
cache; a fresh database, stopped at the end): the generated dataset (seeded, kept in
.ecosystem-bench/datasets/ after the first run, since generating 1M actors costs minutes of CPU) is
loaded the store's way, with the CPU seconds of the loading process and of the server beside the
wall time and the load average (the machine is shared, and wall times follow its load); then the
naive one-query-per-actor load on a sample, extrapolated; then `analysis.coverage` of the busiest
région by département, first with the roll-up unmarked (the records are walked, as before the
roll-up) and then from it, the same number of calls each after one warm-up. Both answers are
compared. Figures go to docs/benchmarks.md under "Neo4j loads at 1M actors" (`--out`).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import psutil

from benchmarks import bench_neo4j_store as bench
from benchmarks import doc_sections
from benchmarks.latency import busiest, percentiles
from benchmarks.neo4j_bench import HEAP, NAIVE_ACTORS, PAGECACHE, PORT, STATE_DIR
from ecosystem import neo4j_server
from ecosystem.analysis.coverage import coverage
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Dataset, Level
from ecosystem.store.neo4j import rollup
from ecosystem.store.neo4j.load import WRITERS
from ecosystem.store.neo4j.store import Neo4jStore

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATASETS = STATE_DIR / "datasets"
HEADING = "## Neo4j loads at 1M actors"
COVERAGE_CALLS = 20
# The same load before issue 17, item 4 (one index seek per reference relationship), measured by this
# script on 2026-12-05 at 01:59 UTC; kept so that the section shows before and after side by side.
BEFORE = {"seconds": 546.73, "relationships": 5_800_517, "relationships_per_s": 10_610,
          "cpu_s": {"loader": 43.6, "server": 182.7}, "load_average": {"before": 29.5, "after": 15.7},
          "quieter_seconds": 257}
# The current staging with one writer instead of two, measured by this script at 07:53 UTC the same day
# (load average 6.4 before, 8.8 after): why the loader keeps two (docs/architecture.md).
ONE_WRITER = {"seconds": 334.6, "relationships_per_s": 17_336, "cpu_s": {"loader": 47.3, "server": 152.1}}


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def dataset_of(actors: int, seed: int) -> Dataset:
    """The generated dataset, from the benchmark's own cache when an earlier run made it (this
    script writes and reads that file only: it is never someone else's pickle)."""
    path = DATASETS / f"actors-{actors}-seed-{seed}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    dataset = generate(GeneratorSpec(actors=actors, seed=seed))
    DATASETS.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL))
    return dataset


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load_with_cpu(store: Neo4jStore, dataset: Dataset, server: psutil.Process) -> dict[str, Any]:
    """The staged load (bench.load_staged: wall, phases, heap) with the CPU seconds of this process
    (row building, the driver) and of the server, and the 1-minute load average around it."""
    before = (_cpu_self(), sum(server.cpu_times()[:2]), os.getloadavg()[0])
    figures = bench.load_staged(store, dataset)
    figures["cpu_s"] = {"loader": round(_cpu_self() - before[0], 1),
                        "server": round(sum(server.cpu_times()[:2]) - before[1], 1)}
    figures["load_average"] = {"before": round(before[2], 1), "after": round(os.getloadavg()[0], 1)}
    return figures


def _timed_calls(store: Neo4jStore, region: str, calls: int) -> tuple[dict[str, float], list]:
    answer = coverage(store, region, Level.DEPARTEMENT)  # warm-up: plans cached, pages hot
    seconds = []
    for _ in range(calls):
        started = time.perf_counter()
        coverage(store, region, Level.DEPARTEMENT)
        seconds.append(time.perf_counter() - started)
    return percentiles(seconds), answer


def coverage_before_after(store: Neo4jStore, dataset: Dataset, calls: int = COVERAGE_CALLS) -> dict[str, Any]:
    """Coverage of the busiest région by département, walked (roll-up unmarked) then rolled up."""
    region = busiest(dataset, Level.REGION)
    live = store.runner.read("dataset_state", dataset=dataset.id)[0]["live"]
    store.runner.write("coverage_forget")
    assert not rollup.ready(store.runner)
    load_before = os.getloadavg()[0]
    walked, walked_answer = _timed_calls(store, region, calls)
    store.runner.write("version_rollup", version=live, rollup=rollup.ROLLUP)
    assert rollup.ready(store.runner)
    rolled, rolled_answer = _timed_calls(store, region, calls)
    return {"territory": region, "level": "departement", "walked": walked, "rollup": rolled,
            "same_answer": walked_answer == rolled_answer,
            "load_average": {"before": round(load_before, 1), "after": round(os.getloadavg()[0], 1)}}


def run(actors: int, seed: int) -> dict[str, Any]:
    """Start the benchmark server on a fresh database, measure, stop it (even on failure)."""
    from ecosystem.settings import get

    _log(f"neo4j load: dataset of {actors:,} actors…")
    dataset = dataset_of(actors, seed)
    data_dir = neo4j_server.Layout.of(STATE_DIR).data_dir
    if not neo4j_server.status(STATE_DIR).running and data_dir.exists():
        shutil.rmtree(data_dir)
    _log(f"neo4j load: starting the benchmark server in {STATE_DIR} on port {PORT}…")
    status = neo4j_server.start(STATE_DIR, port=PORT, heap=HEAP, pagecache=PAGECACHE,
                                version=get("ECOSYSTEM_NEO4J_VERSION"), password=None,
                                java=get("ECOSYSTEM_JAVA") or None, timeout=300)
    try:
        env = neo4j_server.connection_env(STATE_DIR)
        cfg = bench.Config(uri=env["NEO4J_URI"], user=env["NEO4J_USER"], password=env["NEO4J_PASSWORD"],
                           echo=False)
        store, _ = bench.wipe_and_load_reference(cfg)
        server = psutil.Process(status.pid)
        _log("neo4j load: staged load…")
        staged = load_with_cpu(store, dataset, server)
        _log("neo4j load: naive baseline on a sample…")
        naive = bench.load_naive(store, dataset, min(NAIVE_ACTORS, len(dataset.actors)))
        _log("neo4j load: coverage of a région, walked then rolled up…")
        covered = coverage_before_after(store, dataset)
        store.close()
    finally:
        neo4j_server.stop(STATE_DIR)
    return {"actors": actors, "seed": seed, "server": {"version": status.version, "heap": HEAP,
                                                       "pagecache": PAGECACHE},
            "cpus": os.cpu_count(), "writers": WRITERS,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "load": staged, "naive": naive,
            "speed_up": round(naive["extrapolated_seconds_for_dataset"] / staged["seconds"], 1),
            "coverage": covered}


def section(f: dict[str, Any]) -> str:
    load, naive, cov = f["load"], f["naive"], f["coverage"]
    phases = ", ".join(f"{name} {seconds:g} s" for name, seconds in load["phases_s"].items())
    walked, rolled = cov["walked"], cov["rollup"]
    cpu = load["cpu_s"]["loader"] + load["cpu_s"]["server"]
    per_cpu = load["relationships"] / cpu
    writers = f.get("writers", WRITERS)
    best = max(cpu / f["cpus"], load["cpu_s"]["server"] / writers)  # cores, or the writers' threads
    rows = [
        ("staged load", f"{load['rows']:,} rows, {load['relationships']:,} relationships in "
                        f"{load['seconds']:g} s: **{load['relationships_per_s']:,} relationships/s** "
                        f"({load['rows_per_s']:,} rows/s)"),
        ("phases", phases),
        ("CPU seconds", f"loader {load['cpu_s']['loader']:g} s, server {load['cpu_s']['server']:g} s: "
                        f"{per_cpu:,.0f} relationships per CPU second, "
                        f"{load['cpu_s']['server'] / load['relationships'] * 1e6:.1f} µs of server CPU per "
                        f"relationship; on {f['cpus']} idle cores at best {best:,.0f} s, "
                        f"{load['relationships'] / best:,.0f} relationships/s (an estimate, not a measure: "
                        f"the server's share runs on {writers} writing transaction(s) at a time)"),
        ("load average (1 min)", f"{load['load_average']['before']:g} before, "
                                 f"{load['load_average']['after']:g} after"),
        ("server heap, biggest transaction", f"{load['heap_used_max_mb']:,.0f} MB, "
                                             f"{load['transaction_max_mb']:,.0f} MB"),
        ("naive (one query per actor)", f"{naive['relationships_per_s']:,} relationships/s on "
                                        f"{naive['sample_rows']:,} actors, "
                                        f"{naive['extrapolated_seconds_for_dataset']:,.0f} s extrapolated: "
                                        f"**{f['speed_up']:g}x**"),
        (f"coverage of {cov['territory']} by département, walked (p50 / p95)",
         f"{walked['p50_ms']:,.0f} / {walked['p95_ms']:,.0f} ms"),
        (f"coverage of {cov['territory']} by département, roll-up (p50 / p95)",
         f"**{rolled['p50_ms']:,.0f} / {rolled['p95_ms']:,.0f} ms** ({rolled['runs']} calls each; "
         f"the same answer: {'yes' if cov['same_answer'] else 'NO'})"),
    ]
    b = BEFORE
    b_cpu = b["cpu_s"]["loader"] + b["cpu_s"]["server"]
    rows[6:6] = [
        ("staged load before (previous staging of actors)",
         f"{b['relationships']:,} relationships in {b['seconds']:g} s: {b['relationships_per_s']:,} "
         f"relationships/s at a load average of {b['load_average']['before']:g}; a quieter run of the "
         f"same dataset took {b['quieter_seconds']:g} s ({b['relationships'] / b['quieter_seconds']:,.0f} "
         "relationships/s)"),
        ("CPU seconds before", f"loader {b['cpu_s']['loader']:g} s, server {b['cpu_s']['server']:g} s: "
                               f"{b['relationships'] / b_cpu:,.0f} relationships per CPU second, "
                               f"{b['cpu_s']['server'] / b['relationships'] * 1e6:.1f} µs of server CPU "
                               "per relationship"),
    ]
    one = ONE_WRITER
    rows.insert(8, ("the same staging with one writer",
                    f"{one['seconds']:g} s, {one['relationships_per_s']:,} relationships/s; loader "
                    f"{one['cpu_s']['loader']:g} s and server {one['cpu_s']['server']:g} s of CPU "
                    f"({one['cpu_s']['server'] / b['relationships'] * 1e6:.1f} µs per relationship, on one "
                    f"server thread: at best {b['relationships'] / one['cpu_s']['server']:,.0f} "
                    "relationships/s)"))
    table = "\n".join(f"| {what} | {figure} |" for what, figure in rows)
    return (f"{HEADING}\n\n"
            f"`.venv/bin/python -m benchmarks.neo4j_load --actors {f['actors']}` (issue 17, items 4 and 2), "
            f"{f['date']}, {f['cpus']} shared cores, Neo4j {f['server']['version']} with a "
            f"{f['server']['heap']} heap and a {f['server']['pagecache']} page cache. The suite's Loading "
            "table measures the same load (`python -m benchmarks.suite --neo4j-sizes 1000000`).\n\n"
            f"| what | figure |\n|---|---|\n{table}\n\n"
            "Wall times follow the machine's load (other processes share its cores): the CPU seconds "
            "say what the load itself costs. The coverage calls are `analysis.coverage`, as the app "
            "makes them; \"walked\" is the store with its roll-up unmarked, which reads the records "
            "as every coverage did before the roll-up. Targets (issue 17): a load at 60,000 "
            "relationships/s or more and at least 20x the naive one; coverage under 1 s p95.\n")


def write_section(figures: dict[str, Any], docs: Path = DOCS) -> None:
    """Replace (or add) this section of docs/benchmarks.md, leaving the others as they are."""
    doc_sections.write(docs / "benchmarks.md", HEADING, section(figures), keep_subsections=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    figures = run(args.actors, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    json_path = args.out / "benchmarks-neo4j-load.json"
    json_path.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    write_section(figures, args.out)
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
