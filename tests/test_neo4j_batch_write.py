"""How one staging batch is written (`Loader.write`, queries/load_*.cypher).

It locks its Version node last: it writes its records first, so two batches of a load run at once
on the server and only their ends wait for each other; and a batch whose version the garbage
collector dooms meanwhile is rolled back, never committed into it. Those tests hold the Version
node's lock in a transaction of their own, run one batch on a thread, and look at the batch's
transaction in SHOW TRANSACTIONS while it waits for that lock.

Its rows are not spelled out in the driver's debug log (`runner.Rows`)."""

from __future__ import annotations

import concurrent.futures
import logging
import time
from collections.abc import Iterator

import neo4j
import pytest

from ecosystem.generate import GeneratorSpec, generate
from ecosystem.reference import reference
from ecosystem.store.neo4j import cypher, versions
from ecosystem.store.neo4j.load import Batch, LoadAbandoned, Loader, batches
from tests.test_neo4j_store import assert_no_garbage, records

pytestmark = pytest.mark.neo4j

WAIT = 120  # seconds to wait for the batch to reach the lock before the test fails


def _first(dataset, query: str) -> Batch:
    return next(b for b in batches(dataset, reference(), size=400) if b.query == query)


def _waiting_batch(runner, token: str) -> neo4j.Record:
    """The batch's transaction once it waits for a lock (found by its `version` parameter)."""
    show = ("SHOW TRANSACTIONS YIELD status, activeLockCount, parameters "
            "WHERE parameters.version = $token AND status STARTS WITH 'Blocked' RETURN *")
    until = time.monotonic() + WAIT
    while time.monotonic() < until:
        found = runner.read_text("waiting batch", show, {"token": token})
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no batch of version {token} waited for a lock within {WAIT} s")


@pytest.fixture
def staged_version(neo) -> Iterator[tuple[str, object]]:
    """A version being staged (its lease open), and the dataset it is for."""
    dataset = generate(GeneratorSpec(actors=600, seed=12))
    token = versions.new_token()
    with versions.lease(neo.runner, token):
        versions.begin(neo.runner, token, dataset.id)
        yield token, dataset
    versions.collect_garbage(neo.runner)


def _holding(neo, token: str, query: str) -> tuple[neo4j.Session, neo4j.Transaction]:
    """A transaction holding the Version node's lock (its query SETs a property of the node)."""
    session = neo.runner.session(neo4j.WRITE_ACCESS)
    tx = session.begin_transaction()
    tx.run(query, version=token).consume()
    return session, tx


@pytest.mark.parametrize("query", ["load_actors", "load_policies"])
def test_a_batch_writes_its_records_before_it_waits_for_its_version(neo, staged_version, query):
    token, dataset = staged_version
    loader = Loader(neo.runner, reference(), dataset, None)
    if query == "load_actors":  # its CARRIES and MEMBER_OF need the policies and alliances
        for needed in ("load_policies", "load_alliances"):
            loader.write(_first(dataset, needed), token)
    batch = _first(dataset, query)
    session, tx = _holding(neo, token, "MATCH (v:Version {token: $version}) SET v.held = true")
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        try:
            written = pool.submit(loader.write, batch, token)
            waiting = _waiting_batch(neo.runner, token)
            # One lock per node it created at least: it did its work before it waited. Locking
            # the version first, it waited holding a handful of locks and having written nothing.
            assert waiting["activeLockCount"] > len(batch.rows)
            tx.commit()
        finally:
            tx.close()
            session.close()
        assert written.result().nodes_created == len(batch.rows)


def test_a_batch_whose_version_is_doomed_while_it_waits_is_rolled_back(neo, staged_version):
    token, dataset = staged_version
    loader = Loader(neo.runner, reference(), dataset, None)
    batch = _first(dataset, "load_policies")
    session, tx = _holding(neo, token, cypher.query("version_doom"))  # the collector, before its commit
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        try:
            written = pool.submit(loader.write, batch, token)
            _waiting_batch(neo.runner, token)
            tx.commit()
        finally:
            tx.close()
            session.close()
        with pytest.raises(LoadAbandoned):
            written.result()
    assert records(neo) == 0  # nothing committed into the doomed version
    versions.drop(neo.runner, token)
    assert_no_garbage(neo)


def test_a_batch_s_records_stay_out_of_the_driver_s_debug_log(neo, staged_version, caplog):
    token, dataset = staged_version
    batch = _first(dataset, "load_policies")
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        Loader(neo.runner, reference(), dataset, None).write(batch, token)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"<{len(batch.rows)} rows>" in logged  # the RUN was logged, its rows by their number
    assert not any(p.name in logged for p in dataset.policies[:len(batch.rows)])
