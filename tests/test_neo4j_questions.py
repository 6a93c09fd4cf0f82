"""The Neo4j store's fast paths for the big questions answer exactly as the embedded store, on a
generated dataset with nationwide and régional actors (many ties, as at 1M actors):

- top overlaps of a wide subject (national, régional) from the actors indexed on n_commune
  (`store/neo4j/wide.py`), with limits, exclusions and ties at the cut;
- pairs and duplicate groups of a département paired in Python (`store/neo4j/pairing.py`);
- the questions whose queries now answer in one record (actors, co-presence, actors in a territory).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from ecosystem.analysis.overlap import duplicate_listing, pair_listing, top_overlaps
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.store.base import Store
from ecosystem.store.memory import MemoryStore
from ecosystem.store.neo4j import wide

pytestmark = pytest.mark.neo4j

DATASET = generate(GeneratorSpec(actors=6000, seed=3))
NATIONAL = sorted(a.id for a in DATASET.actors if a.active and a.all_sdgs and a.territories == ("pays:FR",))
REGIONAL = sorted(a.id for a in DATASET.actors
                  if a.active and a.all_sdgs and len(a.territories) == 1
                  and a.territories[0].startswith("region:")
                  and wide.is_wide(reference().hierarchy, a.territories))


@pytest.fixture(scope="module")
def stores(neo4j_session_store: Store) -> tuple[Store, Store]:
    for info in neo4j_session_store.datasets():
        neo4j_session_store.remove_dataset(info.id)
    neo4j_session_store.load(DATASET)
    with tempfile.TemporaryDirectory() as folder:
        embedded = MemoryStore(Path(folder) / "embedded", reference())
        embedded.load(DATASET)
        yield neo4j_session_store, embedded
    for info in neo4j_session_store.datasets():
        neo4j_session_store.remove_dataset(info.id)


def test_the_dataset_has_wide_actors() -> None:
    assert len(NATIONAL) >= 20 and len(REGIONAL) >= 20


@pytest.mark.parametrize("limit", [1, 10, 60, None])
def test_top_overlaps_of_wide_actors(stores: tuple[Store, Store], limit: int | None) -> None:
    neo, embedded = stores
    by_id = {a.id: a for a in DATASET.actors}
    for actor_id in NATIONAL[:6] + REGIONAL[:6]:
        a = by_id[actor_id]
        for level in (Level.COMMUNE, Level.DEPARTEMENT):
            args = (a.territories, a.all_sdgs, level)
            assert (neo.overlap_counts(*args, exclude=[a.id], limit=limit)
                    == embedded.overlap_counts(*args, exclude=[a.id], limit=limit)), (actor_id, level)
        if limit is not None:
            assert top_overlaps(neo, a.id, k=limit) == top_overlaps(embedded, a.id, k=limit)


def test_the_wide_path_answers_a_national_actor(stores: tuple[Store, Store]) -> None:
    """Not the walk's fallback: the candidates of the first floors hold the answer."""
    neo, _ = stores
    a = next(x for x in DATASET.actors if x.id == NATIONAL[0])
    found = wide.best_overlaps(neo.runner, reference().hierarchy, a.territories, sorted(set(a.all_sdgs)),
                               Level.COMMUNE, {a.id}, 10)
    assert len(found) == 10
    assert found == neo.overlap_counts(a.territories, a.all_sdgs, Level.COMMUNE, exclude=[a.id], limit=10)


def test_a_subject_of_a_few_communes_is_not_wide() -> None:
    assert not wide.is_wide(reference().hierarchy, ["departement:26"])
    assert wide.is_wide(reference().hierarchy, ["pays:FR"])


@pytest.mark.parametrize("territory", ["departement:26", "departement:2A", "region:84"])
def test_pairs_and_duplicates_of_a_territory(stores: tuple[Store, Store], territory: str) -> None:
    neo, embedded = stores
    assert pair_listing(neo, territory, min_jaccard=0.5) == pair_listing(embedded, territory, min_jaccard=0.5)
    assert pair_listing(neo, territory, limit=50) == pair_listing(embedded, territory, limit=50)
    assert duplicate_listing(neo, territory) == duplicate_listing(embedded, territory)
    assert neo.overlap_pair_total(territory, Level.COMMUNE) > 0


def test_lists_read_in_one_record(stores: tuple[Store, Store]) -> None:
    neo, embedded = stores
    ids = [a.id for a in DATASET.actors[::7]] + ["nobody"]
    assert neo.actors(ids) == embedded.actors(ids)
    assert neo.actors([]) == [] and neo.policies([]) == [] and neo.alliances([]) == []
    assert neo.actors_in(["departement:26"]) == embedded.actors_in(["departement:26"])
    assert neo.actors_in([]) == embedded.actors_in([])
    for territories in (["commune:26362"], ["departement:26", "commune:75056"]):
        assert (neo.copresent(territories, Level.COMMUNE, limit=300)
                == embedded.copresent(territories, Level.COMMUNE, limit=300))
    assert neo.copresent(["commune:26362"], Level.EPCI) == embedded.copresent(["commune:26362"], Level.EPCI)


def test_outlines_and_the_grouped_map_they_draw(stores: tuple[Store, Store]) -> None:
    """Outlines of thousands of actors (national ones among them) in one record; the grouped map of
    a département drawn from them, the same on both stores and the same as from whole actors."""
    from ecosystem.store.base import ActorOutline
    from ecosystem.ui.map import MapSelection, build_map
    from ecosystem.ui.map.grouped import grouped_map
    from ecosystem.ui.map.questions import ask_actors, ask_scene

    neo, embedded = stores
    ids = [a.id for a in DATASET.actors] + ["nobody"]
    outlines = neo.actor_outlines(ids)
    assert outlines == embedded.actor_outlines(ids) == [ActorOutline.of(a) for a in neo.actors(ids)]
    assert len(outlines) == len(DATASET.actors)
    selections = (MapSelection(territory="departement:26", show_sdgs=True), MapSelection(),
                  MapSelection(group_by="kind"))
    for selection in selections:
        scene = ask_scene(neo, selection, "fr")
        drawn = build_map(neo, selection, "fr", budget=50)
        assert drawn.grouped and drawn == build_map(embedded, selection, "fr", budget=50)
        assert drawn == grouped_map(selection, scene, ask_actors(neo, scene.actor_ids), "fr", 50)
