"""End to end, in headless Chromium, against `streamlit run app.py` as users run it.

The demo server starts on a temporary state folder (the demo is loaded at start); the map timing
servers start on folders pre-loaded with synthetic datasets of about 2,000 and 5,000 nodes.
Screenshots of every page go to test-artifacts/screenshots/, timings to
test-artifacts/page-timings.json and test-artifacts/map-timings.json: measured and reported,
never asserted (the machine is shared; see docs/app.md for the figures).

Skipped when /usr/bin/chromium is absent, unless ECOSYSTEM_REQUIRE_BROWSER=1 (then it fails).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ecosystem.analysis.overlap import top_overlaps
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.store.memory import MemoryStore
from ecosystem.ui.map import MapSelection, build_map
from tests.browser_support import (
    ARTIFACTS,
    LOAD_LIMIT_MS,
    chromium,
    map_frame,
    open_page,
    screenshot,
    streamlit_server,
    wait_idle,
    write_timings,
)
from tests.browser_support import require_browser as _require_browser  # the name other tests import

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 1000}
BROKEN = "nom;type;territoires;odd\nJardins partagés;association;69999;2\nBio;banane;26362;99\n".encode()
MAP_SIZES = {"2000": 1920, "5000": 4800}  # actors generated; alliances and policies bring ~4 % more nodes


@dataclass(frozen=True)
class Server:
    url: str
    state: Path

    def store(self) -> MemoryStore:
        """A fresh view of what the app's embedded store holds now (read only)."""
        return MemoryStore(self.state / "embedded")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def demo_server(browser, tmp_path_factory) -> Iterator[Server]:
    state = tmp_path_factory.mktemp("browser-demo")
    with streamlit_server(state) as url:
        yield Server(url, state)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(LOAD_LIMIT_MS)
    yield page
    context.close()


