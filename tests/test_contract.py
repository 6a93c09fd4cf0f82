"""The store contract (ecosystem/store/base.py), checked on every store with the same expectations.

Every expected value below was worked out by hand from `tests/factories.small_dataset` and the
territorial hierarchy (Valence and Romans are 2 of the 54 communes of CA Valence Romans Agglo, the
Drôme has 362 communes, Auvergne-Rhône-Alpes 4,025), never copied from a store's output. The last
part generates random datasets and compares the counting primitives with a brute-force oracle
written straight from the definitions, with Python sets and `Hierarchy.presence`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecosystem.errors import ConflictError, DatasetInvalid, NotFound
from ecosystem.model import (
    Actor,
    ActorKind,
    Alliance,
    Assessment,
    Dataset,
    InferredSdg,
    Level,
    MemberRole,
    Membership,
    Policy,
)
from ecosystem.reference import reference
from ecosystem.store.base import (
    CoverageCell,
    DatasetInfo,
    Link,
    LoadReport,
    OverlapCount,
    PairCount,
    SearchHit,
    Store,
    jaccard,
    record_detail,
)
from tests.factories import (
    AURA,
    CREST,
    DROME,
    ROMANS,
    VALENCE,
    VRA,
    other_dataset,
    small_dataset,
    with_actor_renamed,
)

H = reference().hierarchy
C, E, D, R, P = Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION, Level.PAYS
CC_CREST = "epci:200040509"  # CC du Crestois et du Pays de Saillans, holds Crest
ACTIVE = ["agglo-vra", "biodrome", "crest-solidaire", "jardins-valence", "labo-aura", "potagers-valentinois",
          "romans-repair", "ville-valence"]  # every actor of small_dataset but ancienne-asso, by id
BAD = (ValueError, DatasetInvalid)  # what a store raises for a record it refuses


def test_reference_facts_the_expectations_rely_on() -> None:
    """If the shipped hierarchy changes, this says which hand-computed numbers to revisit."""
    assert (H.commune_count(VRA), H.commune_count(DROME), H.commune_count(AURA)) == (54, 362, 4025)
    assert H.project(VALENCE, E) == H.project(ROMANS, E) == {VRA}
    assert H.project(CREST, E) == {CC_CREST}
    assert H.project(VRA, D) == {DROME}


@pytest.fixture
def loaded(store: Store) -> Store:
    store.load(small_dataset())
    return store


def sort_records(ds: Dataset) -> Dataset:
    """What `dataset()` promises: records by id, memberships by (alliance, actor), assessments by
    (alliance, on, lever)."""
    return replace(
        ds,
        actors=tuple(sorted(ds.actors, key=lambda a: a.id)),
        policies=tuple(sorted(ds.policies, key=lambda p: p.id)),
        alliances=tuple(sorted(ds.alliances, key=lambda a: a.id)),
        memberships=tuple(sorted(ds.memberships, key=lambda m: (m.alliance, m.actor))),
        assessments=tuple(sorted(ds.assessments, key=lambda s: (s.alliance, s.on, s.lever))),
    )


# ============================================================================ lifecycle


def test_describe_names_the_store(store: Store) -> None:
    info = store.describe()
    assert info.kind in ("embedded", "neo4j")
    assert info.location and info.version and info.label


def test_load_reports_rows_and_relationships(store: Store) -> None:
    report = store.load(small_dataset())
    # rows: 9 actors + 3 policies + 2 alliances + 5 memberships + 3 assessments.
    # relationships, one per distinct (source, type, target): actors 35 (jardins 1 territory + 3 SDGs +
    # 1 offer + 1 need = 6, potagers 3, biodrome 6, ville 3, agglo 4, crest 3, labo 4, romans-repair 1 + 2
    # (12 declared, 13 inferred) = 3, ancienne 3), policies 14 (pat 1+1+2, pcaet 1+1+2, cdv 2+1+3),
    # alliances 6 (alim 1+2+1, climat 1+1), memberships 5, assessments 3.
    assert report == LoadReport("petit-drome", "loaded", 22, 63, seconds=0.0)


def test_loading_the_same_dataset_again_changes_nothing(store: Store) -> None:
    store.load(small_dataset())
    before = store.datasets()
    assert store.load(small_dataset()) == LoadReport("petit-drome", "unchanged", 22, 63, seconds=0.0)
    assert store.datasets() == before


def test_the_same_records_in_another_order_are_the_same_dataset(store: Store) -> None:
    """A sheet sorted differently, or an export read back (sorted by id), changes nothing."""
    dataset = small_dataset()
    store.load(dataset)
    shuffled = replace(dataset, actors=tuple(reversed(dataset.actors)),
                       memberships=tuple(reversed(dataset.memberships)),
                       assessments=tuple(reversed(dataset.assessments)))
    assert store.load(shuffled).status == "unchanged"
    assert store.load(store.dataset(dataset.id)).status == "unchanged"
    assert store.datasets()[0].checksum == dataset.checksum() == shuffled.checksum()


def test_a_new_version_replaces_the_old_one(store: Store) -> None:
    store.load(small_dataset())
    renamed = with_actor_renamed(small_dataset(), "biodrome", "BioDrôme Coopérative")
    assert store.load(renamed).status == "replaced"
    assert [a.name for a in store.actors(["biodrome"])] == ["BioDrôme Coopérative"]
    assert store.datasets()[0].checksum == renamed.checksum() != small_dataset().checksum()
    assert store.dataset("petit-drome") == sort_records(renamed)


def test_a_smaller_version_takes_its_records_away(store: Store) -> None:
    store.load(small_dataset())
    full = small_dataset()
    smaller = replace(full, actors=tuple(a for a in full.actors if a.id != "labo-aura"),
                      alliances=tuple(a for a in full.alliances if a.id != "climat-drome"),
                      memberships=tuple(m for m in full.memberships if m.alliance != "climat-drome"))
    assert store.load(smaller).status == "replaced"
    assert store.actors(["labo-aura"]) == []
    assert [a.id for a in store.alliances()] == ["alim-valence"]
    assert "labo-aura" not in store.actors_in([VALENCE])
    assert store.alliances_in([DROME]) == ["alim-valence"]
    assert [(m.alliance, m.actor) for m in store.memberships()] == [
        ("alim-valence", "agglo-vra"), ("alim-valence", "biodrome"), ("alim-valence", "jardins-valence")]


def test_progress_counts_rows_up_to_the_total(store: Store) -> None:
    calls: list[tuple[int, int]] = []
    store.load(small_dataset(), progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (22, 22)
    assert all(total == 22 for _, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_datasets_describe_what_was_loaded(store: Store) -> None:
    store.load(small_dataset())
    store.load(other_dataset())
    infos = store.datasets()
    assert [i.id for i in infos] == ["autre-jeu", "petit-drome"]
    petit = infos[1]
    assert (petit.name, petit.source, petit.description) == ("Petit jeu drômois", "tests", "")
    assert petit.checksum == small_dataset().checksum()
    assert petit.counts == (("actors", 9), ("policies", 3), ("alliances", 2), ("memberships", 5),
                            ("assessments", 3))
    assert infos[0].counts == (("actors", 2), ("policies", 0), ("alliances", 1), ("memberships", 0),
                               ("assessments", 0))
    loaded_at = datetime.fromisoformat(petit.loaded_at)
    assert loaded_at.utcoffset() is not None and loaded_at.utcoffset().total_seconds() == 0
    assert loaded_at.microsecond == 0
    assert abs((datetime.now(UTC) - loaded_at).days) <= 1


def test_dataset_gives_back_what_was_loaded(store: Store) -> None:
    ds = small_dataset()
    store.load(ds)
    back = store.dataset("petit-drome")
    assert back == sort_records(ds)
    # the user's order inside a record is kept: cdv-valence lists its carriers ville first
    assert next(p for p in back.policies if p.id == "cdv-valence").carriers == ("ville-valence", "agglo-vra")
    store.load(back)  # loading what the store gave back is a round trip too
    assert store.dataset("petit-drome") == sort_records(ds)


def test_unknown_dataset_is_not_found(store: Store) -> None:
    store.load(small_dataset())
    with pytest.raises(NotFound):
        store.dataset("petit-drom")
    with pytest.raises(NotFound):
        store.remove_dataset("petit-drom")


def test_remove_dataset_takes_everything_it_brought(store: Store) -> None:
    store.load(small_dataset())
    store.load(other_dataset())
    store.remove_dataset("petit-drome")
    assert [d.id for d in store.datasets()] == ["autre-jeu"]
    assert [a.id for a in store.actors(["biodrome", "crest-velo"])] == ["crest-velo"]
    assert [a.id for a in store.alliances()] == ["mobilite-crest"]
    assert store.policies() == []
    assert store.memberships() == []
    assert store.actors_in([]) == ["crest-mairie", "crest-velo"]
    assert store.actor_links() == []
    assert store.search("valence") == []
    with pytest.raises(NotFound):
        store.assessments("alim-valence")
    with pytest.raises(NotFound):
        store.remove_dataset("petit-drome")


def test_a_removed_dataset_can_be_loaded_again(store: Store) -> None:
    store.load(small_dataset())
    store.remove_dataset("petit-drome")
    assert store.load(small_dataset()).status == "loaded"
    assert store.dataset("petit-drome") == sort_records(small_dataset())


# ============================================================================ refused loads


def _snapshot(store: Store) -> tuple:
    return (store.datasets(), [store.dataset(d.id) for d in store.datasets()], store.stats(),
            store.actors_in([]), store.actor_links())


@pytest.mark.parametrize("kind", ["actor", "policy", "alliance"])
def test_an_id_of_another_dataset_is_a_conflict(store: Store, kind: str) -> None:
    store.load(small_dataset())
    before = _snapshot(store)
    other = other_dataset()
    if kind == "actor":
        intruder = replace(other, actors=(*other.actors, Actor("biodrome", "Autre Bio", ActorKind.ENTREPRISE,
                                                                (CREST,), (2,))))
    elif kind == "policy":
        pat = Policy("pat-vra", "Autre PAT", "PAT", ("crest-mairie",), (CREST,))
        intruder = replace(other, policies=(pat,))
    else:
        intruder = replace(other, alliances=(*other.alliances, Alliance("climat-drome", "Autre climat")))
    with pytest.raises(ConflictError):
        store.load(intruder)
    assert _snapshot(store) == before
    assert store.actors(["crest-velo"]) == []


def test_a_conflicting_new_version_leaves_the_old_one(store: Store) -> None:
    store.load(small_dataset())
    store.load(other_dataset())
    before = _snapshot(store)
    ds = small_dataset()
    stealing = replace(ds, actors=(*ds.actors, Actor("crest-velo", "Vélo", ActorKind.ASSOCIATION, (CREST,))))
    with pytest.raises(ConflictError):
        store.load(stealing)
    assert _snapshot(store) == before


def _broken(what: str) -> Dataset:
    ds = small_dataset()
    a = ds.actors
    if what == "territory":
        return replace(ds, actors=(replace(a[0], territories=("commune:00000",)), *a[1:]))
    if what == "lever":
        return replace(ds, actors=(replace(a[0], offers=("moyen-inexistant",)), *a[1:]))
    if what == "member":
        return replace(ds, memberships=(*ds.memberships, Membership("alim-valence", "fantome")))
    if what == "carrier":
        return replace(ds, policies=(*ds.policies, Policy("plh", "PLH", "PLH", ("fantome",), (VRA,))))
    if what == "aligned-policy":
        return replace(ds, alliances=(*ds.alliances, Alliance("x", "X", policies=("fantome",))))
    if what == "assessed-lever":
        return replace(ds, assessments=(*ds.assessments, Assessment("alim-valence", "principe-99",
                                                                    date(2025, 1, 1), 1)))
    if what == "assessed-alliance":
        orphan = Assessment("fantome", "principe-1", date(2025, 1, 1), 1)
        return replace(ds, assessments=(*ds.assessments, orphan))
    if what == "duplicate-actor":
        return replace(ds, actors=(*a, replace(a[0], name="Doublon")))
    raise AssertionError(what)


BROKEN = ["territory", "lever", "member", "carrier", "aligned-policy", "assessed-lever", "assessed-alliance",
          "duplicate-actor"]


@pytest.mark.parametrize("what", BROKEN)
def test_a_bad_record_is_refused_and_nothing_changes(store: Store, what: str) -> None:
    store.load(other_dataset())
    before = _snapshot(store)
    with pytest.raises(BAD):
        store.load(_broken(what))
    assert _snapshot(store) == before


@pytest.mark.parametrize("what", ["territory", "member"])
def test_a_bad_new_version_leaves_the_old_one(store: Store, what: str) -> None:
    store.load(small_dataset())
    before = _snapshot(store)
    with pytest.raises(BAD):
        store.load(_broken(what))
    assert _snapshot(store) == before


# ============================================================================ self-assessments


def _history(store: Store, alliance: str) -> list[tuple[str, str, int]]:
    return [(s.on.isoformat(), s.lever, s.score) for s in store.assessments(alliance)]


def test_assessments_are_the_history_by_date_then_lever(loaded: Store) -> None:
    assert _history(loaded, "alim-valence") == [("2025-01-10", "principe-1", 2),
                                                ("2025-06-01", "modalite-dialoguer", 1),
                                                ("2025-06-01", "principe-1", 3)]
    assert loaded.assessments("climat-drome") == []
    with pytest.raises(NotFound):
        loaded.assessments("alim-valenc")


def test_alliance_datasets_names_the_dataset_of_each_alliance(loaded: Store) -> None:
    loaded.load(other_dataset())
    found = loaded.alliance_datasets(["alim-valence", "mobilite-crest", "no-such-alliance"])
    assert found == {"alim-valence": "petit-drome", "mobilite-crest": "autre-jeu"}
    loaded.remove_dataset("autre-jeu")
    assert loaded.alliance_datasets(["mobilite-crest"]) == {}


def test_recorded_assessments_join_the_history(loaded: Store) -> None:
    loaded.record_assessments([
        Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "Complémentarité travaillée"),
        Assessment("climat-drome", "moyen-donnees", date(2025, 9, 1), 1),
    ])
    assert _history(loaded, "alim-valence")[-1] == ("2025-09-01", "principe-4", 2)
    assert _history(loaded, "climat-drome") == [("2025-09-01", "moyen-donnees", 1)]
    assert loaded.stats().assessments == 5
    back = loaded.dataset("petit-drome")
    assert len(back.assessments) == 5
    assert back.assessments[3] == Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2,
                                             "Complémentarité travaillée")
    assert dict(loaded.datasets()[0].counts)["assessments"] == 5


def test_a_recorded_assessment_replaces_the_same_lever_on_the_same_day(loaded: Store) -> None:
    loaded.record_assessments([Assessment("alim-valence", "principe-1", date(2025, 6, 1), 1, "revu")])
    assert _history(loaded, "alim-valence") == [("2025-01-10", "principe-1", 2),
                                                ("2025-06-01", "modalite-dialoguer", 1),
                                                ("2025-06-01", "principe-1", 1)]
    loaded.record_assessments([Assessment("alim-valence", "principe-1", date(2025, 6, 1), 0, "encore")])
    assert loaded.assessments("alim-valence")[-1].comment == "encore"
    assert loaded.stats().assessments == 3


@pytest.mark.parametrize("bad, error", [
    (Assessment("inconnue", "principe-1", date(2025, 9, 1), 1), NotFound),
    (Assessment("alim-valence", "principe-9", date(2025, 9, 1), 1), ValueError),
])
def test_assessments_are_recorded_as_one_unit(loaded: Store, bad: Assessment, error: type) -> None:
    good = Assessment("climat-drome", "principe-2", date(2025, 9, 1), 2)
    with pytest.raises(error):
        loaded.record_assessments([good, bad])
    assert loaded.assessments("climat-drome") == []
    assert loaded.stats().assessments == 3


def test_recorded_assessments_survive_a_new_version_while_their_alliance_exists(loaded: Store) -> None:
    loaded.record_assessments([Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2),
                               Assessment("climat-drome", "principe-2", date(2025, 9, 1), 1)])
    renamed = with_actor_renamed(small_dataset(), "biodrome", "BioDrôme Coopérative")
    assert loaded.load(renamed).status == "replaced"
    assert ("2025-09-01", "principe-4", 2) in _history(loaded, "alim-valence")
    assert _history(loaded, "climat-drome") == [("2025-09-01", "principe-2", 1)]
    members = tuple(m for m in renamed.memberships if m.alliance != "climat-drome")
    without_climat = replace(renamed, alliances=renamed.alliances[:1], memberships=members)
    loaded.load(without_climat)
    with pytest.raises(NotFound):
        loaded.assessments("climat-drome")
    assert ("2025-09-01", "principe-4", 2) in _history(loaded, "alim-valence")
    assert loaded.stats().assessments == 4
    readded = loaded.load(renamed)
    assert readded.status == "replaced"
    assert loaded.assessments("climat-drome") == []  # dropped with its alliance, not hidden


def test_recorded_assessments_go_with_their_dataset(loaded: Store) -> None:
    loaded.record_assessments([Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2)])
    loaded.remove_dataset("petit-drome")
    loaded.load(small_dataset())
    assert len(loaded.assessments("alim-valence")) == 3


def test_a_recorded_entry_keeps_its_author_and_a_file_entry_has_none(loaded: Store) -> None:
    loaded.record_assessments([Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "", "paul")])
    authors = {s.entry_id: s.author for s in loaded.assessments("alim-valence")}
    assert authors == {"principe-1@2025-01-10": "", "principe-1@2025-06-01": "",
                       "modalite-dialoguer@2025-06-01": "", "principe-4@2025-09-01": "paul"}
    assert loaded.dataset("petit-drome").assessments[-1].author == "paul"
    renamed = with_actor_renamed(small_dataset(), "biodrome", "BioDrôme Coopérative")
    loaded.load(renamed)  # carried over to the new version with its author
    assert loaded.assessment("alim-valence", "principe-4", date(2025, 9, 1)).author == "paul"


def test_an_entry_is_corrected_in_place_keeping_its_date_and_author(loaded: Store) -> None:
    loaded.record_assessments([Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "vite", "paul")])
    fixed = loaded.correct_assessment("alim-valence", "principe-4", date(2025, 9, 1), 1, "relu")
    assert fixed == Assessment("alim-valence", "principe-4", date(2025, 9, 1), 1, "relu", "paul")
    assert loaded.assessments("alim-valence")[-1] == fixed
    assert loaded.stats().assessments == 4
    with pytest.raises(NotFound):
        loaded.correct_assessment("alim-valence", "principe-4", date(2025, 9, 2), 1, "")


def test_an_entry_is_deleted_and_said_what_it_was(loaded: Store) -> None:
    loaded.record_assessments([Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "vite", "paul")])
    gone = loaded.delete_assessment("alim-valence", "principe-4", date(2025, 9, 1))
    assert gone == Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "vite", "paul")
    assert len(loaded.assessments("alim-valence")) == 3
    assert loaded.stats().assessments == 3
    with pytest.raises(NotFound) as missing:
        loaded.delete_assessment("alim-valence", "principe-4", date(2025, 9, 1))
    assert "principe-4@2025-09-01" in missing.value.text("fr")
    with pytest.raises(NotFound):
        loaded.delete_assessment("alim-valenc", "principe-1", date(2025, 1, 10))


def test_a_file_entry_deleted_in_the_app_stays_deleted_until_a_new_version_of_the_file(loaded: Store) -> None:
    loaded.delete_assessment("alim-valence", "principe-1", date(2025, 1, 10))
    assert _history(loaded, "alim-valence") == [("2025-06-01", "modalite-dialoguer", 1),
                                                ("2025-06-01", "principe-1", 3)]
    assert loaded.load(small_dataset()).status == "unchanged"  # the same file: nothing changes
    assert len(loaded.assessments("alim-valence")) == 2
    assert len(loaded.dataset("petit-drome").assessments) == 2
    loaded.load(with_actor_renamed(small_dataset(), "biodrome", "BioDrôme Coopérative"))
    assert len(loaded.assessments("alim-valence")) == 3  # the new file brings its own entries back


def test_an_app_entry_over_a_file_entry_replaces_it_and_deleting_it_leaves_none(loaded: Store) -> None:
    """Both stores agree on a collision: one entry per (alliance, lever, date), the latest recorded;
    deleting it deletes the key, the file's entry does not reappear from underneath."""
    loaded.record_assessments([Assessment("alim-valence", "principe-1", date(2025, 6, 1), 1, "vu", "alice")])
    assert [(s.entry_id, s.score, s.author) for s in loaded.assessments("alim-valence")] == [
        ("principe-1@2025-01-10", 2, ""), ("modalite-dialoguer@2025-06-01", 1, ""),
        ("principe-1@2025-06-01", 1, "alice")]
    loaded.delete_assessment("alim-valence", "principe-1", date(2025, 6, 1))
    assert _history(loaded, "alim-valence") == [("2025-01-10", "principe-1", 2),
                                                ("2025-06-01", "modalite-dialoguer", 1)]
    assert loaded.stats().assessments == 2
    assert len(loaded.dataset("petit-drome").assessments) == 2


