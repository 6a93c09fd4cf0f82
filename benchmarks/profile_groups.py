"""Issue 17, item 2: the duplicate groups of a département at 1M actors, the Python step alone.

    .venv/bin/python -m benchmarks.profile_groups --baseline /tmp/old-tree   # before and after
    .venv/bin/python -m benchmarks.profile_groups --write-docs

The Neo4j store answers `duplicate_listing(store, "departement:2A")` from one fetch of the actors
present (`pair_projection.cypher`, a fraction of a second of server time) and then pairs them in
Python: that Python step was 3.5-6.3 s of CPU at 1M actors. This measures it without a server, on the
same actors: the 11,219 actors present in Corse-du-Sud in `generate(GeneratorSpec(actors=1_000_000,
seed=1))` (8,707 of them national), generated once and kept in `.ecosystem-bench-profile-groups/`.

- "Neo4j, Python side": the Neo4j store's own pairing (`store/neo4j/pairing.py`) over the fetched
  rows, and `duplicate_listing` on top of it, the server's reads replaced by the rows in hand;
- "embedded": an embedded store holding only those actors (same answers for that territory).

Each: the duplicate groups (the Overlaps page's question, the biggest 100 and the total) and the
pair listing (the best 500 at Jaccard 0.5 and the total), CPU and wall seconds per call, the
tracemalloc peak of one call. `--baseline DIR` runs the same measures in a second process on an older
tree (a `git archive` of ecosystem/, queries/ and data/reference of the commit before), so "before"
and "after" share the machine's load, and compares the answers (a digest of each).

`--neo4j` measures the same two questions on the real Neo4j store over Bolt, the whole generated
dataset loaded (once: a live dataset of the same content is not loaded again), with the server's CPU
seconds beside the Python process's; the server is NEO4J_URI's, or the project's own started in
`.ecosystem-bench-profile-groups/neo4j` on ECOSYSTEM_BENCH_NEO4J_PORT (heap 2 GB) and stopped at the
end. With `--baseline`, the older tree asks the same server in a second process.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import doc_sections

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".ecosystem-bench-profile-groups"
DOCS = ROOT / "docs" / "benchmarks.md"
HEADING = "### Duplicate groups of a département at 1M actors, in flat memory"
PARENT = "## Neo4j questions at 1M actors"
RUNS = 10


def present_actors(actors: int, seed: int, territory: str) -> tuple[str, list[Any]]:
    """(dataset id, the active actors present in `territory`) of the generated dataset, kept on disk:
    generating a million actors takes a minute and 1 GB, the territory's actors a few megabytes."""
    path = CACHE / f"actors-{actors}-{seed}-{territory.replace(':', '_')}.pickle"
    if path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    from ecosystem.generate import GeneratorSpec, generate
    from ecosystem.model import Level
    from ecosystem.reference import reference

    dataset = generate(GeneratorSpec(actors=actors, seed=seed))
    h = reference().hierarchy
    inside = h.project(territory, Level.COMMUNE)
    kept = [a for a in dataset.actors
            if a.active and any(h.project(t, Level.COMMUNE) & inside for t in a.territories)]
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as f:
        pickle.dump((dataset.id, kept), f)
    return dataset.id, kept


