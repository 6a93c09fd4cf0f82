"""The geographic map's parts, on data alone, then its one view on both stores (small dataset).

Labels of homonyms, the search that puts places holding data first, levels and breadcrumb, the colour
classes, the measures, the actors' circles, the shapes (insets, hit points) and the figure. The view
test compares each shape's number with a count written from the presence rule's definition.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from ecosystem.model import Actor, ActorKind, Dataset, Level
from ecosystem.reference import geometry, reference
from ecosystem.reference.labels import departements_of, territory_label
from ecosystem.store.base import CoverageCell
from ecosystem.ui.geo import figure, levels, measures, points, scale, shapes
from ecosystem.ui.geo.questions import GeoSelection, ask_geo
from ecosystem.ui.views.geo import geo_view, noun
from ecosystem.ui.views.places import holding_data, rank_by_data, search_territories
from tests.factories import AURA, CREST, DROME, ROMANS, VALENCE, VRA, small_dataset

VALENCES = ("commune:16392", "commune:26362", "commune:82186")  # Charente, Drôme, Tarn-et-Garonne


# ---------------------------------------------------------------------- homonyms


def test_the_three_valence_are_told_apart_in_both_languages():
    labels = {territory_label(v, lang) for v in VALENCES for lang in ("fr", "en")}
    assert labels == {"Valence (Charente, 16)", "Valence (Drôme, 26)", "Valence (Tarn-et-Garonne, 82)"}


def test_an_epci_names_every_departement_it_straddles_biggest_share_first():
    label = territory_label("epci:200030526", "fr")
    assert label == "CC du Ried de Marckolsheim (EPCI, Bas-Rhin, 67 ; Haut-Rhin, 68)"
    assert departements_of("epci:200030526") == ("departement:67", "departement:68")
    assert territory_label(VRA, "en") == "CA Valence Romans Agglo (EPCI, Drôme, 26)"


def test_coarse_levels_keep_their_level_and_unknown_ids_stay_as_they_are():
    assert territory_label(DROME, "fr") == "Drôme (département)"
    assert territory_label(AURA, "en") == "Auvergne-Rhône-Alpes (region)"
    assert territory_label("pays:FR") == "France"
    assert territory_label("commune:00000") == "commune:00000"


def test_every_commune_label_is_unique():
    h = reference().hierarchy
    labels = [territory_label(t.id) for t in h.by_level[Level.COMMUNE]]
    assert len(set(labels)) == len(labels) > 34_000


def test_search_puts_the_places_holding_data_first(memory_store):
    charente = Dataset("charente", "Charente", actors=(
        Actor("vergers", "Vergers de Valence", ActorKind.ASSOCIATION, ("commune:16392",), (2,)),))
    memory_store.load(charente)
    plain = [t.id for t in reference().hierarchy.search("Valence", limit=200, levels=[Level.COMMUNE])]
    assert plain[0] == VALENCE  # the reference's own order: the most populated first
    ranked = search_territories(memory_store, "Valence", (Level.COMMUNE,))
    assert ranked[0] == "commune:16392" and ranked[1:4] == (VALENCE, "commune:82186", "commune:86082")
    assert holding_data(memory_store, tuple(plain)) == {"commune:16392"}
    memory_store.load(small_dataset())
    held = holding_data(memory_store, tuple(plain))
    assert {VALENCE, "commune:16392"} <= held and "commune:82186" not in held
    assert "commune:26058" in held  # Bourg-lès-Valence: the Drôme-wide actor is present in each commune
    ranked = search_territories(memory_store, "Valence", (Level.COMMUNE,))
    assert list(ranked) == rank_by_data(plain, held)[:20]


def test_rank_by_data_keeps_the_order_within_each_half():
    assert rank_by_data(["a", "b", "c", "d"], {"d", "b"}) == ["b", "d", "a", "c"]
    assert rank_by_data(["a", "b"], ()) == ["a", "b"]


# ---------------------------------------------------------------------- levels, breadcrumb


def test_levels_go_down_one_at_a_time_and_communes_only_from_a_departement():
    assert levels.drawable_levels(AURA) == (Level.DEPARTEMENT, Level.EPCI)
    assert levels.down_level("pays:FR") is Level.REGION
    assert levels.down_level(VRA) is Level.COMMUNE
    assert levels.can_open("pays:FR", AURA) and levels.can_open(DROME, VALENCE)
    assert not levels.can_open(DROME, AURA) and not levels.can_open(DROME, "commune:99999")


def test_the_trail_skips_a_departement_an_epci_straddles():
    assert levels.trail(VRA) == ("pays:FR", AURA, DROME, VRA)
    assert levels.trail("epci:200030526") == ("pays:FR", "region:44", "epci:200030526")


# ---------------------------------------------------------------------- colour classes


@pytest.mark.parametrize("values", [[0], [0, 1], [3, 3, 3], list(range(50)), [1, 1, 1, 2, 500], [0, 7, 8]])
def test_classes_hold_every_value_once_and_zero_apart(values):
    bins = scale.scale(values)
    assert bins[0] == scale.Bin(0, 0, scale.ZERO_COLOUR)
    for value in values:
        assert sum(b.holds(value) for b in bins) == 1
    assert len(bins) <= scale.CLASSES + 1
    assert all(a.high < b.low for a, b in pairwise(bins))
    assert len({b.colour for b in bins}) == len(bins)


def test_gaps_take_the_warning_colours():
    assert {b.colour for b in scale.scale([0, 1, 2], warning=True)[1:]} <= set(scale.ORANGES)


# ---------------------------------------------------------------------- measures


def test_measures_count_from_cells_and_presence():
    cells = [CoverageCell("x", 1, 2, 0, 1), CoverageCell("x", 5, 0, 0, 3), CoverageCell("y", 5, 0, 1, 0)]
    assert measures.covered_sdgs(cells, (1, 5), ["x", "y"]) == {"x": 1, "y": 1}
    assert measures.gap_sdgs(cells, (), ["x", "y", "z"]) == {"x": 1, "y": 0, "z": 0}
    acting = {"a": (AURA,), "b": (VALENCE, CREST), "c": ("region:11",)}
    shown = ["departement:26", "departement:07", "departement:75"]
    present = measures.count_present(acting, shown, Level.DEPARTEMENT)
    assert present == {"departement:26": 2, "departement:07": 1, "departement:75": 1}


# ---------------------------------------------------------------------- points


def test_circles_are_grouped_per_shape_beyond_the_budget():
    actors = {"a": (VALENCE,), "b": (ROMANS,), "c": (CREST,), "d": (DROME,)}
    per_commune = points.place_actors(actors, DROME, (), Level.EPCI)
    assert not per_commune.grouped and per_commune.placed == 3 and per_commune.wider == 1
    grouped = points.place_actors(actors, DROME, (VRA, "epci:200040509"), Level.EPCI, budget=2)
    assert grouped.grouped
    assert {(c.territory, c.count) for c in grouped.clusters} == {(VRA, 2), ("epci:200040509", 1)}


def test_point_sizes_grow_with_the_count():
    sizes = [figure.point_size(n, 50) for n in (1, 2, 10, 50)]
    assert sizes == sorted(sizes) and sizes[0] == 6.0 and sizes[-1] == 40.0


# ---------------------------------------------------------------------- shapes


def test_overseas_departements_sit_in_their_insets_on_the_map_of_france_only():
    france = {s.id: s for s in shapes.shapes(Level.DEPARTEMENT, "pays:FR")}
    for code, (x0, y0) in shapes.INSETS.items():
        xs = [x for rx, _ in france[f"departement:{code}"].rings for x in rx]
        ys = [y for _, ry in france[f"departement:{code}"].rings for y in ry]
        size = shapes.INSET_SIZE + 1e-6
        assert x0 <= min(xs) and max(xs) <= x0 + size and y0 <= min(ys) and max(ys) <= y0 + size
    alone = shapes.shapes(Level.DEPARTEMENT, "region:04")
    assert [s.id for s in alone] == ["departement:974"]
    assert min(alone[0].rings[0][1]) < -20  # La Réunion where it is, south of the equator


def test_hit_points_fall_inside_their_shape():
    drawn = shapes.shapes(Level.COMMUNE, DROME)
    xs, ys, ids = shapes.hit_points(drawn, 44.7)
    assert set(ids) == {s.id for s in drawn}  # every commune can be clicked, at least on its anchor
    assert len(ids) > 3 * len(drawn)
    by_id = {s.id: s for s in drawn}
    for x, y, tid in list(zip(xs, ys, ids, strict=True))[::50]:
        rings = by_id[tid].rings
        inside = False
        for ring in rings:
            inside ^= bool(shapes._inside(np.array([x]), np.array([y]), ring)[0])
        assert inside or (x, y) == by_id[tid].anchor


def test_an_anchor_lies_in_the_territory():
    assert shapes.anchor_commune(DROME) == VALENCE
    x, y = shapes.shapes(Level.DEPARTEMENT, AURA)[0].anchor
    assert geometry.point(shapes.anchor_commune(shapes.shapes(Level.DEPARTEMENT, AURA)[0].id)) == (x, y)


# ---------------------------------------------------------------------- the view, on both stores


def _expected_actors(store, territory: str, level: Level) -> dict[str, int]:
    """Written from the definition: an actor counts in each shape holding one of its communes."""
    h = reference().hierarchy
    shown = h.project(territory, level)
    counts = dict.fromkeys(shown, 0)
    for actor in store.actors(store.actors_in([])):
        for shape in h.presence(actor.territories, level) & shown:
            counts[shape] += 1
    return counts


@pytest.mark.parametrize(("territory", "level"), [(DROME, Level.EPCI), (VRA, Level.COMMUNE)])
def test_each_shape_shows_the_actors_present_in_it(store, territory, level):
    store.load(small_dataset())
    sel = GeoSelection(territory, level)
    ids = tuple(s.id for s in shapes.shapes(level, territory))
    scene = ask_geo(store, sel, ids)
    assert scene.values == _expected_actors(store, territory, level)
    assert scene.actor_count == len(store.actors_in([territory])) == (8 if territory == DROME else 7)


def test_the_view_on_both_stores_is_the_same_figure(store, memory_store):
    store.load(small_dataset())
    memory_store.load(small_dataset())
    for sel in (GeoSelection(), GeoSelection(DROME, Level.COMMUNE, "gaps"),
                GeoSelection(VRA, None, "alliances", (2,)),
                GeoSelection(DROME, None, "coverage", (13,), ("association",))):
        ours, theirs = geo_view(store, sel, "fr"), geo_view(memory_store, sel, "fr")
        assert replace(ours, figure={}) == replace(theirs, figure={})
        assert pio.to_json(ours.figure, validate=False) == pio.to_json(theirs.figure, validate=False)


def test_plotly_accepts_the_figure_as_valid(memory_store):
    """The page skips plotly's validation (slow on thousands of points): it is done here instead."""
    memory_store.load(small_dataset())
    for sel in (GeoSelection(), GeoSelection(DROME, Level.COMMUNE), GeoSelection(VRA, points=False)):
        figure_ = go.Figure(geo_view(memory_store, sel, "en").figure)
        assert figure_.layout.yaxis.scaleanchor == "x" and len(figure_.data) >= 2


