"""The Neo4j store pairs a territory's actors in Python (`store/neo4j/pairing.py`) over what one query
fetches; here the same rows are taken from an embedded store holding a generated dataset, and the
pairing's answers must equal the embedded store's own for every question of the contract (pairs with
and without a limit, the total, profile pairs), at several levels, floors and kinds. The contract
suite checks the Neo4j store end to end on hand-made data; this checks the arithmetic on thousands
of actors with ties, nationwide actors and multi-territory ones."""

from __future__ import annotations

from dataclasses import astuple

import pytest

from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.store.base import ProfilePair
from ecosystem.store.memory.store import MemoryStore
from ecosystem.store.neo4j import pairing


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> MemoryStore:
    store = MemoryStore(tmp_path_factory.mktemp("pairing") / "embedded")
    store.load(generate(GeneratorSpec(actors=4000, seed=5, scope="region:84")))
    return store


def _fetched(store: MemoryStore, territory: str) -> pairing.Fetched:
    """What pair_projection.cypher returns: the active actors present in `territory`."""
    ids = store.actors_in([territory])
    return pairing.Fetched.of([(a.id, a.kind.value, a.territories, a.all_sdgs) for a in store.actors(ids)])


CASES = [("departement:26", Level.COMMUNE, 0.0, False), ("departement:26", Level.COMMUNE, 0.5, True),
         ("commune:26362", Level.COMMUNE, 0.2, False), ("departement:38", Level.DEPARTEMENT, 0.25, True),
         ("region:84", Level.EPCI, 0.5, False)]


@pytest.mark.parametrize(("territory", "level", "floor", "same_kind"), CASES)
def test_pairing_answers_as_the_embedded_store(embedded: MemoryStore, territory: str, level: Level,
                                               floor: float, same_kind: bool) -> None:
    fetched = _fetched(embedded, territory)
    groups = pairing.group_pairs(fetched, reference().hierarchy, level, floor, same_kind)
    assert groups.total() == embedded.overlap_pair_total(territory, level, floor, same_kind)
    assert groups.total() > 0  # the case asks something real
    for limit in (1, 7, 500):
        assert groups.pairs(limit) == embedded.overlap_pairs(territory, level, floor, same_kind, limit)
    if groups.total() < 200_000:
        assert groups.pairs() == embedded.overlap_pairs(territory, level, floor, same_kind)
    def key(p: ProfilePair) -> tuple:
        return astuple(p)

    mine = sorted(groups.profile_pairs(), key=key)
    assert mine == sorted(embedded.overlap_profile_pairs(territory, level, floor, same_kind), key=key)


def test_nobody_there_pairs_nothing(embedded: MemoryStore) -> None:
    groups = pairing.group_pairs(pairing.Fetched.of([]), reference().hierarchy, Level.COMMUNE, 0.0, False)
    assert (groups.total(), groups.pairs(), groups.pairs(5), groups.profile_pairs()) == (0, [], [], [])
