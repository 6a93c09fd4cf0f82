"""The coverage roll-up: per territory, per SDG, how many records of a version are present there.

`Store.coverage(t, L)` counts, for each level-L territory x of project(t, L) and each SDG, the
active actors, alliances and policies present in x. Walking the graph for it reads every record
present in a région on each call (2.2 s at 1M actors, a fifth of them in Île-de-France). These
counts only change when a dataset does, so a load computes them once, in Python, from the dataset
it is loading (the presence rule of `Hierarchy.presence`, the same one the embedded store and the
tests' oracle use), and stages them as `Coverage` nodes of its version, one per territory of every
level where something is present:

    (:Coverage {version, territory, sdgs: [3, 11], actors: [12, 4], alliances: [1, 0], policies: [0, 2]})

Being records of the version, they go live with the same switch and are collected with it, so the
roll-up is never out of step with the records it counts. The question then reads a few thousand
small nodes by an index (coverage_rollup) and sums them over the live datasets (an actor belongs to
one dataset only, so the sums count each record once).

A version staged before the roll-up existed has no `rollup` mark: coverage then walks the records
as before (coverage_single, coverage_multi) until that dataset is loaded again. So does every
version after the reference map changes (`forget`), since presence depends on the map.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from ecosystem.model import Dataset, Level
from ecosystem.reference.territories import Hierarchy
from ecosystem.store.neo4j.runner import Runner

ROLLUP = 1  # Version.rollup: the shape of the Coverage nodes its load wrote (none when absent)
SDGS = 17
KINDS = ("actors", "alliances", "policies")


def _by_footprint(dataset: Dataset) -> dict[frozenset[str], np.ndarray]:
    """Records grouped by their set of territories: a (kind, SDG) count matrix per set. Most actors
    of a big dataset share their footprint with many others (a commune), so the projection below
    runs once per distinct footprint, not once per record."""
    groups: dict[frozenset[str], np.ndarray] = {}

    def add(territories: Iterable[str], kind: int, sdgs: Iterable[int]) -> None:
        key = frozenset(territories)
        counts = groups.get(key)
        if counts is None:
            counts = groups[key] = np.zeros((len(KINDS), SDGS + 1), dtype=np.int64)
        for sdg in set(sdgs):
            counts[kind, sdg] += 1

    for actor in dataset.actors:
        if actor.active:
            add(actor.territories, 0, actor.all_sdgs)
    for alliance in dataset.alliances:
        add(alliance.territories, 1, alliance.sdgs)
    for policy in dataset.policies:
        add(policy.territories, 2, policy.sdgs)
    return groups


def cells(dataset: Dataset, hierarchy: Hierarchy) -> list[dict]:
    """The Coverage rows of `dataset`: one per territory (every level) where a record with an SDG is
    present, holding its non-zero SDGs and the count of each kind for each of them."""
    groups = [(key, counts) for key, counts in _by_footprint(dataset).items() if counts.any()]
    rows: list[dict] = []
    for level in Level:
        totals: dict[str, np.ndarray] = {}
        for key, counts in groups:
            if len(key) == 1:
                (only,) = key
                present = hierarchy.project(only, level)  # cached: most footprints are one territory
            else:
                present = hierarchy.presence(key, level)
            for x in present:
                found = totals.get(x)
                if found is None:
                    totals[x] = counts.copy()
                else:
                    found += counts
        for territory in sorted(totals):
            counts = totals[territory]
            sdgs = np.flatnonzero(counts.any(axis=0))
            rows.append({"territory": territory, "sdgs": sdgs.tolist(),
                         **{kind: counts[i, sdgs].tolist() for i, kind in enumerate(KINDS)}})
    return rows


def chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def ready(runner: Runner) -> bool:
    """True when every live version has its roll-up (else coverage walks the records)."""
    return bool(runner.read("coverage_ready", rollup=ROLLUP)[0]["ready"])


def forget(runner: Runner) -> None:
    """The reference map changed: presence, hence every roll-up, may differ. Unmark them all (the
    Coverage nodes go with their versions' garbage; unmarked, they are never read)."""
    runner.write("coverage_forget")
