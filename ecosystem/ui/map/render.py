"""A map model as one standalone HTML page: vis-network inlined from the pyvis package, no CDN.

The page opens offline, in the app's iframe or sent to a partner by e-mail. Nothing here asks the
store: `vis_data` turns the model into vis-network's lists, `render_html` fills the page.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from ecosystem.ui import palette
from ecosystem.ui.i18n import t
from ecosystem.ui.map.model import MapEdge, MapModel, MapNode
from ecosystem.ui.map.style import (
    BORDER_DARK,
    BORDER_FADED,
    BORDER_PLAIN,
    FONT_FACE,
    FONT_SIZE,
    HTML_HEIGHT,
    HUB_FONT_SIZE,
    LABEL_DRAW_THRESHOLD,
    LABEL_HALO,
    LABEL_HALO_COLOUR,
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
from ecosystem.ui.map.template import PAGE, SLOTS

VIS_VERSION = "vis-9.1.2"
"""The vis-network pyvis ships (templates/lib/<this>): the script and tooltip style inlined."""

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


def render_html(model: MapModel, lang: str = "fr", height: int = HTML_HEIGHT, title: str = "") -> str:
    """A standalone HTML page drawing the map (vis-network inlined, from the pyvis package).

    The page sets `window.ecosystemMap` once the first frame is drawn ({nodes, edges, drawnAt,
    drawMs}) and keeps the vis Network in `window.network`: the browser tests read them.
    """
    from pyvis.network import Network  # imported on first draw: pyvis pulls in jinja2 and IPython

    net = Network(height=f"{height}px", width="100%", directed=False, cdn_resources="in_line", heading="")
    nodes, edges, groups = vis_data(model)
    # Bulk assignment: pyvis' add_node/add_edge check duplicates in lists, O(n²) on 5,000 nodes.
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.options = {**VIS_OPTIONS, "groups": groups}
    data_nodes, data_edges, _, height_css, width_css, options = net.get_network_data()
    filled = {
        "%%LANG%%": html.escape(lang),
        "%%TITLE%%": html.escape(title or t("map.title", lang)),
        "%%VIS_CSS%%": _asset("vis-network.css"),
        "%%VIS_JS%%": _asset("vis-network.min.js"),
        "%%HEIGHT%%": html.escape(height_css),
        "%%WIDTH%%": html.escape(width_css),
        "%%LEGEND%%": _legend_html(model, lang),
        "%%NODES%%": _script_json(data_nodes),
        "%%EDGES%%": _script_json(data_edges),
        "%%OPTIONS%%": _script_json(json.loads(options) if isinstance(options, str) else options),
    }
    page = PAGE
    for slot in SLOTS:
        page = page.replace(slot, filled[slot], 1)
    return page


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element (no "</script>" nor "<!--" can close or open anything).

    >>> _script_json({"name": "</script>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def vis_folder() -> Path:
    """The folder of the vis-network pyvis ships, found without importing pyvis: its import pulls in
    IPython, about 0.3 s of a first visit for a folder name."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pyvis is not installed", name="pyvis")
    return Path(spec.origin).resolve().parent / "templates" / "lib" / VIS_VERSION


@cache  # two files, read once per process
def _asset(name: str) -> str:
    """vis-network's script, or the only rule of its stylesheet the map uses (the tooltip): the rest
    of the 220 kB stylesheet styles the editing and navigation widgets, which are off."""
    text = (vis_folder() / name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        return text.replace("</script", "<\\/script")
    return "".join(re.findall(r"div\.vis-tooltip\{[^}]*\}", text)).replace("</style", "")


def legend_html(model: MapModel, lang: str, clickable: bool = False) -> str:
    """The legend above the map, as an HTML list (every text escaped); the hint of the app's map
    says what a click does, the downloaded page's only how to explore."""
    return _legend_html(model, lang, clickable)


def _legend_html(model: MapModel, lang: str, clickable: bool = False) -> str:
    rows = [f'<li class="title">{html.escape(t("map.legend", lang))}</li>']
    for item in model.legend:
        colour = html.escape(item.colour)
        if item.shape == "sdg":
            rows.append(f'<li class="sdg">{html.escape(item.label)}</li>')
            continue
        if item.shape == "line":
            mark = f'<span class="mark line" style="border-top-color:{colour}"></span>'
        else:
            mark = f'<span class="mark {html.escape(item.shape)}" style="background:{colour}"></span>'
        rows.append(f"<li>{mark}{html.escape(item.label)}</li>")
    rows.append(f'<li class="note">{html.escape(t("map.legend_size", lang))}</li>')
    hint = t("map.legend_click", lang) if clickable else t("map.legend_hint", lang)
    rows.append(f'<li class="note">{html.escape(hint)}</li>')
    return f'<ul id="legend">{"".join(rows)}</ul>'
