"""Opening the embedded store (issue 17, item 1): CLI questions as whole processes, against a baseline.

    .venv/bin/python -m benchmarks.open_fast                          # 100,000 actors (Drôme), baseline
    .venv/bin/python -m benchmarks.open_fast --sizes 100000 1000000   # and 1M actors (France)
    .venv/bin/python -m benchmarks.open_fast --baseline /tmp/open-baseline   # a checkout of main

Each command runs as a person runs it: a fresh `python -m ecosystem` process on a state folder loaded
once, measured from outside (wall seconds, user + system CPU seconds and peak RSS from the child's
rusage, as `/usr/bin/time -v` reports them). "open" is the store's constructor alone, timed inside a
process (imports and reference data excluded: every command pays them, on either store). The
baseline is the same commands run by the code of another checkout (PYTHONPATH), on its own state
folder loaded by that code, in the same run. The datasets are generated once into
`.ecosystem-bench-open/` and reused; so are the loaded folders (pass --fresh to load again).
The machine is shared: the load average is recorded with each figure, and CPU seconds are the
figure to compare across runs.
"""

from __future__ import annotations

import argparse
import json
import mmap
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import doc_sections

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".ecosystem-bench-open"
DOCS = ROOT / "docs"
HEADING = "## Opening the embedded store"
SIZES = (100_000,)
SCOPES = {100_000: "26"}  # the Drôme; larger sizes are spread over France
BASELINE_UP_TO = 100_000  # the baseline at 1M was killed at 23 GB (issue 17): not run again
RUNS = 3
TARGETS = "open under 1 s; a CLI question under 2 s wall and 600 MB peak RSS at 100k; 1M under 8 GB"

