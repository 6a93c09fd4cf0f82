"""Actors as points: one circle per commune with how many act there, grouped further when dense.

An actor is placed at each commune it names (at the commune's inner point, `geometry.point`); an
actor acting on a wider territory (an EPCI, a département) has no one place: it counts in the
shapes, not as a point, and the page says how many such actors there are. When the communes with
actors exceed `POINT_BUDGET`, the circles are grouped per shape drawn (one circle at the shape's
anchor), so the map of France stays a map and not a cloud.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ecosystem.model import Level
from ecosystem.reference import reference

POINT_BUDGET = 400
"""Most circles drawn one per commune; beyond, one per shape of the map."""


@dataclass(frozen=True, slots=True)
class Cluster:
    territory: str  # the commune, or the shape the communes were grouped into
    count: int  # actors with a place in it (an actor in two of its communes counts once)


@dataclass(frozen=True, slots=True)
class Points:
    clusters: tuple[Cluster, ...]  # most actors first
    grouped: bool  # True when grouped per shape rather than per commune
    placed: int  # actors with at least one commune inside the map
    wider: int  # actors acting only on wider territories (no point)


def place_actors(territories: Mapping[str, Iterable[str]], within: str, shapes: Iterable[str],
                 level: Level, budget: int = POINT_BUDGET) -> Points:
    """The circles of these actors (actor id -> its territories) on the map of `within` at `level`.

    >>> p = place_actors({"a": ["commune:26362"], "b": ["commune:26362", "commune:26108"],
    ...                   "c": ["departement:26"]}, "departement:26", [], Level.COMMUNE)
    >>> [(c.territory, c.count) for c in p.clusters], p.placed, p.wider
    ([('commune:26362', 2), ('commune:26108', 1)], 2, 1)
    """
    h = reference().hierarchy
    inside = h.project(within, Level.COMMUNE)
    per_commune: dict[str, set[str]] = {}
    wider = 0
    for actor, places in territories.items():
        communes = [p for p in places if p.startswith("commune:") and p in inside]
        if not communes:
            wider += 1
        for commune in communes:
            per_commune.setdefault(commune, set()).add(actor)
    placed = len({a for actors in per_commune.values() for a in actors})
    grouped = len(per_commune) > budget and level is not Level.COMMUNE
    if grouped:
        wanted = set(shapes)
        per_shape: dict[str, set[str]] = {}
        for commune, actors in per_commune.items():
            for shape in h.project(commune, level) & wanted:
                per_shape.setdefault(shape, set()).update(actors)
        counts = Counter({s: len(a) for s, a in per_shape.items()})
    else:
        counts = Counter({c: len(a) for c, a in per_commune.items()})
    clusters = tuple(Cluster(t, n) for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return Points(clusters, grouped, placed, wider)
