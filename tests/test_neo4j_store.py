"""What only the Neo4j store has to get right: schema, reference load, faults, timeouts, staged loads
(versions invisible until their switch, garbage collection, leases, layout migration), crashes.

The answers themselves are checked on both stores by tests/test_contract.py and test_parity.py.
These tests talk to the real test server (ECOSYSTEM_TEST_NEO4J_URI); the crash test starts its own
throwaway server with the project's server manager and kills it with SIGKILL at each step of a load.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
from dataclasses import replace
from datetime import date
from pathlib import Path

import neo4j
import psutil
import pytest

from ecosystem import settings
from ecosystem.errors import ConflictError, QueryTimeout, StoreUnavailable
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Assessment, Dataset, Level
from ecosystem.reference import reference
from ecosystem.store.memory.store import MemoryStore
from ecosystem.store.neo4j import rollup, versions
from ecosystem.store.neo4j.load import BATCH, LoadAbandoned, Loader
from ecosystem.store.neo4j.runner import Runner
from ecosystem.store.neo4j.schema import ensure_reference, reference_version
from ecosystem.store.neo4j.store import Neo4jStore
from ecosystem.text import normalize
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, neo4j_or_skip
from tests.factories import other_dataset, small_dataset, with_actor_renamed

pytestmark = pytest.mark.neo4j

CONSTRAINTS = {"territory_id", "sdg_number", "lever_id", "dataset_id", "version_token", "ecosystem_meta_key"}
INDEXES = {"actor_by_id", "actor_by_version", "policy_by_id", "policy_by_version", "alliance_by_id",
           "alliance_by_version", "territory_level", "coverage_by_territory", "coverage_by_version"}


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
    assert not rollup.ready(neo.runner)  # presence may have changed: coverage walks the records


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


# ----------------------------------------------------------------------------- staged loads


class Interrupted(Exception):
    pass


def records(store: Neo4jStore) -> int:
    """Every actor, policy and alliance node, live or not (staged, garbage)."""
    return count(store, "MATCH (n) WHERE n:Actor OR n:Policy OR n:Alliance RETURN count(n)")


def live_records(store: Neo4jStore) -> int:
    return sum(d.count(what) for d in store.datasets() for what in ("actors", "policies", "alliances"))


def assert_no_garbage(store: Neo4jStore) -> None:
    """Only live versions are left: their records, their coverage roll-up, one Version node per dataset."""
    assert records(store) == live_records(store)
    assert count(store, "MATCH (v:Version) RETURN count(v)") == len(store.datasets())
    assert count(store, "MATCH (d:Dataset) WITH collect(d.live) AS live MATCH (c:Coverage) "
                        "WHERE NOT c.version IN live RETURN count(c)") == 0


def _reads(store: Neo4jStore, dataset_id: str) -> tuple:
    """What a reader sees of the store, through most of the contract."""
    return (store.datasets(), store.dataset(dataset_id), store.stats(), store.actors_in([]),
            store.actors_in(["departement:75"]), store.alliances(), store.policies(), store.memberships(),
            store.actor_links(), store.search("fictif", 30), store.coverage("departement:69", Level.EPCI),
            store.overlap_counts(["departement:13"], [3, 11], Level.DEPARTEMENT, limit=20),
            store.copresent(["region:84"], Level.DEPARTEMENT)[:50])


def test_a_staged_version_is_invisible_to_every_read_until_its_switch(neo):
    first = generate(GeneratorSpec(actors=3000, seed=5))
    neo.load(first)
    before = _reads(neo, first.id)
    renamed = replace(first, actors=tuple(
        replace(a, name=a.name + " v2", sdgs=tuple(sorted({*a.sdgs[1:], 17}))) for a in first.actors))
    seen: list[int] = []

    def look(done: int, total: int) -> None:
        if 0 < done < total:
            assert records(neo) > live_records(neo)  # staged records are there...
            assert _reads(neo, first.id) == before  # ... and nobody sees them
            seen.append(done)

    neo.batch = 1000
    try:
        assert neo.load(renamed, look).status == "replaced"
    finally:
        neo.batch = BATCH
    assert seen
    assert neo.dataset(first.id) == renamed.canonical()
    assert_no_garbage(neo)  # the old version was collected right after the switch


def test_a_load_interrupted_midway_leaves_the_store_as_it_was(neo):
    first = generate(GeneratorSpec(actors=BATCH * 2, seed=5))
    neo.load(first)
    before = neo.dataset(first.id)
    renamed = replace(first, actors=tuple(replace(a, name=a.name + " v2") for a in first.actors))

    def interrupt(done: int, total: int) -> None:
        if done >= BATCH:  # at least one batch is staged
            raise Interrupted

    with pytest.raises(Interrupted):
        neo.load(renamed, interrupt)
    assert neo.dataset(first.id) == before
    assert_no_garbage(neo)  # the failed load collected what it had staged

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


def test_an_id_taken_live_by_another_dataset_during_staging_is_a_conflict_at_the_switch(neo):
    """Each load checks ownership before staging; when another dataset went live meanwhile, the
    switch checks again under its lock."""
    neo.load(small_dataset())
    before = neo.dataset("petit-drome")
    grown = replace(small_dataset(), actors=(*small_dataset().actors, *other_dataset().actors))

    def meanwhile(done: int, total: int) -> None:
        if done == 0:
            neo.load(other_dataset())  # takes crest-velo and crest-mairie, which `grown` also has

    with pytest.raises(ConflictError, match="crest-velo"):
        neo.load(grown, meanwhile)
    assert neo.dataset("petit-drome") == before
    assert [d.id for d in neo.datasets()] == ["autre-jeu", "petit-drome"]
    assert_no_garbage(neo)


def test_an_assessment_recorded_while_a_new_version_is_staged_is_carried_over(neo):
    neo.load(small_dataset())
    recorded = Assessment("alim-valence", "moyen-donnees", date(2025, 9, 1), 2, "pendant le chargement")
    renamed = with_actor_renamed(small_dataset(), "biodrome", "BioDrôme Coopérative")

    def meanwhile(done: int, total: int) -> None:
        if done == 0:
            neo.record_assessments([recorded])

    assert neo.load(renamed, meanwhile).status == "replaced"
    assert recorded in neo.assessments("alim-valence")
    assert [a.name for a in neo.actors(["biodrome"])] == ["BioDrôme Coopérative"]


def _stage_elsewhere(store: Neo4jStore, dataset: Dataset) -> str:
    """Stage a version the way a load does, without switching it (as a loader that is still busy,
    or that died before its switch)."""
    token = versions.new_token()
    versions.begin(store.runner, token, dataset.id)
    Loader(store.runner, reference(), dataset, None).stage(token)
    return token


def test_a_version_being_staged_is_left_alone_and_collected_once_its_loader_is_gone(neo):
    neo.load(small_dataset())
    dataset = generate(GeneratorSpec(actors=200, seed=3))
    token = versions.new_token()
    with versions.lease(neo.runner, token):
        versions.begin(neo.runner, token, dataset.id)
        Loader(neo.runner, reference(), dataset, None).stage(token)
        other = connect()  # connecting collects garbage: not a version whose loader is alive
        try:
            assert other.collect_garbage() == versions.Garbage(0, 0)
        finally:
            other.close()
        assert records(neo) == live_records(neo) + len(dataset.actors) + len(dataset.policies) + len(
            dataset.alliances)
    # The lease is over (loader gone): garbage, collected by the next connection.
    again = connect()
    again.close()
    assert_no_garbage(neo)
    assert [d.id for d in neo.datasets()] == ["petit-drome"]


def test_a_doomed_version_can_neither_be_staged_into_nor_switched(neo):
    dataset = generate(GeneratorSpec(actors=100, seed=4))
    _stage_elsewhere(neo, dataset)  # no lease: a loader that died before its switch
    size = len(dataset.actors) + len(dataset.policies) + len(dataset.alliances)
    assert neo.collect_garbage() == versions.Garbage(1, size)
    assert_no_garbage(neo)

    token = versions.new_token()
    versions.begin(neo.runner, token, dataset.id)
    neo.runner.write_transaction("doom", lambda tx: tx.read("version_doom", version=token))
    loader = Loader(neo.runner, reference(), dataset, None)
    with pytest.raises(LoadAbandoned):
        loader.stage(token)
    assert records(neo) == 0
    with pytest.raises(LoadAbandoned):
        neo.runner.write_transaction("switch", lambda tx: loader.switch(tx, token, 0))
    assert neo.datasets() == []


def test_a_removed_dataset_is_invisible_at_once_and_collected(neo):
    neo.load(small_dataset())
    neo.load(other_dataset())
    neo.remove_dataset("petit-drome")
    assert [d.id for d in neo.datasets()] == ["autre-jeu"]
    assert_no_garbage(neo)


def test_records_of_the_first_layout_are_given_versions(neo):
    """A database written before versions existed: no Dataset.live, no version on records."""
    neo.load(small_dataset())
    neo.record_assessments([Assessment("alim-valence", "principe-4", date(2025, 3, 3), 1)])
    expected = neo.dataset("petit-drome")
    run = neo.runner.autocommit_text
    run("unversion", "MATCH (n) WHERE n:Actor OR n:Policy OR n:Alliance REMOVE n.version")
    run("unversion", "MATCH (d:Dataset) REMOVE d.live")
    run("unversion", "MATCH (v:Version) DELETE v")
    run("unversion", "MATCH (c:Coverage) DELETE c")  # the coverage roll-up came after versions
    run("unversion", "MATCH (m:EcosystemMeta {key: 'layout'}) DELETE m")
    assert neo.datasets()[0].counts[0] == ("actors", 0)  # unversioned records are invisible
    assert versions.ensure_layout(neo.runner, batch=4) is True
    assert neo.dataset("petit-drome") == expected
    assert versions.ensure_layout(neo.runner) is False
    assert_no_garbage(neo)
    assert neo.load(small_dataset()).status == "unchanged"


COVERAGE_PLACES = [("region:84", Level.DEPARTEMENT), ("departement:26", Level.COMMUNE),
                   ("pays:FR", Level.REGION), ("commune:26362", Level.PAYS), ("epci:200068781", Level.EPCI)]


def test_coverage_is_read_from_the_rollup_the_loads_keep(neo, tmp_path):
    """Two datasets (multi-territory records, inactive actors, national ones): the roll-up's answers
    are the embedded store's and the walk's; a replaced version takes its roll-up with it."""
    big = generate(GeneratorSpec(actors=3000, seed=7))
    embedded = MemoryStore(tmp_path / "embedded")
    for store in (neo, embedded):
        store.load(big)
        store.load(small_dataset())
    assert rollup.ready(neo.runner)
    expected = [embedded.coverage(t, level) for t, level in COVERAGE_PLACES]
    assert all(expected) and [neo.coverage(t, level) for t, level in COVERAGE_PLACES] == expected
    neo.runner.write("coverage_forget")  # as after a change of the map, or a version loaded without one
    assert not rollup.ready(neo.runner)
    assert [neo.coverage(t, level) for t, level in COVERAGE_PLACES] == expected  # walked: the same
    fewer = replace(big, actors=tuple(replace(a, active=False) if i % 2 else a
                                      for i, a in enumerate(big.actors)))
    neo.load(fewer)  # a new version with its roll-up; the other dataset keeps none: still walked
    assert not rollup.ready(neo.runner)
    neo.load(replace(small_dataset(), name="Petit jeu (v2)"))
    assert rollup.ready(neo.runner)
    embedded.load(fewer)
    embedded.load(replace(small_dataset(), name="Petit jeu (v2)"))
    assert [neo.coverage(t, level) for t, level in COVERAGE_PLACES] == [
        embedded.coverage(t, level) for t, level in COVERAGE_PLACES]
    assert_no_garbage(neo)


def _rollup_nodes(neo, dataset_id: str) -> dict[str, dict]:
    """The live version's Coverage nodes: element id -> properties (without the version)."""
    found = neo.runner.read_text("rollup nodes", "MATCH (d:Dataset {id: $id}) MATCH (c:Coverage "
                                 "{version: d.live}) RETURN elementId(c) AS node, c {.*} AS props",
                                 {"id": dataset_id})
    return {r["node"]: {k: v for k, v in r["props"].items() if k != "version"} for r in found}


