"""Duplicate groups joined from profile pairs as arrays (issue 17, item 2).

At 1M actors, Corse-du-Sud's 8,707 national actors share every commune and pair by their SDG sets
alone: 440,000 profile pairs at the duplicate floor, which `duplicate_listing` used to receive as
`ProfilePair` objects and join one by one (4 s of Python, 660 MiB). Both stores now hand it a walk
of the profile pairs in blocks (`store/memory/pairs.py`, `ProfileWalk.components`). Checked here,
without Neo4j (the Neo4j store's pairing runs on the rows its one fetch returns, as in
tests/test_neo4j_pairing.py; tests/test_neo4j_questions.py compares the stores end to end):

- the groups equal an oracle written from the definition, pair by pair over the actors, on a
  territory full of identical national profiles, on both stores' pairing and whatever the block size;
- no `ProfilePair` is made on the way, and the memory stays flat;
- the vectorised duplicate rule answers as `is_duplicate`, thresholds included.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import random
import tracemalloc
from collections.abc import Iterable
from typing import Any

import numpy as np
import pytest

from ecosystem.analysis.duplicates import duplicate_mask, is_duplicate
from ecosystem.analysis.overlap import containment, duplicate_components, duplicate_listing
from ecosystem.analysis.thresholds import (
    DUPLICATE_INCLUDED_MIN_JACCARD,
    DUPLICATE_MIN_CONTAINMENT,
    DUPLICATE_MIN_JACCARD,
)
from ecosystem.model import Actor, ActorKind, Dataset, Level
from ecosystem.reference import reference
from ecosystem.store import base
from ecosystem.store.base import ActorOutline, jaccard
from ecosystem.store.memory import MemoryStore
from ecosystem.store.neo4j import pairing

AJACCIO_AREA = "departement:2A"
COMMUNES = ("commune:2A004", "commune:2A247", "commune:2A272")  # Ajaccio, Porto-Vecchio, Sartène
KINDS = (ActorKind.ASSOCIATION, ActorKind.FONDATION, ActorKind.ENTREPRISE)
C = Level.COMMUNE


def corsica(national: int = 450, local: int = 150, seed: int = 7,
            pool: tuple[int, ...] = (1, 2, 3, 4, 5, 11, 13, 17)) -> tuple[Actor, ...]:
    """Many national actors (one place, SDG sets of 1 to 4 drawn from `pool`: many identical
    profiles and many profile pairs), a few département-wide ones and communes' own, and some
    actors elsewhere that no answer may count."""
    rng = random.Random(seed)

    def sdgs() -> tuple[int, ...]:
        return tuple(sorted(rng.sample(pool, rng.randint(1, 4))))

    actors = [Actor(f"n-{i:04d}", f"National {i}", KINDS[i % 3], ("pays:FR",), sdgs())
              for i in range(national)]
    places = ((AJACCIO_AREA,), *((c,) for c in COMMUNES), COMMUNES[:2])
    actors += [Actor(f"l-{i:04d}", f"Local {i}", KINDS[i % 3], places[i % len(places)], sdgs())
               for i in range(local)]
    actors += [Actor(f"x-{i}", f"Ailleurs {i}", KINDS[0], ("departement:26",), (1, 2)) for i in range(10)]
    return tuple(actors)


class FetchedStore:
    """The Neo4j store after its one fetch (`pair_projection.cypher`): its own pairing over the rows
    of the actors present, the listed actors read from memory."""

    def __init__(self, actors: Iterable[Actor], territory: str) -> None:
        h = reference().hierarchy
        inside = h.project(territory, C)
        present = [a for a in actors if a.active and h.presence(a.territories, C) & inside]
        self._by_id = {a.id: a for a in present}
        self.fetched = pairing.Fetched.of([(a.id, a.kind.value, a.territories, a.all_sdgs) for a in present])
        self.block = pairing.group_pairs(self.fetched, h, C, 0.0, False).block
        columns = list(zip(*((a.id, a.name, a.kind.value, a.territories, a.all_sdgs)
                             for a in sorted(present, key=lambda a: a.id)), strict=True))
        self.outlines = pairing.FetchedOutlines(*columns)

    def overlap_profile_walk(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                             same_kind: bool = False) -> Any:
        walk = pairing.group_pairs(self.fetched, reference().hierarchy, level, min_jaccard, same_kind,
                                   self.outlines)
        return dataclasses.replace(walk, block=self.block)

    def actors(self, ids: Iterable[str]) -> list[Actor]:
        return sorted((self._by_id[i] for i in set(ids) if i in self._by_id), key=lambda a: a.id)

    def actor_outlines(self, ids: Iterable[str]) -> list[ActorOutline]:
        raise AssertionError("the fetch carried the outlines: no read by id")


@functools.cache
def scored(actors: tuple[Actor, ...], territory: str) -> tuple[tuple[str, str, float, float, float], ...]:
    """(a, b, Jaccard, containment of a, containment of b) of every same-kind actor pair present in
    the territory whose footprints meet, one by one from the definition (F = P x S); the shared
    places of two territory lists are counted once (there are a few lists and 35,000 communes)."""
    h = reference().hierarchy
    inside = h.project(territory, C)
    present = [a for a in actors if a.active and h.presence(a.territories, C) & inside]
    presence = {a.territories: h.presence(a.territories, C) for a in present}
    shared: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    out = []
    for a, b in itertools.combinations(present, 2):
        if a.kind != b.kind:
            continue
        key = (a.territories, b.territories)
        if key not in shared:
            shared[key] = len(presence[a.territories] & presence[b.territories])
        sa, sb = set(a.all_sdgs), set(b.all_sdgs)
        st, ss = shared[key], len(sa & sb)
        if not st or not ss:
            continue
        ta, tb = len(presence[a.territories]), len(presence[b.territories])
        out.append((a.id, b.id, jaccard(st, ss, ta, len(sa), tb, len(sb)), containment(st, ss, ta, len(sa)),
                    containment(st, ss, tb, len(sb))))
    return tuple(out)


def oracle(actors: tuple[Actor, ...], territory: str, min_jaccard: float = DUPLICATE_MIN_JACCARD,
           ) -> list[tuple[tuple[str, ...], float, float]]:
    """(members, weakest link, strongest link) of each duplicate group, biggest first: the pairs of
    `scored` that `is_duplicate` keeps, joined into groups."""
    links = [(a, b, jac) for a, b, jac, ca, cb in scored(actors, territory)
             if is_duplicate(jac, ca, cb, min_jaccard=min_jaccard)]
    groups = duplicate_components((a, b) for a, b, _ in links)
    where = {i: n for n, g in enumerate(groups) for i in g}
    weights: dict[int, list[float]] = {}
    for a, _, jac in links:
        weights.setdefault(where[a], []).append(jac)
    return [(g, min(weights[n]), max(weights[n])) for n, g in enumerate(groups)]


ACTORS = corsica()


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> MemoryStore:
    store = MemoryStore(tmp_path_factory.mktemp("groups") / "embedded")
    store.load(Dataset("corse", "Corse", actors=ACTORS))
    return store


def _summary(listing: Any) -> list[tuple[tuple[str, ...], float, float]]:
    return [(g.actors, g.min_jaccard, g.max_jaccard) for g in listing.items]


@pytest.mark.parametrize("min_jaccard", [DUPLICATE_MIN_JACCARD, 0.3, 0.9])
def test_groups_are_the_oracles_on_both_stores(embedded: MemoryStore, min_jaccard: float) -> None:
    expected = oracle(ACTORS, AJACCIO_AREA, min_jaccard)
    assert len(expected) > 3 and len(expected[0][0]) > 50  # big groups, and several
    neo = FetchedStore(ACTORS, AJACCIO_AREA)
    for store in (embedded, neo):
        found = duplicate_listing(store, AJACCIO_AREA, C, min_jaccard=min_jaccard, limit=None)
        assert _summary(found) == expected
        assert found.total == len(expected)
    assert (duplicate_listing(neo, AJACCIO_AREA, C, min_jaccard=min_jaccard)
            == duplicate_listing(embedded, AJACCIO_AREA, C, min_jaccard=min_jaccard))


@pytest.mark.parametrize("block", [1, 97, 5000])
def test_groups_do_not_depend_on_the_block_size(embedded: MemoryStore, block: int) -> None:
    """Components joined across many blocks (one candidate pair per block at the smallest)."""
    neo = FetchedStore(ACTORS, AJACCIO_AREA)
    neo.block = block
    assert _summary(duplicate_listing(neo, AJACCIO_AREA, C, limit=None)) == oracle(ACTORS, AJACCIO_AREA)


def test_a_cut_listing_keeps_the_biggest_and_counts_the_others(embedded: MemoryStore) -> None:
    expected = oracle(ACTORS, AJACCIO_AREA)
    found = duplicate_listing(embedded, AJACCIO_AREA, C, limit=2)
    assert _summary(found) == expected[:2]
    assert (found.total, found.more) == (len(expected), len(expected) - 2)
    assert duplicate_listing(embedded, AJACCIO_AREA, C, limit=0).items == ()


def test_no_profile_pair_is_made(embedded: MemoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The groups come from arrays: not one Python object per profile pair (there are thousands)."""
    made = []
    real = base.ProfilePair.__init__

    def counted(self: base.ProfilePair, *args: Any, **kwargs: Any) -> None:
        made.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(base.ProfilePair, "__init__", counted)
    assert len(embedded.overlap_profile_pairs(AJACCIO_AREA, C, 0.2, True)) > 5000  # what there is
    made.clear()
    for store in (embedded, FetchedStore(ACTORS, AJACCIO_AREA)):
        assert duplicate_listing(store, AJACCIO_AREA, C).total > 0
    assert made == []


