"""The Géographie page with Streamlit's AppTest, on both stores holding the demo (see test_app.py).

A click on the chart cannot be simulated by AppTest (tests/test_browser_geo.py clicks in Chromium);
here: the URL state opens the same view, the breadcrumb climbs, the controls reach the figure, and
the numbers shown are the store's.
"""

from __future__ import annotations

import json

import pytest

from ecosystem.reference import reference
from ecosystem.ui.geo.figure import POINTS_TRACE, SHAPES_TRACE
from tests.test_app import NEO4J_VARS, clean, demo, kind, run, shown, store, timed  # noqa: F401 - fixtures

GEO = "ecosystem/ui/pages/geo.py"


def open_geo(params: dict[str, str] | None = None):
    at = run("home", params)
    at.switch_page(GEO)
    return timed(at, "geo")


def figure(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)


@pytest.mark.usefixtures("kind")
def test_france_by_region_is_the_default_view():
    at = open_geo()
    clean(at)
    assert "Géographie des acteurs" in shown(at)
    hits = trace(figure(at), SHAPES_TRACE)
    codes = ("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84",
             "93", "94")
    assert set(hits["customdata"]) == {f"region:{c}" for c in codes}
    total = len(store().actors_in([]))
    assert f"{total} acteurs retenus par les filtres" in shown(at)


@pytest.mark.usefixtures("kind")
def test_a_link_reopens_the_same_view_and_the_breadcrumb_climbs():
    params = {"territory": "departement:26", "geolevel": "commune", "geomeasure": "gaps", "sdg": "13"}
    at = open_geo(params)
    clean(at)
    fig = figure(at)
    drome = reference().hierarchy.project("departement:26", "commune")
    assert set(trace(fig, SHAPES_TRACE)["customdata"]) == drome
    assert fig["layout"]["legend"]["title"]["text"] == "Manques (ODD)"
    assert at.radio(key="geolevel").value == "commune" and at.radio(key="geomeasure").value == "gaps"
    assert at.multiselect(key="sdg").value == [13]
    at.button(key="geo.crumb.region:84").click()
    timed(at, "geo (up)")
    clean(at)
    assert at.query_params["territory"] in ("region:84", ["region:84"])
    assert "geolevel" not in at.query_params  # the next level down of the new territory
    assert "departement:26" in trace(figure(at), SHAPES_TRACE)["customdata"]
    at.button(key="geo.crumb.pays:FR").click()
    timed(at, "geo (France)")
    assert "territory" not in at.query_params


@pytest.mark.usefixtures("kind")
def test_kinds_filter_the_circles_and_hiding_them_is_kept_in_the_link():
    at = open_geo({"territory": "epci:200068781", "kinds": "association"})
    clean(at)
    associations = store().actors_in(["epci:200068781"], ["association"])
    assert f"{len(associations)} acteurs retenus par les filtres" in shown(at)
    assert POINTS_TRACE in {t.get("name") for t in figure(at)["data"]}
    at.toggle(key="geopoints").set_value(False)
    timed(at, "geo (no circles)")
    clean(at)
    assert at.query_params["geopoints"] in ("0", ["0"])
    assert POINTS_TRACE not in {t.get("name") for t in figure(at)["data"]}


@pytest.mark.usefixtures("kind")
def test_the_page_in_english():
    at = open_geo({"lang": "en", "territory": "departement:26"})
    clean(at)
    assert "Where the actors are" in shown(at)
    hover = trace(figure(at), SHAPES_TRACE)["hovertext"]
    assert any(h.startswith("<b>CA Valence Romans Agglo (EPCI, Drôme, 26)</b><br>") and h.endswith(" actors")
               for h in hover)


def test_the_page_works_on_an_empty_store(tmp_path, monkeypatch):
    for var in NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "0")
    at = open_geo({"territory": "commune:26362"})
    clean(at)
    assert "0 acteur retenu par les filtres." in shown(at)


@pytest.mark.usefixtures("kind")
def test_the_territory_search_shows_the_departement_and_puts_the_data_first():
    at = open_geo()
    at.text_input(key="territory.q").input("Valence")
    timed(at, "geo (search)")
    clean(at)
    box = at.selectbox(key="territory.hit")
    assert box.options[0] == "Valence (Drôme, 26)"
    assert "Valence (Charente, 16)" in box.options


@pytest.mark.parametrize("measure", ["alliances", "coverage"])
@pytest.mark.usefixtures("kind")
def test_every_measure_draws(measure):
    at = open_geo({"territory": "departement:26", "geomeasure": measure})
    clean(at)
    legend = {"alliances": "Alliances", "coverage": "ODD couverts"}[measure]
    assert figure(at)["layout"]["legend"]["title"]["text"] == legend



@pytest.mark.usefixtures("kind")
def test_the_map_as_drawn_can_be_taken_away_as_png_and_svg():
    from ecosystem.ui.views.geo_image import _picture, caption
    from tests.test_outputs import _png, _svg_texts

    at = open_geo({"territory": "departement:26", "geolevel": "epci", "sdg": "2"})
    clean(at)
    labels = [b.label for b in at.button]  # made when asked (ui/downloads.py), then saved
    assert "Image PNG de la carte" in labels and "Image SVG de la carte" in labels
    words = caption("departement:26", "epci", "actors", (2,), (), "fr")
    assert words == ("Géographie des acteurs — Drôme (département)", ["ODD 2 (Faim « zéro »)"], "Acteurs")
    counts = {"epci:200068781": 12.0, "epci:200040459": 3.0}
    texts = _svg_texts(_picture("departement:26", "epci", counts, words, "fr", "svg")())
    assert "Géographie des acteurs — Drôme (département)" in texts
    assert any("ODD 2 (Faim « zéro »)" in text for text in texts)
    assert "Acteurs" in texts  # the legend's title
    image = _png(_picture("departement:26", "epci", counts, words, "fr", "png")())
    assert image.size == (1754, 1240)
