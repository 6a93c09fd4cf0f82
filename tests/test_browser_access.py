"""The shared instance in headless Chromium: nothing fetched from a third party, and roles in real sessions.

Against `streamlit run app.py` as users run it (tests/browser_support.py). Skipped when Chromium is
absent, unless ECOSYSTEM_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.browser_support import chromium, streamlit_server, wait_idle
from tests.test_browser import LOAD_LIMIT_MS, SCREENS, VIEWPORT, _require_browser, map_frame

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    with chromium() as b:
        yield b


def test_no_page_asks_another_host_for_anything(browser, tmp_path):
    """Every request of every page (the tab icon, fonts, icons, the map's iframe) goes to the app."""
    with streamlit_server(tmp_path) as url:
        app = urlsplit(url).netloc
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
        seen: list[str] = []
        context.on("request", lambda request: seen.append(request.url))
        page = context.new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        try:
            for name, path in SCREENS:
                page.goto(f"{url}/{path}")
                wait_idle(page, LOAD_LIMIT_MS)
                if name.startswith("carte"):
                    map_frame(page, LOAD_LIMIT_MS)
                page.wait_for_timeout(500)  # late requests: the favicon, lazily loaded fonts
        finally:
            context.close()
    assert seen, "no request was recorded: the listener is not working"
    assert any(u.endswith(".png") or "favicon" in u or "/media/" in u for u in seen), "no tab icon requested"
    foreign = sorted({u for u in seen
                      if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).netloc != app})
    assert foreign == []
