"""Sparse matrices behind the embedded store's counting primitives.

Presence follows `Hierarchy.project` exactly (base.py): P_L(a) is the union of project(t, L) over
a's territories. With

    D    rows x territories       the direct ACTS_IN (or ANCHORED_IN, COVERS) incidence,
    R_L  territories x L-terr.    R_L[t, x] = 1 iff x in project(t, L)  (built through communes),

the presence matrix is M_L = (D @ R_L > 0). A subject's shared-territory counts are then M_L @ p,
every pair's M_L @ M_L.T, and SDG sets are 17-bit masks whose intersections are counted with a
popcount table: no Python loop over actors or pairs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

import numpy as np
import scipy.sparse as sp

from ecosystem.model import SDG_NUMBERS, Level
from ecosystem.reference.territories import Hierarchy

SDG_BITS = len(SDG_NUMBERS)


def _popcount_table() -> np.ndarray:
    values = np.arange(1 << SDG_BITS, dtype=np.int64)
    table = np.zeros(1 << SDG_BITS, dtype=np.int64)
    for bit in range(SDG_BITS):
        table += (values >> bit) & 1
    return table


POPCOUNT = _popcount_table()


def sdg_mask(numbers: Iterable[int]) -> int:
    """The SDG numbers as one int, bit n-1 for SDG n, so that shared SDGs are a bitwise and.

    >>> sdg_mask([1, 3])
    5
    """
    mask = 0
    for n in numbers:
        mask |= 1 << (n - 1)
    return mask


def popcount(masks: np.ndarray) -> np.ndarray:
    """Number of SDGs in each mask."""
    return POPCOUNT[masks]


def sdg_columns(masks: np.ndarray) -> np.ndarray:
    """Masks as a dense 0/1 matrix, one column per SDG (column 0 is SDG 1)."""
    return ((masks[:, None] >> np.arange(SDG_BITS)) & 1).astype(np.int64)


def jaccard(st: np.ndarray, ss: np.ndarray, ta: np.ndarray | int, sa: np.ndarray | int,
            tb: np.ndarray | int, sb: np.ndarray | int) -> np.ndarray:
    """`ecosystem.store.base.jaccard`, vectorised. Integer counts are exact in float64 and IEEE
    division is correctly rounded, so each value is bit-identical to the scalar function's."""
    inter = np.asarray(st, dtype=np.int64) * np.asarray(ss, dtype=np.int64)
    union = np.asarray(ta, dtype=np.int64) * sa + np.asarray(tb, dtype=np.int64) * sb - inter
    out = np.zeros(inter.shape, dtype=np.float64)
    np.divide(inter, union, out=out, where=union != 0)
    return out


def _binary(matrix: sp.spmatrix) -> sp.csr_matrix:
    """Same pattern, every stored value 1 (int32), indices sorted."""
    out = sp.csr_matrix(matrix, dtype=np.int32)
    out.sum_duplicates()
    out.eliminate_zeros()
    out.data[:] = 1
    return out


class Projection:
    """The hierarchy as matrices: territory indices, communes of each territory, and R_L per level.

    Territories and each level's territories are indexed in id order, so that walking a result in
    index order walks it in id order. Shared by every store of the process (`projection_for`).
    """

    def __init__(self, hierarchy: Hierarchy) -> None:
        self.hierarchy = hierarchy
        self.ids: tuple[str, ...] = tuple(sorted(hierarchy.by_id))
        self.index = {tid: i for i, tid in enumerate(self.ids)}
        self.level_ids = {level: tuple(sorted(t.id for t in hierarchy.by_level[level])) for level in Level}
        self.level_index = {level: {tid: i for i, tid in enumerate(ids)}
                            for level, ids in self.level_ids.items()}
        communes = [hierarchy.communes(tid) for tid in self.ids]
        rows = np.repeat(np.arange(len(self.ids)), [len(c) for c in communes])
        cols = np.concatenate(communes) if communes else np.empty(0, dtype=np.int32)
        # territories x communes (positions in hierarchy.commune_ids)
        self.communes = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                                      shape=(len(self.ids), len(hierarchy.commune_ids)))
        self._to_level: dict[Level, sp.csr_matrix] = {}
        self._lock = threading.Lock()

    def to_level(self, level: Level) -> sp.csr_matrix:
        """R_L: territories x level-L territories, R_L[t, x] = 1 iff x in project(t, L)."""
        level = Level(level)
        with self._lock:
            if level not in self._to_level:
                index = self.level_index[level]
                ancestors = [self.hierarchy.ancestor(c, level) for c in self.hierarchy.commune_ids]
                rows = np.asarray([p for p, a in enumerate(ancestors) if a is not None], dtype=np.int64)
                cols = np.asarray([index[a] for a in ancestors if a is not None], dtype=np.int64)
                up = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                                   shape=(len(ancestors), len(index)))
                self._to_level[level] = _binary(self.communes @ up)
            return self._to_level[level]

    def rows(self, territory_ids: Iterable[str]) -> np.ndarray:
        """Indices of the known territories among these ids (unknown ids have no commune: skipped)."""
        return np.asarray(sorted({self.index[t] for t in territory_ids if t in self.index}), dtype=np.int64)

    def presence_vector(self, territory_ids: Iterable[str], level: Level) -> np.ndarray:
        """0/1 over level-L territories: the union of project(t, L) over `territory_ids`."""
        rows = self.rows(territory_ids)
        r = self.to_level(level)
        return (np.asarray(r[rows].sum(axis=0)).ravel() > 0).astype(np.int32)

    def intersecting(self, territory_ids: Iterable[str]) -> np.ndarray:
        """0/1 over all territories: those sharing a commune with one of `territory_ids`."""
        rows = self.rows(territory_ids)
        communes = (np.asarray(self.communes[rows].sum(axis=0)).ravel() > 0).astype(np.int32)
        return (self.communes @ communes > 0).astype(np.int32)


