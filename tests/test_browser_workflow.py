"""A catalyst's first steps in headless Chromium: the first visit, an RNA import from the Données page,
the review of its inferred SDGs, and Streamlit's own widgets speaking the reader's language.

Against `streamlit run app.py` as users run it (tests/browser_support.py), as the single local
administrator (no account configured, served on 127.0.0.1). The RNA file is built in the test with
the register's real header. Screenshots go to test-artifacts/screenshots/workflow-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.browser_support import chromium, main_text, open_page, screenshot, streamlit_server, wait_idle
from tests.rna_files import waldec_zip
from tests.test_browser import LOAD_LIMIT_MS, _require_browser

pytestmark = pytest.mark.browser

FIRST_VISIT = {"width": 1280, "height": 800}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}
ENGLISH_WIDGET_TEXTS = (
    "Upload",
    "200MB per file",
    "Drag and drop",
    "Select all",
    "No results",
    "Choose an option",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    with chromium() as b:
        yield b


def _after(page, selector: str) -> list[str]:
    """The `::after` texts the app's stylesheet writes on the elements of `selector`."""
    return page.evaluate(
        "(s) => Array.from(document.querySelectorAll(s)).map(e => getComputedStyle(e, '::after').content)",
        selector,
    )


def test_first_visit_import_an_rna_file_and_review_its_sdgs(browser, tmp_path):
    rna = tmp_path / "rna_waldec_20250101_dpt_26.zip"
    rna.write_bytes(waldec_zip())
    state = tmp_path / "state"
    state.mkdir()
    with streamlit_server(state) as url:
        context = browser.new_context(viewport=FIRST_VISIT, locale="fr-FR")
        seen: list[str] = []
        context.on("request", lambda request: seen.append(request.url))
        page = context.new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        try:
            # ------------------------------------------------------------ first visit, 1280 x 800
            open_page(page, url)
            start = page.get_by_role("heading", name="Par où commencer")
            box = start.bounding_box()
            assert box is not None and box["y"] + box["height"] < FIRST_VISIT["height"], "below the fold"
            first_step = page.get_by_role("button", name="Choisir mon territoire")
            assert first_step.bounding_box()["y"] < FIRST_VISIT["height"]
            text = main_text(page)
            assert text.count("ODD (Objectifs de développement durable)") == 1
            sidebar = page.evaluate("() => document.querySelector('[data-testid=\"stSidebar\"]').innerText")
            assert "networkx" not in sidebar and str(tmp_path) not in sidebar
            screenshot(page, "workflow-accueil-1280x800")
            page.get_by_text("À propos").click()
            page.get_by_text("Versions :").wait_for()
            assert "networkx" in main_text(page)

            # ------------------------------------------------------------ the RNA import, Données
            open_page(page, f"{url}/donnees")
            assert _after(
                page,
                '.st-key-texts-registers-rna-0 [data-testid="stFileUploaderDropzoneInstructions"] div > span',
            ) == ['"200 Mo maximum par fichier • ZIP, CSV, TXT"']
            page.get_by_role("textbox", name="Territoire (code ou nom)").fill("26")
            page.get_by_role("textbox", name="Territoire (code ou nom)").press("Enter")
            page.get_by_text("Territoire : Drôme").wait_for()
            page.locator('.st-key-texts-registers-rna-0 input[type="file"]').set_input_files(str(rna))
            page.get_by_text("dpt_26.zip").wait_for()  # the uploader shortens long names
            screenshot(page, "workflow-donnees-registres")
            page.get_by_role("button", name="Lancer l'import").click()
            page.get_by_text("Importés : 3 actifs (nouveaux 3, mis à jour 0, inchangés 0)").wait_for()
            wait_idle(page, LOAD_LIMIT_MS)
            assert "Télécharger les lignes écartées (1)" in main_text(page)
            for english in ENGLISH_WIDGET_TEXTS:
                assert english not in main_text(page), english
            screenshot(page, "workflow-donnees-import-fait")

            # ------------------------------------------------------------ the SDG review
            open_page(page, f"{url}/revue-odd")
            assert "3 ODD déduits à revoir, pour 2 acteurs." in main_text(page)
            page.get_by_role("textbox", name="Filtrer par nom").fill("die")
            page.get_by_role("textbox", name="Filtrer par nom").press("Enter")
            page.get_by_text("1 ODD déduit à revoir.").wait_for()
            page.get_by_text("Tout sélectionner (lignes filtrées)").click()
            confirm = page.get_by_role("button", name="Confirmer la sélection (1)")
            confirm.wait_for()
            screenshot(page, "workflow-revue-odd")
            confirm.click()
            page.get_by_text("1 ODD confirmé.").wait_for()
            wait_idle(page, LOAD_LIMIT_MS)
            kinds = page.locator('.st-key-review-kinds input, [data-testid="stMultiSelect"] input').first
            kinds.click()
            page.keyboard.type("zzzq")
            empty = page.locator('[role="listbox"][data-empty="true"] [role="option"] > span')
            empty.wait_for(state="attached")  # the English span is hidden; its ::after shows
            assert _after(page, '[role="listbox"][data-empty="true"] [role="option"] > span') == [
                '"Aucun résultat"'
            ]
            everything = page.evaluate("() => document.body.innerText")
            for english in ENGLISH_WIDGET_TEXTS:
                assert english not in everything, english
            screenshot(page, "workflow-revue-odd-aucun-resultat")
            page.keyboard.press("Escape")

            # ------------------------------------------------------------ English equally clean
            open_page(page, f"{url}/donnees?lang=en")
            assert "Import from the public registers" in main_text(page)
            assert "Limit 200 MB per file" in " ".join(
                _after(page, '[data-testid="stFileUploaderDropzoneInstructions"] div > span')
            )
            assert "200MB per file" not in main_text(page)
            screenshot(page, "workflow-data-en")
        finally:
            context.close()
    app = urlsplit(url).netloc
    foreign = sorted(
        {u for u in seen if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).netloc != app}
    )
    assert foreign == []
