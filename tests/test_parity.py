"""The embedded store and the Neo4j store give `==` answers on random datasets (hypothesis).

Datasets are small but mean: a handful of real territories at every level (an EPCI straddling two
départements, régions, the country), actors acting at several of them, inactive actors, inferred
SDGs, ids that Neo4j and Python sort differently (accents, private-use and astral characters), names
that normalise alike. Every read of the contract is asked with drawn arguments on both stores.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecosystem.model import (
    Actor,
    ActorKind,
    Alliance,
    AllianceStatus,
    Assessment,
    Dataset,
    InferredSdg,
    Level,
    MemberRole,
    Membership,
    Policy,
)
from ecosystem.reference import reference
from ecosystem.store.base import Stats, Store

pytestmark = pytest.mark.neo4j

TERRITORIES = (
    "commune:26362", "commune:26281", "commune:26108", "commune:07324", "commune:26347", "commune:75056",
    "epci:200068781", "epci:200073096", "epci:200035723", "departement:26", "departement:07",
    "region:84", "region:93", "pays:FR",
)
FINE = TERRITORIES[:11]  # coverage and pairs over the whole country at commune level are slow to compare
IDS = ("a", "B", "z", "é", "e", "a-1", "a_2", "\ue000x", "\U0001f600", "Zz", "m")
WORDS = ("Jardins", "jardins", "Vélo", "Écoles", "Solidarité", "Drôme", "Café", "Val")
MEANS = ("moyen-donnees", "moyen-outils", "moyen-competences", "moyen-recherche")
LEVERS = ("principe-1", "principe-4", "modalite-dialoguer", "moyen-donnees")
SDGS = st.lists(st.integers(1, 8), max_size=4, unique=True).map(tuple)


def names() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join)


def subset(draw: st.DrawFn, items: list | tuple, max_size: int, min_size: int = 0) -> tuple:
    """A few distinct items (none when there are none to pick from)."""
    if not items:
        return ()
    return tuple(draw(st.lists(st.sampled_from(items), min_size=min_size, max_size=max_size, unique=True)))


@st.composite
def datasets(draw: st.DrawFn, dataset_id: str = "parite") -> Dataset:
    actor_ids = subset(draw, IDS, max_size=8)
    actors = tuple(
        Actor(aid, draw(names()), draw(st.sampled_from(list(ActorKind))), subset(draw, TERRITORIES, 3, 1),
              sdgs=draw(SDGS), offers=subset(draw, MEANS, 2), needs=subset(draw, MEANS, 2),
              inferred_sdgs=tuple(InferredSdg(n, f"mot-cle:{n}", 0.5) for n in draw(SDGS)),
              active=draw(st.booleans() | st.just(True)), description=draw(st.sampled_from(("", "Une note"))),
              created=draw(st.none() | st.just(date(2020, 5, 17))))
        for aid in actor_ids)
    policies = tuple(
        Policy(f"p{i}", draw(names()), draw(st.sampled_from(("PAT", "PCAET", ""))),
               subset(draw, actor_ids, 2),
               subset(draw, TERRITORIES, 2, 1), sdgs=draw(SDGS))
        for i in range(draw(st.integers(0, 3))))
    alliances = tuple(
        Alliance(f"al{i}", draw(names()), purpose="", started=draw(st.none() | st.just(date(2024, 1, 2))),
                 status=draw(st.sampled_from(list(AllianceStatus))), territories=subset(draw, TERRITORIES, 2),
                 sdgs=draw(SDGS), policies=subset(draw, [p.id for p in policies], 2))
        for i in range(draw(st.integers(0, 3))))
    pairs = [(al.id, a) for al in alliances for a in actor_ids]
    memberships = tuple(Membership(al, a, draw(st.sampled_from(list(MemberRole))))
                        for al, a in subset(draw, pairs, 8))
    keys = [(al.id, lever, day) for al in alliances for lever in LEVERS for day in (1, 2)]
    assessments = tuple(Assessment(al, lever, date(2025, 1, day), draw(st.integers(0, 3)))
                        for al, lever, day in subset(draw, keys, 4))
    return Dataset(dataset_id, "Jeu de parité", source="hypothesis", actors=actors, policies=policies,
                   alliances=alliances, memberships=memberships, assessments=assessments)


def _stats(stats: Stats) -> Stats:
    """Stats without the load times, which differ by construction."""
    return replace(stats, datasets=tuple(replace(d, loaded_at="") for d in stats.datasets))


def _same(neo: Store, mem: Store, call: str, *args, **kwargs) -> None:
    got, expected = getattr(neo, call)(*args, **kwargs), getattr(mem, call)(*args, **kwargs)
    assert got == expected, f"{call}{args}{kwargs}: neo4j {got!r} != embedded {expected!r}"


def _empty(store: Store) -> None:
    for info in store.datasets():
        store.remove_dataset(info.id)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset=datasets(), data=st.data())
def test_both_stores_answer_the_same(neo4j_session_store, dataset, data):
    from ecosystem.store.memory import MemoryStore

    neo = neo4j_session_store
    _empty(neo)
    with tempfile.TemporaryDirectory() as folder:
        mem = MemoryStore(Path(folder) / "embedded", reference())
        assert neo.load(dataset) == mem.load(dataset)
        _compare_reads(neo, mem, dataset, data)

        # App assessments, then a new version that drops an alliance: history kept where it should be.
        alliances = [a.id for a in dataset.alliances]
        if alliances:
            recorded = [Assessment(data.draw(st.sampled_from(alliances)), data.draw(st.sampled_from(LEVERS)),
                                   date(2025, 1, data.draw(st.integers(1, 3))), data.draw(st.integers(0, 3)),
                                   "app") for _ in range(data.draw(st.integers(1, 3)))]
            neo.record_assessments(recorded)
            mem.record_assessments(recorded)
            for alliance in alliances:
                _same(neo, mem, "assessments", alliance)
            kept = dataset.alliances[1:]
            ids = {a.id for a in kept}
            version2 = replace(dataset, alliances=kept,
                               memberships=tuple(m for m in dataset.memberships if m.alliance in ids),
                               assessments=tuple(s for s in dataset.assessments if s.alliance in ids))
            assert neo.load(version2) == mem.load(version2)
            _same(neo, mem, "dataset", dataset.id)
        assert _stats(neo.stats()) == _stats(mem.stats())
        assert neo.load(neo.dataset(dataset.id)).status == mem.load(mem.dataset(dataset.id)).status
    _empty(neo)


def _compare_reads(neo: Store, mem: Store, dataset: Dataset, data: st.DataObject) -> None:
    actor_ids = [a.id for a in dataset.actors]
    some_actors = data.draw(st.lists(st.sampled_from([*actor_ids, "inconnu"]), max_size=5))
    some_places = data.draw(st.lists(st.sampled_from(TERRITORIES), max_size=3))
    kinds = data.draw(st.none() | st.lists(st.sampled_from(list(ActorKind)), max_size=3))
    sdgs = data.draw(st.none() | SDGS.map(list))

    _same(neo, mem, "dataset", dataset.id)
    assert [replace(d, loaded_at="") for d in neo.datasets()] == [
        replace(d, loaded_at="") for d in mem.datasets()]
    assert _stats(neo.stats()) == _stats(mem.stats())
    _same(neo, mem, "actors", some_actors)
    _same(neo, mem, "alliances")
    _same(neo, mem, "alliances", ["al0", "al9"])
    _same(neo, mem, "policies")
    _same(neo, mem, "policies", ["p1", "p7"])
    _same(neo, mem, "memberships")
    _same(neo, mem, "memberships", ["al0", "al1"])
    _same(neo, mem, "memberships", None, some_actors)
    _same(neo, mem, "memberships", ["al1"], some_actors)
    _same(neo, mem, "actors_in", some_places, kinds, sdgs)
    _same(neo, mem, "actors_in", [], kinds, sdgs)
    _same(neo, mem, "alliances_in", some_places)
    _same(neo, mem, "policies_in", some_places)
    _same(neo, mem, "actor_links")
    _same(neo, mem, "actor_links", some_actors)
    text = data.draw(st.sampled_from([*WORDS, "jar", "é", "", "a", "VAL", *actor_ids]))
    _same(neo, mem, "search", text, data.draw(st.sampled_from([1, 2, 20])))
    for level in Level:
        _same(neo, mem, "presence", some_actors, level)
        subject_sdgs = data.draw(SDGS.map(list))
        limit = data.draw(st.sampled_from([None, 1, 2, 5]))
        _same(neo, mem, "overlap_counts", some_places, subject_sdgs, level, exclude=some_actors[:1],
              limit=limit)
        _same(neo, mem, "copresent", some_places, level, exclude=some_actors[:1])
        place = data.draw(st.sampled_from(FINE if level == Level.COMMUNE else TERRITORIES))
        _same(neo, mem, "coverage", place, level)
        _same(neo, mem, "overlap_pairs", place, level,
              min_jaccard=data.draw(st.sampled_from([0.0, 0.2, 0.5])), same_kind=data.draw(st.booleans()),
              limit=data.draw(st.sampled_from([None, 1, 3])))
