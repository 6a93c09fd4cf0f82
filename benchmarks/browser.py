"""Time to first render of the map page in headless Chromium, on a generated dataset.

Reuses the browser tests' server and browser helpers (a real `streamlit run`, Debian's Chromium);
"first render" is from navigation to vis-network's first drawn frame inside the map's iframe.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from ecosystem.generate import GeneratorSpec, generate
from ecosystem.store.memory import MemoryStore
from tests.browser_support import CHROMIUM, chromium, map_frame, streamlit_server

VIEWPORT = {"width": 1400, "height": 1000}
LOAD_LIMIT_MS = 180_000


def _measure(page: Any, url: str) -> dict[str, Any]:
    started_ms = time.time() * 1000
    page.goto(url)
    frame = map_frame(page, LOAD_LIMIT_MS)
    drawn = frame.evaluate("() => window.ecosystemMap")
    return {"navigation_to_drawn_s": round((drawn["drawnAt"] - started_ms) / 1000, 3),
            "vis_draw_s": round(drawn["drawMs"] / 1000, 3), "nodes": drawn["nodes"], "edges": drawn["edges"]}


def map_first_render(actors: int = 2000, seed: int = 1, scope: str = "region:84") -> dict[str, Any]:
    """Map page timings at about `actors` nodes: first visit (server builds the map) and a second one."""
    if not CHROMIUM.exists():
        return {"skipped": "no /usr/bin/chromium"}
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "state"
        MemoryStore(state / "embedded").load(generate(GeneratorSpec(actors=actors, seed=seed, scope=scope)))
        with streamlit_server(state, {"ECOSYSTEM_DEMO": "0"}) as url, chromium() as browser:
            context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
            page = context.new_page()
            page.set_default_timeout(LOAD_LIMIT_MS)
            try:
                first = _measure(page, f"{url}/carte")
                again = _measure(page, f"{url}/carte")
            finally:
                context.close()
    return {"actors": actors, "first_visit": first, "cached_visit": again}