# ============================================================================ catalogue


def test_stats_of_an_empty_store(store: Store) -> None:
    stats = store.stats()
    assert stats.actors_by_kind == tuple((k.value, 0) for k in ActorKind)
    assert stats.territories_by_level == tuple((level.value, len(H.by_level[level])) for level in Level)
    assert [name for name, _ in stats.territories_by_level] == ["commune", "epci", "departement", "region",
                                                                "pays"]
    assert (stats.territories_used, stats.sdgs, stats.levers) == (0, 17, 21)
    assert (stats.policies, stats.alliances, stats.memberships, stats.assessments) == (0, 0, 0, 0)
    assert stats.datasets == () and stats.actors == 0


def test_stats_count_every_kind(loaded: Store) -> None:
    stats = loaded.stats()
    assert stats.actors_by_kind == (("association", 4), ("entreprise", 1), ("collectivite", 2),
                                    ("service_public", 0), ("fondation", 0), ("recherche", 1),
                                    ("collectif_citoyen", 1), ("autre", 0))
    assert stats.actors == 9
    assert stats.territories_used == 6  # Valence, Romans, Crest, VRA, Drôme, AURA
    assert (stats.policies, stats.alliances, stats.memberships, stats.assessments) == (3, 2, 5, 3)
    assert stats.datasets == tuple(loaded.datasets())
    assert isinstance(stats.datasets[0], DatasetInfo)


