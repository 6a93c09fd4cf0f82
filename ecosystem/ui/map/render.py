"""A map model as one standalone HTML page: vis-network inlined from the pyvis package, no CDN.

The page opens offline, sent to a partner by e-mail or downloaded from the Carte page. Nothing here
asks the store: `vis.labelled` turns the model into vis-network's lists, the very ones the app's
component draws, and the page places their labels with the component's own static/labels.js
(inlined), so the downloaded map shows the labels the app shows; `render_html` fills the page.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

from ecosystem.ui.i18n import t
from ecosystem.ui.map.model import MapModel
from ecosystem.ui.map.style import HTML_HEIGHT, LABEL_HALO
from ecosystem.ui.map.template import PAGE, SLOTS
from ecosystem.ui.map.vis import labelled

_SLOT = re.compile("|".join(map(re.escape, SLOTS)))

VIS_VERSION = "vis-9.1.2"
"""The vis-network pyvis ships (templates/lib/<this>): the script and tooltip style inlined."""


def render_html(model: MapModel, lang: str = "fr", height: int = HTML_HEIGHT, title: str = "") -> str:
    """A standalone HTML page drawing the map (vis-network inlined, from the pyvis package).

    The page sets `window.ecosystemMap` once the first frame is drawn ({nodes, edges, drawnAt,
    drawMs}) and keeps the vis Network in `window.network`: the browser tests read them.
    """
    from pyvis.network import Network  # imported on first draw: pyvis pulls in jinja2 and IPython

    net = Network(height=f"{height}px", width="100%", directed=False, cdn_resources="in_line", heading="")
    nodes, edges, options = labelled(model)
    # Bulk assignment: pyvis' add_node/add_edge check duplicates in lists, O(n²) on 5,000 nodes.
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.options = options
    data_nodes, data_edges, _, height_css, width_css, options = net.get_network_data()
    filled = {
        "%%LABELS_JS%%": labels_script(),
        "%%HALO%%": json.dumps(LABEL_HALO),
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
    return _SLOT.sub(lambda found: filled[found[0]], PAGE)


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
@cache  # read once per process
def labels_script() -> str:
    """static/labels.js, the label placement the app's component uses, ready to inline."""
    text = (Path(__file__).resolve().parent / "static" / "labels.js").read_text(encoding="utf-8")
    return text.replace("</script", "<\\/script")


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
