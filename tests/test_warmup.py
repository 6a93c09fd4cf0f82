"""The warm-up at server start computes each shared answer once; what a session chooses stays its own.

Issue 17, item 5. `ecosystem.ui.warmup.warm` asks, through the cache every session reads, what a first
visit of Accueil and of the Carte asks. Counted with `ecosystem.ui.context.COMPUTED` (query functions
that really ran, cache misses): warm-ups running at the same instant compute each answer once, and a
first visit afterwards computes nothing. The last test serves the app the way `ecosystem app` does
(`python -m ecosystem.ui.serve run app.py`) and sends real sessions (Streamlit's websocket protocol)
the moment the server answers, while the warm-up is still at work.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import streamlit as st

from benchmarks.sessions import _visit_ws
from ecosystem.ui.context import COMPUTED
from ecosystem.ui.timings import PREFIX as TIMING
from ecosystem.ui.warmup import PREFIX as WARMUP
from ecosystem.ui.warmup import warm
from tests.browser_support import ROOT, chromium, free_port, map_frame, screenshot, wait_idle
from tests.test_app import NEO4J_VARS, clean, map_args, run
from tests.test_browser import LOAD_LIMIT_MS, VIEWPORT, _require_browser

SUMMARY = "ecosystem.ui.views.home.summary"
MAP = "ecosystem.ui.map.build.map_view"
HANG_GUARD_S = 300
"""How long the served app may take to start or finish the warm-up before the test gives up: a hang
detector, not a timing (nothing here is asserted about speed)."""


@pytest.fixture
def demo_app(tmp_path, monkeypatch) -> None:
    """The app on an embedded store holding the demo, every cache empty."""
    for var in NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "1")
    st.cache_data.clear()
    st.cache_resource.clear()


def test_warm_ups_at_once_compute_each_answer_once_and_a_first_visit_then_computes_nothing(demo_app) -> None:
    before = Counter(COMPUTED)
    warmers = [threading.Thread(target=warm, args=("fr",)) for _ in range(3)]
    for thread in warmers:  # three at the same instant: the later ones wait for the first's answers
        thread.start()
    for thread in warmers:
        thread.join()
    computed = Counter(COMPUTED) - before
    assert {SUMMARY, MAP} <= set(computed), computed
    assert set(computed.values()) == {1}, f"an answer was computed more than once: {computed}"

    clean(run("home"))
    assert Counter(COMPUTED) - before == computed, "Accueil's first visit computed what the warm-up had"
    clean(run("map"))
    assert Counter(COMPUTED) - before == computed, "the Carte's first visit computed what the warm-up had"


def test_what_a_session_chooses_is_not_seen_by_another(demo_app) -> None:
    """Answers are shared, choices are not: one visitor's language and filter leave the next
    visitor's page as a first visit shows it."""
    warm("fr")
    first = run("map")
    everything = len(map_args(first)["nodes"])
    first.radio(key="lang").set_value("en").run()
    first.multiselect(key="kinds").set_value(["collectivite"]).run()
    clean(first)
    assert map_args(first)["lang"] == "en"
    chosen = len(map_args(first)["nodes"])
    assert 0 < chosen < everything

    second = run("map")
    clean(second)
    assert second.radio(key="lang").value == "fr"
    assert second.multiselect(key="kinds").value == []
    assert second.title[0].value == "Carte de l'écosystème"
    assert map_args(second)["lang"] == "fr"
    assert len(map_args(second)["nodes"]) == everything
    first.run()  # and the first visitor's own choices are still theirs
    assert first.radio(key="lang").value == "en"
    assert len(map_args(first)["nodes"]) == chosen


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _lines(log: Path, prefix: str) -> list[dict]:
    text = log.read_text(encoding="utf-8", errors="replace")
    return [json.loads(line[len(prefix):]) for line in text.splitlines() if line.startswith(prefix)]


