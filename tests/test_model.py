"""The domain types refuse what cannot be true, and round-trip through plain data."""

from __future__ import annotations

from datetime import date

import pytest

from ecosystem.model import (
    Actor,
    ActorKind,
    Assessment,
    InferredSdg,
    Level,
    Lever,
    LeverFamily,
    Territory,
    dataset_from_dict,
    dataset_to_dict,
)
from tests.factories import small_dataset, with_actor_renamed


def test_levels_are_ordered_fine_to_coarse():
    assert [lv.rank for lv in (Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION, Level.PAYS)] == [
        0, 1, 2, 3, 4]


@pytest.mark.parametrize("sdgs", [(0,), (18,), (3, 3)])
def test_actor_refuses_bad_sdgs(sdgs):
    with pytest.raises(ValueError, match="SDG"):
        Actor("a", "A", ActorKind.ASSOCIATION, ("commune:26362",), sdgs)


def test_actor_needs_id_and_name():
    with pytest.raises(ValueError):
        Actor("", "A", ActorKind.ASSOCIATION, ())
    with pytest.raises(ValueError):
        Actor("a", "", ActorKind.ASSOCIATION, ())


def test_all_sdgs_merges_declared_and_inferred():
    actor = Actor("a", "A", ActorKind.ASSOCIATION, (), (12, 2), inferred_sdgs=(InferredSdg(13, "x", 0.4),
                                                                              InferredSdg(2, "y", 0.9)))
    assert actor.all_sdgs == (2, 12, 13)


def test_assessment_score_range():
    Assessment("al", "principe-1", date(2025, 1, 1), 3)
    with pytest.raises(ValueError, match="score"):
        Assessment("al", "principe-1", date(2025, 1, 1), 4)


def test_territory_id_must_match_level_and_code():
    with pytest.raises(ValueError):
        Territory("commune:1", Level.EPCI, "1", "x", 0)


def test_lever_id_must_carry_its_family():
    with pytest.raises(ValueError):
        Lever("moyen-x", LeverFamily.PRINCIPE, 1, "x", "y")


def test_dataset_round_trips_through_plain_data():
    dataset = small_dataset()
    assert dataset_from_dict(dataset_to_dict(dataset)) == dataset


def test_checksum_follows_content():
    dataset = small_dataset()
    assert dataset.checksum() == small_dataset().checksum()
    assert dataset.checksum() != with_actor_renamed(dataset, "biodrome", "BioDrôme SAS").checksum()


def test_dataset_to_dict_matches_the_dataclass_fields():
    """The hand-written serialisation (fast) says what dataclasses.asdict would, field for field."""
    import json
    from dataclasses import asdict

    from ecosystem.generate import GeneratorSpec, generate

    dataset = generate(GeneratorSpec(actors=300, seed=9))
    expected = asdict(dataset)
    expected.pop("extra")
    expected = json.loads(json.dumps(expected, default=lambda d: d.isoformat()))
    for entry in expected["assessments"]:  # written only when set: a file's checksum stays what it was
        if not entry["author"]:
            del entry["author"]
    assert dataset_to_dict(dataset) == expected