def test_the_view_reads_right_in_french_and_english(memory_store):
    memory_store.load(small_dataset())
    fr = geo_view(memory_store, GeoSelection(DROME, Level.COMMUNE), "fr")
    assert fr.summary == ("8 acteurs retenus par les filtres : 5 placés dans leur commune ; "
                          "3 sur un territoire plus large, comptés dans les formes mais sans cercle.")
    en = geo_view(memory_store, GeoSelection(DROME, Level.COMMUNE), "en")
    assert en.summary.startswith("8 actors kept by the filters: 5 placed in their municipality; 3 on a wider")
    hit = next(tr for tr in fr.figure["data"] if tr.get("name") == figure.SHAPES_TRACE)
    valence = hit["hovertext"][list(hit["customdata"]).index(VALENCE)]
    assert valence == "<b>Valence (Drôme, 26)</b><br>6 acteurs"  # 3 in Valence, 1 in each coarser place
    crest = hit["hovertext"][list(hit["customdata"]).index(CREST)]
    assert crest.endswith("<br>3 acteurs")
    legend = [tr["name"] for tr in fr.figure["data"] if tr.get("fill") == "toself"]
    assert legend[0] in ("2", "1 à 2") and all(" à " in n or n.isdigit() for n in legend)
    circles = next(tr for tr in fr.figure["data"] if tr.get("name") == figure.POINTS_TRACE)
    assert set(circles["customdata"]) == {VALENCE, ROMANS, CREST}
    assert noun("acteur|acteurs", 0, "fr") == "0 acteur"
    assert noun("acteur|acteurs", 1234, "fr") == "1\u202f234 acteurs"


