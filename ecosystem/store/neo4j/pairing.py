"""Pairs of actors of a territory, computed in Python over one compact fetch from Neo4j.

Why not in Cypher: the pairs of a département at 1M actors (Corse-du-Sud: 11,219 actors present,
8,707 of them national) took 35 s as a Cypher query, which walked every place group's territories
and built profile lists per pair of place groups inside the server. The work is arithmetic on
small integers, which numpy does in milliseconds once the actors are in hand, and the actors of
one territory are a few megabytes: `pair_projection.cypher` fetches them (id, kind, territories,
SDGs) in one query, and this module groups them as the embedded store does: actors with the same
territories share their presence (place groups, few even with nationwide actors), actors with the
same territories, SDGs and kind are interchangeable for the Jaccard formula (profiles). The pairing
of those profiles is the embedded store's own (`ecosystem.store.memory.pairs`, one module for both
stores): walked in blocks, expanded into actor pairs only for what is listed. Presence follows
`Hierarchy.project` through the shared projection matrices, so both stores count the same shared
territories by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ecosystem import deadline
from ecosystem.model import ActorKind, Level
from ecosystem.reference.territories import Hierarchy
from ecosystem.store.base import ActorOutline
from ecosystem.store.memory.matrices import popcount, projection_for, sdg_mask
from ecosystem.store.memory.pairs import Groups, ProfileWalk

KIND_CODES = {k.value: i for i, k in enumerate(ActorKind)}
KINDS = {k.value: k for k in ActorKind}


@dataclass(frozen=True, slots=True)
class Fetched:
    """Active live actors of one territory, in id order: what `pair_projection.cypher` returns."""

    ids: tuple[str, ...]
    kinds: np.ndarray  # kind code per actor
    territories: tuple[tuple[str, ...], ...]
    masks: np.ndarray  # SDG bit mask per actor (`matrices.sdg_mask`)

    @classmethod
    def of(cls, rows: Sequence[tuple[str, str, Sequence[str] | None, Sequence[int] | None]]) -> Fetched:
        """From (id, kind, territories, SDGs) rows in any order (missing lists are empty)."""
        ordered = sorted(rows, key=lambda r: r[0])
        return cls(tuple(r[0] for r in ordered),
                   np.fromiter((KIND_CODES[r[1]] for r in ordered), dtype=np.int64, count=len(ordered)),
                   tuple(tuple(r[2] or ()) for r in ordered),
                   np.fromiter((sdg_mask(r[3] or ()) for r in ordered), dtype=np.int64, count=len(ordered)))


@dataclass(frozen=True, slots=True)
class FetchedOutlines:
    """The fetch's columns, made into `ActorOutline`s only for the ids asked (the listed groups'):
    what the duplicate groups name their members from, without looking them up again by id."""

    ids: Sequence[str]
    names: Sequence[str]
    kinds: Sequence[str]
    territories: Sequence[Sequence[str] | None]
    sdgs: Sequence[Sequence[int] | None]

    def __call__(self, wanted: Sequence[str]) -> list[ActorOutline]:
        row = {i: n for n, i in enumerate(self.ids)}
        found = sorted(row[i] for i in set(wanted) if i in row)
        return [ActorOutline(self.ids[n], self.names[n], KINDS[self.kinds[n]],
                             tuple(self.territories[n] or ()), tuple(sorted(self.sdgs[n] or ())))
                for n in found]


def _groups(keys: Sequence[object]) -> tuple[np.ndarray, np.ndarray]:
    """(group of each row, first row of each group) for rows grouped by equal keys."""
    seen: dict[object, int] = {}
    group = np.empty(len(keys), dtype=np.int64)
    reps: list[int] = []
    for n, key in enumerate(keys):
        if not n & 0x3FFF:
            deadline.check()  # a million actors' keys: the question's limit holds here too
        g = seen.get(key)
        if g is None:
            g = seen[key] = len(reps)
            reps.append(n)
        group[n] = g
    return group, np.asarray(reps, dtype=np.int64)


def place_presence(hierarchy: Hierarchy, territories: Sequence[tuple[str, ...]],
                   level: Level) -> tuple[np.ndarray, sp.csr_matrix]:
    """(place group of each row, presence at `level` of each place group as 0/1 rows): rows with the
    same territories share one presence row, computed through the shared projection matrices."""
    projection = projection_for(hierarchy)
    index = projection.index
    known: dict[tuple[str, ...], tuple[int, ...]] = {}  # most actors share their territories' list
    places = [known.get(ts) or known.setdefault(ts, tuple(sorted({index[t] for t in ts if t in index})))
              for ts in territories]
    tgroup, treps = _groups(places)
    cols = [places[r] for r in treps.tolist()]
    rows = np.repeat(np.arange(len(cols), dtype=np.int64), [len(c) for c in cols])
    flat = np.fromiter((c for cs in cols for c in cs), dtype=np.int64, count=len(rows))
    direct = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, flat)),
                           shape=(len(cols), len(projection.ids)))
    sub = sp.csr_matrix(direct @ projection.to_level(level), dtype=np.int32)
    sub.data[:] = 1  # a place with no known territory has no presence
    return tgroup, sub


def group_pairs(fetched: Fetched, hierarchy: Hierarchy, level: Level, min_jaccard: float,
                same_kind: bool, outlines: FetchedOutlines | None = None) -> ProfileWalk:
    """`fetched` in profiles, ready to be paired by the embedded store's own walk
    (`store/memory/pairs.py`): place groups (same territories), their shared presence at `level`,
    and profiles (same territories, SDGs and, with `same_kind`, kind)."""
    tgroup, sub = place_presence(hierarchy, fetched.territories, level)
    place_sizes = np.diff(sub.indptr).astype(np.int64)
    tshared = sp.csr_matrix(sub @ sub.T)
    extra = fetched.kinds if same_kind else np.zeros(len(fetched.ids), dtype=np.int64)
    group, _ = _groups(list(zip(tgroup.tolist(), fetched.masks.tolist(), extra.tolist(), strict=True)))
    rows = np.arange(len(fetched.ids), dtype=np.int64)
    groups = Groups.of(rows, group, tgroup, tshared, fetched.masks, place_sizes[tgroup],
                       popcount(fetched.masks), extra)
    return ProfileWalk(fetched.ids, groups, float(min_jaccard), same_kind, outlines=outlines)
