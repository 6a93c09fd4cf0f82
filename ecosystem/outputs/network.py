"""The network map as a picture: the nodes and links the Carte page draws, at the same positions, with
its legend, title and filters written on it (PNG or SVG).

It reads a network map's model through its public fields only (nodes with x, y, colour, shape, size,
label; edges; legend items), so it follows the map however the map is built. Labels never overlap:
the most important nodes are labelled first (the subject of a focus, alliances, groups, policies,
then the largest), and a label that would cover one already written is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ecosystem.outputs import colours
from ecosystem.outputs.figure import styled, to_bytes
from ecosystem.outputs.frame import framed, legend

MARKERS = {"dot": "o", "diamond": "D", "square": "s", "box": "s", "triangle": "^", "star": "*",
           "hexagon": "h", "ellipse": "o"}
LABELS_MAX = 60
LABEL_CHARS = 30
LABEL_SIZE = 7.5
PRIORITY = {"subject": 0, "alliance": 1, "group": 2, "policy": 3, "sdg": 4}


class Node(Protocol):
    id: str
    type: str
    label: str
    colour: str
    shape: str
    size: float
    x: float
    y: float
    role: str


class Edge(Protocol):
    source: str
    target: str
    colour: str
    width: float
    dashes: bool


class LegendLine(Protocol):
    label: str
    colour: str
    shape: str


class Network(Protocol):
    nodes: Sequence[Node]
    edges: Sequence[Edge]
    legend: Sequence[LegendLine]


def network_figure(model: Network, title: str, filters: Sequence[str], lang: str,
                   made_on: date | None = None, note: str = "") -> Figure:
    """The map of `model` framed with its title, filters (and `note`, e.g. what it counts) and legend
    (call inside `figure.styled()`)."""
    fig, ax = framed(title, filters, lang, made_on, note)
    where = {n.id: (n.x, -n.y) for n in model.nodes}  # the map's y grows downwards
    segments = [(where[e.source], where[e.target]) for e in model.edges
                if e.source in where and e.target in where]
    kept = [e for e in model.edges if e.source in where and e.target in where]
    if segments:
        ax.add_collection(LineCollection(segments, colors=[e.colour for e in kept], zorder=1,
                                         linewidths=[max(0.4, e.width * 0.5) for e in kept],
                                         linestyles=["--" if e.dashes else "-" for e in kept], alpha=0.8))
    for shape in sorted({n.shape for n in model.nodes}):
        group = [n for n in model.nodes if n.shape == shape]
        ax.scatter([n.x for n in group], [-n.y for n in group], marker=MARKERS.get(shape, "o"), zorder=2,
                   s=[_area(n) for n in group], c=[n.colour for n in group],
                   alpha=[0.35 if n.role == "faded" else 1.0 for n in group],
                   edgecolors=colours.INK, linewidths=0.4)
    if model.nodes:
        xs, ys = [p[0] for p in where.values()], [p[1] for p in where.values()]
        pad_x, pad_y = max(1.0, (max(xs) - min(xs)) * 0.05), max(1.0, (max(ys) - min(ys)) * 0.05)
        ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
        ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
        ax.set_aspect("equal", adjustable="box")
        _labels(fig, ax, model.nodes)
    handles = [_handle(item) for item in model.legend]
    legend(fig, handles, [item.label for item in model.legend], lang)
    return fig


def network_svg(model: Network, title: str, filters: Sequence[str], lang: str,
                made_on: date | None = None, note: str = "") -> bytes:
    """The network map as SVG bytes, framed with its title, filters and legend."""
    with styled():
        return to_bytes(network_figure(model, title, filters, lang, made_on, note), "svg")


def network_png(model: Network, title: str, filters: Sequence[str], lang: str,
                made_on: date | None = None, note: str = "") -> bytes:
    """The network map as PNG bytes, framed with its title, filters and legend."""
    with styled():
        return to_bytes(network_figure(model, title, filters, lang, made_on, note), "png")


def _area(n: Node) -> float:
    """vis-network's size is a radius in pixels; matplotlib's marker size an area in points²."""
    return max(6.0, (n.size * 0.55) ** 2)


def _handle(item: LegendLine) -> Line2D:
    if item.shape == "line":
        return Line2D([], [], color=item.colour, linewidth=2)
    return Line2D([], [], linestyle="none", marker=MARKERS.get(item.shape, "o"), markersize=9,
                  markerfacecolor=item.colour, markeredgecolor=colours.INK, markeredgewidth=0.5)


def _labels(fig: Figure, ax: Axes, nodes: Sequence[Node]) -> None:
    """Labels from the most important node down, each kept only if it covers no label already written."""
    ax.apply_aspect()  # the final limits, before reading positions
    to_pixels = ax.transData.transform
    ranked = sorted((n for n in nodes if n.label.strip() and n.role != "faded"),
                    key=lambda n: (PRIORITY.get("subject" if n.role == "subject" else n.type, 5),
                                   -n.size, n.id))
    taken: list[tuple[float, float, float, float]] = []
    points_to_px = fig.dpi / 72
    for n in ranked:
        if len(taken) >= LABELS_MAX:
            break
        text = n.label if len(n.label) <= LABEL_CHARS else n.label[:LABEL_CHARS - 1].rstrip() + "…"
        x, y = to_pixels((n.x, -n.y))
        width = len(text) * LABEL_SIZE * 0.58 * points_to_px
        height = LABEL_SIZE * 1.3 * points_to_px
        offset = (n.size * 0.55 / 2 + 2) * points_to_px
        box = (x - width / 2, y + offset, x + width / 2, y + offset + height)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            continue
        taken.append(box)
        ax.annotate(text, (n.x, -n.y), xytext=(0, n.size * 0.55 / 2 + 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize=LABEL_SIZE, color=colours.INK, zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