def choose(page, label: str, text: str) -> None:
    """Pick an option of the Streamlit selectbox labelled `label` by typing part of its text."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text(label, exact=True))
    box.first.click()
    page.keyboard.type(text)
    page.get_by_role("option", name=re.compile(re.escape(text))).first.click()


# ---------------------------------------------------------------------- the demo, page by page


def test_home_page_loads(demo_server, page):
    open_page(page, demo_server.url)
    page.get_by_role("heading", name="Écosystème des alliances d'intérêt général").wait_for()
    assert "embedded" in page.content()
    page.get_by_text("Drôme — jeu de démonstration (fictif)").first.wait_for()
    screenshot(page, "01-accueil")


def test_map_draws_the_demo_nodes(demo_server, page):
    open_page(page, f"{demo_server.url}/carte")
    frame = map_frame(page, LOAD_LIMIT_MS)
    expected = build_map(demo_server.store(), MapSelection(), "fr")
    assert frame.evaluate("() => window.network.body.data.nodes.length") == len(expected.nodes)
    assert frame.evaluate("() => window.ecosystemMap.nodes") == len(expected.nodes)
    # Drawn where Python put them (vis keeps whole pixels): no physics, no re-layout in the browser.
    moved = frame.evaluate("""() => {
        const pos = window.network.getPositions();
        return window.network.body.data.nodes.get().filter(
            n => Math.abs(pos[n.id].x - n.x) >= 1 || Math.abs(pos[n.id].y - n.y) >= 1).length;
    }""")
    assert moved == 0
    screenshot(page, "02-carte")


def test_map_highlights_a_shared_focus(demo_server, page):
    actor = _actor_with_overlaps(demo_server)
    open_page(page, f"{demo_server.url}/carte?focus={actor}")
    frame = map_frame(page, LOAD_LIMIT_MS)
    dashed = frame.evaluate("() => window.network.body.data.edges.get().filter(e => e.dashes).length")
    assert dashed >= len(top_overlaps(demo_server.store(), actor, k=10).items)
    screenshot(page, "03-carte-mise-en-evidence")


def _actor_with_overlaps(server: Server) -> str:
    store = server.store()
    for actor_id in store.actors_in([]):
        if len(top_overlaps(store, actor_id, k=3).items) >= 3:
            return actor_id
    raise AssertionError("no actor of the demo has three overlaps")


def test_choosing_an_actor_lists_its_overlaps(demo_server, page):
    open_page(page, f"{demo_server.url}/chevauchements")
    actor = _actor_with_overlaps(demo_server)
    expected = top_overlaps(demo_server.store(), actor, k=15, lang="fr")
    choose(page, "Acteur", expected.name)
    page.get_by_role("heading", name=f"Qui chevauche {expected.name} ?").wait_for()
    wait_idle(page, LOAD_LIMIT_MS)
    for item in expected.items[:5]:
        page.get_by_text(item.reason).first.wait_for()
    assert f"actor={actor}" in page.url
    screenshot(page, "04-chevauchements")


def test_a_shared_link_reopens_the_same_view(demo_server, page, browser):
    actor = _actor_with_overlaps(demo_server)
    expected = top_overlaps(demo_server.store(), actor, level="epci", k=15, lang="fr")
    link = f"{demo_server.url}/chevauchements?actor={actor}&level=epci"
    other = browser.new_context(viewport=VIEWPORT, locale="fr-FR").new_page()  # someone else opens the link
    try:
        open_page(other, link)
        other.get_by_role("heading", name=f"Qui chevauche {expected.name} ?").wait_for()
        assert other.get_by_role("radio", name="EPCI").is_checked()
        other.get_by_text(expected.items[0].reason).first.wait_for()
        screenshot(other, "05-lien-partage")
    finally:
        other.context.close()


def test_clicking_a_row_of_the_coverage_matrix_drills_down(demo_server, page):
    open_page(page, f"{demo_server.url}/territoires?territory=departement:26")
    page.get_by_text("Territoire choisi : Drôme (département)").wait_for()
    row = page.locator("g.ytick text", has_text="CA Valence Romans Agglo").first
    row.scroll_into_view_if_needed()
    label = row.bounding_box()
    plot = page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first.bounding_box()
    page.mouse.click(plot["x"] + 40, label["y"] + label["height"] / 2)  # the cell of SDG 1 on that row
    page.get_by_text("Territoire choisi : CA Valence Romans Agglo (EPCI, Drôme, 26)").wait_for()
    assert "territory=epci%3A200068781" in page.url or "territory=epci:200068781" in page.url
    screenshot(page, "07-territoires-descente")


def test_a_broken_file_shows_row_level_errors_and_changes_nothing(demo_server, page):
    before = demo_server.store().stats()
    open_page(page, f"{demo_server.url}/donnees")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
        files=[{"name": "acteurs.csv", "mimeType": "text/csv", "buffer": BROKEN}])
    page.get_by_text("rien n'a été importé").wait_for()
    table = page.locator('[data-testid="stTable"]').first
    table.wait_for()
    rows = table.locator("tbody tr")
    texts = [rows.nth(i).inner_text() for i in range(rows.count())]
    assert any("69999" in r and "territoires" in r and "2" in r for r in texts)
    assert any("banane" in r and "type" in r for r in texts)
    assert page.get_by_role("button", name="Importer").count() == 0
    assert demo_server.store().stats() == before
    screenshot(page, "06-donnees-erreurs")


# ---------------------------------------------------------------------- every page: screenshot and timing


SCREENS = (("accueil", ""), ("carte", "carte"), ("territoires", "territoires?territory=departement:26"),
           ("chevauchements-territoire", "chevauchements?view=territory&territory=departement:26"),
           ("complementarites", "complementarites?for=alliance"), ("alliances-diagnostic", "alliances"),
           ("alliances-autoevaluation", "alliances?tab=assess"),
           ("alliances-parcours", "alliances?tab=history"), ("donnees", "donnees"),
           ("accueil-english", "?lang=en"))
NAVIGATION = (("Carte", "Carte de l'écosystème"), ("Territoires", "Couverture des ODD par territoire"),
              ("Chevauchements", "Chevauchements"), ("Complémentarités", "Complémentarités"),
              ("Alliances", "Alliances et charte"), ("Données", "Données"),
              ("Accueil", "Écosystème des alliances d'intérêt général"))


def test_every_page_is_screenshotted(demo_server, page):
    for i, (name, path) in enumerate(SCREENS, start=10):
        open_page(page, f"{demo_server.url}/{path}")
        if name.startswith("carte"):
            map_frame(page, LOAD_LIMIT_MS)
        assert page.locator('[data-testid="stException"]').count() == 0, name
        screenshot(page, f"{i:02d}-{name}")


def test_page_timings(demo_server, page):
    """How long a user waits: a full load (browser boot of the app included), then moving from page to
    page with the sidebar, first and second time (the second answers from the cache)."""
    full = {}
    for name, path in SCREENS:
        full[name] = round(open_page(page, f"{demo_server.url}/{path}"), 3)
    navigation: dict[str, list[float]] = {}
    open_page(page, demo_server.url)
    for _ in range(2):
        for link, heading in NAVIGATION:
            started = time.perf_counter()
            page.locator('[data-testid="stSidebarNav"]').get_by_text(link, exact=True).click()
            page.get_by_role("heading", name=heading, exact=True).wait_for()
            wait_idle(page, LOAD_LIMIT_MS)
            navigation.setdefault(link, []).append(round(time.perf_counter() - started, 3))
    actor = _actor_with_overlaps(demo_server)
    name = top_overlaps(demo_server.store(), actor, k=1).name
    open_page(page, f"{demo_server.url}/chevauchements")
    started = time.perf_counter()
    choose(page, "Acteur", name)
    page.get_by_role("heading", name=f"Qui chevauche {name} ?").wait_for()
    wait_idle(page, LOAD_LIMIT_MS)
    interaction = round(time.perf_counter() - started, 3)
    write_timings("page-timings.json", {
        "what": "seconds, headless Chromium on the shared 2-core machine, demo dataset, embedded store",
        "full_load_s": full,
        "sidebar_navigation_s (first, second)": navigation,
        "choose_an_actor_to_overlaps_listed_s": interaction,
    })


# ---------------------------------------------------------------------- big maps


def _measure_map(page, url: str) -> dict:
    started_ms = time.time() * 1000
    page.goto(url)
    frame = map_frame(page, LOAD_LIMIT_MS)
    drawn = frame.evaluate("() => window.ecosystemMap")
    still = frame.evaluate("""() => {
        const pos = window.network.getPositions();
        const nodes = window.network.body.data.nodes.get();
        return !window.network.physics.physicsEnabled && nodes.every(
            n => Math.abs(pos[n.id].x - n.x) < 1 && Math.abs(pos[n.id].y - n.y) < 1);
    }""")
    return {"navigation_to_drawn_s": round((drawn["drawnAt"] - started_ms) / 1000, 3),
            "vis_draw_s": round(drawn["drawMs"] / 1000, 3), "nodes": drawn["nodes"], "edges": drawn["edges"],
            "still": still}


@pytest.mark.parametrize("size", list(MAP_SIZES))
def test_big_map_draw_time(browser, tmp_path, size):
    actors = MAP_SIZES[size]
    state = tmp_path / "state"
    store = MemoryStore(state / "embedded")
    store.load(generate(GeneratorSpec(actors=actors, seed=1, scope="region:84")))
    figures: dict[str, object] = {"actors": actors}
    with streamlit_server(state, {"ECOSYSTEM_DEMO": "0"}) as url:
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
        page = context.new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        try:
            for variant, query in (("links", ""), ("links_and_sdgs", "?sdgnodes=1")):
                expected = build_map(store, MapSelection(show_sdgs=bool(query)))
                first = _measure_map(page, f"{url}/carte{query}")  # the server builds the map
                again = _measure_map(page, f"{url}/carte{query}")  # the map comes from the cache
                assert first["nodes"] == again["nodes"] == len(expected.nodes)
                assert first["still"] and again["still"]
                assert not expected.grouped
                figures[variant] = {"first_visit": first, "cached_visit": again}
                screenshot(page, f"20-carte-{size}-{variant}")
        finally:
            context.close()
    path = ARTIFACTS / "map-timings.json"
    existing = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    existing[size] = figures
    write_timings("map-timings.json", existing)
