"""Integrity of the shipped reference data: the hierarchy, the 17 SDGs, the 21 levers."""

from __future__ import annotations

from collections import Counter

import pytest

from ecosystem.model import Dimension, Level, LeverFamily
from ecosystem.reference import reference

REF = reference()
H = REF.hierarchy


def test_every_commune_has_a_departement_and_a_region():
    for commune in H.by_level[Level.COMMUNE]:
        dept = H.ancestor(commune.id, Level.DEPARTEMENT)
        assert dept in H and H[dept].level == Level.DEPARTEMENT
        region = H.ancestor(commune.id, Level.REGION)
        assert region in H and H[region].level == Level.REGION
        assert H[dept].parents == (region,)


def test_every_epci_member_is_a_commune_and_every_epci_has_members():
    members = Counter()
    for commune in H.by_level[Level.COMMUNE]:
        for parent in commune.parents:
            assert H[parent].level in (Level.EPCI, Level.DEPARTEMENT)
            if parent.startswith("epci:"):
                members[parent] += 1
    for epci in H.by_level[Level.EPCI]:
        assert members[epci.id] > 0, epci.id
        assert H.commune_count(epci.id) == members[epci.id]


def test_counts_match_the_official_geography():
    counts = {level: len(H.by_level[level]) for level in Level}
    assert counts[Level.PAYS] == 1
    assert counts[Level.REGION] == 26  # 18 régions + 8 collectivités d'outre-mer in the COG
    assert counts[Level.DEPARTEMENT] == 109
    assert 1200 < counts[Level.EPCI] < 1300
    assert 34_000 < counts[Level.COMMUNE] < 36_000


def test_populations_roll_up():
    france = H["pays:FR"].population
    assert france == sum(t.population for t in H.by_level[Level.COMMUNE])
    assert france == sum(t.population for t in H.by_level[Level.REGION])
    assert H["departement:26"].population == sum(
        H[H.commune_ids[p]].population for p in H.communes("departement:26").tolist()
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26362", "commune:26362"),
        ("commune:26362", "commune:26362"),
        ("75112", "commune:75056"),  # Paris 12e arrondissement folds to Paris
        ("13201", "commune:13055"),  # Marseille 1er
        ("69381", "commune:69123"),  # Lyon 1er
        ("200068781", "epci:200068781"),
        ("212603625", "commune:26362"),  # Valence's SIREN
        ("26", "departement:26"),
        ("2A", "departement:2A"),
        ("2A004", "commune:2A004"),
        ("region:84", "region:84"),
        ("Drôme", "departement:26"),
        ("drome", "departement:26"),
        ("Valence (26)", "commune:26362"),
        ("France", "pays:FR"),
    ],
)
def test_resolve(text, expected):
    assert H.resolve(text).territory_id == expected


def test_ambiguous_and_unknown_names_explain_themselves():
    ambiguous = H.resolve("Saint-Denis")
    assert not ambiguous.ok
    assert {"commune:93066", "commune:97411"} <= {t.id for t in ambiguous.candidates}
    assert "commune:93066" in ambiguous.explain()
    unknown = H.resolve("69999")
    assert not unknown.ok and "not a known commune" in unknown.explain()


def test_projection_rolls_up_through_communes():
    # CA Arche Agglo straddles the Drôme and the Ardèche
    arche = "epci:200073096"
    assert H.project(arche, Level.DEPARTEMENT) == {"departement:07", "departement:26"}
    assert arche in H.project("departement:26", Level.EPCI)
    assert arche in H.project("departement:07", Level.EPCI)
    assert H.project("commune:26362", Level.EPCI) == {"epci:200068781"}
    assert H.project("region:84", Level.REGION) == {"region:84"}
    assert len(H.project("pays:FR", Level.REGION)) == 26
    assert H.within("commune:26362") == ("epci:200068781", "departement:26", "region:84", "pays:FR")


def test_children_drill_down():
    assert "departement:26" in H.children("region:84")
    drome_epcis = H.children("departement:26")
    assert "epci:200068781" in drome_epcis and all(t.startswith("epci:") for t in drome_epcis)
    assert set(H.children("epci:200068781")) == {H.commune_ids[p] for p in H.communes("epci:200068781")}
    # islands outside any EPCI stay reachable from their département
    assert "commune:85113" in H.children("departement:85")


def test_seventeen_sdgs_with_dimensions():
    assert [s.number for s in REF.sdgs] == list(range(1, 18))
    assert REF.sdgs[13].name_en == "Climate action"
    assert REF.sdgs[17].dimension == Dimension.PARTNERSHIP
    assert {s.dimension for s in REF.sdgs} == set(Dimension)


def test_twenty_one_levers_seven_per_family():
    assert len(REF.levers) == 21
    for family in LeverFamily:
        levers = REF.levers.family(family)
        assert [lv.number for lv in levers] == list(range(1, 8))
        assert all(len(lv.description) > 40 for lv in levers)
    assert REF.levers.resolve("Données") == "moyen-donnees"
    assert REF.levers.resolve("capitaliser") == "modalite-capitaliser"
    assert REF.levers.resolve("principe 4") == "principe-4"
    assert REF.levers.resolve("P4") == "principe-4"
    assert REF.levers.resolve("Données", LeverFamily.PRINCIPE) is None
