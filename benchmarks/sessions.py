"""Many people at once (issue 17, item 5): N real sessions opening Accueil and Carte at the same instant.

One `streamlit run` on the demo (embedded store, ECOSYSTEM_TIMINGS=1) and one headless Chromium with N
pages, each in its own browser context (its own cookie, so its own Streamlit session). For each page:

- single, cold: one session, first visit after the server started (it computes everything);
- single, warm: one new session on the same server (every answer is in the shared cache);
- N at once, cold: a fresh server, N sessions sent to the page at the same instant (asyncio.gather)
  before anything was computed: they should wait for one computation, not make N;
- N at once, warm: N new sessions at the same instant, everything cached.

"Server-side" is what the app logs for each script run (ecosystem.ui.timings: from the run's start to
its end, the page's last element sent); "browser" is from navigation to Streamlit's "not running"
state with the page's last element on screen. Computations are the app's count of query functions
that really ran (ecosystem.ui.context.COMPUTED), read from the same log lines.

    .venv/bin/python -m benchmarks.sessions [--sessions 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from ecosystem.ui.timings import PREFIX
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, streamlit_server

PAGES = ("accueil", "carte")
SESSIONS = 10
LIMIT_MS = 300_000
"""How long a page may take before the benchmark gives up (a hang, not a measured figure)."""
FINAL = {"accueil": '[data-testid="stExpander"] >> nth=1', "carte": 'iframe[title*="Carte"], iframe[title*="map"]'}
"""The page's last element: Accueil's « À propos » expander, the Carte's map component."""
VIEWPORT = {"width": 1400, "height": 1000}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): with 10 values, p95 is the largest one."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    return {"n": len(values), "p50": round(statistics.median(values), 1), "p95": round(percentile(values, 95), 1),
            "max": round(max(values), 1)}


def _lines(log: Path) -> list[dict[str, Any]]:
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(PREFIX):
            found.append(json.loads(line[len(PREFIX):]))
    return found


async def _idle(page: Any, final: str) -> None:
    """Streamlit connected, its script run over, no skeleton left, and the page's last element there."""
    await page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]',
                                 timeout=LIMIT_MS)
    await page.wait_for_selector(final, state="attached", timeout=LIMIT_MS)
    await page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && !document.querySelector('[data-testid="stSkeleton"]');
        }""", timeout=LIMIT_MS)


async def _visit(browser: Any, url: str, page_path: str, start: asyncio.Event) -> float:
    """One new session (its own context) visiting `page_path` once `start` is set; browser ms."""
    context = await browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    try:
        page = await context.new_page()
        await start.wait()
        began = time.perf_counter()
        await page.goto(f"{url}/{page_path}")
        await _idle(page, FINAL[page_path])
        return (time.perf_counter() - began) * 1000
    finally:
        await context.close()


async def _round(browser: Any, url: str, log: Path, page_path: str, n: int) -> dict[str, Any]:
    """n sessions on `page_path` at the same instant: browser and server-side figures."""
    before = len(_lines(log))
    start = asyncio.Event()
    visits = [asyncio.create_task(_visit(browser, url, page_path, start)) for _ in range(n)]
    await asyncio.sleep(0.5)  # every context and page is open before anyone goes
    start.set()
    browser_ms = await asyncio.gather(*visits)
    await asyncio.sleep(0.3)  # the last runs' lines are flushed right after their end
    runs = [r for r in _lines(log)[before:] if r["page"] == page_path]
    return {"sessions": n, "browser_ms": _summary(list(browser_ms)),
            "server_ms": _summary([r["ms"] for r in runs]), "runs": len(runs),
            "computed_total": max((r.get("computed", 0) for r in _lines(log)), default=0)}


async def _server_rounds(n: int, page_path: str) -> dict[str, Any]:
    """A fresh server: a cold round of n sessions, then a warm round of n new ones."""
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp)
        env = {"ECOSYSTEM_DEMO": "1", "ECOSYSTEM_TIMINGS": "1"}
        with streamlit_server(state, env) as url:
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                try:
                    log = state / "streamlit.log"
                    cold = await _round(browser, url, log, page_path, n)
                    warm = await _round(browser, url, log, page_path, n)
                finally:
                    await browser.close()
    return {"cold": cold, "warm": warm}


def concurrent_sessions(sessions: int = SESSIONS) -> dict[str, Any]:
    """Per page: the single-session baseline and `sessions` at once, cold and warm, plus the load."""
    if not CHROMIUM.exists():
        return {"skipped": "no /usr/bin/chromium"}
    results: dict[str, Any] = {"sessions": sessions, "load_average_before": os.getloadavg()}
    for page_path in PAGES:
        results[page_path] = {"single": asyncio.run(_server_rounds(1, page_path)),
                              "concurrent": asyncio.run(_server_rounds(sessions, page_path))}
    results["load_average_after"] = os.getloadavg()
    results["cpus"] = os.cpu_count()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    args = parser.parse_args(argv)
    print(json.dumps(concurrent_sessions(args.sessions), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
