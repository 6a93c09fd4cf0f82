"""Re-import as a difference (issue 17, item 3): an updated file with 1 % of its records changed.

    .venv/bin/python -m benchmarks.reimport [--actors 100000] [--share 0.01] [--skip-neo4j]

A generated dataset (`ecosystem generate`'s generator) is loaded, then a new version of it with
`--share` of its actors touched (`updated`: 60 % changed, 20 % removed, 20 % added, plus a changed
alliance, membership and self-assessment) is loaded over it, on both stores, two ways in the same
run:
- before: the whole version written, as on main (`FULL_LOAD_SHARE` set to 0 forces it: the same
  code path as before this change, plus the difference computed for the report, ~0.1 s);
- after: the difference applied (the store's default for a change this small).
Each way is timed `--repeat` times, going back and forth between the two versions (the way back is
the same size of difference). Wall seconds, this process's CPU seconds (and the Neo4j server's),
and the load average are reported: the machine is shared. The Neo4j server is the project's own, in
`.ecosystem-bench-reimport/` on port ECOSYSTEM_NEO4J_BOLT_PORT (7814 unless set), stopped at the end.
Writes its section of docs/benchmarks.md ("Re-import as a difference").
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks import doc_sections
from benchmarks.own_neo4j import own_neo4j
from ecosystem.model import Dataset, MemberRole

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
STATE_DIR = ROOT / ".ecosystem-bench-reimport"
HEADING = "## Re-import as a difference"


def updated(dataset: Dataset, share: float = 0.01, seed: int = 1) -> Dataset:
    """A new version of `dataset` with `share` of its actors touched: 60 % renamed with one more SDG,
    20 % removed (with their memberships; never a policy's carrier), 20 % added (copies of existing
    actors under new ids); plus one alliance renamed, one membership's role and one self-assessment's
    score changed, when the dataset has them."""
    rng = random.Random(seed)
    actors = list(dataset.actors)
    touched = max(5, round(share * len(actors)))
    carriers = {c for p in dataset.policies for c in p.carriers}
    picked = rng.sample(range(len(actors)), min(len(actors), touched))
    n_changed, n_removed = touched * 3 // 5, touched // 5
    changed = {actors[i].id for i in picked[:n_changed]}
    removed = {actors[i].id for i in picked[n_changed:n_changed + n_removed] if actors[i].id not in carriers}
    added = [replace(actors[i], id=f"{actors[i].id}-bis", name=f"{actors[i].name} (bis)")
             for i in picked[n_changed + n_removed:]]

    def change(a: Any) -> Any:
        sdgs = tuple(sorted({*a.sdgs, rng.randint(1, 17)}))
        return replace(a, name=f"{a.name} (mis à jour)", sdgs=sdgs)

    new_actors = [change(a) if a.id in changed else a for a in actors if a.id not in removed] + added
    memberships = [m for m in dataset.memberships if m.actor not in removed]
    if memberships:
        m = memberships[0]
        role = MemberRole.PILOTE if m.role != MemberRole.PILOTE else MemberRole.PARTENAIRE
        memberships[0] = replace(m, role=role)
    alliances = list(dataset.alliances)
    if alliances:
        alliances[0] = replace(alliances[0], name=f"{alliances[0].name} (mise à jour)")
    assessments = list(dataset.assessments)
    if assessments:
        assessments[0] = replace(assessments[0], score=(assessments[0].score + 1) % 4)
    return replace(dataset, actors=tuple(new_actors), alliances=tuple(alliances),
                   memberships=tuple(memberships), assessments=tuple(assessments))


def _timed(load: Callable[[], Any]) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    report = load()
    return {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3),
            "method": report.method}


def _ways(load: Callable[[Dataset], Any], v1: Dataset, v2: Dataset, repeat: int,
          server_cpu: Callable[[], float] | None = None) -> dict[str, Any]:
    """Before (whole version forced) and after (difference), `repeat` times each, v1 <-> v2."""
    from ecosystem.datasets import difference

    out: dict[str, Any] = {}
    for way, share in (("before", 0.0), ("after", difference.FULL_LOAD_SHARE)):
        runs = []
        saved = difference.FULL_LOAD_SHARE
        difference.FULL_LOAD_SHARE = share
        try:
            for i in range(repeat):
                target = v2 if i % 2 == 0 else v1
                server = server_cpu() if server_cpu else 0.0
                run = _timed(lambda t=target: load(t))
                if server_cpu:
                    run["server_cpu_s"] = round(server_cpu() - server, 3)
                run["load_average"] = round(os.getloadavg()[0], 2)
                runs.append(run)
            if repeat % 2:  # back to v1 for the next way
                load(v1)
        finally:
            difference.FULL_LOAD_SHARE = saved
        out[way] = {"runs": runs, "median_wall_s": statistics.median(r["wall_s"] for r in runs),
                    "median_cpu_s": statistics.median(r["cpu_s"] for r in runs)}
    return out


def edit_once(store: Any, dataset: Dataset, history: Path) -> dict[str, Any]:
    """One edit made as the app makes it (`Edits.save`: read the dataset, rebuild it with one actor's
    SDGs changed, validate it, load it through `Writes` with the reload guard, history and audit):
    its wall and CPU seconds, and those of the store's load inside it."""
    from ecosystem.access.writes import Writes, cli_principal
    from ecosystem.editing.edits import Edits
    from ecosystem.editing.records import RecordKind
    from ecosystem.history.archive import Archive

    actor = dataset.actors[len(dataset.actors) // 2]
    sdgs = "; ".join(str(n) for n in sorted({*actor.sdgs, 1 if 1 not in actor.sdgs else 2}))
    writes = Writes(store, cli_principal(), archive=Archive(history))
    wall, cpu = time.perf_counter(), time.process_time()
    done = Edits(writes).save(dataset.id, RecordKind.ACTOR, {"sdgs": sdgs}, replaces=actor.id)
    return {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3),
            "store_load_s": round(done.report.seconds, 3), "method": done.report.method,
            "changes": [list(c) for c in done.report.changes if any(c[1:])],
            "load_average": round(os.getloadavg()[0], 2)}