def _wait(condition, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + HANG_GUARD_S
    while not condition():
        assert process.poll() is None, log.read_text()[-3000:]
        assert time.monotonic() < deadline, f"hang: {log.read_text()[-3000:]}"
        time.sleep(0.1)


async def _sessions(url: str, pages: list[str]) -> None:
    start = asyncio.Event()
    visits = [asyncio.create_task(_visit_ws(url, page, start)) for page in pages]
    start.set()
    await asyncio.gather(*visits)


Served = tuple[str, Path, subprocess.Popen]
"""The server's URL, its log, its process."""


@contextmanager
def _served(tmp_path: Path, entry: str = "ecosystem.ui.serve") -> Iterator[Served]:
    """The app served as `ecosystem app` serves it (through ecosystem.ui.serve), or with `entry`
    "streamlit" as `make run` does, with timings on."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STREAMLIT_"))}
    env.update({"ECOSYSTEM_STATE_DIR": str(tmp_path), "ECOSYSTEM_DEMO": "1", "ECOSYSTEM_LANG": "fr",
                "ECOSYSTEM_TIMINGS": "1", "PYTHONPATH": str(ROOT)})
    log = tmp_path / "streamlit.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", entry, "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats",
             "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: _healthy(url), process, log)
        yield url, log, process
    finally:
        process.terminate()
        process.wait(timeout=HANG_GUARD_S)


def test_the_served_app_warms_at_start_and_early_visitors_join_its_computations(tmp_path) -> None:
    with _served(tmp_path) as (url, log, process):
        asyncio.run(_sessions(url, ["accueil", "carte"] * 3))  # at once, the moment the server answers
        _wait(lambda: bool(_lines(log, WARMUP)), process, log)
        asyncio.run(_sessions(url, ["accueil"]))  # one more, after the warm-up: its line has the last count
        _wait(lambda: len(_lines(log, TIMING)) == 7, process, log)
    (warmed,) = _lines(log, WARMUP)
    assert {SUMMARY, MAP} <= set(warmed["computed"])
    assert set(warmed["computed"].values()) == {1}, f"computed twice: {warmed['computed']}"
    runs = _lines(log, TIMING)
    assert sorted(r["page"] for r in runs) == ["accueil"] * 4 + ["carte"] * 3
    assert runs[-1]["computed"] == len(warmed["computed"]), "a session computed what the warm-up had"
    assert "missing ScriptRunContext" not in log.read_text()
    assert "No runtime found" not in log.read_text()


def test_served_with_streamlit_run_the_first_visit_warms_the_other_pages(tmp_path) -> None:
    """`make run` (plain `streamlit run app.py`) cannot warm at start: the first visit starts it."""
    with _served(tmp_path, "streamlit") as (url, log, process):
        asyncio.run(_sessions(url, ["accueil"]))
        _wait(lambda: bool(_lines(log, WARMUP)), process, log)
        asyncio.run(_sessions(url, ["carte"]))
        _wait(lambda: len(_lines(log, TIMING)) == 2, process, log)
    (warmed,) = _lines(log, WARMUP)
    assert set(warmed["computed"].values()) == {1}, f"computed twice: {warmed['computed']}"
    assert _lines(log, TIMING)[-1]["computed"] == len(warmed["computed"]), "the Carte computed again"


@pytest.mark.browser
def test_warmed_pages_show_their_chart_and_map_and_the_map_page_downloads(tmp_path) -> None:
    """In Chromium, on the warmed server: Accueil's chart (one figure shared by every session) and
    the Carte's map are drawn, and the map's HTML page, now made when the button is clicked, downloads."""
    _require_browser()
    with _served(tmp_path) as (url, log, process):
        _wait(lambda: bool(_lines(log, WARMUP)), process, log)
        with chromium() as browser:
            context = browser.new_context(viewport=VIEWPORT, locale="fr-FR", accept_downloads=True)
            page = context.new_page()
            page.set_default_timeout(LOAD_LIMIT_MS)
            page.goto(f"{url}/")
            wait_idle(page, LOAD_LIMIT_MS)
            page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for()
            assert page.get_by_text("Acteurs par type").count() >= 1
            screenshot(page, "60-warmed-accueil")
            page.goto(f"{url}/carte")
            wait_idle(page, LOAD_LIMIT_MS)
            frame = map_frame(page, LOAD_LIMIT_MS)
            frame.wait_for_function("() => document.body.hasAttribute('data-fitted')", timeout=LOAD_LIMIT_MS)
            button = page.get_by_role("button", name="Télécharger la carte (HTML)")
            button.scroll_into_view_if_needed()
            screenshot(page, "61-warmed-carte")
            with page.expect_download() as download:
                button.click()
            path = tmp_path / download.value.suggested_filename
            download.value.save_as(path)
            assert page.locator('[data-testid="stException"]').count() == 0
            context.close()
    assert path.name == "carte-ecosysteme.html"
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html") and "vis.Network" in text
