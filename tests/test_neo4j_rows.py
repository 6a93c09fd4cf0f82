"""An actor's node properties (ecosystem/store/neo4j/rows.py): the fields no query reads are packed in
one JSON string, `details`, and read back exactly; a node written before `details` existed (each
field a property of its own) reads the same. Pure: no server."""

from __future__ import annotations

from datetime import date

import orjson
import pytest

from ecosystem.model import Actor, ActorKind, InferredSdg
from ecosystem.reference import reference
from ecosystem.store.neo4j import rows
from tests.factories import small_dataset

FULL = Actor("tout", "Tout « renseigné » — é", ActorKind.ENTREPRISE, ("commune:26362", "departement:07"),
             (2, 8), offers=("moyen-donnees", "moyen-competences"), needs=("moyen-financement",),
             siren="123456789", siret="12345678900012", rna="W261000000", description="Ligne 1\nLigne 2",
             website="https://exemple.fr/a?b=c", inferred_sdgs=(InferredSdg(13, "mot-cle:climat", 0.1),
                                                                 InferredSdg(7, "naf:35.11Z", 2 / 3)),
             active=False, created=date(2024, 2, 29), source="rna 2024-06", rejected_sdgs=(5,))


def _props(actor: Actor) -> dict:
    return rows.actor_row(actor, "jeu", reference().hierarchy, digest="abc")["props"]


def _as_before(props: dict) -> dict:
    """The same node as the loader wrote it before `details`: each packed field a property."""
    before = {k: v for k, v in props.items() if k != "details"}
    return before | orjson.loads(props["details"]) if "details" in props else before


@pytest.mark.parametrize("actor", [FULL, *small_dataset().actors], ids=lambda a: a.id)
def test_an_actor_reads_back_from_its_packed_properties_and_from_the_older_layout(actor):
    props = _props(actor)
    assert rows.actor_from(props) == actor
    assert rows.actor_from(_as_before(props)) == actor


def test_only_the_fields_no_query_reads_are_packed():
    props = _props(FULL)
    assert not set(rows.DETAILS) & set(props)
    assert set(orjson.loads(props["details"])) == set(rows.DETAILS)
    queried = ("id", "name", "name_norm", "kind", "territories", "sdgs", "all_sdgs", "n_commune", "active",
               "dataset", "digest")
    assert set(queried) <= set(props)


def test_an_actor_with_nothing_to_pack_has_no_details():
    bare = Actor("nu", "Nu", ActorKind.ASSOCIATION, ("commune:26362",), (2,))
    assert "details" not in _props(bare)
    assert rows.actor_from(_props(bare)) == bare
