"""Where nodes go: the memoised layout of a map's graph, and a ring around a focus.

The layout itself is `ecosystem.ui.layout`; here it is memoised on the graph, so a rerun or a
change of focus (which draws on top of the same graph) moves nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ecosystem.ui.layout import SPACING, Point, layout
from ecosystem.ui.map.style import DECIMALS, RING_NODES_PER_SPACING, RING_OFFSET, RING_RADIUS_MIN

LAYOUTS_CACHED = 64
"""Graphs whose positions are kept: the maps a few people explore at once (each a few hundred kB)."""


def positions(nodes: Sequence[str], edges: Iterable[tuple[str, str]],
              hubs: Sequence[str]) -> dict[str, Point]:
    """Positions of `nodes` linked by `edges` (any order: they are sorted for the cache)."""
    return dict(_memo_layout(tuple(nodes), tuple(sorted(edges)), tuple(hubs)))


@lru_cache(maxsize=LAYOUTS_CACHED)
def _memo_layout(nodes: tuple[str, ...], edges: tuple[tuple[str, str], ...],
                 hubs: tuple[str, ...]) -> tuple[tuple[str, Point], ...]:
    return tuple(layout(nodes, edges, hubs).items())


def ring(centre: str, ids: Sequence[str], placed: dict[str, Point]) -> dict[str, Point]:
    """Positions for nodes the filters left out, on a ring around the focused node.

    A centre that has no position yet is set right of the map, at its mid-height, and returned too.

    >>> ring("c", ["a", "b"], {"c": (0.0, 0.0)})
    {'a': (180.0, 0.0), 'b': (-180.0, 0.0)}
    """
    if centre in placed:
        cx, cy = placed[centre]
    elif placed:
        cx = max(x for x, _ in placed.values()) + SPACING * RING_OFFSET
        cy = sum(y for _, y in placed.values()) / len(placed)
    else:
        cx = cy = 0.0
    result = {centre: (cx, cy)} if centre not in placed else {}
    radius = SPACING * max(RING_RADIUS_MIN, len(ids) / RING_NODES_PER_SPACING)
    for i, nid in enumerate(ids):
        angle = 2 * math.pi * i / max(1, len(ids))
        result[nid] = (round(cx + radius * math.cos(angle), DECIMALS),
                       round(cy + radius * math.sin(angle), DECIMALS))
    return result
