"""A load reports truthfully what happened to it when its Neo4j server dies (a real server of its
own, killed with SIGKILL at the step named; tests/test_neo4j_store.ThrowawayServer):

- killed after the switch committed, while collecting the old version: the load did happen, so it
  reports "replaced" (the store), or says the data changed but the audit could not be written (Writes);
- killed when the switch starts: whether it committed is unknown to the loader, and it says so
  (LoadOutcomeUnknown) instead of a bare "cannot be reached".
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from ecosystem.access.roles import Principal, Role
from ecosystem.access.writes import LoadedUnrecorded, Writes
from ecosystem.errors import StoreUnavailable
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.history.archive import Archive
from ecosystem.store.neo4j import versions
from ecosystem.store.neo4j.load import Loader, LoadOutcomeUnknown
from tests.conftest import neo4j_or_skip
from tests.test_neo4j_store import ThrowawayServer

pytestmark = pytest.mark.neo4j


@pytest.mark.own_neo4j
def test_a_load_says_what_happened_when_the_server_dies_around_its_switch(tmp_path, monkeypatch):
    neo4j_or_skip()
    server = ThrowawayServer(tmp_path / "state")
    v1 = generate(GeneratorSpec(actors=300, seed=21))
    v2, v3, v4 = (replace(v1, actors=tuple(replace(a, name=f"{a.name} {n}") for a in v1.actors))
                  for n in "234")
    real_collect = versions.collect_garbage
    server.start()
    try:
        store = server.store()
        store.load(v1)

        def kill_then_collect(runner, **kwargs):
            server.kill()
            return real_collect(runner, **kwargs)  # the real call, on a dead server

        # 1. The switch committed, the server died while collecting the old version: it is replaced.
        with monkeypatch.context() as m:
            m.setattr(versions, "collect_garbage", kill_then_collect)
            report = store.load(v2)
        assert report.status == "replaced"
        store = server.restart(store)
        assert store.dataset(v2.id) == v2.canonical()

        # 2. The same through Writes: the data changed, the audit could not be written, and it says so.
        writes = Writes(store, Principal("alice", Role.ADMIN), Archive(tmp_path / "history"))
        with monkeypatch.context() as m, pytest.raises(LoadedUnrecorded) as caught:
            m.setattr(versions, "collect_garbage", kill_then_collect)
            writes.load(v3)
        assert f"Le jeu « {v3.id} » a bien été remplacé" in caught.value.text("fr")
        store = server.restart(store)
        assert store.dataset(v3.id) == v3.canonical()

        # 3. Killed as the switch begins: the loader cannot know whether it committed, and says so.
        real_switch = Loader.switch

        def kill_then_switch(self, tx, token, generation, base=None):
            server.kill()
            return real_switch(self, tx, token, generation, base)

        with monkeypatch.context() as m, pytest.raises(StoreUnavailable) as lost:
            m.setattr(Loader, "switch", kill_then_switch)
            store.load(v4)
        assert isinstance(lost.value, LoadOutcomeUnknown)
        assert "elle est peut-être en service, peut-être pas" in lost.value.text("fr")
        store = server.restart(store)
        assert store.dataset(v3.id) == v3.canonical()  # here it had not committed
        store.close()
    finally:
        server.stop()
