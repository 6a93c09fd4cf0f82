"""The geographic map as a picture: the shapes of a territory's parts (communes, EPCI, départements or
régions) coloured by a measure, with title, filters and legend written on it (PNG or SVG).

Drawn from the shipped shapes (`reference.geometry`), so it needs no tile server and no geometry
library: longitudes are scaled by the cosine of the map's middle latitude (an equirectangular
projection, true enough at the scale of a département or of France). Larger shapes are drawn first,
so an enclave (a commune inside another) stays visible on top of the one around it. The measure is
split into at most four classes on its distinct values; zero is white.

`geo_svg` and `geo_png` are what the geographic page calls for its downloads.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ecosystem.analysis import wording as w
from ecosystem.model import Level
from ecosystem.outputs import colours
from ecosystem.outputs.figure import styled, to_bytes
from ecosystem.outputs.frame import framed, legend
from ecosystem.reference import geometry, reference

Ring = list[tuple[float, float]]
SHADES = colours.SEQUENTIAL[1:]
"""The classes' colours: the palest blue of the scale is left out, too close to the white of zero."""
CLASSES = len(SHADES)
METROPOLE = ("region:11", "region:24", "region:27", "region:28", "region:32", "region:44", "region:52",
             "region:53", "region:75", "region:76", "region:84", "region:93", "region:94")
"""France is framed on its metropolitan régions; the overseas ones would shrink it to a dot."""


def classes(values: Iterable[float]) -> list[tuple[float, float]]:
    """At most four (low, high) classes covering the positive values, cut at quantiles of the distinct
    values, so that a few very large counts do not leave every other territory in the first class.

    >>> classes([1, 1, 2, 3, 10])
    [(1, 1), (2, 2), (3, 3), (10, 10)]
    >>> classes([1, 2, 3, 10, 40])
    [(1, 2), (3, 3), (10, 10), (40, 40)]
    >>> classes(range(1, 101))
    [(1, 25), (26, 50), (51, 75), (76, 100)]
    >>> classes([0, 0])
    []
    """
    distinct = sorted({v for v in values if v > 0})
    if not distinct:
        return []
    count = min(CLASSES, len(distinct))
    cuts = [distinct[math.ceil(len(distinct) * (i + 1) / count) - 1] for i in range(count)]
    found, low = [], distinct[0]
    for high in cuts:
        if found and high <= found[-1][1]:
            continue
        found.append((low, high))
        later = [v for v in distinct if v > high]
        low = later[0] if later else high
    return found


def class_label(low: float, high: float, lang: str) -> str:
    """« 3 », « 3 à 5 » / "3 to 5" (whole numbers with the language's thousands separator)."""
    if low == high:
        return w.whole(int(low), lang)
    return f"{w.whole(int(low), lang)}{w.tr(lang, ' à ', ' to ')}{w.whole(int(high), lang)}"


def geo_figure(level: Level | str, within: str | None, values: Mapping[str, float], title: str,
               filters: Sequence[str] = (), measure: str = "", lang: str = "fr",
               made_on: date | None = None) -> Figure:
    """The shapes of `level` within `within` (None: all of France), coloured by `values` (territory id to
    a count); `measure` titles the legend. Call inside `figure.styled()`."""
    fig, ax = framed(title, filters, lang, made_on)
    features = geometry.features(level, within)
    if within is None or within.startswith("pays:"):
        frame = set(METROPOLE)
        hierarchy = reference().hierarchy
        features = [f for f in features if frame & _regions(hierarchy, f["properties"]["id"])]
    bins = classes(values.values())
    shades = SHADES[len(SHADES) - len(bins):] if bins else ()
    lat0 = _middle_latitude(features)
    squeeze = math.cos(math.radians(lat0))
    shapes: list[tuple[float, Ring, str]] = []
    for feature in features:
        colour = _colour(values.get(feature["properties"]["id"], 0), bins, shades)
        for ring in _outer_rings(feature["geometry"]):
            projected = [(x * squeeze, y) for x, y in ring]
            shapes.append((abs(_area(projected)), projected, colour))
    shapes.sort(key=lambda s: -s[0])
    if shapes:
        width = 0.25 if len(features) > 150 else 0.5  # hundreds of communes: finer borders
        ax.add_collection(PolyCollection([s[1] for s in shapes], facecolors=[s[2] for s in shapes],
                                         edgecolors="#7A7A7A", linewidths=width))
        xs = [x for s in shapes for x, _ in s[1]]
        ys = [y for s in shapes for _, y in s[1]]
        ax.set_xlim(min(xs), max(xs))
        ax.set_ylim(min(ys), max(ys))
        ax.set_aspect("equal", adjustable="box")
    handles = [Patch(facecolor=colours.NO_VALUE, edgecolor="#7A7A7A", linewidth=0.5)]
    labels = ["0"]
    for (low, high), shade in zip(bins, shades, strict=True):
        handles.append(Patch(facecolor=shade, edgecolor="#7A7A7A", linewidth=0.5))
        labels.append(class_label(low, high, lang))
    legend(fig, handles, labels, lang, measure)
    return fig


def geo_svg(level: Level | str, within: str | None, values: Mapping[str, float], title: str,
            filters: Sequence[str] = (), measure: str = "", lang: str = "fr",
            made_on: date | None = None) -> bytes:
    """The geographic map as SVG bytes (text kept as text: title, filters and legend can be read)."""
    with styled():
        return to_bytes(geo_figure(level, within, values, title, filters, measure, lang, made_on), "svg")


def geo_png(level: Level | str, within: str | None, values: Mapping[str, float], title: str,
            filters: Sequence[str] = (), measure: str = "", lang: str = "fr",
            made_on: date | None = None) -> bytes:
    """The geographic map as PNG bytes (A4 landscape at 150 dpi)."""
    with styled():
        return to_bytes(geo_figure(level, within, values, title, filters, measure, lang, made_on), "png")


def _colour(value: float, bins: Sequence[tuple[float, float]], shades: Sequence[str]) -> str:
    for (low, high), shade in zip(bins, shades, strict=True):
        if low <= value <= high:
            return shade
    return colours.NO_VALUE


def _regions(hierarchy: object, tid: str) -> set[str]:
    return set(hierarchy.project(tid, Level.REGION))  # type: ignore[attr-defined]


def _outer_rings(geom: dict) -> list[Ring]:
    """The outer ring of each polygon (holes are left to the smaller shapes drawn on top)."""
    polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return [[(x, y) for x, y in polygon[0]] for polygon in polygons if polygon]


def _area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _middle_latitude(features: Sequence[dict]) -> float:
    lats = [y for f in features for ring in _outer_rings(f["geometry"]) for _, y in ring[::10]]
    return (min(lats) + max(lats)) / 2 if lats else 46.5
