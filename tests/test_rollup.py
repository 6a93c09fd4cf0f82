"""The coverage roll-up a Neo4j load stages (ecosystem/store/neo4j/rollup.py), against a brute force
written from the presence rule: per territory x of each level, the records present in x, per SDG.
No server needed: tests/test_neo4j_store.py checks what Neo4j answers from it."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Dataset, Level
from ecosystem.reference import reference
from ecosystem.store.neo4j import rollup
from tests.factories import small_dataset


def brute_force(dataset: Dataset) -> dict[tuple[str, int], tuple[int, int, int]]:
    h = reference().hierarchy
    counts: Counter[tuple[str, int, int]] = Counter()
    records = [(0, a.territories, a.all_sdgs) for a in dataset.actors if a.active]
    records += [(1, a.territories, a.sdgs) for a in dataset.alliances]
    records += [(2, p.territories, p.sdgs) for p in dataset.policies]
    for kind, territories, sdgs in records:
        for level in Level:
            for x in h.presence(territories, level):
                for sdg in set(sdgs):
                    counts[(x, sdg, kind)] += 1
    cells = {(x, sdg) for x, sdg, _ in counts}
    return {(x, sdg): (counts[(x, sdg, 0)], counts[(x, sdg, 1)], counts[(x, sdg, 2)]) for x, sdg in cells}


def flattened(rows: list[dict]) -> dict[tuple[str, int], tuple[int, int, int]]:
    found = {}
    for row in rows:
        for i, sdg in enumerate(row["sdgs"]):
            key = (row["territory"], sdg)
            assert key not in found, f"{key} twice"
            found[key] = (row["actors"][i], row["alliances"][i], row["policies"][i])
    return found


def test_rollup_counts_every_record_present_in_each_territory_of_each_level():
    dataset = generate(GeneratorSpec(actors=200, seed=3))  # national, regional, multi-territory records
    half_inactive = replace(dataset, actors=tuple(replace(a, active=bool(i % 2))
                                                  for i, a in enumerate(dataset.actors)))
    for d in (dataset, half_inactive, small_dataset()):
        rows = rollup.cells(d, reference().hierarchy)
        assert flattened(rows) == brute_force(d)
        assert all(row["sdgs"] and 0 not in row["sdgs"] for row in rows)  # only non-empty cells


def test_an_empty_dataset_has_no_rollup():
    assert rollup.cells(Dataset("vide", "Vide"), reference().hierarchy) == []
