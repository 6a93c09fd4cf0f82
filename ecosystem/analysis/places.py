"""Presence arithmetic without building big sets.

A national actor is present in 35,000 communes; unioning that set for each of a thousand
candidates costs seconds. The hierarchy caches `project(t, level)` per territory, so sizes,
intersections and inclusions are computed territory by territory, building a union only for the
(rare) actor declared on several territories.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ecosystem.analysis.thresholds import SHARED_KEPT
from ecosystem.model import Level
from ecosystem.reference import reference


def presence_size(territories: Sequence[str], level: Level) -> int:
    """|P_L| of something acting in these territories.

    >>> presence_size(["departement:26"], Level.COMMUNE), presence_size(["departement:26"], Level.REGION)
    (362, 1)
    """
    h = reference().hierarchy
    if len(territories) == 1:
        return len(h.project(territories[0], level))
    return len(h.presence(territories, level))


def shared_with(territories: Sequence[str], level: Level, places: frozenset[str]) -> int:
    """|P_L(territories) & places|, iterating over the smaller side.

    >>> shared_with(["pays:FR"], Level.COMMUNE, frozenset({"commune:26362", "nowhere"}))
    1
    """
    h = reference().hierarchy
    if len(territories) == 1:
        return len(places & h.project(territories[0], level))
    found: set[str] = set()
    for t in territories:
        found |= places & h.project(t, level)
    return len(found)


def inside(territories: Sequence[str], places: frozenset[str], level: Level = Level.COMMUNE) -> bool:
    """Is all of P_L(territories) inside `places` (a local actor of that territory)?

    >>> valence = frozenset({"commune:26362"})
    >>> inside(["commune:26362"], valence), inside(["pays:FR"], valence), inside([], valence)
    (True, False, False)
    """
    h = reference().hierarchy
    return bool(territories) and all(h.project(t, level) <= places for t in territories)


def most_populated(territory_ids: Iterable[str], n: int = SHARED_KEPT) -> tuple[str, ...]:
    """The n most populated territories, then by id: the names a reader knows come first.

    >>> most_populated(["commune:26108", "commune:26362", "commune:26281"], 2)
    ('commune:26362', 'commune:26281')
    """
    if isinstance(territory_ids, frozenset):  # a presence: the same big ones come back (a country's)
        return _most_populated(territory_ids, n)
    return _most_populated.__wrapped__(frozenset(territory_ids), n)


@lru_cache(maxsize=256)
def _most_populated(territory_ids: frozenset[str], n: int) -> tuple[str, ...]:
    """`most_populated` of a frozenset, cached: duplicate groups of nationwide actors ask it of the
    same 35,000 communes again and again (a frozenset keeps its hash once computed)."""
    h = reference().hierarchy

    def key(tid: str) -> tuple[int, str]:
        t = h.get(tid)
        return (-(t.population if t else 0), tid)

    return tuple(heapq.nsmallest(n, territory_ids, key=key))


def shared_places(ta: Sequence[str], tb: Sequence[str], level: Level,
                  kept: int = SHARED_KEPT) -> tuple[int, tuple[str, ...]]:
    """How many level-L territories two presences share, and the `kept` most populated of them.

    Cached per pair of territory lists: in a large dataset many actors act on the same territory
    (a commune, a département, the whole country), so two national actors cost one intersection
    for all their pairs instead of one 35,000-commune intersection each.

    >>> shared_places(["pays:FR"], ["epci:200068781"], Level.COMMUNE, kept=2)
    (54, ('commune:26362', 'commune:26281'))
    """
    a, b = tuple(sorted(set(ta))), tuple(sorted(set(tb)))
    return _shared(min(a, b), max(a, b), Level(level), kept)


@lru_cache(maxsize=65536)
def _shared(ta: tuple[str, ...], tb: tuple[str, ...], level: Level, kept: int) -> tuple[int, tuple[str, ...]]:
    h = reference().hierarchy
    if len(ta) == 1 and len(tb) == 1:
        found: Iterable[str] = h.project(ta[0], level) & h.project(tb[0], level)
    else:
        size_a = sum(len(h.project(t, level)) for t in ta)
        size_b = sum(len(h.project(t, level)) for t in tb)
        small, big = (ta, tb) if size_a <= size_b else (tb, ta)
        projections = [h.project(t, level) for t in big]
        found = {c for t in small for c in h.project(t, level) if any(c in p for p in projections)}
    found = frozenset(found)
    return len(found), most_populated(found, kept)
