"""The app's pure parts: strings, layout, the map model and its HTML, the query views.

Run on real stores (the embedded one here; the pages on both stores are in test_app.py).
"""

from __future__ import annotations

import io
import os
import re
import string
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.overlap import top_overlaps
from ecosystem.analysis.portfolio import PRINCIPLES
from ecosystem.datasets.graph import actor_node, alliance_node, policy_node
from ecosystem.model import ActorKind, LeverFamily
from ecosystem.ui import charts, i18n, palette
from ecosystem.ui.geo.measures import MEASURES as GEO_MEASURES
from ecosystem.ui.layout import layout
from ecosystem.ui.map import MapSelection, build_map, group_level, render_html
from ecosystem.ui.views import audit as audit_view
from ecosystem.ui.views import common
from ecosystem.ui.views import data as data_views
from ecosystem.ui.views import territories as territories_view
from ecosystem.ui.views.alliances import assessments_from_form
from tests import ui_keys
from tests.factories import CREST, DROME, VALENCE, small_dataset

UI_DIR = Path(__file__).resolve().parent.parent / "ecosystem" / "ui"


@pytest.fixture
def loaded(memory_store):
    memory_store.load(small_dataset())
    return memory_store


# ---------------------------------------------------------------------- strings


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_has_both_languages_with_the_same_placeholders():
    for key, (fr, en) in i18n.STRINGS.items():
        assert fr.strip() and en.strip(), key
        assert _fields(fr) == _fields(en), key


# Keys built in a t() call (`t(f"family.{family}")`), with every value they are built from.
BUILT_KEYS = {
    "family.": [family.value for family in LeverFamily],  # the charter's three families of levers
    "score.": ["0", "1", "2", "3"],  # a self-assessment score ("score.none" is written out)
    "data.status_": ["loaded", "replaced", "unchanged"],  # what Store.load says it did (LoadResult)
    "terrp.measure_": list(charts.MEASURES),  # what the Territoires matrix counts
    "home.": list(charts.MEASURES),  # the same measures, named as on the home page
    "history.reason_": [r.replace(" ", "_") for r in audit_view.REASONS],  # why a version was kept
    "help.": list(PRINCIPLES),  # what each measured principle's score means (issue 12)
    "pf.short.": list(PRINCIPLES),  # the portfolio's column titles
    "terrp.scope_": list(territories_view.SCOPES),  # every actor, or local actors only
    **{prefix: list(GEO_MEASURES) for prefix in ("geo.measure_", "geo.legend_", "geo.noun_")},  # Géographie
}


def _key_uses() -> ui_keys.KeyUses:
    return ui_keys.scan([*sorted(UI_DIR.rglob("*.py")), UI_DIR.parent.parent / "app.py"])


def _built() -> set[str]:
    return {prefix + value for prefix, values in BUILT_KEYS.items() for value in values}


def test_every_key_the_app_asks_for_exists():
    uses = _key_uses()
    assert len(uses.called) > 100, "the scan found almost no key: it is broken"
    assert uses.unresolved == [], "keys passed to t() in a way the scan cannot follow: write them out"
    assert uses.prefixes == set(BUILT_KEYS), "a key built with an f-string: declare its values above"
    assert sorted((uses.called | _built()) - set(i18n.STRINGS)) == []


def test_every_key_is_used_by_the_app():
    uses = _key_uses()
    assert sorted(set(i18n.STRINGS) - uses.literals - _built()) == []


def test_the_key_scan_follows_loops_and_sees_what_it_cannot_follow(tmp_path):
    page = tmp_path / "page.py"
    page.write_text(
        'KEYS = (("a.one", 1), ("a.two", 2))\n'
        'labels = [t(k, lang) for k, _ in KEYS]\n'
        'for i, (key, n) in enumerate(KEYS):\n'
        '    t("b.yes" if n else "b.no", lang)\n'
        't(f"c.{x}", lang)\n'
        't(make_key(), lang)\n'
        'session = "d.flash"\n', encoding="utf-8")
    uses = ui_keys.scan([page])
    assert uses.called == {"a.one", "a.two", "b.yes", "b.no"}
    assert uses.prefixes == {"c."}
    assert uses.unresolved == ["page.py:6: make_key()"]
    assert uses.literals == {"a.one", "a.two", "b.yes", "b.no", "d.flash"}


