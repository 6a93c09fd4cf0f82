"""Benchmark of the embedded store on a large synthetic dataset (a script, not a test).

    .venv/bin/python benchmarks/bench_memory_store.py               # 100,000 actors, seed 7
    .venv/bin/python benchmarks/bench_memory_store.py --actors 130000   # busiest département ~5,000
    .venv/bin/python benchmarks/bench_memory_store.py --actors 20000 --json

Actors sit on real communes drawn with probability proportional to population, plus EPCI- and
département-wide ones; each has 1 to 4 SDGs. The script measures: opening a fresh store (reference
data parsed, hierarchy loaded) in a new process; loading the dataset; reopening the persisted
state; peak RSS; top-10 overlaps of 50 random actors at commune level (p50, p95); all overlap
pairs among the actors of the busiest département (the Nord: about 3,900 actors at 100,000, 5,000
at 130,000); coverage of a région by département. Wall-clock and CPU seconds are both reported: on
a shared machine the difference is time spent waiting for a core.
Targets (issue 2): load 100k < 30 s and < 2 GB RSS; top-10 p95 < 200 ms; pairs among ~5,000 < 2 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ecosystem.model import Actor, ActorKind, Alliance, Dataset, Level, MemberRole, Membership, Policy  # noqa: E402
from ecosystem.reference import reference  # noqa: E402
from ecosystem.reference.territories import Hierarchy  # noqa: E402

KINDS = tuple(ActorKind)
SHARE_EPCI, SHARE_DEPARTEMENT = 0.09, 0.03  # the rest acts in one commune (5 % of them in two)


def synthetic_dataset(hierarchy: Hierarchy, actors: int, seed: int) -> Dataset:
    """A reproducible dataset of `actors` actors, with a few alliances and policies."""
    rng = np.random.default_rng(seed)
    communes = hierarchy.commune_ids
    weights = np.asarray([hierarchy[c].population for c in communes], dtype=np.float64)
    weights /= weights.sum()
    drawn = rng.choice(len(communes), size=2 * actors, p=weights)
    level = rng.random(actors)
    records: list[Actor] = []
    for i in range(actors):
        commune = communes[drawn[i]]
        if level[i] < SHARE_DEPARTEMENT:
            places: tuple[str, ...] = (hierarchy.ancestor(commune, Level.DEPARTEMENT) or commune,)
        elif level[i] < SHARE_DEPARTEMENT + SHARE_EPCI:
            places = (hierarchy.ancestor(commune, Level.EPCI) or commune,)
        elif level[i] < SHARE_DEPARTEMENT + SHARE_EPCI + 0.05:
            places = tuple(dict.fromkeys((commune, communes[drawn[actors + i]])))
        else:
            places = (commune,)
        sdgs = tuple(sorted(rng.choice(17, size=int(rng.integers(1, 5)), replace=False) + 1))
        records.append(Actor(f"a{i:06d}", f"Acteur {i}", KINDS[int(rng.integers(len(KINDS)))], places,
                             tuple(int(s) for s in sdgs), active=bool(rng.random() > 0.02)))
    alliances, memberships, policies = [], [], []
    for k in range(actors // 100):
        members = rng.choice(actors, size=int(rng.integers(2, 9)), replace=False)
        anchor = records[int(members[0])].territories
        alliances.append(Alliance(f"al{k:05d}", f"Alliance {k}", territories=anchor,
                                  sdgs=records[int(members[0])].sdgs))
        memberships += [Membership(f"al{k:05d}", records[int(m)].id, MemberRole.PARTENAIRE) for m in members]
    for k in range(actors // 200):
        carrier = records[int(rng.integers(actors))]
        policies.append(Policy(f"po{k:05d}", f"Politique {k}", "PCAET", (carrier.id,), carrier.territories,
                               carrier.sdgs))
    return Dataset("synthetique", "Jeu synthétique", source=f"benchmark seed {seed}", actors=tuple(records),
                   policies=tuple(policies), alliances=tuple(alliances), memberships=tuple(memberships))


class PeakRss:
    """Samples the RSS with psutil every 20 ms while running (ru_maxrss is reported as well)."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        process = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, process.memory_info().rss)
            self._stop.wait(0.02)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def timed(fn: Callable[[], Any], cpu: dict[str, float] | None = None, key: str = "") -> tuple[float, Any]:
    """Wall-clock seconds and result; the process's CPU seconds go to cpu[key] when given (on a
    shared machine, wall time also counts the waits for a core)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    result = fn()
    if cpu is not None:
        cpu[key] = time.process_time() - cpu_started
    return time.perf_counter() - started, result


def fresh_process_open(state_dir: Path) -> float:
    """Seconds to import the package and open a store on `state_dir`, in a new process."""
    code = ("import time; t = time.perf_counter(); from ecosystem.store.memory import MemoryStore; "
            f"MemoryStore({str(state_dir)!r}); print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=50, help="random actors for the top-10 timing")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    from ecosystem.store.memory import MemoryStore

    figures: dict[str, Any] = {"actors": args.actors, "seed": args.seed}
    cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "embedded"
        figures["open_empty_fresh_process_s"] = fresh_process_open(Path(tmp) / "empty")
        hierarchy = reference().hierarchy
        figures["generate_s"], dataset = timed(lambda: synthetic_dataset(hierarchy, args.actors, args.seed))
        with PeakRss() as rss:
            figures["open_empty_in_process_s"], store = timed(lambda: MemoryStore(state))
            figures["load_s"], report = timed(lambda: store.load(dataset), cpu, "load_cpu_s")
            figures["load_status"] = report.status
            figures["relationships"] = report.relationships
            figures["reload_same_s"], _ = timed(lambda: store.load(dataset))
            figures["reopen_s"], reopened = timed(lambda: MemoryStore(state), cpu, "reopen_cpu_s")
            del reopened

            rng = np.random.default_rng(args.seed + 1)
            actors = [a for a in dataset.actors if a.active]
            picks = [actors[int(i)] for i in rng.choice(len(actors), size=args.queries, replace=False)]

            def top10(a: Actor) -> list:
                return store.overlap_counts(a.territories, a.all_sdgs, Level.COMMUNE, exclude=[a.id],
                                            limit=10)

            figures["first_query_builds_matrices_s"], _ = timed(lambda: top10(picks[0]))
            times, cpu_times = [], []
            for a in picks:
                times.append(timed(lambda a=a: top10(a), cpu, "top10")[0])
                cpu_times.append(cpu["top10"])
            del cpu["top10"]
            figures["top10_p50_ms"] = 1000 * float(np.percentile(times, 50))
            figures["top10_p95_ms"] = 1000 * float(np.percentile(times, 95))
            cpu["top10_p95_cpu_ms"] = 1000 * float(np.percentile(cpu_times, 95))

            counts = {d.id: len(store.actors_in([d.id])) for d in hierarchy.by_level[Level.DEPARTEMENT]}
            busiest = max(counts, key=lambda d: (counts[d], d))
            figures["pairs_departement"] = busiest
            figures["pairs_departement_actors"] = counts[busiest]
            store.overlap_pairs(busiest, Level.COMMUNE, limit=1)  # presence at this level already built
            figures["pairs_all_s"], pairs = timed(lambda: store.overlap_pairs(busiest, Level.COMMUNE), cpu,
                                                  "pairs_all_cpu_s")
            figures["pairs_count"] = len(pairs)
            figures["pairs_top100_s"], _ = timed(
                lambda: store.overlap_pairs(busiest, Level.COMMUNE, limit=100))
            region = hierarchy[busiest].parents[0]
            store.coverage(region, Level.DEPARTEMENT)
            figures["coverage_region"] = region
            figures["coverage_region_by_departement_s"], cells = timed(
                lambda: store.coverage(region, Level.DEPARTEMENT))
            figures["coverage_cells"] = len(cells)
            figures["coverage_france_by_commune_s"], _ = timed(
                lambda: store.coverage("pays:FR", Level.COMMUNE))
        figures.update(cpu)
        figures["peak_rss_mb_psutil"] = rss.peak / 2**20
        figures["peak_rss_mb_ru_maxrss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures["state_mb"] = sum(p.stat().st_size for p in state.rglob("*") if p.is_file()) / 2**20
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for key, value in figures.items():
            print(f"{key:40} {value:.3f}" if isinstance(value, float) else f"{key:40} {value}")
    return figures


if __name__ == "__main__":
    main()