class FetchedStore:
    """The Neo4j store after its one fetch: the same pairing code over the same rows, the reads of
    the listed actors answered from memory. Has the walk of this tree and the profile pairs of older
    ones, so one script measures both."""

    def __init__(self, actors: list[Any]) -> None:
        from ecosystem.reference import reference
        from ecosystem.store.neo4j import pairing

        self._by_id = {a.id: a for a in actors}
        self._fetched = pairing.Fetched.of([(a.id, a.kind.value, a.territories, a.all_sdgs) for a in actors])
        self._hierarchy = reference().hierarchy

    def _walk(self, level: Any, min_jaccard: float, same_kind: bool) -> Any:
        from ecosystem.store.neo4j import pairing

        walk = pairing.group_pairs(self._fetched, self._hierarchy, level, float(min_jaccard), same_kind)
        if hasattr(pairing, "FetchedOutlines"):  # the fetch carries names since outlines (not in older trees)
            import dataclasses

            walk = dataclasses.replace(walk, outlines=self.actor_outlines)
        return walk

    def overlap_profile_walk(self, territory_id: str, level: Any, min_jaccard: float = 0.0,
                             same_kind: bool = False) -> Any:
        return self._walk(level, min_jaccard, same_kind)

    def overlap_profile_pairs(self, territory_id: str, level: Any, min_jaccard: float = 0.0,
                              same_kind: bool = False) -> list[Any]:
        return self._walk(level, min_jaccard, same_kind).profile_pairs()

    def overlap_pair_total(self, territory_id: str, level: Any, min_jaccard: float = 0.0,
                           same_kind: bool = False) -> int:
        return self._walk(level, min_jaccard, same_kind).total()

    def overlap_pairs(self, territory_id: str, level: Any, min_jaccard: float = 0.0, same_kind: bool = False,
                      limit: int | None = None) -> list[Any]:
        return self._walk(level, min_jaccard, same_kind).pairs(limit)

    def actors(self, ids: Iterable[str]) -> list[Any]:
        return sorted((self._by_id[i] for i in set(ids) if i in self._by_id), key=lambda a: a.id)

    def actor_outlines(self, ids: Iterable[str]) -> list[Any]:
        from ecosystem.store.base import ActorOutline

        return [ActorOutline.of(a) for a in self.actors(ids)]


def _digest(value: Any) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def _server_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) the server's JVM has used so far; 0 when its pid is unknown."""
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _measure(call: Callable[[], Any], runs: int, server_pid: int | None = None) -> dict[str, Any]:
    """CPU and wall seconds per call (after a warm-up), the tracemalloc peak of one more call."""
    answer = call()
    cpu, server, seconds = time.process_time(), _server_cpu(server_pid), []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    cpu = (time.process_time() - cpu) / runs
    server = (_server_cpu(server_pid) - server) / runs
    tracemalloc.start()
    call()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    p50, p95 = np.percentile(seconds, [50, 95]).tolist()  # as benchmarks/latency.py
    return {"cpu_s": round(cpu, 3), "server_cpu_s": round(server, 3) if server_pid else None,
            "wall_p50_s": round(p50, 3), "wall_p95_s": round(p95, 3),
            "wall_max_s": round(max(seconds), 3), "peak_mib": round(peak / 2**20, 1),
            "answer": _digest(answer), "items": len(answer.items), "total": answer.total}


def _questions(store: Any, territory: str, runs: int, server_pid: int | None = None) -> dict[str, Any]:
    from ecosystem.analysis.overlap import duplicate_listing, pair_listing
    from ecosystem.model import Level

    return {"groups": _measure(lambda: duplicate_listing(store, territory, Level.COMMUNE), runs, server_pid),
            "pairs": _measure(lambda: pair_listing(store, territory, Level.COMMUNE, min_jaccard=0.5), runs,
                              server_pid)}


def measure(actors: int = 1_000_000, seed: int = 1, territory: str = "departement:2A",
            runs: int = RUNS) -> dict[str, Any]:
    """Both stores' Python step on the territory's actors, with the tree on sys.path."""
    from ecosystem.model import Dataset
    from ecosystem.store.memory import MemoryStore

    dataset_id, present = present_actors(actors, seed, territory)
    national = sum(1 for a in present if a.territories == ("pays:FR",))
    out: dict[str, Any] = {"actors": actors, "seed": seed, "territory": territory, "present": len(present),
                           "national": national, "runs": runs}
    out["neo4j_python"] = _questions(FetchedStore(present), territory, runs)
    with tempfile.TemporaryDirectory() as folder:
        embedded = MemoryStore(Path(folder) / "embedded")
        embedded.load(Dataset(dataset_id, "present", actors=tuple(present)))
        out["embedded"] = _questions(embedded, territory, runs)
    return out