def test_french_is_the_default_and_english_is_available():
    assert i18n.t("nav.map") == "Carte"
    assert i18n.t("nav.map", "en") == "Map"
    assert i18n.check_lang("xx") == "fr"
    assert i18n.number_label(12345, "fr") == "12\u202f345"


# ---------------------------------------------------------------------- palette and layout


def test_kinds_use_distinct_okabe_ito_colours():
    okabe_ito = {palette.ORANGE, palette.SKY_BLUE, palette.BLUISH_GREEN, palette.YELLOW, palette.BLUE,
                 palette.VERMILLION, palette.REDDISH_PURPLE, palette.GREY}
    colours = [palette.KIND_COLOURS[k] for k in ActorKind]
    assert len(set(colours)) == len(ActorKind)
    assert set(colours) <= okabe_ito


def test_layout_places_every_node_once_deterministically():
    nodes = [f"n{i}" for i in range(300)] + ["hub1", "hub2"]
    edges = [(f"n{i}", "hub1") for i in range(0, 200, 2)] + [(f"n{i}", "hub2") for i in range(1, 150, 3)]
    first = layout(nodes, edges, hubs=["hub1", "hub2"])
    assert set(first) == set(nodes)
    assert first == layout(list(nodes), list(reversed(edges)), hubs=["hub2", "hub1"])
    assert len(set(first.values())) == len(nodes)  # no two nodes on the same spot