def test_actors_by_id_sorted_with_the_inactive(loaded: Store) -> None:
    found = loaded.actors(iter(["romans-repair", "nobody", "ancienne-asso", "biodrome"]))
    assert [a.id for a in found] == ["ancienne-asso", "biodrome", "romans-repair"]
    wanted = {"ancienne-asso", "biodrome", "romans-repair"}
    assert found == sorted((a for a in small_dataset().actors if a.id in wanted), key=lambda a: a.id)
    assert found[2].inferred_sdgs == (InferredSdg(13, "mot-cle:climat", 0.5),)
    assert loaded.actors([]) == []


def test_record_names_list_one_dataset_without_reading_it(loaded: Store) -> None:
    data = small_dataset()
    other = other_dataset()
    loaded.load(other)
    for kind in ("actors", "policies", "alliances"):
        expected = sorted((r.id, r.name, record_detail(r)) for r in getattr(data, kind))
        assert loaded.record_names(data.id, kind) == expected, kind
        assert loaded.record_names(other.id, kind) == sorted(
            (r.id, r.name, record_detail(r)) for r in getattr(other, kind)), kind
    assert ("biodrome", "BioDrôme Distribution", "entreprise") in loaded.record_names(data.id, "actors")
    with pytest.raises(NotFound):
        loaded.record_names("nope", "actors")


