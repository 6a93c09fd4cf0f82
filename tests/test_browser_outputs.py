"""The Alliances page's download of the one-page diagnosis, in headless Chromium against
`streamlit run app.py` with the demo, as a person uses it: the button is on the diagnosis, the click
downloads a PDF, and that PDF is the alliance's diagnosis in the page's language (read back with
pdftotext). Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.browser_support import chromium, screenshot, streamlit_server, wait_idle
from tests.test_browser import LOAD_LIMIT_MS, VIEWPORT, _require_browser
from tests.test_outputs import _poppler_or_skip

pytestmark = pytest.mark.browser
ALLIANCE = "riviere-drome-vivante"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    _require_browser()
    with streamlit_server(tmp_path_factory.mktemp("browser-outputs")) as url:
        yield url


@pytest.mark.parametrize(("lang", "label", "expected"), [
    ("fr", "Télécharger le diagnostic (PDF, une page)", ("Les 7 principes", "Membres (", "Suggestion :")),
    ("en", "Download the diagnosis (PDF, one page)", ("The 7 principles", "Members (", "Suggestion:")),
])
def test_the_alliances_page_downloads_the_one_page_diagnosis(server: str, tmp_path: Path, lang: str,
                                                             label: str, expected: tuple[str, ...]) -> None:
    _poppler_or_skip()
    with chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR", accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        page.goto(f"{server}/alliances?alliance={ALLIANCE}&lang={lang}")
        wait_idle(page, LOAD_LIMIT_MS)
        button = page.get_by_role("button", name=label)
        button.scroll_into_view_if_needed()
        screenshot(page, f"40-alliances-rapport-{lang}")
        button.click()  # prepares the file (ui/downloads.py), then it is saved
        save = page.get_by_role("button", name=re.compile(r"^(Enregistrer|Save) "))
        save.wait_for()
        with page.expect_download() as download:
            save.click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        assert page.locator('[data-testid="stException"]').count() == 0
        context.close()
    assert path.name == ("diagnostic-" if lang == "fr" else "diagnosis-") + f"{ALLIANCE}.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Alliance Rivière Drôme vivante" in text
    for words in expected:
        assert words in text


def test_the_map_page_downloads_its_picture(server: str, tmp_path: Path) -> None:
    """The Carte page's SVG button gives the map drawn with its title, filters and legend."""
    import xml.etree.ElementTree as ET

    with chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR", accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        page.goto(f"{server}/carte?territory=departement:26&sdg=2")
        wait_idle(page, LOAD_LIMIT_MS)
        button = page.get_by_role("button", name="Image SVG de la carte")
        button.scroll_into_view_if_needed()
        screenshot(page, "41-carte-images")
        button.click()  # prepares the file (ui/downloads.py), then it is saved
        save = page.get_by_role("button", name=re.compile(r"^(Enregistrer|Save) "))
        save.wait_for()
        with page.expect_download() as download:
            save.click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        assert page.locator('[data-testid="stException"]').count() == 0
        context.close()
    assert path.name == "carte-ecosysteme.svg"
    texts = [" ".join("".join(t.itertext()).split())
             for t in ET.fromstring(path.read_bytes()).iter("{http://www.w3.org/2000/svg}text")]
    assert "Réseau des acteurs dans la Drôme" in texts
    assert any(t.startswith("Filtres : ODD 2 (Faim « zéro »)") for t in texts)
    assert "Légende" in texts and "Association" in texts
