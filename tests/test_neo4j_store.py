"""What only the Neo4j store has to get right: schema, reference load, faults, timeouts, crashes.

The answers themselves are checked on both stores by tests/test_contract.py and test_parity.py.
These tests talk to the real test server (ECOSYSTEM_TEST_NEO4J_URI); the crash test starts its own
throwaway server with the project's server manager and kills it with SIGKILL in the middle of a load.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import neo4j
import psutil
import pytest

from ecosystem import settings
from ecosystem.errors import ConflictError, QueryTimeout, StoreUnavailable
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Dataset, Level
from ecosystem.reference import reference
from ecosystem.store.neo4j_runner import Runner
from ecosystem.store.neo4j_schema import ensure_reference, reference_version
from ecosystem.store.neo4j_store import BATCH, Neo4jStore
from ecosystem.text import normalize
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, neo4j_or_skip
from tests.factories import other_dataset, small_dataset

pytestmark = pytest.mark.neo4j

CONSTRAINTS = {"territory_id", "sdg_number", "lever_id", "actor_id", "policy_id", "alliance_id", "dataset_id"}
INDEXES = {"actor_dataset", "policy_dataset", "alliance_dataset"}


@pytest.fixture
def neo(neo4j_session_store: Neo4jStore) -> Iterator[Neo4jStore]:
    """The session's Neo4j store, without datasets before and after the test."""
    for info in neo4j_session_store.datasets():
        neo4j_session_store.remove_dataset(info.id)
    yield neo4j_session_store
    for info in neo4j_session_store.datasets():
        neo4j_session_store.remove_dataset(info.id)


def count(store: Neo4jStore, cypher: str, **params) -> int:
    return store.runner.read_text("test count", cypher, params)[0][0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(**overrides) -> Neo4jStore:
    args = {"uri": NEO4J_URI or "", "user": NEO4J_USER, "password": NEO4J_PASSWORD, "database": "neo4j",
            "timeout": 120} | overrides
    return Neo4jStore.connect(**args)


# ----------------------------------------------------------------------------- schema and reference


def test_describe_names_the_server(neo):
    info = neo.describe()
    assert (info.kind, info.location, info.database) == ("neo4j", NEO4J_URI, "neo4j")
    assert info.version.startswith("Neo4j 5.")
    assert info.label.startswith(f"neo4j {NEO4J_URI}, Neo4j 5.")


def _schema(store: Neo4jStore) -> tuple[list[str], list[str]]:
    show = store.runner.read_text
    constraints = sorted(r["name"] for r in show("constraints", "SHOW CONSTRAINTS YIELD name"))
    indexes = sorted(r["name"] for r in show("indexes", "SHOW INDEXES YIELD name"))
    return constraints, indexes


def test_schema_is_created_once_and_connecting_again_changes_nothing(neo):
    constraints, indexes = _schema(neo)
    assert set(constraints) >= CONSTRAINTS
    assert set(indexes) >= INDEXES
    again = connect()
    try:
        assert _schema(again) == (constraints, indexes)
    finally:
        again.close()


def test_reference_is_loaded_once_and_complete(neo):
    ref = reference()
    h = ref.hierarchy
    by_level = {r["level"]: r["n"] for r in neo.runner.read_text(
        "levels", "MATCH (t:Territory) RETURN t.level AS level, count(*) AS n")}
    assert by_level == {level.value: len(h.by_level[level]) for level in Level}
    assert count(neo, "MATCH (:Territory)-[r:PART_OF]->(:Territory) RETURN count(r)") == sum(
        len(t.parents) for t in h)
    assert count(neo, "MATCH (:Territory)-[r:WITHIN]->(:Territory) RETURN count(r)") == sum(
        len(h.within(t.id)) for t in h)
    assert count(neo, "MATCH (s:SDG) RETURN count(s)") == 17
    assert count(neo, "MATCH (l:Lever) RETURN count(l)") == 21
    assert neo.runner.read("reference_version")[0]["version"] == reference_version(ref)
    assert ensure_reference(neo.runner, ref) is False  # stamped: nothing to load


def test_a_new_version_of_the_reference_data_is_written_over_the_old(neo):
    """Another version of the map: edges rebuilt, actors' presence sizes recomputed, stamp renewed."""
    ref = reference()
    neo.load(small_dataset())
    neo.runner.driver.execute_query(
        "MATCH (m:EcosystemMeta {key: 'reference'}) SET m.version = 'older' "
        "WITH m MATCH (a:Actor {id: 'biodrome'}) SET a.n_commune = 0", database_="neo4j")
    within = count(neo, "MATCH (:Territory)-[r:WITHIN]->(:Territory) RETURN count(r)")
    assert ensure_reference(neo.runner, ref) is True
    assert neo.runner.read("reference_version")[0]["version"] == reference_version(ref)
    assert count(neo, "MATCH (:Territory)-[r:WITHIN]->(:Territory) RETURN count(r)") == within
    sizes = count(neo, "MATCH (a:Actor {id: 'biodrome'}) RETURN a.n_commune")
    assert sizes == reference().hierarchy.commune_count("departement:26")


@pytest.mark.parametrize("tid", ["commune:26362", "epci:200068781", "departement:26", "commune:75056"])
def test_within_edges_are_the_hierarchy_s(neo, tid):
    found = neo.runner.read_text("within", "MATCH (:Territory {id: $id})-[:WITHIN]->(c) RETURN c.id AS id",
                                 {"id": tid})
    assert sorted(r["id"] for r in found) == sorted(reference().hierarchy.within(tid))


def test_a_loaded_actor_carries_its_precomputed_values(neo):
    dataset = small_dataset()
    neo.load(dataset)
    h = reference().hierarchy
    for actor in dataset.actors:
        props = neo.runner.read_text("actor", "MATCH (a:Actor {id: $id}) RETURN properties(a) AS p",
                                     {"id": actor.id})[0]["p"]
        assert props["all_sdgs"] == list(actor.all_sdgs)
        assert props["name_norm"] == normalize(actor.name)
        assert props["dataset"] == dataset.id
        for level in Level:
            assert props[f"n_{level.value}"] == len(h.presence(actor.territories, level))


# ----------------------------------------------------------------------------- faults


def _one_line(exc: pytest.ExceptionInfo) -> str:
    message = str(exc.value)
    assert "\n" not in message
    return message


def test_unreachable_server_is_one_line_with_the_fix():
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable) as exc:
        Neo4jStore.connect(uri=uri, user="neo4j", password="whatever-password")
    message = _one_line(exc)
    assert uri in message
    assert "ecosystem neo4j start" in message and "NEO4J_URI" in message


