"""The editing journey in headless Chromium against `streamlit run app.py`: fix an actor, build an
alliance, try a partner in « Et si… ? », apply it, and read the evolution; screenshots of each step
(test-artifacts/screenshots/edition-*.png). Skipped when Chromium is absent, unless
ECOSYSTEM_REQUIRE_BROWSER=1. The single local administrator (no accounts) drives it; the roles are
covered by tests/test_editing_app.py and the server-side checks by tests/test_editing.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_support import (
    chromium,
    screenshot,
    streamlit_server,
    wait_for_watched_run,
    wait_idle,
    watch_next_run,
)
from tests.test_browser import LOAD_LIMIT_MS, VIEWPORT, _require_browser

pytestmark = pytest.mark.browser

DEMO = "demo-drome"
ACTOR = "la-consigne-romanaise"
ALLIANCE = "vrac-en-romans"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    with chromium() as b:
        yield b


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the selectbox or multiselect labelled `label` (typed, then chosen), and wait for
    the end of the run the choice starts: until then the widgets below are the previous run's, and
    typing in them is lost (the members' picker was typed into before the alliance's run replaced it)."""
    box = page.get_by_label(label, exact=True)
    box.click()
    box.fill(option)
    choice = page.get_by_role("option", name=option).first
    choice.wait_for()
    if choice.get_attribute("aria-selected") == "true":  # already the one chosen: no run to wait for
        page.keyboard.press("Escape")
        wait_idle(page, LOAD_LIMIT_MS)
        return
    watch_next_run(page)
    choice.click()
    page.keyboard.press("Escape")  # a multiselect stays open over what follows
    wait_for_watched_run(page, LOAD_LIMIT_MS)


def test_fix_an_actor_build_an_alliance_try_a_partner_apply_it_and_read_the_evolution(browser, tmp_path):
    from ecosystem.store.memory import MemoryStore

    with streamlit_server(tmp_path) as url:
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
        page = context.new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        seen: list[str] = []
        context.on("request", lambda request: seen.append(request.url))
        try:
            # Fix an actor: its SDGs.
            page.goto(f"{url}/modifier")
            wait_idle(page, LOAD_LIMIT_MS)
            choose(page, "Fiche", "La Consigne romanaise (la-consigne-romanaise)")
            sdgs = page.get_by_label("ODD", exact=True)
            expect(sdgs).to_have_value("12; 13", timeout=LOAD_LIMIT_MS)  # the form of the record picked
            sdgs.fill("8; 12; 13")
            page.get_by_role("button", name="Enregistrer").click()
            page.get_by_text("Fiche « La Consigne romanaise » enregistrée").wait_for()
            screenshot(page, "edition-fiche")

            # Build an alliance: the record, then its members.
            page.goto(f"{url}/modifier")
            wait_idle(page, LOAD_LIMIT_MS)
            page.get_by_text("Alliance", exact=True).first.click()
            page.get_by_label("Statut", exact=True).wait_for()  # the alliance's form, not the actor's
            wait_idle(page, LOAD_LIMIT_MS)
            page.get_by_label("Nom *", exact=True).fill("Vrac en Romans")
            page.get_by_label("Territoires", exact=True).fill("26281")
            page.get_by_label("ODD", exact=True).fill("12; 13")
            page.get_by_role("button", name="Créer").click()
            page.get_by_text("Fiche « Vrac en Romans » enregistrée").wait_for()
            page.goto(f"{url}/modifier?edit.tab=members")
            wait_idle(page, LOAD_LIMIT_MS)
            choose(page, "Alliance", "Vrac en Romans")
            choose(page, "Membres", "La Consigne romanaise (Entreprise)")
            page.get_by_label("Rôle de La Consigne romanaise", exact=True).wait_for()  # the run's result
            page.get_by_role("button", name="Enregistrer").click()
            page.get_by_text("Membres de « Vrac en Romans » enregistrés (1)").wait_for()

            # Try a partner among the complements, see the diagnosis move, apply it.
            page.goto(f"{url}/modifier?edit.tab=whatif&whatif.alliance={ALLIANCE}")
            wait_idle(page, LOAD_LIMIT_MS)
            box = page.get_by_label("Partenaires complémentaires suggérés", exact=True)
            box.click()
            first = page.get_by_role("option").filter(has_not_text="Select all").first
            partner = first.inner_text().split(" (")[0]
            first.click()
            page.keyboard.press("Escape")
            wait_idle(page, LOAD_LIMIT_MS)
            page.get_by_text("Avec ce changement").first.wait_for()
            assert page.get_by_text("P2 · Les ODD, cadre commun de référence").count() == 1
            screenshot(page, "edition-et-si")
            page.get_by_text("P7 · Articulation avec les politiques publiques").scroll_into_view_if_needed()
            screenshot(page, "edition-et-si-principes")
            store = MemoryStore(tmp_path / "embedded")
            assert len(store.memberships(alliance_ids=[ALLIANCE])) == 1, "trying wrote nothing"
            page.get_by_role("button", name="Appliquer : enregistrer ces membres").click()
            page.get_by_text("Scénario appliqué").wait_for()
            members = MemoryStore(tmp_path / "embedded").memberships(alliance_ids=[ALLIANCE])
            names = {a.name for a in MemoryStore(tmp_path / "embedded").actors([m.actor for m in members])}
            assert names == {"La Consigne romanaise", partner}

            # Read the evolution since the demo as it was loaded (version 1).
            page.goto(f"{url}/evolution")
            wait_idle(page, LOAD_LIMIT_MS)
            choose(page, "Depuis", "version 1 (")
            page.get_by_text("Entre la version 1 et la version actuelle : 1 acteur dont les ODD ont "
                             "changé.").wait_for()
            page.get_by_text("CA Valence Romans Agglo : 1 acteur dont les ODD ont changé (La Consigne "
                             "romanaise)").wait_for()
            screenshot(page, "edition-evolution")
        except Exception:
            screenshot(page, "edition-echec")
            raise
        finally:
            context.close()
    assert errors == []
    local = {"data", "blob", "about", "chrome-extension"}
    app = urlsplit(url).netloc
    assert seen and [u for u in seen if urlsplit(u).scheme not in local and urlsplit(u).netloc != app] == []
    audit = [(e.who, e.action) for e in MemoryStore(tmp_path / "embedded").audit()]
    assert [a for _, a in audit[:4]] == ["edit"] * 4
