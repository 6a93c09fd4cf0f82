"""Datasets as one NetworkX graph, for GraphML (yEd, Cytoscape) and GEXF (Gephi) exports.

Nodes are the actors, policies and alliances of every dataset, plus the territories (with their
ancestors, so the hierarchy shows), SDGs and levers they refer to. Edges are the relationships of
design.md, each with a `type` attribute (ACTS_IN, MEMBER_OF ...). Attributes are scalars only, as
both formats require: lists become edges, dates become ISO text, missing values are left out.
Node ids are "{type}:{id}" (territory ids already are), so ids of different kinds never collide.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ecosystem.model import Dataset, SdgSource
from ecosystem.reference import Reference, reference


def actor_node(actor_id: str) -> str:
    return f"actor:{actor_id}"


def policy_node(policy_id: str) -> str:
    return f"policy:{policy_id}"


def alliance_node(alliance_id: str) -> str:
    return f"alliance:{alliance_id}"


def sdg_node(number: int) -> str:
    return f"sdg:{number}"


def lever_node(lever_id: str) -> str:
    return f"lever:{lever_id}"


def _scalars(**values: object) -> dict[str, object]:
    return {k: v for k, v in values.items() if v is not None}


def dataset_graph(datasets: Iterable[Dataset], ref: Reference | None = None) -> nx.MultiDiGraph:
    """One directed multigraph of all `datasets` (an alliance's assessments of one lever are
    several ASSESSED edges, its history)."""
    ref = ref or reference()
    graph = nx.MultiDiGraph(name="ecosystem")
    territories: set[str] = set()
    sdgs: set[int] = set()
    levers: set[str] = set()

    def edge(source: str, target: str, rel: str, **attrs: object) -> None:
        graph.add_edge(source, target, type=rel, **_scalars(**attrs))

    for dataset in datasets:
        for a in dataset.actors:
            node = actor_node(a.id)
            graph.add_node(node, type="Actor", label=a.name, record_id=a.id, dataset=dataset.id,
                           kind=a.kind.value, siren=a.siren, siret=a.siret, rna=a.rna,
                           description=a.description, website=a.website, active=a.active,
                           **_scalars(created=a.created.isoformat() if a.created else None), source=a.source)
            for tid in a.territories:
                edge(node, tid, "ACTS_IN")
            for n in a.sdgs:
                edge(node, sdg_node(n), "CONTRIBUTES_TO", sdg_source=SdgSource.DECLARED.value)
            for inferred in a.inferred_sdgs:
                edge(node, sdg_node(inferred.number), "CONTRIBUTES_TO", sdg_source=SdgSource.INFERRED.value,
                     rule=inferred.source, confidence=float(inferred.confidence))
            for lever in a.offers:
                edge(node, lever_node(lever), "OFFERS")
            for lever in a.needs:
                edge(node, lever_node(lever), "NEEDS")
            territories.update(a.territories)
            sdgs.update(a.all_sdgs)
            levers.update(a.offers + a.needs)
        for p in dataset.policies:
            node = policy_node(p.id)
            graph.add_node(node, type="Policy", label=p.name, record_id=p.id, dataset=dataset.id, kind=p.kind,
                           description=p.description)
            for carrier in p.carriers:
                edge(actor_node(carrier), node, "CARRIES")
            for tid in p.territories:
                edge(node, tid, "COVERS")
            for n in p.sdgs:
                edge(node, sdg_node(n), "ADDRESSES")
            territories.update(p.territories)
            sdgs.update(p.sdgs)
        for al in dataset.alliances:
            node = alliance_node(al.id)
            graph.add_node(node, type="Alliance", label=al.name, record_id=al.id, dataset=dataset.id,
                           purpose=al.purpose, status=al.status.value,
                           **_scalars(started=al.started.isoformat() if al.started else None))
            for tid in al.territories:
                edge(node, tid, "ANCHORED_IN")
            for n in al.sdgs:
                edge(node, sdg_node(n), "TARGETS")
            for policy in al.policies:
                edge(node, policy_node(policy), "ALIGNS_WITH")
            territories.update(al.territories)
            sdgs.update(al.sdgs)
        for m in dataset.memberships:
            edge(actor_node(m.actor), alliance_node(m.alliance), "MEMBER_OF", role=m.role.value)
        for s in dataset.assessments:
            edge(alliance_node(s.alliance), lever_node(s.lever), "ASSESSED", on=s.on.isoformat(),
                 score=int(s.score), comment=s.comment)
            levers.add(s.lever)

    _add_territories(graph, territories, ref)
    for n in sorted(sdgs):
        sdg = ref.sdgs[n]
        graph.add_node(sdg_node(n), type="SDG", label=ref.sdgs.label(n), number=n, name_fr=sdg.name_fr,
                       name_en=sdg.name_en, dimension=sdg.dimension.value)
    for lever_id in sorted(levers):
        lever = ref.levers[lever_id]
        graph.add_node(lever_node(lever_id), type="Lever", label=lever.name, record_id=lever.id,
                       family=lever.family.value, number=lever.number, description=lever.description)
    return graph


def _add_territories(graph: nx.MultiDiGraph, used: set[str], ref: Reference) -> None:
    """The territories referred to, their ancestors, and PART_OF between them."""
    hierarchy = ref.hierarchy
    todo, seen = list(used), set()
    while todo:
        tid = todo.pop()
        if tid in seen:
            continue
        seen.add(tid)
        todo.extend(hierarchy[tid].parents)
    for tid in sorted(seen):
        t = hierarchy[tid]
        graph.add_node(tid, type="Territory", label=t.name, level=t.level.value, code=t.code,
                       population=int(t.population))
    for tid in sorted(seen):
        for parent in hierarchy[tid].parents:
            graph.add_edge(tid, parent, type="PART_OF")