def _as_rows(rows) -> list:
    return sorted(sorted(r.items()) for r in rows)


def _changed_in_place(dataset: Dataset) -> Dataset:
    """A national actor and a regional one get an SDG, a local one moves, one stops, others are
    renamed only: what a re-import of a register brings, with the wide footprints in it."""
    actors = list(dataset.actors)
    national = next(i for i, a in enumerate(actors) if a.territories == ("pays:FR",) and a.active)
    regional = next(i for i, a in enumerate(actors) if a.territories[0].startswith("region:") and a.active)
    local = next(i for i, a in enumerate(actors) if a.territories[0].startswith("commune:") and a.active)
    for i in (national, regional):
        missing = min(set(range(1, 18)) - set(actors[i].all_sdgs))
        actors[i] = replace(actors[i], sdgs=tuple(sorted({*actors[i].sdgs, missing})))
    actors[local] = replace(actors[local], territories=("commune:26362",))
    actors[local + 1] = replace(actors[local + 1], active=not actors[local + 1].active)
    for i in range(0, 60, 3):
        actors[i] = replace(actors[i], name=actors[i].name + " (renommé)")
    return replace(dataset, actors=tuple(actors)).canonical()


def test_a_difference_adjusts_the_rollup_nodes_it_touches_and_keeps_the_others(neo, tmp_path):
    """After a re-import as a difference, the version's roll-up holds what a whole count of the new
    version gives (rollup.cells), coverage answers as the embedded store; and the nodes of the
    territories no changed record is present in are the same nodes, not rewritten ones (before,
    every node of the version was deleted and counted again: 2-3 s of server time at 100k actors)."""
    v1 = generate(GeneratorSpec(actors=3000, seed=7)).canonical()
    v2 = _changed_in_place(v1)
    neo.load(v1)
    before = _rollup_nodes(neo, v1.id)
    assert neo.load(v2).method == "difference"
    after = _rollup_nodes(neo, v1.id)
    assert _as_rows(after.values()) == _as_rows(rollup.cells(v2, reference().hierarchy))
    kept = set(before) & set(after)
    assert len(kept) > len(after) * 0.9, f"only {len(kept)} of {len(after)} nodes kept"
    assert all(before[n] == after[n] for n in kept)
    embedded = MemoryStore(tmp_path / "embedded")
    embedded.load(v2)
    assert [neo.coverage(t, level) for t, level in COVERAGE_PLACES] == [
        embedded.coverage(t, level) for t, level in COVERAGE_PLACES]
    assert neo.load(v1).method == "difference"  # and back
    assert _as_rows(_rollup_nodes(neo, v1.id).values()) == _as_rows(rollup.cells(v1, reference().hierarchy))


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
        self.pid = 0

    def start(self) -> None:
        status = self.api.start(self.state, port=self.port, heap="768m", pagecache="64m",
                                version=self.version, password=self.password,
                                java=settings.get("ECOSYSTEM_JAVA"), lib_dir=self.lib)
        assert status.pid is not None
        self.pid = status.pid

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        psutil.Process(self.pid).wait(timeout=60)  # a killed process is gone at once; this only reaps it

    def stop(self) -> None:
        self.api.stop(self.state)

    def store(self) -> Neo4jStore:
        """Small batches (a small dataset gives many), and a driver that gives up at once on a dead
        server instead of retrying for 15 s."""
        uri = f"bolt://127.0.0.1:{self.port}"
        driver = neo4j.GraphDatabase.driver(uri, auth=("neo4j", self.password), max_transaction_retry_time=0)
        return Neo4jStore(driver, uri=uri, timeout=300, owns_driver=True, batch=250)

    def restart(self, store: Neo4jStore) -> Neo4jStore:
        store.close()
        self.start()
        return self.store()


