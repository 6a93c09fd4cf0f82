"""The map as the arguments of its Streamlit component: the drawing (`vis.labelled`) and its legend.

Pure: a `MapModel` in, plain JSON-ready values out. The component's scripts (static/labels.js,
static/network.js) place labels in `rank` order and skip any whose box would meet one already placed,
so labels never overlap; `vis.ranks` gives each node its rank and `vis.label_px` its size on screen.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ecosystem.ui.i18n import t
from ecosystem.ui.map.model import MapModel
from ecosystem.ui.map.render import legend_html
from ecosystem.ui.map.style import DIGEST_CHARS, LABEL_HALO
from ecosystem.ui.map.vis import labelled, ranks

__all__ = ["component_args", "ranks"]  # ranks: where the tests and older callers found it



def component_args(model: MapModel, lang: str, height: int) -> dict[str, Any]:
    """Everything the component draws from, JSON-ready; `version` changes only with the drawing, so
    a rerun that only moves the selection never redraws the map."""
    nodes, edges, options = labelled(model)
    args = {"nodes": nodes, "edges": edges, "options": options,
            "legend": legend_html(model, lang, clickable=True), "height": height, "lang": lang,
            "title": t("map.iframe_alt", lang), "halo": LABEL_HALO}
    text = json.dumps(args, sort_keys=True, ensure_ascii=False)
    args["version"] = hashlib.sha256(text.encode()).hexdigest()[:DIGEST_CHARS]
    return args
