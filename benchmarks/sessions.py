"""Many people at once (issue 17, item 5): N real sessions opening Accueil and Carte at the same instant.

One `streamlit run` on the demo (embedded store, ECOSYSTEM_TIMINGS=1) and N real sessions: by default
N websocket clients speaking Streamlit's own protocol (a BackMsg asking for the page, ForwardMsgs
read until `script_finished`: what a browser tab does, without a browser drawing on the same two
cores), or with `--clients chromium` N pages of one headless Chromium, each in its own context (its
own cookie, so its own session). For each page and each N (1, then `--sessions`), on fresh servers:

- 1 s after start: the sessions arrive 1 s after the server first answers its health check. With
  this code the server is started as `ecosystem app` starts it (`python -m ecosystem.ui.serve run
  app.py`), so its warm-up (ecosystem/ui/warmup.py) may still be at work: they wait for it;
- after warm-up (this code only): a second fresh server, the sessions arrive once the warm-up has
  written its line: a first visit when the shared answers are ready;
- cached: N new sessions on the first server, right after the first round.

With `--baseline DIR` (a checkout of the code before, e.g. main at 078c205 cloned into /tmp), the
same rounds run against that checkout's app (`streamlit run app.py` from DIR, this Python), each of
its servers right before this code's, so both see the same load.

"Server-side" is what the app logs for each script run (ecosystem.ui.timings: from the run's start to
its end, the page's last element sent); "client" is, for a websocket client, from its connection
to the run's `script_finished` message (every element received); for Chromium, from navigation to
Streamlit's "not running" state with the page's last element on screen. Computations are the app's
count of query functions that really ran (ecosystem.ui.context.COMPUTED), read from the same log
lines. Server CPU is the server process's user + system CPU seconds during the round (psutil).

    .venv/bin/python -m benchmarks.sessions [--sessions 10] [--clients websocket chromium]
        [--baseline /tmp/base] [--port 8715]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks import doc_sections
from ecosystem.ui.timings import PREFIX
from ecosystem.ui.warmup import PREFIX as WARMUP_PREFIX
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, SERVER_START_LIMIT, free_port

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


ROOT = Path(__file__).resolve().parent.parent
ARRIVAL_S = 1.0
"""Seconds between the server's first answer to its health check and the sessions' arrival."""
OPEN_S = 0.2
"""Seconds a round gives its clients to open (Chromium contexts) before they all go at once."""


def _lines(log: Path, prefix: str = PREFIX) -> list[dict[str, Any]]:
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(prefix):
            found.append(json.loads(line[len(prefix):]))
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


async def _round(browser: Any, server: Server, page_path: str, n: int) -> dict[str, Any]:
    """n sessions on `page_path` at the same instant (Chromium pages when `browser` is given,
    websocket clients otherwise): client and server-side figures."""
    before = len(_lines(server.log))
    start = asyncio.Event()
    visits = [asyncio.create_task(_visit(browser, server.url, page_path, start) if browser is not None
                                  else _visit_ws(server.url, page_path, start)) for _ in range(n)]
    await asyncio.sleep(OPEN_S)  # every context and page is open before anyone goes
    cpu = server.cpu_s()
    start.set()
    client_ms = await asyncio.gather(*visits)
    while len(_lines(server.log)) < before + n:  # each run's line is written right after its end
        await asyncio.sleep(0.05)
    runs = [r for r in _lines(server.log)[before:] if r["page"] == page_path]
    return {"sessions": n, "client_ms": _summary(list(client_ms)),
            "server_ms": _summary([r["ms"] for r in runs]), "runs": len(runs),
            "server_cpu_s": round(server.cpu_s() - cpu, 2),
            "computed_total": max((r.get("computed", 0) for r in _lines(server.log)), default=0)}


class Server:
    """One fresh `streamlit run` of the demo, in its own state folder: this code's (warmed, as
    `ecosystem app` serves it) or a baseline checkout's."""

    def __init__(self, root: Path, warmed: bool, state: Path, port: int | None) -> None:
        import psutil

        self.root, self.log = root, state / "streamlit.log"
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STREAMLIT_"))}
        env.update({"ECOSYSTEM_STATE_DIR": str(state), "ECOSYSTEM_DEMO": "1", "ECOSYSTEM_LANG": "fr",
                    "ECOSYSTEM_TIMINGS": "1", "PYTHONPATH": str(root)})
        entry = ["-m", "ecosystem.ui.serve", "run"] if warmed else ["-m", "streamlit", "run"]
        command = [sys.executable, *entry, "app.py", "--server.headless", "true", "--server.port",
                   str(self.port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
                   "--server.fileWatcherType", "none"]
        self._out = self.log.open("w")
        began = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=root, env=env, stdout=self._out,
                                        stderr=subprocess.STDOUT)
        self._ps = psutil.Process(self.process.pid)
        deadline = time.monotonic() + SERVER_START_LIMIT
        while not self._healthy():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the server did not start: {self.log.read_text()[-2000:]}")
            time.sleep(0.05)
        self.health_s = round(time.perf_counter() - began, 2)

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    def cpu_s(self) -> float:
        times = self._ps.cpu_times()
        return times.user + times.system

    async def warmed(self) -> dict[str, Any]:
        """Wait for the warm-up's line (this code only): how long it took, wall and CPU."""
        while not _lines(self.log, WARMUP_PREFIX):
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped: {self.log.read_text()[-2000:]}")
            await asyncio.sleep(0.05)
        line = _lines(self.log, WARMUP_PREFIX)[0]
        return {"ms": line["ms"], "cpu_ms": line["cpu_ms"], "answers": len(line["computed"])}

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._out.close()


