"""The best actor pairs from overlap_pairs.cypher's rows, made without making every pair.

Each row is a pair of *profiles* and stands for every actor pair between their members (or inside
one profile): a commune of 137,000 look-alike actors returns a few hundred rows standing for tens of
millions of pairs tied at Jaccard 1. Expanding them all before cutting at the limit never answered.
Here rows are taken by Jaccard, best first; the rows of a Jaccard that does not fit whole under the
limit are merged lazily in (a, b) order, each yielding its own pairs in that order, so at most
`limit` pairs are ever made. The loops check the question's deadline (`ecosystem.deadline`).
"""

from __future__ import annotations

import bisect
import heapq
import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from ecosystem import deadline
from ecosystem.store.base import PairCount

Row = Any  # a neo4j.Record of overlap_pairs.cypher (or a dict with the same keys)


def pair_count(r: Row) -> int:
    """How many actor pairs a row stands for."""
    n, m = len(r["members_a"]), len(r["members_b"])
    return n * (n - 1) // 2 if r["same"] else n * m


def ordered_pairs(r: Row) -> Iterator[tuple[str, str]]:
    """The row's actor pairs (a < b) in (a, b) order, made one at a time."""
    if r["same"]:
        yield from itertools.combinations(sorted(r["members_a"]), 2)
        return
    a, b = sorted(r["members_a"]), sorted(r["members_b"])
    firsts = sorted([(x, b) for x in a] + [(y, a) for y in b])
    for first, other in firsts:  # partners of each actor: the other profile's members after it
        for partner in other[bisect.bisect_right(other, first):]:
            yield first, partner


def pair_of(r: Row, side_a: frozenset[str], a: str, b: str) -> PairCount:
    """The PairCount of one actor pair of a row; `side_a` = the row's members_a (the figures
    territories_a, sdgs_a are theirs)."""
    counts = (r["territories_a"], r["sdgs_a"], r["territories_b"], r["sdgs_b"])
    swapped = not r["same"] and a not in side_a
    ta, sa, tb, sb = (counts[2], counts[3], counts[0], counts[1]) if swapped else counts
    return PairCount(a, b, r["shared_territories"], r["shared_sdgs"], ta, sa, tb, sb)


def _tagged(r: Row, k: int) -> Iterator[tuple[str, str, int]]:
    """The row's pairs, each tagged with the row's index (a function, so that each keeps its own k)."""
    for a, b in ordered_pairs(r):
        yield a, b, k


def best(rows: Sequence[Row], limit: int | None) -> list[PairCount]:
    """The best `limit` pairs (all with None) of these rows: Jaccard descending, then (a, b)."""
    out: list[PairCount] = []
    ranked = sorted(rows, key=lambda r: -r["jaccard"])
    for _, tied_rows in itertools.groupby(ranked, key=lambda r: r["jaccard"]):
        deadline.check()
        same_j = list(tied_rows)
        left = None if limit is None else limit - len(out)
        if left is not None and left <= 0:
            break
        if left is None or sum(pair_count(r) for r in same_j) <= left:
            made = [(a, b, k) for k, r in enumerate(same_j) for a, b in ordered_pairs(r)]
            made.sort()
        else:  # the cut falls among these: merge their pairs in order, stop at the limit
            streams = [_tagged(r, k) for k, r in enumerate(same_j)]
            made = list(itertools.islice(heapq.merge(*streams), left))
        sides = [frozenset() if r["same"] else frozenset(r["members_a"]) for r in same_j]
        for n, (a, b, k) in enumerate(made):
            if not n % 65536:
                deadline.check()
            out.append(pair_of(same_j[k], sides[k], a, b))
    return out
