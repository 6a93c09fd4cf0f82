"""Graph metrics of the actor network: who is central, which communities form, who bridges.

Two actors are linked when they are members of a common alliance or carry a policy together
(store.actor_links; weight = alliances + policies shared). On that network: degree and
betweenness centrality, communities (Louvain, seeded), and brokers: actors linking neighbours of
different kinds (an association to a company, a company to a local authority) or of different
territories that are not linked to each other directly. The charter values exactly these
"liens opérants" between actors "riches de leurs différences".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from ecosystem.analysis import wording as w
from ecosystem.analysis.thresholds import (
    BETWEENNESS_EXACT_MAX,
    BETWEENNESS_SAMPLES,
    BROKER_LEVEL,
    METRICS_SEED,
)
from ecosystem.model import Actor, ActorKind, Level
from ecosystem.store.base import Link, Store


@dataclass(frozen=True, slots=True)
class NodeMetrics:
    actor: str
    name: str
    kind: ActorKind
    degree: int
    degree_centrality: float
    betweenness: float
    community: int  # index into NetworkMetrics.communities


@dataclass(frozen=True, slots=True)
class Broker:
    """An actor whose neighbours belong to different groups (kinds, territories) not linked directly."""

    actor: str
    name: str
    kind: ActorKind
    groups: tuple[str, ...]  # the groups it bridges (kind values or territory ids)
    open_pairs: int  # pairs of its neighbours from disjoint groups, not linked to each other
    betweenness: float
    reason: str


@dataclass(frozen=True, slots=True)
class NetworkMetrics:
    nodes: tuple[NodeMetrics, ...]  # betweenness, then degree, descending; then id
    communities: tuple[tuple[str, ...], ...]  # biggest first, each sorted
    modularity: float
    kind_brokers: tuple[Broker, ...]  # most open pairs first
    territory_brokers: tuple[Broker, ...]


# ----------------------------------------------------------------------------- pure


def build_graph(links: Iterable[Link], nodes: Iterable[str] = ()) -> nx.Graph:
    """The weighted actor network, nodes inserted in id order (so seeded results are stable).

    >>> g = build_graph([Link("a", "b", 1, 1), Link("b", "c", 1, 0)], nodes=["d"])
    >>> sorted(g.nodes), g["a"]["b"]["weight"]
    (['a', 'b', 'c', 'd'], 2)
    """
    links = list(links)
    graph = nx.Graph()
    graph.add_nodes_from(sorted({*nodes, *(x for link in links for x in (link.a, link.b))}))
    for link in sorted(links, key=lambda k: (k.a, k.b)):
        graph.add_edge(link.a, link.b, weight=link.alliances + link.policies)
    return graph


def communities(graph: nx.Graph, seed: int = METRICS_SEED) -> tuple[tuple[str, ...], ...]:
    """Louvain communities, seeded; biggest first, each sorted (isolated actors are their own).

    >>> g = build_graph([Link("a", "b", 1, 0), Link("b", "c", 1, 0), Link("a", "c", 1, 0),
    ...                  Link("x", "y", 1, 0), Link("c", "x", 1, 0)])
    >>> communities(g)
    (('a', 'b', 'c'), ('x', 'y'))
    """
    if not graph.number_of_nodes():
        return ()
    if not graph.number_of_edges():
        return tuple((n,) for n in sorted(graph.nodes))
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return tuple(sorted((tuple(sorted(c)) for c in found), key=lambda c: (-len(c), c)))


def betweenness(graph: nx.Graph, seed: int = METRICS_SEED) -> dict[str, float]:
    """Normalised betweenness; exact up to BETWEENNESS_EXACT_MAX nodes, seeded sampling above."""
    if graph.number_of_nodes() <= BETWEENNESS_EXACT_MAX:
        return nx.betweenness_centrality(graph)
    return nx.betweenness_centrality(graph, k=min(BETWEENNESS_SAMPLES, graph.number_of_nodes()), seed=seed)


def open_pairs(graph: nx.Graph, node: str,
               groups: Mapping[str, frozenset[str]]) -> tuple[int, tuple[str, ...]]:
    """Pairs of `node`'s neighbours in disjoint groups and not linked to each other, and the groups
    they belong to: what only `node` connects.

    >>> g = build_graph([Link("v", "a", 1, 0), Link("v", "b", 1, 0), Link("v", "c", 1, 0),
    ...                  Link("a", "c", 1, 0)])
    >>> groups = {"a": frozenset({"asso"}), "b": frozenset({"ent"}), "c": frozenset({"asso"})}
    >>> open_pairs(g, "v", groups)  # a-b and c-b; a-c are linked and of the same kind
    (2, ('asso', 'ent'))
    """
    count = 0
    spanned: set[str] = set()
    for u, x in combinations(sorted(graph[node]), 2):
        gu, gx = groups.get(u, frozenset()), groups.get(x, frozenset())
        if gu and gx and not gu & gx and not graph.has_edge(u, x):
            count += 1
            spanned |= gu | gx
    return count, tuple(sorted(spanned))


# ----------------------------------------------------------------------------- store


def actor_network(store: Store, actor_ids: Iterable[str] | None = None, level: Level = BROKER_LEVEL,
                  top: int = 10, lang: str = "fr") -> NetworkMetrics:
    """Metrics of the network of linked actors (restricted to `actor_ids` when given)."""
    w.check_lang(lang)
    wanted = None if actor_ids is None else sorted(set(actor_ids))
    links = store.actor_links(wanted)
    graph = build_graph(links, wanted or ())
    ids = sorted(graph.nodes)
    actors = {a.id: a for a in store.actors(ids)}
    graph.remove_nodes_from([i for i in ids if i not in actors])
    ids = sorted(graph.nodes)
    places = store.presence(ids, Level(level))
    found = communities(graph)
    community_of = {n: i for i, c in enumerate(found) for n in c}
    between = betweenness(graph)
    degree = nx.degree_centrality(graph) if len(ids) > 1 else dict.fromkeys(ids, 0.0)
    nodes = tuple(sorted(
        (NodeMetrics(i, actors[i].name, actors[i].kind, graph.degree(i), degree[i], between[i],
                     community_of[i]) for i in ids),
        key=lambda n: (-n.betweenness, -n.degree, n.actor)))
    modularity = nx.community.modularity(graph, found, weight="weight") if graph.number_of_edges() else 0.0
    kinds = {i: frozenset({actors[i].kind.value}) for i in ids}
    return NetworkMetrics(nodes, found, modularity,
                          _brokers(graph, kinds, actors, between, "kind", top, lang),
                          _brokers(graph, places, actors, between, "territory", top, lang))


def _brokers(graph: nx.Graph, groups: Mapping[str, frozenset[str]], actors: Mapping[str, Actor],
             between: Mapping[str, float], what: str, top: int, lang: str) -> tuple[Broker, ...]:
    found = []
    for node in graph.nodes:
        count, spanned = open_pairs(graph, node, groups)
        if count:
            a = actors[node]
            found.append(Broker(node, a.name, a.kind, spanned, count, between[node],
                                broker_reason(spanned, count, what, lang)))
    found.sort(key=lambda b: (-b.open_pairs, -b.betweenness, b.actor))
    return tuple(found[:top])


def broker_reason(groups: tuple[str, ...], pairs: int, what: str, lang: str) -> str:
    """Why an actor is a broker, in one sentence.

    >>> print(broker_reason(("association", "entreprise"), 2, "kind", "fr"))
    Relie association et entreprise : 2 paires de partenaires qui n'ont pas d'autre lien direct.
    """
    if what == "kind":
        listed = w.join((w.kind_name(g, lang) for g in groups), lang)
    else:
        listed = w.place_names(groups, lang)
    s = "s" if pairs > 1 else ""
    text = w.tr(lang, f"relie {listed} : {pairs} paire{s} de partenaires qui n'ont pas d'autre lien direct",
                f"links {listed}: {pairs} pair{s} of partners with no other direct link")
    return w.sentence([text], lang)
