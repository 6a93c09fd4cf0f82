"""Helpers of the browser tests: a real `streamlit run` on a free port, and headless Chromium.

Kept apart from the tests so that the tests read as scenarios. Nothing here is mocked: the server
is the app as users run it, on a temporary state folder, and the browser is Debian's Chromium
driven by Playwright (never a downloaded browser: `playwright install` is not needed).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
STREAMLIT = Path(sys.executable).parent / "streamlit"
SERVER_START_LIMIT = 120.0
"""Seconds to wait for the server to answer its health check (a failure to start, not a timing)."""
LOAD_LIMIT_MS = 120_000
"""Playwright waits this long for an element or a run: a hang guard, not a timing."""


def require_browser() -> None:
    """Skip the test where Chromium is missing, or fail when ECOSYSTEM_REQUIRE_BROWSER=1 (CI)."""
    import pytest

    if CHROMIUM.exists():
        return
    if os.environ.get("ECOSYSTEM_REQUIRE_BROWSER") == "1":
        pytest.fail(f"ECOSYSTEM_REQUIRE_BROWSER=1 but {CHROMIUM} is missing: apt-get install chromium")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def streamlit_server(state_dir: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run app.py` on a free localhost port with `state_dir`; yields its base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update({"ECOSYSTEM_STATE_DIR": str(state_dir), "ECOSYSTEM_DEMO": "1", "ECOSYSTEM_LANG": "fr",
                "PYTHONPATH": str(ROOT)})
    env.update(extra_env or {})
    log = (state_dir / "streamlit.log").open("w")
    process = subprocess.Popen(
        [str(STREAMLIT), "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_LIMIT
        while not _healthy(url):
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {(state_dir / 'streamlit.log').read_text()[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not answer its health check")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium browser (Playwright's sync API)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_idle(page, timeout_ms: float = 60_000) -> None:
    """Wait until the Streamlit script has finished its run and the page holds its result."""
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]',
                           timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && !document.querySelector('[data-testid="stSkeleton"]');
        }""", timeout=timeout_ms)


def open_page(page, url: str) -> float:
    """Go to `url` and wait until the script's run is over and the page holds its result: before that,
    what a test reads or clicks is the previous page's. The seconds it took."""
    started = time.perf_counter()
    page.goto(url)
    wait_idle(page, LOAD_LIMIT_MS)
    return time.perf_counter() - started


def main_text(page) -> str:
    """What a person reads: the rendered text of the main area (CSS-hidden text excluded), without the
    sidebar."""
    return page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').innerText")


RUN_SEEN_GRACE_MS = 3000
"""How long `wait_for_watched_run` waits to see a run start before it trusts an idle page."""


def watch_next_run(page) -> None:
    """Note in the page when the app's script next starts a run (call before the action that starts it)."""
    page.evaluate(
        """() => {
            window.testRunStarted = false;
            window.testWatchedAt = Date.now();
            const app = document.querySelector('[data-testid="stApp"]');
            // Any change of the script's state means a run began: a quick run may be over (and the
            // attribute back to notRunning) by the time this callback sees it.
            new MutationObserver(() => { window.testRunStarted = true; })
                .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
        }""")


def wait_for_watched_run(page, timeout_ms: float = 60_000) -> None:
    """Wait until the run noted by `watch_next_run` has started and ended and the page holds its result:
    until then the widgets are the previous run's, and a click or typing on them can be lost.

    Sometimes the watched attribute never changes although the run happened and drew its result
    (one multiselect pick in three after a full-page screenshot, here; a quick run rendered in one
    React update is the likely cause): past RUN_SEEN_GRACE_MS
    without a change, an idle page with nothing stale is taken as the run's result. Callers that can
    name what the run draws should wait for it as well."""
    page.wait_for_function(
        """grace => (window.testRunStarted || Date.now() - window.testWatchedAt > grace)
            && !document.querySelector('[data-stale="true"]')
            && document.querySelector('[data-testid="stApp"]').getAttribute('data-test-script-state')
               === 'notRunning'""", arg=RUN_SEEN_GRACE_MS, timeout=timeout_ms)
    wait_idle(page, timeout_ms)


def map_frame(page, timeout_ms: float = 60_000):
    """The map's iframe, once vis-network has drawn its first frame."""
    page.wait_for_selector('iframe[title*="Carte"], iframe[title*="map"]', timeout=timeout_ms)
    for frame in page.frames:
        try:
            if frame.evaluate("() => !!document.getElementById('mynetwork')"):
                frame.wait_for_function("() => window.ecosystemMap !== undefined", timeout=timeout_ms)
                return frame
        except Exception:
            continue
    raise AssertionError("no map iframe with a vis network")


LABEL_BOXES = """() => {
    const net = window.network, nodes = net.body.data.nodes.get().filter(n => n.label);
    const ctx = document.createElement("canvas").getContext("2d"), scale = net.getScale();
    const pos = net.getPositions(nodes.map(n => n.id));
    return nodes.map(n => {
        const px = n.font.size * scale, d = net.canvasToDOM(pos[n.id]);
        ctx.font = px + 'px "Source Sans Pro", Arial, sans-serif';
        const w = ctx.measureText(n.label).width;
        const top = n.shape === "box" ? d.y - px / 2 : d.y + n.size * scale + 2;
        return [d.x - w / 2, top, d.x + w / 2, top + px * 1.25, n.label, n.id];
    });
}"""
"""The network map's labels on screen, as drawn (static/labels.js sets them): [left, top, right,
bottom, text, node id] each; evaluate it in the map's frame or the downloaded page."""


def overlapping(boxes: list) -> list:
    """The pairs of label texts whose boxes (from `LABEL_BOXES`) meet."""
    return [(a[4], b[4]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def write_timings(name: str, data: dict) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
