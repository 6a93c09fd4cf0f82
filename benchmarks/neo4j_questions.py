"""Issue 17, item 2: the users' big questions on Neo4j, before and after, in the same run.

    .venv/bin/python -m benchmarks.neo4j_questions --actors 1000000 --diagnosis-actors 100000

At `--actors` (1M): the duplicate groups of a département (the Overlaps page's question) and its duplicate
pairs (the best 500, the CLI's listing), the map of ~2,000 actors, the top-10 overlaps of national
actors and of random actors; at `--diagnosis-actors` (100k): the charter diagnosis of 30 alliances.
"Before" is the code this work replaced, run on the same server and data: `BaselineStore` reads the
old query texts kept in benchmarks/baseline_queries/ (a record per row, the pairs in Cypher, the
walk for every overlap subject), `Hierarchy.presence` copies every projection and `most_populated`
is not cached, as before (`old_code`).

The server is the one named by NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, or else the project's own
started in `.ecosystem-bench-questions/` (port ECOSYSTEM_BENCH_NEO4J_PORT) and stopped at the end. A
dataset already live with the same content is not loaded again (a load of identical content is a
no-op), so a second run at 1M costs the measures only. Wall times are p50/p95 in milliseconds; CPU
seconds of this process and of the server's JVM are given beside them, with the load average, because
the machine is shared.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import doc_sections
from benchmarks.latency import departement_near, map_territory, percentiles
from ecosystem.analysis.thresholds import SHARED_KEPT
from ecosystem.model import Dataset, Level, Policy
from ecosystem.reference.territories import Hierarchy
from ecosystem.store.base import ActorOutline, OverlapCount, PairCount, ProfilePair
from ecosystem.store.memory.pairs import ProfileWalk
from ecosystem.store.neo4j import record_cache, rows
from ecosystem.store.neo4j.record_cache import ActorCache
from ecosystem.store.neo4j.store import EVERY_ROW, Neo4jStore

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).resolve().parent / "baseline_queries"
STATE_DIR = ROOT / ".ecosystem-bench-questions"
PORT = int(os.environ.get("ECOSYSTEM_BENCH_NEO4J_PORT", "7698"))
DOCS = ROOT / "docs" / "benchmarks.md"
HEADING = "## Neo4j questions at 1M actors"
RUNS_AFTER = 10
RUNS_BEFORE = 3  # the old duplicates of a département take tens of seconds each at 1M


class WholeActorsStore(Neo4jStore):
    """The store of this commit but for `actor_outlines(_in)`, cut down from whole actors read through
    the actor cache (`store.actors`), as the grouped map and the duplicate groups read them before
    outlines: what outlines changed, measured apart from the older work the "before" column holds."""

    def actor_outlines(self, ids: Iterable[str]) -> list[ActorOutline]:
        return [ActorOutline.of(a) for a in self.actors(ids)]

    def actor_outlines_in(self, territory_ids: Iterable[str], kinds: Iterable[Any] | None = None,
                          sdgs: Iterable[int] | None = None) -> list[ActorOutline]:
        return self.actor_outlines(self.actors_in(territory_ids, kinds, sdgs))

    def overlap_profile_walk(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                             same_kind: bool = False) -> ProfileWalk:
        """The walk without the outlines its fetch carries: the listed actors are read by id."""
        walk = super().overlap_profile_walk(territory_id, level, min_jaccard, same_kind)
        return dataclasses.replace(walk, outlines=None)


def forget_kept(store: Neo4jStore) -> None:
    """Drop the actors a store keeps (`record_cache`), as after a load: the next call is cold."""
    store._actor_cache = ActorCache(record_cache.reader(store.runner))


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _old(name: str) -> str:
    return (BASELINE / f"{name}.cypher").read_text(encoding="utf-8")


def _old_presence(self: Hierarchy, territory_ids: Iterable[str], level: Level) -> frozenset[str]:
    """Hierarchy.presence before this work: every projection copied into a new set."""
    result: set[str] = set()
    for tid in territory_ids:
        result |= self.project(tid, level)
    return frozenset(result)


def _old_most_populated(territory_ids: Iterable[str], n: int = SHARED_KEPT) -> tuple[str, ...]:
    """places.most_populated before this work: no cache."""
    from ecosystem.analysis import places

    return places._most_populated.__wrapped__(frozenset(territory_ids), n)


@contextlib.contextmanager
def old_code() -> Iterator[None]:
    """The analysis helpers as they were (presence copied, most populated places not cached)."""
    from ecosystem.analysis import complementarity, overlap

    saved = Hierarchy.presence, overlap.most_populated, complementarity.most_populated
    Hierarchy.presence = _old_presence  # type: ignore[method-assign]
    overlap.most_populated = complementarity.most_populated = _old_most_populated
    try:
        yield
    finally:
        Hierarchy.presence, overlap.most_populated, complementarity.most_populated = saved  # type: ignore


class BaselineStore(Neo4jStore):
    """The Neo4j store as it was: the same driver and server, the old query texts and shapes."""

    def _old(self, name: str, **params: Any) -> list[Any]:
        return self.runner.read_text(name, _old(name), params)

    def actors(self, ids: Iterable[str]) -> list:
        found = self._old("actors_by_id", ids=sorted(set(ids)))
        return sorted((rows.actor_from(r["props"]) for r in found), key=lambda a: a.id)

    def policies(self, ids: Iterable[str] | None = None) -> list[Policy]:
        if ids is None:
            return super().policies()
        found = self._old("policies_by_id", ids=sorted(set(ids)))
        return sorted((rows.policy_from(r["props"]) for r in found), key=lambda p: p.id)

    def actor_outlines(self, ids: Iterable[str]) -> list[ActorOutline]:
        """As the old code read them: whole actors (`store.actors`), cut down."""
        return [ActorOutline.of(a) for a in self.actors(ids)]

    def actor_outlines_in(self, territory_ids: Iterable[str], kinds: Iterable[Any] | None = None,
                          sdgs: Iterable[int] | None = None) -> list[ActorOutline]:
        """As the old map read them: the ids in the territory, then whole actors."""
        return self.actor_outlines(self.actors_in(territory_ids, kinds, sdgs))

    def alliances(self, ids: Iterable[str] | None = None) -> list:
        if ids is None:
            return super().alliances()
        found = self._old("alliances_by_id", ids=sorted(set(ids)))
        return sorted((rows.alliance_from(r["props"]) for r in found), key=lambda a: a.id)

    def actors_in(self, territory_ids: Iterable[str], kinds: Iterable[Any] | None = None,
                  sdgs: Iterable[int] | None = None) -> list[str]:
        territories = sorted(set(territory_ids))
        filters = {"kinds": None if kinds is None else sorted({k.value for k in kinds}),
                   "sdgs": None if sdgs is None else sorted(set(sdgs))}
        found = (self._old("actors_in", territories=territories, **filters) if territories
                 else self._old("actors_all", **filters))
        return sorted(r["id"] for r in found)

    def copresent(self, territories: Sequence[str], level: Level, exclude: Iterable[str] = (),
                  limit: int | None = None) -> list[tuple[str, int]]:
        found = self._old("copresent", territories=sorted(set(territories)), level=Level(level).value,
                          exclude=sorted(set(exclude)), fetch=EVERY_ROW if limit is None else limit)
        return sorted(((r["actor"], r["shared"]) for r in found), key=lambda p: (-p[1], p[0]))

    def overlap_counts(self, territories: Sequence[str], sdgs: Sequence[int], level: Level,
                       exclude: Iterable[str] = (), limit: int | None = None) -> list[OverlapCount]:
        """The walk for every subject (the wide path switched off)."""
        from ecosystem.store.neo4j import wide

        saved = wide.WIDE_COMMUNES
        wide.WIDE_COMMUNES = 10**9
        try:
            return super().overlap_counts(territories, sdgs, level, exclude, limit)
        finally:
            wide.WIDE_COMMUNES = saved

    def _profile_rows(self, territory_id: str, level: Level, min_jaccard: float, same_kind: bool,
                      fetch: int) -> list[Any]:
        return self._old("overlap_pairs", territory=territory_id, level=Level(level).value,
                         size=rows.size_key(level), same_kind=same_kind, min_jaccard=float(min_jaccard),
                         fetch=fetch)

    def overlap_profile_pairs(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                              same_kind: bool = False) -> list[ProfilePair]:
        found = self._profile_rows(territory_id, level, min_jaccard, same_kind, EVERY_ROW)
        return [ProfilePair(tuple(sorted(r["members_a"])), tuple(sorted(r["members_b"])), r["same"],
                            r["shared_territories"], r["shared_sdgs"], r["territories_a"], r["sdgs_a"],
                            r["territories_b"], r["sdgs_b"]) for r in found]

    def overlap_pair_total(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                           same_kind: bool = False) -> int:
        found = self._old("overlap_pair_total", territory=territory_id, level=Level(level).value,
                          size=rows.size_key(level), same_kind=same_kind, min_jaccard=float(min_jaccard))
        return int(found[0]["total"]) if found else 0

    def overlap_pairs(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                      same_kind: bool = False, limit: int | None = None) -> list[PairCount]:
        """The old listing: the best profile rows from Cypher (floors lowered until enough pairs)."""
        import itertools

        def expand(r: Any) -> list[tuple[float, PairCount]]:
            counts = (r["territories_a"], r["sdgs_a"], r["territories_b"], r["sdgs_b"])
            pairs = (itertools.combinations(sorted(r["members_a"]), 2) if r["same"]
                     else itertools.product(r["members_a"], r["members_b"]))
            out = []
            for a, b in pairs:
                ta, sa, tb, sb = counts if a < b else (counts[2], counts[3], counts[0], counts[1])
                out.append((r["jaccard"], PairCount(min(a, b), max(a, b), r["shared_territories"],
                                                    r["shared_sdgs"], ta, sa, tb, sb)))
            return out

        def pairs(floor: float, fetch: int) -> tuple[list[Any], list[tuple[float, PairCount]]]:
            found = self._profile_rows(territory_id, level, floor, same_kind, fetch)
            expanded = sorted((jp for r in found for jp in expand(r)),
                              key=lambda jp: (-jp[0], jp[1].a, jp[1].b))
            return found, expanded

        if limit is None:
            return [p for _, p in pairs(float(min_jaccard), EVERY_ROW)[1]]
        for floor in [*(f for f in (0.5, 0.2, 0.05) if f > min_jaccard), float(min_jaccard)]:
            found, expanded = pairs(floor, limit + 1)
            if len(expanded) >= limit:
                break
        if len(found) > limit and found[-1]["jaccard"] >= expanded[limit - 1][0]:
            found, expanded = pairs(max(float(min_jaccard), expanded[limit - 1][0]), EVERY_ROW)
        return [p for _, p in expanded[:limit]]


def _server_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) the server's JVM has used so far; 0 when its pid is unknown."""
    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(calls: Sequence[Callable[[], Any]], server_pid: int | None,
            cold: Callable[[], None] | None = None) -> dict[str, Any]:
    """p50/p95 of the calls (after one warm-up), with CPU seconds per call of both processes.

    The warm-up is the cold call, measured apart (`cold_ms`, its CPU seconds): `cold()` first
    drops what the stores keep, so it is the first call after a load, the one the app's cache
    per store revision spares nobody."""
    if cold is not None:
        cold()
    cpu, server, started = time.process_time(), _server_cpu(server_pid), time.perf_counter()
    calls[0]()
    first = {"cold_ms": round((time.perf_counter() - started) * 1000, 1),
             "cold_python_cpu_s": round(time.process_time() - cpu, 3)}
    if server_pid:
        first["cold_server_cpu_s"] = round(_server_cpu(server_pid) - server, 3)
    cpu, server = time.process_time(), _server_cpu(server_pid)
    seconds = []
    for call in calls:
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    figures = first | percentiles(seconds)
    figures["python_cpu_s_per_call"] = round((time.process_time() - cpu) / len(calls), 3)
    if server_pid:
        figures["server_cpu_s_per_call"] = round((_server_cpu(server_pid) - server) / len(calls), 3)
    return figures


