"""`Store.actor_outlines` and the two big questions that read them instead of whole actors.

At 1M actors on Neo4j, a grouped map (16,661 actors) and a département's duplicate groups (10,600
listed actors) read every actor whole (`store.actors`, ~25 properties each) for a few fields: most
of a cold call's time (docs/benchmarks.md, "Neo4j questions at 1M actors"). These tests run on both
stores (the `store` fixture: embedded, and a real Neo4j over Bolt) and fail on the code before:
the questions must answer as before with `store.actors` forbidden, and the outlines must be exactly
the whole actors' fields.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from ecosystem.analysis.overlap import duplicate_listing
from ecosystem.datasets.reader import read_dataset
from ecosystem.model import Actor, ActorKind
from ecosystem.store.base import ActorOutline, Store
from ecosystem.ui.context import DEMO_DIR
from ecosystem.ui.map import MapSelection, build_map
from ecosystem.ui.map.grouped import grouped_map
from ecosystem.ui.map.questions import ask_actors, ask_scene
from tests.factories import small_dataset

DEMO = read_dataset(DEMO_DIR)
ACTIVE = sorted(a.id for a in small_dataset().actors if a.active)
GROUPED = {
    "by territory": (MapSelection(territory="departement:26"), 25),
    "by kind": (MapSelection(group_by="kind"), 12),
    "with SDG nodes": (MapSelection(show_sdgs=True, territory="departement:26"), 40),
    # the members of an alliance: found by id, their outlines asked by id (`ask_outlines`)
    "an alliance's members": (MapSelection(alliances=(DEMO.alliances[0].id,), group_by="kind"), 2),
}


def _forbid_whole_actors(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(ids: Iterable[str]) -> list[Actor]:
        raise AssertionError(f"whole actors read: {sorted(ids)[:3]}…")

    monkeypatch.setattr(store, "actors", refused)


def test_outlines_are_the_actors_fields_sorted_by_id(store: Store) -> None:
    dataset = small_dataset()
    store.load(dataset)
    wanted = ["romans-repair", "nobody", "ancienne-asso", "biodrome", "biodrome"]
    found = store.actor_outlines(iter(wanted))
    expected = sorted((a for a in dataset.actors if a.id in wanted), key=lambda a: a.id)
    assert found == [ActorOutline.of(a) for a in expected]  # the inactive one too, the unknown skipped
    romans = found[2]
    assert 13 in romans.all_sdgs and 13 not in next(a for a in expected if a.id == romans.id).sdgs  # inferred
    assert store.actor_outlines([]) == []
    assert store.actor_outlines(a.id for a in dataset.actors) == [ActorOutline.of(a) for a in
                                                                   sorted(dataset.actors, key=lambda a: a.id)]


def test_outlines_in_are_the_outlines_of_actors_in(store: Store) -> None:
    dataset = small_dataset()
    store.load(dataset)
    for args in ((["departement:26"],), (["epci:200068781"], None, [11]), ([],),
                 ([], [ActorKind.ASSOCIATION], None), (["commune:26362"], [ActorKind.COLLECTIVITE], [2, 13])):
        ids = store.actors_in(*args)
        assert store.actor_outlines_in(*args) == store.actor_outlines(ids), args
    assert [o.id for o in store.actor_outlines_in([])] == ACTIVE  # the inactive one left out


@pytest.mark.parametrize("case", sorted(GROUPED))
def test_a_grouped_map_reads_outlines_not_whole_actors(store: Store, case: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    store.load(DEMO)
    selection, budget = GROUPED[case]
    scene = ask_scene(store, selection, "fr")
    # the map as drawn from whole actors, which is what build_map did before outlines
    expected = grouped_map(selection, scene, ask_actors(store, scene.actor_ids), "fr", budget)
    assert expected.grouped and expected.actors > budget
    _forbid_whole_actors(store, monkeypatch)
    assert build_map(store, selection, "fr", budget) == expected


def test_duplicate_groups_name_their_actors_from_outlines(store: Store,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store.load(DEMO)
    whole = {a.id: a for a in store.actors(store.actors_in(["departement:26"]))}
    _forbid_whole_actors(store, monkeypatch)
    listing = duplicate_listing(store, "departement:26", lang="fr")
    assert listing.total >= 2 and listing.items
    for group in listing.items:
        assert group.names == tuple(whole[i].name for i in group.actors)
        assert group.kind == whole[group.actors[0]].kind
        assert group.shared_sdgs == tuple(sorted(set.intersection(*(set(whole[i].all_sdgs)
                                                                     for i in group.actors))))
