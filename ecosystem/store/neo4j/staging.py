"""One batch of actors as `load_actors` stages it: each reference node named once per batch.

Why (issue 17, item 4; figures in docs/benchmarks.md, "Neo4j staging at 100,000 actors"): the
server's CPU is what bounds a load. Profiled with Java Flight Recorder at 100,000 actors, the first
staging query spent about 13 % of it seeking a Territory, SDG or Lever by its unique index (a locking
seek) once per relationship, 33,000 times for a batch of 5,000 actors, and more in four per-row
subqueries, one per relationship type. Here the rows name their reference targets by position in
one list per batch: the 17 SDGs and 21 levers (the whole reference, the same in every batch), then
the batch's distinct territories (a commune is shared by many of its actors). `load_actors` seeks
each of them once, keeps the nodes in a list, and creates every reference relationship of an actor
in one subquery with a dynamic type (`CREATE (a)-[:$(type)]->(target)`, Neo4j 5.26). The
relationship types come from `LINKS` below, never from the data.

With two writers (`load.WRITERS`), the previous query cost 35.7 µs of server CPU per relationship,
this one 24.6 µs; with one writer, 21 µs with either. The loader keeps two: one batch is built and
sent while the other is written, and since each batch locks its Version node last (see
queries/load_policies.cypher; it used to lock it first, which made the two wait for each other from
start to commit) both are written at once, on both cores (docs/architecture.md, "Neo4j staging:
what bounds a load", levers 2 and 7).

The graph written is the same as before: `tests/test_neo4j_staging.py` compares every node and
relationship staged by this query with what the previous query text
(benchmarks/baseline_queries/load_actors.cypher) writes for the same dataset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecosystem.reference import Reference

Row = dict[str, Any]

# (field of `rows.actor_row`, relationship type): the reference relationships of an actor.
LINKS = (("contributes", "CONTRIBUTES_TO"), ("offers", "OFFERS"), ("needs", "NEEDS"), ("acts_in", "ACTS_IN"))
(_, CONTRIBUTES_TO), (_, OFFERS), (_, NEEDS), (_, ACTS_IN) = LINKS


@dataclass(frozen=True, slots=True)
class Targets:
    """The fixed head of every batch's target list: the SDG numbers, then the lever ids, and where
    each of them sits in it. Made once per load; a batch's territories follow them."""

    sdgs: tuple[int, ...]
    levers: tuple[str, ...]
    sdg_at: dict[int, int] = field(init=False, hash=False, compare=False)
    lever_at: dict[str, int] = field(init=False, hash=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sdg_at", {n: i for i, n in enumerate(self.sdgs)})
        object.__setattr__(self, "lever_at", {lid: len(self.sdgs) + i for i, lid in enumerate(self.levers)})

    @classmethod
    def of(cls, ref: Reference) -> Targets:
        return cls(tuple(s.number for s in ref.sdgs), tuple(lever.id for lever in ref.levers))


def actor_batch(built: list[Row], targets: Targets) -> tuple[list[Row], Row]:
    """(rows, parameters) of `load_actors` from rows of `rows.actor_row`: each row keeps its props,
    carries and memberships, and gets `links`, a list of [relationship type, position in the batch's
    target list]; the parameters are `sdgs`, `levers` and `territories`, the list's three parts.
    A target missing from the reference is left out: the load's relationship count then differs
    from the dataset's and the load fails, as it did when an index seek found nothing."""
    sdg_at, lever_at = targets.sdg_at, targets.lever_at
    first_territory = len(sdg_at) + len(lever_at)
    territory_at: dict[str, int] = {}
    staged = []
    for row in built:
        links = [[CONTRIBUTES_TO, i] for n in row["contributes"] if (i := sdg_at.get(n)) is not None]
        links += [[OFFERS, i] for lid in row["offers"] if (i := lever_at.get(lid)) is not None]
        links += [[NEEDS, i] for lid in row["needs"] if (i := lever_at.get(lid)) is not None]
        for tid in row["acts_in"]:
            i = territory_at.get(tid)
            if i is None:
                i = territory_at[tid] = first_territory + len(territory_at)
            links.append([ACTS_IN, i])
        staged.append({"props": row["props"], "links": links, "carries": row["carries"],
                       "memberships": row["memberships"]})
    return staged, {"sdgs": list(targets.sdgs), "levers": list(targets.levers),
                    "territories": list(territory_at)}
