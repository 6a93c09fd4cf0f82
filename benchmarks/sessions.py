"""Many people at once (issue 17, item 5): N real sessions opening Accueil and Carte at the same instant.

One `streamlit run` on the demo (embedded store, ECOSYSTEM_TIMINGS=1) and N real sessions: by default
N websocket clients speaking Streamlit's own protocol (a BackMsg asking for the page, ForwardMsgs
read until `script_finished`: what a browser tab does, without a browser drawing on the same two
cores), or with `--clients chromium` N pages of one headless Chromium, each in its own context (its
own cookie, so its own session). For each page:

- single, cold: one session, first visit after the server started (it computes everything);
- single, warm: one new session on the same server (every answer is in the shared cache);
- N at once, cold: a fresh server, N sessions sent to the page at the same instant (asyncio.gather)
  before anything was computed: they should wait for one computation, not make N;
- N at once, warm: N new sessions at the same instant, everything cached.

"Server-side" is what the app logs for each script run (ecosystem.ui.timings: from the run's start to
its end, the page's last element sent); "client" is, for a websocket client, from its connection
to the run's `script_finished` message (every element received); for Chromium, from navigation to
Streamlit's "not running" state with the page's last element on screen. Computations are the app's
count of query functions
that really ran (ecosystem.ui.context.COMPUTED), read from the same log lines.

    .venv/bin/python -m benchmarks.sessions [--sessions 10] [--clients websocket chromium]
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

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = ("accueil", "carte")
SESSIONS = 10
LIMIT_MS = 300_000
"""How long a page may take before the benchmark gives up (a hang, not a measured figure)."""
FINAL = {"accueil": '[data-testid="stExpander"] >> nth=1',
         "carte": 'iframe[title*="Carte"], iframe[title*="map"]'}
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
    return {"n": len(values), "p50": round(statistics.median(values), 1),
            "p95": round(percentile(values, 95), 1),
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


async def _visit_ws(url: str, page_path: str, start: asyncio.Event) -> float:
    """One new session over a websocket, as the browser's Streamlit client opens it; client ms."""
    import websockets  # Streamlit's own dependency
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    await start.wait()
    began = time.perf_counter()
    stream = url.replace("http", "ws", 1) + "/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"],
                                  max_size=None, open_timeout=LIMIT_MS / 1000) as ws:
        ask = BackMsg()
        ask.rerun_script.query_string = ""
        ask.rerun_script.page_name = page_path
        await ws.send(ask.SerializeToString())
        async for raw in ws:
            message = ForwardMsg()
            message.ParseFromString(raw)
            if message.WhichOneof("type") == "script_finished":
                return (time.perf_counter() - began) * 1000
    raise RuntimeError(f"the server closed the session before {page_path} finished")


async def _round(browser: Any, url: str, log: Path, page_path: str, n: int) -> dict[str, Any]:
    """n sessions on `page_path` at the same instant (Chromium pages when `browser` is given,
    websocket clients otherwise): client and server-side figures."""
    before = len(_lines(log))
    start = asyncio.Event()
    visits = [asyncio.create_task(_visit(browser, url, page_path, start) if browser is not None
                                  else _visit_ws(url, page_path, start)) for _ in range(n)]
    await asyncio.sleep(0.5)  # every context and page is open before anyone goes
    start.set()
    client_ms = await asyncio.gather(*visits)
    await asyncio.sleep(0.3)  # the last runs' lines are flushed right after their end
    runs = [r for r in _lines(log)[before:] if r["page"] == page_path]
    return {"sessions": n, "client_ms": _summary(list(client_ms)),
            "server_ms": _summary([r["ms"] for r in runs]), "runs": len(runs),
            "computed_total": max((r.get("computed", 0) for r in _lines(log)), default=0)}


async def _server_rounds(n: int, page_path: str, clients: str) -> dict[str, Any]:
    """A fresh server: a cold round of n sessions, then a warm round of n new ones."""
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp)
        env = {"ECOSYSTEM_DEMO": "1", "ECOSYSTEM_TIMINGS": "1"}
        with streamlit_server(state, env) as url:
            log = state / "streamlit.log"
            if clients == "websocket":
                return {"cold": await _round(None, url, log, page_path, n),
                        "warm": await _round(None, url, log, page_path, n)}
            from playwright.async_api import async_playwright

            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                try:
                    return {"cold": await _round(browser, url, log, page_path, n),
                            "warm": await _round(browser, url, log, page_path, n)}
                finally:
                    await browser.close()