def test_memory_stays_flat() -> None:
    """3,000 national actors on any SDG sets of 1 to 4 (4,000 present): 140,000 profile pairs at
    the duplicate floor. Made into `ProfilePair`s and joined one by one they peaked at 202 MiB; the
    walk's blocks (at most `pairs.BLOCK` candidates at a time) at 46 MiB."""
    actors = corsica(national=3000, local=1000, seed=11, pool=tuple(range(1, 18)))
    neo = FetchedStore(actors, AJACCIO_AREA)
    duplicate_listing(neo, AJACCIO_AREA, C)  # imports and caches out of the measure
    tracemalloc.start()
    try:
        found = duplicate_listing(neo, AJACCIO_AREA, C)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found.total > 0
    assert peak < 100 * 2**20, f"{peak / 2**20:.1f} MiB"


def test_the_vectorised_rule_is_the_rule() -> None:
    eps = 1e-10
    marks = (0.0, DUPLICATE_INCLUDED_MIN_JACCARD, DUPLICATE_MIN_JACCARD, DUPLICATE_MIN_CONTAINMENT, 1.0)
    values = sorted({min(max(m + d, 0.0), 1.0) for m in marks for d in (-1e-8, -eps, 0.0, eps, 1e-8)}
                    | {0.1, 0.3, 0.45, 0.7, 0.9})
    grid = np.array(list(itertools.product(values, repeat=3)))
    for floor in (DUPLICATE_MIN_JACCARD, 0.3, 0.9):
        expected = [is_duplicate(j, a, b, min_jaccard=floor) for j, a, b in grid.tolist()]
        assert duplicate_mask(grid[:, 0], grid[:, 1], grid[:, 2], min_jaccard=floor).tolist() == expected
