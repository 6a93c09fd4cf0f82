"""Pairs of actors of a territory, computed in Python over one compact fetch from Neo4j.

Why not in Cypher: the pairs of a département at 1M actors (Corse-du-Sud: 11,219 actors present,
8,707 of them national) took 35 s as a Cypher query, which walked every place group's territories
and built profile lists per pair of place groups inside the server. The work is arithmetic on
small integers, which numpy does in milliseconds once the actors are in hand, and the actors of
one territory are a few megabytes: `pair_projection.cypher` fetches them (id, kind, territories,
SDGs) in one query, and this module groups and pairs them exactly as the embedded store does
(`ecosystem.store.memory.matrices`): actors with the same territories share their presence (place
groups, few even with nationwide actors), actors with the same territories, SDGs and kind are
interchangeable for the Jaccard formula (profiles), so pairs are computed between profiles and
expanded into actor pairs only for what is listed. Presence follows `Hierarchy.project` through
the shared projection matrices, so both stores count the same shared territories by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ecosystem import deadline
from ecosystem.model import ActorKind, Level
from ecosystem.reference.territories import Hierarchy
from ecosystem.store.base import PairCount, ProfilePair
from ecosystem.store.memory.matrices import (
    jaccard,
    lookup,
    pairs_of_groups,
    popcount,
    projection_for,
    sdg_mask,
)

KIND_CODES = {k.value: i for i, k in enumerate(ActorKind)}


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
class GroupPairs:
    """The qualifying pairs of profiles (gi <= gj) and what each stands for."""

    fetched: Fetched
    group: np.ndarray  # profile of each actor
    sizes: np.ndarray  # |P_L| of each actor
    sdg_sizes: np.ndarray  # |S| of each actor
    gi: np.ndarray
    gj: np.ndarray
    shared_t: np.ndarray
    shared_s: np.ndarray
    jac: np.ndarray

    def counts(self) -> np.ndarray:
        """How many actor pairs each profile pair stands for (n(n-1)/2 inside one profile)."""
        n = np.bincount(self.group)
        return np.where(self.gi == self.gj, n[self.gi] * (n[self.gi] - 1) // 2, n[self.gi] * n[self.gj])

    def total(self) -> int:
        return int(self.counts().sum()) if len(self.gi) else 0

    def _members(self) -> tuple[np.ndarray, np.ndarray]:
        order = np.argsort(self.group, kind="stable")
        top = int(self.group.max()) + 2 if len(self.group) else 1
        bounds = np.searchsorted(self.group[order], np.arange(top))
        return order, bounds

    def profile_pairs(self) -> list[ProfilePair]:
        """Every qualifying pair of profiles, members sorted (one profile alone needs two members).
        Each profile's member list is built once: a national place makes hundreds of thousands of
        pairs among a few thousand profiles."""
        order, bounds = self._members()
        ids = self.fetched.ids
        members = [tuple(ids[r] for r in order[bounds[g]:bounds[g + 1]].tolist())  # rows are in id order
                   for g in range(len(bounds) - 1)]
        first = order[bounds[:-1]] if len(bounds) > 1 else np.empty(0, dtype=np.int64)
        ra, rb = first[self.gi], first[self.gj]
        columns = (self.gi.tolist(), self.gj.tolist(), self.shared_t.tolist(), self.shared_s.tolist(),
                   self.sizes[ra].tolist(), self.sdg_sizes[ra].tolist(), self.sizes[rb].tolist(),
                   self.sdg_sizes[rb].tolist())
        return [ProfilePair(members[x], members[y], x == y, st, ss, ta, sa, tb, sb)
                for x, y, st, ss, ta, sa, tb, sb in zip(*columns, strict=True)
                if x != y or len(members[x]) > 1]

    def pairs(self, limit: int | None = None) -> list[PairCount]:
        """Actor pairs best first (Jaccard descending, then ids), the first `limit` of them: only
        the profile pairs that can hold them are expanded, ties at the cut included."""
        gi, gj, shared_t, shared_s, jac = self.gi, self.gj, self.shared_t, self.shared_s, self.jac
        rows = np.arange(len(self.group), dtype=np.int64)
        if limit is not None and len(gi):
            counts = self.counts()
            best = np.argsort(-jac, kind="stable")
            reached = np.searchsorted(np.cumsum(counts[best]), limit)
            if reached < len(best):
                cut = jac[best[reached]]
                keep = jac > cut
                tied = np.flatnonzero(jac == cut)
                need = limit - int(counts[keep].sum())
                keep[self._first_tied(tied, counts, need)] = True
                gi, gj, shared_t, shared_s = gi[keep], gj[keep], shared_t[keep], shared_s[keep]
                jac = jac[keep]
        i, j, k = pairs_of_groups(self.group, rows, gi, gj)
        shared_t, shared_s, jac = shared_t[k], shared_s[k], jac[k]
        order = np.lexsort((j, i, -jac))[:limit]
        i, j, ids = i[order], j[order], self.fetched.ids
        return list(map(PairCount, [ids[a] for a in i.tolist()], [ids[b] for b in j.tolist()],
                        shared_t[order].tolist(), shared_s[order].tolist(), self.sizes[i].tolist(),
                        self.sdg_sizes[i].tolist(), self.sizes[j].tolist(), self.sdg_sizes[j].tolist()))

    def _first_tied(self, tied: np.ndarray, counts: np.ndarray, need: int) -> np.ndarray:
        """Of the profile pairs `tied` at the cut's Jaccard, those that can hold one of the `need`
        first actor pairs in (a, b) order: a commune of look-alike actors ties millions of pairs at
        Jaccard 1, and only these few are expanded (the embedded store's rule)."""
        order, bounds = self._members()
        ti, tj = self.gi[tied], self.gj[tied]
        first = order[bounds[ti]]
        own_second = order[np.minimum(bounds[ti] + 1, len(order) - 1)]
        second = np.where(ti == tj, own_second, order[bounds[tj]])
        live = counts[tied] > 0
        tied, first, second = tied[live], first[live], second[live]
        key = np.lexsort((second, first))
        reach = int(np.searchsorted(np.cumsum(counts[tied][key]), need))
        chosen = tied[key[:reach + 1]]
        i, j, _ = pairs_of_groups(self.group, np.arange(len(self.group), dtype=np.int64), self.gi[chosen],
                                  self.gj[chosen])
        last = np.lexsort((j, i))[min(need, len(i)) - 1]
        pi, pj = i[last], j[last]
        return tied[(first < pi) | ((first == pi) & (second <= pj))]


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
                same_kind: bool) -> GroupPairs:
    """The profile pairs of `fetched` whose footprints at `level` meet with Jaccard >= min_jaccard
    (and of the same kind with `same_kind`)."""
    tgroup, sub = place_presence(hierarchy, fetched.territories, level)
    place_sizes = np.diff(sub.indptr).astype(np.int64)
    tpairs = sp.triu(sub @ sub.T, k=0).tocoo()
    if min_jaccard > 0:
        # J <= shared_t / max(|P_a|, |P_b|) for any SDGs (shared SDGs are at most each side's), so
        # place pairs below the floor are dropped before they are expanded into profile pairs: a
        # nationwide group and the communes' groups never meet the floor. Both sides are correctly
        # rounded divisions, so the float bound never cuts a pair the exact Jaccard would keep.
        bound = tpairs.data / np.maximum(place_sizes[tpairs.row], place_sizes[tpairs.col])
        near = bound >= min_jaccard
        tpairs = sp.coo_matrix((tpairs.data[near], (tpairs.row[near], tpairs.col[near])), shape=tpairs.shape)
    extra = fetched.kinds if same_kind else np.zeros(len(fetched.ids), dtype=np.int64)
    group, reps = _groups(list(zip(tgroup.tolist(), fetched.masks.tolist(), extra.tolist(), strict=True)))
    tgroup_of = tgroup[reps]
    gi, gj, _ = pairs_of_groups(tgroup_of, np.arange(len(reps), dtype=np.int64), tpairs.row.astype(np.int64),
                                tpairs.col.astype(np.int64))
    diagonal = np.arange(len(reps), dtype=np.int64)
    gi, gj = np.concatenate([gi, diagonal]), np.concatenate([gj, diagonal])
    ta, tb = tgroup_of[gi], tgroup_of[gj]
    shared_t = lookup(tpairs, np.minimum(ta, tb), np.maximum(ta, tb))
    ri, rj = reps[gi], reps[gj]
    masks = fetched.masks
    sizes, sdg_sizes = place_sizes[tgroup], popcount(masks)
    shared_s = popcount(masks[ri] & masks[rj])
    keep = (shared_s > 0) & (shared_t > 0)
    if same_kind:
        keep &= fetched.kinds[ri] == fetched.kinds[rj]
    jac = jaccard(shared_t, shared_s, sizes[ri], sdg_sizes[ri], sizes[rj], sdg_sizes[rj])
    keep &= jac >= min_jaccard
    return GroupPairs(fetched, group, sizes, sdg_sizes, gi[keep], gj[keep], shared_t[keep], shared_s[keep],
                      jac[keep])