def test_alliances_and_policies(loaded: Store) -> None:
    assert [a.id for a in loaded.alliances()] == ["alim-valence", "climat-drome"]
    assert [a.id for a in loaded.alliances(["climat-drome", "nope"])] == ["climat-drome"]
    assert loaded.alliances(["alim-valence"])[0] == small_dataset().alliances[0]
    assert [p.id for p in loaded.policies()] == ["cdv-valence", "pat-vra", "pcaet-vra"]
    assert loaded.policies(["pcaet-vra"]) == [small_dataset().policies[1]]
    assert loaded.policies([]) == [] and loaded.alliances([]) == []


def test_memberships_filtered_and_sorted(loaded: Store) -> None:
    def pairs(ms: list[Membership]) -> list[tuple[str, str, str]]:
        return [(m.alliance, m.actor, m.role.value) for m in ms]

    assert pairs(loaded.memberships()) == [
        ("alim-valence", "agglo-vra", "financeur"), ("alim-valence", "biodrome", "partenaire"),
        ("alim-valence", "jardins-valence", "pilote"), ("climat-drome", "agglo-vra", "partenaire"),
        ("climat-drome", "labo-aura", "pilote")]
    assert pairs(loaded.memberships(alliance_ids=["climat-drome"])) == [
        ("climat-drome", "agglo-vra", "partenaire"), ("climat-drome", "labo-aura", "pilote")]
    assert pairs(loaded.memberships(actor_ids=["agglo-vra"])) == [
        ("alim-valence", "agglo-vra", "financeur"), ("climat-drome", "agglo-vra", "partenaire")]
    assert pairs(loaded.memberships(alliance_ids=["alim-valence"], actor_ids=["agglo-vra", "labo-aura"])) == [
        ("alim-valence", "agglo-vra", "financeur")]
    assert loaded.memberships(alliance_ids=[]) == []


def test_search_ranks_start_of_name_before_inside(loaded: Store) -> None:
    assert loaded.search("valence") == [
        SearchHit("actor", "agglo-vra", "Valence Romans Agglo", "collectivite"),
        SearchHit("policy", "cdv-valence", "Contrat de ville de Valence", "Contrat de ville"),
        SearchHit("actor", "jardins-valence", "Jardins de Valence", "association"),
        SearchHit("policy", "pcaet-vra", "PCAET Valence Romans", "PCAET"),
        SearchHit("actor", "ville-valence", "Ville de Valence", "collectivite"),
    ]
    assert [h.id for h in loaded.search("VALENCE", limit=2)] == ["agglo-vra", "cdv-valence"]
    assert [h.id for h in loaded.search("Drôme")] == ["biodrome", "climat-drome"]  # accents folded
    assert loaded.search("climat-drome") == [SearchHit("alliance", "climat-drome", "Climat Drôme", "active")]
    assert loaded.search("introuvable") == []


def test_search_puts_the_exact_id_first_then_orders_by_name_type_id(store: Store) -> None:
    actors = (Actor("velo", "Zèbre à vélo", ActorKind.ASSOCIATION, (CREST,)),
              Actor("b-club", "Vélo club", ActorKind.ASSOCIATION, (CREST,)),
              Actor("a-club", "Vélo Club", ActorKind.ENTREPRISE, (CREST,)),
              Actor("amis", "Les amis du vélo", ActorKind.ASSOCIATION, (CREST,)))
    store.load(Dataset("velo", "Vélo", actors=actors,
                       policies=(Policy("p-velo", "Vélo-club", "PDM", ("a-club",), (CREST,)),),
                       alliances=(Alliance("al-velo", "VELO CLUB"),)))
    assert [(h.type, h.id) for h in store.search("velo")] == [
        ("actor", "velo"), ("actor", "a-club"), ("actor", "b-club"), ("alliance", "al-velo"),
        ("policy", "p-velo"), ("actor", "amis")]
    assert [h.id for h in store.search("velo", limit=3)] == ["velo", "a-club", "b-club"]


# ============================================================================ geography


def test_presence_rolls_up_through_communes(loaded: Store) -> None:
    found = loaded.presence(["biodrome", "ancienne-asso", "labo-aura", "nobody"], C)
    assert sorted(found) == ["ancienne-asso", "biodrome", "labo-aura"]  # inactive actors included
    assert found["ancienne-asso"] == {VALENCE}
    assert len(found["biodrome"]) == 362 and VALENCE in found["biodrome"] and CREST in found["biodrome"]
    assert len(found["labo-aura"]) == 4025
    assert loaded.presence(["agglo-vra", "romans-repair"], D) == {"agglo-vra": {DROME},
                                                                   "romans-repair": {DROME}}
    assert loaded.presence(["labo-aura"], D)["labo-aura"] == {
        f"departement:{d}" for d in ("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74")}
    assert loaded.presence(["crest-solidaire"], P) == {"crest-solidaire": {"pays:FR"}}
    assert loaded.presence(["jardins-valence"], E) == {"jardins-valence": {VRA}}


