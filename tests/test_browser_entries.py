"""Correcting and deleting self-assessment entries in headless Chromium against `streamlit run`
(tests/browser_support.py): a contributor signs in, is offered « Corriger » and « Supprimer » on
their own entry only, deletes it after the confirmation; a viewer sees the entries and no button.
Skipped when Chromium is absent, unless ECOSYSTEM_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.browser_support import chromium, screenshot, streamlit_server, wait_idle
from tests.test_browser import LOAD_LIMIT_MS, VIEWPORT, _require_browser
from tests.test_browser_access import PASSWORD, _sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    with chromium() as b:
        yield b


def test_a_contributor_deletes_their_entry_and_a_viewer_is_offered_nothing(browser, tmp_path):
    from ecosystem.access.accounts import Accounts
    from ecosystem.access.roles import Principal, Role
    from ecosystem.access.writes import Writes
    from ecosystem.datasets.reader import read_dataset
    from ecosystem.model import Assessment
    from ecosystem.store.memory import MemoryStore
    from tests.test_app import DEMO

    accounts = Accounts(tmp_path)
    accounts.add("paul", Role.CONTRIBUTOR, PASSWORD, grants=("demo-drome",))
    accounts.add("vera", Role.VIEWER, PASSWORD)
    demo = read_dataset(DEMO)
    alliance = demo.alliances[0].id
    store = MemoryStore(tmp_path / "embedded")
    store.load(demo)
    paul = Principal("paul", Role.CONTRIBUTOR, frozenset({"demo-drome"}))
    Writes(store, paul).record_assessments([Assessment(alliance, "principe-4", date(2025, 11, 3), 2,
                                                       "Premier essai, à revoir en comité")])
    with streamlit_server(tmp_path) as url:
        history = f"{url}/alliances?alliance={alliance}&tab=history"
        pages = {}
        for name in ("paul", "vera"):
            page = browser.new_context(viewport=VIEWPORT, locale="fr-FR").new_page()
            page.set_default_timeout(LOAD_LIMIT_MS)
            _sign_in(page, history, name)
            pages[name] = page

        paul_page, vera_page = pages["paul"], pages["vera"]
        paul_page.get_by_text("Entrées de l'autoévaluation").wait_for()
        assert paul_page.get_by_role("button", name="Supprimer").count() == 1
        assert paul_page.get_by_role("button", name="Corriger").count() == 1
        paul_page.get_by_text("Entrées de l'autoévaluation").scroll_into_view_if_needed()
        screenshot(paul_page, "entries-contributor")
        paul_page.get_by_role("button", name="Supprimer").click()
        paul_page.get_by_text("Supprimer l'entrée du 03/11/2025 (Complémentarité, note 2/3) ?").wait_for()
        paul_page.get_by_role("button", name="Confirmer la suppression").wait_for()
        wait_idle(paul_page, LOAD_LIMIT_MS)
        paul_page.get_by_text("Entrées de l'autoévaluation").scroll_into_view_if_needed()
        screenshot(paul_page, "entries-confirm")
        paul_page.get_by_role("button", name="Confirmer la suppression").click()
        paul_page.get_by_text("Entrée du 03/11/2025 (Complémentarité) supprimée.").wait_for()
        wait_idle(paul_page, LOAD_LIMIT_MS)

        vera_page.get_by_text("Entrées de l'autoévaluation").wait_for()
        assert vera_page.get_by_role("button", name="Supprimer").count() == 0
        assert vera_page.get_by_role("button", name="Corriger").count() == 0
        vera_page.get_by_text("Entrées de l'autoévaluation").scroll_into_view_if_needed()
        screenshot(vera_page, "entries-viewer")
    assert "principe-4@2025-11-03" not in {s.entry_id for s in MemoryStore(tmp_path / "embedded")
                                           .assessments(alliance)}
