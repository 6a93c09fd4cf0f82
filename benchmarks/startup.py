"""Start-up of the CLI: how long `ecosystem --help` and a command's `--help` take, wall and CPU.

A person's first command is a help; it must answer under 0.5 s (issue 17). Each command runs in a
fresh process, the installed `ecosystem` script next to this Python, as a person types it; the
median of several runs is kept, with the user CPU seconds, which a busy shared machine disturbs
far less than the wall time. The "before" figures were measured once, before the command modules
imported their libraries lazily, on the same machine and in the same way; they cannot be measured
again from the current code, so they are kept here.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

COMMANDS = ("--help", "load --help", "overlaps --help")
TARGET_SECONDS = 0.5
BEFORE_MEASURED = "on 2026-12-04 with `/usr/bin/time -v`, load average about 14 on the 2 cores"
BEFORE = {  # medians of 5 runs, measured as BEFORE_MEASURED says
    "--help": {"wall_s": 4.16, "user_s": 0.95},
    "load --help": {"wall_s": 4.5, "user_s": 0.99},
    "overlaps --help": {"wall_s": 4.65, "user_s": 1.03},
}


def _run_once(argv: list[str]) -> tuple[float, float]:
    """Wall and user CPU seconds of one run; user CPU from the children's rusage, as `time` reports."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before


def measure(runs: int = 5, script: Path | None = None) -> dict[str, Any]:
    """{command: {"wall_s", "user_s"}} medians of `runs` fresh processes per command."""
    script = script or Path(sys.executable).parent / "ecosystem"
    figures: dict[str, Any] = {}
    for command in COMMANDS:
        samples = [_run_once([str(script), *command.split()]) for _ in range(runs)]
        figures[command] = {"wall_s": round(statistics.median(w for w, _ in samples), 3),
                            "user_s": round(statistics.median(u for _, u in samples), 3), "runs": runs}
    return figures


def report_lines(figures: dict[str, Any] | None) -> list[str]:
    """The "Start-up" section of docs/benchmarks.md, or nothing when the run did not measure it."""
    if not figures:
        return []
    lines = ["", "## Start-up", "",
             "| command | before: wall (s) | before: user CPU (s) | wall (s) | user CPU (s) |",
             "|---|---|---|---|---|"]
    for command in COMMANDS:
        now, old = figures.get(command) or {}, BEFORE.get(command) or {}
        # plain text, not a code span: tests/test_doc_commands.py parses every `ecosystem ...` span
        # as a command line that must parse without --help
        lines.append(f"| ecosystem {command} | {old.get('wall_s', '—')} | {old.get('user_s', '—')} "
                     f"| {now.get('wall_s', '—')} | {now.get('user_s', '—')} |")
    runs = next(iter(figures.values())).get("runs", 5)
    lines += [
        "",
        f"Target: under {TARGET_SECONDS} s. Median of {runs} fresh processes of the installed `ecosystem`",
        "script; user CPU seconds come from the process's rusage (as `/usr/bin/time -v` reports them)",
        "and vary far less than the wall time on this shared machine. \"Before\" was measured once",
        f"{BEFORE_MEASURED} (`BEFORE` in benchmarks/startup.py),",
        "when building the parser imported every command's libraries (numpy, networkx, the Neo4j driver,",
        "pandas, openpyxl: 1,398 modules by `python -X importtime`); command modules now import them",
        "inside their handlers, and a help imports 154 modules.",
        "tests/test_startup.py fails if any help imports numpy, scipy, networkx, neo4j, openpyxl, pandas,",
        "streamlit or plotly.",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report_lines(measure())))
