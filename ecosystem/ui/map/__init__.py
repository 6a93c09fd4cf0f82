"""The network map: a selection -> nodes, edges and positions -> a standalone HTML page.

Pure of Streamlit: `build_map(store, selection, lang)` asks the store for what the selection shows
and returns a `MapModel`; `render_html(model, lang)` turns it into one HTML file with vis-network
inlined (no CDN: it opens offline, in the app's iframe or sent to a partner).

What the map shows:
- actors (dots coloured by kind, Okabe-Ito), alliances (black diamonds), public policies (grey
  squares), and optionally the 17 SDGs (white boxes);
- links: membership (actor - alliance), carrying (local authority - policy), articulation
  (alliance - policy), and actor - SDG when asked;
- node size grows with the number of links on the map (degree centrality);
- a focused actor or alliance, with its overlaps (vermillion dashes) and complementarities (green
  dashes) from `ecosystem.analysis`; everything else fades.

Positions come from `ecosystem.ui.layout`, memoised on the graph, physics is off: the map appears
at once and does not move between reruns. Beyond `MAP_NODE_BUDGET` nodes the actors are grouped
(by territory one level below the selection, or by kind), and the model says so.

One job per module:
- `model`: the selection and the drawn map as frozen values (`MapSelection`, `MapModel`, ...);
- `questions`: what the map asks the store (`ask_scene`, `ask_actors` -> a `Scene`);
- `detailed`, `grouped`: the two builders, pure (a scene and its actors -> a `MapModel`);
- `labels`: hover-text pieces and the legend; `positions`: memoised layout, ring around a focus;
- `style`: every size, width, alpha and vis-network setting, named, with why;
- `render`, `template`: the model as one offline HTML page;
- `build`: `build_map` and `map_view`, where the store meets the builders;
- `interactive`: the model as the arguments of the app's component (label ranks and sizes);
- `component` and `static/`: the bidirectional Streamlit component that draws it and returns clicks
  (imported by the page only: everything else here stays free of Streamlit);
- `panel`: what a clicked node's side panel says (details, top overlaps and complements).

Lone actors (no link on the map) become one group node beyond `style.UNLINKED_SHOWN_MAX`; switches
of the selection draw overlapping pairs and duplicates, colour actors by community and size them by
betweenness (`questions.ask_network`, from `ecosystem.analysis.metrics`).
"""

from ecosystem.ui.map.build import MapView, build_map, map_view
from ecosystem.ui.map.grouped import group_level
from ecosystem.ui.map.model import (
    COLOUR_BY,
    GROUP_BY,
    MAP_NODE_BUDGET,
    SIZE_BY,
    LegendItem,
    MapEdge,
    MapModel,
    MapNode,
    MapSelection,
)
from ecosystem.ui.map.render import render_html
from ecosystem.ui.map.vis import vis_data

__all__ = [
    "COLOUR_BY",
    "GROUP_BY",
    "MAP_NODE_BUDGET",
    "SIZE_BY",
    "LegendItem",
    "MapEdge",
    "MapModel",
    "MapNode",
    "MapSelection",
    "MapView",
    "build_map",
    "group_level",
    "map_view",
    "render_html",
    "vis_data",
]
