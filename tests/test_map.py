"""The map package's seams: builders that draw from data alone, a page that draws exactly the model,
and no bare number outside `style.py`.

Written when `ui/mapview.py` became `ui/map/`: the old module's output was captured for 169
selections (demo and generated data, detailed and grouped, both languages) and the package
reproduced every model and page byte for byte. What is kept here are the properties that made
that comparison meaningful, checked on the demo dataset; the map's features are in test_ui.py.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from ecosystem.datasets.graph import actor_node, alliance_node
from ecosystem.datasets.reader import read_dataset
from ecosystem.model import ActorKind
from ecosystem.ui.context import DEMO_DIR
from ecosystem.ui.map import MapModel, MapSelection, build_map, render_html
from ecosystem.ui.map.detailed import detailed_map
from ecosystem.ui.map.grouped import grouped_map
from ecosystem.ui.map.interactive import component_args
from ecosystem.ui.map.questions import Scene, ask_actors, ask_scene
from ecosystem.ui.map.vis import labelled
from tests.factories import small_dataset

MAP_DIR = Path(__file__).resolve().parent.parent / "ecosystem" / "ui" / "map"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from ecosystem.store.memory import MemoryStore

    store = MemoryStore(tmp_path_factory.mktemp("demo") / "embedded")
    store.load(read_dataset(DEMO_DIR))
    return store


def _selections(store) -> dict[str, tuple[MapSelection, int]]:
    """Detailed and grouped maps, with and without a focus, one focus outside the filters."""
    alliance = store.alliances()[0]
    members = {m.actor for m in store.memberships(alliance_ids=[alliance.id])}
    actor = sorted(members)[0]
    commune = next(t for a in store.actors(sorted(members)) for t in a.territories
                   if t.startswith("commune:"))
    outside = MapSelection(territory=commune, kinds=("fondation",), focus=alliance.id)
    return {
        "all": (MapSelection(), 5000),
        "sdg nodes": (MapSelection(show_sdgs=True), 5000),
        "focus on an actor": (MapSelection(focus=actor), 5000),
        "focus outside the filters": (outside, 5000),
        "grouped by territory": (MapSelection(territory="departement:26"), 25),
        "grouped by kind": (MapSelection(group_by="kind"), 12),
    }


def _case_ids() -> list[str]:
    return ["all", "sdg nodes", "focus on an actor", "focus outside the filters", "grouped by territory",
            "grouped by kind"]


@pytest.mark.parametrize("case", _case_ids())
def test_every_link_joins_two_drawn_nodes_with_one_id_each(demo_store, case):
    selection, budget = _selections(demo_store)[case]
    model = build_map(demo_store, selection, "fr", budget=budget)
    ids = [n.id for n in model.nodes]
    assert ids and len(ids) == len(set(ids))
    assert {e.source for e in model.edges} | {e.target for e in model.edges} <= set(ids)
    assert model.grouped == (budget < 5000)


@pytest.mark.parametrize("case", _case_ids())
def test_the_page_draws_exactly_the_model(demo_store, case):
    selection, budget = _selections(demo_store)[case]
    model = build_map(demo_store, selection, "en", budget=budget)
    page = render_html(model, "en")
    nodes, edges, _ = labelled(model)
    drawn = json.loads(re.search(r"var list = (\[.*?\]);\n", page)[1])
    assert drawn == nodes  # ids, labels, positions and sizes as built, nothing added or lost
    assert [(n["x"], n["y"], n["size"]) for n in drawn] == [(n.x, n.y, n.size) for n in model.nodes]
    assert json.loads(re.search(r"new vis\.DataSet\((\[.*?\])\);\n", page)[1]) == edges
    # the labels the app's component places: the same captions, ranks and sizes
    assert drawn == component_args(model, "en", 600)["nodes"]
    assert [n["caption"] for n in drawn] == ["" if n.role == "faded" else n.label for n in model.nodes]


def test_a_focus_outside_the_filters_is_drawn_largest_on_a_ring_and_the_rest_fades(demo_store):
    selection, _ = _selections(demo_store)["focus outside the filters"]
    model = build_map(demo_store, selection, "fr")
    roles = {n.id: n.role for n in model.nodes}
    subject = next(n for n in model.nodes if n.role == "subject")
    assert subject.id == alliance_node(selection.focus)
    assert subject.size == max(n.size for n in model.nodes)
    assert "faded" in roles.values()
    members = {m.actor for m in demo_store.memberships(alliance_ids=[selection.focus])}
    assert {actor_node(a) for a in members} <= set(roles)  # the filters left them out; the focus brings them
    linked = {e.source if e.target == subject.id else e.target for e in model.edges
              if subject.id in (e.source, e.target)}
    assert all(roles[n] != "faded" for n in linked)


def test_grouped_map_counts_every_actor_once(demo_store):
    for case in ("grouped by territory", "grouped by kind"):
        selection, budget = _selections(demo_store)[case]
        model = build_map(demo_store, selection, "fr", budget=budget)
        counted = [int(re.search(r"· ([\d\u202f]+) acteurs?$", n.label)[1].replace("\u202f", ""))
                   for n in model.nodes if n.type == "group"]
        assert sum(counted) == model.actors > 0
        assert len(model.nodes) <= budget + 3  # groups first; hubs only in the room left


def test_builders_draw_from_data_alone_without_a_store():
    """A scene written by hand, as a test or another front end would: no store is asked."""
    dataset = small_dataset()
    active = [a for a in dataset.actors if a.active]
    members: dict[str, list[tuple[str, str]]] = {}
    for m in dataset.memberships:
        members.setdefault(m.alliance, []).append((m.actor, m.role.value))
    scene = Scene([a.id for a in active], list(dataset.alliances), list(dataset.policies), members)
    actors = {a.id: a for a in active}
    detailed = detailed_map(MapSelection(), scene, actors, "fr", 5000)
    assert {actor_node(a.id) for a in active} <= {n.id for n in detailed.nodes}
    assert detailed == detailed_map(MapSelection(), scene, actors, "fr", 5000)  # pure: same data, same map
    grouped = grouped_map(MapSelection(group_by="kind"), scene, actors, "en", 5)
    assert {n.kind for n in grouped.nodes if n.type == "group"} == {a.kind.value for a in active}
    assert isinstance(grouped, MapModel) and grouped.grouped


def test_the_store_questions_and_the_builders_agree_with_build_map(demo_store):
    selection = MapSelection(territory="departement:26", focus=demo_store.alliances()[1].id)
    scene = ask_scene(demo_store, selection, "fr")
    actors = ask_actors(demo_store, set(scene.actor_ids) | scene.focus_ids())
    assert detailed_map(selection, scene, actors, "fr", 5000) == build_map(demo_store, selection, "fr")


def test_both_stores_draw_the_same_map(store, demo_store):
    store.load(read_dataset(DEMO_DIR))
    for case, (selection, budget) in _selections(demo_store).items():
        expected = build_map(demo_store, selection, "fr", budget)
        assert build_map(store, selection, "fr", budget) == expected, case


def test_kinds_legend_follows_the_drawn_actors(demo_store):
    model = build_map(demo_store, MapSelection(kinds=("association", "fondation")), "fr")
    drawn = {ActorKind(n.kind) for n in model.nodes if n.type == "actor"}
    from ecosystem.ui import palette

    kind_colours = {item.colour for item in model.legend if item.shape == "dot"} - {palette.UNLINKED_COLOUR}
    assert any(n.id == "group:unlinked" for n in model.nodes)  # the lone actors, folded into one node

    assert kind_colours == {palette.KIND_COLOURS[k] for k in drawn}


BARE_NUMBERS_ALLOWED = {0, 1, 2}
"""Counting, indexing, halving and 2π: not a choice of look, so not named."""


@pytest.mark.parametrize("module", sorted(p.name for p in MAP_DIR.glob("*.py") if p.name != "style.py"))
def test_no_bare_number_outside_style(module):
    """Every size, width, alpha and threshold of the map is named in style.py, with why."""
    tree = ast.parse((MAP_DIR / module).read_text(encoding="utf-8"))
    bare = [(node.lineno, node.value) for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, int | float) and not isinstance(node.value, bool)
            and node.value not in BARE_NUMBERS_ALLOWED]
    named = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign) for t in node.targets
             if isinstance(t, ast.Name) and t.id.isupper()}
    top_level = {node.lineno for node in tree.body if isinstance(node, ast.Assign)
                 and all(isinstance(t, ast.Name) and t.id in named for t in node.targets)}
    assert [b for b in bare if b[0] not in top_level] == []
