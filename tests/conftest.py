"""Shared fixtures: one `store` fixture parameterised over both stores.

The Neo4j side talks to a real server over Bolt: the README's test command starts the project's
local Neo4j and exports ECOSYSTEM_TEST_NEO4J_URI / _USER / _PASSWORD. Without them the Neo4j
variants are skipped, unless ECOSYSTEM_REQUIRE_NEO4J=1 (set by the test command and CI), in which
case they fail: a CI run can never pass by silently skipping the real server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from ecosystem.store.base import Store

NEO4J_URI = os.environ.get("ECOSYSTEM_TEST_NEO4J_URI")
NEO4J_USER = os.environ.get("ECOSYSTEM_TEST_NEO4J_USER", "neo4j")
NEO4J_PASSWORD = os.environ.get("ECOSYSTEM_TEST_NEO4J_PASSWORD", "")
REQUIRE_NEO4J = os.environ.get("ECOSYSTEM_REQUIRE_NEO4J") == "1"


def neo4j_or_skip() -> None:
    if NEO4J_URI:
        return
    if REQUIRE_NEO4J:
        pytest.fail("ECOSYSTEM_REQUIRE_NEO4J=1 but ECOSYSTEM_TEST_NEO4J_URI is not set: start the local "
                    "Neo4j (ecosystem neo4j start) and export its URI and password")
    pytest.skip("no Neo4j test server (set ECOSYSTEM_TEST_NEO4J_URI, or run the README's test command)")


@pytest.fixture(scope="session")
def neo4j_session_store() -> Iterator[Store]:
    neo4j_or_skip()
    from ecosystem.store.neo4j.store import Neo4jStore

    store = Neo4jStore.connect(uri=NEO4J_URI or "", user=NEO4J_USER, password=NEO4J_PASSWORD,
                               database="neo4j", timeout=120)
    yield store
    store.close()


def _empty(store: Store) -> None:
    for info in store.datasets():
        store.remove_dataset(info.id)


@pytest.fixture
def neo(neo4j_session_store: Store) -> Iterator[Store]:
    """The session's Neo4j store, without datasets before and after the test."""
    _empty(neo4j_session_store)
    yield neo4j_session_store
    _empty(neo4j_session_store)


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    """An empty store of each kind; the Neo4j one is emptied of datasets before and after."""
    if request.param == "memory":
        from ecosystem.store.memory import MemoryStore

        yield MemoryStore(tmp_path / "embedded")
        return
    neo4j_store: Store = request.getfixturevalue("neo4j_session_store")
    _empty(neo4j_store)
    yield neo4j_store
    _empty(neo4j_store)


@pytest.fixture
def memory_store(tmp_path) -> Store:
    from ecosystem.store.memory import MemoryStore

    return MemoryStore(tmp_path / "embedded")


@pytest.fixture
def small_state(tmp_path, monkeypatch: pytest.MonkeyPatch):
    """An embedded store in a temporary state folder holding the small dataset; the CLI in French by
    default, no Neo4j from the environment, no .streamlit/secrets.toml from the working copy."""
    from ecosystem import settings
    from ecosystem.store.memory import MemoryStore
    from tests.factories import small_dataset

    monkeypatch.chdir(tmp_path)
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path / "state"))
    MemoryStore(settings.state_dir() / "embedded").load(small_dataset())
    return tmp_path
