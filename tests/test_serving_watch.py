"""No file watcher outside development (issue 16): a served app watched the whole checkout, `.venv`
included, and its log filled with thousands of « Inotify queue overflowed ».

The real server is started as `make run` starts it (the command read from `make -n run`, with no
file-watcher setting from the environment), visited in headless Chromium (the watcher starts with a
session), and the kernel is asked how many inotify watches the process holds: none (about 4,000
without the setting). `make dev` is the one command that watches; `ecosystem app` passes the same
setting as `make run`.
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from ecosystem.commands.app import streamlit_command
from tests.browser_support import chromium, free_port, wait_idle
from tests.test_browser import LOAD_LIMIT_MS, _require_browser
from tests.test_serving import CONFIG, ROOT, _make_run_command


def _inotify_watches(pid: int) -> int:
    """Inotify watches held by the process: one "inotify wd:" line per watch in its fdinfo."""
    watches = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd) != "anon_inode:inotify":
                continue
            info = Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text()
        except OSError:
            continue
        watches += sum(1 for line in info.splitlines() if line.startswith("inotify wd:"))
    return watches


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.browser
def test_the_served_app_watches_no_file(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STREAMLIT_"))}
    env.update({"ECOSYSTEM_STATE_DIR": str(tmp_path), "ECOSYSTEM_DEMO": "0",
                "STREAMLIT_SERVER_PORT": str(port), "STREAMLIT_SERVER_HEADLESS": "true"})
    log = tmp_path / "streamlit.log"
    with log.open("w") as out:
        process = subprocess.Popen(_make_run_command(), cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        while not _healthy(f"http://127.0.0.1:{port}"):
            assert process.poll() is None, log.read_text()
            time.sleep(0.3)
        # A real visit in Chromium: a watcher, when configured, starts with the session's first run.
        _require_browser()
        with chromium() as browser:
            page = browser.new_page()
            page.set_default_timeout(LOAD_LIMIT_MS)
            page.goto(f"http://127.0.0.1:{port}/")
            wait_idle(page, LOAD_LIMIT_MS)
            assert _inotify_watches(process.pid) == 0
            page.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert "Inotify" not in log.read_text()


def test_the_project_config_turns_the_watcher_off_and_only_make_dev_turns_it_on() -> None:
    assert CONFIG["server"]["fileWatcherType"] == "none"
    assert CONFIG["server"]["runOnSave"] is False
    run = " ".join(_make_run_command())
    assert "fileWatcherType" not in run  # make run takes the project's config
    dev = subprocess.run(["make", "-n", "dev"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "--server.fileWatcherType auto" in dev


@pytest.mark.parametrize("extra", [[], ["--server.headless", "true"]])
def test_ecosystem_app_passes_no_watcher(extra: list[str]) -> None:
    command = streamlit_command(extra=extra)
    i = command.index("--server.fileWatcherType")
    assert command[i + 1] == "none"
