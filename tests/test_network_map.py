"""The interactive network map: labels, lone actors, switches, the side panel, the component, the CLI.

Pure logic on the demo dataset in the embedded store (no mock: the builders read what the store
answers), the Carte page through AppTest, and `ecosystem network` through the CLI's `main`. The
browser half (a real click in Chromium) is tests/test_browser_network.py.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ecosystem.analysis import metrics, render
from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.network import network_report
from ecosystem.analysis.overlap import duplicate_groups, top_overlaps
from ecosystem.datasets import read_dataset
from ecosystem.datasets.graph import actor_node
from ecosystem.model import SDG_NUMBERS
from ecosystem.resources import DEMO_DIR
from ecosystem.ui import palette
from ecosystem.ui.map import MapSelection, build_map
from ecosystem.ui.map.component import STATIC, served_folder
from ecosystem.ui.map.interactive import component_args, ranks
from ecosystem.ui.map.model import UNLINKED_GROUP
from ecosystem.ui.map.panel import node_details
from ecosystem.ui.map.style import UNLINKED_SHOWN_MAX

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
MAP_PAGE = str(ROOT / "ecosystem" / "ui" / "pages" / "map.py")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):  # one store for the module: the tests only read it
    from ecosystem.store.memory import MemoryStore

    store = MemoryStore(tmp_path_factory.mktemp("demo") / "embedded")
    store.load(read_dataset(DEMO_DIR))
    return store


def _overlapping(store):
    """The first actor (by id) that overlaps another: a focus with something to draw."""
    return next(a for a in store.actors(sorted(store.actors_in([]))) if top_overlaps(store, a.id).items)


# ---------------------------------------------------------------------- readable


def test_lone_actors_become_one_group_and_every_actor_is_counted_once(demo_store):
    model = build_map(demo_store, MapSelection(), "fr")
    (group,) = [n for n in model.nodes if n.id == UNLINKED_GROUP]
    drawn = {n.id for n in model.nodes if n.type == "actor"}
    assert len(model.unlinked) > UNLINKED_SHOWN_MAX
    assert group.label == f"{len(model.unlinked)} acteurs sans lien" and group.opens == "unlinked"
    assert not drawn & {actor_node(i) for i in model.unlinked}
    assert len(drawn) + len(model.unlinked) == model.actors == len(demo_store.actors_in([]))
    linked = {x for e in model.edges for x in (e.source, e.target)}
    assert all(n in linked for n in drawn), "every actor drawn alone has a link"


def test_a_focus_pulls_a_lone_actor_out_of_the_group_without_moving_anything(demo_store):
    plain = build_map(demo_store, MapSelection(), "fr")
    lone = plain.unlinked[0]
    focused = build_map(demo_store, MapSelection(focus=lone), "fr")
    assert lone not in focused.unlinked and actor_node(lone) in {n.id for n in focused.nodes}
    before = {n.id: (n.x, n.y) for n in plain.nodes}
    assert all(before[n.id] == (n.x, n.y) for n in focused.nodes if n.id in before)


def test_labels_are_ranked_focus_first_then_groups_then_by_size(demo_store):
    focus = _overlapping(demo_store).id
    model = build_map(demo_store, MapSelection(focus=focus), "fr")
    rank = ranks(model)
    assert rank[actor_node(focus)] == 0
    assert rank[UNLINKED_GROUP] < min(r for nid, r in rank.items() if nid.startswith("policy:"))
    actors = sorted((n for n in model.nodes if n.type == "actor" and not n.role), key=lambda n: rank[n.id])
    assert [n.size for n in actors] == sorted((n.size for n in actors), reverse=True)


def test_full_names_stay_in_the_tooltip_and_sdgs_are_named(demo_store):
    model = build_map(demo_store, MapSelection(show_sdgs=True), "fr")
    cut = [n for n in model.nodes if n.label.endswith("…")]
    assert cut, "the demo has long names"
    assert all(n.title.startswith(n.name) and len(n.name) > len(n.label) for n in cut)
    actor = next(n for n in model.nodes if n.type == "actor")
    assert re.search(r"\n  \d+ · [A-Z]", actor.title), actor.title  # « 2 · Faim « zéro » », not « 2 »
    sdg_legend = [i.label for i in model.legend if i.shape == "sdg"]
    assert len(sdg_legend) == len(SDG_NUMBERS) and sdg_legend[12].startswith("13 · Mesures")


def test_the_sdg_switch_is_applied_to_a_grouped_map(demo_store):
    plain = build_map(demo_store, MapSelection(), "fr", budget=20)
    with_sdgs = build_map(demo_store, MapSelection(show_sdgs=True), "fr", budget=20)
    assert plain.grouped and with_sdgs.grouped
    assert not [n for n in plain.nodes if n.type == "sdg"]
    assert len([n for n in with_sdgs.nodes if n.type == "sdg"]) == len(SDG_NUMBERS)
    contributions = sum(len(a.all_sdgs) for a in demo_store.actors(demo_store.actors_in([])))
    widths = [e for e in with_sdgs.edges if e.type == "sdg"]
    assert widths and sum(int(re.search(r"\d+", e.title)[0]) for e in widths) == contributions


def test_groups_say_their_place_and_size_and_open_as_a_filter(demo_store):
    model = build_map(demo_store, MapSelection(territory="departement:26"), "fr", budget=20)
    groups = [n for n in model.nodes if n.type == "group"]
    assert groups and all(re.search(r" · [\d\u202f]+ acteurs?$", n.label) for n in groups)
    opened = [n.opens for n in groups if n.opens]
    assert opened and all(o.startswith("territory:epci:") for o in opened)


# ---------------------------------------------------------------------- switches


def test_switches_draw_pairs_duplicates_communities_and_brokers(demo_store):
    off = build_map(demo_store, MapSelection(overlaps=False), "fr")
    on = build_map(demo_store, MapSelection(overlaps=True, duplicates=True, colour_by="community",
                                            size_by="brokers"), "fr")
    assert not [e for e in off.edges if e.type in ("pair", "duplicate")]
    assert [e for e in on.edges if e.type == "pair"]
    drawn = {n.id for n in on.nodes}
    groups = duplicate_groups(demo_store, "pays:FR")
    expected = {frozenset((actor_node(a), actor_node(b))) for g in groups for a, b in pairwise(g.actors)
                if actor_node(a) in drawn and actor_node(b) in drawn}
    assert {frozenset((e.source, e.target)) for e in on.edges if e.type == "duplicate"} == expected
    assert {i.label for i in on.legend} >= {"Chevauchement fort", "Doublons probables"}
    ids = demo_store.actors_in([])
    graph = metrics.build_graph(demo_store.actor_links(sorted(ids)), ids)
    biggest = metrics.communities(graph)[0]
    colours = {n.colour for n in on.nodes if n.type == "actor" and n.id.removeprefix("actor:") in biggest}
    assert colours == {palette.COMMUNITY_COLOURS[0]}
    between = metrics.betweenness(graph)
    broker = max(between, key=lambda a: (between[a], a))
    actors = [n for n in on.nodes if n.type == "actor"]
    assert max(actors, key=lambda n: n.size).id == actor_node(broker)


def test_the_focus_switches_leave_out_what_is_switched_off(demo_store):
    focus = _overlapping(demo_store).id
    both = build_map(demo_store, MapSelection(focus=focus), "fr")
    none = build_map(demo_store, MapSelection(focus=focus, overlaps=False, complements=False), "fr")
    assert {e.type for e in both.edges} >= {"overlap", "complement"}
    assert not {e.type for e in none.edges} & {"overlap", "complement", "pair"}


# ---------------------------------------------------------------------- panel and component


def test_the_panel_lists_the_top_overlaps_and_complements(demo_store):
    actor = _overlapping(demo_store)
    details = node_details(demo_store, actor_node(actor.id), "fr")
    assert details.name == actor.name and details.focus == actor.id
    overlaps = top_overlaps(demo_store, actor.id, k=5).items
    assert [n.id for n in details.overlaps] == [o.actor for o in overlaps]
    assert [n.id for n in details.complements] == [c.actor for c in complements(demo_store, actor, k=5).items]
    alliance = demo_store.alliances()[0]
    assert node_details(demo_store, f"alliance:{alliance.id}", "en").lines[-1].startswith("Members: ")
    assert node_details(demo_store, "actor:nobody", "fr") is None
    assert node_details(demo_store, "sdg:13", "fr").name.startswith("ODD 13 · ")


def test_the_component_args_change_only_with_the_drawing(demo_store):
    a = component_args(build_map(demo_store, MapSelection(), "fr"), "fr", 500)
    again = component_args(build_map(demo_store, MapSelection(), "fr"), "fr", 500)
    other = component_args(build_map(demo_store, MapSelection(kinds=("association",)), "fr"), "fr", 500)
    assert a["version"] == again["version"] != other["version"]
    assert all(n["label"] == "" and "caption" in n and "rank" in n for n in a["nodes"])
    json.dumps(a)  # what Streamlit sends to the browser


def test_the_component_is_served_locally_with_no_third_party_host():
    folder = served_folder()
    ours = ("index.html", "labels.js", "network.js")
    assert {p.name for p in folder.iterdir()} == {*ours, "vis-network.min.js"}
    page = "".join((STATIC / name).read_text(encoding="utf-8") for name in ours)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert re.findall(r'<script src="([^"]+)"', page) == ["vis-network.min.js", "labels.js", "network.js"]


# ---------------------------------------------------------------------- the page (AppTest)


@pytest.fixture
def app_state(tmp_path, monkeypatch):
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "1")
    return tmp_path


def _map_page(params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.query_params.update(params)
    at.run()
    at.switch_page(MAP_PAGE)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_a_shared_link_opens_the_panel_of_its_node(app_state, demo_store):
    actor = _overlapping(demo_store)
    at = _map_page({"node": actor_node(actor.id)})
    text = _texts(at)
    assert f"**{actor.name}**" in text and "**Chevauchements principaux**" in text
    assert actor_node(actor.id) in at.query_params["node"]
    at.button(key="map.focus_on").click().run()
    assert at.session_state["focus"] == actor.id
    (component,) = at.get("component_instance")
    args = json.loads(component.proto.json_args)
    assert any(e.get("dashes") for e in args["edges"]), "the focus's overlaps are drawn"


def test_a_clicked_group_opens(app_state):
    at = _map_page({})
    at.session_state["map.pending"] = {"node": UNLINKED_GROUP, "opens": "unlinked"}  # what take_click keeps
    at.run()
    assert "acteurs n'ont aucun lien sur cette carte" in _texts(at)
    at.session_state["map.pending"] = {"node": "group:epci:242600252", "opens": "territory:epci:242600252"}
    at.run()
    assert at.session_state["territory"] == "epci:242600252"
    assert "Territoire choisi" in _texts(at)


# ---------------------------------------------------------------------- ecosystem network


def test_network_report_counts_what_metrics_measure(demo_store):
    report = network_report(demo_store, "departement:26")
    ids = demo_store.actors_in(["departement:26"])
    found = metrics.actor_network(demo_store, ids)
    assert report.actors == len(ids) and report.linked == sum(1 for n in found.nodes if n.degree)
    assert report.communities[0].count == len(found.communities[0])
    for lang in ("fr", "en"):
        assert len(report.sentences(lang)) == len(report.findings())
    fr = report.sentences("fr")[0]
    assert re.fullmatch(r"\d+ acteurs sur \d+ présents sur le territoire de la Drôme sont reliés à "
                        r"d'autres par \d+ liens \(alliances ou politiques portées ensemble\), en \d+ "
                        r"communautés\.", fr)
    assert render.missing("fr") == render.missing("en") == set()


def test_network_command_prints_sentences_and_json(small_state, capsys):
    from ecosystem.cli import main

    assert main(["network", "--in", "departement:26"]) == 0
    out = capsys.readouterr().out
    assert "Communautés" in out and "sur le territoire de la Drôme" in out
    assert main(["network", "--in", "departement:26", "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["territory"] == "departement:26" and data["sentences"][0].endswith("communities.")
    assert data["findings"][0]["code"] == "network.summary"


def test_finding_a_node_by_name_selects_it(app_state):
    at = _map_page({})
    at.text_input(key="map.find").input("biovallee").run()  # accents and case do not matter
    found = at.selectbox(key="map.found")
    names = list(found.options)  # as shown: the full names
    assert names and all("biovallée" in n.lower() for n in names)
    found.select_index(0).run()
    assert at.session_state["node"].partition(":")[0] in ("actor", "alliance", "policy")
    assert f"**{names[0]}**" in _texts(at)
