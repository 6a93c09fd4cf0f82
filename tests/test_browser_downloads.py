"""The Données page's downloads, in headless Chromium against `streamlit run app.py`: each click gives
its file, whatever was clicked before it, and the server logs no media file error.

A person downloaded the template, then clicked an export: no file came, and the server log held a
`MediaFileStorageError` (issue 16). The template button made the app run again, which dropped the
media files of the run before, the export's included.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_support import screenshot, streamlit_server, wait_idle
from tests.test_browser import LOAD_LIMIT_MS, VIEWPORT, Server, _require_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    from tests.browser_support import chromium

    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory) -> Iterator[Server]:
    state = tmp_path_factory.mktemp("browser-downloads")
    with streamlit_server(state) as url:
        yield Server(url, state)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(LOAD_LIMIT_MS)
    yield page
    context.close()


def _download(page, name: str) -> bytes:
    """Click the download button named `name`; the bytes of the file the browser received."""
    with page.expect_download() as info:
        page.get_by_role("button", name=name).click()
    download = info.value
    assert download.failure() is None, download.failure()
    return Path(download.path()).read_bytes()


def _prepared(page, name: str, file_name: str) -> bytes:
    """Click the button that prepares a file (`name`), then the one that saves it (ui/downloads.py)."""
    import re

    page.get_by_role("button", name=name, exact=True).click()
    save = page.get_by_role("button", name=re.compile(rf"^Enregistrer {re.escape(file_name)} \("))
    save.wait_for()
    with page.expect_download() as info:
        save.click()
    download = info.value
    assert download.failure() is None, download.failure()
    return Path(download.path()).read_bytes()


def _log(server: Server) -> str:
    return (server.state / "streamlit.log").read_text(encoding="utf-8", errors="replace")


def test_an_export_right_after_the_template_gives_its_file(server: Server, page) -> None:
    page.goto(f"{server.url}/donnees")
    wait_idle(page, LOAD_LIMIT_MS)
    template = _download(page, "Télécharger le modèle (.xlsx)")
    assert template[:4] == b"PK\x03\x04"  # an .xlsx is a zip
    exported = _prepared(page, "JSON (.zip)", "ecosysteme-json.zip")  # at once, without waiting for anything
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        names = archive.namelist()
        assert "demo-drome.json" in names
        assert json.loads(archive.read("demo-drome.json"))["actors"]
    again = _download(page, "Télécharger le modèle (.xlsx)")
    assert again[:4] == b"PK\x03\x04"
    graph = _prepared(page, "GraphML", "ecosysteme.graphml")
    assert b"<graphml" in graph[:500]
    screenshot(page, "donnees-telechargements")
    log = _log(server)
    assert "MediaFileStorageError" not in log and "Traceback" not in log, log[-3000:]
    assert "Inotify" not in log
