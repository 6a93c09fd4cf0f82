"""Issue 15's "Done when" as one scenario: a catalyst's whole journey in headless Chromium.

One administrator session against `streamlit run app.py` on the demo (tests/browser_support.py):
import January's RNA of a small Drôme territory from the Données page, review its inferred SDGs, fix
an actor, build an alliance, try a partner in « Et si… ? », apply it, re-import June's RNA (one
association dissolved, one new, one whose object changed so that its inferred SDGs change) and read
the Évolution page, which must name who appeared, who left and whose SDGs changed.

Each step asserts what a person sees afterwards, so a step that silently does nothing fails the test;
the steps themselves are the ones the separate tests drive (tests/test_browser_workflow.py,
tests/test_browser_editing.py), through their helpers. Screenshots: test-artifacts/screenshots/journey-*.png.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_support import (
    chromium,
    main_text,
    open_page,
    screenshot,
    streamlit_server,
    wait_for_watched_run,
    wait_idle,
    watch_next_run,
)
from tests.rna_files import ASSOCIATIONS, waldec_csv, waldec_zip
from tests.test_browser import LOAD_LIMIT_MS, VIEWPORT, _require_browser
from tests.test_browser_editing import choose
from tests.test_browser_workflow import LOCAL_SCHEMES

pytestmark = pytest.mark.browser

ALLIANCE = "vrac-en-romans"
DEMO = "demo-drome"
RIVER, GARDENS, VILLAGE, OLD_CLUB = ASSOCIATIONS
NEWCOMER = ("W261000005", "RESSOURCERIE DU DIOIS", "réemploi et réparation", "024026", "26113", "A")
JUNE = (
    (*RIVER[:5], "D"),  # dissolved since January
    (*GARDENS[:2], "jardins partagés au bord de la rivière", *GARDENS[3:]),  # « rivière »: SDG 6 now
    VILLAGE,
    OLD_CLUB,
    NEWCOMER,
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_browser()
    with chromium() as b:
        yield b


def june_zip() -> bytes:
    """June's file of the same register, named as data.gouv.fr names it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("rna_waldec_20250601_dpt_26.csv", waldec_csv(JUNE))
    return out.getvalue()


def import_rna(page, url: str, path: Path, imported: str) -> None:
    """Import the RNA file `path` for the Drôme from the Données page; wait for its summary line."""
    open_page(page, f"{url}/donnees")
    territory = page.get_by_role("textbox", name="Territoire (code ou nom)")
    territory.fill("26")
    territory.press("Enter")
    page.get_by_text("Territoire : Drôme").wait_for()
    wait_idle(page, LOAD_LIMIT_MS)
    watch_next_run(page)  # the upload's own run: a click before it ends may reach a run without the file
    page.locator('[class*="st-key-texts-registers-rna-"] input[type="file"]').set_input_files(str(path))
    page.get_by_text(path.name[-10:]).wait_for()  # the uploader shortens long names
    wait_for_watched_run(page)
    page.get_by_role("button", name="Lancer l'import").click()
    page.get_by_text("Importés :").wait_for()
    wait_idle(page, LOAD_LIMIT_MS)
    assert imported in main_text(page)


def pick(page, label: str, option: str) -> None:
    """`choose` (tests/test_browser_editing.py), which waits for the end of the run the choice starts;
    nothing to choose when `option` is already the one shown."""
    if option in page.get_by_label(label, exact=True).input_value():
        return
    choose(page, label, option)


def edit_page(page, url: str, query: str = "") -> None:
    """The Modifier page on the demo's dataset (the RNA's comes first by name since the import)."""
    open_page(page, f"{url}/modifier{query}")
    pick(page, "Jeu de données", f"({DEMO})")


