"""The embedded store opened from its derived packs (issue 17, item 1).

A store reopened from its folder reads the actors' columns from memory-mapped packs and each record
from its bytes in the JSON: it must answer every question exactly as the store that loaded the data
(which built everything from the records in memory), read no record for the counting questions,
and treat a pack as a cache: missing, damaged, of another format or of another dataset, it is not
used, the answers stay the same, and the next write writes a good one.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ecosystem.errors import StoreUnavailable
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import ActorKind, Assessment, Level
from ecosystem.store.memory import MemoryStore
from ecosystem.store.memory.packfile import Pack, PackError, pack_bytes
from tests.factories import CREST, DROME, VALENCE, other_dataset, small_dataset

GENERATED = generate(GeneratorSpec(actors=1500, seed=3, scope=DROME))
RECORDED = Assessment("alim-valence", "principe-7", date(2025, 9, 1), 3, author="alice")


def answers(store: MemoryStore) -> dict[str, Any]:
    """Every kind of question the contract has, on the three datasets."""
    some = ["biodrome", "jardins-valence", GENERATED.actors[7].id, GENERATED.actors[-1].id, "nobody"]
    alliance = GENERATED.alliances[0].id
    return {
        "stats": store.stats(),
        "datasets": store.datasets(),
        "overlaps": [store.overlap_counts((VALENCE,), (2, 12, 13), level, exclude=["biodrome"], limit=30)
                     for level in (Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT)],
        "pairs": store.overlap_pairs(DROME, Level.EPCI, min_jaccard=0.5, limit=40),
        "pair_total": store.overlap_pair_total(DROME, Level.EPCI, min_jaccard=0.5, same_kind=True),
        "profiles": store.overlap_profile_pairs(CREST, Level.COMMUNE, min_jaccard=0.3),
        "coverage": [store.coverage(DROME, level) for level in (Level.COMMUNE, Level.EPCI)],
        "copresent": store.copresent((VALENCE, CREST), Level.COMMUNE, exclude=["biodrome"], limit=50),
        "actors_in": store.actors_in([DROME], kinds=[ActorKind.ASSOCIATION], sdgs=[2, 13]),
        "alliances_in": store.alliances_in([DROME]),
        "policies_in": store.policies_in([VALENCE]),
        "links": store.actor_links(),
        "actors": store.actors(some),
        "presence": store.presence(some, Level.EPCI),
        "alliances": store.alliances(),
        "policies": store.policies(),
        "memberships": store.memberships(alliance_ids=[alliance, "alim-valence"]),
        "assessments": store.assessments("alim-valence"),
        "search": store.search("jardin"),
        "dataset": [store.dataset(d.id) for d in store.datasets()],
        "graph": sorted(map(repr, store.graph().edges(keys=True))),
    }


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A folder holding three datasets, and the answers of the store that loaded them."""
    folder = tmp_path_factory.mktemp("open") / "state"
    store = MemoryStore(folder)
    for dataset in (small_dataset(), other_dataset(), GENERATED):
        store.load(dataset)
    store.record_assessments([RECORDED])
    return folder, answers(store)


@pytest.fixture
def copy(loaded: tuple[Path, dict[str, Any]], tmp_path: Path) -> Path:
    shutil.copytree(loaded[0], tmp_path / "state")
    return tmp_path / "state"


def packs(folder: Path) -> list[Path]:
    return sorted((folder / "datasets").glob("*.pack"))


def manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_a_reopened_store_answers_as_the_one_that_loaded(loaded: tuple[Path, dict[str, Any]]) -> None:
    folder, expected = loaded
    assert len(packs(folder)) == 3 and all(e.get("derived") for e in manifest(folder)["datasets"].values())
    assert answers(MemoryStore(folder)) == expected


def test_counting_questions_read_no_record_and_build_no_graph(copy: Path) -> None:
    store = MemoryStore(copy)
    store.stats()
    store.datasets()
    store.overlap_counts((VALENCE,), (2, 12), Level.COMMUNE, limit=10)
    store.coverage(DROME, Level.EPCI)
    store.copresent((VALENCE,), Level.EPCI, limit=10)
    store.actors_in([DROME], sdgs=[13])
    store.actor_links()
    assert [a.id for a in store.actors(["biodrome", GENERATED.actors[3].id])] == sorted(
        ["biodrome", GENERATED.actors[3].id])
    assert not [did for did, held in store._held.items() if held.records.loaded]
    assert store._graph is None
    store.graph()  # the graph (and with it every record) only when asked for
    assert all(held.records.loaded for held in store._held.values())


