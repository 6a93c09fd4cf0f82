"""A first load on Neo4j is checked while it is staged (ecosystem/store/neo4j/load.py, `Loader._first`):
the check's error is the one raised, whatever the staging did meanwhile; the staging stops once the
check has failed; nothing of a wrong dataset stays in the database; a right one is recorded with the
checksum and digests a whole check would have given (what the next load compares)."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from ecosystem.datasets import difference
from ecosystem.errors import DatasetInvalid
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Dataset, Membership
from ecosystem.reference import reference
from ecosystem.store.integrity import check_dataset
from ecosystem.store.neo4j.load import Batch, Loader
from tests.test_neo4j_store import assert_no_garbage, count, records

pytestmark = pytest.mark.neo4j


def _expected_error(dataset: Dataset) -> DatasetInvalid:
    with pytest.raises(DatasetInvalid) as caught:
        check_dataset(dataset, reference())
    return caught.value


def _unknown_territory_last(dataset: Dataset) -> Dataset:
    """The last actor acts in a commune that does not exist: building its row fails too (its presence
    sizes are read from the hierarchy), after every other batch."""
    last = replace(dataset.actors[-1], territories=("commune:00000",))
    return replace(dataset, actors=(*dataset.actors[:-1], last))


def _broken(dataset: Dataset, what: str) -> Dataset:
    if what == "territory":
        return _unknown_territory_last(dataset)
    if what == "duplicate":  # staged without complaint: only the check sees it
        return replace(dataset, actors=(*dataset.actors, replace(dataset.actors[0], name="Doublon")))
    if what == "member":
        ghost = Membership("fantome", dataset.actors[0].id)
        return replace(dataset, memberships=(*dataset.memberships, ghost))
    raise AssertionError(what)


@pytest.mark.parametrize("what", ["territory", "duplicate", "member"])
def test_a_wrong_first_load_raises_the_check_s_error_and_leaves_nothing(neo, what):
    dataset = _broken(generate(GeneratorSpec(actors=300, seed=8)), what)
    expected = _expected_error(dataset)
    with pytest.raises(DatasetInvalid) as caught:
        neo.load(dataset)
    assert caught.value.text("fr") == expected.text("fr")
    assert caught.value.text("en") == expected.text("en")
    assert neo.datasets() == []
    assert records(neo) == 0
    assert_no_garbage(neo)


class _Counted(Loader):
    """A loader whose first write waits for the check's verdict: the check has then failed while the
    staging was under way, whatever the machine's speed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.writes = 0
        self._lock = threading.Lock()

    def write(self, batch: Batch, token: str):
        with self._lock:
            self.writes += 1
        verdict = self._verdict
        assert verdict is not None
        verdict.exception()  # waits for the check to end (a failure here)
        return super().write(batch, token)


def test_the_staging_of_a_wrong_first_load_stops_once_its_check_has_failed(neo):
    dataset = _unknown_territory_last(generate(GeneratorSpec(actors=2000, seed=9)))
    loader = _Counted(neo.load_runner, reference(), dataset, None, batch=20)
    batches = -(-len(dataset.actors) // 20)
    with pytest.raises(DatasetInvalid):
        loader.run()
    assert loader.writes <= loader.writers + 1 < batches
    assert neo.datasets() == []
    assert_no_garbage(neo)


def test_a_first_load_records_the_checksum_and_digests_a_whole_check_gives(neo):
    dataset = generate(GeneratorSpec(actors=500, seed=10))
    assert neo.load(dataset).status == "loaded"
    assert [d.checksum for d in neo.datasets()] == [dataset.checksum()]
    live = neo.runner.read("dataset_state", dataset=dataset.id)[0]["live"]
    stored = {r["kind"]: dict(zip(r["ids"], r["digests"], strict=True))
              for r in neo.runner.read("difference_digests", version=live)}
    assert stored == difference.digests(dataset)
    assert count(neo, "MATCH (a:Actor) RETURN count(a)") == len(dataset.actors)
    assert neo.load(dataset).status == "unchanged"
