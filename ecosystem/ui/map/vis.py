"""What vis-network draws from, the same for the app's component and the downloaded page.

A `MapModel` in, plain JSON-ready values out: nodes (each with its group, position, size, and the
label's text, rank and screen size that static/labels.js places so that labels never overlap),
edges, node groups and vis-network's options. `interactive.component_args` sends them to the app's
component, `render.render_html` writes them into the offline page: one drawing, one set of labels.
"""

from __future__ import annotations

from typing import Any

from ecosystem.ui import palette
from ecosystem.ui.map.model import MapEdge, MapModel, MapNode
from ecosystem.ui.map.style import (
    BORDER_DARK,
    BORDER_FADED,
    BORDER_PLAIN,
    FONT_FACE,
    FONT_SIZE,
    HUB_FONT_SIZE,
    LABEL_DRAW_THRESHOLD,
    LABEL_HALO,
    LABEL_HALO_COLOUR,
    LABEL_MAX_VISIBLE,
    LABEL_PX,
    LABEL_PX_HUB,
    LABEL_PX_SUBJECT,
    LABEL_TIERS,
    LAYOUT_SEED,
    LINK_WIDTH,
    NEIGHBOUR_FONT_SIZE,
    NODE_BORDER,
    POLICY_FONT_SIZE,
    SDG_BOX_MIN_WIDTH,
    SDG_FONT_SIZE,
    SELECTED_EDGE_GROWTH,
    SUBJECT_BORDER,
    SUBJECT_FONT_SIZE,
    TOOLTIP_DELAY_MS,
    ZOOM_SPEED,
)

VIS_OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False, "randomSeed": LAYOUT_SEED},
    "nodes": {
        "borderWidth": NODE_BORDER,
        "font": {"size": FONT_SIZE, "face": FONT_FACE, "strokeWidth": LABEL_HALO,
                 "strokeColor": LABEL_HALO_COLOUR},
        "scaling": {"label": {"drawThreshold": LABEL_DRAW_THRESHOLD}},
    },
    "edges": {"smooth": False, "color": {"color": palette.LINK_COLOUR, "inherit": False},
              "selectionWidth": SELECTED_EDGE_GROWTH},
    "interaction": {"hover": True, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True,
                    "tooltipDelay": TOOLTIP_DELAY_MS, "keyboard": False, "navigationButtons": False,
                    "zoomSpeed": ZOOM_SPEED},
}
"""vis-network options tuned for big graphs: no physics, no improved layout (its O(n²) start),
straight edges, edges hidden while dragging or zooming."""

VisNode = dict[str, Any]
VisEdge = dict[str, Any]


def vis_data(model: MapModel) -> tuple[list[VisNode], list[VisEdge], dict[str, dict[str, Any]]]:
    """Nodes, edges and node groups as vis-network wants them.

    Colours and shapes go in groups (one per type, kind and fading), so each node carries only its
    id, label, hover text, position, size and group: a third of the bytes on a 5,000-node map.
    """
    groups: dict[str, dict[str, Any]] = {}
    nodes = []
    for n in model.nodes:
        group = f"{n.type}.{n.kind}.{'faded' if n.role == 'faded' else 'lit'}"
        if group not in groups:
            groups[group] = _group_style(n)
        nodes.append(_vis_node(n, group))
    return nodes, [_vis_edge(e) for e in model.edges], groups


def _group_style(n: MapNode) -> dict[str, Any]:
    """The colours and shape shared by every node of `n`'s group."""
    style: dict[str, Any] = {"shape": n.shape, "color": {
        "background": n.colour, "border": _border(n),
        "highlight": {"background": n.colour, "border": BORDER_DARK},
        "hover": {"background": n.colour, "border": BORDER_DARK}}}
    if n.shape == "box":
        style["font"] = {"size": SDG_FONT_SIZE, "color": BORDER_DARK}
        style["widthConstraint"] = {"minimum": SDG_BOX_MIN_WIDTH}
    return style


