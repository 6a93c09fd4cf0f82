"""A re-import applied as a difference, killed at each step: the old version or the new one, whole.

Embedded store: a child process loads a new version (one actor renamed, one added: a difference)
and is killed with SIGKILL at each durability step it asks for (the k-th fsync or rename), as
tests/test_memory_store.py does for whole loads. Neo4j: a throwaway server (tests/test_neo4j_store's)
is killed with SIGKILL inside the difference's one transaction (after its first write, in the middle,
after its last) and right after it committed; after a restart exactly one version is there, whole.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.reimport import updated
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Actor, ActorKind, Dataset
from ecosystem.store.memory import MemoryStore
from ecosystem.store.neo4j import load as neo4j_load
from ecosystem.store.neo4j.runner import Tx
from tests.conftest import neo4j_or_skip
from tests.factories import VALENCE, small_dataset, with_actor_renamed
from tests.test_memory_store import ROOT, sort_records, state_of
from tests.test_neo4j_store import Interrupted, ThrowawayServer, assert_no_garbage


def edited() -> Dataset:
    """small_dataset with one actor renamed and one added: 2 records of 23 rows, a difference."""
    ds = with_actor_renamed(small_dataset(), "biodrome", "BioDrôme Coopérative")
    return replace(ds, actors=(*ds.actors, Actor("nouvelle-asso", "Nouvelle asso", ActorKind.ASSOCIATION,
                                                 (VALENCE,), (2,))))


CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path

    from ecosystem.store.memory import MemoryStore
    from tests.test_difference_crash import edited

    state, step = sys.argv[1], int(sys.argv[2])
    store = MemoryStore(Path(state))
    real = {"fsync": os.fsync, "replace": os.replace}
    calls = 0

    def fault(name):
        def step_(*args, **kwargs):
            global calls
            calls += 1
            if calls == step:
                os.kill(os.getpid(), signal.SIGKILL)
            return real[name](*args, **kwargs)
        return step_

    os.fsync, os.replace = fault("fsync"), fault("replace")
    report = store.load(edited())
    os.fsync, os.replace = real["fsync"], real["replace"]
    print(report.method, calls)
""")

STEPS = 10  # one more than a load's durability steps (file, pack, manifest: fsync, rename, folder)


def test_a_difference_killed_at_any_durability_step_leaves_before_or_after(tmp_path: Path) -> None:
    prepared = tmp_path / "prepared"
    MemoryStore(prepared).load(small_dataset())
    before, after = {"petit-drome": sort_records(small_dataset())}, {"petit-drome": sort_records(edited())}
    runs = []
    for step in range(1, STEPS + 1):
        folder = tmp_path / f"step{step}"
        shutil.copytree(prepared, folder)
        runs.append((step, folder, subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(step)],
                                                    cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                                    text=True)))
    seen = []
    for step, folder, process in runs:
        out, err = process.communicate()
        completed = step == STEPS
        assert process.returncode == (0 if completed else -signal.SIGKILL), err
        if completed:
            assert out.split() == ["difference", str(STEPS - 1)]  # the difference path, every step seen
        state = state_of(folder)
        assert state in (before, after), f"step {step}: a state between before and after"
        seen.append(state == after)
    assert seen[0] is False and seen[-1] is True and seen == sorted(seen)


@pytest.mark.neo4j
@pytest.mark.own_neo4j
def test_sigkill_inside_and_right_after_a_difference_leaves_one_whole_version(tmp_path, monkeypatch):
    neo4j_or_skip()  # runs where the suite's own server runs, with its jars
    server = ThrowawayServer(tmp_path / "state")
    v1 = generate(GeneratorSpec(actors=1200, seed=11)).canonical()
    v2 = updated(v1, 0.02, seed=11).canonical()
    server.start()
    try:
        store = server.store()
        assert store.load(v1).method == "full"
        real_write = Tx.write

        # Killed inside the transaction, after its first write, one in the middle, and its last.
        for last in ("difference_remove", "difference_actors", "difference_dataset"):
            def kill_after(tx: Tx, name: str, /, _last: str = last, **params: object) -> object:
                counters = real_write(tx, name, **params)
                if name == _last:
                    server.kill()
                    raise Interrupted
                return counters

            with monkeypatch.context() as m, pytest.raises(Interrupted):
                m.setattr(Tx, "write", kill_after)
                store.load(v2)
            store = server.restart(store)
            assert store.dataset(v1.id) == v1, f"killed after {last}"
            assert_no_garbage(store)
            assert store.load(v1).status == "unchanged"

        # Killed right after the transaction committed: the new version, whole.
        real_commit = neo4j_load.Loader._outcome_known

        def kill_after_commit(self: neo4j_load.Loader, commit):
            real_commit(self, commit)
            server.kill()
            raise Interrupted

        with monkeypatch.context() as m, pytest.raises(Interrupted):
            m.setattr(neo4j_load.Loader, "_outcome_known", kill_after_commit)
            store.load(v2)
        store = server.restart(store)
        assert store.dataset(v2.id) == v2
        assert_no_garbage(store)
        assert store.load(v2).status == "unchanged"
        report = store.load(v1)  # and the difference still works after all this
        assert report.method == "difference" and store.dataset(v1.id) == v1
        store.close()
    finally:
        server.stop()
