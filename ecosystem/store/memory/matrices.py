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
from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np
import scipy.sparse as sp

from ecosystem import deadline
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
    """Records (actors, alliances or policies) as rows: their territories (D) and SDG masks.

    Built once per state of the store and never changed: a change builds a new one. Presence per
    level is computed on first use and kept.
    """

    def __init__(self, projection: Projection, ids: Sequence[str], territories: Sequence[Sequence[str]],
                 sdgs: Sequence[Iterable[int]]) -> None:
        self.projection = projection
        self.ids = tuple(ids)
        self.row = {rid: i for i, rid in enumerate(self.ids)}
        index = projection.index
        cols = [[index[t] for t in ts if t in index] for ts in territories]
        rows = np.repeat(np.arange(len(cols), dtype=np.int64), [len(c) for c in cols])
        flat = np.fromiter((c for cs in cols for c in cs), dtype=np.int64, count=len(rows))
        self.direct = _binary(sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, flat)),
                                            shape=(len(self.ids), len(projection.ids))))
        self.masks = np.fromiter((sdg_mask(s) for s in sdgs), dtype=np.int64, count=len(self.ids))
        self.sdg_sizes = popcount(self.masks)
        self._presence: dict[Level, sp.csr_matrix] = {}
        self._presence_t: dict[Level, sp.csr_matrix] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.ids)

    def presence(self, level: Level) -> sp.csr_matrix:
        """M_L: rows x level-L territories, 1 where the record is present."""
        level = Level(level)
        with self._lock:
            if level not in self._presence:
                self._presence[level] = _binary(self.direct @ self.projection.to_level(level))
            return self._presence[level]

    def presence_by_territory(self, level: Level) -> sp.csr_matrix:
        """M_L transposed, row-indexed by level-L territory (for coverage)."""
        level = Level(level)
        matrix = self.presence(level)
        with self._lock:
            if level not in self._presence_t:
                self._presence_t[level] = matrix.T.tocsr()
            return self._presence_t[level]

    def sizes(self, level: Level) -> np.ndarray:
        """|P_L| of each row."""
        return np.diff(self.presence(level).indptr).astype(np.int64)

    def touching(self, territory_ids: Iterable[str]) -> np.ndarray:
        """Boolean per row: has a territory sharing a commune with one of `territory_ids`."""
        return (self.direct @ self.projection.intersecting(territory_ids)) > 0

    def sdg_matrix(self) -> np.ndarray:
        return sdg_columns(self.masks)

    def groups(self, rows: np.ndarray, extra: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Group `rows` by identical territories, or by identical (territories, SDGs, extra).

        Returns (group index of each row, one representative row per group). Members of a group
        share their presence at every level (and, with `extra`, their SDGs and e.g. their kind),
        so pair statistics are properties of group pairs: filtered before pairs are expanded.
        """
        indptr, indices = self.direct.indptr, self.direct.indices
        keys: dict[tuple[bytes, int, int], int] = {}
        group = np.empty(len(rows), dtype=np.int64)
        reps: list[int] = []
        masks = self.masks
        for n, row in enumerate(rows.tolist()):
            if not n & 0x3FFF:
                deadline.check()
            key = (indices[indptr[row]:indptr[row + 1]].tobytes(),
                   int(masks[row]) if extra is not None else 0, int(extra[row]) if extra is not None else 0)
            g = keys.get(key)
            if g is None:
                g = keys[key] = len(reps)
                reps.append(row)
            group[n] = g
        return group, np.asarray(reps, dtype=np.int64)


def lookup(matrix: sp.coo_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Values of a sparse matrix at (rows, cols), 0 where nothing is stored; vectorised."""
    width = matrix.shape[1]
    keys = matrix.row.astype(np.int64) * width + matrix.col.astype(np.int64)
    order = np.argsort(keys)
    keys, data = keys[order], matrix.data[order].astype(np.int64)
    wanted = rows.astype(np.int64) * width + cols.astype(np.int64)
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    found = (keys[at] == wanted) if len(keys) else np.zeros(len(wanted), dtype=bool)
    return np.where(found, data[at] if len(keys) else 0, 0)


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