def test_wrong_password_is_one_line_with_the_fix():
    neo4j_or_skip()
    with pytest.raises(StoreUnavailable) as exc:
        connect(password="not-the-password-" + secrets.token_hex(4))
    message = _one_line(exc)
    assert NEO4J_URI in message
    assert "NEO4J_PASSWORD" in message and "refused" in message


def test_not_a_bolt_uri_is_store_unavailable():
    with pytest.raises(StoreUnavailable, match=r"ftp://127\.0\.0\.1:1 .*NEO4J_URI"):
        Neo4jStore.connect(uri="ftp://127.0.0.1:1", user="neo4j", password="x")


def test_unknown_database_names_the_setting():
    neo4j_or_skip()
    with pytest.raises(StoreUnavailable, match="NEO4J_DATABASE") as exc:
        connect(database="nosuchdatabase")
    assert "nosuchdatabase" in _one_line(exc)


def test_routing_uri_works_on_a_single_server():
    neo4j_or_skip()
    uri = (NEO4J_URI or "").replace("bolt://", "neo4j://")
    store = connect(uri=uri)
    try:
        assert store.describe().location == uri
        communes = len(reference().hierarchy.by_level[Level.COMMUNE])
        assert store.stats().territories_by_level[0] == ("commune", communes)
    finally:
        store.close()


def test_a_slow_query_past_the_limit_raises_query_timeout(neo):
    runner = Runner(neo.runner.driver, database="neo4j", timeout=0.5, uri=NEO4J_URI or "", user=NEO4J_USER)
    slow = "UNWIND range(1, 4000000000) AS i WITH i WHERE i % 7 = 10 RETURN count(i) AS n"
    with pytest.raises(QueryTimeout) as exc:
        runner.read_text("deliberately slow", slow)
    assert "deliberately slow" in str(exc.value) and "ECOSYSTEM_QUERY_TIMEOUT" in str(exc.value)


# ----------------------------------------------------------------------------- all or nothing


class Interrupted(Exception):
    pass


