"""Shapes ready to draw: outer and inner rings in plane coordinates, and an anchor point inside.

The map is drawn as plain filled paths on a neutral background (no tile server, no map library
fetching topojson from a CDN), so everything it needs is computed here from the shipped geometry.
Coordinates stay longitude and latitude; the figure keeps a degree of latitude `1 / cos(latitude)`
times as long as a degree of longitude, which is the local scale of the map (equirectangular
projection at the map's centre: exact enough at the scale of a département or of France).

On the map of France the five overseas départements are drawn as insets to the west of the
mainland, each scaled to the same small box, as French maps usually show them; on their own
maps they are drawn where they are.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

from ecosystem.model import Level
from ecosystem.reference import geometry, reference
from ecosystem.ui.geo.levels import FRANCE

Ring = tuple[tuple[float, ...], tuple[float, ...]]
"""(xs, ys) of one closed ring."""

MAINLAND_LATITUDE = 46.5
"""The scale of the map of France is the mainland's (its middle latitude)."""
INSET_SIZE = 1.5
"""The side of each overseas inset, in degrees of latitude of the mainland map."""
INSETS = {  # département code -> lower left corner of its inset, west of Brittany
    "971": (-9.6, 49.2), "972": (-9.6, 47.5), "973": (-9.6, 45.8), "974": (-9.6, 44.1), "976": (-9.6, 42.4)}


@dataclass(frozen=True, slots=True)
class Shape:
    id: str
    rings: tuple[Ring, ...]
    anchor: tuple[float, float]  # a point inside, where its marker (hover, click) sits


def anchor_commune(tid: str) -> str:
    """The most populated commune of a territory: its marker sits on that commune's inner point,
    which lies inside the territory (a centroid may fall outside a crescent or an archipelago)."""
    h = reference().hierarchy
    if h[tid].level is Level.COMMUNE:
        return tid
    communes = h.project(tid, Level.COMMUNE)
    return max(communes, key=lambda c: (h[c].population, c))


def overseas_code(tid: str) -> str | None:
    """The overseas département a territory lies in, when it has an inset; None on the mainland."""
    depts = reference().hierarchy.project(tid, Level.DEPARTEMENT)
    codes = {d.partition(":")[2] for d in depts} & set(INSETS)
    return min(codes) if codes else None


@cache
def inset_transform(code: str) -> Callable[[float, float], tuple[float, float]]:
    """The function moving a point of overseas département `code` into its inset on the map of France."""
    west, south, east, north = geometry.bbox(f"departement:{code}") or (0.0, 0.0, 1.0, 1.0)
    squeeze = math.cos(math.radians((south + north) / 2)) / math.cos(math.radians(MAINLAND_LATITUDE))
    width, height = (east - west) * squeeze, north - south
    factor = INSET_SIZE / max(width, height, 1e-9)
    x0, y0 = INSETS[code]

    def move(x: float, y: float) -> tuple[float, float]:
        return (x0 + (x - west) * squeeze * factor, y0 + (y - south) * factor)

    return move


def _rings(geom: dict) -> list[list[list[float]]]:
    polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


@cache
def shapes(level: Level, within: str) -> tuple[Shape, ...]:
    """The shapes of `level` inside `within`, with the overseas insets on the map of France.

    Cached for the life of the process (immutable, like the geometry it is read from): the shapes
    of a view are the same whatever the data and the filters."""
    insets = within == FRANCE
    moves: dict[str, Callable[[float, float], tuple[float, float]]] = {}
    result = []
    for feature in geometry.features(level, None if insets else within):
        tid = feature["properties"]["id"]
        anchor = geometry.point(anchor_commune(tid)) or (0.0, 0.0)
        code = overseas_code(tid) if insets else None
        rings = _rings(feature["geometry"])
        if code is not None:
            move = moves.setdefault(code, inset_transform(code))
            rings = [[move(x, y) for x, y in ring] for ring in rings]
            anchor = move(*anchor)
        planar = tuple((tuple(p[0] for p in ring), tuple(p[1] for p in ring)) for ring in rings)
        result.append(Shape(tid, planar, anchor))
    return tuple(result)


def place(commune_id: str, within: str) -> tuple[float, float] | None:
    """Where a commune's actors are drawn on the map of `within` (moved into its inset on France's)."""
    found = geometry.point(commune_id)
    if found is None or within != FRANCE:
        return found
    code = overseas_code(commune_id)
    return inset_transform(code)(*found) if code else found


def centre_latitude(all_shapes: tuple[Shape, ...], within: str) -> float:
    """The latitude whose scale the map takes (the mainland's on the map of France)."""
    if within == FRANCE or not all_shapes:
        return MAINLAND_LATITUDE
    ys = [y for s in all_shapes for _, ring_ys in s.rings for y in ring_ys]
    return (min(ys) + max(ys)) / 2


HIT_COLUMNS = 60
"""Columns of the grid of hit points laid over the map (see `hit_points`)."""


def _inside(xs: np.ndarray, ys: np.ndarray, ring: Ring) -> np.ndarray:
    """Which points lie inside one ring (even-odd ray casting, vectorised over the points)."""
    rx, ry = np.asarray(ring[0]), np.asarray(ring[1])
    x1, y1, x2, y2 = rx[:-1], ry[:-1], rx[1:], ry[1:]
    px, py = xs[:, None], ys[:, None]
    crosses = (y1 > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
    return np.count_nonzero(crosses & (px < at), axis=1) % 2 == 1


@cache
def hit_points(all_shapes: tuple[Shape, ...], latitude: float,
               columns: int = HIT_COLUMNS) -> tuple[list[float], list[float], list[str]]:
    """Invisible points filling each shape, each carrying the shape's id, plus each shape's anchor.

    Cached like `shapes` (the same view's shapes are the same tuple). Plotly reports clicks and hovers
    on points, not on filled areas: a grid of points inside every
    shape (about 15 px apart on screen, within plotly's 20 px hover distance) makes a click anywhere
    in a shape a click on that shape, and its tooltip show wherever the pointer rests. Holes
    (enclaves) count as outside.
    """
    if not all_shapes:
        return [], [], []
    xs_all = [x for s in all_shapes for rx, _ in s.rings for x in rx]
    ys_all = [y for s in all_shapes for _, ry in s.rings for y in ry]
    west, east, south, north = min(xs_all), max(xs_all), min(ys_all), max(ys_all)
    step = (east - west) / columns or 1.0
    step_y = step / math.cos(math.radians(latitude))
    gx, gy = np.meshgrid(np.arange(west + step / 2, east, step), np.arange(south + step_y / 2, north, step_y))
    gx, gy = gx.ravel(), gy.ravel()
    hx, hy, ids = [], [], []
    for shape in all_shapes:
        hx.append(shape.anchor[0])
        hy.append(shape.anchor[1])
        ids.append(shape.id)
        sx = [x for rx, _ in shape.rings for x in rx]
        sy = [y for _, ry in shape.rings for y in ry]
        near = (gx >= min(sx)) & (gx <= max(sx)) & (gy >= min(sy)) & (gy <= max(sy))
        px, py = gx[near], gy[near]
        if not len(px):
            continue
        inside = np.zeros(len(px), dtype=bool)
        for ring in shape.rings:
            inside ^= _inside(px, py, ring)
        hx.extend(px[inside].round(4).tolist())
        hy.extend(py[inside].round(4).tolist())
        ids.extend([shape.id] * int(inside.sum()))
    return hx, hy, ids