def test_layout_keeps_linked_nodes_closer_than_strangers():
    nodes = ["a", "b", "c", "d"] + [f"x{i}" for i in range(50)]
    pos = layout(nodes, [("a", "b"), ("c", "d")])

    def dist(u, v):
        return ((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5

    assert dist("a", "b") < dist("a", "x49")


# ---------------------------------------------------------------------- the map model


def test_map_shows_actors_alliances_policies_and_their_links(loaded):
    model = build_map(loaded, MapSelection())
    ids = {n.id for n in model.nodes}
    active = [a for a in small_dataset().actors if a.active]
    assert {actor_node(a.id) for a in active} <= ids
    assert actor_node("ancienne-asso") not in ids  # inactive actors stay off the map
    assert {alliance_node("alim-valence"), policy_node("pat-vra")} <= ids
    links = {(e.source, e.target, e.type) for e in model.edges}
    assert (actor_node("jardins-valence"), alliance_node("alim-valence"), "member") in links
    assert (actor_node("agglo-vra"), policy_node("pat-vra"), "carrier") in links
    assert (alliance_node("alim-valence"), policy_node("pat-vra"), "aligns") in links
    assert not model.grouped and model.actors == len(active)


def test_map_filters_by_territory_kind_sdg_and_alliance(loaded):
    crest = build_map(loaded, MapSelection(territory=CREST))
    assert {n.id for n in crest.nodes if n.type == "actor"} == {
        actor_node(i) for i in ("crest-solidaire", "biodrome", "labo-aura")}  # Crest, Drôme and AURA actors
    kinds = build_map(loaded, MapSelection(kinds=("collectivite",)))
    assert {n.kind for n in kinds.nodes if n.type == "actor"} == {"collectivite"}
    sdg = build_map(loaded, MapSelection(sdgs=(13,)))
    assert actor_node("romans-repair") in {n.id for n in sdg.nodes}  # SDG 13 is inferred for it
    assert actor_node("crest-solidaire") not in {n.id for n in sdg.nodes}
    alliance = build_map(loaded, MapSelection(alliances=("climat-drome",)))
    members = {n.id for n in alliance.nodes if n.type == "actor"}
    assert members == {actor_node("labo-aura"), actor_node("agglo-vra")}


def test_focus_on_an_actor_draws_its_overlaps_and_complements(loaded):
    model = build_map(loaded, MapSelection(focus="jardins-valence"))
    subject = actor_node("jardins-valence")
    overlaps = {e.target for e in model.edges if e.type == "overlap" and e.source == subject}
    expected = {actor_node(o.actor) for o in top_overlaps(loaded, "jardins-valence", k=10).items}
    assert overlaps == expected and overlaps
    found = complements(loaded, loaded.actors(["jardins-valence"])[0], k=10)
    drawn = {e.target for e in model.edges if e.type == "complement"}
    assert drawn == {actor_node(c.actor) for c in found.items}
    roles = {n.id: n.role for n in model.nodes}
    assert roles[subject] == "subject"
    assert "faded" in roles.values()


def test_focus_brings_in_neighbours_the_filters_left_out(loaded):
    model = build_map(loaded, MapSelection(territory=CREST, focus="crest-solidaire"))
    drawn = {n.id for n in model.nodes}
    assert all(e.target in drawn for e in model.edges)


def test_unknown_focus_is_said_not_raised(loaded):
    model = build_map(loaded, MapSelection(focus="nobody"), lang="fr")
    assert any("nobody" in note for note in model.notes)


def test_positions_do_not_move_when_the_focus_changes(loaded):
    plain = {n.id: (n.x, n.y) for n in build_map(loaded, MapSelection()).nodes}
    focused = {n.id: (n.x, n.y) for n in build_map(loaded, MapSelection(focus="biodrome")).nodes}
    assert all(focused[k] == v for k, v in plain.items())


def test_beyond_the_budget_actors_are_grouped_and_the_map_says_so(loaded):
    model = build_map(loaded, MapSelection(territory=DROME), lang="fr", budget=5)
    assert model.grouped and model.group_by == "territory"
    assert len(model.nodes) <= 5 + 3  # groups, plus the biggest alliances and policies that fit
    assert any("regroupés" in note for note in model.notes)
    by_kind = build_map(loaded, MapSelection(group_by="kind"), lang="en", budget=5)
    assert by_kind.group_by == "kind"
    counted = [int(re.search(r"· (\d+) actors?$", n.label).group(1))
               for n in by_kind.nodes if n.type == "group"]
    assert sum(counted) == 8  # the 8 active actors, each in the group of its kind
    assert group_level(None).value == "region" and group_level(VALENCE) is None


def test_grouping_by_territory_puts_each_actor_in_its_one_place_or_with_the_wide_ones():
    from ecosystem.model import Level
    from ecosystem.reference import reference
    from ecosystem.ui.map.grouped import single_place as _single_place

    assert _single_place([VALENCE], Level.COMMUNE) == VALENCE
    assert _single_place([VALENCE, CREST], Level.DEPARTEMENT) == DROME
    assert _single_place([VALENCE, CREST], Level.COMMUNE) is None  # two communes
    assert _single_place([DROME], Level.COMMUNE) is None  # a whole département
    epci = reference().hierarchy.ancestor(VALENCE, Level.EPCI)
    assert _single_place([VALENCE, VALENCE], Level.EPCI) == epci
    assert _single_place([], Level.COMMUNE) is None


def test_map_html_is_standalone_and_offline(loaded):
    html = render_html(build_map(loaded, MapSelection(focus="alim-valence")), "fr")
    assert "vis.Network" in html and "window.ecosystemMap" in html
    assert not re.search(r"""(src|href)=["']?https?:""", html), "the map must not load anything from the web"
    assert '"physics":{"enabled":false}' in html and '"improvedLayout":false' in html
    assert "Légende" in html and "Alliance alimentaire valentinoise" in html
    assert html.count("</script>") == 2  # the inlined vis-network and the map's own script, nothing else


def test_map_text_cannot_break_out_of_its_script(memory_store):
    from dataclasses import replace

    dataset = small_dataset()
    actors = tuple(replace(a, name="</script><script>alert(1)</script>") if a.id == "biodrome" else a
                   for a in dataset.actors)
    memory_store.load(replace(dataset, actors=actors))
    html = render_html(build_map(memory_store, MapSelection()), "fr")
    assert "<script>alert(1)" not in html


# ---------------------------------------------------------------------- views


def test_home_territory_is_where_most_actors_are(loaded):
    assert common.home_territory(loaded) == DROME


def test_directories_list_active_actors_by_name(loaded):
    names = [e.name for e in common.actor_directory(loaded)]
    assert names == sorted(names, key=str.casefold) and "Ancienne association" not in names


def test_assessment_form_keeps_only_scored_levers():
    from datetime import date

    scores = {"principe-1": "3", "modalite-dialoguer": "—", "moyen-donnees": "0"}
    found = assessments_from_form("alim-valence", date(2026, 3, 1), scores, {"principe-1": "  Bien  "})
    assert [(a.lever, a.score, a.comment) for a in found] == [("principe-1", 3, "Bien"),
                                                             ("moyen-donnees", 0, "")]


def test_assessment_form_saves_only_the_levers_changed():
    from datetime import date

    shown = {"principe-1": "2", "principe-2": "3", "principe-3": "—"}
    scores = {"principe-1": "2", "principe-2": "1", "principe-3": "—", "principe-4": "2"}
    comments = {"principe-1": "", "principe-2": "", "principe-4": ""}
    found = assessments_from_form("alim-valence", date(2026, 3, 1), scores, comments, shown)
    assert [(a.lever, a.score) for a in found] == [("principe-2", 1), ("principe-4", 2)]
    commented = assessments_from_form("alim-valence", date(2026, 3, 1), scores,
                                      comments | {"principe-1": "Toujours vrai"}, shown)
    assert ("principe-1", 2, "Toujours vrai") in [(a.lever, a.score, a.comment) for a in commented]


def test_broken_upload_lists_every_problem_with_its_place():
    csv = b"nom;type;territoires;odd\nJardins;association;69999;2\nBio;banane;26362;99\n"
    report = data_views.check_files((("acteurs.csv", csv),), "essai")
    assert not report.ok
    table = data_views.problems_table(report.problems, "fr")
    assert list(table.columns) == ["Fichier", "Ligne", "Colonne", "Valeur", "Problème"]
    located = set(zip(table["Ligne"], table["Valeur"], strict=True))
    assert {(2, "69999"), (3, "banane"), (3, "99")} <= located


@pytest.mark.parametrize("fmt", data_views.EXPORT_FORMATS)
def test_exports_can_be_read_back(loaded, fmt):
    data = data_views.export_data(loaded, fmt, "fr")
    if fmt in ("graphml", "gexf"):
        graph = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
        assert any("jardins-valence" in str(n) for n in graph.nodes)
    else:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        if fmt == "json":
            assert names == ["petit-drome.json"]
        else:
            assert "petit-drome/acteurs.csv" in names


def test_template_is_an_excel_workbook():
    download = data_views.template_bytes("fr")
    book = load_workbook(io.BytesIO(download.data))
    assert any("acteur" in name.lower() for name in book.sheetnames)


def test_the_demo_is_loaded_only_into_an_empty_embedded_store(memory_store):
    from ecosystem.ui.context import DEMO_DIR, load_demo_if_empty

    assert DEMO_DIR.is_dir()
    assert load_demo_if_empty(memory_store) == "loaded"
    assert [d.id for d in memory_store.datasets()] == ["demo-drome"]
    assert load_demo_if_empty(memory_store) == ""  # not empty any more: nothing is done
    memory_store.remove_dataset("demo-drome")
    memory_store.load(small_dataset())
    assert load_demo_if_empty(memory_store) == ""
    assert [d.id for d in memory_store.datasets()] == ["petit-drome"]


@pytest.mark.parametrize("module", ["layout", "palette", "i18n", "map.grouped", "map.labels", "map.positions",
                                    "map.render", "views.territories",
                                    "views.alliances"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"ecosystem.ui.{module}"))
    assert result.attempted > 0 and result.failed == 0


def test_layout_is_the_same_in_every_process():
    """Positions must not depend on string hashing: a map reopened after a restart keeps its shape."""
    import subprocess
    import sys

    code = ("from ecosystem.ui.layout import layout\n"
            "nodes = [f'n{i}' for i in range(40)] + ['alone']\n"
            "edges = [(f'n{i}', f'n{(i * 7 + 3) % 40}') for i in range(40)] + [('n1', 'n2'), ('n5', 'n9')]\n"
            "print(sorted(layout(nodes, edges).items()))\n")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1
