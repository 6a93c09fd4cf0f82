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
    """Per (territory, SDG): the territory nodes' counts, plus each wide node's spread over the
    territories of every level where its footprint is present (as `Store.coverage` reads them)."""
    h = reference().hierarchy
    found: Counter[tuple[str, int, int]] = Counter()
    seen = set()
    for row in rows:
        for i, sdg in enumerate(row["sdgs"]):
            if row["territory"] == rollup.WIDE:
                places = [x for level in Level for x in h.presence(tuple(row["footprint"]), level)]
            else:
                key = (row["territory"], sdg)
                assert key not in seen, f"{key} twice"
                seen.add(key)
                places = [row["territory"]]
            for x in places:
                for k, kind in enumerate(rollup.KINDS):
                    found[(x, sdg, k)] += row[kind][i]
    cells = {(x, sdg) for x, sdg, _ in found}
    return {(x, sdg): (found[(x, sdg, 0)], found[(x, sdg, 1)], found[(x, sdg, 2)]) for x, sdg in cells}


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


def test_a_wide_footprint_is_one_node_not_one_per_territory():
    """A national actor is present in all 35,000 communes: its counts are one node of its own, so a
    change to it rewrites that node and not every territory's (rollup.adjust)."""
    dataset = generate(GeneratorSpec(actors=200, seed=3))
    national = [a for a in dataset.actors if a.active and a.all_sdgs and a.territories == ("pays:FR",)]
    assert national
    rows = rollup.cells(dataset, reference().hierarchy)
    wide = [r for r in rows if r["territory"] == rollup.WIDE]
    assert ["pays:FR"] in [r["footprint"] for r in wide]
    only_local = replace(dataset, actors=tuple(a for a in dataset.actors if a not in national))
    local_rows = [r for r in rows if r["territory"] != rollup.WIDE]
    assert local_rows == [r for r in rollup.cells(only_local, reference().hierarchy)
                          if r["territory"] != rollup.WIDE]  # the national actors are in no territory's node
    assert len(rows) < 36_000  # with a node per commune for them, there would be one per commune of France