def measure_neo4j(territory: str = "departement:2A", runs: int = RUNS) -> dict[str, Any]:
    """The two questions on the Neo4j store of NEO4J_URI (the dataset already live), with the tree on
    sys.path; the server's CPU from ECOSYSTEM_BENCH_NEO4J_PID when given."""
    from ecosystem.store.neo4j.store import Neo4jStore

    pid = int(os.environ.get("ECOSYSTEM_BENCH_NEO4J_PID") or 0) or None
    store = Neo4jStore.connect(uri=os.environ["NEO4J_URI"], user=os.environ.get("NEO4J_USER") or "neo4j",
                               password=os.environ["NEO4J_PASSWORD"], timeout=600)
    try:
        return {"territory": territory, "runs": runs, "neo4j": _questions(store, territory, runs, pid)}
    finally:
        store.close()


def measure_in(tree: Path, call: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """`call` (an expression on this module's functions) in a second process whose `ecosystem` is the
    one of `tree` (an older commit)."""
    # the editable install's finder comes before sys.path: it is taken out, so `tree` is imported
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(1, sys.argv[2]); "
            "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]; "
            "import ecosystem; assert ecosystem.__file__.startswith(sys.argv[1]), ecosystem.__file__; "
            "from benchmarks import profile_groups as b; "
            "print(json.dumps(eval(sys.argv[3], vars(b))))")
    env = {**os.environ, **(env or {}), "PYTHONPATH": ""}
    tree = tree.resolve()
    args = [str(tree), str(ROOT), call]
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                          env=env, cwd=tree)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(actors: int = 1_000_000, seed: int = 1, territory: str = "departement:2A", runs: int = RUNS,
        baseline: Path | None = None) -> dict[str, Any]:
    figures: dict[str, Any] = {"load_average_start": list(os.getloadavg())}
    present_actors(actors, seed, territory)  # generated once, before either measure
    if baseline is not None:
        print(f"profile groups: before ({baseline})…", file=sys.stderr, flush=True)
        figures["before"] = measure_in(baseline, f"measure({actors}, {seed}, {territory!r}, {runs})")
    print("profile groups: after…", file=sys.stderr, flush=True)
    figures["after"] = measure(actors, seed, territory, runs)
    figures["load_average_end"] = list(os.getloadavg())
    return figures