BEFORE_CHOICES = ("all", "changed", "none")
"""Which questions `--before` measures the old code of: all, or only those outlines changed (the map
and the duplicate groups: the old duplicate pairs, top overlaps and diagnosis take 10 to 15
minutes at 1M and 100k on 2 shared cores, and their code did not change since their last run)."""

CHANGED = ("duplicate_groups", "map_subgraph")


def _both(name: str, before: Callable[[int], list[Callable[[], Any]]], after: Callable[[int], list],
          server_pid: int | None, same: Callable[[], bool], cold: Callable[[], None],
          run_before: bool = True) -> dict[str, Any]:
    _log(f"  {name}: after…")
    new = measure(after(RUNS_AFTER), server_pid, cold)
    if not run_before:
        return {"before": None, "after": new, "same_answer": None}
    _log(f"  {name}: before…")
    with old_code():
        old = measure(before(RUNS_BEFORE), server_pid, cold)
    return {"before": old, "after": new, "same_answer": same()}


def _ensure(store: Neo4jStore, dataset: Dataset) -> dict[str, Any]:
    for info in store.datasets():
        if info.id != dataset.id:
            store.remove_dataset(info.id)
    started = time.perf_counter()
    report = store.load(dataset)
    return {"status": report.status, "seconds": round(time.perf_counter() - started, 1)}