def test_actors_in_a_territory(loaded: Store) -> None:
    assert loaded.actors_in([VALENCE]) == ["agglo-vra", "biodrome", "jardins-valence", "labo-aura",
                                           "potagers-valentinois", "ville-valence"]
    assert loaded.actors_in([]) == ACTIVE
    assert loaded.actors_in([CREST]) == ["biodrome", "crest-solidaire", "labo-aura"]
    assert loaded.actors_in(["departement:07"]) == ["labo-aura"]  # Ardèche is in AURA
    assert loaded.actors_in(["commune:69123"]) == ["labo-aura"]  # Lyon
    assert loaded.actors_in([CREST, ROMANS]) == ["agglo-vra", "biodrome", "crest-solidaire", "labo-aura",
                                                 "romans-repair"]
    assert loaded.actors_in(["pays:FR"]) == ACTIVE


def test_actors_in_filtered_by_kind_and_sdg(loaded: Store) -> None:
    assert loaded.actors_in([CREST], kinds=[ActorKind.ASSOCIATION]) == ["crest-solidaire"]
    assert loaded.actors_in([ROMANS], sdgs=[13]) == ["agglo-vra", "labo-aura", "romans-repair"]  # 13 inferred
    assert loaded.actors_in([DROME], kinds=[ActorKind.COLLECTIVITE], sdgs=[2]) == ["agglo-vra"]
    assert loaded.actors_in([], kinds=[ActorKind.ASSOCIATION, ActorKind.RECHERCHE]) == [
        "crest-solidaire", "jardins-valence", "labo-aura", "potagers-valentinois"]
    assert loaded.actors_in([], sdgs=[15, 1]) == ["crest-solidaire", "jardins-valence"]
    assert loaded.actors_in([VALENCE], sdgs=[4]) == []


def test_alliances_and_policies_in_a_territory(loaded: Store) -> None:
    assert loaded.alliances_in([ROMANS]) == ["climat-drome"]
    assert loaded.alliances_in([VRA]) == ["alim-valence", "climat-drome"]
    assert loaded.alliances_in(["departement:07"]) == []
    assert loaded.policies_in([ROMANS]) == ["pat-vra", "pcaet-vra"]
    assert loaded.policies_in([VALENCE]) == ["cdv-valence", "pat-vra", "pcaet-vra"]
    assert loaded.policies_in([CREST]) == []
    assert loaded.policies_in([AURA]) == ["cdv-valence", "pat-vra", "pcaet-vra"]


# ============================================================================ counting primitives


def test_overlaps_of_jardins_at_commune_level(loaded: Store) -> None:
    found = loaded.overlap_counts([VALENCE], [2, 12, 15], C, exclude=["jardins-valence"])
    # potagers: 1 x {2,12}: 2/(3+2-2) = 2/3; agglo: 1 x {2}: 1/(3+54*3-1) = 1/164;
    # biodrome: 1 x {2,12}: 2/(3+362*3-2) = 2/1087. ville-valence and labo-aura share no SDG,
    # romans-repair no commune, ancienne-asso is inactive.
    assert found == [OverlapCount("potagers-valentinois", 1, 2, 1, 2), OverlapCount("agglo-vra", 1, 1, 54, 3),
                     OverlapCount("biodrome", 1, 2, 362, 3)]
    assert jaccard(1, 2, 1, 3, 1, 2) == pytest.approx(2 / 3)
    assert loaded.overlap_counts([VALENCE], [2, 12, 15], C, exclude=["jardins-valence"], limit=1) == found[:1]
    with_self = loaded.overlap_counts([VALENCE], [2, 12, 15], C)
    assert with_self[0] == OverlapCount("jardins-valence", 1, 3, 1, 3) and with_self[1:] == found


def test_overlaps_at_epci_level_count_inferred_sdgs(loaded: Store) -> None:
    k = len(H.project(DROME, E))  # EPCIs holding a Drôme commune
    found = loaded.overlap_counts([VALENCE], [2, 12, 15], E, exclude=["jardins-valence"])
    # at EPCI level Valence is VRA: potagers 2/3, romans-repair {12}: 1/(3+2-1) = 1/4,
    # agglo {2}: 1/(3+3-1) = 1/5, biodrome {2,12}: 2/(3+3k-2) with k EPCIs
    assert found == [OverlapCount("potagers-valentinois", 1, 2, 1, 2),
                     OverlapCount("romans-repair", 1, 1, 1, 2),
                     OverlapCount("agglo-vra", 1, 1, 1, 3), OverlapCount("biodrome", 1, 2, k, 3)]
    climate = loaded.overlap_counts([ROMANS], [13], C)
    # romans-repair (13 inferred) 1/(1+2-1), agglo 1/(1+162-1), labo 1/(1+8050-1)
    assert [(o.actor, o.territories, o.sdgs) for o in climate] == [
        ("romans-repair", 1, 2), ("agglo-vra", 54, 3), ("labo-aura", 4025, 2)]


def test_overlaps_of_an_empty_subject(loaded: Store) -> None:
    assert loaded.overlap_counts([VALENCE], [], C) == []
    assert loaded.overlap_counts([], [2], C) == []


def _pair(a: str, b: str, st_: int, ss: int, ta: int, sa: int, tb: int, sb: int) -> PairCount:
    return PairCount(a, b, st_, ss, ta, sa, tb, sb)


DROME_PAIRS = [  # at commune level, in Jaccard order (hand-computed, ties by (a, b))
    _pair("jardins-valence", "potagers-valentinois", 1, 2, 1, 3, 1, 2),  # 2/3
    _pair("agglo-vra", "biodrome", 54, 1, 54, 3, 362, 3),  # 54/(162+1086-54) = 54/1194
    _pair("agglo-vra", "ville-valence", 1, 2, 54, 3, 1, 2),  # 2/(162+2-2) = 2/162
    _pair("agglo-vra", "labo-aura", 54, 1, 54, 3, 4025, 2),  # 54/(162+8050-54) = 54/8158
    _pair("agglo-vra", "potagers-valentinois", 1, 1, 54, 3, 1, 2),  # 1/163
    _pair("agglo-vra", "romans-repair", 1, 1, 54, 3, 1, 2),  # 1/163 (SDG 13, inferred)
    _pair("agglo-vra", "jardins-valence", 1, 1, 54, 3, 1, 3),  # 1/164
    _pair("biodrome", "potagers-valentinois", 1, 2, 362, 3, 1, 2),  # 2/1086
    _pair("biodrome", "jardins-valence", 1, 2, 362, 3, 1, 3),  # 2/1087
    _pair("biodrome", "romans-repair", 1, 1, 362, 3, 1, 2),  # 1/1087
    _pair("labo-aura", "romans-repair", 1, 1, 4025, 2, 1, 2),  # 1/8051
    _pair("labo-aura", "ville-valence", 1, 1, 4025, 2, 1, 2),  # 1/8051
]


