"""The network map downloaded from the Carte page shows the app's labels (Chromium, `streamlit run`).

The page is downloaded with the page's own button, then opened from the disk, offline: its labels
are placed by the app's static/labels.js (none overlapping, the most important first) with the texts
the app's map shows, grouped territories named as everywhere else (« Valence (Drôme, 26) »).
Screenshots: test-artifacts/screenshots/map-export-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ecosystem.generate import GeneratorSpec, generate
from ecosystem.reference.labels import territory_label
from ecosystem.store.memory import MemoryStore
from ecosystem.ui.map import MAP_NODE_BUDGET, MapSelection, build_map
from ecosystem.ui.map.vis import labelled
from tests.browser_support import (
    LABEL_BOXES,
    LOAD_LIMIT_MS,
    chromium,
    map_frame,
    open_page,
    overlapping,
    require_browser,
    screenshot,
    streamlit_server,
)

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 1000}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_browser()
    with chromium() as b:
        yield b


def _download(page, url: str, tmp_path) -> object:
    """The map of `url` downloaded with the Carte page's button, opened from the disk."""
    open_page(page, url)
    map_frame(page, LOAD_LIMIT_MS)
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger la carte (HTML)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    exported = page.context.new_page()
    exported.goto(path.as_uri())
    exported.wait_for_function("() => window.ecosystemLabels !== undefined", timeout=LOAD_LIMIT_MS)
    return exported


def test_the_downloaded_map_labels_what_the_app_labels_without_overlap(browser, tmp_path):
    state = tmp_path / "state"
    store = MemoryStore(state / "embedded")
    store.load(generate(GeneratorSpec(actors=MAP_NODE_BUDGET + 200, seed=3, scope="region:84")))
    nodes, _, _ = labelled(build_map(store, MapSelection(), "fr"))
    captions = {n["id"]: n["caption"] for n in nodes}
    groups = {n["id"]: n["caption"] for n in nodes if n["id"].startswith("group:") and "wide" not in n["id"]}
    store.close()
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR", accept_downloads=True)
    try:
        with streamlit_server(state, {"ECOSYSTEM_DEMO": "0"}) as url:
            page = context.new_page()
            page.set_default_timeout(LOAD_LIMIT_MS)
            exported = _download(page, f"{url}/carte", tmp_path)
        shown = exported.evaluate(LABEL_BOXES)
        screenshot(exported, "map-export-groupes")
        assert len(shown) >= 5, shown
        assert all(text == captions[node] for *_, text, node in shown)  # the app's texts, node by node
        assert overlapping(shown) == []
        # the grouped territories are named as in the app's pickers and breadcrumbs
        for gid, caption in groups.items():
            assert caption.startswith(territory_label(gid.removeprefix("group:"), "fr") + " · "), caption
        assert any("(" in text for *_, text, node in shown if node in groups)
    finally:
        context.close()
