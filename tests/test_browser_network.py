"""The interactive network map in real headless Chromium against `streamlit run app.py`, 1280x800.

A click on a node reaches Python (the panel shows it, the URL keeps it), its neighbours stay lit and
the rest fades; a click on the lone actors' group lists them; on a map grouped beyond the node budget
a click on a territory's group opens that territory; labels never overlap, at two zooms; the
breadcrumb and the export buttons are not cut at 1280 px; no request leaves 127.0.0.1.
Screenshots go to test-artifacts/screenshots/ (look at them). Skipped without /usr/bin/chromium.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ecosystem.generate import GeneratorSpec, generate
from ecosystem.store.memory import MemoryStore
from ecosystem.ui.map import MAP_NODE_BUDGET, MapSelection, build_map
from ecosystem.ui.map.model import UNLINKED_GROUP
from tests.browser_support import (
    LABEL_BOXES,
    LOAD_LIMIT_MS,
    chromium,
    map_frame,
    overlapping,
    require_browser,
    screenshot,
    streamlit_server,
    wait_idle,
)

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 800}
COMPONENT = 'iframe[title="ecosystem.ui.map.component.network"]'
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_browser()
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def demo(browser, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    state = tmp_path_factory.mktemp("network-demo")
    with streamlit_server(state) as url:
        yield url, state


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(LOAD_LIMIT_MS)
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    yield page
    context.close()
    assert hosts <= LOCAL_HOSTS | {""}, f"requests left the machine: {sorted(hosts - LOCAL_HOSTS)}"


def _open(page, url: str):
    page.goto(url)
    wait_idle(page, LOAD_LIMIT_MS)
    frame = map_frame(page, LOAD_LIMIT_MS)
    frame.wait_for_function("() => window.ecosystemLabels !== undefined", timeout=LOAD_LIMIT_MS)
    # The drawing is fitted to the frame once more after it has grown: a zoom or a focus made before
    # that would be undone by it.
    frame.wait_for_function("() => document.body.hasAttribute('data-fitted')", timeout=LOAD_LIMIT_MS)
    return frame


def _click_node(page, frame, node_id: str) -> None:
    """Click where the node is drawn on screen, as a person would."""
    frame.evaluate(f"() => window.network.focus({node_id!r}, {{scale: 1.2, animation: false}})")
    spot = frame.evaluate(f"""() => {{
        const d = window.network.canvasToDOM(window.network.getPositions([{node_id!r}])[{node_id!r}]);
        const r = document.getElementById("mynetwork").getBoundingClientRect();
        return {{x: r.left + d.x, y: r.top + d.y}};
    }}""")
    box = page.locator(COMPONENT).bounding_box()
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


def test_clicking_a_node_opens_its_panel_and_lights_its_neighbours(demo, page):
    url, state = demo
    frame = _open(page, f"{url}/carte")  # the app loads the demo on its first visit
    model = build_map(MemoryStore(state / "embedded"), MapSelection(), "fr")
    actor = max((n for n in model.nodes if n.type == "actor"), key=lambda n: (n.size, n.id))
    screenshot(page, "network-01-carte-1280")
    _click_node(page, frame, actor.id)
    panel = page.locator(".st-key-map-panel")
    panel.get_by_text(actor.name, exact=True).wait_for()
    panel.get_by_text("Chevauchements principaux").wait_for()
    wait_idle(page, LOAD_LIMIT_MS)
    assert f"node=actor%3A{actor.id.removeprefix('actor:')}" in page.url or f"node={actor.id}" in page.url
    linked = {e.target if e.source == actor.id else e.source for e in model.edges
              if actor.id in (e.source, e.target)}
    opacity = frame.evaluate("() => Object.fromEntries(window.network.body.data.nodes.get().map("
                             "n => [n.id, n.opacity === undefined ? 1 : n.opacity]))")
    assert all(opacity[n] == 1 for n in linked | {actor.id})
    assert any(opacity[n.id] < 1 for n in model.nodes if n.id not in linked | {actor.id})
    screenshot(page, "network-02-panneau")


def test_clicking_the_lone_actors_lists_them(demo, page):
    url, _ = demo
    frame = _open(page, f"{url}/carte")
    _click_node(page, frame, UNLINKED_GROUP)
    page.locator(".st-key-map-panel").get_by_text("n'ont aucun lien sur cette carte").wait_for()
    screenshot(page, "network-03-sans-lien")


def test_labels_never_overlap_and_more_appear_when_zooming_in(demo, page):
    url, _ = demo
    frame = _open(page, f"{url}/carte")
    first = frame.evaluate(LABEL_BOXES)
    assert first and overlapping(first) == []
    before = frame.evaluate("() => window.ecosystemLabels.scale")  # read before zooming: labels may be
    frame.evaluate("() => { const n = window.network; n.moveTo({scale: n.getScale() * 3, animation: false});"
                   " n.emit('zoom', {}); }")  # placed again before the next line runs
    frame.wait_for_function(f"() => window.ecosystemLabels.scale > {before}", timeout=LOAD_LIMIT_MS)
    zoomed = frame.evaluate(LABEL_BOXES)
    assert overlapping(zoomed) == []
    width = frame.evaluate("() => document.getElementById('mynetwork').clientWidth")
    shown = [b for b in zoomed if b[2] > 0 and b[0] < width]
    assert len({b[4] for b in shown} - {b[4] for b in first}) > 0, "zooming in names more nodes"
    screenshot(page, "network-04-zoom")


def test_breadcrumb_and_export_buttons_are_not_cut_at_1280(demo, page):
    url, _ = demo
    cut = """(selector) => [...document.querySelectorAll(selector + ' button')].filter(
        b => [...b.querySelectorAll('p')].some(p => p.scrollWidth > p.clientWidth + 1)
    ).map(b => b.innerText)"""
    _open(page, f"{url}/carte?territory=commune:26362")
    page.locator(".st-key-territory-crumbs").get_by_role("button", name="CA Valence Romans Agglo").wait_for()
    assert page.evaluate(cut, ".st-key-territory-crumbs") == []
    screenshot(page, "network-05-fil-d-ariane")
    page.goto(f"{url}/donnees")
    wait_idle(page, LOAD_LIMIT_MS)
    page.locator(".st-key-export-row").get_by_role("button", name="GraphML").wait_for()
    assert page.evaluate(cut, ".st-key-export-row") == []
    screenshot(page, "network-06-exports")


def test_clicking_a_territory_group_opens_it(browser, tmp_path):
    state = tmp_path / "state"
    store = MemoryStore(state / "embedded")
    store.load(generate(GeneratorSpec(actors=MAP_NODE_BUDGET + 200, seed=3, scope="region:84")))
    model = build_map(store, MapSelection(), "fr")
    group = max((n for n in model.nodes if n.opens.startswith("territory:")), key=lambda n: (n.size, n.id))
    with streamlit_server(state, {"ECOSYSTEM_DEMO": "0"}) as url:
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
        page = context.new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        try:
            frame = _open(page, f"{url}/carte")
            screenshot(page, "network-07-groupes")
            _click_node(page, frame, group.id)
            territory = group.opens.removeprefix("territory:")
            page.wait_for_function("(t) => new URLSearchParams(location.search).get('territory') === t",
                                   arg=territory, timeout=LOAD_LIMIT_MS)
            wait_idle(page, LOAD_LIMIT_MS)
            time.sleep(0.5)  # the component receives its new map after the script's run
            frame = map_frame(page, LOAD_LIMIT_MS)
            opened = build_map(store, MapSelection(territory=territory), "fr")
            frame.wait_for_function(f"() => window.network.body.data.nodes.length === {len(opened.nodes)}",
                                    timeout=LOAD_LIMIT_MS)
            screenshot(page, "network-08-groupe-ouvert")
        finally:
            context.close()
