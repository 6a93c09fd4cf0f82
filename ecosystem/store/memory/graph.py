"""The embedded store's graphs: design.md section 1 in NetworkX.

Two graphs, same node keys. The reference graph (territories with PART_OF, SDGs, levers) is immutable
and shared by every store of the process, so opening a store does not rebuild 36,000 territories.
Each store's dataset graph, a MultiDiGraph, holds its datasets' nodes and their relationships, whose
reference ends are the same keys (bare nodes there). Nodes are keyed `(label, key)`, e.g.
`("Actor", "biodrome")`, `("Territory", "commune:26362")`, `("SDG", 13)`; each carries its record
(the frozen dataclass from `ecosystem.model`) under `record`, dataset nodes also their dataset's id
under `dataset`. Edges are keyed by relationship type (`ASSESSED` by type and date: an alliance keeps
its history). These functions only shape graphs; whether a dataset may be added is `integrity`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from ecosystem.datasets.difference import Difference, assessment_key, membership_key
from ecosystem.model import Actor, Alliance, Assessment, Dataset, Membership, Policy, SdgSource
from ecosystem.reference import Reference
from ecosystem.store.base import Progress

if TYPE_CHECKING:  # networkx is imported when a graph is built: a question on columns needs none
    import networkx as nx

Node = tuple[str, Any]
Edge = tuple[Node, Node, Any, dict[str, Any]]

ACTOR, POLICY, ALLIANCE, DATASET = "Actor", "Policy", "Alliance", "Dataset"
TERRITORY, SDG, LEVER = "Territory", "SDG", "Lever"
BELONGS_TO = "BELONGS_TO"  # record -> Dataset: bookkeeping, not one of the domain relationships
PROGRESS_EVERY = 2000  # rows between two progress calls


@cache
def reference_graph(ref: Reference) -> nx.DiGraph:
    """The reference nodes, built once per process and shared (frozen) by every store: territories
    with their PART_OF edges, the 17 SDGs, the 21 levers. Dataset graphs point at these nodes by key."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(((TERRITORY, t.id), {"record": t}) for t in ref.hierarchy)
    graph.add_edges_from(((TERRITORY, t.id), (TERRITORY, p), {"type": "PART_OF"})
                         for t in ref.hierarchy for p in t.parents)
    graph.add_nodes_from(((SDG, s.number), {"record": s}) for s in ref.sdgs)
    graph.add_nodes_from(((LEVER, lv.id), {"record": lv}) for lv in ref.levers)
    return nx.freeze(graph)


def record_nodes(dataset: Dataset) -> list[Node]:
    """The nodes a dataset brings (its Dataset node included)."""
    return [*((ACTOR, a.id) for a in dataset.actors), *((POLICY, p.id) for p in dataset.policies),
            *((ALLIANCE, a.id) for a in dataset.alliances), (DATASET, dataset.id)]


def _actor_edges(actor: Actor) -> Iterator[Edge]:
    me = (ACTOR, actor.id)
    for tid in dict.fromkeys(actor.territories):
        yield me, (TERRITORY, tid), "ACTS_IN", {}
    inferred: dict[int, list[tuple[str, float]]] = {}
    for s in actor.inferred_sdgs:
        inferred.setdefault(s.number, []).append((s.source, s.confidence))
    for number in actor.all_sdgs:
        if number in actor.sdgs:
            attrs = {"source": SdgSource.DECLARED.value, "confidence": 1.0}
        else:
            attrs = {"source": SdgSource.INFERRED.value, "confidence": max(c for _, c in inferred[number])}
        attrs["rules"] = tuple(rule for rule, _ in inferred.get(number, ()))
        yield me, (SDG, number), "CONTRIBUTES_TO", attrs
    for lever in dict.fromkeys(actor.offers):
        yield me, (LEVER, lever), "OFFERS", {}
    for lever in dict.fromkeys(actor.needs):
        yield me, (LEVER, lever), "NEEDS", {}


def _policy_edges(policy: Policy) -> Iterator[Edge]:
    me = (POLICY, policy.id)
    for carrier in dict.fromkeys(policy.carriers):
        yield (ACTOR, carrier), me, "CARRIES", {}
    for tid in dict.fromkeys(policy.territories):
        yield me, (TERRITORY, tid), "COVERS", {}
    for number in dict.fromkeys(policy.sdgs):
        yield me, (SDG, number), "ADDRESSES", {}


def _alliance_edges(alliance: Alliance) -> Iterator[Edge]:
    me = (ALLIANCE, alliance.id)
    for tid in dict.fromkeys(alliance.territories):
        yield me, (TERRITORY, tid), "ANCHORED_IN", {}
    for number in dict.fromkeys(alliance.sdgs):
        yield me, (SDG, number), "TARGETS", {}
    for policy in dict.fromkeys(alliance.policies):
        yield me, (POLICY, policy), "ALIGNS_WITH", {}


def assessment_edge(assessment: Assessment) -> Edge:
    return ((ALLIANCE, assessment.alliance), (LEVER, assessment.lever),
            ("ASSESSED", assessment.on.isoformat()),
            {"on": assessment.on, "score": assessment.score, "comment": assessment.comment})


def membership_edge(m: Membership) -> Edge:
    return (ACTOR, m.actor), (ALLIANCE, m.alliance), "MEMBER_OF", {"role": m.role.value}