def embedded(v1: Dataset, v2: Dataset, repeat: int) -> dict[str, Any]:
    from ecosystem.store.memory import MemoryStore

    with tempfile.TemporaryDirectory(dir=ROOT) as folder:
        store = MemoryStore(Path(folder) / "state")
        store.load(v1)
        figures = _ways(store.load, v1, v2, repeat)
        figures["edit"] = edit_once(store, v1, Path(folder) / "history")
        return figures


def neo4j(v1: Dataset, v2: Dataset, repeat: int) -> dict[str, Any]:
    with own_neo4j(STATE_DIR, 7814) as (store, server_cpu):
        for info in store.datasets():
            store.remove_dataset(info.id)
        store.load(v1)
        figures = _ways(store.load, v1, v2, repeat, server_cpu)
        with tempfile.TemporaryDirectory(dir=ROOT) as history:
            figures["edit"] = edit_once(store, v1, Path(history))
        store.remove_dataset(v1.id)
        return figures


def run(actors: int = 100_000, share: float = 0.01, repeat: int = 3, seed: int = 1,
        skip_neo4j: bool = False) -> dict[str, Any]:
    from ecosystem.datasets.difference import difference
    from ecosystem.generate import GeneratorSpec, generate

    print(f"re-import: generating {actors:,} actors…", file=sys.stderr, flush=True)
    v1 = generate(GeneratorSpec(actors=actors, seed=seed)).canonical()
    v2 = updated(v1, share, seed).canonical()
    diff = difference(v1, v2)
    results: dict[str, Any] = {"actors": len(v1.actors), "rows": v1.row_count, "share": share,
                               "changes": [list(c) for c in diff.counts()], "records_touched": diff.size,
                               "repeat": repeat, "cpus": os.cpu_count()}
    print("re-import: embedded store…", file=sys.stderr, flush=True)
    results["embedded"] = embedded(v1, v2, repeat)
    if not skip_neo4j:
        print("re-import: Neo4j…", file=sys.stderr, flush=True)
        results["neo4j"] = neo4j(v1, v2, repeat)
    return results


def section(r: dict[str, Any]) -> str:
    lines = [HEADING, "",
             f"Issue 17, item 3: a re-import of {r['actors']:,} generated actors ({r['rows']:,} rows) where "
             f"{r['share']:.0%} of the actors changed ({r['records_touched']:,} records touched: "
             + ", ".join(f"{k} +{a} −{d} ~{c}" for k, a, d, c in r["changes"] if a or d or c)
             + "). Before: the whole version written (as on main); after: the difference applied "
             "(`ecosystem/datasets/difference.py`). Medians of "
             f"{r['repeat']} runs each, in the same run, on {r['cpus']} shared cores; CPU is this "
             "process's (and the Neo4j server's), the load average the 1-minute one after each run.",
             "",
             "| store | before: wall (CPU) | after: wall (CPU) "
             "| after, each run: wall / CPU / server CPU / load |",
             "|---|---|---|---|"]
    for store in ("embedded", "neo4j"):
        if store not in r:
            continue
        b, a = r[store]["before"], r[store]["after"]
        runs = "; ".join(f"{x['wall_s']:.2f} / {x['cpu_s']:.2f}"
                         + (f" / {x['server_cpu_s']:.2f}" if "server_cpu_s" in x else "")
                         + f" / {x['load_average']:.1f}" for x in a["runs"])
        lines.append(f"| {store} | {b['median_wall_s']:.2f} s ({b['median_cpu_s']:.2f} s) | "
                     f"{a['median_wall_s']:.2f} s ({a['median_cpu_s']:.2f} s) | {runs} |")
    edits = [(store, r[store]["edit"]) for store in ("embedded", "neo4j") if "edit" in r.get(store, {})]
    if edits:
        lines += ["", "An edit in the app (one actor's SDGs changed through `Edits.save`, at the same size): "
                  "its whole time, and the store's load inside it (the rest is reading the dataset, "
                  "rebuilding and validating it, the reload guard, the history and the audit log).", "",
                  "| store | edit: wall (CPU) | store load inside | method | load average |",
                  "|---|---|---|---|---|"]
        lines += [f"| {store} | {e['wall_s']:.2f} s ({e['cpu_s']:.2f} s) | {e['store_load_s']:.2f} s | "
                  f"{e['method']} | {e['load_average']:.1f} |" for store, e in edits]
    lines += ["", "Reproduce: `.venv/bin/python -m benchmarks.reimport` (or `make bench`, which runs it "
              "in the suite). Above `FULL_LOAD_SHARE` (20 %) of the rows touched, or 20,000 records on "
              "Neo4j (one transaction in the server's heap), a store writes the whole version as before.", ""]
    return "\n".join(lines)


def write_section(r: dict[str, Any], docs: Path = DOCS) -> None:
    """Replace (or add) this section of docs/benchmarks.md, leaving the others as they are."""
    doc_sections.write(docs / "benchmarks.md", HEADING, section(r))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--share", type=float, default=0.01)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    results = run(args.actors, args.share, args.repeat, args.seed, args.skip_neo4j)
    print(json.dumps(results, indent=1))
    write_section(results, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
