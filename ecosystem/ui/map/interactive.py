"""The map as the arguments of its Streamlit component: which labels matter most, at what size.

Pure: a `MapModel` in, plain JSON-ready values out. The component's script (static/network.js)
places labels in `rank` order and skips any whose box would meet one already placed, so labels never
overlap; here each node gets its rank (the focus, then groups and what the focus links to, then
alliances, SDGs, policies, then actors, biggest first) and its label size in screen pixels.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ecosystem.ui.i18n import t
from ecosystem.ui.map.model import MapModel, MapNode
from ecosystem.ui.map.render import VIS_OPTIONS, legend_html, vis_data
from ecosystem.ui.map.style import (
    DIGEST_CHARS,
    LABEL_HALO,
    LABEL_MAX_VISIBLE,
    LABEL_PX,
    LABEL_PX_HUB,
    LABEL_PX_SUBJECT,
    LABEL_TIERS,
)

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


def component_args(model: MapModel, lang: str, height: int) -> dict[str, Any]:
    """Everything the component draws from, JSON-ready; `version` changes only with the drawing, so
    a rerun that only moves the selection never redraws the map."""
    nodes, edges, groups = vis_data(model)
    rank = ranks(model)
    by_id = {n.id: n for n in model.nodes}
    for node in nodes:
        drawn = by_id[node["id"]]
        node["caption"] = "" if drawn.role == "faded" else drawn.label
        node["rank"] = rank[node["id"]]
        node["px"] = label_px(drawn)
        node["shape"] = drawn.shape
        node.pop("font", None)  # sizes are set on screen by the component
        node["label"] = ""
    options = {**VIS_OPTIONS, "groups": groups}
    scaling = {"label": {"drawThreshold": 1, "maxVisible": LABEL_MAX_VISIBLE}}
    options["nodes"] = {**options["nodes"], "scaling": scaling}
    args = {"nodes": nodes, "edges": edges, "options": options,
            "legend": legend_html(model, lang, clickable=True), "height": height, "lang": lang,
            "title": t("map.iframe_alt", lang), "halo": LABEL_HALO}
    text = json.dumps(args, sort_keys=True, ensure_ascii=False)
    args["version"] = hashlib.sha256(text.encode()).hexdigest()[:DIGEST_CHARS]
    return args
