"""Outputs to take to a meeting: how long the one-page PDF and the exported maps take, on the demo.

    .venv/bin/python -m benchmarks.outputs            # prints the figures as JSON

In process (the library as the app calls it, the store already open): the median over the demo's
ten alliances of a report, and the median of three drawings of each map. End to end: `ecosystem
report` and `ecosystem export-map` in fresh processes, as a person types them (Python start, imports
of matplotlib and fpdf2, opening the embedded store, the diagnosis, the drawing), wall and user CPU.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RUNS = 3
DROME = "departement:26"
COMMANDS = (("report", "riviere-drome-vivante", "-o", "report.pdf"),
            ("export-map", "--in", "26", "--view", "network", "-o", "network.png"),
            ("export-map", "--in", "26", "--view", "geo", "--level", "commune", "-o", "communes.svg"))


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call (CPU: this process's, which other jobs on the machine barely
    disturb, unlike the wall time)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _medians(samples: list[tuple[float, float]]) -> dict[str, float]:
    return {"wall_s": round(statistics.median(w for w, _ in samples), 3),
            "cpu_s": round(statistics.median(c for _, c in samples), 3)}


def _command(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    start = time.perf_counter()
    subprocess.run(argv, check=True, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before


def measure() -> dict[str, Any]:
    from ecosystem.datasets.reader import read_dataset
    from ecosystem.model import Level
    from ecosystem.outputs import captions, gather
    from ecosystem.outputs.geo import geo_png, geo_svg
    from ecosystem.outputs.network import network_png, network_svg
    from ecosystem.outputs.report import report_pdf
    from ecosystem.resources import DEMO_DIR
    from ecosystem.store.memory import MemoryStore
    from ecosystem.ui.map import MapSelection, build_map

    figures: dict[str, Any] = {"load_average": round(os.getloadavg()[0], 1)}
    with tempfile.TemporaryDirectory(prefix="bench-outputs-") as tmp:
        state = Path(tmp)
        store = MemoryStore(state / "embedded")
        store.load(read_dataset(DEMO_DIR))
        alliances = store.alliances()
        report_pdf(gather.report_input(store, alliances[0], "fr"), "fr")  # imports and font files warm
        per_alliance = [_timed(lambda a=alliance: report_pdf(gather.report_input(store, a, "fr"), "fr"))
                        for alliance in alliances]
        figures["report"] = {**_medians(per_alliance), "cpu_max_s": round(max(c for _, c in per_alliance), 3),
                             "alliances": len(per_alliance)}
        model = build_map(store, MapSelection(territory=DROME), "fr")
        title, filters, note = captions.network_caption(DROME, None, model.actors, model.alliances,
                                                        model.policies, "", "fr")
        figures["network_nodes"] = len(model.nodes)
        figures["network_png"] = _medians([_timed(lambda: network_png(model, title, filters, "fr", note=note))
                                           for _ in range(RUNS)])
        figures["network_svg"] = _medians([_timed(lambda: network_svg(model, title, filters, "fr", note=note))
                                           for _ in range(RUNS)])
        values = gather.actors_by_territory(store, DROME, Level.COMMUNE)
        title, filters, measure_ = captions.geo_caption(DROME, Level.COMMUNE, None, "fr")
        figures["geo_communes"] = 362
        args = (Level.COMMUNE, DROME, values, title, filters, measure_)
        figures["geo_png"] = _medians([_timed(lambda: geo_png(*args)) for _ in range(RUNS)])
        figures["geo_svg"] = _medians([_timed(lambda: geo_svg(*args)) for _ in range(RUNS)])
        store.close()
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        env["ECOSYSTEM_STATE_DIR"] = str(state)
        script = str(Path(sys.executable).parent / "ecosystem")
        commands = {}
        for command in COMMANDS:
            samples = [_command([script, *command], state, env) for _ in range(RUNS)]
            commands["ecosystem " + " ".join(command)] = {
                "wall_s": round(statistics.median(w for w, _ in samples), 2),
                "user_s": round(statistics.median(u for _, u in samples), 2), "runs": RUNS}
        figures["commands"] = commands
    return figures


def report_lines(figures: dict[str, Any] | None) -> list[str]:
    """The "Outputs" section of docs/benchmarks.md, or nothing when the run did not measure it."""
    if not figures:
        return []
    report, net_png, net_svg = figures["report"], figures["network_png"], figures["network_svg"]
    geo_png, geo_svg = figures["geo_png"], figures["geo_svg"]
    lines = ["", "## Outputs", "",
             "The demo (93 actors, 10 alliances), embedded store, `python -m benchmarks.outputs`; in process "
             "(the store open, the libraries imported), medians; CPU seconds are the process's own, "
             "which the shared machine's other jobs barely disturb.", "",
             "| what | wall (s) | CPU (s) |", "|---|---|---|",
             f"| one-page PDF of a diagnosis (the {report['alliances']} alliances; slowest CPU "
             f"{report['cpu_max_s']} s) | {report['wall_s']} | {report['cpu_s']} |",
             f"| network map of the Drôme ({figures['network_nodes']} nodes), PNG / SVG "
             f"| {net_png['wall_s']} / {net_svg['wall_s']} | {net_png['cpu_s']} / {net_svg['cpu_s']} |",
             f"| geographic map of the Drôme's {figures['geo_communes']} communes, PNG / SVG "
             f"| {geo_png['wall_s']} / {geo_svg['wall_s']} | {geo_png['cpu_s']} / {geo_svg['cpu_s']} |",
             "", f"End to end, in a fresh process as a person types it (median of {RUNS}; wall time on the "
             f"shared 2-core machine, load average about {figures.get('load_average', '?')} during the run, "
             "and user CPU, which the load disturbs far less):", "",
             "| command | wall (s) | user CPU (s) |", "|---|---|---|"]
    for command, f in figures["commands"].items():
        # plain text, not a code span: tests/test_doc_commands.py runs every `ecosystem ...` span
        lines.append(f"| {command} | {f['wall_s']} | {f['user_s']} |")
    lines += ["", "A report is the diagnosis (the same as the Alliances page's) plus drawing the principles' "
              "chart with matplotlib and laying out the page with fpdf2, tried with tighter plans until "
              "it fits one page. Most of a command's time is starting Python and importing matplotlib, "
              "fpdf2 and the analyses."]
    return lines


if __name__ == "__main__":
    json.dump(measure(), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
