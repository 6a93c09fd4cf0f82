"""Every page of the app, driven with Streamlit's AppTest, on both stores.

The app picks its store from the environment exactly as in production: the embedded store in a
temporary state folder (the demo is loaded at start, ECOSYSTEM_DEMO=1), or Neo4j from NEO4J_URI
(the test server of tests/conftest.py, with the demo loaded by the fixture). Assertions compare
what a page shows with what the analyses answer on the very store the app opened.

Run times of each page are measured and written to test-artifacts/app-timings.json (reported,
never asserted: the machine is shared).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.coverage import coverage
from ecosystem.analysis.overlap import duplicate_groups, top_overlaps
from ecosystem.datasets.reader import read_dataset
from ecosystem.model import Dataset
from ecosystem.store.base import Store
from ecosystem.ui.context import open_holder
from tests.browser_support import ARTIFACTS, free_port
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
DEMO = ROOT / "data" / "examples" / "demo-drome"
HANG_GUARD = 300  # seconds before AppTest gives up on a run: a hang detector, not a timing
PAGES = {
    "home": "ecosystem/ui/pages/home.py",
    "map": "ecosystem/ui/pages/map.py",
    "territories": "ecosystem/ui/pages/territories.py",
    "overlaps": "ecosystem/ui/pages/overlaps.py",
    "complements": "ecosystem/ui/pages/complements.py",
    "alliances": "ecosystem/ui/pages/alliances.py",
    "data": "ecosystem/ui/pages/data.py",
    "sdg_review": "ecosystem/ui/pages/sdg_review.py",
}
TITLES = {"home": "Écosystème des alliances", "map": "Carte de l'écosystème",
          "territories": "Couverture des ODD", "overlaps": "Chevauchements",
          "complements": "Complémentarités", "alliances": "Alliances et charte", "data": "Données",
          "sdg_review": "Revue des ODD déduits"}
NEO4J_VARS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
TIMINGS: dict[str, list[float]] = {}
SAVE = "Enregistrer l'autoévaluation"


@pytest.fixture(scope="session")
def demo() -> Dataset:
    return read_dataset(DEMO)


@pytest.fixture(scope="session", autouse=True)
def _write_timings() -> Iterator[None]:
    yield
    if TIMINGS:
        ARTIFACTS.mkdir(exist_ok=True)
        summary = {k: {"runs": len(v), "median_s": sorted(v)[len(v) // 2], "max_s": max(v)}
                   for k, v in sorted(TIMINGS.items())}
        (ARTIFACTS / "app-timings.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def kind(request, tmp_path, monkeypatch) -> str:
    """Point the app at a store of each kind holding the demo dataset."""
    for var in NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "1")
    st.cache_data.clear()  # answers cached by an earlier test on the same Neo4j must not leak in
    if request.param == "neo4j":
        server: Store = request.getfixturevalue("neo4j_session_store")
        for info in server.datasets():
            server.remove_dataset(info.id)
        server.load(request.getfixturevalue("demo"))
        monkeypatch.setenv("NEO4J_URI", NEO4J_URI or "")
        monkeypatch.setenv("NEO4J_USER", NEO4J_USER)
        monkeypatch.setenv("NEO4J_PASSWORD", NEO4J_PASSWORD)
    return request.param


def run(page: str = "home", params: dict[str, str] | None = None) -> AppTest:
    """A fresh session opening `page` with these URL parameters, as a browser would."""
    at = AppTest.from_file(str(APP), default_timeout=HANG_GUARD)
    at.query_params.update(params or {})
    at.run()
    if page != "home":
        at.switch_page(PAGES[page])
        timed(at, page)
    return at


def timed(at: AppTest, label: str) -> AppTest:
    started = time.perf_counter()
    at.run()
    TIMINGS.setdefault(label, []).append(time.perf_counter() - started)
    return at


def map_args(at: AppTest) -> dict:
    """What the page sent the map component (ecosystem/ui/map/component.py) to draw."""
    (component,) = [c for c in at.get("component_instance")
                    if c.proto.component_name == "ecosystem.ui.map.component.network"]
    return json.loads(component.proto.json_args)


def store() -> Store:
    """The store the app opened (same process, same configuration: the same object)."""
    return open_holder().store


def shown(at: AppTest) -> str:
    """Every text the page shows, in one string."""
    parts = [e.value for e in (*at.markdown, *at.title, *at.header, *at.subheader, *at.caption, *at.info,
                               *at.success, *at.warning, *at.error)]
    return "\n".join(str(p) for p in parts)


def clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


# ---------------------------------------------------------------------- every page


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders(kind, page):
    at = run(page)
    clean(at)
    assert TITLES[page] in shown(at)


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_works_on_an_empty_store(tmp_path, monkeypatch, page):
    for var in NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "0")
    at = run(page)
    assert not at.exception, [e.value for e in at.exception]
    assert TITLES[page] in shown(at)


def test_home_says_which_store_and_what_is_loaded(kind, demo):
    at = run("home")
    clean(at)
    label = store().describe().label
    assert label in shown(at) and label.startswith("embedded" if kind == "memory" else "neo4j")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Acteurs"] == str(len(demo.actors))
    assert metrics["Alliances"] == str(len(demo.alliances))
    assert demo.name in shown(at)
    assert len(at.get("page_link")) == 7  # one link per page but Accueil


def test_language_switch_gives_english(kind):
    at = run("overlaps", {"lang": "en"})
    clean(at)
    assert "Overlaps" in shown(at) and "Chevauchements" not in shown(at)
    assert at.radio(key="lang").value == "en"


# ---------------------------------------------------------------------- overlaps and complements


def _an_actor_with_overlaps(demo: Dataset) -> str:
    for actor in demo.actors:
        if len(top_overlaps(store(), actor.id, k=3).items) >= 3:
            return actor.id
    raise AssertionError("the demo has no actor with three overlaps")


def test_choosing_an_actor_lists_its_overlaps(kind, demo):
    at = run("overlaps")
    assert "Choisissez un acteur" in shown(at)
    actor = _an_actor_with_overlaps(demo)
    timed(at.selectbox(key="actor").set_value(actor), "overlaps (actor chosen)")
    clean(at)
    expected = top_overlaps(store(), actor, k=15, lang="fr")
    text = shown(at)
    assert f"Qui chevauche {expected.name}" in text
    for item in expected.items:
        assert item.name in text and item.reason in text
    assert at.query_params["actor"] == [actor] or at.query_params["actor"] == actor


def test_a_shared_link_reopens_the_same_overlaps_view(kind, demo):
    actor = demo.actors[0].id
    at = run("overlaps", {"actor": actor, "level": "epci"})
    clean(at)
    assert at.selectbox(key="actor").value == actor
    assert at.radio(key="level").value == "epci"
    expected = top_overlaps(store(), actor, level="epci", k=15)
    assert all(item.name in shown(at) for item in expected.items)


def test_a_territory_shows_its_overlap_matrix_and_duplicates(kind):
    at = run("overlaps", {"view": "territory", "territory": "departement:26"})
    clean(at)
    assert at.get("plotly_chart"), "the overlap matrix is drawn"
    groups = duplicate_groups(store(), "departement:26", lang="fr")
    for group in groups:
        assert group.reason in shown(at)
    if not groups:
        assert "Aucun doublon" in shown(at)


def test_complements_of_an_alliance_are_listed_with_their_reasons(kind, demo):
    alliance = demo.alliances[0]
    at = run("complements", {"for": "alliance", "alliance": alliance.id})
    clean(at)
    expected = complements(store(), store().alliances([alliance.id])[0], k=10, lang="fr")
    assert expected.items
    for item in expected.items:
        assert item.name in shown(at) and item.reason in shown(at)


def test_complements_of_an_actor(kind, demo):
    actor = demo.actors[1]
    at = run("complements")
    timed(at.selectbox(key="actor").set_value(actor.id), "complements (actor chosen)")
    clean(at)
    expected = complements(store(), store().actors([actor.id])[0], k=10, lang="fr")
    for item in expected.items:
        assert item.reason in shown(at)


# ---------------------------------------------------------------------- territories


def test_coverage_matrix_and_gaps_of_a_territory(kind):
    at = run("territories", {"territory": "departement:26"})
    clean(at)
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    rows = figure["data"][0]["y"]
    expected = coverage(store(), "departement:26", lang="fr")
    assert len(rows) == len(expected.rows) + 1  # the whole département, then each EPCI
    assert rows[0].endswith("Drôme")
    gaps = at.dataframe[0].value if expected.gaps else None
    if expected.gaps:
        assert len(gaps) == len(expected.gap_groups("fr"))


def test_drilling_down_follows_the_link_parameters(kind):
    at = run("territories", {"territory": "departement:26", "detail": "commune"})
    clean(at)
    assert at.radio(key="detail").value == "commune"
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(figure["data"][0]["y"]) > 60  # the Drôme has 360 communes: the most populated are shown
    down = run("territories", {"territory": "epci:200068781"})
    assert "CA Valence Romans Agglo" in shown(down)


def test_territory_picker_searches_and_goes_up_and_down(kind):
    at = run("territories", {"territory": "departement:26"})
    at.text_input(key="territory.q").input("Crest")
    timed(at, "territories (search)")
    at.selectbox(key="territory.hit").select("commune:26108")
    timed(at, "territories (pick)")
    clean(at)
    assert "Territoire choisi : **Crest (Drôme, 26)**" in shown(at)
    assert at.query_params["territory"] in ("commune:26108", ["commune:26108"])
    at.button(key="territory.up.departement:26").click()
    timed(at, "territories (up)")
    assert "Territoire choisi : **Drôme (département)**" in shown(at)
    at.selectbox(key="territory.down").select("epci:200068781")
    timed(at, "territories (down)")
    assert "Territoire choisi : **CA Valence Romans Agglo (EPCI, Drôme, 26)**" in shown(at)


# ---------------------------------------------------------------------- map


def test_map_page_draws_the_selection_and_highlights_the_focus(kind, demo):
    focus = _an_actor_with_overlaps(demo)
    at = run("map", {"focus": focus, "territory": "departement:26"})
    clean(at)
    args = map_args(at)
    assert f"actor:{focus}" in {n["id"] for n in args["nodes"]}
    assert sum(bool(e.get("dashes")) for e in args["edges"]) >= len(top_overlaps(store(), focus, k=10).items)
    labels = [b.proto.label for b in at.get("download_button")]
    assert any(label.startswith("Télécharger la carte") for label in labels), labels  # one offline page


def test_beyond_the_node_budget_the_map_groups_actors_and_says_so(tmp_path, monkeypatch):
    from ecosystem.generate import GeneratorSpec, generate
    from ecosystem.store.memory import MemoryStore
    from ecosystem.ui.map import MAP_NODE_BUDGET

    for var in NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "0")
    MemoryStore(tmp_path / "embedded").load(generate(GeneratorSpec(actors=MAP_NODE_BUDGET + 200, seed=2,
                                                                   scope="region:84")))
    at = run("map")
    clean(at)
    assert "sont regroupés par territoire" in shown(at)
    groups = [n for n in map_args(at)["nodes"] if n["id"].startswith("group:")]
    assert 0 < len(groups) < 50  # one node per département of the région, not 5,200 actors


# ---------------------------------------------------------------------- alliances


def test_diagnosis_radar_and_principles(kind, demo):
    at = run("alliances", {"alliance": demo.alliances[0].id})
    clean(at)
    assert at.get("plotly_chart")
    text = shown(at)
    assert "P4 · " in text and "P7 · " in text


def test_self_assessment_is_saved_dated_and_shown_in_the_path(kind, demo):
    alliance = demo.alliances[-1].id
    before = len(store().assessments(alliance))
    at = run("alliances", {"alliance": alliance, "tab": "assess"})
    clean(at)
    at.select_slider(key=f"assess.{alliance}.principe-4").set_value("1")
    at.text_input(key=f"assess.{alliance}.principe-4.comment").input("Premier bilan")
    at.button(key=f"FormSubmitter:assess.{alliance}-{SAVE}").click()
    timed(at, "alliances (assessment saved)")
    clean(at)
    saved = [a for a in store().assessments(alliance) if a.lever == "principe-4" and a.on == date.today()]
    assert saved and saved[0].score == 1 and saved[0].comment == "Premier bilan"
    assert len(store().assessments(alliance)) > before
    assert "1 levier enregistré au" in shown(at)  # only the lever changed, not all 21
    history = run("alliances", {"alliance": alliance, "tab": "history"})
    clean(history)
    table = history.dataframe[0].value
    assert "Premier bilan" in set(table["Commentaire"])


# ---------------------------------------------------------------------- data


BROKEN = "nom;type;territoires;odd\nJardins partagés;association;69999;2\nBio;banane;26362;99\n".encode()
VALID = ("nom;type;territoires;odd\nAtelier vélo de Crest;association;26108;11\n"
         "Repair café de Die;collectif citoyen;26113;12\n").encode()


def test_a_broken_file_lists_row_level_problems_and_changes_nothing(kind):
    at = run("data")
    before = store().stats()
    at.file_uploader[0].upload("acteurs.csv", BROKEN, "text/csv")
    timed(at, "data (broken upload)")
    assert not at.exception
    assert "problème" in at.error[0].value
    table = at.table[0].value
    located = set(zip(table["Ligne"], table["Colonne"], table["Valeur"], strict=True))
    assert (2, "territoires", "69999") in located and (3, "type", "banane") in located
    assert not [b for b in at.button if b.label == "Importer"]
    assert store().stats() == before


def test_a_valid_file_is_imported_and_every_page_sees_it(kind, demo):
    at = run("data")
    at.file_uploader[0].upload("acteurs.csv", VALID, "text/csv")
    at.text_input(key="upload.0.name").input("Essai Crest Die")
    at.run()
    assert "Jeu valide" in shown(at)
    next(b for b in at.button if b.label == "Importer").click()
    timed(at, "data (import)")
    clean(at)
    assert "Import terminé" in shown(at)
    assert "essai-crest-die" in {d.id for d in store().datasets()}
    home = run("home")
    assert {m.label: m.value for m in home.metric}["Acteurs"] == str(len(demo.actors) + 2)
    if kind == "neo4j":
        store().remove_dataset("essai-crest-die")


def test_removing_a_dataset_asks_for_confirmation(kind, demo):
    at = run("data")
    next(b for b in at.button if b.label == "Retirer…").click().run()
    assert "demo-drome" in {d.id for d in store().datasets()}, "nothing is removed before confirming"
    assert "Retirer « " in shown(at)
    at.button(key="remove.yes").click()
    timed(at, "data (remove)")
    clean(at)
    assert store().datasets() == []
    assert "a été retiré" in shown(at)
    home = run("home")
    assert "Aucune donnée" in shown(home)


def test_download_buttons_for_template_and_exports(kind):
    at = run("data")
    labels = [b.label for b in at.get("download_button")]
    assert labels[0].startswith("Télécharger le modèle")
    # the exports are made when asked (ui/downloads.py), then saved
    assert {"GraphML", "GEXF", "JSON (.zip)", "CSV (.zip)"} <= {b.label for b in at.button}


# ---------------------------------------------------------------------- errors


def test_unreachable_neo4j_gives_one_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    at = AppTest.from_file(str(APP), default_timeout=HANG_GUARD).run()
    assert not at.exception
    (message,) = at.error
    assert "ne répond pas" in message.value and "ecosystem neo4j start" in message.value


@pytest.mark.neo4j
def test_wrong_neo4j_password_gives_one_clear_message(tmp_path, monkeypatch, neo4j_session_store):
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("NEO4J_URI", NEO4J_URI or "")
    monkeypatch.setenv("NEO4J_USER", NEO4J_USER)
    monkeypatch.setenv("NEO4J_PASSWORD", NEO4J_PASSWORD + "-wrong")
    at = AppTest.from_file(str(APP), default_timeout=HANG_GUARD).run()
    assert not at.exception
    (message,) = at.error
    assert "NEO4J_PASSWORD" in message.value or "password" in message.value.lower()