def _damage(folder: Path, how: str) -> None:
    data = manifest(folder)
    entry = data["datasets"][GENERATED.id]
    pack = folder / "datasets" / entry["derived"]
    raw = pack.read_bytes()
    if how == "missing":
        pack.unlink()
    elif how == "cut":
        pack.write_bytes(raw[: len(raw) // 2])
    elif how == "flipped":  # one byte of the SDG masks changed: same size, same header
        opened = Pack(pack)
        at = opened._base + opened.header["arrays"]["masks"]["offset"]
        pack.write_bytes(raw[:at] + bytes([raw[at] ^ 0x01]) + raw[at + 1:])
    elif how == "older-format":
        assert raw.count(b'"format":1,') == 1
        pack.write_bytes(raw.replace(b'"format":1,', b'"format":0,'))
    elif how == "another-dataset":  # a pack, valid, but derived from another dataset's file
        entry["derived"] = data["datasets"]["petit-drome"]["derived"]
    elif how == "old-folder":  # written before packs existed: no "derived" in the manifest
        for item in data["datasets"].values():
            (folder / "datasets" / item.pop("derived")).unlink()
    (folder / "manifest.json").write_text(json.dumps(data), encoding="utf-8")


DAMAGES = ["missing", "cut", "flipped", "older-format", "another-dataset", "old-folder"]


@pytest.mark.parametrize("how", DAMAGES)
def test_a_pack_is_a_cache_rebuilt_from_the_json(loaded: tuple[Path, dict[str, Any]], copy: Path,
                                                 how: str) -> None:
    _damage(copy, how)
    store = MemoryStore(copy)
    assert answers(store) == loaded[1]
    assert store._held[GENERATED.id].records.rebuilt
    # the next write writes the pack again, named by the manifest with the file
    store.record_assessments([Assessment("alim-valence", "principe-2", date(2025, 9, 2), 2)])
    after = answers(store)
    names = {e["derived"] for e in manifest(copy)["datasets"].values()}
    assert len(names) == 3 and names == {p.name for p in packs(copy)}
    store.record_assessments([Assessment("alim-valence", "principe-3", date(2025, 9, 3), 1)])
    assert {e["derived"] for e in manifest(copy)["datasets"].values()} == names  # written once
    after = answers(store)
    reopened = MemoryStore(copy)
    assert not any(held.records.rebuilt for held in reopened._held.values())
    assert answers(reopened) == after


def test_an_altered_file_of_the_same_size_is_refused_when_read(copy: Path) -> None:
    entry = manifest(copy)["datasets"][GENERATED.id]
    path = copy / "datasets" / entry["file"]
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b'"name":"', b'"name":"X', 1)[:-1])  # one byte more, one less: same size
    store = MemoryStore(copy)  # the size matches: opening reads only the pack
    store.stats()
    with pytest.raises(StoreUnavailable, match="cannot be read"):
        store.actors([GENERATED.actors[0].id])


def test_a_torn_file_is_refused_at_open(copy: Path) -> None:
    entry = manifest(copy)["datasets"][GENERATED.id]
    path = copy / "datasets" / entry["file"]
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(StoreUnavailable, match="cannot be read"):
        MemoryStore(copy)


def test_a_pack_file_round_trips_and_refuses_changed_bytes(tmp_path: Path) -> None:
    arrays = {"ids": np.asarray([b"a", b"bc"], dtype="S2"),
              "spans": np.arange(6, dtype=np.int64).reshape(3, 2), "empty": np.empty(0, dtype=np.int32)}
    path = tmp_path / "x.pack"
    path.write_bytes(pack_bytes({"format": 1, "note": "é"}, arrays))
    pack = Pack(path)
    assert pack.header["note"] == "é" and pack.names() == ("ids", "spans", "empty")
    for name, array in arrays.items():
        assert np.array_equal(pack.array(name), array) and pack.array(name).dtype == array.dtype
    raw = bytearray(path.read_bytes())
    raw[-64] ^= 1  # inside the spans (the last non-empty array, padded to 64 bytes)
    path.write_bytes(bytes(raw))
    with pytest.raises(PackError, match="spans"):
        Pack(path).array("spans")
    path.write_bytes(b"not a pack")
    with pytest.raises(PackError):
        Pack(path)