async def _server_rounds(root: Path, warmed: bool, n: int, page_path: str, clients: str,
                         port: int | None) -> dict[str, Any]:
    """Fresh servers: sessions 1 s after start then cached ones; with the warm-up, a second server
    whose sessions arrive once the warm-up is over."""
    browser = playwright = None
    if clients == "chromium":
        from playwright.async_api import async_playwright

        playwright = await async_playwright().start()
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        with tempfile.TemporaryDirectory(dir=os.environ.get("ECOSYSTEM_BENCH_TMP")) as tmp:
            server = Server(root, warmed, Path(tmp), port)
            try:
                found: dict[str, Any] = {"health_s": server.health_s}
                await asyncio.sleep(ARRIVAL_S - OPEN_S)  # _round waits OPEN_S more
                found["start"] = await _round(browser, server, page_path, n)
                found["warm"] = await _round(browser, server, page_path, n)
                if warmed:
                    found["warmup"] = await server.warmed()
            finally:
                server.stop()
        if warmed:
            with tempfile.TemporaryDirectory(dir=os.environ.get("ECOSYSTEM_BENCH_TMP")) as tmp:
                server = Server(root, warmed, Path(tmp), port)
                try:
                    await server.warmed()
                    found["ready"] = await _round(browser, server, page_path, n)
                finally:
                    server.stop()
        return found
    finally:
        if browser is not None:
            await browser.close()
            await playwright.stop()


def concurrent_sessions(sessions: int = SESSIONS, clients: str = "websocket", baseline: Path | None = None,
                        port: int | None = None) -> dict[str, Any]:
    """Per page and per N (1, `sessions`): this code's figures, and the baseline's measured right
    before them when a baseline checkout is given; the load average around it all."""
    if clients == "chromium" and not CHROMIUM.exists():
        return {"skipped": "no /usr/bin/chromium"}
    results: dict[str, Any] = {"sessions": sessions, "clients": clients, "arrival_s": ARRIVAL_S,
                               "baseline": str(baseline) if baseline else None,
                               "load_average_before": os.getloadavg()}
    for page_path in PAGES:
        results[page_path] = {}
        for group, n in (("single", 1), ("concurrent", sessions)):
            figures = {}
            if baseline is not None:
                figures["before"] = asyncio.run(_server_rounds(baseline, False, n, page_path, clients, port))
            figures["after"] = asyncio.run(_server_rounds(ROOT, True, n, page_path, clients, port))
            results[page_path][group] = figures
    results["load_average_after"] = os.getloadavg()
    results["cpus"] = os.cpu_count()
    return results


HEADING = "## Concurrent sessions"
CASES = (("start", "{n}, {arrival:g} s after start"), ("ready", "{n}, after warm-up"),
         ("warm", "{n}, cached"))
GROUPS = (("single", "1 session"), ("concurrent", "{n} at once"))


def _ms(figures: dict[str, Any], key: str) -> str:
    found = figures.get(key) or {}
    return f"{found['p50']:,.0f} / {found['p95']:,.0f}" if found else "—"


def _load(values: Any) -> str:
    return ", ".join(f"{x:.1f}" for x in values)