def concurrent_sessions(sessions: int = SESSIONS, clients: str = "websocket") -> dict[str, Any]:
    """Per page: the single-session baseline and `sessions` at once, cold and warm, plus the load."""
    if clients == "chromium" and not CHROMIUM.exists():
        return {"skipped": "no /usr/bin/chromium"}
    results: dict[str, Any] = {"sessions": sessions, "clients": clients,
                               "load_average_before": os.getloadavg()}
    for page_path in PAGES:
        results[page_path] = {"single": asyncio.run(_server_rounds(1, page_path, clients)),
                              "concurrent": asyncio.run(_server_rounds(sessions, page_path, clients))}
    results["load_average_after"] = os.getloadavg()
    results["cpus"] = os.cpu_count()
    return results


HEADING = "## Concurrent sessions"
CASES = (("single", "cold", "1 session, first visit"), ("single", "warm", "1 session, cached"),
         ("concurrent", "cold", "{n} at once, first visit"), ("concurrent", "warm", "{n} at once, cached"))


def _ms(figures: dict[str, Any], key: str) -> str:
    found = figures.get(key) or {}
    return f"{found['p50']:,.0f} / {found['p95']:,.0f}" if found else "—"


def section(runs: list[dict[str, Any]]) -> str:
    """The markdown of the section: one table per run (clients) and page."""
    out = [HEADING, "",
           "Issue 17, item 5: N sessions opening a page at the same instant against one `streamlit run` on "
           "the demo (benchmarks/sessions.py). Server: the app's own timing of each script run "
           "(ECOSYSTEM_TIMINGS=1, from the run's start to its last element). Client: from the session's "
           "connection to the run's end as received. Milliseconds, p50 / p95 (nearest rank: with 10 "
           "sessions, p95 is the slowest). Computations: query functions that really ran in the server "
           "process (cache misses), counted from its start; the same count after N sessions as after one "
           "means they shared one computation. Each row pair (first visit, cached) is a fresh server.", ""]
    for run in runs:
        n, load = run["sessions"], run.get("load_average_before", ())
        out += [f"Clients: {run['clients']}, {run.get('cpus')} CPU cores shared with other work; "
                "load average "
                f"(1, 5, 15 min) before {', '.join(f'{x:.1f}' for x in load)}, after "
                f"{', '.join(f'{x:.1f}' for x in run.get('load_average_after', ()))}.", ""]
        for page_path in PAGES:
            out += [f"**{page_path.capitalize()}**", "",
                    "| case | server p50 / p95 | client p50 / p95 | runs | computations |",
                    "|---|---:|---:|---:|---:|"]
            for group, temp, label in CASES:
                f = run[page_path][group][temp]
                out.append(f"| {label.format(n=n)} | {_ms(f, 'server_ms')} | {_ms(f, 'client_ms')} "
                           f"| {f['runs']} "
                           f"| {f['computed_total']} |")
            out.append("")
    out += ["With Chromium, the client figure is mostly ten pages drawing on the same two cores as the "
            "server (the load average climbs past 20): the server figures are what the app itself spends. "
            "The first-visit rows are where sharing shows: ten sessions arriving before anything is "
            "cached wait for one computation of each answer (the count does not grow with N).", "",
            "Reproduce: `.venv/bin/python -m benchmarks.sessions --sessions 10 --clients websocket chromium` "
            "(`make bench` runs the websocket one with its browser part).", ""]
    return "\n".join(out)


def write_section(runs: list[dict[str, Any]], docs: Path = DOCS) -> None:
    """Replace (or add) this section of docs/benchmarks.md, leaving the others as they are."""
    path = docs / "benchmarks.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if HEADING in text:
        head, rest = text.split(HEADING, 1)
        tail = rest[rest.index("\n## "):] if "\n## " in rest else ""
        text = head.rstrip("\n") + tail
    path.write_text(text.rstrip("\n") + "\n\n" + section(runs), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--clients", choices=("websocket", "chromium"), nargs="+", default=["websocket"],
                        help="one run per kind of client, in turn, each in the section")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    runs = [concurrent_sessions(args.sessions, clients) for clients in args.clients]
    print(json.dumps(runs, indent=1))
    write_section(runs, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
