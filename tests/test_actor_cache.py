"""The actors a Neo4j store keeps between reads (`store/neo4j/record_cache.py`): each read asks the
server only for the actors not kept, and a write by anyone (another connection here) makes the next
read answer with the written data. Against the real local Neo4j."""

from __future__ import annotations

import pytest

from ecosystem.store.neo4j import record_cache
from ecosystem.store.neo4j.record_cache import ActorCache
from ecosystem.store.neo4j.store import Neo4jStore
from tests.factories import small_dataset, with_actor_renamed
from tests.test_neo4j_store import connect

pytestmark = pytest.mark.neo4j


def counting(store: Neo4jStore, asked: list[list[str]], limit: int = record_cache.KEPT_LIMIT) -> ActorCache:
    """A cache on the store's runner that notes the ids each read asks the server for."""
    read = record_cache.reader(store.runner)

    def noted(ids: list[str]) -> tuple[str, list[dict]]:
        asked.append(list(ids))
        return read(ids)
    return ActorCache(noted, limit)


def test_a_second_read_asks_only_for_the_actors_not_kept(neo: Neo4jStore) -> None:
    dataset = small_dataset()
    neo.load(dataset)
    ids = [a.id for a in dataset.actors]
    asked: list[list[str]] = []
    cache = counting(neo, asked)
    first = cache.actors([*ids[:3], "nobody"])
    again = cache.actors(ids)
    assert [a.id for a in first] == sorted(ids[:3])
    assert again == sorted(dataset.actors, key=lambda a: a.id) == neo.actors(ids)
    assert asked == [sorted([*ids[:3], "nobody"]), sorted(ids[3:])]
    assert cache.actors(["nobody"]) == [] and asked[-1] == []  # known absent: nothing asked


def test_a_write_from_another_connection_is_seen_by_the_next_read(neo: Neo4jStore) -> None:
    dataset = small_dataset()
    neo.load(dataset)
    actor = dataset.actors[0]
    assert neo.actors([actor.id])[0].name == actor.name  # now kept
    other = connect()
    try:
        other.load(with_actor_renamed(dataset, actor.id, "Nouveau nom"))
    finally:
        other.close()
    assert neo.actors([actor.id])[0].name == "Nouveau nom"
    neo.remove_dataset(dataset.id)
    assert neo.actors([actor.id]) == []


def test_past_its_limit_the_cache_starts_again_and_still_answers_everything(neo: Neo4jStore) -> None:
    dataset = small_dataset()
    neo.load(dataset)
    ids = sorted(a.id for a in dataset.actors)
    asked: list[list[str]] = []
    cache = counting(neo, asked, limit=2)
    assert [a.id for a in cache.actors(ids[:2])] == ids[:2]
    assert [a.id for a in cache.actors(ids)] == ids  # the two kept are served, the rest read
    assert asked == [ids[:2], ids[2:]]
