"""Node positions for the network map, computed in Python once and cached, so the browser only draws.

Force-directed layouts cost O(n²) per iteration (networkx takes ~15 s for 2,000 nodes and ~1 min for
5,000), far too slow for a page that must answer at once. The ecosystem graph has a shape we can use:
a few hubs (alliances, policies, optional SDG nodes) and many actors hanging off them, plus actors
with no link at all. So:

1. every connected component is laid out on its own: a small one (up to `SMALL_COMPONENT` nodes)
   with networkx's spring layout; a big one by placing its hubs (the `HUBS_MAX` best-connected
   nodes) with a spring layout of the hub graph, then each other node in a sunflower around the
   centre of the hubs it is linked to (nodes linked to the same hubs share one sunflower);
2. nodes with no link are set on a grid, in the order given (the caller sorts them by kind, so
   colours stay together);
3. the blocks are packed in rows, biggest first.

Everything is deterministic for a given input (sorted ids, fixed seed), so the map does not move
between reruns. Positions are in vis-network canvas units (pixels at zoom 1).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx
import numpy as np

SPACING = 60.0
"""Distance between two neighbouring nodes, in canvas pixels."""

SMALL_COMPONENT = 60
"""Components up to this size get a plain spring layout (fast below a few hundred nodes)."""

HUBS_MAX = 150
"""Most hubs placed by the spring layout inside one big component."""

SEED = 7
GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))

Point = tuple[float, float]


def layout(nodes: Sequence[str], edges: Iterable[tuple[str, str]],
           hubs: Iterable[str] = ()) -> dict[str, Point]:
    """Positions for `nodes` (isolated ones keep the order given), linked by `edges`.

    `hubs` are nodes that should anchor the layout of their component whatever their degree
    (alliances, policies, SDGs). Edges to unknown nodes are ignored.

    >>> pos = layout(["a", "b", "c", "lonely"], [("a", "b"), ("b", "c")])
    >>> sorted(pos) == ["a", "b", "c", "lonely"]
    True
    >>> pos == layout(["a", "b", "c", "lonely"], [("b", "c"), ("a", "b")])
    True
    """
    known = set(nodes)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(known))
    graph.add_edges_from((a, b) for a, b in edges if a in known and b in known and a != b)
    forced = {h for h in hubs if h in known}
    isolated = [n for n in nodes if graph.degree(n) == 0]
    components = sorted((sorted(c) for c in nx.connected_components(graph) if len(c) > 1),
                        key=lambda c: (-len(c), c[0]))
    blocks: list[dict[str, Point]] = []
    for component in components:
        sub = _canonical_subgraph(graph, component)
        if len(component) <= SMALL_COMPONENT:
            blocks.append(_spring(sub))
        else:
            blocks.append(_hub_layout(sub, forced))
    if isolated:
        blocks.append(_grid(isolated))
    return _pack(blocks)


def _canonical_subgraph(graph: nx.Graph, component: list[str]) -> nx.Graph:
    """A component as a new graph whose nodes and edges are in sorted order.

    A subgraph view iterates its nodes in the order of the set that defines it, i.e. in hash order, and
    the spring layout places nodes in iteration order: the same map moved at each server restart.
    """
    sub = nx.Graph()
    sub.add_nodes_from(component)
    sub.add_edges_from(sorted(tuple(sorted(edge)) for edge in graph.subgraph(component).edges))
    return sub


def _spring(graph: nx.Graph) -> dict[str, Point]:
    n = graph.number_of_nodes()
    if n == 2:
        a, b = sorted(graph.nodes)
        return {a: (0.0, 0.0), b: (SPACING * 1.5, 0.0)}
    raw = nx.spring_layout(graph, seed=SEED, iterations=60)
    return _scaled({k: (float(v[0]), float(v[1])) for k, v in raw.items()}, n)


def _scaled(pos: Mapping[str, Point], n: int) -> dict[str, Point]:
    """Scale a layout from networkx's [-1, 1] box so neighbours sit about SPACING apart."""
    radius = SPACING * max(1.0, math.sqrt(n)) * 0.9
    return {k: (x * radius, y * radius) for k, (x, y) in pos.items()}