def test_an_empty_map_says_so_and_draws_every_shape(memory_store):
    view = geo_view(memory_store, GeoSelection(), "fr")
    assert view.shapes == 18 and view.summary == "0 acteur retenu par les filtres."
    assert [tr["name"] for tr in view.figure["data"] if tr.get("fill")] == ["0"]
    assert "region:975" in view.missing  # Saint-Pierre-et-Miquelon has no outline in the source


def test_the_coverage_matrix_names_the_departement_of_twin_rows():
    from ecosystem.analysis.coverage import Cell, Coverage, CoverageRow
    from ecosystem.ui import charts

    cells = tuple(Cell() for _ in range(17))
    rows = tuple(CoverageRow(tid, name, cells) for tid, name in
                 (("commune:26362", "Valence"), ("commune:82186", "Valence"), (CREST, "Crest")))
    matrix = Coverage(AURA, "Auvergne-Rhône-Alpes", Level.COMMUNE, CoverageRow(AURA, "ARA", cells), rows, ())
    labels = list(charts.coverage_heatmap(matrix, "actors", "fr").data[0].y)
    assert labels[1:] == ["Crest", "Valence (Drôme, 26)", "Valence (Tarn-et-Garonne, 82)"]


def test_no_basemap_by_default_and_tiles_under_the_shapes_when_a_url_is_set(memory_store):
    memory_store.load(small_dataset())
    plain = geo_view(memory_store, GeoSelection(DROME, Level.COMMUNE), "fr")
    assert "images" not in plain.figure["layout"]
    url = "https://tiles.example.org/{z}/{x}/{y}.png"
    tiled = geo_view(memory_store, GeoSelection(DROME, Level.COMMUNE), "fr", url)
    images = tiled.figure["layout"]["images"]
    west, south, east, north = geometry.bbox(DROME)
    assert all(i["source"].startswith("https://tiles.example.org/10/") for i in images)
    assert {i["layer"] for i in images} == {"below"}
    assert min(i["x"] for i in images) <= west and max(i["x"] + i["sizex"] for i in images) >= east
    assert max(i["y"] for i in images) >= north and min(i["y"] - i["sizey"] for i in images) <= south
    assert all(tr["fillcolor"].startswith("rgba(") for tr in tiled.figure["data"] if tr.get("fill"))
    go.Figure(tiled.figure)  # plotly accepts it


def test_names_are_written_for_regions_and_departements_only(memory_store):
    def written(sel: GeoSelection) -> list[str]:
        data = geo_view(memory_store, sel, "fr").figure["data"]
        return [n for tr in data if tr.get("mode") == "markers+text" for n in tr["text"]]

    assert "Auvergne-Rhône-Alpes" in written(GeoSelection())
    assert written(GeoSelection(AURA)) and "Drôme" in written(GeoSelection(AURA))
    assert written(GeoSelection(DROME)) == []  # its EPCI: long names, in the tooltips