def _run_tables(run: dict[str, Any]) -> list[str]:
    n = run["sessions"]
    out = [f"Clients: {run['clients']}, {run.get('cpus')} CPU cores shared with other work; load average "
           f"(1, 5, 15 min) before {_load(run.get('load_average_before', ()))}, after "
           f"{_load(run.get('load_average_after', ()))}."
           + (f" Before: {run['baseline']}." if run.get("baseline") else ""), ""]
    for page_path in PAGES:
        out += [f"**{page_path.capitalize()}**", "",
                "| case | code | server p50 / p95 | client p50 / p95 | server CPU s | runs | computations |",
                "|---|---|---:|---:|---:|---:|---:|"]
        starts, warmups = [], []
        for group, who in GROUPS:
            variants = run[page_path][group]
            for case, label in CASES:
                for code in ("before", "after"):
                    f = variants.get(code, {}).get(case)
                    if not f:
                        continue
                    text = label.format(n=who.format(n=n), arrival=run.get("arrival_s", ARRIVAL_S))
                    out.append(f"| {text} | {code} | {_ms(f, 'server_ms')} | {_ms(f, 'client_ms')} "
                               f"| {f.get('server_cpu_s', 0):.2f} | {f['runs']} | {f['computed_total']} |")
            whom = who.format(n=n)
            starts.append(f"{whom}: " + ", ".join(f"{code} {figures['health_s']:.1f} s"
                                                  for code, figures in variants.items()))
            for figures in variants.values():
                if "warmup" in figures:
                    w = figures["warmup"]
                    warmups.append(f"{whom}: {w['ms'] / 1000:.1f} s ({w['cpu_ms'] / 1000:.1f} s CPU, "
                                   f"{w['answers']} answers)")
        out += ["", f"Health check first answered after (from the process's start): {'; '.join(starts)}. "
                f"Warm-up, from the process's start to its last answer: {'; '.join(warmups) or '—'}.", ""]
    return out


def section(runs: list[dict[str, Any]]) -> str:
    """The markdown of the section: one table per run (clients) and page."""
    out = [HEADING, "",
           "Issue 17, item 5: N sessions opening a page at the same instant against one server on the demo "
           "(benchmarks/sessions.py). Server: the app's own timing of each script run (ECOSYSTEM_TIMINGS=1, "
           "from the run's start to its last element). Client: from the session's connection to the run's "
           "end as received. Milliseconds, p50 / p95 (nearest rank: with 10 sessions, p95 is the slowest). "
           "Computations: query functions that really ran in the server process (cache misses), counted "
           "from its start; the same count after N sessions as after one means they shared one "
           "computation. Server CPU: the server process's CPU seconds during the round.", "",
           "Cases, each on fresh servers: *1 s after start*, the sessions arrive 1 s after the server "
           "first answers its health check (this code is served as `ecosystem app` serves it, through "
           "`python -m ecosystem.ui.serve`, whose warm-up starts with the process and may still be at "
           "work: the sessions wait for its answers rather than compute them again); *after warm-up*, a "
           "second server, the sessions arrive once the warm-up has written its line (this code only); "
           "*cached*, N new sessions on the first server right after the first ones. *before* is main at "
           "078c205 served with `streamlit run app.py` (it has no warm-up), each of its servers measured "
           "right before this code's, on the same machine and load.", ""]
    for run in runs:
        if "skipped" in run or "arrival_s" not in run:  # no Chromium, or figures of the former layout
            out += [f"Clients: {run.get('clients', '?')}: not measured here "
                    f"({run.get('skipped', 'measured before the cases above existed; run it again')}).", ""]
            continue
        out += _run_tables(run)
    out += ["How to read it: *1 s after start* is bounded by the warm-up, which the sessions wait for; "
            "most of its CPU is opening the store (the reference hierarchy read and the embedded graph "
            "built, about 1 s of CPU on this machine, ecosystem/reference and ecosystem/store/memory), "
            "the same work the first visitors' own runs did before, done once per server whoever comes. "
            "On a shared machine its wall time grows with the load average (compare its CPU seconds). "
            "*After warm-up* and *cached* are what a visit costs once the answers are shared: the "
            "page's own drawing, with no full garbage collection of the store after each run."]
    if any(run["clients"] == "chromium" for run in runs):
        out += ["With Chromium, the client figure is mostly ten pages drawing on the same two cores as "
                "the server: the server figures are what the app itself spends."]
    out += ["", "Reproduce: `.venv/bin/python -m benchmarks.sessions --sessions 10 --clients websocket "
            "--baseline /tmp/base` with `git clone -q . /tmp/base && git -C /tmp/base checkout -q 078c205` "
            "(`make bench` runs the websocket one, this code only, with its browser part).", ""]
    return "\n".join(out)


def write_section(runs: list[dict[str, Any]], docs: Path = DOCS) -> None:
    """Replace (or add) this section of docs/benchmarks.md, leaving the others as they are."""
    doc_sections.write(docs / "benchmarks.md", HEADING, section(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--clients", choices=("websocket", "chromium"), nargs="+", default=["websocket"],
                        help="one run per kind of client, in turn, each in the section")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="a checkout of the code before (its own app.py), measured in the same run")
    parser.add_argument("--port", type=int, default=None, help="the servers' port (a free one by default)")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    runs = [concurrent_sessions(args.sessions, clients, args.baseline, args.port) for clients in args.clients]
    print(json.dumps(runs, indent=1))
    write_section(runs, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
