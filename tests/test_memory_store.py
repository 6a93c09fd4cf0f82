"""The embedded store beyond the contract: its files, crash safety, and its inner pieces.

Crashes are real: a child process runs a write on a copy of a state folder and is killed with
SIGKILL, either at a chosen durability step (the k-th fsync or rename it asks for: every step is
tried) or asynchronously while it writes a large dataset. After each, a fresh store must read
exactly the state before the write or exactly the state after it, never anything in between.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecosystem.errors import ConflictError, DatasetInvalid, StoreUnavailable
from ecosystem.model import Actor, ActorKind, Assessment, Dataset, InferredSdg, Level, Policy
from ecosystem.reference import reference
from ecosystem.store.memory import MemoryStore
from ecosystem.store.memory.matrices import POPCOUNT, Projection, jaccard, sdg_mask
from ecosystem.store.memory.persistence import canonical_json, checksum_of
from ecosystem.store.rules import relationship_count
from tests.factories import CREST, VALENCE, other_dataset, small_dataset, with_actor_renamed
from tests.test_contract import sort_records

ROOT = Path(__file__).resolve().parent.parent
H = reference().hierarchy


def files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def state_of(folder: Path) -> dict[str, Dataset]:
    """What a fresh store reads from `folder`: every dataset as `dataset()` gives it."""
    store = MemoryStore(folder)
    return {info.id: store.dataset(info.id) for info in store.datasets()}


# ============================================================================ persistence


def test_a_second_store_sees_what_the_first_saved(tmp_path: Path) -> None:
    first = MemoryStore(tmp_path / "state")
    first.load(small_dataset())
    first.load(other_dataset())
    first.record_assessments([Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "ok")])
    second = MemoryStore(tmp_path / "state")
    assert second.datasets() == first.datasets()
    assert second.stats() == first.stats()
    assert second.dataset("petit-drome") == first.dataset("petit-drome")
    recorded = Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "ok")
    assert second.assessments("alim-valence")[-1] == recorded
    assert second.overlap_pairs("departement:26", Level.COMMUNE) == first.overlap_pairs("departement:26",
                                                                                         Level.COMMUNE)
    first.remove_dataset("autre-jeu")
    assert [d.id for d in MemoryStore(tmp_path / "state").datasets()] == ["petit-drome"]


def test_an_empty_folder_is_an_empty_store_and_is_created_on_first_write(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path / "not" / "yet")
    assert store.datasets() == [] and not (tmp_path / "not").exists()
    store.load(other_dataset())
    assert [d.id for d in MemoryStore(tmp_path / "not" / "yet").datasets()] == ["autre-jeu"]


def test_the_dataset_file_is_the_checksummed_json(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path)
    store.load(small_dataset())
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["datasets"]["petit-drome"]
    raw = (tmp_path / "datasets" / entry["file"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == entry["sha256"]
    assert entry["checksum"] == small_dataset().checksum() == hashlib.sha256(raw).hexdigest()[:16]
    assert manifest["generation"] == 1


def test_loading_the_same_dataset_touches_no_file(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path)
    store.load(small_dataset())
    before = files(tmp_path)
    assert store.load(small_dataset()).status == "unchanged"
    assert MemoryStore(tmp_path).load(small_dataset()).status == "unchanged"  # as read back from the file
    assert files(tmp_path) == before


def test_failed_loads_touch_no_file(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path)
    store.load(small_dataset())
    before = files(tmp_path)
    intruder = replace(other_dataset(), actors=(Actor("biodrome", "Autre", ActorKind.AUTRE, (CREST,)),))
    with pytest.raises(ConflictError):
        store.load(intruder)
    broken = replace(small_dataset(), actors=(Actor("x", "X", ActorKind.AUTRE, ("commune:00000",)),))
    with pytest.raises(DatasetInvalid):
        store.load(broken)
    assert files(tmp_path) == before


def test_a_replaced_version_leaves_one_file(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path)
    store.load(small_dataset())
    store.load(with_actor_renamed(small_dataset(), "biodrome", "Bio"))
    # one file and its derived pack
    assert sorted(p.suffix for p in (tmp_path / "datasets").iterdir()) == [".json", ".pack"]
    store.remove_dataset("petit-drome")
    assert list((tmp_path / "datasets").iterdir()) == []


def test_stray_files_are_ignored_then_swept(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path)
    store.load(small_dataset())
    strays = [tmp_path / "datasets" / ".petit-drome-0.json.tmp-abc", tmp_path / ".manifest.json.tmp-xyz",
              tmp_path / "datasets" / "petit-drome-orphan.json"]
    strays[0].write_bytes(b'{"id": "petit-drome", "name": "half')
    strays[1].write_bytes(b'{"format": 1, "generation": 99, "datasets": {}}')
    strays[2].write_bytes(canonical_json(other_dataset()))
    assert state_of(tmp_path) == {"petit-drome": sort_records(small_dataset())}
    MemoryStore(tmp_path).load(other_dataset())
    assert not any(p.exists() for p in strays)
    assert sorted(state_of(tmp_path)) == ["autre-jeu", "petit-drome"]


def test_an_altered_file_is_refused_not_half_read(tmp_path: Path) -> None:
    MemoryStore(tmp_path).load(small_dataset())
    (data,) = (tmp_path / "datasets").glob("*.json")
    raw = data.read_bytes()
    data.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(StoreUnavailable, match="cannot be read"):
        MemoryStore(tmp_path)
    data.write_bytes(raw)
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreUnavailable, match="manifest"):
        MemoryStore(tmp_path)


def test_two_stores_on_one_folder_lose_no_write(tmp_path: Path) -> None:
    app, cli = MemoryStore(tmp_path), MemoryStore(tmp_path)
    app.load(small_dataset())
    cli.load(other_dataset())  # catches up with the app's write before committing its own
    assert [d.id for d in cli.datasets()] == ["autre-jeu", "petit-drome"]
    app.record_assessments([Assessment("mobilite-crest", "principe-1", date(2025, 9, 1), 1)])  # sees cli's
    assert sorted(state_of(tmp_path)) == ["autre-jeu", "petit-drome"]
    intruder = replace(other_dataset("intrus"), alliances=())
    with pytest.raises(ConflictError):  # crest-velo belongs to autre-jeu, loaded through the other store
        MemoryStore(tmp_path).load(intruder)


# ============================================================================ crash safety

RECORDED = Assessment("alim-valence", "principe-7", date(2025, 9, 1), 3)


def new_version(extra: int) -> Dataset:
    """small_dataset renamed, with `extra` more actors in Valence (to make its file large)."""
    ds = small_dataset()
    more = tuple(Actor(f"gros-{i:06d}", f"Gros acteur {i}", ActorKind.ASSOCIATION, (VALENCE,), (i % 17 + 1,))
                 for i in range(extra))
    return replace(ds, name="Nouvelle version", actors=ds.actors + more)


CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path

    from ecosystem.store.memory import MemoryStore
    from tests.test_memory_store import RECORDED, new_version

    state, operation, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    step, extra = int(sys.argv[4]), int(sys.argv[5])
    store = MemoryStore(Path(state))
    if operation == "load":
        dataset = new_version(extra)
        work = lambda: store.load(dataset)
    elif operation == "remove":
        work = lambda: store.remove_dataset("petit-drome")
    else:
        work = lambda: store.record_assessments([RECORDED])

    real = {"fsync": os.fsync, "replace": os.replace}
    calls = 0

    def fault(name):
        def step_(*args, **kwargs):
            global calls
            calls += 1
            if calls == step:
                if mode == "kill":
                    os.kill(os.getpid(), signal.SIGKILL)
                raise OSError(f"injected failure before {name}")
            return real[name](*args, **kwargs)
        return step_

    if step:
        os.fsync, os.replace = fault("fsync"), fault("replace")
    print("ready", flush=True)
    try:
        work()
    except OSError:
        os.fsync, os.replace = real["fsync"], real["replace"]
        print(sorted((d.id, d.name, d.count("actors"), d.count("assessments")) for d in store.datasets()))
        sys.exit(3)
""")


