"""Overlapping pairs of a territory's actors, counted and cut without making them all.

Actors with the same territories and SDGs (and kind, for same-kind questions) are interchangeable
for the Jaccard formula: a *group*. Every figure of a pair of actors is a figure of their pair of
groups, so the store works on group pairs, and those are walked in blocks of at most `BLOCK`
(never all at once: a commune of 137,000 actors over 2,600 profiles holds 3.4 million group pairs):

- the total is a sum over the blocks of n_g x n_h (n(n-1)/2 inside one group): no pair is made;
- the best `limit` pairs keep, block after block, only the group pairs that can still hold one of
  them (a running cut on Jaccard; among the group pairs tied at the cut, those whose smallest
  actor pair comes first), then make at most `limit` pairs of each kept group pair, in order;
- `every` makes them all (a listing without limit asked for it);
- `components` joins the group pairs a rule keeps (the duplicate groups) as arrays, block after
  block: no Python object per group pair.

This is the one pairing of both stores: `ProfileWalk` (a territory's groups and how to walk them)
is what `Store.overlap_profile_walk` returns, built from the embedded store's matrices or from the
Neo4j store's one fetch (`store/neo4j/pairing.py`). Memory is bounded by the block and the limit,
whatever the number of actors. The long loops check the question's deadline (`ecosystem.deadline`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ecosystem import deadline
from ecosystem.store.base import ActorOutline, PairCount, ProfilePair
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


def _meeting(groups: Groups, min_jaccard: float) -> sp.csr_matrix:
    """The territory groups that meet (`tshared`), without the pairs of them that cannot reach
    `min_jaccard`: J <= shared territories / the larger presence, whatever the SDGs (the shared SDGs
    are at most each side's, and the union at least the larger footprint). Both sides are correctly
    rounded divisions of exact integers, so the float bound never drops a pair the exact Jaccard
    would keep. A nationwide group never meets a commune's at 0.2: its profiles are then paired only
    with the nationwide ones."""
    sym = groups.tshared
    if min_jaccard <= 0 or not sym.nnz:
        return sym
    tsize = np.zeros(sym.shape[0], dtype=np.int64)
    tsize[groups.tgroup] = groups.sizes
    coo = sym.tocoo()
    bound = coo.data / np.maximum(np.maximum(tsize[coo.row], tsize[coo.col]), 1)
    near = bound >= min_jaccard
    out = sp.csr_matrix((coo.data[near], (coo.row[near], coo.col[near])), shape=sym.shape)
    out.sort_indices()
    return out


def blocks(groups: Groups, min_jaccard: float, same_kind: bool, size: int = BLOCK) -> Iterator[Block]:
    """The group pairs whose footprints meet (Jaccard >= min_jaccard, same kind when asked), a few
    groups at a time so that no block looks at more than about `size` candidate pairs.

    A group's candidates are the groups of the territory groups meeting its own (pruned by the
    floor, `_meeting`) and, for a same-kind question, of its kind only: the 8,707 national actors
    of Corse-du-Sud at 1M actors make 3,198 profiles, whose same-kind candidates are 1.4 million
    pairs instead of 10 million."""
    n = len(groups)
    if not n:
        return
    sym = _meeting(groups, min_jaccard)
    n_t = sym.shape[0]
    kind = (np.unique(groups.kinds, return_inverse=True)[1].ravel().astype(np.int64) if same_kind
            else np.zeros(n, dtype=np.int64))
    n_k = int(kind.max()) + 1
    bucket = groups.tgroup * n_k + kind  # candidates are looked up by (territory group, kind)
    per_bucket = np.bincount(bucket, minlength=n_t * n_k)
    order = np.argsort(bucket, kind="stable")  # groups by bucket, ascending inside each
    keys = bucket[order] * n + order  # so that the partners h >= g of g in a bucket are a search away
    bbounds = np.searchsorted(bucket[order], np.arange(n_t * n_k + 1))
    # candidates of group g: every group of g's kind in every territory group meeting g's
    meets = sym.astype(bool).astype(np.int64)
    reach = np.asarray(meets @ per_bucket.reshape(n_t, n_k))[groups.tgroup, kind]
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
        b_other = t_other * n_k + kind[g_rep]
        first = np.searchsorted(keys, b_other * n + g_rep)  # partners h >= g only
        width = bbounds[b_other + 1] - first
        at = ragged(first, width)
        g_all, h_all = np.repeat(g_rep, width), order[at]
        st_all = np.repeat(shared_t, width)
        ss = popcount(groups.masks[g_all] & groups.masks[h_all])
        keep = (ss > 0) & (st_all > 0)
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


# ----------------------------------------------------------------------------- what both stores answer


@dataclass(frozen=True, slots=True)
class ProfileWalk:
    """A territory's actors in profiles, ready to be paired: what every pair question of both stores
    starts from (the embedded store builds the groups from its matrices, the Neo4j store from one
    fetch, `store/neo4j/pairing.py`); the pairing itself is this module's, written once."""

    ids: Sequence[str]  # actor id of each row; rows are in id order
    groups: Groups
    min_jaccard: float
    same_kind: bool
    block: int = BLOCK  # candidate pairs looked at together (smaller in tests: many blocks)
    # the outlines of some of `ids` (unknown ids skipped), when the store's fetch carried them (Neo4j:
    # `pair_projection.cypher` returns names too); None: ask `Store.actor_outlines`. A département's
    # duplicate groups name 10,600 actors at 1M: looking them up again by id was a third of the call.
    outlines: Callable[[Sequence[str]], list[ActorOutline]] | None = None

    def blocks(self) -> Iterator[Block]:
        return blocks(self.groups, self.min_jaccard, self.same_kind, self.block)

    def total(self) -> int:
        return total(self.groups, self.min_jaccard, self.same_kind)

    def members(self, g: int) -> tuple[str, ...]:
        """The ids of profile g's actors, ascending."""
        ids, members, bounds = self.ids, self.groups.members, self.groups.bounds
        return tuple(ids[r] for r in members[bounds[g]:bounds[g + 1]].tolist())

    def pairs(self, limit: int | None = None) -> list[PairCount]:
        """Actor pairs best first (Jaccard descending, then ids), the first `limit` of them."""
        groups = self.groups
        if limit is None:
            found = expand_all(groups, every(groups, self.min_jaccard, self.same_kind))
            found = found.take(np.lexsort((found.h, found.g, -found.jac)))
        else:
            found = best(groups, self.min_jaccard, self.same_kind, max(int(limit), 0))
        ga, gb = self._group_of_rows(found.g), self._group_of_rows(found.h)
        ids, sizes, sdg_sizes = self.ids, groups.sizes, groups.sdg_sizes
        return list(map(PairCount, [ids[a] for a in found.g.tolist()], [ids[b] for b in found.h.tolist()],
                        found.shared_t.tolist(), found.shared_s.tolist(), sizes[ga].tolist(),
                        sdg_sizes[ga].tolist(), sizes[gb].tolist(), sdg_sizes[gb].tolist()))

    def profile_pairs(self) -> list[ProfilePair]:
        """Every qualifying pair of profiles, each profile's member list made once."""
        found = every(self.groups, self.min_jaccard, self.same_kind)
        made: dict[int, tuple[str, ...]] = {}

        def names(g: int) -> tuple[str, ...]:
            got = made.get(g)
            if got is None:
                got = made[g] = self.members(g)
            return got

        sizes, sdg_sizes = self.groups.sizes, self.groups.sdg_sizes
        out = []
        for n, (x, y, st, ss) in enumerate(zip(found.g.tolist(), found.h.tolist(), found.shared_t.tolist(),
                                               found.shared_s.tolist(), strict=True)):
            if not n % 4096:
                deadline.check()
            out.append(ProfilePair(names(x), names(y), x == y, st, ss, int(sizes[x]), int(sdg_sizes[x]),
                                   int(sizes[y]), int(sdg_sizes[y])))
        return out

    def components(self, keep: Keep) -> Components:
        """The connected components of the profile pairs `keep` accepts (`components`)."""
        return components(self, keep)

    def _group_of_rows(self, rows: np.ndarray) -> np.ndarray:
        groups = self.groups
        owner = np.repeat(np.arange(len(groups), dtype=np.int64), groups.counts)
        order = np.argsort(groups.members, kind="stable")
        return owner[order[np.searchsorted(groups.members[order], rows)]]


