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
import scipy.sparse as sp

from ecosystem.model import Dataset, Level
from ecosystem.reference.territories import Hierarchy
from ecosystem.store.neo4j.runner import Runner

ROLLUP = 1  # Version.rollup: the shape of the Coverage nodes its load wrote (none when absent)
COLUMNS = 18  # SDG numbers 1..17 used as column indexes (0 stays empty)
KINDS = ("actors", "alliances", "policies")


def _by_footprint(dataset: Dataset) -> tuple[list[tuple[str, ...]], np.ndarray]:
    """Records grouped by their territories: the distinct footprints, and a matrix of one row per
    footprint and one column per (kind, SDG) counting the records. Most actors of a big dataset share
    their footprint with many others (a commune), so the projections below run once per footprint,
    not once per record; plain lists of ints, as numpy's item access costs ten times more."""
    rows: dict[tuple[str, ...], list[int]] = {}
    width = len(KINDS) * COLUMNS

    def add(territories: tuple[str, ...], base: int, sdgs: Iterable[int]) -> None:
        counts = rows.get(territories)
        if counts is None:
            counts = rows[territories] = [0] * width
        for sdg in set(sdgs):
            counts[base + sdg] += 1

    for actor in dataset.actors:
        if actor.active:
            add(actor.territories, 0, actor.all_sdgs)
    for alliance in dataset.alliances:
        add(alliance.territories, COLUMNS, alliance.sdgs)
    for policy in dataset.policies:
        add(policy.territories, 2 * COLUMNS, policy.sdgs)
    return list(rows), np.asarray(list(rows.values()), dtype=np.int64).reshape(len(rows), width)


def cells(dataset: Dataset, hierarchy: Hierarchy) -> list[dict]:
    """The Coverage rows of `dataset`: one per territory (every level) where a record with an SDG is
    present, holding its non-zero SDGs and the count of each kind for each of them. The counts of a
    level are one sparse product: (territory x footprint presence) @ (footprint x (kind, SDG))."""
    footprints, counts = _by_footprint(dataset)
    rows: list[dict] = []
    for level in Level:
        index: dict[str, int] = {}
        present_in: list[int] = []
        of: list[int] = []
        for k, footprint in enumerate(footprints):
            if len(footprint) == 1:  # `project` is cached, and most footprints are one territory
                present = hierarchy.project(footprint[0], level)
            else:
                present = hierarchy.presence(footprint, level)
            for x in present:
                present_in.append(index.setdefault(x, len(index)))
                of.append(k)
        presence = sp.csr_matrix((np.ones(len(of), dtype=np.int64), (present_in, of)),
                                 shape=(len(index), len(footprints)))
        totals = np.asarray(presence @ counts).reshape(len(index), len(KINDS), COLUMNS)
        names = list(index)
        for i in sorted(range(len(names)), key=names.__getitem__):
            sdgs = np.flatnonzero(totals[i].any(axis=0))
            if len(sdgs):
                rows.append({"territory": names[i], "sdgs": sdgs.tolist(),
                             **{kind: totals[i, k, sdgs].tolist() for k, kind in enumerate(KINDS)}})
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