def questions_at(store: Neo4jStore, old: BaselineStore, whole: WholeActorsStore, dataset: Dataset,
                 pid: int | None, before: str = "all") -> dict[str, Any]:
    """The four questions of the issue at this size, before and after; the map and the duplicate
    groups also as they were just before outlines (`whole`)."""
    from benchmarks.baseline_duplicates import old_duplicate_listing
    from ecosystem.analysis.overlap import duplicate_listing, pair_listing, top_overlaps
    from ecosystem.ui.map import MapSelection, build_map

    rng = np.random.default_rng(11)
    national = [a for a in dataset.actors if a.active and a.all_sdgs and a.territories == ("pays:FR",)]
    picked = rng.choice(len(national), size=min(RUNS_AFTER, len(national)), replace=False)
    nat = [national[int(i)] for i in picked]
    active = [a for a in dataset.actors if a.active and a.all_sdgs]
    anyone = [active[int(i)] for i in rng.choice(len(active), size=RUNS_AFTER, replace=False)]
    departement, present = departement_near(dataset)
    territory, located = map_territory(dataset)
    out: dict[str, Any] = {"departement": departement, "departement_actors": present,
                           "map_territory": territory, "map_actors_located": located,
                           "national_actors": len(national), "before_measured": before}

    def cold() -> None:
        for s in (store, old, whole):
            forget_kept(s)

    def both(key: str, name: str, old_calls: Callable[[int], list], new_calls: Callable[[int], list],
             same: Callable[[], bool]) -> None:
        run_before = before == "all" or (before == "changed" and key in CHANGED)
        out[key] = _both(name, old_calls, new_calls, pid, same, cold, run_before)

    def tops(who: list, s: Any) -> Callable[[int], list]:
        return lambda n: [lambda a=a: top_overlaps(s, a.id, k=10) for a in who[:n]]

    selection = MapSelection(territory=territory)
    # One call of each, unmeasured, so that what every process and server has warm once it has run
    # (reference projections, most populated places, query plans, pages read) is warm for the cold
    # call of both readings: "cold" then means nothing kept by the store, as after a load.
    build_map(whole, selection)
    duplicate_listing(whole, departement, Level.COMMUNE)
    out["cold_after_warm_up"] = True
    both("map_subgraph", "map of ~2,000 actors", lambda n: [lambda: build_map(old, selection)] * n,
         lambda n: [lambda: build_map(store, selection)] * n,
         lambda: build_map(store, selection) == build_map(old, selection))
    both("duplicate_groups", "duplicate groups of a département",
         lambda n: [lambda: old_duplicate_listing(old, departement, Level.COMMUNE)] * n,
         lambda n: [lambda: duplicate_listing(store, departement, Level.COMMUNE)] * n,
         lambda: (duplicate_listing(store, departement, Level.COMMUNE)
                  == old_duplicate_listing(old, departement, Level.COMMUNE)))
    _log("  map and duplicate groups from whole actors…")
    out["whole_actors"] = {
        "map_subgraph": measure([lambda: build_map(whole, selection)] * RUNS_AFTER, pid, cold),
        "duplicate_groups": measure([lambda: duplicate_listing(whole, departement, Level.COMMUNE)]
                                    * RUNS_AFTER, pid, cold),
        "same_answer": (build_map(whole, selection) == build_map(store, selection)
                        and duplicate_listing(whole, departement, Level.COMMUNE)
                        == duplicate_listing(store, departement, Level.COMMUNE))}
    both("top10_overlaps_national", "top-10 overlaps of a national actor", tops(nat, old), tops(nat, store),
         lambda: all(top_overlaps(store, a.id, k=10) == top_overlaps(old, a.id, k=10) for a in nat[:3]))
    both("top10_overlaps_any", "top-10 overlaps of an actor", tops(anyone, old), tops(anyone, store),
         lambda: all(top_overlaps(store, a.id, k=10) == top_overlaps(old, a.id, k=10) for a in anyone[:3]))
    both("duplicate_pairs", "duplicate pairs of a département (best 500)",
         lambda n: [lambda: pair_listing(old, departement, Level.COMMUNE, min_jaccard=0.5)] * n,
         lambda n: [lambda: pair_listing(store, departement, Level.COMMUNE, min_jaccard=0.5)] * n,
         lambda: pair_listing(store, departement, Level.COMMUNE, min_jaccard=0.5)
         == pair_listing(old, departement, Level.COMMUNE, min_jaccard=0.5))
    out["map_nodes"] = len(store.actors_in([territory]))
    return out


