"""Streamlit's own texts in the reader's language, in Chromium against `streamlit run` (issue 15).

What a stylesheet replaces (the uploader's « Drag and drop files here », shown while a file is dragged
over it) and what the page's script rewrites (a chosen file's size, « 1.4KB » -> « 1,4 Ko »; the names
read aloud: « Help for … », « Remove … », « Open »): French in French, English in English, and back
when the language is switched. Screenshots: test-artifacts/screenshots/widget-texts-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ecosystem.ui.widget_script import NAMES
from tests.browser_support import (
    LOAD_LIMIT_MS,
    chromium,
    open_page,
    require_browser,
    screenshot,
    streamlit_server,
    wait_for_watched_run,
    wait_idle,
    watch_next_run,
)

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 900}
ZONE = '.st-key-texts-upload-0 [data-testid="stFileUploaderDropzone"]'
DRAG_TEXT = f"{ZONE} > div:not([data-testid]) > span"
SIZE_LINE = '[data-testid="stFileChipName"] + div'
FILE = {"name": "acteurs-essai.csv", "mimeType": "text/csv", "buffer": b"nom;type\n" + b"x" * 1425}  # 1,434 B
ENGLISH_NAMES = {english for _, english in NAMES}
NAMES_JS = "() => Array.from(document.querySelectorAll('[aria-label]'), e => e.getAttribute('aria-label'))"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_browser()
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("widget-texts")) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(LOAD_LIMIT_MS)
    yield page
    context.close()


def _after(page, selector: str) -> str:
    return page.evaluate("(s) => getComputedStyle(document.querySelector(s), '::after').content", selector)


def _drag_over_the_uploader(page) -> None:
    """A file dragged over the zone (the events a person's drag sends), until the dragging text shows."""
    files = page.evaluate_handle(
        "() => { const d = new DataTransfer(); d.items.add(new File(['x'], 'a.csv', {type: 'text/csv'}));"
        " return d; }")
    page.dispatch_event(ZONE, "dragenter", {"dataTransfer": files})
    page.dispatch_event(ZONE, "dragover", {"dataTransfer": files})
    page.locator(DRAG_TEXT).wait_for(state="attached")


def _choose_the_file(page) -> None:
    watch_next_run(page)
    page.locator('.st-key-texts-upload-0 input[type="file"]').set_input_files(FILE)
    page.locator(SIZE_LINE).wait_for()
    wait_for_watched_run(page)


def test_french_uploader_says_drag_sizes_and_names_in_french(server, page):
    open_page(page, f"{server}/donnees")
    _drag_over_the_uploader(page)
    assert _after(page, DRAG_TEXT) == '"Glissez-déposez vos fichiers ici"'
    assert "Drag and drop" not in page.locator(ZONE).inner_text()  # the English is hidden, not shown
    screenshot(page, "widget-texts-glisser-fr")
    page.dispatch_event(ZONE, "dragleave")
    page.locator(DRAG_TEXT).wait_for(state="detached")

    _choose_the_file(page)
    page.wait_for_function("(s) => document.querySelector(s).textContent === '1,4\u00a0Ko'", arg=SIZE_LINE)
    chip = page.locator('[data-testid="stFileChip"]')
    assert chip.get_attribute("aria-label") == "acteurs-essai.csv, 1,4\u00a0Ko"
    remove = page.locator('[data-testid="stFileChipDeleteBtn"] button')
    assert remove.get_attribute("aria-label") == "Retirer acteurs-essai.csv"
    names = page.evaluate(NAMES_JS)
    assert not [n for n in names if n in ENGLISH_NAMES or n.startswith(("Help for ", "Remove "))], names
    assert "Choisir des fichiers" in names and "Ajouter des fichiers" in names
    chip.scroll_into_view_if_needed()
    screenshot(page, "widget-texts-fichier-fr")


def test_help_buttons_are_named_in_french_and_again_in_english_after_the_switch(server, page):
    open_page(page, f"{server}/modifier")
    page.locator('[aria-label="Aide : Identifiant"]').wait_for(state="attached")
    names = page.evaluate(NAMES_JS)
    helps = [n for n in names if n.startswith("Aide : ")]
    assert len(helps) > 5 and not [n for n in names if n.startswith("Help")], names
    assert "Ouvrir" in names and "Open" not in names
    page.locator('[aria-label="Aide : Identifiant"]').hover()
    page.locator('[data-testid="stTooltipContent"]').first.wait_for()
    screenshot(page, "widget-texts-aide-fr")

    watch_next_run(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    wait_for_watched_run(page)
    page.wait_for_function(f"() => ({NAMES_JS})().some(n => n.startsWith('Help for '))")
    names = page.evaluate(NAMES_JS)
    assert not [n for n in names if n.startswith("Aide") or n == "Ouvrir"], names
    assert "Open" in names  # Streamlit's own name, which React did not write again: switched back


def test_english_mode_stays_english(server, page):
    open_page(page, f"{server}/donnees?lang=en")
    _drag_over_the_uploader(page)
    assert _after(page, DRAG_TEXT) == '"Drag and drop files here"'
    page.dispatch_event(ZONE, "dragleave")
    page.locator(DRAG_TEXT).wait_for(state="detached")
    _choose_the_file(page)
    page.wait_for_function("(s) => document.querySelector(s).textContent === '1.4\u00a0KB'", arg=SIZE_LINE)
    assert page.locator('[data-testid="stFileChipDeleteBtn"] button').get_attribute("aria-label") == (
        "Remove acteurs-essai.csv")
    names = page.evaluate(NAMES_JS)
    french = ("Aide", "Retirer", "Ouvrir", "Panneau", "Choisir des fichiers", "Ajouter")
    assert not [n for n in names if n.startswith(french)], names
    wait_idle(page, LOAD_LIMIT_MS)
    screenshot(page, "widget-texts-fichier-en")
