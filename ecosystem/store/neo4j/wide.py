"""The best overlaps of a wide subject (a national or régional actor), from the few actors big enough.

Why: `overlap_counts.cypher` walks from the subject's territories to every actor present in them,
which for a national actor is every actor of the country (1M rows aggregated in the server: seconds).
But the best overlaps of a wide footprint are wide actors: with A = |P_L(subject)| x |S(subject)| and
B = |P_L(b)| x |S(b)|, the Jaccard is at most B / A (the shared cells are at most B), so an actor
reaching a floor f has B >= f A; and |P_L(b)| <= n_commune(b) (each level-L territory where b is
present holds one of b's communes) with |S(b)| <= 17, so n_commune(b) >= f A / 17. Actors are indexed
on `n_commune` (schema.cypher), `overlap_candidates.cypher` fetches those above the bound in one
record, and their exact counts are computed here through the projection matrices, as the embedded
store computes them (`pairing.place_presence`). Floors are tried from the highest; when fewer than
`limit` actors beat one, the next is tried, and below the last every actor sharing an SDG is
counted here (never the walk: for a wide subject it had no bound).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

import numpy as np

from ecosystem.model import SDG_NUMBERS, Level
from ecosystem.reference.territories import Hierarchy
from ecosystem.store.base import OverlapCount
from ecosystem.store.memory.matrices import jaccard, popcount, projection_for, sdg_mask
from ecosystem.store.neo4j.pairing import place_presence
from ecosystem.store.neo4j.runner import Runner

WIDE_COMMUNES = 2000
"""Subjects covering at least this many communes (a région or more; a département has 300 on
average) take this path: below it, the walk reads few actors and is the faster."""

FLOORS = (0.5, 0.2, 0.05)
"""Jaccard floors tried in turn: the best overlaps of a national actor are other national actors
with the same SDGs (Jaccard 1), so the first floor nearly always answers."""


LEAST_COMMUNES = 100
"""The bound must keep out at least the actors of fewer communes than this, or the walk is cheaper."""


def is_wide(hierarchy: Hierarchy, territories: Sequence[str]) -> bool:
    """Whether the subject covers WIDE_COMMUNES communes or more, whatever the level asked: the walk
    from a national subject reaches every actor at every level (at the département level it ran past
    the 120 s query limit at 6,000 actors, in CI's order of tests). At a coarse level the floors'
    bound keeps nearly every actor, so `best_overlaps` goes straight to counting them all."""
    projection = projection_for(hierarchy)
    return int(projection.presence_vector(territories, Level.COMMUNE).sum()) >= WIDE_COMMUNES


def best_overlaps(runner: Runner, hierarchy: Hierarchy, territories: Sequence[str], sdgs: Sequence[int],
                  level: Level, exclude: Collection[str], limit: int | None) -> list[OverlapCount]:
    """The `limit` best OverlapCounts of the subject (all of them when `limit` is None), best first
    then by id (the contract's order). The floors answer from the few wide actors; when none holds
    `limit` actors, every live actor sharing an SDG is fetched and counted here: linear in the
    actors, where the walk of a wide subject was not bounded (it ran past the 120 s query limit at
    6,000 actors)."""
    projection = projection_for(hierarchy)
    subject = projection.presence_vector(territories, level).astype(np.int64)
    size = int(subject.sum())
    if size == 0:
        return []
    for floor in FLOORS if limit is not None else ():
        # rounded down: a bound a hair too low fetches one more actor, never one fewer
        least = math.floor(floor * size * len(sdgs) / len(SDG_NUMBERS)) - 1
        if least < LEAST_COMMUNES:
            break
        found = _counted(runner, hierarchy, subject, sdgs, level, exclude, least)
        # every actor left out has a Jaccard of at most `floor`: the answer is here when `limit`
        # actors beat it strictly (ties at the cut then beat it too, so all of them are here)
        if sum(1 for _, jac in found if jac > floor) >= limit:
            return [count for count, _ in found[:limit]]
    found = _counted(runner, hierarchy, subject, sdgs, level, exclude, 0)
    return [count for count, _ in found[:limit]]


def _counted(runner: Runner, hierarchy: Hierarchy, subject: np.ndarray, sdgs: Sequence[int], level: Level,
             exclude: Collection[str], least: int) -> list[tuple[OverlapCount, float]]:
    """The actors of `least` communes or more that share a territory and an SDG with the subject,
    with their Jaccard, best first then by id."""
    found = runner.read("overlap_candidates", min_communes=least, sdgs=list(sdgs))[0]
    keep = [n for n, i in enumerate(found["ids"]) if i not in exclude]
    if not keep:
        return []
    ids = [found["ids"][n] for n in keep]
    place, presence = place_presence(hierarchy, [tuple(found["territories"][n]) for n in keep], level)
    shared_t = (presence @ subject)[place]
    sizes = np.diff(presence.indptr).astype(np.int64)[place]
    masks = np.fromiter((sdg_mask(found["sdgs"][n]) for n in keep), dtype=np.int64, count=len(keep))
    shared_s, sdg_sizes = popcount(masks & sdg_mask(sdgs)), popcount(masks)
    jac = jaccard(shared_t, shared_s, int(subject.sum()), len(sdgs), sizes, sdg_sizes)
    met = np.flatnonzero((shared_t > 0) & (shared_s > 0))
    order = sorted(met.tolist(), key=lambda n: (-jac[n], ids[n]))
    return [(OverlapCount(ids[n], int(shared_t[n]), int(shared_s[n]), int(sizes[n]), int(sdg_sizes[n])),
             float(jac[n])) for n in order]