def test_overlap_pairs_in_the_drome(loaded: Store) -> None:
    inter = [p.shared_territories * p.shared_sdgs for p in DROME_PAIRS]
    exact = [Fraction(i, p.territories_a * p.sdgs_a + p.territories_b * p.sdgs_b - i)
             for i, p in zip(inter, DROME_PAIRS, strict=True)]
    assert exact == sorted(exact, reverse=True)  # the hand-made order is Jaccard order
    assert loaded.overlap_pairs(DROME, C) == DROME_PAIRS


def test_overlap_pairs_filters(loaded: Store) -> None:
    assert loaded.overlap_pairs(DROME, C, min_jaccard=0.01) == DROME_PAIRS[:3]
    assert loaded.overlap_pairs(DROME, C, min_jaccard=2 / 3) == DROME_PAIRS[:1]
    assert loaded.overlap_pairs(DROME, C, same_kind=True) == [DROME_PAIRS[0], DROME_PAIRS[2]]
    assert loaded.overlap_pairs(DROME, C, limit=4) == DROME_PAIRS[:4]
    # in Valence only six actors are present; of the Drôme pairs, those among them
    in_valence = {"agglo-vra", "biodrome", "jardins-valence", "labo-aura", "potagers-valentinois",
                  "ville-valence"}
    assert loaded.overlap_pairs(VALENCE, C) == [p for p in DROME_PAIRS if {p.a, p.b} <= in_valence]
    assert loaded.overlap_pairs("departement:07", C) == []


def test_overlap_pairs_at_departement_level(loaded: Store) -> None:
    found = loaded.overlap_pairs(CREST, D)
    # in Crest: biodrome {2,8,12}, crest-solidaire {1,10}, labo-aura (12 départements) {9,13}: no SDG shared
    assert found == []
    pairs = loaded.overlap_pairs(ROMANS, D, min_jaccard=0.5)
    # at département level everyone in Romans is in the Drôme: agglo {2,11,13} and romans-repair {12,13}
    # share 13: 1/(3+2-1) = 1/4; agglo-biodrome share 2: 1/(3+3-1) = 1/5; biodrome-romans 12: 1/(3+2-1);
    # labo-aura has 12 départements: with agglo 1/(3+24-1), with romans-repair 1/(2+24-1).
    assert pairs == []
    assert [(p.a, p.b) for p in loaded.overlap_pairs(ROMANS, D, min_jaccard=0.25)] == [
        ("agglo-vra", "romans-repair"), ("biodrome", "romans-repair")]


def test_ties_are_broken_by_ids(store: Store) -> None:
    actors = tuple(Actor(f"t-{x}", f"Égal {x}", ActorKind.ASSOCIATION, (VALENCE,), (sdg,))
                   for x, sdg in (("d", 1), ("c", 2), ("b", 2), ("a", 1)))
    store.load(Dataset("egaux", "Égaux", actors=actors))
    # every actor: 1 x 1 shared with the subject Valence x {1, 2}: 1/(2+1-1) = 1/2
    assert [o.actor for o in store.overlap_counts([VALENCE], [1, 2], C)] == ["t-a", "t-b", "t-c", "t-d"]
    # (t-a, t-d) and (t-b, t-c) both 1/(1+1-1) = 1: ordered by (a, b)
    assert [(p.a, p.b) for p in store.overlap_pairs(VALENCE, C)] == [("t-a", "t-d"), ("t-b", "t-c")]
    assert store.copresent([VALENCE], E) == [("t-a", 1), ("t-b", 1), ("t-c", 1), ("t-d", 1)]


def test_coverage_of_vra_at_epci_level(loaded: Store) -> None:
    cells = {(c.sdg): (c.actors, c.alliances, c.policies) for c in loaded.coverage(VRA, E)}
    # present in VRA at EPCI level: jardins, potagers, ville, agglo, biodrome (Drôme), labo (AURA),
    # romans-repair; alliances alim-valence (Valence) and climat-drome (Drôme); all three policies.
    assert cells == {1: (0, 0, 1), 2: (4, 1, 1), 7: (0, 0, 1), 8: (1, 0, 0), 9: (1, 0, 0), 10: (0, 0, 1),
                     11: (2, 0, 1), 12: (4, 1, 1), 13: (4, 1, 1), 15: (1, 0, 0)}
    assert all(c.territory == VRA for c in loaded.coverage(VRA, E))
    assert loaded.coverage(ROMANS, E) == loaded.coverage(VRA, E)  # project(Romans, EPCI) = {VRA}


def test_coverage_of_vra_by_commune(loaded: Store) -> None:
    cells = loaded.coverage(VRA, C)
    assert cells == sorted(cells, key=lambda c: (c.territory, c.sdg))
    assert {c.territory for c in cells} == H.project(VRA, C)
    valence = [(c.sdg, c.actors, c.alliances, c.policies) for c in cells if c.territory == VALENCE]
    assert valence == [(1, 0, 0, 1), (2, 4, 1, 1), (7, 0, 0, 1), (8, 1, 0, 0), (9, 1, 0, 0), (10, 0, 0, 1),
                       (11, 2, 0, 1), (12, 3, 1, 1), (13, 3, 1, 1), (15, 1, 0, 0)]
    romans = [(c.sdg, c.actors, c.alliances, c.policies) for c in cells if c.territory == ROMANS]
    assert romans == [(2, 2, 0, 1), (7, 0, 0, 1), (8, 1, 0, 0), (9, 1, 0, 0), (11, 1, 0, 0), (12, 2, 0, 1),
                      (13, 3, 1, 1)]
    other = [(c.sdg, c.actors, c.alliances, c.policies) for c in cells if c.territory == "commune:26057"]
    # any other VRA commune (here Bourg-de-Péage): agglo, biodrome, labo, climat-drome, pat, pcaet
    assert other == [(2, 2, 0, 1), (7, 0, 0, 1), (8, 1, 0, 0), (9, 1, 0, 0), (11, 1, 0, 0), (12, 1, 0, 1),
                     (13, 2, 1, 1)]
    assert len(cells) == 52 * 7 + 10 + 7


def test_coverage_of_the_drome_and_of_france(loaded: Store) -> None:
    drome = [(c.territory, c.sdg, c.actors, c.alliances, c.policies) for c in loaded.coverage(DROME, D)]
    assert drome == [(DROME, 1, 1, 0, 1), (DROME, 2, 4, 1, 1), (DROME, 7, 0, 0, 1), (DROME, 8, 1, 0, 0),
                     (DROME, 9, 1, 0, 0), (DROME, 10, 1, 0, 1), (DROME, 11, 2, 0, 1), (DROME, 12, 4, 1, 1),
                     (DROME, 13, 4, 1, 1), (DROME, 15, 1, 0, 0)]
    france = loaded.coverage("pays:FR", R)
    assert {c.territory for c in france} == {AURA}  # the only région where someone is present
    assert CoverageCell(AURA, 13, 4, 1, 1) in france
    assert loaded.coverage("departement:07", C) == [
        CoverageCell(c, s, 1, 0, 0) for c in sorted(H.project("departement:07", C)) for s in (9, 13)]


