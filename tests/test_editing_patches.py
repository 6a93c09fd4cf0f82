"""Edits as patches, on both stores: the result is what the whole-dataset path (`editing.records`)
gives, without reading the whole dataset; an invalid edit gets a file's messages and writes
nothing; a record nobody touched stays as stored (a double space in a name included); the history
rebuilds each version an edit replaced; an edit built on a version no longer live is refused; the
Neo4j coverage roll-up follows the edit."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from ecosystem.access.roles import Principal, Role
from ecosystem.access.writes import Writes
from ecosystem.editing import patches
from ecosystem.editing.edits import Edits
from ecosystem.editing.records import RecordKind, with_members, with_record, without_record
from ecosystem.errors import DatasetInvalid
from ecosystem.history.archive import Archive
from ecosystem.model import Dataset, Level
from ecosystem.store.base import Store
from ecosystem.store.memory import MemoryStore
from ecosystem.store.rules import LoadOvertaken
from tests.factories import small_dataset

ADMIN = Principal("alice", Role.ADMIN)
DATASET = "petit-drome"
DOUBLE = "CA ECLA  (Espace culturel)"  # two spaces, as in a generated dataset


def _writes(store: Store, tmp_path) -> Writes:
    writes = Writes(store, ADMIN, Archive(tmp_path / "history"))
    writes.load(small_dataset())
    return writes


class NoWholeRead:
    """The store, with `dataset` (the whole-dataset read) refused and the Neo4j queries counted."""

    def __init__(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        self.queries: list[str] = []

        def refused(dataset_id: str) -> Dataset:
            raise AssertionError(f"an edit read the whole dataset {dataset_id}")

        monkeypatch.setattr(store, "dataset", refused)
        runner = getattr(store, "runner", None)
        if runner is not None:
            read = runner.read

            def counted(name: str, /, **params):
                self.queries.append(name)
                return read(name, **params)

            monkeypatch.setattr(runner, "read", counted)


A, P, L = RecordKind.ACTOR, RecordKind.POLICY, RecordKind.ALLIANCE
MEMBERS = [("jardins-valence", "pilote"), ("Romans Repair Café", "partenaire"), ("agglo-vra", "partenaire")]
TWICE = [("Personne", "pilote"), ("labo-aura", "pilote"), ("Labo Rhône-Alpes", "partenaire")]

def saved(kind: RecordKind, fields: dict[str, str], rid: str | None = None) -> tuple:
    """(the edit through `Edits`, the same change made to the whole dataset): a record's form saved."""
    ids = () if rid is None else (rid,)
    return (lambda e: e.save(DATASET, kind, fields, *ids), lambda d: with_record(d, kind, fields, *ids))


def retired(kind: RecordKind, rid: str) -> tuple:
    return (lambda e: e.retire(DATASET, kind, rid), lambda d: without_record(d, kind, rid))


def members(alliance: str, chosen: list[tuple[str, str]]) -> tuple:
    return (lambda e: e.set_members(DATASET, alliance, chosen), lambda d: with_members(d, alliance, chosen))


EDITS = {
    "actor's SDGs": saved(A, {"sdgs": "2; 12; 13"}, "potagers-valentinois"),
    "actor's territories and kind": saved(A, {"territories": "26108; 26281", "kind": "entreprise"},
                                          "jardins-valence"),
    "policy's carriers by name": saved(P, {"carriers": "ville de valence; Crest Solidaire"}, "pcaet-vra"),
    "alliance's policies and SDGs": saved(L, {"policies": "pcaet-vra; Contrat de ville de Valence",
                                              "sdgs": "13"}, "climat-drome"),
    "new actor without an id": saved(A, {"name": "Atelier vélo", "kind": "association",
                                         "territories": "26108", "sdgs": "11"}),
    "new policy": saved(P, {"id": "crte-crest", "name": "CRTE Crest", "kind": "CRTE",
                            "carriers": "crest-solidaire", "territories": "26108"}),
    "actor retired": retired(A, "biodrome"),
    "alliance retired": retired(L, "alim-valence"),
    "policy retired": retired(P, "pcaet-vra"),
    "members, one by name": members("alim-valence", MEMBERS),
}