def diagnosis_at(store: Neo4jStore, old: BaselineStore, dataset: Dataset, pid: int | None,
                 before: str = "all") -> dict[str, Any]:
    from ecosystem.analysis.diagnosis import diagnose

    rng = np.random.default_rng(11)
    chosen = [dataset.alliances[int(i)] for i in rng.choice(len(dataset.alliances), size=30, replace=False)]
    _log("  diagnosis: after…")
    new = measure([lambda a=a: diagnose(store, a) for a in chosen], pid, lambda: forget_kept(store))
    if before != "all":
        return {"alliances": len(chosen), "before": None, "after": new, "same_answer": None}
    _log("  diagnosis: before…")
    with old_code():
        old_figures = measure([lambda a=a: diagnose(old, a) for a in chosen], pid, lambda: forget_kept(old))
    same = all(diagnose(store, a) == diagnose(old, a) for a in chosen[:5])
    return {"alliances": len(chosen), "before": old_figures, "after": new, "same_answer": same}


def _stores(uri: str, user: str, password: str) -> tuple[Neo4jStore, BaselineStore, WholeActorsStore]:
    store = Neo4jStore.connect(uri=uri, user=user, password=password, timeout=600, load_timeout=7200)
    old = BaselineStore(store.runner.driver, uri=uri, user=user, timeout=600)
    whole = WholeActorsStore(store.runner.driver, uri=uri, user=user, timeout=600)
    return store, old, whole