def test_a_load_interrupted_midway_leaves_the_store_as_it_was(neo):
    first = generate(GeneratorSpec(actors=BATCH * 2, seed=5))
    neo.load(first)
    before = neo.dataset(first.id)
    renamed = replace(first, actors=tuple(replace(a, name=a.name + " v2") for a in first.actors))

    def interrupt(done: int, total: int) -> None:
        if done >= BATCH:  # the first batch is written inside the transaction
            raise Interrupted

    with pytest.raises(Interrupted):
        neo.load(renamed, interrupt)
    assert neo.dataset(first.id) == before

    new = Dataset("nouveau", "Nouveau", actors=tuple(replace(a, id="n-" + a.id) for a in first.actors))
    with pytest.raises(Interrupted):
        neo.load(new, interrupt)
    assert [d.id for d in neo.datasets()] == [first.id]
    assert count(neo, "MATCH (a:Actor) WHERE a.id STARTS WITH 'n-' RETURN count(a)") == 0


def test_a_conflicting_load_changes_nothing(neo):
    neo.load(small_dataset())
    thief = Dataset("voleur", "Voleur", actors=small_dataset().actors[:1] + other_dataset().actors)
    with pytest.raises(ConflictError, match="jardins-valence"):
        neo.load(thief)
    assert [d.id for d in neo.datasets()] == ["petit-drome"]
    assert count(neo, "MATCH (a:Actor) WHERE a.id IN ['crest-velo', 'crest-mairie'] RETURN count(a)") == 0


# ----------------------------------------------------------------------------- crash


class ThrowawayServer:
    """A Neo4j of its own (own folder, free port), started with the project's server manager."""

    def __init__(self, state: Path) -> None:
        from ecosystem import neo4j_server

        self.api = neo4j_server
        self.state = state
        self.port = free_port()
        self.password = "crash-" + secrets.token_hex(6)
        self.version = settings.get("ECOSYSTEM_NEO4J_VERSION") or "5.26.30"
        # the jars of the suite's own server (installed once by `ecosystem neo4j start`)
        self.lib = neo4j_server.Layout.of(settings.state_dir()).lib(self.version)

    def start(self) -> int:
        status = self.api.start(self.state, port=self.port, heap="768m", pagecache="64m",
                                version=self.version, password=self.password,
                                java=settings.get("ECOSYSTEM_JAVA"), lib_dir=self.lib)
        assert status.pid is not None
        return status.pid

    def kill(self, pid: int) -> None:
        os.kill(pid, signal.SIGKILL)
        psutil.Process(pid).wait(timeout=60)  # a killed process is gone at once; this only reaps it

    def stop(self) -> None:
        self.api.stop(self.state)

    def store(self) -> Neo4jStore:
        return Neo4jStore.connect(uri=f"bolt://127.0.0.1:{self.port}", user="neo4j", password=self.password,
                                  timeout=300)


def test_sigkill_in_the_middle_of_a_load_leaves_all_or_nothing(tmp_path):
    neo4j_or_skip()  # runs where the suite's own server runs, with its jars
    server = ThrowawayServer(tmp_path / "state")
    dataset = generate(GeneratorSpec(actors=BATCH * 5, seed=11))
    expected = sorted(a.id for a in dataset.actors)
    pid = server.start()
    try:
        store = server.store()

        def kill_midway(done: int, total: int) -> None:
            if done >= 2 * BATCH and done < total:  # two batches are in the open transaction
                server.kill(pid)

        with pytest.raises(StoreUnavailable):
            store.load(dataset, kill_midway)
        store.close()

        # After recovery: none of it, and the reference data is intact.
        pid = server.start()
        store = server.store()
        assert store.datasets() == []
        assert count(store, "MATCH (a:Actor) RETURN count(a)") == 0
        assert count(store, "MATCH (t:Territory) RETURN count(t)") == len(reference().hierarchy)
        assert store.load(dataset).status == "loaded"

        # Killed right after the commit: all of it, and loading again is a no-op.
        server.kill(pid)
        store.close()
        pid = server.start()
        store = server.store()
        assert [d.id for d in store.datasets()] == [dataset.id]
        assert sorted(a.id for a in store.dataset(dataset.id).actors) == expected
        assert store.load(dataset).status == "unchanged"
        assert count(store, "MATCH (a:Actor) RETURN count(a)") == len(dataset.actors)
        store.close()
    finally:
        server.stop()


def test_driver_passed_in_is_left_open(neo):
    driver = neo4j.GraphDatabase.driver(NEO4J_URI or "", auth=(NEO4J_USER, NEO4J_PASSWORD))
    store = Neo4jStore(driver, uri=NEO4J_URI or "")
    store.close()
    driver.verify_connectivity()  # still usable: whoever created it closes it
    driver.close()