@pytest.mark.parametrize("case", list(EDITS))
def test_an_edit_gives_what_the_whole_dataset_path_gives_without_reading_the_dataset(
        store: Store, tmp_path, monkeypatch, case):
    edit, whole = EDITS[case]
    writes = _writes(store, tmp_path)
    expected = whole(small_dataset()).canonical()
    with monkeypatch.context() as m:
        guard = NoWholeRead(store, m)
        done = edit(Edits(writes))
    assert done.report.status == "replaced"
    assert "dataset_records" not in guard.queries and "difference_digests" not in guard.queries
    assert store.dataset(DATASET) == expected
    # coverage (Neo4j: its roll-up adjusted in place) is what a store loaded with the result answers
    oracle = MemoryStore(tmp_path / "oracle")
    oracle.load(expected)
    for territory, level in (("departement:26", Level.COMMUNE), ("region:84", Level.DEPARTEMENT)):
        assert store.coverage(territory, level) == oracle.coverage(territory, level), (territory, level)
    writes.restore(DATASET, 1)  # undo: the version before the edit, rebuilt from the edit taken back
    assert store.dataset(DATASET) == small_dataset().canonical()


def _problems(error: DatasetInvalid, case: str = "") -> list[tuple]:
    """What a form shows of each problem (not the line: a form has none). An id already taken is
    said with the line of the record that has it: the one number an edit cannot know without
    reading the dataset (its rank by id), so it is left out of the comparison there."""
    def sentence(text: str) -> str:
        return re.sub(r"\d+$", "N", text) if case == "an id already taken" else text

    return [(p.where, p.column, p.value, sentence(p.expected), sentence(p.expected_fr))
            for p in error.problems]


INVALID = {
    "unknown territory and SDG": saved(A, {"territories": "Valance", "sdgs": "19"}, "biodrome"),
    "unknown carrier": saved(P, {"carriers": "agglo-vra; Mairie de Nulle Part"}, "pat-vra"),
    "empty name": saved(L, {"name": ""}, "climat-drome"),
    "an id already taken": saved(A, {"id": "biodrome", "name": "Bio", "kind": "association",
                                     "territories": "26108"}),
    "retiring a policy carrier": retired(A, "agglo-vra"),
    "retiring an aligned policy": retired(P, "pat-vra"),
    "unknown and twice the same member": members("climat-drome", TWICE),
}


@pytest.mark.parametrize("case", list(INVALID))
def test_an_invalid_edit_gets_a_files_messages_and_writes_nothing(store: Store, tmp_path, case):
    edit, whole = INVALID[case]
    writes = _writes(store, tmp_path)
    before = (store.datasets(), store.dataset(DATASET))
    with pytest.raises(DatasetInvalid) as as_file:
        whole(small_dataset())
    with pytest.raises(DatasetInvalid) as as_edit:
        edit(Edits(writes))
    assert _problems(as_edit.value, case) == _problems(as_file.value, case) and as_file.value.problems
    assert (store.datasets(), store.dataset(DATASET)) == before and writes.history(DATASET) == []


def test_an_edit_changes_only_what_the_person_changed(store: Store, tmp_path):
    d = small_dataset()
    spaced = replace(d, actors=tuple(replace(a, name=DOUBLE) if a.id == "romans-repair" else a
                                     for a in d.actors))
    writes = Writes(store, ADMIN, Archive(tmp_path / "history"))
    writes.load(spaced)
    e = Edits(writes)
    done = e.save(DATASET, A, {"sdgs": "12; 13"}, "crest-solidaire")  # another actor
    assert done.report.changed("actors") == (0, 0, 1)
    assert store.actors(["romans-repair"])[0].name == DOUBLE
    form = patches.row_of("actors", store.actors(["romans-repair"])[0], "fr")  # the form as shown
    done = e.save(DATASET, A, {**form, "sdgs": "12; 11"}, "romans-repair")
    [actor] = store.actors(["romans-repair"])
    assert (actor.name, actor.sdgs) == (DOUBLE, (12, 11))
    assert done.report.changed("actors") == (0, 0, 1)
    again = e.save(DATASET, A, form | {"sdgs": "12; 11"}, "romans-repair")
    assert again.report.status == "unchanged"
    assert len(writes.history(DATASET)) == 2, "saving a form unchanged writes no version"