def run(actors: int, diagnosis_actors: int, seed: int = 1, diagnosis: bool = True,
        questions: bool = True, before: str = "all") -> dict[str, Any]:
    """Measure both sizes on the server of NEO4J_URI, or on one started for the run. The questions
    at `actors` run first: a server that already holds that dataset (the slow load at 1M) answers
    them without loading it again; the diagnosis's dataset replaces it after."""
    from ecosystem import neo4j_server
    from ecosystem.generate import GeneratorSpec, generate
    from ecosystem.settings import get

    started_here = not os.environ.get("NEO4J_URI")
    if started_here:
        neo4j_server.start(STATE_DIR, port=PORT, heap="2g", pagecache="2g",
                           version=get("ECOSYSTEM_NEO4J_VERSION"), password=None,
                           java=get("ECOSYSTEM_JAVA") or None, timeout=300)
        env = neo4j_server.connection_env(STATE_DIR)
    else:
        env = {k: os.environ.get(k, "") for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")}
    state = os.environ.get("ECOSYSTEM_BENCH_NEO4J_STATE")  # the server's state folder, for its CPU
    pid = neo4j_server.status(Path(state) if state else STATE_DIR).pid if (state or started_here) else None
    figures: dict[str, Any] = {"load_average_start": list(os.getloadavg()), "server_pid_known": bool(pid)}
    try:
        store, old, whole = _stores(env["NEO4J_URI"], env.get("NEO4J_USER") or "neo4j", env["NEO4J_PASSWORD"])
        try:
            if questions:
                _log(f"neo4j questions: {actors:,} actors…")
                dataset = generate(GeneratorSpec(actors=actors, seed=seed))
                figures["load"] = _ensure(store, dataset)
                loads = list(os.getloadavg())
                figures["questions"] = {"actors": actors,
                                        **questions_at(store, old, whole, dataset, pid, before)}
                figures["questions"]["load_average"] = [loads, list(os.getloadavg())]
                del dataset
            if diagnosis:
                _log(f"neo4j questions: {diagnosis_actors:,} actors…")
                dataset = generate(GeneratorSpec(actors=diagnosis_actors, seed=seed))
                figures["diagnosis_load"] = _ensure(store, dataset)
                loads = list(os.getloadavg())
                figures["diagnosis"] = {"actors": diagnosis_actors,
                                        **diagnosis_at(store, old, dataset, pid, before)}
                figures["diagnosis"]["load_average"] = [loads, list(os.getloadavg())]
        finally:
            store.close()
    finally:
        if started_here:
            neo4j_server.stop(STATE_DIR)
    figures["load_average_end"] = list(os.getloadavg())
    return figures


def _cpu(m: dict[str, Any]) -> str:
    return f"{m['python_cpu_s_per_call']} / {m.get('server_cpu_s_per_call', '—')}"


def _cold(m: dict[str, Any]) -> str:
    return (f"{m['cold_ms']:,} ({m['cold_python_cpu_s']} / {m.get('cold_server_cpu_s', '—')})"
            if "cold_ms" in m else "—")


def _row(label: str, entry: dict[str, Any]) -> str:
    b, a = entry["before"], entry["after"]
    if b is None:
        old = "not run this time | —"
        same = "—"
    else:
        old = f"{b['p50_ms']:,} / {b['p95_ms']:,} | {_cpu(b)}"
        same = "yes" if entry["same_answer"] else "**no**"
    return f"| {label} | {old} | {_cold(a)} | {a['p50_ms']:,} / {a['p95_ms']:,} | {_cpu(a)} | {same} |"


def _loads(pair: list[list[float]] | None) -> str:
    if not pair:
        return "—"
    return " at the start, ".join(", ".join(f"{x:.1f}" for x in three) for three in pair) + " at the end"


def _repeated(repeat: dict[str, Any]) -> list[str]:
    """A second run's map and duplicate groups: more calls, so a p95 less at the mercy of one call."""
    q = repeat["questions"]
    w = q["whole_actors"]
    rows = [("map, outlines", q["map_subgraph"]["after"]), ("map, whole actors", w["map_subgraph"]),
            ("duplicate groups, outlines", q["duplicate_groups"]["after"]),
            ("duplicate groups, whole actors", w["duplicate_groups"]),
            ("duplicate pairs (unchanged code)", q["duplicate_pairs"]["after"]),
            ("top-10 overlaps of a national actor (unchanged code)", q["top10_overlaps_national"]["after"]),
            ("top-10 overlaps of a random actor (unchanged code)", q["top10_overlaps_any"]["after"])]
    return [
        f"A second run of the new code alone at {q['actors']:,} actors "
        f"(`--skip-diagnosis --before none --runs {q['map_subgraph']['after']['runs']}`, the dataset loaded "
        f"again: {repeat.get('load', {}).get('seconds', '—')} s; load average "
        f"{_loads(q.get('load_average'))}), "
        "with more calls per question, so that one slow call weighs less on a p95."
        + (" Its cold calls follow one unmeasured call of each reading, so that reference data, query "
           "plans and pages are warm for both and \"cold\" means only that the store keeps no actor."
           if q.get("cold_after_warm_up") else ""), "",
        "| question | cold (ms) (CPU s Python / server) | p50 / p95 (ms) | max (ms) | CPU (s) |",
        "|---|---|---|---|---|",
        *(f"| {label} | {_cold(m)} | {m['p50_ms']:,} / {m['p95_ms']:,} | {m['max_ms']:,} | {_cpu(m)} |"
          for label, m in rows),
        "",
    ]


def section(figures: dict[str, Any], repeat: dict[str, Any] | None = None) -> str:
    """The docs section: one table, before and after, with what each row asks."""
    q, d = figures["questions"], figures["diagnosis"]
    w = q.get("whole_actors")
    runs = f"before: {RUNS_BEFORE} runs after a cold one; after: {RUNS_AFTER}"
    lines = [
        HEADING, "",
        f"`python -m benchmarks.neo4j_questions --actors {q['actors']} --diagnosis-actors {d['actors']} "
        f"--before {q.get('before_measured', 'all')}` (seed 1): the same server and data for both columns; "
        "\"before\" runs the query texts the first part of this work replaced "
        "(benchmarks/baseline_queries/), "
        "the old `Hierarchy.presence` and `most_populated`, and whole actors where outlines are read now. "
        f"Milliseconds p50 / p95 ({runs}); CPU seconds per call of the Python process / of the Neo4j "
        "server. \"Cold\" is the first call, with nothing kept by the store (`record_cache` emptied, as "
        "after a load): the call the app's cache per store revision spares nobody; its CPU seconds in "
        "brackets. Load average (1, 5, 15 min): at 1M "
        f"{_loads(q.get('load_average'))}; at 100k {_loads(d.get('load_average'))}. The machine's 2 cores "
        "were shared with other work.", "",
        "| question | before p50 / p95 (ms) | before CPU (s) | after: cold (ms) | after p50 / p95 (ms) "
        "| after CPU (s) | same answer |",
        "|---|---|---|---|---|---|---|",
        _row(f"{q['actors']:,} actors: map of {q['map_territory']} "
             f"({q['map_actors_located']:,} actors located there, {q['map_nodes']:,} present)",
             q["map_subgraph"]),
        _row(f"{q['actors']:,} actors: duplicate groups of {q['departement']} ({q['departement_actors']:,} "
             "actors present)", q["duplicate_groups"]),
        _row(f"{q['actors']:,} actors: duplicate pairs of {q['departement']}, the best 500 and the total",
             q["duplicate_pairs"]),
        _row(f"{q['actors']:,} actors: top-10 overlaps of a national actor "
             f"({q['national_actors']:,} of them)", q["top10_overlaps_national"]),
        _row(f"{q['actors']:,} actors: top-10 overlaps of a random actor", q["top10_overlaps_any"]),
        _row(f"{d['actors']:,} actors: charter diagnosis of an alliance ({d['alliances']} alliances)", d),
        "",
        "Targets: each question under 1 s p95 at 1M actors, the diagnosis under 300 ms p95 at 100k."
        + (" \"Not run this time\": `--before changed` measured the old code of the two questions this "
           "run's change touched only; the others' old code takes 10 to 15 minutes at 1M on 2 shared "
           "cores and did not change (their last before figures: top overlaps of a national actor "
           "50,918.5 / 63,628.2 ms, duplicate pairs 18,216.1 / 19,070.1 ms, diagnosis 8,952.7 / "
           "17,462.4 ms; this section in git history)." if q.get("before_measured") == "changed" else ""),
        "",
    ]
    if w:
        same = "yes" if w["same_answer"] else "**no**"
        lines += [
            "The same two questions just before outlines (`WholeActorsStore`: the store of this commit but "
            "for `actor_outlines`, cut down from whole actors read through the actor cache, as the map and "
            "the duplicate groups read them before):", "",
            "| question | cold (ms) (CPU s Python / server) | p50 / p95 (ms) | CPU (s) | same answer |",
            "|---|---|---|---|---|",
            f"| map of {q['map_territory']}, whole actors | {_cold(w['map_subgraph'])} | "
            f"{w['map_subgraph']['p50_ms']:,} / {w['map_subgraph']['p95_ms']:,} | {_cpu(w['map_subgraph'])} "
            f"| {same} |",
            f"| duplicate groups of {q['departement']}, whole actors | {_cold(w['duplicate_groups'])} | "
            f"{w['duplicate_groups']['p50_ms']:,} / {w['duplicate_groups']['p95_ms']:,} | "
            f"{_cpu(w['duplicate_groups'])} | {same} |",
            "",
        ]
    if repeat:
        lines += _repeated(repeat)
    lines += [
        "What each row asks, and what changed (docs/architecture.md, \"Neo4j: the big questions\"):",
        "",
        "- The map and the duplicate groups read outlines (`ActorOutline`: id, name, kind, territories, "
        "all SDGs) instead of whole actors: a grouped map needs its actors' kind, territories and SDGs, "
        "the listed duplicate groups their members' names. The outlines come with the walk that finds "
        "the actors (the map's scene: `Store.actor_outlines_in`; the duplicate groups: the pairing's one "
        "fetch, `pair_projection.cypher`, returns names too), not from a second read by id. Whole actors "
        "(~25 properties, an `Actor` each, through the actor cache) were most of a cold call's time.",
        "- Duplicates of a département are measured as people ask them since issue 16 bounded the "
        "listings: the Overlaps page's duplicate groups (`duplicate_listing`, the biggest 100) and the "
        "CLI's pairs (`pair_listing`, the best 500 at Jaccard 0.5 or more, with their total). The pairing "
        "runs in Python over one fetch of the actors present (`store/neo4j/pairing.py`), walked in blocks "
        "and joined as arrays (`ProfileWalk.components`); \"before\" runs the old joining "
        "(benchmarks/baseline_duplicates.py) on the old query's profile pairs; see the subsection below.",
        "- Top overlaps of a national actor: read from the actors big enough to beat a Jaccard floor, on "
        "the `n_commune` index (`store/neo4j/wide.py`), instead of walking to every actor of the country.",
        "- The map and the diagnosis: actors, policies, alliances, co-presence and actors-in come back "
        "as one record of lists (the driver's cost is per record), and a single territory's presence "
        "is no longer copied.",
        "- \"Same answer\": the new and the old code compared with `==` on the same data in the run.",
        "- Wall times follow the machine's load; CPU seconds do not. The diagnosis spends "
        f"{d['after']['python_cpu_s_per_call']} s of Python and "
        f"{d['after'].get('server_cpu_s_per_call', '—')} s of server CPU per call (means). "
        f"The loads of this run ({figures.get('diagnosis_load', {}).get('seconds', '—')} s at "
        f"{d['actors']:,} actors, {figures.get('load', {}).get('seconds', '—')} s at {q['actors']:,}; a "
        "dataset already live is not loaded again) are not comparable with the Loading table's.",
    ]
    return "\n".join(lines) + "\n"


def write_section(figures: dict[str, Any], path: Path = DOCS, repeat: dict[str, Any] | None = None) -> None:
    """Replace (or add) this section of docs/benchmarks.md, leaving the others as they are, and the
    ### subsections other benchmarks write under it (benchmarks/profile_groups.py)."""
    doc_sections.write(path, HEADING, section(figures, repeat), keep_subsections=True)


def main(argv: list[str] | None = None) -> int:
    global RUNS_AFTER  # --runs: one run's setting, read where the calls are made
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=1_000_000)
    parser.add_argument("--diagnosis-actors", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path,
                        help="also write the figures to this file (a part skipped keeps its figures there)")
    parser.add_argument("--skip-diagnosis", action="store_true")
    parser.add_argument("--skip-questions", action="store_true")
    parser.add_argument("--runs", type=int, default=RUNS_AFTER,
                        help="calls measured per question after the cold one (the new code's side)")
    parser.add_argument("--repeat", type=Path,
                        help="with --docs-only: the figures of a second run (--before none, more --runs) "
                             "shown beside the first for the map and the duplicate groups")
    parser.add_argument("--before", choices=BEFORE_CHOICES, default="all",
                        help="measure the old code of every question, of the map and duplicate groups only "
                             "(changed), or of none")
    parser.add_argument("--write-docs", action="store_true", help="write the section of docs/benchmarks.md")
    parser.add_argument("--docs-only", action="store_true",
                        help="write the section from --json, measure nothing")
    args = parser.parse_args(argv)
    kept = json.loads(args.json.read_text(encoding="utf-8")) if args.json and args.json.exists() else {}
    if args.docs_only:
        again = json.loads(args.repeat.read_text(encoding="utf-8")) if args.repeat else None
        write_section(kept, repeat=again)
        return 0
    RUNS_AFTER = args.runs
    figures = run(args.actors, args.diagnosis_actors, args.seed, diagnosis=not args.skip_diagnosis,
                  questions=not args.skip_questions, before=args.before)
    figures = kept | figures
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    if args.write_docs:
        write_section(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
