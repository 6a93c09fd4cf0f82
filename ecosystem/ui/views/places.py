"""Territory search that puts the places holding data first.

Typing « Valence » finds three communes; the one in Charente comes first by the reference's order
(exact names, then population) for nobody's reason, and opens an empty page. The hits where the
loaded data has someone (an actor, an alliance or a policy present there) are what the reader is
looking for, so they come first; the reference's order is kept within each half.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.store.base import Store

CANDIDATES = 200
"""Reference hits ranked by data before the first ones are shown (more than a picker lists)."""


def rank_by_data(hits: Sequence[str], holding: Iterable[str]) -> list[str]:
    """The hits holding data first, each half in its given order.

    >>> rank_by_data(["commune:16392", "commune:26362", "commune:82186"], {"commune:26362"})
    ['commune:26362', 'commune:16392', 'commune:82186']
    """
    held = set(holding)
    return [h for h in hits if h in held] + [h for h in hits if h not in held]


def holding_data(store: Store, candidates: tuple[str, ...]) -> frozenset[str]:
    """Which of `candidates` have an active actor, an alliance or a policy present in them.

    Presence is the project's one rule (`Hierarchy.project`): a département-wide actor is present in
    each of its communes. Only the candidates are asked about, so the cost follows the search, not
    the dataset.
    """
    if not candidates:
        return frozenset()
    h = reference().hierarchy
    wanted = set(candidates)
    levels = {h[c].level for c in candidates if c in h}
    found: set[str] = set()
    actor_ids = store.actors_in(list(candidates))
    for level in levels:
        for places in store.presence(actor_ids, level).values():
            found |= places & wanted
    others = [*store.alliances(store.alliances_in(list(candidates))),
              *store.policies(store.policies_in(list(candidates)))]
    for level in levels:
        for item in others:
            found |= h.presence(item.territories, level) & wanted
    return frozenset(found)


def search_territories(store: Store, text: str, levels: tuple[Level, ...],
                       limit: int = 20) -> tuple[str, ...]:
    """Territory ids matching `text`, those holding data first, at most `limit`."""
    hits = [t.id for t in reference().hierarchy.search(text, limit=CANDIDATES, levels=levels)]
    return tuple(rank_by_data(hits, holding_data(store, tuple(hits)))[:limit])