def child(state: Path, operation: str, mode: str = "kill", step: int = 0, extra: int = 0) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(state), operation, mode, str(step), str(extra)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def expected_states(operation: str, extra: int = 0) -> tuple[dict[str, Dataset], dict[str, Dataset]]:
    before = {"petit-drome": sort_records(small_dataset())}
    if operation == "remove":
        return before, {}
    if operation == "record":
        ds = small_dataset()
        return before, {"petit-drome": sort_records(replace(ds, assessments=(*ds.assessments, RECORDED)))}
    return before, {"petit-drome": sort_records(new_version(extra))}


def questions(store: MemoryStore) -> tuple:
    """Counting questions, answered from the derived packs when the store was opened from a folder."""
    return (replace(store.stats(), datasets=()), store.overlap_counts((VALENCE,), (2, 12, 13), Level.COMMUNE),
            store.coverage(VALENCE, Level.COMMUNE), store.actors_in([CREST, VALENCE]),
            store.actors(["biodrome", "gros-000001"]))


def questions_of(state: dict[str, Dataset], folder: Path) -> tuple:
    """The same questions asked of a store that loaded `state` in this process (no pack read)."""
    store = MemoryStore(folder)
    for dataset in state.values():
        store.load(dataset)
    return questions(store)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A state folder holding small_dataset, to copy before each crash."""
    folder = tmp_path_factory.mktemp("prepared") / "state"
    MemoryStore(folder).load(small_dataset())
    return folder


STEPS = {"load": 10, "remove": 4, "record": 4}  # one more than the durability steps each write takes


@pytest.mark.parametrize("operation", sorted(STEPS))
def test_a_crash_at_any_durability_step_leaves_before_or_after(prepared: Path, tmp_path: Path,
                                                                operation: str) -> None:
    before, after = expected_states(operation, extra=50)
    runs = []
    for step in range(1, STEPS[operation] + 1):
        folder = tmp_path / f"step{step}"
        shutil.copytree(prepared, folder)
        runs.append((step, folder, child(folder, operation, "kill", step, extra=50)))
    seen = []
    for step, folder, process in runs:
        _, err = process.communicate()
        completed = step == STEPS[operation]
        assert process.returncode == (0 if completed else -signal.SIGKILL), err
        state = state_of(folder)
        assert state in (before, after), f"step {step}: a state between before and after"
        # the derived packs left by the crash answer as the records of that state do
        assert questions(MemoryStore(folder)) == questions_of(state, tmp_path / f"fresh{step}"), step
        seen.append(state == after)
    # early crashes keep the old state, late ones the new: the commit is one point, never undone
    assert seen[0] is False and seen[-1] is True and seen == sorted(seen)


@pytest.mark.parametrize("operation, step", [("load", 1), ("load", 5), ("remove", 2), ("record", 2)])
def test_a_failed_write_leaves_memory_as_it_was(prepared: Path, tmp_path: Path, operation: str,
                                                 step: int) -> None:
    folder = tmp_path / "state"
    shutil.copytree(prepared, folder)
    process = child(folder, operation, "raise", step, extra=50)
    out, err = process.communicate()
    assert process.returncode == 3, err
    # the child printed what its store held after the failure: the state before the write
    assert out.strip().splitlines()[-1] == str([("petit-drome", "Petit jeu drômois", 9, 3)])
    assert state_of(folder) == expected_states(operation)[0]


def test_a_kill_while_writing_a_large_dataset_loses_nothing(prepared: Path, tmp_path: Path) -> None:
    folder = tmp_path / "state"
    shutil.copytree(prepared, folder)
    before, after = expected_states("load", extra=20_000)
    process = child(folder, "load", extra=20_000)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    data = folder / "datasets"
    while process.poll() is None:  # kill as soon as a temporary file shows, i.e. mid-write
        if any(".tmp-" in name for name in os.listdir(data)) or any(".tmp-" in n for n in os.listdir(folder)):
            process.send_signal(signal.SIGKILL)
            break
    process.communicate()
    assert state_of(folder) in (before, after)
    MemoryStore(folder).load(other_dataset())  # the next write sweeps what the crash left
    assert not [p for p in folder.rglob("*") if ".tmp-" in p.name]


# ============================================================================ inner pieces


def test_the_graph_holds_the_design_relationships(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path)
    store.load(small_dataset())
    graph = store.graph()
    romans, sdg13 = ("Actor", "romans-repair"), ("SDG", 13)
    assert graph.edges[romans, sdg13, "CONTRIBUTES_TO"] == {"source": "inferred", "confidence": 0.5,
                                                            "rules": ("mot-cle:climat",)}
    assert graph.edges[romans, ("SDG", 12), "CONTRIBUTES_TO"]["source"] == "declared"
    member = ("Actor", "jardins-valence"), ("Alliance", "alim-valence"), "MEMBER_OF"
    assert graph.edges[member] == {"role": "pilote"}
    assert graph.has_edge(("Actor", "ville-valence"), ("Policy", "cdv-valence"), "CARRIES")
    assert graph.has_edge(("Alliance", "alim-valence"), ("Policy", "pat-vra"), "ALIGNS_WITH")
    assert graph.has_edge(("Actor", "biodrome"), ("Lever", "moyen-donnees"), "OFFERS")
    assert graph.has_edge(("Actor", "biodrome"), ("Dataset", "petit-drome"), "BELONGS_TO")
    domain = [k for _, _, k in graph.edges(keys=True) if k != "BELONGS_TO"]
    assert len(domain) == relationship_count(small_dataset()) == 63
    store.record_assessments([Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2)])
    assessed = [k for _, _, k in store.graph().out_edges(("Alliance", "alim-valence"), keys=True)
                if isinstance(k, tuple)]
    assert sorted(assessed) == [("ASSESSED", "2025-01-10"), ("ASSESSED", "2025-06-01"),
                                ("ASSESSED", "2025-06-01"), ("ASSESSED", "2025-09-01")]
    with pytest.raises(nx.NetworkXError):
        graph.add_node("x")  # a read-only view
    store.remove_dataset("petit-drome")
    assert store.graph().number_of_edges() == 0
    assert {label for label, _ in store.graph().nodes} <= {"Territory", "SDG", "Lever"}  # bare reference ends


def test_the_reference_graph(tmp_path: Path) -> None:
    ref = MemoryStore(tmp_path).reference_graph()
    assert ref.number_of_nodes() == len(H) + 17 + 21
    assert set(ref.successors(("Territory", VALENCE))) == {("Territory", "epci:200068781"),
                                                           ("Territory", "departement:26")}
    assert ref.edges[("Territory", "departement:26"), ("Territory", "region:84")]["type"] == "PART_OF"


@pytest.mark.parametrize("level", list(Level))
def test_projection_matrices_are_hierarchy_project(level: Level) -> None:
    """R_L row t is project(t, L), for every territory of France."""
    projection = Projection(H)
    matrix = projection.to_level(level)
    names = projection.level_ids[level]
    for row, tid in enumerate(projection.ids):
        found = {names[c] for c in matrix.indices[matrix.indptr[row]:matrix.indptr[row + 1]]}
        assert found == H.project(tid, level), tid


def test_vectorised_jaccard_is_the_contract_function() -> None:
    import numpy as np

    from ecosystem.store.base import jaccard as scalar

    cases = [(1, 2, 1, 3, 1, 2), (54, 1, 54, 3, 362, 3), (1, 1, 4025, 2, 1, 2), (0, 3, 1, 3, 1, 3),
             (7, 3, 9, 5, 11, 4)]
    columns = [np.asarray(c) for c in zip(*cases, strict=True)]
    assert jaccard(*columns).tolist() == [scalar(*c) for c in cases]
    assert sdg_mask([1, 17]) == 0b1_0000_0000_0000_0001 and POPCOUNT[sdg_mask([2, 5, 13])] == 3


texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@st.composite
def odd_datasets(draw: st.DrawFn) -> Dataset:
    """Datasets with awkward text, dates and floats: what the canonical JSON must render like the model."""
    actors = tuple(
        Actor(f"a{i}", draw(texts) or "x", draw(st.sampled_from(list(ActorKind))), (VALENCE,),
              tuple(draw(st.lists(st.integers(1, 17), max_size=3, unique=True))), description=draw(texts),
              inferred_sdgs=tuple(InferredSdg(n, draw(texts), draw(st.floats(0, 1))) for n in
                                  draw(st.lists(st.integers(1, 17), max_size=2))),
              created=draw(st.none() | st.dates()), active=draw(st.booleans()))
        for i in range(draw(st.integers(0, 3))))
    policies = tuple(Policy(f"p{i}", "P", draw(texts), (), (CREST,)) for i in range(draw(st.integers(0, 2))))
    return Dataset(draw(texts) or "d", draw(texts), source=draw(texts), actors=actors, policies=policies)


@settings(max_examples=60, deadline=None)
@given(odd_datasets())
def test_canonical_json_digests_like_the_model(ds: Dataset) -> None:
    assert checksum_of(canonical_json(ds.canonical())) == ds.checksum()


def test_relationship_count_counts_the_edges_the_graph_gets() -> None:
    """The arithmetic count (fast) agrees with the distinct edges actually built."""
    from ecosystem.datasets import read_dataset
    from ecosystem.generate import GeneratorSpec, generate
    from ecosystem.store.memory.graph import domain_edges
    from ecosystem.store.rules import relationship_count

    for ds in (small_dataset(), read_dataset(Path("data/examples/demo-drome")),
               generate(GeneratorSpec(actors=500, seed=2))):
        own = {(s.alliance, s.lever, s.on) for s in ds.assessments}
        distinct = {(u, v, key) for u, v, key, _ in domain_edges(ds, ())}
        assert relationship_count(ds) == len(distinct) + len(own)
