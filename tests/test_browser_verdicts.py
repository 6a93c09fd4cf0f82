"""Issue 12 in headless Chromium against `streamlit run app.py`: the four pages show what their
scores mean, and a screenshot of each goes to test-artifacts/screenshots/ (9x-*.png) to be looked at.

What is checked is what a person sees: the text on screen, the tooltip that opens on hover.
Skipped when /usr/bin/chromium is absent, unless ECOSYSTEM_REQUIRE_BROWSER=1 (then it fails).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ecosystem.analysis.local_coverage import local_split
from ecosystem.store.memory import MemoryStore
from ecosystem.ui.views.explain import complement_help, score_help
from tests.browser_support import chromium, main_text, open_page, screenshot, streamlit_server
from tests.test_browser import LOAD_LIMIT_MS, VIEWPORT, _require_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory) -> Iterator[tuple[str, MemoryStore]]:
    state = tmp_path_factory.mktemp("browser-verdicts")
    with streamlit_server(state) as url:
        yield url, state


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(LOAD_LIMIT_MS)
    yield page
    context.close()


def _open(page, url: str) -> None:
    open_page(page, url)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_the_portfolio_of_a_territory(server, page):
    url, _ = server
    _open(page, f"{url}/alliances?show=portfolio&territory=departement:26")
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    text = main_text(page)
    assert "Une ligne par alliance" in text and "Pastilles :" in text
    screenshot(page, "90-alliances-portefeuille")


def test_a_verdict_explains_its_score_on_hover(server, page):
    url, _ = server
    _open(page, f"{url}/alliances")
    assert "Pastilles :" in main_text(page)
    verdict = page.locator('[data-testid="stMarkdown"]').filter(has_text="P4 · ").first
    verdict.locator('[data-testid="stTooltipIcon"]').first.hover()
    tip = page.locator('[data-testid="stTooltipContent"]').first
    tip.wait_for()
    assert score_help("principe-4", "fr") in tip.inner_text().replace("\n", " ")
    screenshot(page, "91-alliances-diagnostic-aide")


def test_the_overlap_matrix_in_plain_words(server, page):
    url, _ = server
    _open(page, f"{url}/chevauchements?view=territory&territory=departement:26")
    page.locator(".js-plotly-plot").first.wait_for()
    text = main_text(page)
    assert "Jaccard" not in text
    assert "on lit la part dans chaque sens" in text
    hover = page.evaluate("() => document.querySelector('.js-plotly-plot').data[0].hovertext")
    said = {text for row in hover for text in row if text}
    # A village association inside a Drôme-wide network: 100 % one way, a tiny share the other (the
    # rounded Jaccard showed « 0 % » for both while the sentence said « entièrement incluse »).
    assert ("100 % de l'empreinte d'Entraide alimentaire du Plateau est aussi occupée par le Réseau "
            "drômois d'aide alimentaire") in said
    assert ("moins de 1 % de l'empreinte du Réseau drômois d'aide alimentaire est aussi occupée par "
            "Entraide alimentaire du Plateau") in said
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    screenshot(page, "92-chevauchements-matrice")


def test_complement_scores_are_explained(server, page):
    url, _ = server
    _open(page, f"{url}/complementarites?for=alliance")
    assert complement_help("fr") in main_text(page).replace("\n", " ")
    screenshot(page, "93-complementarites-score")


def test_territories_split_local_and_wider_actors(server, page):
    url, state = server
    _open(page, f"{url}/territoires?territory=epci:200068781&count=local")
    page.locator(".js-plotly-plot").first.wait_for()
    expected = local_split(MemoryStore(state / "embedded"), "epci:200068781", "fr").sentence
    text = main_text(page)
    assert expected in text.replace("\n", " ")
    assert "acteurs locaux seulement" in text
    screenshot(page, "94-territoires-acteurs-locaux")


def test_territories_without_policy_say_gaps_cannot_be_computed(server, page):
    url, _ = server
    _open(page, f"{url}/territoires?territory=commune:07010")
    text = main_text(page)
    assert "les manques ne peuvent donc pas être calculés" in text.replace("\n", " ")
    assert "Aucun manque" not in text
    page.get_by_text("les manques ne peuvent donc pas").first.scroll_into_view_if_needed()
    screenshot(page, "95-territoires-sans-politique")