def test_two_edits_are_undone_one_after_the_other(store: Store, tmp_path):
    writes = _writes(store, tmp_path)
    e = Edits(writes)
    e.save(DATASET, A, {"sdgs": "1"}, "biodrome")
    after_first = store.dataset(DATASET)
    e.retire(DATASET, L, "climat-drome")
    assert [v.version for v in writes.history(DATASET)] == [1, 2]
    assert writes.archive.get(DATASET, 2, lambda: store.dataset(DATASET)) == after_first
    writes.restore(DATASET, 1)  # version 1 rebuilt through version 2's undo, then its own
    assert store.dataset(DATASET) == small_dataset().canonical()
    writes.restore(DATASET, 2)  # kept whole by the restore: the first edit back
    assert store.dataset(DATASET) == after_first


def test_an_edit_built_on_a_version_no_longer_live_is_refused(store: Store, tmp_path):
    writes = _writes(store, tmp_path)
    lookup = patches.Lookup(store, DATASET)
    patch, undo, _ = patches.record_patch(lookup, "actors", {"sdgs": "3"}, "biodrome", "fr")
    Edits(writes).save(DATASET, A, {"sdgs": "4"}, "biodrome")  # someone else, first
    live = store.datasets()
    with pytest.raises(LoadOvertaken):
        writes.apply_patch(patch, undo)
    assert store.datasets() == live and store.actors(["biodrome"])[0].sdgs == (4,)


def test_an_edit_that_fails_half_way_changes_nothing(store: Store, tmp_path, monkeypatch):
    """All or nothing: on Neo4j the transaction fails after the records are written (the roll-up
    step), on the embedded store the commit fails after the graph was edited."""
    writes = _writes(store, tmp_path)
    before = (store.datasets(), store.dataset(DATASET), store.coverage("departement:26", Level.COMMUNE))
    if isinstance(store, MemoryStore):
        def broken(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr(store._folder, "commit", broken)
    else:
        from ecosystem.store.neo4j import patching

        def broken(*args, **kwargs):
            raise RuntimeError("server gone half-way")

        monkeypatch.setattr(patching, "_adjust_rollup", broken)
    with pytest.raises((OSError, RuntimeError)):
        Edits(writes).save(DATASET, RecordKind.ACTOR, {"sdgs": "1; 2", "territories": "26108"}, "biodrome")
    monkeypatch.undo()
    assert (store.datasets(), store.dataset(DATASET),
            store.coverage("departement:26", Level.COMMUNE)) == before
    assert writes.history(DATASET) == []


def test_the_edits_benchmark_measures_each_kind_of_edit(tmp_path):
    from benchmarks.edits import measure_store, section
    from ecosystem.generate import GeneratorSpec, generate

    dataset = generate(GeneratorSpec(actors=400, seed=2)).canonical()
    store = MemoryStore(tmp_path / "state")
    store.load(dataset)
    figures = measure_store(store, dataset, tmp_path / "history", repeat=1, skip_before=False)
    assert figures["before"]["status"] == "replaced" and len(figures["after"]) == 5
    assert all(r["status"] == "replaced" and r["records_changed"] >= 1 for r in figures["after"])
    assert [r["actors_changed"] for r in figures["after"] if "actor" in r["edit"]] == [1, 1, 1]
    text = section({"actors": 400, "rows": dataset.row_count, "repeat": 1, "cpus": 2,
                    "load_average_start": (1.0, 1.0, 1.0), "load_average_end": (1.0, 1.0, 1.0),
                    "embedded": figures})
    assert text.startswith("## Edits at 100,000 actors") and "| actor retired |" in text
