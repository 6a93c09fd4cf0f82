"""The network map at 20,000 actors: grouped and labelled in time, and a click's panel on the server.

    .venv/bin/python -m benchmarks.network                      # 20,000 actors (region:84), seed 1
    .venv/bin/python -m benchmarks.network --actors 5000 --write-docs

Measures, on a generated dataset in the embedded store:
- `build_s`: the server building the grouped map and its component arguments (`map_view`, no cache);
- `draw_and_label_s`: headless Chromium drawing those arguments with the component's own page
  (ecosystem/ui/map/static, opened from the folder Streamlit serves) until the labels are placed;
- `panel_s`: `panel.node_details` (details, top overlaps, top complements) for actors and alliances
  of the map, what a click costs on the server; median and max;
- `open_group_s`: building the map of the biggest group once clicked (its territory).
Targets (issue 14): grouped with readable labels < 3 s; a click to its panel < 0.5 s server-side.
`--write-docs` replaces the "Network map" section of docs/benchmarks.md (benchmarks/report.py
writes the same section from benchmarks.json when the suite runs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import doc_sections

ROOT = Path(__file__).resolve().parent.parent
HEIGHT = 520  # the Carte page's map height
CLICKS = 20  # nodes whose panel is timed: half alliances, half actors
LOAD_LIMIT_MS = 180_000
HEADING = "## Network map"


def measure(actors: int = 20_000, seed: int = 1, scope: str = "region:84") -> dict[str, Any]:
    from ecosystem.generate import GeneratorSpec, generate
    from ecosystem.store.memory import MemoryStore
    from ecosystem.ui.map import MapSelection, map_view
    from ecosystem.ui.map.panel import node_details

    with tempfile.TemporaryDirectory() as tmp:
        store = MemoryStore(Path(tmp) / "embedded")
        store.load(generate(GeneratorSpec(actors=actors, seed=seed, scope=scope)))
        started = time.perf_counter()
        view = map_view(store, MapSelection(territory=scope), "fr", HEIGHT)
        build_s = time.perf_counter() - started
        model = view.model
        clicked = ([f"alliance:{a.id}" for a in store.alliances()][: CLICKS // 2]
                   + [f"actor:{i}" for i in sorted(store.actors_in([]))[:: max(1, actors * 2 // CLICKS)]])
        clicked = clicked[:CLICKS]
        # The first question about overlaps after a load builds the store's sparse matrices (once per
        # data version): timed apart, as "first click".
        started = time.perf_counter()
        node_details(store, clicked[-1], "fr")
        first_click = time.perf_counter() - started
        panel = []
        for node in clicked:
            started = time.perf_counter()
            node_details(store, node, "fr")
            panel.append(time.perf_counter() - started)
        groups = [n for n in model.nodes if n.opens.startswith("territory:")]
        group = max(groups, key=lambda n: (n.size, n.id)) if groups else None
        started = time.perf_counter()
        inside = MapSelection(territory=group.opens.removeprefix("territory:")) if group else None
        opened = map_view(store, inside, "fr", HEIGHT) if inside else view
        open_s = time.perf_counter() - started
        browser = _draw(view.args)
    return {"actors": actors, "seed": seed, "scope": scope, "grouped": model.grouped,
            "nodes": len(model.nodes), "edges": len(model.edges), "build_s": round(build_s, 3),
            **browser, "panel_median_s": round(statistics.median(panel), 3),
            "panel_max_s": round(max(panel), 3), "panel_clicks": len(panel),
            "first_click_s": round(first_click, 3),
            "open_group": group.name if group else "—", "open_group_s": round(open_s, 3),
            "open_group_nodes": len(opened.model.nodes), "open_group_grouped": opened.model.grouped}


def _draw(args: dict[str, Any]) -> dict[str, Any]:
    """Draw the component's page in Chromium from `args`; seconds until its labels are placed."""
    from ecosystem.ui.map.component import served_folder
    from tests.browser_support import CHROMIUM, chromium

    if not CHROMIUM.exists():
        return {"draw_skipped": "no /usr/bin/chromium"}
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto((served_folder() / "index.html").as_uri())
        page.wait_for_function("() => typeof vis !== 'undefined'", timeout=LOAD_LIMIT_MS)
        page.evaluate("""(args) => {
            window.benchStart = performance.now();
            window.postMessage({type: "streamlit:render", args: Object.assign({}, args, {selected: null,
                                centre: false})}, "*");
        }""", args)
        page.wait_for_function("() => window.ecosystemLabels !== undefined", timeout=LOAD_LIMIT_MS)
        result = page.evaluate("() => [performance.now() - window.benchStart, window.ecosystemLabels.shown]")
    return {"draw_and_label_s": round(result[0] / 1000, 3), "labels_shown": result[1]}


def lines(figures: dict[str, Any] | None) -> list[str]:
    """The "Network map" section of docs/benchmarks.md."""
    if not figures:
        return []
    f = figures
    total = f["build_s"] + f.get("draw_and_label_s", 0.0)
    return ["", HEADING, "",
            f"`python -m benchmarks.network --actors {f['actors']}` (seed {f['seed']}, actors generated in "
            f"{f['scope']} and the map of {f['scope']}, grouped by département; embedded store, headless "
            "Chromium 1280x800):", "",
            "| measure | figure | target |", "|---|---|---|",
            f"| grouped map built on the server ({f['nodes']:,} nodes, {f['edges']:,} links) "
            f"| {f['build_s']} s | |",
            f"| drawn in Chromium until the labels are placed ({f.get('labels_shown', '—')} labels) "
            f"| {f.get('draw_and_label_s', '—')} s | |",
            f"| **grouped with readable labels, total** | **{total:.3f} s** | < 3 s |",
            f"| a click's panel on the server (details, top 5 overlaps and complements), median of "
            f"{f['panel_clicks']} | **{f['panel_median_s']} s** (max {f['panel_max_s']} s) | < 0.5 s |",
            f"| the first click after a load (builds the store's overlap matrices, once per data version) "
            f"| {f['first_click_s']} s | |",
            f"| opening the biggest group ({f['open_group']}): its map, {f['open_group_nodes']:,} nodes "
            f"| {f['open_group_s']} s | |"]


def write_docs(figures: dict[str, Any], path: Path = ROOT / "docs" / "benchmarks.md") -> None:
    """Replace (or append) the "Network map" section of the benchmarks page."""
    doc_sections.write(path, HEADING, "\n".join(lines(figures)[1:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scope", default="region:84")
    parser.add_argument("--write-docs", action="store_true",
                        help="write the figures into docs/benchmarks.md")
    args = parser.parse_args(argv)
    figures = measure(args.actors, args.seed, args.scope)
    json.dump(figures, sys.stdout, indent=1, ensure_ascii=False)
    print()
    if args.write_docs:
        write_docs(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
