"""A selection to a map: ask the store once, then draw node by node or grouped.

The one place where the map's I/O meets its pure parts: `build_map` asks the store (through
`questions`), chooses the builder from the node budget, and hands it plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecosystem.model import SDG_NUMBERS
from ecosystem.store.base import Store
from ecosystem.ui.map.detailed import detailed_map
from ecosystem.ui.map.grouped import grouped_map
from ecosystem.ui.map.interactive import component_args
from ecosystem.ui.map.model import MAP_NODE_BUDGET, MapModel, MapSelection
from ecosystem.ui.map.questions import Scene, ask_actors, ask_network, ask_outlines, ask_scene
from ecosystem.ui.map.render import render_html
from ecosystem.ui.map.style import HTML_HEIGHT


def build_map(store: Store, selection: MapSelection, lang: str = "fr",
              budget: int = MAP_NODE_BUDGET) -> MapModel:
    """The map of `selection`: every actor one by one, or grouped beyond `budget` nodes.

    A grouped map reads only its actors' outlines (kind, territories, SDGs), found with them
    (`ask_scene`, `Store.actor_outlines_in`), never their whole records: that read was most of a
    cold map of 16,661 actors at 1M."""
    scene = ask_scene(store, selection, lang)
    if node_count(scene, selection) > budget:
        return grouped_map(selection, scene, ask_outlines(store, scene), lang, budget)
    ask_network(store, selection, scene, lang)
    actors = ask_actors(store, set(scene.actor_ids) | scene.focus_ids())
    return detailed_map(selection, scene, actors, lang, budget)


def node_count(scene: Scene, selection: MapSelection) -> int:
    """Nodes the scene would draw one by one (its focus's extra neighbours aside)."""
    sdgs = len(SDG_NUMBERS) if selection.show_sdgs else 0
    return len(scene.actor_ids) + len(scene.alliances) + len(scene.policies) + sdgs


@dataclass(frozen=True, slots=True)
class MapView:
    """A map and its page, cached together by the app (the page is what costs, up to 2 MB)."""

    model: MapModel
    html: str
    args: dict[str, Any]  # what the interactive component draws from (`interactive.component_args`)


def map_view(store: Store, selection: MapSelection, lang: str = "fr", height: int = HTML_HEIGHT) -> MapView:
    """The model and its HTML page: what the map page caches."""
    model = build_map(store, selection, lang)
    return MapView(model, render_html(model, lang, height), component_args(model, lang, height))