def test_copresent(loaded: Store) -> None:
    assert loaded.copresent([VALENCE], C, exclude=["jardins-valence"]) == [
        ("agglo-vra", 1), ("biodrome", 1), ("labo-aura", 1), ("potagers-valentinois", 1),
        ("ville-valence", 1)]
    assert loaded.copresent([VRA], C) == [
        ("agglo-vra", 54), ("biodrome", 54), ("labo-aura", 54), ("jardins-valence", 1),
        ("potagers-valentinois", 1), ("romans-repair", 1), ("ville-valence", 1)]
    assert loaded.copresent([VALENCE, CREST], E) == [
        ("biodrome", 2), ("labo-aura", 2), ("agglo-vra", 1), ("crest-solidaire", 1), ("jardins-valence", 1),
        ("potagers-valentinois", 1), ("romans-repair", 1), ("ville-valence", 1)]
    assert loaded.copresent(["departement:07"], D, exclude=["labo-aura"]) == []
    assert loaded.copresent([VRA], C, limit=4) == [
        ("agglo-vra", 54), ("biodrome", 54), ("labo-aura", 54), ("jardins-valence", 1)]
    assert loaded.copresent([VRA], C, limit=0) == []


def test_actor_links(loaded: Store) -> None:
    assert loaded.actor_links() == [
        Link("agglo-vra", "biodrome", 1, 0), Link("agglo-vra", "jardins-valence", 1, 0),
        Link("agglo-vra", "labo-aura", 1, 0), Link("agglo-vra", "ville-valence", 0, 1),
        Link("biodrome", "jardins-valence", 1, 0)]
    assert loaded.actor_links(["jardins-valence", "biodrome", "ville-valence"]) == [
        Link("biodrome", "jardins-valence", 1, 0)]
    assert loaded.actor_links([]) == []


def test_inactive_actors_take_no_part(store: Store) -> None:
    ds = small_dataset()
    plu = Policy("plu", "PLU de Valence", "PLU", ("ancienne-asso", "ville-valence"), (VALENCE,), (11,))
    ds = replace(ds, policies=(*ds.policies, plu), memberships=(
        *ds.memberships, Membership("alim-valence", "ancienne-asso", MemberRole.PARTENAIRE),
        Membership("climat-drome", "ancienne-asso")))
    store.load(ds)
    assert "ancienne-asso" not in store.actors_in([VALENCE])
    assert all(o.actor != "ancienne-asso" for o in store.overlap_counts([VALENCE], [2, 12], C))
    assert all("ancienne-asso" not in (p.a, p.b) for p in store.overlap_pairs(VALENCE, C))
    assert all(a != "ancienne-asso" for a, _ in store.copresent([VALENCE], C))
    assert all("ancienne-asso" not in (link.a, link.b) for link in store.actor_links())
    assert next(c for c in store.coverage(VALENCE, C) if c.sdg == 2).actors == 4  # not 5
    assert [m.alliance for m in store.memberships(actor_ids=["ancienne-asso"])] == ["alim-valence",
                                                                                     "climat-drome"]
    assert store.datasets()[0].count("memberships") == 7


# ============================================================================ against an oracle


POOL = [VALENCE, ROMANS, CREST, "commune:26347", "commune:07324", "commune:07186", "commune:69123",
        VRA, CC_CREST, "epci:200073096", DROME, "departement:07", AURA, "pays:FR"]
"""Valence, Romans, Crest, Tain-l'Hermitage (26) and Tournon (07) of CA Arche Agglo (an EPCI on two
départements), Privas, Lyon, three EPCIs, two départements, the région, France."""

KINDS = [ActorKind.ASSOCIATION, ActorKind.ENTREPRISE, ActorKind.COLLECTIVITE]
few_sdgs = st.lists(st.integers(1, 6), max_size=3, unique=True).map(tuple)
places = st.lists(st.sampled_from(POOL), min_size=1, max_size=2, unique=True).map(tuple)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    actors = []
    for i in range(draw(st.integers(2, 8))):
        inferred = draw(st.lists(st.integers(1, 6), max_size=1))
        kind = draw(st.sampled_from(KINDS))
        actors.append(Actor(f"a{i}", f"Acteur {i}", kind, draw(places), draw(few_sdgs),
                            inferred_sdgs=tuple(InferredSdg(n, "mot-cle:test", 0.5) for n in inferred),
                            active=draw(st.sampled_from([True, True, True, False]))))
    ids = [a.id for a in actors]
    policies = tuple(
        Policy(f"p{i}", f"Politique {i}", "PCAET", tuple(draw(st.lists(st.sampled_from(ids), min_size=1,
                                                                        max_size=3, unique=True))),
               draw(places), draw(few_sdgs))
        for i in range(draw(st.integers(0, 3))))
    alliances = tuple(
        Alliance(f"l{i}", f"Alliance {i}", territories=draw(st.lists(st.sampled_from(POOL), max_size=2,
                                                                     unique=True).map(tuple)),
                 sdgs=draw(few_sdgs),
                 policies=tuple(draw(st.lists(st.sampled_from([p.id for p in policies] or ["-"]), max_size=2,
                                              unique=True))) if policies else ())
        for i in range(draw(st.integers(0, 3))))
    pairs = [(al.id, a) for al in alliances for a in ids]
    members = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=8)) if pairs else []
    return Dataset("genere", "Jeu généré", actors=tuple(actors), policies=policies, alliances=alliances,
                   memberships=tuple(Membership(al, a) for al, a in members))


