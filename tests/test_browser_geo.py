"""The Géographie page in headless Chromium against `streamlit run app.py` (the demo), end to end.

France by département → a click on the Drôme → a click on an EPCI → the breadcrumb back up; the URL
holds the view at each step and reopens it in a new tab; tooltips name homonyms with their
département; and not one request leaves the app's own host. Screenshots go to
test-artifacts/screenshots/3x-geographie-*.png (look at them). Timings are measured by
benchmarks/geo.py, never asserted here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import unquote, urlsplit

import pytest

from benchmarks.geo import WATCH_JS, drawn_and_still, shape_count
from tests.browser_support import (
    LOAD_LIMIT_MS,
    ROOT,
    chromium,
    free_port,
    screenshot,
    streamlit_server,
    wait_idle,
)
from tests.test_browser import _require_browser

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 1000}
LOCAL_SCHEMES = {"data", "blob", "about"}
TILE = ROOT / "ecosystem" / "ui" / "assets" / "icon.png"
DROME, VRA, VALENCE = "departement:26", "epci:200068781", "commune:26362"

# The most interior hit point of a shape (nearest to the mean of its hit points), on the screen.
POSITION_JS = """(tid) => {
    const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
    const hits = gd._fullData.find(t => t.name === 'shapes');
    const mine = [];
    hits.customdata.forEach((c, i) => { if (c === tid) mine.push(i); });
    if (!mine.length) return null;
    const mx = mine.reduce((s, i) => s + hits.x[i], 0) / mine.length;
    const my = mine.reduce((s, i) => s + hits.y[i], 0) / mine.length;
    const far = (i) => (hits.x[i] - mx) ** 2 + (hits.y[i] - my) ** 2;
    const best = mine.reduce((a, i) => far(i) < far(a) ? i : a);
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
    return [box.left + xa._offset + xa.d2p(hits.x[best]), box.top + ya._offset + ya.d2p(hits.y[best])];
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("browser-geo")) as url:
        yield url


@pytest.fixture
def watched(browser):
    """A page that records every request it makes and the time of its last change."""
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    context.add_init_script(f"({WATCH_JS})()")
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    page.set_default_timeout(LOAD_LIMIT_MS)
    page.requests = seen
    yield page
    context.close()


def territory_in_url(page) -> str | None:
    query = dict(p.split("=", 1) for p in urlsplit(page.url).query.split("&") if "=" in p)
    return unquote(query["territory"]) if "territory" in query else None


def click_shape(page, tid: str) -> None:
    page.locator('[data-testid="stPlotlyChart"]').first.scroll_into_view_if_needed()
    position = page.evaluate(POSITION_JS, tid)
    assert position, f"{tid} is not on the map"
    page.mouse.move(*position)
    page.mouse.click(*position)


def tooltip(page, tid: str) -> str:
    """Rest the pointer on a shape; the tooltip's text."""
    page.mouse.move(*page.evaluate(POSITION_JS, tid))
    page.wait_for_selector(".hoverlayer .hovertext")
    return page.locator(".hoverlayer .hovertext").first.text_content() or ""


def foreign(page, app_url: str) -> list[str]:
    app = urlsplit(app_url).netloc
    return sorted({u for u in page.requests
                   if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).netloc != app})


def test_click_down_two_levels_and_climb_back_with_the_breadcrumb(server, watched, browser):
    page = watched
    page.goto(f"{server}/geographie?geolevel=departement")
    drawn_and_still(page, shape_count("pays:FR", "departement"))
    assert tooltip(page, "departement:32") == "Gers (département)0 acteur"  # two lines, no data there
    screenshot(page, "30-geographie-france-departements")

    click_shape(page, DROME)
    page.wait_for_function("() => location.search.includes('departement%3A26')")
    drawn_and_still(page, shape_count(DROME, "epci"))
    assert territory_in_url(page) == DROME and "geolevel" not in page.url  # the next level down
    assert page.get_by_text("Territoire choisi : Drôme (département)").is_visible()
    screenshot(page, "31-geographie-drome-epci")

    click_shape(page, VRA)
    page.wait_for_function("() => location.search.includes('epci%3A200068781')")
    drawn_and_still(page, shape_count(VRA, "commune"))
    assert territory_in_url(page) == VRA
    assert tooltip(page, VALENCE).startswith("Valence (Drôme, 26)")
    screenshot(page, "32-geographie-agglo-communes")

    shared = page.url
    page.locator(".st-key-geo_breadcrumb button", has_text="Drôme").first.click()
    page.wait_for_function("() => location.search.includes('departement%3A26')")
    drawn_and_still(page, shape_count(DROME, "epci"))
    assert territory_in_url(page) == DROME

    other = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    try:
        again = other.new_page()
        again.set_default_timeout(LOAD_LIMIT_MS)
        again.add_init_script(f"({WATCH_JS})()")
        again.goto(shared)
        drawn_and_still(again, shape_count(VRA, "commune"))
        assert territory_in_url(again) == VRA
        assert again.get_by_text("Territoire choisi : CA Valence Romans Agglo (EPCI, Drôme, 26)").is_visible()
    finally:
        other.close()
    assert page.requests and foreign(page, server) == []


def test_measures_and_english_draw_offline(server, watched):
    page = watched
    drome = "territory=departement:26&geolevel=commune"
    for query, name in ((f"{drome}&geomeasure=gaps", "33-geographie-manques"),
                        (f"{drome}&geomeasure=coverage&sdg=2", "34-geographie-odd-2"),
                        ("lang=en&territory=region:84", "35-geography-english")):
        page.goto(f"{server}/geographie?{query}")
        territory = "region:84" if "region:84" in query else DROME
        level = "departement" if territory == "region:84" else "commune"
        drawn_and_still(page, shape_count(territory, level))
        wait_idle(page, LOAD_LIMIT_MS)
        screenshot(page, name)
    assert page.get_by_text("Where the actors are").is_visible()
    assert foreign(page, server) == []


class _Tiles(BaseHTTPRequestHandler):
    """A tile server on 127.0.0.1: the same small PNG for every tile, and the paths it was asked."""

    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Tiles.asked.append(self.path)
        body = TILE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_tile_url_lays_its_tiles_under_the_shapes(browser, tmp_path):
    tiles = ThreadingHTTPServer(("127.0.0.1", free_port()), _Tiles)
    thread = threading.Thread(target=tiles.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{tiles.server_address[1]}"
    env = {"ECOSYSTEM_MAP_TILES": f"http://{host}/{{z}}/{{x}}/{{y}}.png",
           "ECOSYSTEM_MAP_ATTRIBUTION": "Tuiles de test"}
    try:
        with streamlit_server(tmp_path, env) as url:
            context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
            context.add_init_script(f"({WATCH_JS})()")
            page = context.new_page()
            page.set_default_timeout(LOAD_LIMIT_MS)
            try:
                page.goto(f"{url}/geographie?territory=departement:26&geolevel=commune")
                drawn_and_still(page, shape_count(DROME, "commune"))
                page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot image').length > 0")
                assert page.get_by_text("Fond de carte : Tuiles de test.", exact=False).is_visible()
                screenshot(page, "36-geographie-fond-de-carte")
            finally:
                context.close()
    finally:
        tiles.shutdown()
    assert _Tiles.asked and all(p.startswith("/10/") for p in _Tiles.asked)
