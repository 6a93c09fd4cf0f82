"""Neo4j figures for the benchmark suite, on the project's own local server started for the run.

    .venv/bin/python -m benchmarks.neo4j_bench --sizes 1000 10000     # prints one JSON object

The server lives in `.ecosystem-bench/` (its own port, heap and page cache; a fresh database each
run) and is stopped at the end, so a run never touches the developer's or the tests' databases. Per size:
the store's staged load against the naive one-`MERGE`-per-row baseline measured in the same run (on
a sample of actors, extrapolated and marked so), a re-import with 1% of the actors changed, the
highest server heap seen during the load, the store's size on disk, and the user-facing latencies
of `benchmarks.latency` (the same calls as for the embedded store).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import bench_neo4j_store as bench
from benchmarks.latency import measure
from ecosystem import neo4j_server
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.reference import reference
from ecosystem.store.neo4j import cypher
from ecosystem.store.neo4j.store import Neo4jStore
from ecosystem.store.neo4j.versions import collect_garbage

ROOT = Path(__file__).resolve().parent.parent
STATE_DIR = ROOT / ".ecosystem-bench"
PORT = int(os.environ.get("ECOSYSTEM_BENCH_NEO4J_PORT", "7699"))
HEAP = os.environ.get("ECOSYSTEM_BENCH_NEO4J_HEAP", "2g")  # issue 6: 1M actors with ~2 GB of heap
PAGECACHE = os.environ.get("ECOSYSTEM_BENCH_NEO4J_PAGECACHE", "2g")
NAIVE_ACTORS = 2000  # actors loaded the naive way; the rest is extrapolated
NAIVE_TERRITORIES = 3000
REPLACE_UP_TO = 100_000  # sizes whose 1% re-import is measured (at 1M it is another full stage)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def naive_hierarchy(store: Neo4jStore, sample: int = NAIVE_TERRITORIES) -> dict[str, Any]:
    """One auto-committed MERGE query per territory (with its PART_OF parents), on a sample."""
    territories = list(reference().hierarchy)[:sample]
    text = cypher.query("bench_naive_territory")
    driver, database = store.runner.driver, store.runner.database
    started = time.perf_counter()
    with driver.session(database=database) as session:
        for t in territories:
            session.run(text, id=t.id, props={"name": t.name, "level": t.level.value},
                        parents=list(t.parents)).consume()
    seconds = time.perf_counter() - started
    store.runner.autocommit("bench_delete_naive_territories")
    rate = len(territories) / seconds
    return {"sample_rows": len(territories), "sample_seconds": round(seconds, 2),
            "rows_per_s": round(rate), "seconds": round(len(reference().hierarchy) / rate, 1),
            "extrapolated_from_rows": len(territories)}


def _load_figures(staged: dict[str, Any]) -> dict[str, Any]:
    return {"rows": staged["rows"], "relationships": staged["relationships"], "seconds": staged["seconds"],
            "rows_per_s": staged["rows_per_s"], "rels_per_s": staged["relationships_per_s"],
            "phases_s": staged["phases_s"], "transaction_max_mb": staged["transaction_max_mb"]}


def one_size(store: Neo4jStore, size: int, seed: int, data_dir: Path) -> dict[str, Any]:
    for info in store.datasets():
        store.remove_dataset(info.id)
    collect_garbage(store.runner)
    dataset = generate(GeneratorSpec(actors=size, seed=seed))
    _log(f"neo4j, {size:,} actors: load…")
    staged = bench.load_staged(store, dataset)
    naive = bench.load_naive(store, dataset, min(NAIVE_ACTORS, len(dataset.actors)))
    entry: dict[str, Any] = {
        "load": _load_figures(staged),
        "load_naive": {"seconds": naive["extrapolated_seconds_for_dataset"],
                       "rows_per_s": naive["rows_per_s"],
                       "rels_per_s": naive["relationships_per_s"], "sample_seconds": naive["seconds"],
                       "extrapolated_from_actors": naive["sample_rows"]},
        "heap_peak_mb": staged["heap_used_max_mb"],
    }
    if size <= REPLACE_UP_TO:
        _log(f"neo4j, {size:,} actors: re-import with 1% changed…")
        entry["replace_1pct"] = bench.load_replacement(store, dataset, 0.01, seed)
    disk = bench.disk(store, data_dir) or {}
    entry["store_size_mb"] = disk.get("store_mb")
    _log(f"neo4j, {size:,} actors: latencies…")
    entry["latency"] = measure(store, dataset)
    entry["heap_after"] = bench.heap(store)
    return entry


def run_all(sizes: list[int], seed: int) -> dict[str, Any]:
    """Start the bench server, measure every size, stop the server (even on failure)."""
    from ecosystem.settings import get

    data_dir = neo4j_server.Layout.of(STATE_DIR).data_dir
    if not neo4j_server.status(STATE_DIR).running and data_dir.exists():
        shutil.rmtree(data_dir)  # a fresh database: store files never shrink, so sizes would carry over
    _log(f"neo4j: starting the benchmark server in {STATE_DIR} (heap {HEAP}, page cache {PAGECACHE})…")
    status = neo4j_server.start(STATE_DIR, port=PORT, heap=HEAP, pagecache=PAGECACHE,
                                version=get("ECOSYSTEM_NEO4J_VERSION"), password=None,
                                java=get("ECOSYSTEM_JAVA") or None, timeout=300)
    try:
        env = neo4j_server.connection_env(STATE_DIR)
        cfg = bench.Config(uri=env["NEO4J_URI"], user=env["NEO4J_USER"], password=env["NEO4J_PASSWORD"],
                           echo=False)
        _log("neo4j: territorial hierarchy…")
        store, hierarchy = bench.wipe_and_load_reference(cfg)
        figures: dict[str, Any] = {
            "server": {"version": status.version, "heap": HEAP, "pagecache": PAGECACHE},
            "hierarchy": {"rows": hierarchy["nodes"], "relationships": hierarchy["relationships"],
                          "seconds": hierarchy["seconds"], "rows_per_s": hierarchy["nodes_per_s"],
                          "rels_per_s": hierarchy["relationships_per_s"]},
            "hierarchy_naive": naive_hierarchy(store),
        }
        for size in sizes:
            figures[str(size)] = one_size(store, size, seed, data_dir)
        store.close()
        return figures
    finally:
        neo4j_server.stop(STATE_DIR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(json.dumps(run_all(args.sizes, args.seed), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