Keep = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
"""(Jaccard, containment of a, containment of b) of profile pairs -> which of them link their
profiles (the duplicate rule, `analysis.duplicates.duplicate_mask`)."""


@dataclass(frozen=True, slots=True)
class Components:
    """Groups of actors joined by the kept profile pairs, biggest first (then by smallest id).

    Component c holds the profiles `profiles[pbounds[c]:pbounds[c + 1]]`, `size[c]` actors, and its
    kept links' Jaccards run from `low[c]` to `high[c]` (a profile of two actors or more links to
    itself at Jaccard 1)."""

    walk: ProfileWalk
    profiles: np.ndarray
    pbounds: np.ndarray
    size: np.ndarray
    low: np.ndarray
    high: np.ndarray

    def __len__(self) -> int:
        return len(self.size)

    def members(self, c: int) -> tuple[str, ...]:
        """The ids of component c's actors, ascending."""
        groups = self.walk.groups
        gs = self.profiles[self.pbounds[c]:self.pbounds[c + 1]]
        rows = np.sort(groups.members[ragged(groups.bounds[gs], groups.counts[gs])])
        ids = self.walk.ids
        return tuple(ids[r] for r in rows.tolist())


def components(walk: ProfileWalk, keep: Keep) -> Components:
    """Connected components of the graph whose nodes are profiles and whose edges are the profile
    pairs `keep` accepts, in flat memory: the pairs are walked in blocks (`blocks`), each block's
    edges join the components found so far (a label per profile, relabelled by
    `scipy.sparse.csgraph.connected_components` over at most the block's edges), and the weakest and
    strongest link are kept per profile. No actor pair and no Python object per profile pair is made:
    at 1M actors Corse-du-Sud's 440,000 profile pairs at the duplicate floor were 4 s of Python as
    `ProfilePair`s joined one by one."""
    from scipy.sparse.csgraph import connected_components

    groups = walk.groups
    n = len(groups)
    label = np.arange(n, dtype=np.int64)
    linked = np.zeros(n, dtype=bool)
    low, high = np.full(n, np.inf), np.full(n, -np.inf)
    footprint = groups.sizes * groups.sdg_sizes
    for block in walk.blocks():
        deadline.check()
        sa, sb = footprint[block.g], footprint[block.h]
        inter = block.shared_t * block.shared_s
        ca, cb = _ratio(inter, sa), _ratio(inter, sb)
        kept = block.take(keep(block.jac, ca, cb))
        if not len(kept.g):
            continue
        linked[kept.g] = True
        linked[kept.h] = True
        np.minimum.at(low, kept.g, kept.jac)
        np.maximum.at(high, kept.g, kept.jac)
        cross = kept.g != kept.h
        if cross.any():
            edges = sp.coo_matrix((np.ones(int(cross.sum()), dtype=np.int8),
                                   (label[kept.g[cross]], label[kept.h[cross]])), shape=(n, n))
            label = connected_components(edges, directed=False)[1].astype(np.int64)[label]
    nodes = np.flatnonzero(linked)
    if not len(nodes):
        empty = np.empty(0, dtype=np.int64)
        return Components(walk, empty, np.zeros(1, dtype=np.int64), empty, np.empty(0), np.empty(0))
    roots, comp = np.unique(label[nodes], return_inverse=True)
    comp = comp.ravel()
    k = len(roots)
    size = np.zeros(k, dtype=np.int64)
    np.add.at(size, comp, groups.counts[nodes])
    first = np.full(k, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, comp, groups.first(nodes))
    lo, hi = np.full(k, np.inf), np.full(k, -np.inf)
    np.minimum.at(lo, comp, low[nodes])
    np.maximum.at(hi, comp, high[nodes])
    rank = np.empty(k, dtype=np.int64)
    rank[np.lexsort((first, -size))] = np.arange(k)  # biggest first, then the smallest id
    order = np.argsort(rank[comp], kind="stable")
    pbounds = np.searchsorted(rank[comp][order], np.arange(k + 1))
    back = np.argsort(rank)
    return Components(walk, nodes[order], pbounds, size[back], lo[back], hi[back])


def _ratio(top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    """top / bottom, 0 where bottom is 0 (as `analysis.overlap.containment`)."""
    out = np.zeros(len(top), dtype=np.float64)
    np.divide(top, bottom, out=out, where=bottom != 0)
    return out
