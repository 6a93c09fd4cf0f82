"""Overlapping pairs of a territory's actors, counted and cut without making them all.

Actors with the same territories and SDGs (and kind, for same-kind questions) are interchangeable
for the Jaccard formula: a *group*. Every figure of a pair of actors is a figure of their pair of
groups, so the store works on group pairs, and those are walked in blocks of at most `BLOCK`
(never all at once: a commune of 137,000 actors over 2,600 profiles holds 3.4 million group pairs):

- the total is a sum over the blocks of n_g x n_h (n(n-1)/2 inside one group): no pair is made;
- the best `limit` pairs keep, block after block, only the group pairs that can still hold one of
  them (a running cut on Jaccard; among the group pairs tied at the cut, those whose smallest
  actor pair comes first), then make at most `limit` pairs of each kept group pair, in order;
- `every` makes them all (a listing without limit asked for it).

Memory is bounded by the block and the limit, whatever the number of actors. The long loops check
the question's deadline (`ecosystem.deadline`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ecosystem import deadline
from ecosystem.store.memory.matrices import jaccard, pairs_of_groups, popcount

BLOCK = 1 << 20
"""Candidate group pairs looked at together (about 60 MB of arrays at most)."""


def ragged(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ranges [starts[k], starts[k] + lengths[k]), vectorised.

    >>> ragged(np.array([5, 0]), np.array([2, 3])).tolist()
    [5, 6, 0, 1, 2]
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    total = int(lengths.sum())
    if not total:
        return np.empty(0, dtype=np.int64)
    before = np.cumsum(lengths) - lengths
    return np.repeat(np.asarray(starts, dtype=np.int64) - before, lengths) + np.arange(total, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Groups:
    """A territory's actors in groups. Group g's members are `members[bounds[g]:bounds[g + 1]]`,
    ascending (rows are in id order, so the smallest row is the smallest id); `tgroup[g]` is its
    territory group and `tshared` (symmetric, diagonal included) the territories two territory
    groups share at the level, non-zero only where they meet."""

    members: np.ndarray
    bounds: np.ndarray
    tgroup: np.ndarray
    tshared: sp.csr_matrix
    masks: np.ndarray  # SDG mask of each group
    sizes: np.ndarray  # |P_L| of each group
    sdg_sizes: np.ndarray
    kinds: np.ndarray  # kind code of each group (all zeros when kinds do not matter)

    @classmethod
    def of(cls, members: np.ndarray, group: np.ndarray, tgroup_of_member: np.ndarray, tshared: sp.spmatrix,
           masks: np.ndarray, sizes: np.ndarray, sdg_sizes: np.ndarray, kinds: np.ndarray) -> Groups:
        """From actor rows `members`, their group and territory group, and per-row figures."""
        order = np.lexsort((members, group))
        n_groups = int(group.max()) + 1 if len(group) else 0
        bounds = np.searchsorted(group[order], np.arange(n_groups + 1))
        first = members[order][bounds[:-1]]
        tgroup = np.empty(n_groups, dtype=np.int64)
        tgroup[group] = tgroup_of_member
        sym = sp.csr_matrix(tshared)  # symmetric: every territory group pair both ways
        sym.eliminate_zeros()
        sym.sort_indices()
        return cls(members[order], bounds, tgroup, sym, masks[first], sizes[first], sdg_sizes[first],
                   kinds[first])

    def __len__(self) -> int:
        return len(self.bounds) - 1

    @property
    def counts(self) -> np.ndarray:
        return np.diff(self.bounds)

    def first(self, g: np.ndarray) -> np.ndarray:
        return self.members[self.bounds[g]]

    def smallest_pair(self, g: np.ndarray, h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The first actor pair (in (a, b) order) of each group pair."""
        fg, fh = self.first(g), self.first(h)
        second_own = self.members[np.minimum(self.bounds[g] + 1, len(self.members) - 1)]
        return np.minimum(fg, fh), np.where(g == h, second_own, np.maximum(fg, fh))

    def pair_counts(self, g: np.ndarray, h: np.ndarray) -> np.ndarray:
        """How many actor pairs each group pair stands for (n(n-1)/2 inside one group)."""
        n = self.counts
        return np.where(g == h, n[g] * (n[g] - 1) // 2, n[g] * n[h])


@dataclass(frozen=True, slots=True)
class Block:
    """Qualifying group pairs (g <= h) with their figures."""

    g: np.ndarray
    h: np.ndarray
    shared_t: np.ndarray
    shared_s: np.ndarray
    jac: np.ndarray
    count: np.ndarray

    def take(self, keep: np.ndarray) -> Block:
        return Block(self.g[keep], self.h[keep], self.shared_t[keep], self.shared_s[keep], self.jac[keep],
                     self.count[keep])

    @staticmethod
    def join(blocks: list[Block]) -> Block:
        if not blocks:
            empty = np.empty(0, dtype=np.int64)
            return Block(empty, empty, empty, empty, np.empty(0, dtype=np.float64), empty)
        return Block(*(np.concatenate([getattr(b, f) for b in blocks]) for f in Block.__slots__))


def blocks(groups: Groups, min_jaccard: float, same_kind: bool, size: int = BLOCK) -> Iterator[Block]:
    """The group pairs whose footprints meet (Jaccard >= min_jaccard, same kind when asked), a few
    groups at a time so that no block looks at more than about `size` candidate pairs."""
    n = len(groups)
    if not n:
        return
    sym = groups.tshared
    per_tgroup = np.bincount(groups.tgroup, minlength=sym.shape[0])
    order = np.argsort(groups.tgroup, kind="stable")  # groups by territory group
    tbounds = np.searchsorted(groups.tgroup[order], np.arange(sym.shape[0] + 1))
    # candidates of group g: every group of every territory group meeting g's
    reach = np.asarray(sym.astype(bool).astype(np.int64) @ per_tgroup).ravel()[groups.tgroup]
    ends = np.cumsum(reach)
    start = 0
    while start < n:
        deadline.check()
        stop = max(int(np.searchsorted(ends, (ends[start - 1] if start else 0) + size, side="right")),
                   start + 1)
        g = np.arange(start, stop, dtype=np.int64)
        t = groups.tgroup[g]
        row_len = np.diff(sym.indptr)[t]
        at = ragged(sym.indptr[t], row_len)
        g_rep, t_other, shared_t = np.repeat(g, row_len), sym.indices[at], sym.data[at].astype(np.int64)
        width = per_tgroup[t_other]
        at = ragged(tbounds[t_other], width)
        g_all, h_all = np.repeat(g_rep, width), order[at]
        st_all = np.repeat(shared_t, width)
        keep = h_all >= g_all
        g_all, h_all, st_all = g_all[keep], h_all[keep], st_all[keep]
        ss = popcount(groups.masks[g_all] & groups.masks[h_all])
        keep = (ss > 0) & (st_all > 0)
        if same_kind:
            keep &= groups.kinds[g_all] == groups.kinds[h_all]
        g_all, h_all, st_all, ss = g_all[keep], h_all[keep], st_all[keep], ss[keep]
        jac = jaccard(st_all, ss, groups.sizes[g_all], groups.sdg_sizes[g_all], groups.sizes[h_all],
                      groups.sdg_sizes[h_all])
        count = groups.pair_counts(g_all, h_all)
        keep = (jac >= min_jaccard) & (count > 0)
        yield Block(g_all[keep], h_all[keep], st_all[keep], ss[keep], jac[keep], count[keep])
        start = stop


def total(groups: Groups, min_jaccard: float, same_kind: bool) -> int:
    """How many actor pairs qualify: a sum over group pairs, no pair made."""
    return sum(int(b.count.sum()) for b in blocks(groups, min_jaccard, same_kind))


def every(groups: Groups, min_jaccard: float, same_kind: bool) -> Block:
    """Every qualifying group pair (to be expanded in full, or read as profile pairs)."""
    return Block.join(list(blocks(groups, min_jaccard, same_kind)))


# ----------------------------------------------------------------------------- the best pairs


def _cut(groups: Groups, found: Block, limit: int) -> Block:
    """Of these group pairs, those that can hold one of the `limit` best actor pairs: all above the
    Jaccard where `limit` pairs are reached, and, tied at it, those whose smallest actor pair is
    among the first `need` smallest (each of them holds one pair that comes before the others')."""
    best = np.argsort(-found.jac, kind="stable")
    reached = int(np.searchsorted(np.cumsum(found.count[best]), limit))
    if reached >= len(best):
        return found
    cut = found.jac[best[reached]]
    above = found.jac > cut
    need = limit - int(found.count[above].sum())
    tied = np.flatnonzero(found.jac == cut)
    a, b = groups.smallest_pair(found.g[tied], found.h[tied])
    keep = above.copy()
    keep[tied[np.lexsort((b, a))[:need]]] = True
    return found.take(keep)


def _first_pairs(groups: Groups, g: int, h: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The first `k` actor pairs (a < b, in (a, b) order) of one group pair, made alone."""
    mg = groups.members[groups.bounds[g]:groups.bounds[g + 1]]
    if g == h:
        n = len(mg)
        per_first = np.arange(n - 1, 0, -1, dtype=np.int64)  # partners of mg[0], mg[1], ...
        upto = int(np.searchsorted(np.cumsum(per_first), k)) + 1
        firsts = np.arange(min(upto, n - 1), dtype=np.int64)
        at = ragged(firsts + 1, per_first[firsts])
        return np.repeat(mg[firsts], per_first[firsts])[:k], mg[at][:k]
    mh = groups.members[groups.bounds[h]:groups.bounds[h + 1]]
    both = np.concatenate([mg, mh])
    other_of = np.concatenate([np.ones(len(mg), dtype=bool), np.zeros(len(mh), dtype=bool)])
    order = np.argsort(both, kind="stable")
    both, other_is_h = both[order], other_of[order]
    # partners of each first actor: the other group's members after it
    start = np.where(other_is_h, np.searchsorted(mh, both, side="right"),
                     np.searchsorted(mg, both, side="right"))
    length = np.where(other_is_h, len(mh), len(mg)) - start
    upto = int(np.searchsorted(np.cumsum(length), k)) + 1
    both, other_is_h, start, length = both[:upto], other_is_h[:upto], start[:upto], length[:upto]
    at = ragged(start, length)
    partner = np.where(np.repeat(other_is_h, length), mh[np.minimum(at, len(mh) - 1)],
                       mg[np.minimum(at, len(mg) - 1)])
    return np.repeat(both, length)[:k], partner[:k]


def best(groups: Groups, min_jaccard: float, same_kind: bool, limit: int) -> Block:
    """The best `limit` actor pairs (Jaccard descending, then (a, b)), as a Block whose g, h are
    *actor rows* and whose count is 1; made from the few group pairs that can hold them."""
    kept: Block | None = None
    for block in blocks(groups, min_jaccard, same_kind):
        kept = _cut(groups, block if kept is None else Block.join([kept, block]), limit)
    if kept is None or not limit or not len(kept.g):
        return Block.join([])
    top = np.argsort(-kept.jac, kind="stable")
    reached = int(np.searchsorted(np.cumsum(kept.count[top]), limit))
    cut = kept.jac[top[min(reached, len(top) - 1)]]
    made: list[Block] = []
    tied = np.flatnonzero(kept.jac == cut) if reached < len(top) else np.empty(0, dtype=np.int64)
    for k in np.setdiff1d(np.arange(len(kept.g)), tied).tolist():  # fewer than `limit` pairs in all
        made.append(_expand(groups, kept, k, limit))
    need = limit - sum(len(b.g) for b in made)
    if len(tied) and need > 0:
        a, b = groups.smallest_pair(kept.g[tied], kept.h[tied])
        chosen: Block | None = None
        for k in tied[np.lexsort((b, a))].tolist():  # running threshold: the need-th pair so far
            deadline.check()
            fa, fb = groups.smallest_pair(kept.g[k:k + 1], kept.h[k:k + 1])
            first = (int(fa[0]), int(fb[0]))
            if (chosen is not None and len(chosen.g) >= need
                    and first > (int(chosen.g[-1]), int(chosen.h[-1]))):
                break
            more = _expand(groups, kept, k, need)
            chosen = more if chosen is None else Block.join([chosen, more])
            order = np.lexsort((chosen.h, chosen.g))[:need]
            chosen = chosen.take(order)
        if chosen is not None:
            made.append(chosen)
    out = Block.join(made)
    return out.take(np.lexsort((out.h, out.g, -out.jac))[:limit])


def _expand(groups: Groups, kept: Block, k: int, limit: int) -> Block:
    """The first `limit` actor pairs of group pair k of `kept`, as actor rows."""
    i, j = _first_pairs(groups, int(kept.g[k]), int(kept.h[k]), limit)
    ones = np.ones(len(i), dtype=np.int64)
    return Block(i, j, kept.shared_t[k] * ones, kept.shared_s[k] * ones, np.full(len(i), kept.jac[k]), ones)


def expand_all(groups: Groups, found: Block) -> Block:
    """Every actor pair of these group pairs, as actor rows (count 1 each): a listing without limit."""
    deadline.check()
    group_of = np.repeat(np.arange(len(groups), dtype=np.int64), groups.counts)
    i, j, k = pairs_of_groups(group_of, groups.members, found.g, found.h)
    deadline.check()
    return Block(i, j, found.shared_t[k], found.shared_s[k], found.jac[k], np.ones(len(i), dtype=np.int64))
