"""The staging of actors (ecosystem/store/neo4j/staging.py, queries/load_actors.cypher) writes the same
graph as the query it replaced (benchmarks/baseline_queries/load_actors.cypher): the same dataset is
staged twice on the real server, once each way, and every node, property and relationship of the two
versions is compared. Small batches, so that batches with different territory lists are compared too.
The staged versions are never switched live and are collected at the end."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import neo4j
import pytest

from benchmarks.baseline_staging import BaselineLoader
from ecosystem.datasets import difference
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.model import Dataset, InferredSdg
from ecosystem.reference import reference
from ecosystem.store.neo4j import load, staging, versions
from ecosystem.store.rules import relationship_count
from tests.factories import small_dataset

# Every node of a version with its properties, and every relationship leaving it with its
# properties and target (reference nodes by id or number, records of the version by id).
DUMP = """
MATCH (n)
WHERE (n:Actor OR n:Policy OR n:Alliance OR n:Coverage) AND n.version = $version
OPTIONAL MATCH (n)-[r]->(m)
RETURN labels(n) AS labels, properties(n) AS props,
       collect([type(r), properties(r), labels(m), coalesce(m.id, m.number)]) AS out
"""

TYPES = ("ACTS_IN", "CONTRIBUTES_TO", "OFFERS", "NEEDS", "CARRIES", "MEMBER_OF", "COVERS", "ADDRESSES",
         "ANCHORED_IN", "TARGETS", "ALIGNS_WITH", "ASSESSED")


def _dump(runner, token: str) -> tuple[list, Counter]:
    """The version's graph as sorted, comparable tuples (the token itself left out), and the count
    of its relationships by type."""
    nodes, types = [], Counter()
    for record in _run(runner, token):
        props = {k: v for k, v in record["props"].items() if k != "version"}
        out = sorted(repr(link) for link in record["out"] if link[0] is not None)
        types.update(link[0] for link in record["out"] if link[0] is not None)
        nodes.append((tuple(sorted(record["labels"])), repr(sorted(props.items())), tuple(out)))
    return sorted(nodes), types


def _run(runner, token: str) -> list:
    with runner.session(neo4j.READ_ACCESS) as session:
        return list(session.run(DUMP, version=token))


def _stage(loader: load.Loader, runner, token: str) -> None:
    versions.begin(runner, token, loader.dataset.id)
    loader.digests = difference.digests(loader.dataset)
    loader.stage(token)


def _rich(dataset: Dataset) -> Dataset:
    """The small dataset with what a generated one lacks: an actor in several territories (one
    repeated), inferred SDGs beside declared ones, repeated offers."""
    first, *rest = dataset.actors
    spread = replace(first, territories=(*first.territories, "departement:26", first.territories[0]),
                     inferred_sdgs=(InferredSdg(7, "naf", 0.5), InferredSdg(first.sdgs[0], "naf", 0.9)),
                     offers=(*first.offers, *first.offers))
    return replace(dataset, actors=(spread, *rest))


@pytest.mark.neo4j
@pytest.mark.parametrize("which", ["small", "generated"])
def test_staging_writes_the_graph_of_the_previous_query(neo, which: str) -> None:
    if which == "small":
        dataset = _rich(small_dataset())
    else:
        dataset = generate(GeneratorSpec(actors=1500, seed=4, scope="region:84"))
    ref = reference()
    runner = neo.load_runner
    tokens = (versions.new_token(), versions.new_token())
    try:
        _stage(load.Loader(runner, ref, dataset, None, batch=200), runner, tokens[0])
        _stage(BaselineLoader(runner, ref, dataset, None, batch=200), runner, tokens[1])
        now, before = _dump(runner, tokens[0]), _dump(runner, tokens[1])
    finally:
        for token in tokens:
            versions.abandon(runner, token)
    assert now[0] == before[0]
    assert now[1] == before[1]
    assert sum(now[1].values()) == relationship_count(dataset)
    expected = {"ACTS_IN", "CONTRIBUTES_TO", "OFFERS", "NEEDS", "CARRIES", "MEMBER_OF"}
    assert expected <= {t for t, n in now[1].items() if n}, now[1]
    assert len([n for n in now[0] if "Actor" in n[0]]) == len(dataset.actors)


def test_batch_names_each_reference_target_once() -> None:
    """Targets by position: the SDGs and levers first, then each territory of the batch once, in the
    order met; a key the reference lacks is left out (the load's relationship count then fails)."""
    targets = staging.Targets((1, 2, 3), ("a", "b"))
    built = [{"props": {"id": "x"}, "acts_in": ["t1", "t2"], "contributes": [3, 9], "offers": ["b"],
              "needs": ["a", "zz"], "carries": ["p"], "memberships": []},
             {"props": {"id": "y"}, "acts_in": ["t2", "t3"], "contributes": [1], "offers": [], "needs": [],
              "carries": [], "memberships": [{"alliance": "al", "role": "membre"}]}]
    rows, params = staging.actor_batch(built, targets)
    assert params == {"sdgs": [1, 2, 3], "levers": ["a", "b"], "territories": ["t1", "t2", "t3"]}
    assert rows[0]["links"] == [["CONTRIBUTES_TO", 2], ["OFFERS", 4], ["NEEDS", 3], ["ACTS_IN", 5],
                                ["ACTS_IN", 6]]
    assert rows[1]["links"] == [["CONTRIBUTES_TO", 0], ["ACTS_IN", 6], ["ACTS_IN", 7]]
    assert rows[1]["memberships"] == [{"alliance": "al", "role": "membre"}] and rows[0]["carries"] == ["p"]
    assert {k for k, *_ in staging.LINKS} == {"acts_in", "contributes", "offers", "needs"}


def test_types_are_the_graph_s() -> None:
    """The dynamic relationship types of load_actors come from LINKS, all known types of the graph."""
    assert {kind for _, kind in staging.LINKS} <= set(TYPES)