def run_neo4j(actors: int = 1_000_000, seed: int = 1, territory: str = "departement:2A", runs: int = RUNS,
              baseline: Path | None = None) -> dict[str, Any]:
    """The questions on Neo4j, the dataset loaded once; each side measured in a process of its own
    (this one holds the generated million actors while loading)."""
    from ecosystem import neo4j_server
    from ecosystem.settings import get

    state = CACHE / "neo4j"
    started_here = not os.environ.get("NEO4J_URI")
    if started_here:
        neo4j_server.start(state, port=int(os.environ.get("ECOSYSTEM_BENCH_NEO4J_PORT", "7697")), heap="2g",
                           pagecache=os.environ.get("ECOSYSTEM_BENCH_NEO4J_PAGECACHE", "2g"),
                           version=get("ECOSYSTEM_NEO4J_VERSION"), password=None,
                           java=get("ECOSYSTEM_JAVA") or None, timeout=300)
        env = neo4j_server.connection_env(state)
        env["ECOSYSTEM_BENCH_NEO4J_PID"] = str(neo4j_server.status(state).pid or "")
    else:
        env = {k: os.environ.get(k, "") for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")}
    figures: dict[str, Any] = {"load_average_start": list(os.getloadavg()),
                               "pagecache": os.environ.get("ECOSYSTEM_BENCH_NEO4J_PAGECACHE", "2g")}
    try:
        figures["load"] = _load(actors, seed, env)
        if baseline is not None:
            print(f"profile groups on Neo4j: before ({baseline})…", file=sys.stderr, flush=True)
            figures["before"] = measure_in(baseline, f"measure_neo4j({territory!r}, {runs})", env)
        print("profile groups on Neo4j: after…", file=sys.stderr, flush=True)
        figures["after"] = measure_in(ROOT, f"measure_neo4j({territory!r}, {runs})", env)
    finally:
        if started_here:
            neo4j_server.stop(state)
    figures["load_average_end"] = list(os.getloadavg())
    return figures


def _load(actors: int, seed: int, env: dict[str, str]) -> dict[str, Any]:
    """The generated dataset live alone on the server (not loaded again when it already is)."""
    from ecosystem.generate import GeneratorSpec, generate
    from ecosystem.store.neo4j.store import Neo4jStore

    store = Neo4jStore.connect(uri=env["NEO4J_URI"], user=env.get("NEO4J_USER") or "neo4j",
                               password=env["NEO4J_PASSWORD"], timeout=600, load_timeout=7200)
    try:
        dataset = generate(GeneratorSpec(actors=actors, seed=seed))
        for info in store.datasets():
            if info.id != dataset.id:
                store.remove_dataset(info.id)
        print(f"profile groups on Neo4j: {actors:,} actors live…", file=sys.stderr, flush=True)
        started, cpu = time.perf_counter(), time.process_time()
        report = store.load(dataset)
        return {"status": report.status, "seconds": round(time.perf_counter() - started, 1),
                "python_cpu_s": round(time.process_time() - cpu, 1)}
    finally:
        store.close()


def _cell(entry: dict[str, Any] | None, server: bool = False) -> str:
    if entry is None:
        return "— | — | —" + (" | —" if server else "")
    wall = f"{entry['wall_p50_s']:.3f} / {entry['wall_p95_s']:.3f}"
    cpu = f"{entry['cpu_s']:.3f}" + (f" | {entry['server_cpu_s']}" if server else "")
    return f"{cpu} | {wall} | {entry['peak_mib']:,} MiB"


QUESTIONS = (("groups", "duplicate groups (biggest 100, total)"),
             ("pairs", "duplicate pairs (best 500 at 0.5, total)"))


def _load_average(figures: dict[str, Any]) -> str:
    start = ", ".join(f"{x:.1f}" for x in figures["load_average_start"])
    end = ", ".join(f"{x:.1f}" for x in figures["load_average_end"])
    return f"Load average (1, 5, 15 min) {start} at the start, {end} at the end (a shared 2-core machine)."


def _same(old: dict[str, Any] | None, new: dict[str, Any]) -> str:
    return "—" if old is None else ("yes" if old["answer"] == new["answer"] else "**no**")


def _python_table(figures: dict[str, Any]) -> list[str]:
    after, before = figures["after"], figures.get("before")
    lines = [
        f"`python -m benchmarks.profile_groups --baseline DIR` (DIR: a `git archive` of the commit before): "
        f"the Python step of the question on the {after['present']:,} actors present in {after['territory']} "
        f"at {after['actors']:,} actors (seed {after['seed']}; {after['national']:,} of them national), "
        "without a server: \"Neo4j, Python side\" is the Neo4j store's pairing over the rows its one "
        "fetch returns, \"embedded\" an embedded store holding those actors. CPU and wall seconds per "
        f"call ({after['runs']} calls after a warm-up; wall p50 / p95), tracemalloc peak of one call. "
        + _load_average(figures), "",
        "| question | store | before: CPU s | before: wall s | before: peak | after: CPU s | after: wall s "
        "| after: peak | same answer |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for key, label in QUESTIONS:
        for store, name in (("neo4j_python", "Neo4j, Python side"), ("embedded", "embedded")):
            new = after[store][key]
            old = before[store][key] if before else None
            lines.append(f"| {label}: {new['items']} of {new['total']:,} | {name} | {_cell(old)} "
                         f"| {_cell(new)} | {_same(old, new)} |")
    return lines


def _neo4j_table(figures: dict[str, Any]) -> list[str]:
    after, before = figures["after"], figures.get("before")
    load = figures.get("load", {})
    lines = [
        "`python -m benchmarks.profile_groups --neo4j --baseline DIR`: the same questions on the Neo4j store "
        f"over Bolt, the whole generated dataset loaded ({load.get('status', '—')} in "
        f"{load.get('seconds', '—')} s), the project's local server (heap 2 GB, page cache "
        f"{figures.get('pagecache', '2g').rstrip('gG')} GB); each side in a process of its own asking the "
        "same server. CPU seconds per call of the Python process and of the server; \"same answer\" compares "
        "digests, which also equal the Python-step table's (both stores, before and after). "
        + _load_average(figures), "",
        "| question | before: CPU s (Python / server) | before: wall s | before: peak | after: CPU s "
        "(Python / server) | after: wall s | after: peak | same answer |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for key, label in QUESTIONS:
        new = after["neo4j"][key]
        old = before["neo4j"][key] if before else None
        cells = [c.replace(" | ", " / ", 1) for c in (_cell(old, True), _cell(new, True))]
        lines.append(f"| {label}: {new['items']} of {new['total']:,} | {cells[0]} | {cells[1]} "
                     f"| {_same(old, new)} |")
    return lines


def _reading(figures: dict[str, Any]) -> list[str]:
    """What the figures say, in words (the numbers from this run)."""
    out = []
    if "after" in figures and figures.get("before"):
        old, new = figures["before"]["neo4j_python"]["groups"], figures["after"]["neo4j_python"]["groups"]
        out.append(
            f"- The Python step of the duplicate groups went from {old['cpu_s']:.2f} s of CPU and "
            f"{old['peak_mib']:,} MiB to {new['cpu_s']:.2f} s and {new['peak_mib']:,} MiB: the profile pairs "
            "are walked in blocks and joined as arrays (`ProfileWalk.components`) instead of made into "
            "`ProfilePair`s and joined one by one; the candidates are looked up by kind, and the territory "
            "groups that cannot reach the floor are dropped first on both stores (the Neo4j pairing "
            "already did). The peak is now the block's (at most "
            "`pairs.BLOCK` candidates) and the listed groups', whatever the number of profile pairs.")
    if "neo4j" in figures and figures["neo4j"].get("after"):
        n = figures["neo4j"]["after"]["neo4j"]["groups"]
        out.append(
            f"- On Neo4j the question costs {n['cpu_s']:.2f} s of Python and {n['server_cpu_s']} s of server "
            "CPU per call; most of the Python part is now reading the listed groups' actors (about 10,600 "
            "records through the driver, `store.actors`), not the pairing. Wall times follow the machine's "
            "load (other engineers' test suites ran meanwhile): under 1 s of CPU in all, the p95 wall time "
            "was above 1 s in this run. Next step if needed: read only the names of the listed actors, or "
            "carry them in the one fetch.")
    return out


def section(figures: dict[str, Any]) -> str:
    lines = [HEADING, ""]
    if "after" in figures:
        lines += [*_python_table(figures), ""]
    if "neo4j" in figures:
        lines += [*_neo4j_table(figures["neo4j"]), ""]
    reading = _reading(figures)
    if reading:
        lines += [*reading, ""]
    return "\n".join(lines)


def write_section(figures: dict[str, Any], path: Path = DOCS) -> None:
    """Replace this subsection of docs/benchmarks.md, or add it at the end of the Neo4j questions'
    section (its text and subsections), or at the end of the file."""
    doc_sections.write(path, HEADING, section(figures), parent=PARENT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--territory", default="departement:2A")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--baseline", type=Path, help="an older tree to measure in the same run")
    parser.add_argument("--neo4j", action="store_true", help="on the Neo4j store, the whole dataset loaded")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args(argv)
    kept = json.loads(args.json.read_text(encoding="utf-8")) if args.json and args.json.exists() else {}
    if args.neo4j:
        found = run_neo4j(args.actors, args.seed, args.territory, args.runs, args.baseline)
        figures = kept | {"neo4j": found}
    else:
        figures = kept | run(args.actors, args.seed, args.territory, args.runs, args.baseline)
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    if args.write_docs:
        write_section(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
