"""The network of a territory's actors in findings: its communities, brokers and bridges.

`ecosystem.analysis.metrics` measures the network (communities, betweenness, brokers); this module
says what it shows, as findings (codes NETWORK_*) that `render_fr` / `render_en` write, for
`ecosystem network --in TERRITORY`: how many actors are linked, the communities with their best
connected members, the brokers between kinds and between territories, and the links that bridge
two kinds of actors or two territories (what the charter calls links between actors "riches de
leurs différences").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ecosystem.analysis import metrics, render
from ecosystem.analysis.codes import Code
from ecosystem.finding import Finding, Ref
from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.reference.territories import LEVELS_FINE_TO_COARSE
from ecosystem.store.base import Store

SHOWN = 5
"""Communities, brokers and bridges reported: the strongest; --json holds the measures of all."""

MEMBERS_NAMED = 3
"""Members named for each community: its best connected ones."""


@dataclass(frozen=True, slots=True)
class NetworkReport:
    """What `ecosystem network` prints: findings in order, the sentences, and the measures."""

    territory: str
    actors: int
    linked: int
    links: int
    communities: tuple[Finding, ...]
    kind_brokers: tuple[Finding, ...]
    territory_brokers: tuple[Finding, ...]
    kind_bridges: tuple[Finding, ...]
    territory_bridges: tuple[Finding, ...]
    summary: Finding
    modularity: float

    def findings(self) -> tuple[Finding, ...]:
        return (self.summary, *self.communities, *self.kind_brokers, *self.territory_brokers,
                *self.kind_bridges, *self.territory_bridges)

    def sentences(self, lang: str) -> tuple[str, ...]:
        return render.sentences(self.findings(), lang)


def network_report(store: Store, territory_id: str, shown: int = SHOWN) -> NetworkReport:
    """The network of the actors present in `territory_id`, as findings."""
    level = bridge_level(territory_id)
    ids = store.actors_in([territory_id])
    found = metrics.actor_network(store, ids, level=level, top=shown)
    linked = {n.actor: n for n in found.nodes if n.degree}
    links = store.actor_links(sorted(linked))
    actors = {a.id: a for a in store.actors(sorted(linked))}
    places = store.presence(sorted(linked), level)
    communities = tuple(_community(c, linked) for c in found.communities if len(c) > 1)[:shown]
    kind_bridges: Counter[tuple[str, str]] = Counter()
    place_bridges: Counter[tuple[str, str]] = Counter()
    for link in links:
        a, b = actors[link.a], actors[link.b]
        if a.kind != b.kind:
            kind_bridges[tuple(sorted((a.kind.value, b.kind.value)))] += 1  # type: ignore[index]
        pa, pb = places.get(link.a, frozenset()), places.get(link.b, frozenset())
        if len(pa) == 1 and len(pb) == 1 and pa != pb:
            place_bridges[tuple(sorted((*pa, *pb)))] += 1  # type: ignore[index]
    summary = Finding(Code.NETWORK_SUMMARY, places=(territory_id,), count=len(linked), total=len(ids),
                      share=found.modularity,
                      counts=(("links", len(links)),
                              ("communities", sum(len(c) > 1 for c in found.communities))))
    return NetworkReport(
        territory_id, len(ids), len(linked), len(links), communities,
        tuple(_broker(b, Code.NETWORK_KIND_BROKER) for b in found.kind_brokers[:shown]),
        tuple(_broker(b, Code.NETWORK_PLACE_BROKER) for b in found.territory_brokers[:shown]),
        tuple(Finding(Code.NETWORK_KIND_BRIDGE, kinds=pair, count=n)
              for pair, n in _top(kind_bridges, shown)),
        tuple(Finding(Code.NETWORK_PLACE_BRIDGE, places=pair, count=n)
              for pair, n in _top(place_bridges, shown)),
        summary, found.modularity)


def bridge_level(territory_id: str) -> Level:
    """The level whose territories brokers and bridges link: one below the territory's (its communes
    for a commune or an EPCI), so that a département's report speaks of its EPCI.

    >>> bridge_level("departement:26"), bridge_level("commune:26362"), bridge_level("pays:FR")
    (<Level.EPCI: 'epci'>, <Level.COMMUNE: 'commune'>, <Level.REGION: 'region'>)
    """
    level = reference().hierarchy[territory_id].level
    return LEVELS_FINE_TO_COARSE[max(0, level.rank - 1)]


def _top(counter: Counter[tuple[str, str]], shown: int) -> list[tuple[tuple[str, str], int]]:
    """Most frequent first, then in key order: ties never depend on the order links came in."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:shown]


def _community(members: tuple[str, ...], linked: dict[str, metrics.NodeMetrics]) -> Finding:
    """A community: its size, its best connected members, and the kinds it holds."""
    best = sorted(members, key=lambda i: (-linked[i].degree, i))[:MEMBERS_NAMED]
    kinds = Counter(linked[i].kind.value for i in members)
    refs = tuple(Ref(i, linked[i].name, linked[i].kind.value) for i in best)
    return Finding(Code.NETWORK_COMMUNITY, refs=refs, count=len(members),
                   kinds=tuple(k for k, _ in kinds.most_common()))


def _broker(b: metrics.Broker, code: Code) -> Finding:
    groups = b.groups
    return Finding(code, refs=(Ref(b.actor, b.name, b.kind.value),), count=b.open_pairs, share=b.betweenness,
                   kinds=groups if code == Code.NETWORK_KIND_BROKER else (),
                   places=groups if code == Code.NETWORK_PLACE_BROKER else ())