OPEN_SCRIPT = """
import sys, time
from ecosystem.reference import reference
from ecosystem.store.memory import MemoryStore
reference().hierarchy
start, cpu = time.perf_counter(), time.process_time()
store = MemoryStore(sys.argv[1])
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def _env(code: Path | None, state: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "PYTHONPATH")}
    env["ECOSYSTEM_STATE_DIR"] = str(state)
    env["ECOSYSTEM_LANG"] = "fr"
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


def _run(argv: list[str], env: dict[str, str]) -> dict[str, float]:
    """Wall, CPU (user + system) seconds and peak RSS (MB) of one child process."""
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=env, cwd=tempfile.gettempdir(), stdout=out_file, stderr=err_file)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    if process.returncode != 0:
        raise RuntimeError(f"{argv}: {err.decode(errors='replace')[-2000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024, "stdout": out.decode(errors="replace")}


def dataset_file(size: int, seed: int) -> Path:
    """The generated dataset of `size` actors, written once and reused."""
    folder = WORK / f"gen{size}"
    found = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not found:
        scope = ["--scope", SCOPES[size]] if size in SCOPES else []
        subprocess.run([sys.executable, "-m", "ecosystem", "generate", "--actors", str(size), "--seed",
                        str(seed), *scope, "--format", "json", "-o", str(folder)], check=True,
                       env=_env(None, WORK / "x"))
        found = sorted(folder.glob("*.json"))
    return found[0]


def loaded_state(name: str, size: int, data: Path, code: Path | None, fresh: bool) -> tuple[Path, dict]:
    """A state folder holding the dataset, loaded by `code` (None: this checkout); the load's figures
    when it was loaded now."""
    state = WORK / f"state-{name}-{size}"
    if fresh and state.exists():
        shutil.rmtree(state)
    if (state / "embedded" / "manifest.json").exists():
        return state, {}
    figures = _run([sys.executable, "-m", "ecosystem", "load", str(data)], _env(code, state))
    figures.pop("stdout")
    return state, figures


def _rounded(samples: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(s[key] for s in samples), 2 if key != "peak_rss_mb" else 0)
            for key in ("wall_s", "cpu_s", "peak_rss_mb")}


def _first_id(data: Path | str, key: str) -> str:
    """The first `"id"` after the list `key` of the dataset file, found in the mapped file without
    parsing it (1M actors parsed would weigh GBs)."""
    with open(data, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
        start = re.compile(rb'"' + key.encode() + rb'"\s*:\s*\[').search(view)
        found = re.compile(rb'"id"\s*:\s*"([^"]*)"').search(view, start.end() if start else 0)
        if start is None or found is None:
            raise ValueError(f"no {key} in {data}")
        return found.group(1).decode("utf-8")


def questions(size: int, data: Path) -> dict[str, list[str]]:
    """The commands asked, on the dataset's first actor and alliance, found by a child process: a
    child's peak RSS starts from its parent's high-water mark (Linux copies it across fork and
    exec), so this process must never map the big file itself."""
    script = ("import sys; from benchmarks.open_fast import _first_id; "
              "print(_first_id(sys.argv[1], 'actors'), _first_id(sys.argv[1], 'alliances'))")
    found = subprocess.run([sys.executable, "-c", script, str(data)], check=True, capture_output=True,
                           text=True, cwd=ROOT)
    actor, alliance = found.stdout.split()
    territory = SCOPES.get(size, "26")
    return {"stats": ["stats"], "overlaps ACTOR --json": ["overlaps", actor, "--json"],
            "coverage": ["coverage", territory], "diagnose": ["diagnose", alliance]}


def measure_code(name: str, size: int, data: Path, code: Path | None, runs: int, fresh: bool,
                 asked: dict[str, list[str]]) -> dict[str, Any]:
    state, load = loaded_state(name, size, data, code, fresh)
    env = _env(code, state)
    figures: dict[str, Any] = {"load": {k: round(v, 2) for k, v in load.items()}} if load else {}
    opens = []
    for _ in range(runs):
        wall, cpu = _run([sys.executable, "-c", OPEN_SCRIPT, str(state / "embedded")], env)["stdout"].split()
        opens.append({"wall_s": float(wall), "cpu_s": float(cpu), "peak_rss_mb": 0.0})
    figures["open"] = {k: v for k, v in _rounded(opens).items() if k != "peak_rss_mb"}
    for label, argv in asked.items():
        samples = [_run([sys.executable, "-m", "ecosystem", *argv], env) for _ in range(runs)]
        figures[label] = _rounded(samples)
    return figures


def measure(sizes: tuple[int, ...] = SIZES, baseline: Path | None = None, seed: int = 1,
            runs: int = RUNS, fresh: bool = False) -> dict[str, Any]:
    """{size: {"current": ..., "baseline": ..., "load_average": ...}}."""
    out: dict[str, Any] = {"baseline_code": str(baseline) if baseline else None, "runs": runs}
    for size in sizes:
        data = dataset_file(size, seed)
        asked = questions(size, data)
        print(f"opening the embedded store at {size:,} actors…", file=sys.stderr, flush=True)
        item: dict[str, Any] = {"dataset_mb": round(data.stat().st_size / 2**20),
                                "load_average": [os.getloadavg()[0]]}
        # beyond 100k each process costs minutes of both shared cores: one run per question
        item["runs"] = runs if size <= BASELINE_UP_TO else 1
        item["current"] = measure_code("current", size, data, None, item["runs"], fresh, asked)
        if baseline is not None and size <= BASELINE_UP_TO:
            item["baseline"] = measure_code("baseline", size, data, baseline, 1, fresh, asked)
        item["load_average"].append(os.getloadavg()[0])
        out[str(size)] = item
    return out


def section(figures: dict[str, Any]) -> str:
    """The section of docs/benchmarks.md."""
    lines = [HEADING, "",
             f"Targets (issue 17, item 1): {TARGETS}. Whole `python -m ecosystem` processes on a",
             "generated dataset loaded once; wall and CPU (user + system) seconds, peak RSS in MB; median",
             f"of {figures.get('runs', RUNS)} runs (baseline: one run). `open` is the store's constructor",
             "alone. Command: `.venv/bin/python -m benchmarks.open_fast --baseline /tmp/open-baseline`",
             "(a clone of main at 078c205, before this change). This machine's 2 cores are shared: at a load",
             "average of 15 to 30, a process waits for a core most of its wall time; CPU seconds are the",
             "figure that compares. The baseline is not run beyond 100k actors (at 1M it was killed at",
             "23 GB, issue 17). `load` is `ecosystem load` of the generated file (read, validated, written",
             "with its derived pack), measured when the state folder was made; `open` has no RSS of its own",
             "(it runs inside a process that loaded the reference data).", ""]
    for size, item in figures.items():
        if not isinstance(item, dict) or "current" not in item:
            continue
        load = item.get("load_average", ["?", "?"])
        lines += [f"**{int(size):,} actors** (dataset {item.get('dataset_mb', '?')} MB of JSON; "
                  f"{item.get('runs', RUNS)} run(s); load average {load[0]:.1f} before, "
                  f"{load[-1]:.1f} after)", "",
                  "| question | before: wall (s) | before: CPU (s) | before: peak RSS (MB) "
                  "| wall (s) | CPU (s) | peak RSS (MB) |", "|---|---|---|---|---|---|---|"]
        before = item.get("baseline") or {}
        for label, now in item["current"].items():
            old = before.get(label) or {}
            lines.append(f"| {label} | {old.get('wall_s', '—')} | {old.get('cpu_s', '—')} "
                         f"| {old.get('peak_rss_mb', '—')} | {now.get('wall_s', '—')} "
                         f"| {now.get('cpu_s', '—')} | {now.get('peak_rss_mb', '—')} |")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_section(figures: dict[str, Any], docs: Path = DOCS) -> None:
    """Replace (or add) this section of docs/benchmarks.md, leaving the others as they are."""
    doc_sections.write(docs / "benchmarks.md", HEADING, section(figures))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--baseline", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fresh", action="store_true", help="load the state folders again")
    parser.add_argument("--out", type=Path, default=DOCS)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    figures = measure(tuple(args.sizes), args.baseline, args.seed, args.runs, args.fresh)
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    write_section(figures, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
