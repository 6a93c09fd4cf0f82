"""The geographic map as a plotly figure: filled shapes by class, their names when few, actor circles.

Pure: shapes, values and circles in, a figure (a plain dict) out. Plain `scatter` traces in longitude
and latitude on a neutral background, so the page makes no request anywhere (plotly's `geo` traces
fetch their topojson from a CDN, and map tiles need a tile server). One filled trace per colour class
keeps the figure small and the legend free (each class is a legend entry with its bounds); invisible
points filling each shape carry its id, its name and its value, for the tooltip and for the click
that goes down a level (plotly reports clicks on points, not on filled areas).

The figure is a dict, not a `go.Figure`: plotly's validation of every coordinate cost more than
everything else together (seconds for France by département). Coordinates are numpy arrays, which
plotly sends to the browser as binary (base64) rather than as JSON numbers; NaN separates rings.
`tests/test_geo.py` checks that plotly accepts the dict as a valid figure.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ecosystem.ui.geo.points import Points
from ecosystem.ui.geo.scale import Bin, bin_of
from ecosystem.ui.geo.shapes import Shape
from ecosystem.ui.palette import faded

HEIGHT = 640
OUTLINE = "#8C8C8C"
POINT_COLOUR = "#7B3294"  # dark purple: apart from both the blues and the oranges (gaps) of the shapes
NAMED_SHAPES = 20
"""Up to this many régions or départements, their names are written on the map (EPCI and communes have
long names that overlap each other and the circles: their tooltips name them)."""
SHAPES_TRACE = "shapes"
POINTS_TRACE = "points"
BASEMAP_FILL = 0.55
"""Opacity of the shapes over a basemap (the streets and rivers show through)."""
FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 13}


@dataclass(frozen=True, slots=True)
class Texts:
    """What the figure writes, already in the reader's language (the builder chooses no words)."""

    legend_title: str
    bin_label: Callable[[Bin], str]
    shape_hover: Callable[[str, int], str]  # (territory id, value) -> tooltip
    point_hover: Callable[[str, int], str]  # (territory id, actors) -> tooltip
    short_name: Callable[[str], str]  # a name written on the map


def _ring_path(shapes: Sequence[Shape]) -> tuple[np.ndarray, np.ndarray]:
    """Every ring of these shapes one after the other, a NaN between two rings."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        for ring_xs, ring_ys in shape.rings:
            xs.extend(ring_xs)
            ys.extend(ring_ys)
            xs.append(math.nan)
            ys.append(math.nan)
    return np.asarray(xs, dtype=np.float32), np.asarray(ys, dtype=np.float32)


def point_size(count: int, largest: int) -> float:
    """A circle's diameter in pixels: its area grows with the count (6 px for one, 40 px at most).

    >>> point_size(1, 100), point_size(100, 100)
    (6.0, 40.0)
    """
    if largest <= 1:
        return 6.0
    return round(6.0 + 34.0 * math.sqrt((count - 1) / (largest - 1)), 1)


def _still(opacity: float, text: bool = False) -> dict:
    """A click selects a point; nothing should fade meanwhile (the page reruns at once)."""
    style: dict = {"marker": {"opacity": opacity}}
    if text:
        style["textfont"] = {"color": "#222"}
    return {"selected": style, "unselected": style}


def geo_figure(shapes: Sequence[Shape], values: Mapping[str, int], bins: Sequence[Bin], points: Points | None,
               places: Mapping[str, tuple[float, float]], latitude: float, texts: Texts,
               hits: tuple[list[float], list[float], list[str]], height: int = HEIGHT,
               basemap: list[dict] | None = None, named: bool = False) -> dict:
    """The map: shapes coloured by class, their names when few, and the actors' circles at `places`.

    `hits` are the invisible points filling the shapes (`shapes.hit_points`): x, y and shape id.
    `basemap`: tile images to lay under the shapes (`tiles.tile_images`, off by default); the shapes
    are then see-through. `named`: write the shapes' names (when they are few, see NAMED_SHAPES).
    """
    data: list[dict] = []
    by_bin: dict[Bin, list[Shape]] = {}
    for shape in shapes:
        by_bin.setdefault(bin_of(tuple(bins), values.get(shape.id, 0)), []).append(shape)
    for b in bins:
        members = by_bin.get(b)
        if not members:
            continue
        xs, ys = _ring_path(members)
        data.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "fill": "toself",
                     "fillcolor": faded(b.colour, BASEMAP_FILL) if basemap else b.colour,
                     "line": {"color": OUTLINE, "width": 0.6}, "hoverinfo": "skip",
                     "name": texts.bin_label(b), "legendgroup": "bins"})
    if named and len(shapes) <= NAMED_SHAPES:
        data.append({"type": "scatter", "x": [s.anchor[0] for s in shapes],
                     "y": [s.anchor[1] for s in shapes], "mode": "markers+text", "showlegend": False,
                     "hoverinfo": "skip",
                     "text": [texts.short_name(s.id) for s in shapes], "textposition": "top center",
                     "textfont": {"size": 11, "color": "#222"},
                     "marker": {"size": 6, "color": "rgba(60,60,60,0.45)"}, **_still(1, text=True)})
    hover = {s.id: texts.shape_hover(s.id, values.get(s.id, 0)) for s in shapes}
    hx, hy, hids = hits
    data.append({"type": "scatter", "x": np.asarray(hx, dtype=np.float32),
                 "y": np.asarray(hy, dtype=np.float32),
                 "name": SHAPES_TRACE, "mode": "markers", "showlegend": False, "customdata": hids,
                 "marker": {"size": 12, "color": "rgba(0,0,0,0.004)"}, "hovertext": [hover[i] for i in hids],
                 "hovertemplate": "%{hovertext}<extra></extra>", **_still(0.004)})
    if points is not None and points.clusters:
        kept = [c for c in points.clusters if c.territory in places]
        largest = max((c.count for c in kept), default=1)
        data.append({"type": "scatter", "x": [places[c.territory][0] for c in kept],
                     "y": [places[c.territory][1] for c in kept], "name": POINTS_TRACE, "mode": "markers",
                     "showlegend": False, "customdata": [c.territory for c in kept],
                     "marker": {"size": [point_size(c.count, largest) for c in kept], "color": POINT_COLOUR,
                                "opacity": 0.75, "line": {"color": "white", "width": 1}},
                     "hovertext": [texts.point_hover(c.territory, c.count) for c in kept],
                     "hovertemplate": "%{hovertext}<extra></extra>", **_still(0.75)})
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    layout = {
        "height": height, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "paper_bgcolor": "white",
        "plot_bgcolor": "white", "font": FONT, "dragmode": "pan", "hovermode": "closest",
        "clickmode": "event+select", "xaxis": axis,
        "yaxis": {**axis, "scaleanchor": "x", "scaleratio": 1 / math.cos(math.radians(latitude))},
        "legend": {"title": {"text": texts.legend_title}, "x": 0.99, "xanchor": "right", "y": 0.99,
                   "bgcolor": "rgba(255,255,255,0.85)", "itemclick": False, "itemdoubleclick": False}}
    if basemap:
        layout["images"] = basemap
    return {"data": data, "layout": layout}
