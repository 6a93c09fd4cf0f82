"""Re-import as a difference (issue 17, item 3): the pure difference, and both stores applying it.

A small replacement is applied as a difference (the embedded graph edited in place, one Neo4j
transaction in the live version); every answer must then be exactly what a whole load of the new
version gives, on both stores, and the load report says what changed. Crash safety of the
difference path is checked like the whole load's: the embedded store's child process killed at
each durability step (tests/test_difference_crash.py does the same with a real Neo4j server).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from benchmarks.reimport import updated
from ecosystem.datasets import difference as diff_module
from ecosystem.datasets.difference import Change, Difference, compare, difference, digests, record_digest
from ecosystem.errors import ConflictError
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Actor, ActorKind, Assessment, Dataset, Level, MemberRole, Membership
from ecosystem.store.base import Store
from ecosystem.store.memory import MemoryStore
from tests.factories import CREST, VALENCE, other_dataset, small_dataset, with_actor_renamed

# ============================================================================ the pure difference


def test_compare_sorts_keys_into_added_removed_changed() -> None:
    assert compare("actors", {"a": 1, "b": 2, "c": 3}, {"b": 2, "c": 4, "d": 5}) == Change(
        "actors", added=("d",), removed=("a",), changed=("c",))


def test_a_dataset_against_itself_is_empty_and_records_are_compared_by_content() -> None:
    ds = small_dataset().canonical()
    assert difference(ds, ds).empty
    assert difference(ds, small_dataset()).empty  # equal records built anew: same canonical form
    renamed = with_actor_renamed(ds, "biodrome", "BioDrôme")
    assert difference(ds, renamed).counts()[0] == ("actors", 0, 0, 1)


def test_every_kind_is_counted() -> None:
    ds = small_dataset()
    m = ds.memberships
    new = replace(ds, actors=(*(a for a in ds.actors if a.id != "ancienne-asso"),
                              Actor("nouvel-acteur", "Nouvel acteur", ActorKind.ASSOCIATION, (VALENCE,))),
                  memberships=(m[0], replace(m[1], role=MemberRole.FINANCEUR), m[2], m[3]),
                  assessments=(*ds.assessments[:2],
                               Assessment("alim-valence", "principe-2", date(2025, 7, 1), 1)))
    assert difference(ds, new).counts() == (
        ("actors", 1, 1, 0), ("policies", 0, 0, 0), ("alliances", 0, 0, 0), ("memberships", 0, 1, 1),
        ("assessments", 1, 1, 0))
    assert difference(ds, new).of("memberships").changed == (("alim-valence", "biodrome"),)


def test_small_is_a_share_of_the_rows() -> None:
    one = Difference((Change("actors", changed=("a",)),))
    assert one.small(5) and not one.small(4)  # 1 <= 0.2 * 5, 1 > 0.2 * 4
    assert one.small(100, share=0.01) and not one.small(99, share=0.01)


def test_digests_are_equal_exactly_for_equal_records() -> None:
    ds = small_dataset()
    a = ds.actors[0]
    assert record_digest(a) == record_digest(replace(a))
    assert record_digest(a) != record_digest(replace(a, name=a.name + " "))
    assert record_digest(a) != record_digest(replace(a, created=date(2020, 1, 1)))
    assert set(digests(ds)) == {"actors", "policies", "alliances"}
    assert len(set(digests(ds)["actors"].values())) == len(ds.actors)


def test_updated_touches_the_share_asked() -> None:
    v1 = generate(GeneratorSpec(actors=2000, seed=5)).canonical()
    d = difference(v1, updated(v1, 0.01, seed=5))
    added, removed, changed = d.of("actors").added, d.of("actors").removed, d.of("actors").changed
    assert len(changed) == 12 and len(added) == 4 and 0 < len(removed) <= 4
    assert d.small(v1.row_count)


# ============================================================================ both stores

def snapshot(store: Store, dataset_id: str) -> tuple:
    """What the reads answer about a dataset: records, catalogue and the counting primitives."""
    ds = store.dataset(dataset_id)
    actors = [a.id for a in ds.actors]
    some = actors[:: max(1, len(actors) // 7)]
    territories = sorted({t for a in ds.actors[:40] for t in a.territories})[:5]
    info = [replace(d, loaded_at="") for d in store.datasets()]
    return (
        ds, info, store.stats().actors_by_kind, store.stats().memberships, store.stats().assessments,
        store.actors_in([]), store.actor_links(), store.search("fictif", limit=15),
        store.presence(some, Level.DEPARTEMENT), store.memberships(),
        [store.assessments(a.id) for a in ds.alliances],
        [store.overlap_counts(store.presence([a], Level.COMMUNE)[a], (3, 4, 13), Level.COMMUNE, limit=20)
         for a in some[:3]],
        [store.overlap_pairs(t, Level.EPCI, min_jaccard=0.2, limit=50) for t in territories],
        [store.coverage(t, Level.EPCI) for t in territories[:2]],
        [store.copresent([t], Level.COMMUNE, limit=30) for t in territories[:2]],
    )


@pytest.fixture(scope="module")
def versions() -> tuple[Dataset, Dataset]:
    v1 = generate(GeneratorSpec(actors=1500, seed=7, scope="departement:26")).canonical()
    return v1, updated(v1, 0.02, seed=7)


def test_a_difference_load_answers_as_a_whole_load(store: Store, tmp_path, versions) -> None:
    v1, v2 = versions
    store.load(v1)
    report = store.load(v2)
    assert report.status == "replaced" and report.method == "difference"
    assert report.changes == difference(v1, v2).counts()
    whole = MemoryStore(tmp_path / "whole")
    assert whole.load(v2).method == "full"
    assert snapshot(store, v2.id) == snapshot(whole, v2.id)
    back = store.load(v1)  # and back, also as a difference
    assert back.method == "difference" and store.dataset(v1.id) == v1
    assert store.load(v1).status == "unchanged"


def test_both_stores_report_the_same_changes(store: Store, tmp_path, versions) -> None:
    v1, v2 = versions
    other = MemoryStore(tmp_path / "other")
    for s in (store, other):
        s.load(v1)
    assert store.load(v2) == other.load(v2)


def test_past_the_share_the_whole_version_is_written_and_still_reported(store: Store, versions) -> None:
    v1, _ = versions
    store.load(v1)
    big = updated(v1, 0.4, seed=3)
    report = store.load(big)
    assert report.method == "full" and report.status == "replaced"
    assert report.changes == difference(v1, big).counts()
    assert store.dataset(v1.id) == big.canonical()


def test_metadata_only_is_a_difference_of_nothing(store: Store) -> None:
    store.load(small_dataset())
    renamed = replace(small_dataset(), name="Autre nom", description="Décrit")
    report = store.load(renamed)
    assert report.method == "difference" and all(c[1:] == (0, 0, 0) for c in report.changes)
    assert [(d.name, d.description) for d in store.datasets()] == [("Autre nom", "Décrit")]
    assert store.datasets()[0].checksum == renamed.checksum()


def _app_history(store: Store, force_full: bool, monkeypatch: pytest.MonkeyPatch) -> list:
    """The small dataset with one entry recorded in the app, one over a file entry, one file entry
    deleted; then a new version of the file (one actor renamed) loaded one way or the other."""
    store.load(small_dataset())
    store.record_assessments([Assessment("alim-valence", "principe-7", date(2025, 9, 1), 3, author="claire"),
                              Assessment("climat-drome", "principe-2", date(2025, 9, 2), 1, author="jo"),
                              Assessment("alim-valence", "principe-1", date(2025, 6, 1), 0, "app", "claire")])
    store.delete_assessment("alim-valence", "modalite-dialoguer", date(2025, 6, 1))
    with monkeypatch.context() as m:  # 7 records of 19 rows: past the share on so small a dataset
        m.setattr(diff_module, "FULL_LOAD_SHARE", 0.0 if force_full else 1.0)
        ds = with_actor_renamed(small_dataset(), "biodrome", "BioDrôme")
        ds = replace(ds, alliances=tuple(a for a in ds.alliances if a.id != "climat-drome"),
                     memberships=tuple(x for x in ds.memberships if x.alliance != "climat-drome"))
        report = store.load(ds)
    assert report.method == ("full" if force_full else "difference")
    stats = store.stats()
    stats = replace(stats, datasets=tuple(replace(d, loaded_at="") for d in stats.datasets))
    return [report.changes, store.assessments("alim-valence"), store.dataset("petit-drome"), stats]


def test_the_apps_entries_come_out_as_with_a_whole_load(store: Store, monkeypatch, tmp_path) -> None:
    """Kept where their alliance stays, the file's entries back (a deleted one, one the app
    replaced), gone with their alliance: what a whole load gives, on both stores."""
    by_difference = _app_history(store, False, monkeypatch)
    for info in store.datasets():
        store.remove_dataset(info.id)
    assert by_difference == _app_history(store, True, monkeypatch)
    assert by_difference == _app_history(MemoryStore(tmp_path / "m"), False, monkeypatch)


def test_ids_of_another_dataset_are_refused_by_a_difference_too(store: Store) -> None:
    store.load(small_dataset())
    store.load(other_dataset())
    before = (store.datasets(), store.dataset("petit-drome"), store.dataset("autre-jeu"))
    ds = small_dataset()
    stealing = replace(ds, actors=(*ds.actors, Actor("crest-velo", "Vélo", ActorKind.ASSOCIATION, (CREST,))))
    with pytest.raises(ConflictError):
        store.load(stealing)
    assert (store.datasets(), store.dataset("petit-drome"), store.dataset("autre-jeu")) == before
    # moved for real: out of its dataset first (a difference too), then into the other
    other = other_dataset()
    velo = next(a for a in other.actors if a.id == "crest-velo")
    assert store.load(replace(other, actors=tuple(a for a in other.actors if a is not velo))).method == "full"
    report = store.load(replace(ds, actors=(*ds.actors, velo)))
    assert report.method == "difference" and report.changed("actors") == (1, 0, 0)
    assert "crest-velo" in store.actors_in([CREST]) and store.dataset("autre-jeu").actors == (
        next(a for a in other.actors if a.id == "crest-mairie"),)


def test_a_changed_policy_and_alliance_keep_the_links_others_hold(store: Store, monkeypatch) -> None:
    """CARRIES belongs to the policy, ALIGNS_WITH to the alliance, MEMBER_OF to the membership: a
    changed record is rewritten in place, so what unchanged records hold towards it stays."""
    monkeypatch.setattr(diff_module, "FULL_LOAD_SHARE", 1.0)  # 5 records of 22 rows
    ds = small_dataset()
    store.load(ds)
    links = store.actor_links()
    policies = tuple(replace(p, name=p.name + " (révisé)") for p in ds.policies)
    alliances = tuple(replace(a, purpose="Nouveau but") for a in ds.alliances)
    report = store.load(replace(ds, policies=policies, alliances=alliances))
    assert report.method == "difference" and report.changed("policies") == (0, 0, len(policies))
    assert store.actor_links() == links
    assert store.memberships() == sorted(ds.memberships, key=lambda m: (m.alliance, m.actor))
    assert store.dataset(ds.id) == replace(ds, policies=policies, alliances=alliances).canonical()
    carriers = replace(policies[0], carriers=policies[0].carriers[:1])
    membership = Membership("alim-valence", "labo-aura", MemberRole.PARTENAIRE)
    smaller = replace(ds, policies=(carriers, *policies[1:]), alliances=alliances,
                      memberships=(*ds.memberships, membership))
    assert store.load(smaller).method == "difference"
    assert store.dataset(ds.id) == smaller.canonical()
    assert ("alim-valence", "labo-aura") in {(m.alliance, m.actor) for m in store.memberships()}


def test_the_embedded_graph_after_a_difference_is_the_graph_of_a_whole_load(tmp_path, versions) -> None:
    v1, v2 = versions
    edited, whole = MemoryStore(tmp_path / "edited"), MemoryStore(tmp_path / "whole")
    edited.load(v1)
    assert edited.load(v2).method == "difference"
    whole.load(v2)

    def shape(store: MemoryStore) -> tuple:
        graph = store.graph()
        nodes = sorted((repr(n), repr(sorted((k, v) for k, v in d.items() if k != "loaded_at")))
                       for n, d in graph.nodes(data=True) if d)
        edges = sorted((repr(u), repr(v), repr(k), repr(sorted(d.items())))
                       for u, v, k, d in graph.edges(keys=True, data=True))
        return nodes, edges

    assert shape(edited) == shape(whole)
    assert shape(MemoryStore(tmp_path / "edited")) == shape(whole)  # and as read back from disk