def test_a_catalyst_imports_reviews_edits_tries_applies_reimports_and_reads_the_evolution(browser, tmp_path):
    from ecosystem.store.memory import MemoryStore

    january, june = tmp_path / "rna_waldec_20250101_dpt_26.zip", tmp_path / "rna_waldec_20250601_dpt_26.zip"
    january.write_bytes(waldec_zip())
    june.write_bytes(june_zip())
    state = tmp_path / "state"
    state.mkdir()
    with streamlit_server(state) as url:
        context = browser.new_context(viewport=VIEWPORT, locale="fr-FR")
        seen: list[str] = []
        context.on("request", lambda request: seen.append(request.url))
        page = context.new_page()
        page.set_default_timeout(LOAD_LIMIT_MS)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            # ------------------------------------------------------------ 1. January's RNA, Données
            import_rna(page, url, january, "Importés : 3 actifs (nouveaux 3, mis à jour 0, inchangés 0)")
            assert "Télécharger les lignes écartées (1)" in main_text(page)
            reasons = page.locator('[data-testid="stAlertContentSuccess"] li')
            # « ODD déduits » comes after the list of reasons, not inside its last item
            assert reasons.all_inner_texts() == ["association dissoute (position D) : 1"]
            screenshot(page, "journey-1-import-janvier")

            # ------------------------------------------------------------ 2. review its inferred SDGs
            open_page(page, f"{url}/revue-odd")
            assert "3 ODD déduits à revoir, pour 2 acteurs." in main_text(page)
            page.get_by_role("textbox", name="Filtrer par nom").fill("die")
            page.get_by_role("textbox", name="Filtrer par nom").press("Enter")
            page.get_by_text("1 ODD déduit à revoir.").wait_for()
            page.get_by_text("Tout sélectionner (lignes filtrées)").click()
            page.get_by_role("button", name="Confirmer la sélection (1)").click()
            page.get_by_text("1 ODD confirmé.").wait_for()
            wait_idle(page, LOAD_LIMIT_MS)
            screenshot(page, "journey-2-revue-odd")
            open_page(page, f"{url}/revue-odd")
            assert "2 ODD déduits à revoir, pour 1 acteur." in main_text(page), \
                "the confirmation was not kept"

            # ------------------------------------------------------------ 3. fix an actor
            edit_page(page, url)
            pick(page, "Fiche", "La Consigne romanaise (la-consigne-romanaise)")
            sdgs = page.get_by_label("ODD", exact=True)
            expect(sdgs).to_have_value("12; 13", timeout=LOAD_LIMIT_MS)  # once the record's run is drawn
            sdgs.fill("8; 12; 13")
            page.get_by_role("button", name="Enregistrer").click()
            page.get_by_text("Fiche « La Consigne romanaise » enregistrée").wait_for()
            screenshot(page, "journey-3-fiche")
            fixed = MemoryStore(state / "embedded").actors(["la-consigne-romanaise"])[0]
            assert set(fixed.sdgs) == {8, 12, 13}

            # ------------------------------------------------------------ 4. build an alliance
            edit_page(page, url)
            page.get_by_text("Alliance", exact=True).first.click()
            page.get_by_label("Statut", exact=True).wait_for()  # the alliance's form, not the actor's
            wait_idle(page, LOAD_LIMIT_MS)
            page.get_by_label("Nom *", exact=True).fill("Vrac en Romans")
            page.get_by_label("Territoires", exact=True).fill("26281")
            page.get_by_label("ODD", exact=True).fill("12; 13")
            page.get_by_role("button", name="Créer").click()
            page.get_by_text("Fiche « Vrac en Romans » enregistrée").wait_for()
            edit_page(page, url, "?edit.tab=members")
            pick(page, "Alliance", "Vrac en Romans")
            pick(page, "Membres", "La Consigne romanaise (Entreprise)")
            page.get_by_role("button", name="Enregistrer").click()
            page.get_by_text("Membres de « Vrac en Romans » enregistrés (1)").wait_for()
            screenshot(page, "journey-4-alliance")

            # ------------------------------------------------------------ 5. try a partner, 6. apply it
            # no dataset picker there
            open_page(page, f"{url}/modifier?edit.tab=whatif&whatif.alliance={ALLIANCE}")
            page.get_by_label("Partenaires complémentaires suggérés", exact=True).click()
            first = page.get_by_role("option").filter(has_not_text="Select all").first
            partner = first.inner_text().split(" (")[0]
            first.click()
            page.keyboard.press("Escape")
            wait_idle(page, LOAD_LIMIT_MS)
            page.get_by_text("Avec ce changement").first.wait_for()
            assert page.get_by_text("P2 · Les ODD, cadre commun de référence").count() == 1
            screenshot(page, "journey-5-et-si")
            trying = MemoryStore(state / "embedded").memberships(alliance_ids=[ALLIANCE])
            assert len(trying) == 1, "trying wrote"
            page.get_by_role("button", name="Appliquer : enregistrer ces membres").click()
            page.get_by_text("Scénario appliqué").wait_for()
            screenshot(page, "journey-6-applique")
            store = MemoryStore(state / "embedded")
            members = store.memberships(alliance_ids=[ALLIANCE])
            names = {a.name for a in store.actors([m.actor for m in members])}
            assert names == {"La Consigne romanaise", partner}

            # ------------------------------------------------------------ 7. June's RNA
            import_rna(page, url, june, "Importés : 3 actifs (nouveaux 1, mis à jour 1, inchangés 1)")
            screenshot(page, "journey-7-import-juin")

            # ------------------------------------------------------------ 8. the evolution, January to June
            open_page(page, f"{url}/evolution")
            pick(page, "Jeu de données", "(rna-26)")
            summary = page.get_by_text("Entre la version 2 et la version actuelle")
            summary.wait_for()  # the demo's evolution is drawn first, then the RNA's
            wait_idle(page, LOAD_LIMIT_MS)
            text = main_text(page)
            screenshot(page, "journey-8-evolution")
            # By default the newest kept version (January's import as reviewed) against the live one (June's).
            assert ("Entre la version 2 et la version actuelle : 1 acteur apparu, 1 acteur parti et 1 acteur "
                    "dont les ODD ont changé.") in text
            assert "CC du Diois : 1 acteur apparu (RESSOURCERIE DU DIOIS)" in text
            assert "Coeur de Drôme : 1 acteur parti (LES AMIS DE LA RIVIERE DROME)" in text
            assert ("CA Valence Romans Agglo : 1 acteur dont les ODD ont changé (JARDINS SOLIDAIRES DE "
                    "VALENCE)") in text
            assert "FOYER RURAL DE DIE" not in text  # unchanged, so not named
        except Exception:
            screenshot(page, "journey-echec")
            raise
        finally:
            context.close()
    assert errors == []
    app = urlsplit(url).netloc
    foreign = sorted({u for u in seen
                      if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).netloc != app})
    assert seen and foreign == []