@pytest.mark.own_neo4j
def test_sigkill_at_each_step_of_a_load_leaves_one_whole_version(tmp_path, monkeypatch):
    """Killed while staging, right after the switch, while collecting the old version: after a
    restart, exactly one version is there and whole, nothing else is left, and loading it again
    changes nothing."""
    neo4j_or_skip()  # runs where the suite's own server runs, with its jars
    server = ThrowawayServer(tmp_path / "state")
    v1 = generate(GeneratorSpec(actors=1200, seed=11))
    v2, v3 = (replace(v1, actors=tuple(replace(a, name=f"{a.name} {n}") for a in v1.actors)) for n in "23")
    server.start()
    try:
        store = server.store()
        store.load(v1)

        # 1. Killed while staging v2: v1 is live and whole all along.
        def kill_while_staging(done: int, total: int) -> None:
            if done >= 500 and done < total:
                assert records(store) > live_records(store)
                assert store.dataset(v1.id) == v1.canonical()
                server.kill()
                raise Interrupted

        with pytest.raises(Interrupted):
            store.load(v2, kill_while_staging)
        store = server.restart(store)  # connecting collects the staged records
        assert store.dataset(v1.id) == v1.canonical()
        assert_no_garbage(store)
        assert store.load(v1).status == "unchanged"

        # 2. Killed right after the switch committed, before the old version is collected.
        def kill_after_switch(runner: Runner, **_: object) -> versions.Garbage:
            server.kill()
            raise Interrupted

        with monkeypatch.context() as m, pytest.raises(Interrupted):
            m.setattr(versions, "collect_garbage", kill_after_switch)
            store.load(v2)
        store = server.restart(store)
        assert store.dataset(v2.id) == v2.canonical()
        assert_no_garbage(store)
        assert store.load(v2).status == "unchanged"

        # 3. Killed while collecting the old version: reads only ever see v3.
        real_drop = versions.drop

        def kill_while_collecting(runner: Runner, token: str) -> int:
            runner.write_transaction("a batch", lambda tx: tx.read("version_drop", version=token, batch=300))
            assert records(store) > live_records(store)
            assert store.dataset(v3.id) == v3.canonical()
            server.kill()
            raise Interrupted

        with monkeypatch.context() as m, pytest.raises(Interrupted):
            m.setattr(versions, "drop", kill_while_collecting)
            store.load(v3)
        assert versions.drop is real_drop
        store = server.restart(store)
        assert store.dataset(v3.id) == v3.canonical()
        assert_no_garbage(store)
        assert store.load(v3).status == "unchanged"
        assert [d.id for d in store.datasets()] == [v1.id]
        store.close()
    finally:
        server.stop()


def test_driver_passed_in_is_left_open(neo):
    driver = neo4j.GraphDatabase.driver(NEO4J_URI or "", auth=(NEO4J_USER, NEO4J_PASSWORD))
    store = Neo4jStore(driver, uri=NEO4J_URI or "")
    store.close()
    driver.verify_connectivity()  # still usable: whoever created it closes it
    driver.close()
