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


# ---------------------------------------------------------------------- three users, three sessions

PASSWORD = "un mot de passe assez long"
VALID = "nom;type;territoires;odd\nAtelier vélo de Crest;association;26108;11\n".encode()


def _sign_in(page, url: str, name: str) -> None:
    """Open `url` and sign in through the sidebar form (a session lasts as long as the tab)."""
    page.goto(url)
    wait_idle(page, LOAD_LIMIT_MS)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label("Nom").fill(name)
    sidebar.get_by_label("Mot de passe").fill(PASSWORD)
    sidebar.get_by_role("button", name="Se connecter").click()
    sidebar.get_by_text(f"Connecté : {name}").wait_for()
    wait_idle(page, LOAD_LIMIT_MS)


def test_three_users_in_three_sessions_each_do_what_their_role_allows(browser, tmp_path):
    from ecosystem.access.accounts import Accounts
    from ecosystem.access.roles import Role
    from ecosystem.store.memory import MemoryStore

    accounts = Accounts(tmp_path)
    accounts.add("alice", Role.ADMIN, PASSWORD)
    accounts.add("paul", Role.CONTRIBUTOR, PASSWORD, grants=("demo-drome",))
    accounts.add("vera", Role.VIEWER, PASSWORD)
    with streamlit_server(tmp_path) as url:
        pages = {}
        for name in ("alice", "paul", "vera"):
            context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
            pages[name] = context.new_page()
            pages[name].set_default_timeout(LOAD_LIMIT_MS)
        try:
            from ecosystem.datasets.reader import read_dataset
            from tests.test_app import DEMO

            alliance = read_dataset(DEMO).alliances[0].id
            assess = f"{url}/alliances?alliance={alliance}&tab=assess"
            for name, page in pages.items():
                _sign_in(page, f"{url}/donnees" if name != "paul" else assess, name)

            # The administrator imports a dataset and sees the removal and the audit log.
            alice = pages["alice"]
            alice.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
                files=[{"name": "acteurs.csv", "mimeType": "text/csv", "buffer": VALID}])
            alice.get_by_label("Nom du jeu (si le fichier n'en donne pas)").fill("Essai Alice")
            alice.keyboard.press("Enter")
            wait_idle(alice, LOAD_LIMIT_MS)
            alice.get_by_role("button", name="Importer", exact=True).click()
            alice.get_by_text("Import terminé").wait_for()
            assert alice.get_by_role("button", name="Retirer…").count() == 1
            alice.get_by_text("Journal des modifications").wait_for()

            # The contributor self-assesses an alliance of the granted dataset.
            paul = pages["paul"]
            before = len(MemoryStore(tmp_path / "embedded").assessments(alliance))
            slider = paul.locator('[data-testid="stSlider"] input[type="range"]').first
            slider.focus()
            slider.press("ArrowLeft" if slider.get_attribute("value") != "0" else "ArrowRight")
            wait_idle(paul, LOAD_LIMIT_MS)
            paul.get_by_role("button", name="Enregistrer l'autoévaluation").click()
            paul.get_by_text("enregistré").first.wait_for()
            assert len(MemoryStore(tmp_path / "embedded").assessments(alliance)) > before
            paul.goto(f"{url}/donnees")  # a new tab session: signed out again, read only
            wait_idle(paul, LOAD_LIMIT_MS)

            # The viewer is offered no write, on either page.
            vera = pages["vera"]
            vera.get_by_text("lecture seule").first.wait_for()
            assert vera.locator('[data-testid="stFileUploader"]').count() == 0
            assert vera.get_by_role("button", name="Retirer…").count() == 0
            assert vera.get_by_text("Journal des modifications").count() == 0
            vera.locator('[data-testid="stSidebarNav"]').get_by_text("Alliances", exact=True).click()
            wait_idle(vera, LOAD_LIMIT_MS)
            vera.get_by_text("Autoévaluation", exact=True).first.click()
            wait_idle(vera, LOAD_LIMIT_MS)
            vera.get_by_text("l'autoévaluation est en lecture seule").wait_for()
            assert vera.get_by_role("button", name="Enregistrer l'autoévaluation").count() == 0
            assert vera.locator('[data-testid="stSidebar"]').get_by_text("Connecté : vera").count() == 1
        finally:
            for page in pages.values():
                page.context.close()
    store = MemoryStore(tmp_path / "embedded")
    assert "essai-alice" in {d.id for d in store.datasets()}
    assert [(e.who, e.action) for e in store.audit()][:2] == [("paul", "assess"), ("alice", "load")]