def _vis_node(n: MapNode, group: str) -> VisNode:
    """One node: what its group does not say, and the emphasis of its role in a focus."""
    node: VisNode = {"id": n.id, "label": n.label, "title": n.title, "x": n.x, "y": n.y, "size": n.size,
                     "group": group}
    if n.role == "faded":
        node["label"] = " "  # the name shows on hover; faded labels would only clutter
    if n.role == "subject":
        node["borderWidth"] = SUBJECT_BORDER
        node["color"] = {"background": n.colour, "border": BORDER_DARK}
        node["font"] = {"size": SUBJECT_FONT_SIZE}
    elif n.role in ("linked", "overlap", "complement"):
        node["font"] = {"size": NEIGHBOUR_FONT_SIZE}
    elif n.type in ("alliance", "group") and n.role != "faded":
        node["font"] = {"size": HUB_FONT_SIZE}
    elif n.type == "policy" and n.role != "faded":
        node["font"] = {"size": POLICY_FONT_SIZE}
    return node


def _vis_edge(e: MapEdge) -> VisEdge:
    """One edge, carrying only what differs from the default plain grey line."""
    edge: VisEdge = {"from": e.source, "to": e.target}
    if e.colour != palette.LINK_COLOUR:
        edge["color"] = {"color": e.colour}
    if e.width != LINK_WIDTH:
        edge["width"] = e.width
    if e.title:
        edge["title"] = e.title
    if e.dashes:
        edge["dashes"] = True
    return edge


def _border(node: MapNode) -> str:
    if node.role == "subject":
        return BORDER_DARK
    if node.role == "faded":
        return BORDER_FADED
    if node.shape == "box":
        return BORDER_DARK
    return BORDER_PLAIN if node.type != "alliance" else BORDER_DARK


TIERS = LABEL_TIERS


def tier(node: MapNode) -> int:
    """The label priority of a node: its role in a focus first, else its type."""
    return TIERS.get(node.role, TIERS.get(node.type, TIERS["actor"]))


def label_px(node: MapNode) -> int:
    """A node's label size on screen: the focus largest, landmarks next, actors smallest."""
    if node.role == "subject":
        return LABEL_PX_SUBJECT
    if tier(node) <= TIERS["alliance"]:
        return LABEL_PX_HUB
    return LABEL_PX


def ranks(model: MapModel) -> dict[str, int]:
    """Node id -> label rank (0 first): by tier, then size descending, then id, so ties are stable.

    >>> from ecosystem.ui.map.model import MapNode
    >>> a = MapNode("actor:a", "actor", "A", "", "#000", "dot", 8, 0, 0)
    >>> g = MapNode("group:x", "group", "X", "", "#000", "dot", 12, 0, 0)
    >>> b = MapNode("actor:b", "actor", "B", "", "#000", "dot", 20, 0, 0)
    >>> ranks(MapModel((a, g, b), (), (), 2, 0, 0))
    {'group:x': 0, 'actor:b': 1, 'actor:a': 2}
    """
    order = sorted(model.nodes, key=lambda n: (tier(n), -n.size, n.id))
    return {n.id: i for i, n in enumerate(order)}


def labelled(model: MapModel) -> tuple[list[VisNode], list[VisEdge], dict[str, Any]]:
    """Nodes, edges and options with the labels static/labels.js places: each node's `caption` (none
    when faded), `rank` and `px`, its own `label` left empty and its font sized on screen."""
    nodes, edges, groups = vis_data(model)
    rank = ranks(model)
    by_id = {n.id: n for n in model.nodes}
    for node in nodes:
        drawn = by_id[node["id"]]
        node["caption"] = "" if drawn.role == "faded" else drawn.label
        node["rank"] = rank[node["id"]]
        node["px"] = label_px(drawn)
        node["shape"] = drawn.shape
        node.pop("font", None)  # sizes are set on screen by static/labels.js
        node["label"] = ""
    options = {**VIS_OPTIONS, "groups": groups}
    scaling = {"label": {"drawThreshold": 1, "maxVisible": LABEL_MAX_VISIBLE}}
    options["nodes"] = {**options["nodes"], "scaling": scaling}
    return nodes, edges, options