def domain_edges(dataset: Dataset, assessments: Iterable[Assessment]) -> Iterator[Edge]:
    """The relationships of design.md section 1 that `dataset` brings, with `assessments` as its
    ASSESSED history (the dataset's own merged with the app's)."""
    for actor in dataset.actors:
        yield from _actor_edges(actor)
    for policy in dataset.policies:
        yield from _policy_edges(policy)
    for alliance in dataset.alliances:
        yield from _alliance_edges(alliance)
    for m in dataset.memberships:
        yield membership_edge(m)
    for assessment in assessments:
        yield assessment_edge(assessment)



def add_dataset(graph: nx.MultiDiGraph, dataset: Dataset, assessments: Iterable[Assessment],
                properties: dict[str, str], progress: Progress | None = None) -> None:
    """Add a dataset's nodes and relationships; `properties` go on its Dataset node. Calls
    `progress(done, total)` every PROGRESS_EVERY records; the caller reports the end."""
    total = dataset.row_count
    done = 0
    ds_node = (DATASET, dataset.id)
    graph.add_node(ds_node, record=None, dataset=dataset.id, name=dataset.name, source=dataset.source,
                   **properties)
    kinds = ((ACTOR, dataset.actors), (POLICY, dataset.policies), (ALLIANCE, dataset.alliances))
    for label, records in kinds:
        for record in records:
            node = (label, record.id)
            graph.add_node(node, record=record, dataset=dataset.id)
            graph.add_edge(node, ds_node, BELONGS_TO)
            done += 1
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total)
    add_edge = graph.add_edge  # add_edges_from goes through adjacency views: twice as slow here
    for u, v, key, attrs in domain_edges(dataset, assessments):
        add_edge(u, v, key, **attrs)


_RECORDS = (("actors", ACTOR, _actor_edges), ("policies", POLICY, _policy_edges),
            ("alliances", ALLIANCE, _alliance_edges))


def apply_difference(graph: nx.MultiDiGraph, old: Dataset, new: Dataset, diff: Difference,
                     properties: dict[str, str]) -> None:
    """Turn the graph's `old` version of a dataset into `new` in place, touching only what `diff`
    names, so that it ends equal to `add_dataset(new)` (tests/test_memory_store.py compares them).
    `old` and `new` carry the assessments the graph shows (the file's with the app's); `diff` is
    `difference(old, new)`.

    Each relationship belongs to one record, the one whose fields say it (a policy's CARRIES come
    from its `carriers`): a changed record's relationships are removed and written again, its node
    kept, so the relationships unchanged records hold to it stay. A removed record's node goes with
    everything attached; whatever else pointed at it changed too, or the new version is invalid."""
    before = {kind: {r.id: r for r in getattr(old, kind)} for kind, _, _ in _RECORDS}
    after = {kind: {r.id: r for r in getattr(new, kind)} for kind, _, _ in _RECORDS}
    gone_members = {membership_key(m): m for m in old.memberships}
    new_members = {membership_key(m): m for m in new.memberships}
    gone_entries = {assessment_key(s): s for s in old.assessments}
    new_entries = {assessment_key(s): s for s in new.assessments}

    def drop(edges: Iterable[Edge]) -> None:
        for u, v, key, _ in edges:
            if graph.has_edge(u, v, key):
                graph.remove_edge(u, v, key)

    add_edge = graph.add_edge
    for kind, _, edges_of in _RECORDS:
        for rid in diff.of(kind).changed:
            drop(edges_of(before[kind][rid]))
    for key in (*diff.of("memberships").removed, *diff.of("memberships").changed):
        drop([membership_edge(gone_members[key])])
    for key in (*diff.of("assessments").removed, *diff.of("assessments").changed):
        drop([assessment_edge(gone_entries[key])])
    for kind, label, _ in _RECORDS:
        graph.remove_nodes_from((label, rid) for rid in diff.of(kind).removed)

    ds_node = (DATASET, new.id)
    graph.add_node(ds_node, name=new.name, source=new.source, **properties)
    for kind, label, _ in _RECORDS:
        change = diff.of(kind)
        for rid in change.added:
            graph.add_node((label, rid), record=after[kind][rid], dataset=new.id)
            add_edge((label, rid), ds_node, BELONGS_TO)
        for rid in change.changed:
            graph.nodes[(label, rid)]["record"] = after[kind][rid]
    for kind, _, edges_of in _RECORDS:
        change = diff.of(kind)
        for rid in (*change.added, *change.changed):
            for u, v, key, attrs in edges_of(after[kind][rid]):
                add_edge(u, v, key, **attrs)
    for key in (*diff.of("memberships").added, *diff.of("memberships").changed):
        u, v, k, attrs = membership_edge(new_members[key])
        add_edge(u, v, k, **attrs)
    for key in (*diff.of("assessments").added, *diff.of("assessments").changed):
        u, v, k, attrs = assessment_edge(new_entries[key])
        add_edge(u, v, k, **attrs)


def remove_dataset(graph: nx.MultiDiGraph, dataset: Dataset) -> None:
    """Remove a dataset's nodes, and with them all their relationships (missing nodes are skipped)."""
    graph.remove_nodes_from(record_nodes(dataset))


def replace_assessments(graph: nx.MultiDiGraph, alliance_id: str, assessments: Iterable[Assessment]) -> None:
    """Make `assessments` the alliance's ASSESSED history in the graph."""
    node = (ALLIANCE, alliance_id)
    old = [(u, v, k) for u, v, k in graph.out_edges(node, keys=True)
           if isinstance(k, tuple) and k[0] == "ASSESSED"]
    graph.remove_edges_from(old)
    graph.add_edges_from(assessment_edge(s) for s in assessments)
