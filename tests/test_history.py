"""History and undo on both stores: the reload guard (the empty-workbook case), kept versions,
restore, a removed dataset brought back, purge, and the CLI commands."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from ecosystem.access.errors import Forbidden
from ecosystem.access.roles import Principal, Role
from ecosystem.access.writes import Writes
from ecosystem.cli import main
from ecosystem.history.archive import Archive
from ecosystem.history.guard import ReloadNeedsConfirmation, drop_of
from ecosystem.model import Dataset
from ecosystem.store.base import Store
from tests.factories import small_dataset

ADMIN = Principal("alice", Role.ADMIN)
EMPTY = Dataset("petit-drome", "Petit jeu drômois")  # an empty workbook under an existing id


def _keep_actors(n: int) -> Dataset:
    """small_dataset with only its first n actors (and what still refers to them)."""
    full = small_dataset()
    actors = full.actors[:n]
    kept = {a.id for a in actors}
    return replace(full, actors=actors, memberships=tuple(m for m in full.memberships if m.actor in kept))


@pytest.mark.parametrize(("kept", "alarming"), [(10, False), (8, False), (7, True), (0, True)])
def test_the_guard_trips_beyond_a_fifth_or_when_everything_goes(kept, alarming):
    full = replace(small_dataset(), actors=small_dataset().actors[:10])
    new = replace(full, actors=full.actors[:kept])
    assert drop_of(full, new).alarming is alarming


def test_an_empty_workbook_is_refused_says_what_would_go_and_loads_with_force(store: Store, tmp_path):
    writes = Writes(store, ADMIN, Archive(tmp_path / "history"))
    writes.load(small_dataset())
    before = store.datasets()
    with pytest.raises(ReloadNeedsConfirmation) as caught:
        writes.load(EMPTY)
    message = caught.value.text("fr")
    assert message.startswith("Cette nouvelle version de petit-drome retirerait tous ses acteurs (")
    assert all(a.name in message for a in small_dataset().actors[:5])
    assert "would remove all its actors" in str(caught.value)
    assert store.datasets() == before and writes.history("petit-drome") == []
    writes.load(EMPTY, force=True)
    assert store.dataset("petit-drome").actors == ()
    [kept] = writes.history("petit-drome")
    assert (kept.version, kept.reason, kept.loaded_by, kept.archived_by) == (1, "replaced", "alice", "alice")
    assert kept.count("actors") == len(small_dataset().actors)
    writes.restore("petit-drome", 1, force=True)  # the empty version has nothing to drop: force unneeded
    assert len(store.dataset("petit-drome").actors) == len(small_dataset().actors)
    assert [v.reason for v in writes.history("petit-drome")] == ["replaced", "restored over"]
    assert next(e.action for e in store.audit() if e.who == "alice") == "restore"


def test_a_small_drop_loads_without_confirmation(store: Store, tmp_path):
    writes = Writes(store, ADMIN, Archive(tmp_path / "history"))
    writes.load(small_dataset())
    writes.load(_keep_actors(len(small_dataset().actors) - 1))
    assert len(writes.history("petit-drome")) == 1


def test_a_removed_dataset_comes_back_until_purged(store: Store, tmp_path):
    writes = Writes(store, ADMIN, Archive(tmp_path / "history"))
    writes.load(small_dataset())
    with_app_assessment = store.dataset("petit-drome")
    writes.remove("petit-drome")
    assert store.datasets() == []
    archive = writes._archive()
    assert archive.removed_datasets() == ["petit-drome"]
    [version] = writes.history("petit-drome")
    assert version.reason == "removed"
    writes.restore("petit-drome", version.version)
    assert store.dataset("petit-drome") == with_app_assessment
    assert archive.removed_datasets() == []
    assert writes.purge("petit-drome") == 1
    assert writes.history("petit-drome") == []


def test_only_the_last_versions_are_kept(store: Store, tmp_path):
    writes = Writes(store, ADMIN, Archive(tmp_path / "history", keep=2))
    for n in range(4):
        writes.load(replace(small_dataset(), description=f"version {n}"))
    assert [v.version for v in writes.history("petit-drome")] == [2, 3]
    assert sorted(p.name for p in writes._archive()._folder("petit-drome").glob("*.gz")) == [
        "v0002.json.gz", "v0003.json.gz"]


def test_a_contributor_restores_the_datasets_granted_but_never_purges(store: Store, tmp_path):
    archive = Archive(tmp_path / "history")
    Writes(store, ADMIN, archive).load(small_dataset())
    Writes(store, ADMIN, archive).load(replace(small_dataset(), description="v2"))
    paul = Writes(store, Principal("paul", Role.CONTRIBUTOR, frozenset({"petit-drome"})), archive)
    paul.restore("petit-drome", 1)
    assert store.dataset("petit-drome").description == small_dataset().description
    with pytest.raises(Forbidden):
        paul.purge("petit-drome")
    with pytest.raises(Forbidden):
        Writes(store, Principal("vera", Role.VIEWER), archive).restore("petit-drome", 1)


def test_history_restore_and_load_force_on_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    full, empty = tmp_path / "full.json", tmp_path / "empty.json"
    from ecosystem.datasets.export import json_bytes

    full.write_bytes(json_bytes(small_dataset()))
    empty.write_bytes(json_bytes(EMPTY))
    assert main(["load", str(full)]) == 0
    assert main(["load", str(empty)]) == 1
    assert "retirerait tous ses acteurs" in capsys.readouterr().err
    assert main(["load", str(empty), "--force"]) == 0
    capsys.readouterr()
    assert main(["history", "petit-drome", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["live"]["counts"]["actors"] == 0
    assert [(v["version"], v["counts"]["actors"]) for v in shown["versions"]] == [
        (1, len(small_dataset().actors))]
    assert main(["restore", "petit-drome", "1"]) == 0
    assert main(["history", "petit-drome"]) == 0
    assert "remplacée par une restauration" in capsys.readouterr().out
    assert main(["remove", "petit-drome"]) == 0
    assert main(["history"]) == 0
    assert "retiré" in capsys.readouterr().out
    assert main(["restore", "petit-drome", "3"]) == 0
    assert main(["purge", "petit-drome"]) == 0