class Oracle:
    """The counting primitives, from their definitions in base.py, by brute force over Python sets."""

    def __init__(self, ds: Dataset) -> None:
        self.actors = sorted((a for a in ds.actors if a.active), key=lambda a: a.id)
        self.ds = ds

    @staticmethod
    def touches(territories: tuple[str, ...], query: list[str]) -> bool:
        return bool(H.presence(territories, C) & H.presence(query, C))

    def actors_in(self, query: list[str], kinds: list[ActorKind] | None, sdgs: list[int] | None) -> list[str]:
        return [a.id for a in self.actors
                if (not query or self.touches(a.territories, query))
                and (kinds is None or a.kind in kinds) and (sdgs is None or set(a.all_sdgs) & set(sdgs))]

    def records_in(self, records: tuple, query: list[str]) -> list[str]:
        return sorted(r.id for r in records if not query or self.touches(r.territories, query))

    def overlap_counts(self, territories: list[str], sdgs: list[int], level: Level, exclude: set[str],
                       limit: int | None) -> list[OverlapCount]:
        ps, ss = H.presence(territories, level), set(sdgs)
        found = []
        for b in self.actors:
            pb, sb = H.presence(b.territories, level), set(b.all_sdgs)
            if b.id not in exclude and pb & ps and sb & ss:
                found.append(OverlapCount(b.id, len(pb & ps), len(sb & ss), len(pb), len(sb)))
        found.sort(key=lambda o: (-jaccard(o.shared_territories, o.shared_sdgs, len(ps), len(ss),
                                           o.territories, o.sdgs), o.actor))
        return found[:limit]

    def overlap_pairs(self, territory: str, level: Level, min_j: float, same_kind: bool,
                      limit: int | None) -> list[PairCount]:
        inside = [a for a in self.actors if self.touches(a.territories, [territory])]
        found = []
        for i, a in enumerate(inside):
            for b in inside[i + 1:]:
                pa, pb = H.presence(a.territories, level), H.presence(b.territories, level)
                sa, sb = set(a.all_sdgs), set(b.all_sdgs)
                pair = PairCount(a.id, b.id, len(pa & pb), len(sa & sb), len(pa), len(sa), len(pb), len(sb))
                j = jaccard(pair.shared_territories, pair.shared_sdgs, len(pa), len(sa), len(pb), len(sb))
                if pa & pb and sa & sb and j >= min_j and (not same_kind or a.kind == b.kind):
                    found.append((-j, a.id, b.id, pair))
        return [p for *_, p in sorted(found)][:limit]

    def coverage(self, territory: str, level: Level) -> list[CoverageCell]:
        inside = H.project(territory, level)
        counts: dict[tuple[str, int], list[int]] = {}
        sources = ((0, [(a.territories, a.all_sdgs) for a in self.actors]),
                   (1, [(a.territories, a.sdgs) for a in self.ds.alliances]),
                   (2, [(p.territories, p.sdgs) for p in self.ds.policies]))
        for column, records in sources:
            for territories, sdgs in records:
                for x in H.presence(territories, level) & inside:
                    for s in set(sdgs):
                        counts.setdefault((x, s), [0, 0, 0])[column] += 1
        return [CoverageCell(x, s, *n) for (x, s), n in sorted(counts.items())]

    def copresent(self, territories: list[str], level: Level, exclude: set[str]) -> list[tuple[str, int]]:
        ps = H.presence(territories, level)
        found = [(a.id, len(H.presence(a.territories, level) & ps))
                 for a in self.actors if a.id not in exclude]
        return sorted(((i, n) for i, n in found if n), key=lambda p: (-p[1], p[0]))

    def actor_links(self, ids: set[str] | None) -> list[Link]:
        active = {a.id for a in self.actors if ids is None or a.id in ids}
        groups = [("alliances", {m.actor for m in self.ds.memberships if m.alliance == al.id})
                  for al in self.ds.alliances]
        groups += [("policies", set(p.carriers)) for p in self.ds.policies]
        counts: dict[tuple[str, str], dict[str, int]] = {}
        for what, members in groups:
            members = sorted(members & active)
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    slot = counts.setdefault((a, b), {"alliances": 0, "policies": 0})
                    slot[what] += 1
        return [Link(a, b, n["alliances"], n["policies"]) for (a, b), n in sorted(counts.items())]


levels = st.sampled_from(list(Level))
queries = st.lists(st.sampled_from(POOL), max_size=2, unique=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(ds=datasets(), data=st.data())
def test_counting_primitives_match_the_oracle(store: Store, ds: Dataset, data: st.DataObject) -> None:
    store.load(ds)
    oracle = Oracle(ds)
    ids = [a.id for a in ds.actors]
    for level in Level:
        assert store.presence(ids, level) == {a.id: H.presence(a.territories, level) for a in ds.actors}
    query = data.draw(queries, label="territories")
    kinds = data.draw(st.none() | st.lists(st.sampled_from(KINDS), min_size=1, unique=True), label="kinds")
    sdgs = data.draw(st.none() | st.lists(st.integers(1, 6), min_size=1, unique=True), label="sdgs")
    assert store.actors_in(query, kinds=kinds, sdgs=sdgs) == oracle.actors_in(query, kinds, sdgs)
    assert store.alliances_in(query) == oracle.records_in(ds.alliances, query)
    assert store.policies_in(query) == oracle.records_in(ds.policies, query)

    level = data.draw(levels, label="level")
    subject = data.draw(queries, label="subject")
    subject_sdgs = data.draw(st.lists(st.integers(1, 6), max_size=4), label="subject sdgs")
    exclude = set(data.draw(st.lists(st.sampled_from(ids), max_size=2), label="exclude"))
    limit = data.draw(st.sampled_from([None, 1, 3]), label="limit")
    assert (store.overlap_counts(subject, subject_sdgs, level, exclude=exclude, limit=limit)
            == oracle.overlap_counts(subject, subject_sdgs, level, exclude, limit))
    assert store.copresent(subject, level, exclude=exclude) == oracle.copresent(subject, level, exclude)
    assert (store.copresent(subject, level, exclude=exclude, limit=limit or 0)
            == oracle.copresent(subject, level, exclude)[:limit or 0])

    territory = data.draw(st.sampled_from(POOL), label="pairs territory")
    min_j = data.draw(st.sampled_from([0.0, 0.05, 0.25, 0.5]), label="min jaccard")
    same_kind = data.draw(st.booleans(), label="same kind")
    assert (store.overlap_pairs(territory, level, min_jaccard=min_j, same_kind=same_kind, limit=limit)
            == oracle.overlap_pairs(territory, level, min_j, same_kind, limit))

    covered = data.draw(st.sampled_from(POOL[:-1]), label="coverage territory")  # France x communes is big
    assert store.coverage(covered, level) == oracle.coverage(covered, level)

    among = data.draw(st.none() | st.sets(st.sampled_from(ids)), label="links among")
    assert store.actor_links(among) == oracle.actor_links(among)


# ============================================================================ audit log


def test_the_audit_log_keeps_every_entry_newest_first(store: Store) -> None:
    import uuid

    from ecosystem.store.base import AuditEntry

    who = f"audit-test-{uuid.uuid4().hex[:8]}"  # Neo4j's log outlives the test's datasets, and the run
    mine = [AuditEntry("2031-01-01T10:00:00.000001+00:00", who, "load", "petit-drome", "abc",
                       (), (("actors", 9), ("policies", 2))),
            AuditEntry("2031-01-01T10:00:00.000002+00:00", who, "assess", "petit-drome", "",
                       ("alim-valence", "principe-1", "principe-4"), (("levers", 2),)),
            AuditEntry("2031-01-01T10:00:01+00:00", who, "remove", "petit-drome")]
    for entry in mine:
        store.record_audit(entry)
    found = [e for e in store.audit() if e.who == who]
    assert found == mine[::-1]
    assert found[-1].count("actors") == 9
    newest = store.audit(limit=2)
    assert len(newest) == 2 and newest[0].at >= newest[1].at and newest[0].at >= mine[-1].at


# ---------------------------------------------------------------------- revision (issue 17, item 5)


def test_revision_changes_after_every_data_write_and_only_then(store: Store) -> None:
    """The app shares cached answers between sessions under this token: each write must move it
    (or a session would be shown old data), and reads must not (or nothing would be shared)."""
    seen = [store.revision()]

    def after_write() -> None:
        token = store.revision()
        assert token not in seen, f"{token} repeats an earlier revision after a write"
        seen.append(token)

    store.load(small_dataset())
    after_write()
    store.stats(), store.datasets(), store.search("valence"), store.coverage(DROME, E)
    assert store.revision() == seen[-1], "a read changed the revision"
    store.load(with_actor_renamed(small_dataset(), "biodrome", "Bio Drôme renommée"))
    after_write()
    entry = Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "revu")
    store.record_assessments([entry])
    after_write()
    store.correct_assessment("alim-valence", "principe-4", date(2025, 9, 1), 1, "corrigé")
    after_write()
    store.delete_assessment("alim-valence", "principe-4", date(2025, 9, 1))
    after_write()
    store.load(other_dataset())
    after_write()
    store.remove_dataset("autre-jeu")
    after_write()
    assert store.revision() == store.revision()
