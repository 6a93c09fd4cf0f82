"""A re-import in the app, in headless Chromium against `streamlit run app.py`: the Données page says
what changed, in French, counted and agreed (« Changements : 1 acteur modifié et 1 ajouté. »)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ecosystem.datasets.export import json_bytes
from ecosystem.datasets.reader import read_dataset
from ecosystem.model import Actor, ActorKind
from ecosystem.resources import DEMO_DIR
from tests.browser_support import (
    screenshot,
    streamlit_server,
    wait_for_watched_run,
    wait_idle,
    watch_next_run,
)
from tests.test_browser import LOAD_LIMIT_MS, VIEWPORT, _require_browser

pytestmark = pytest.mark.browser


def test_a_reimport_says_what_changed(tmp_path: Path) -> None:
    _require_browser()
    from tests.browser_support import chromium

    demo = read_dataset(DEMO_DIR)
    first = demo.actors[0]
    new = replace(demo, actors=(replace(first, name=f"{first.name} (nouveau nom)"), *demo.actors[1:],
                                Actor("nouvel-acteur-demo", "Nouvel acteur", ActorKind.ASSOCIATION,
                                      first.territories, (2,))))
    upload = tmp_path / "demo-mise-a-jour.json"
    upload.write_bytes(json_bytes(new))
    state = tmp_path / "state"
    state.mkdir()
    with streamlit_server(state) as url, chromium() as browser:
        page = browser.new_context(viewport=VIEWPORT, locale="fr-FR").new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        page.goto(f"{url}/donnees")
        wait_idle(page)
        watch_next_run(page)
        page.locator('input[type="file"]').first.set_input_files(str(upload))
        wait_for_watched_run(page)
        watch_next_run(page)
        page.get_by_role("button", name="Importer", exact=True).click()
        wait_for_watched_run(page)
        flash = page.get_by_text("Import terminé")
        flash.wait_for()
        text = flash.inner_text()
        shot = screenshot(page, "reimport-changes-fr")
    assert "(jeu remplacé). Changements : 1 acteur modifié et 1 ajouté." in text, text
    assert shot.stat().st_size > 0