def _hub_layout(graph: nx.Graph, forced: set[str]) -> dict[str, Point]:
    degree = dict(graph.degree)
    by_degree = sorted(graph.nodes, key=lambda n: (-degree[n], n))
    hubs = [n for n in by_degree if n in forced][:HUBS_MAX]
    for n in by_degree:
        if len(hubs) >= HUBS_MAX:
            break
        if n not in hubs and degree[n] > 1:
            hubs.append(n)
    hub_set = set(hubs)
    # Hub graph: direct links, plus links through the nodes they share (weighted by how many).
    hub_graph = nx.Graph()
    hub_graph.add_nodes_from(sorted(hubs))
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for n in graph.nodes:
        near = sorted(m for m in graph.neighbors(n) if m in hub_set)
        if n in hub_set:
            for m in near:
                if n < m:
                    shared[(n, m)] += 3
        else:
            for i, a in enumerate(near[:12]):
                for b in near[i + 1:12]:
                    shared[(a, b)] += 1
    for (a, b), weight in sorted(shared.items()):
        hub_graph.add_edge(a, b, weight=float(weight))
    raw = nx.spring_layout(hub_graph, seed=SEED, iterations=80, weight="weight")
    spread = SPACING * math.sqrt(graph.number_of_nodes()) * 1.2
    pos: dict[str, Point] = {k: (float(v[0]) * spread, float(v[1]) * spread) for k, v in raw.items()}
    # Other nodes: a sunflower per set of hubs they hang from, centred on those hubs.
    placed = set(pos)
    pending = sorted(n for n in graph.nodes if n not in placed)
    for _ in range(3):  # nodes two or three steps from a hub are placed from their placed neighbours
        groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
        left = []
        for n in pending:
            anchors = tuple(sorted(m for m in graph.neighbors(n) if m in placed))
            if anchors:
                groups[anchors].append(n)
            else:
                left.append(n)
        for anchors, members in sorted(groups.items()):
            cx = sum(pos[a][0] for a in anchors) / len(anchors)
            cy = sum(pos[a][1] for a in anchors) / len(anchors)
            start = 4 if len(anchors) == 1 else 1  # leave room for a lone hub at the centre
            for i, n in enumerate(members):
                r = SPACING * 0.55 * math.sqrt(i + start)
                angle = (i + start) * GOLDEN_ANGLE + _angle_offset(anchors)
                pos[n] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
        placed.update(n for members in groups.values() for n in members)
        pending = left
        if not pending:
            break
    if pending:  # unreachable in a connected component, kept for safety
        pos.update(_offset(_grid(pending), 0.0, spread * 1.2))
    return pos


def _angle_offset(anchors: tuple[str, ...]) -> float:
    """A stable rotation per sunflower, so two sunflowers on the same spot do not align."""
    return (sum(ord(c) for a in anchors for c in a) % 360) * math.pi / 180.0


def _grid(nodes: Sequence[str]) -> dict[str, Point]:
    columns = max(1, math.ceil(math.sqrt(len(nodes) * 1.6)))
    return {n: ((i % columns) * SPACING, (i // columns) * SPACING) for i, n in enumerate(nodes)}


def _offset(pos: Mapping[str, Point], dx: float, dy: float) -> dict[str, Point]:
    return {k: (x + dx, y + dy) for k, (x, y) in pos.items()}


def _pack(blocks: list[dict[str, Point]]) -> dict[str, Point]:
    """Shelf packing: blocks left to right in rows about as wide as the whole is tall."""
    if not blocks:
        return {}
    boxes = []
    for block in blocks:
        xy = np.asarray(list(block.values()), dtype=float)
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        boxes.append((block, lo, (hi - lo) + SPACING * 2))
    area = sum(float(size[0] * size[1]) for _, _, size in boxes)
    row_width = max(math.sqrt(area) * 1.3, max(float(size[0]) for _, _, size in boxes))
    result: dict[str, Point] = {}
    x = y = row_height = 0.0
    for block, lo, size in boxes:
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        dx, dy = x - float(lo[0]) + SPACING, y - float(lo[1]) + SPACING
        result.update({k: (round(px + dx, 1), round(py + dy, 1)) for k, (px, py) in block.items()})
        x += float(size[0])
        row_height = max(row_height, float(size[1]))
    return result