@cache
def projection_for(hierarchy: Hierarchy) -> Projection:
    """One projection per hierarchy (they are immutable and shared by the whole process)."""
    return Projection(hierarchy)


class Incidence:
    """Records (actors, alliances or policies) as rows: their territories and SDG masks.

    Rows are factored through their *territory sets*: `sets` holds each distinct set once (sets x
    territories) and `set_of` maps a row to its set. Presence, sizes and coverage are computed per
    set, then spread to rows by indexing: at 100,000 actors there are a few thousand sets, so a
    question never multiplies a 100,000-row matrix by the hierarchy. Built once per state of the
    store and never changed: a change builds a new one. Presence per level is computed on first use.
    """

    def __init__(self, projection: Projection, ids: Sequence[str], territories: Sequence[Sequence[str]],
                 sdgs: Sequence[Iterable[int]]) -> None:
        index = projection.index
        keys: dict[tuple[int, ...], int] = {}
        set_of = np.fromiter((keys.setdefault(tuple(sorted({index[t] for t in ts if t in index})), len(keys))
                              for ts in territories), dtype=np.int64, count=len(ids))
        masks = np.fromiter((sdg_mask(s) for s in sdgs), dtype=np.int64, count=len(ids))
        self._setup(projection, tuple(ids), set_of, set_matrix(list(keys), len(projection.ids)), masks)

    @classmethod
    def from_sets(cls, projection: Projection, ids: Sequence[str], set_of: np.ndarray, sets: sp.csr_matrix,
                  masks: np.ndarray) -> Incidence:
        """Rows given as columns: `sets` (distinct territory sets over `projection.ids`, binary, no
        two equal) and `set_of`; `ids` any sequence (e.g. an `IdTable`), in the rows' order."""
        inc = cls.__new__(cls)
        inc._setup(projection, ids, np.asarray(set_of, dtype=np.int64), sets,
                   np.asarray(masks, dtype=np.int64))
        return inc

    def _setup(self, projection: Projection, ids: Sequence[str], set_of: np.ndarray, sets: sp.csr_matrix,
               masks: np.ndarray) -> None:
        self.projection = projection
        self.ids = ids
        self.set_of = set_of
        self.sets = sets
        self.masks = masks
        self.sdg_sizes = popcount(self.masks)
        self._row: Mapping[str, int] | None = None
        self._direct: sp.csr_matrix | None = None
        self._set_presence: dict[Level, sp.csr_matrix] = {}
        self._presence: dict[Level, sp.csr_matrix] = {}
        self._presence_t: dict[Level, sp.csr_matrix] = {}
        self._sizes: dict[Level, np.ndarray] = {}
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def row(self) -> Mapping[str, int]:
        """Row of each id (`ids.row` when `ids` brings its own index, as an `IdTable` does)."""
        with self._lock:
            if self._row is None:
                own = getattr(self.ids, "row", None)
                self._row = own if own is not None else {rid: i for i, rid in enumerate(self.ids)}
            return self._row

    @property
    def direct(self) -> sp.csr_matrix:
        """D: rows x territories, the direct incidence (built from the sets on first use)."""
        with self._lock:
            if self._direct is None:
                self._direct = self.sets[self.set_of]
            return self._direct

    def set_presence(self, level: Level) -> sp.csr_matrix:
        """Presence of each territory set: sets x level-L territories."""
        level = Level(level)
        with self._lock:
            if level not in self._set_presence:
                self._set_presence[level] = _binary(self.sets @ self.projection.to_level(level))
            return self._set_presence[level]

    def presence(self, level: Level) -> sp.csr_matrix:
        """M_L: rows x level-L territories, 1 where the record is present."""
        level = Level(level)
        with self._lock:
            if level not in self._presence:
                self._presence[level] = self.set_presence(level)[self.set_of]
            return self._presence[level]

    def presence_by_territory(self, level: Level) -> sp.csr_matrix:
        """M_L transposed, row-indexed by level-L territory."""
        level = Level(level)
        matrix = self.presence(level)
        with self._lock:
            if level not in self._presence_t:
                self._presence_t[level] = matrix.T.tocsr()
            return self._presence_t[level]

    def sizes(self, level: Level) -> np.ndarray:
        """|P_L| of each row."""
        level = Level(level)
        with self._lock:
            if level not in self._sizes:
                self._sizes[level] = np.diff(self.set_presence(level).indptr).astype(np.int64)[self.set_of]
            return self._sizes[level]

    def shared(self, vector: np.ndarray, level: Level) -> np.ndarray:
        """M_L @ vector, computed per territory set: shared territories of each row with a subject."""
        return np.asarray(self.set_presence(level) @ vector)[self.set_of]

    def territory_sdg_counts(self, level: Level, cols: np.ndarray) -> np.ndarray:
        """For the level-L territories `cols`: how many rows present there hold each SDG
        (len(cols) x 17), i.e. M_L.T[cols] @ SDG columns, summed per territory set first."""
        n_sets = self.sets.shape[0]
        spread = sp.csr_matrix((np.ones(len(self.set_of), dtype=np.int64),
                                (self.set_of, np.arange(len(self)))), shape=(n_sets, len(self)))
        by_set = spread @ self.sdg_matrix()
        counts = self.set_presence(level).T.tocsr()[cols] @ by_set
        return np.asarray(counts, dtype=np.int64).reshape(len(cols), -1)

    def touching(self, territory_ids: Iterable[str]) -> np.ndarray:
        """Boolean per row: has a territory sharing a commune with one of `territory_ids`."""
        return ((self.sets @ self.projection.intersecting(territory_ids)) > 0)[self.set_of]

    def sdg_matrix(self) -> np.ndarray:
        return sdg_columns(self.masks)

    def groups(self, rows: np.ndarray, extra: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Group `rows` by identical territories, or by identical (territories, SDGs, extra).

        Returns (group index of each row, one representative row per group), groups numbered in
        order of first appearance. Members of a group share their presence at every level (and,
        with `extra`, their SDGs and e.g. their kind), so pair statistics are properties of group
        pairs: filtered before pairs are expanded.
        """
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        if extra is None:
            key = self.set_of[rows]
        else:
            codes = np.unique(np.asarray(extra)[rows], return_inverse=True)[1].astype(np.int64)
            key = (self.set_of[rows] * (1 << SDG_BITS) + self.masks[rows]) * (int(codes.max()) + 1) + codes
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        return rank[inverse.ravel()], rows[first[order]]


def set_matrix(sets: Sequence[Sequence[int]], width: int) -> sp.csr_matrix:
    """Distinct sets of column indices as a binary CSR matrix (one row per set)."""
    indptr = np.zeros(len(sets) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in sets], out=indptr[1:])
    indices = np.fromiter((c for s in sets for c in s), dtype=np.int64, count=int(indptr[-1]))
    return sp.csr_matrix((np.ones(len(indices), dtype=np.int32), indices, indptr), shape=(len(sets), width))


def pairs_of_groups(group: np.ndarray, members: np.ndarray, gi: np.ndarray,
                    gj: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Expand group pairs (gi <= gj) into member pairs (i < j), vectorised.

    Returns (i, j, index of the group pair each member pair comes from). Members of one group pair
    with each other (gi == gj); members of two groups pair across.
    """
    order = np.argsort(group, kind="stable")
    sorted_members = members[order]
    n_groups = int(group.max()) + 1 if len(group) else 0
    bounds = np.searchsorted(group[order], np.arange(n_groups + 1))
    sizes = np.diff(bounds)
    out_i, out_j, out_k = [], [], []

    same = np.flatnonzero(gi == gj)
    for k in same[sizes[gi[same]] >= 2].tolist():
        mg = sorted_members[bounds[gi[k]]:bounds[gi[k] + 1]]
        a, b = np.triu_indices(len(mg), k=1)
        out_i.append(mg[a])
        out_j.append(mg[b])
        out_k.append(np.full(len(a), k, dtype=np.int64))

    cross = np.flatnonzero(gi != gj)
    if len(cross):
        ng, nh = sizes[gi[cross]], sizes[gj[cross]]
        counts = ng * nh
        block = np.repeat(np.arange(len(cross)), counts)
        offset = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        width = nh[block]
        out_i.append(sorted_members[bounds[gi[cross]][block] + offset // width])
        out_j.append(sorted_members[bounds[gj[cross]][block] + offset % width])
        out_k.append(cross[block])
    if not out_i:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    i, j = np.concatenate(out_i), np.concatenate(out_j)
    return np.minimum(i, j), np.maximum(i, j), np.concatenate(out_k)
