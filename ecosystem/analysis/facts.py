"""What the charter diagnosis needs to know about one alliance, gathered from the store.

`gather` asks the store a fixed, small number of questions (members, co-present actors, alliances
and policies of the territory, local authorities, self-assessments) and returns plain values;
`ecosystem.analysis.principles` then judges them without touching the store. Footprints are
compared at `thresholds.DIAGNOSIS_LEVEL` (commune): F = places x SDGs of the alliance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecosystem.analysis import complementarity
from ecosystem.analysis.assessment import LeverPath, lever_paths
from ecosystem.analysis.duplicates import is_duplicate
from ecosystem.analysis.overlap import containment, footprint_scores
from ecosystem.analysis.places import inside, presence_size, shared_with
from ecosystem.analysis.thresholds import (
    CANDIDATES_KEPT,
    COVERING_EXAMINED,
    COVERING_GROUP_MAX,
    DIAGNOSIS_LEVEL,
    LOCAL_AUTHORITY_KINDS,
    PUBLIC_KINDS,
)
from ecosystem.model import Actor, ActorKind, Alliance, AllianceStatus, MemberRole
from ecosystem.reference import reference
from ecosystem.store.base import Store


@dataclass(frozen=True, slots=True)
class MemberFacts:
    id: str
    name: str
    kind: ActorKind
    role: MemberRole
    active: bool
    sdgs: frozenset[int]
    offers: frozenset[str]
    needs: frozenset[str]
    places: frozenset[str]  # communes where it is present


@dataclass(frozen=True, slots=True)
class NearbyAlliance:
    """Another alliance whose footprint meets this one's."""

    id: str
    name: str
    status: AllianceStatus
    share: float  # share of this alliance's footprint it occupies
    shared_sdgs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class OutsideActor:
    """A non-member actor already occupying part of the alliance's footprint."""

    id: str
    name: str
    kind: ActorKind
    share: float
    shared_sdgs: tuple[int, ...]
    local: bool  # acts only inside the alliance's territory
    similar: bool  # of a kind among the members', not public, and local or duplicating a member


@dataclass(frozen=True, slots=True)
class PolicyFacts:
    id: str
    name: str
    kind: str
    carriers: tuple[str, ...]  # names of the local authorities carrying it
    sdgs: tuple[int, ...]
    shared_sdgs: tuple[int, ...]  # with the alliance's target SDGs
    covers: bool  # covers (part of) the alliance's territory
    aligned: bool  # the alliance declares it aligns with it

    @property
    def relevant(self) -> bool:
        """Covers the territory and addresses one of the alliance's SDGs."""
        return self.covers and bool(self.shared_sdgs)


@dataclass(frozen=True, slots=True)
class CandidateFacts:
    """A co-present, complementary actor (complementarity.rank), for concrete suggestions."""

    id: str
    name: str
    kind: ActorKind
    score: float
    sdgs: frozenset[int]
    new_sdgs: tuple[int, ...]
    common_sdgs: tuple[int, ...]
    offers: frozenset[str]
    other_kind: bool
    local: bool  # acts only inside the alliance's territory
    neighbour: bool = False  # acts in another commune of the territory's intercommunality, not in it


@dataclass(frozen=True, slots=True)
class AllianceFacts:
    alliance: Alliance
    places: frozenset[str]  # communes of the anchoring territories
    members: tuple[MemberFacts, ...]  # by name
    nearby_alliances: tuple[NearbyAlliance, ...]  # share > 0, largest share first
    outside_similar: tuple[OutsideActor, ...]  # possible duplicates, largest share first
    outside_partners: tuple[OutsideActor, ...]  # the others on the footprint: local first, then share
    covering_group: tuple[str, ...]  # names of similar outside actors together occupying covering_share
    covering_share: float
    policies: tuple[PolicyFacts, ...]  # relevant or aligned, by name
    authorities: tuple[tuple[str, str], ...]  # (id, name) of non-member local authorities, closest first
    candidates: tuple[CandidateFacts, ...]  # same communes first, then EPCI neighbours; best first
    paths: dict[str, LeverPath]

    @property
    def footprint(self) -> int:
        return len(self.places) * len(set(self.alliance.sdgs))


# ----------------------------------------------------------------------------- pure helpers


def greedy_cover(places: frozenset[str], sdgs: frozenset[int],
                 actors: Sequence[tuple[str, frozenset[str], frozenset[int]]],
                 max_n: int = COVERING_GROUP_MAX) -> tuple[tuple[str, ...], float]:
    """The few actors that together occupy the largest share of the footprint places x sdgs.

    Greedy set cover (the best next actor adds the most uncovered cells; ties keep input order).

    >>> f = frozenset
    >>> greedy_cover(f({"x", "y"}), f({1, 2}), [("A", f({"x"}), f({1, 2})), ("B", f({"x", "y"}), f({1})),
    ...                                         ("C", f({"y"}), f({2})), ("D", f({"z"}), f({1}))])
    (('A', 'B', 'C'), 1.0)
    """
    total = len(places) * len(sdgs)
    if not total:
        return (), 0.0
    covered: dict[int, set[str]] = {s: set() for s in sdgs}
    cells = {aid: (p & places, s & sdgs) for aid, p, s in actors}
    chosen: list[str] = []
    while len(chosen) < max_n:
        best, gain = None, 0
        for aid, _, _ in actors:
            if aid in chosen:
                continue
            p, s = cells[aid]
            g = sum(len(p - covered[x]) for x in s)
            if g > gain:
                best, gain = aid, g
        if best is None:
            break
        chosen.append(best)
        p, s = cells[best]
        for x in s:
            covered[x] |= p
    return tuple(chosen), sum(len(c) for c in covered.values()) / total


def closeness(shared: int, size_a: int, size_b: int) -> float:
    """Jaccard of two sets of communes from their sizes and intersection: how much two
    territories are the same one.

    >>> closeness(1, 1, 2)  # {a} and {a, b}
    0.5
    >>> closeness(0, 0, 0)
    0.0
    """
    union = size_a + size_b - shared
    return shared / union if union else 0.0


# ----------------------------------------------------------------------------- store


def gather(store: Store, alliance: Alliance) -> AllianceFacts:
    """Everything the diagnosis of `alliance` needs, in a fixed number of store calls."""
    h = reference().hierarchy
    level = DIAGNOSIS_LEVEL
    places = h.presence(alliance.territories, level)
    sdgs = frozenset(alliance.sdgs)

    memberships = store.memberships(alliance_ids=[alliance.id])
    roles = {m.actor: m.role for m in memberships}
    member_actors = store.actors(roles)
    member_ids = {a.id for a in member_actors}
    members = tuple(sorted((
        MemberFacts(a.id, a.name, a.kind, roles[a.id], a.active, frozenset(a.all_sdgs), frozenset(a.offers),
                    frozenset(a.needs), h.presence(a.territories, level))
        for a in member_actors), key=lambda m: (m.name, m.id)))

    nearby = _nearby_alliances(store, alliance, places, sdgs)
    subject = complementarity.alliance_subject_from(alliance, roles, member_actors)
    present = complementarity.copresent_actors(store, subject, level)
    similar, partners, group, group_share = _outside_actors(present, places, sdgs, members)
    policies = _policies(store, alliance, sdgs)
    authorities = _authorities(store, alliance, places, member_ids)

    here = complementarity.rank(subject, present, level)
    around = complementarity.neighbours(store, subject, [a for a, _ in present])
    ranked = ([(a, c, False) for a, _, c in here] + [(a, c, True) for a, _, c in around])[:CANDIDATES_KEPT]
    candidates = tuple(
        CandidateFacts(a.id, a.name, a.kind, c.score, frozenset(a.all_sdgs), c.new_sdgs, c.common_sdgs,
                       frozenset(a.offers), c.other_kind, _local(a, places), neighbour)
        for a, c, neighbour in ranked)
    return AllianceFacts(alliance, places, members, nearby, similar, partners, group, group_share, policies,
                         authorities, candidates, lever_paths(store.assessments(alliance.id)))


def _local(actor: Actor, places: frozenset[str]) -> bool:
    return inside(actor.territories, places, DIAGNOSIS_LEVEL)


def _nearby_alliances(store: Store, alliance: Alliance, places: frozenset[str],
                      sdgs: frozenset[int]) -> tuple[NearbyAlliance, ...]:
    if not places or not sdgs:
        return ()
    ids = [i for i in store.alliances_in(alliance.territories) if i != alliance.id]
    found = []
    for other in store.alliances(ids):
        shared_t = shared_with(other.territories, DIAGNOSIS_LEVEL, places)
        shared_s = sdgs & set(other.sdgs)
        share = containment(shared_t, len(shared_s), len(places), len(sdgs))
        if share > 0:
            found.append(NearbyAlliance(other.id, other.name, other.status, share, tuple(sorted(shared_s))))
    return tuple(sorted(found, key=lambda n: (-n.share, n.name, n.id)))


def _outside_actors(present: Sequence[tuple[Actor, int]], places: frozenset[str], sdgs: frozenset[int],
                    members: Sequence[MemberFacts]
                    ) -> tuple[tuple[OutsideActor, ...], tuple[OutsideActor, ...], tuple[str, ...], float]:
    """Non-members on the footprint: the similar ones (possible duplicates: not public, of a
    member's kind, and local or duplicating a member of that kind by `duplicates.is_duplicate`)
    and the others (partners to connect with); the group of similar ones covering the most of it.

    Read from the co-present actors (`present`: actor, shared communes) rather than a second store
    query: an actor occupies part of the footprint when it shares a commune and an SDG with it."""
    if not places or not sdgs:
        return (), (), (), 0.0
    h = reference().hierarchy
    kinds = {m.kind for m in members}
    shares = {a.id: containment(n, len(sdgs & set(a.all_sdgs)), len(places), len(sdgs)) for a, n in present}
    actors = {a.id: a for a, _ in present if shares[a.id] > 0}
    found = []
    for i, a in actors.items():
        local = inside(a.territories, places, DIAGNOSIS_LEVEL)
        similar = (a.kind in kinds and a.kind not in PUBLIC_KINDS
                   and (local or _duplicates_a_member(a, members)))
        found.append(OutsideActor(i, a.name, a.kind, shares[i], tuple(sorted(sdgs & set(a.all_sdgs))), local,
                                  similar))
    found.sort(key=lambda o: (-o.share, o.name, o.id))
    similar_ones = tuple(o for o in found if o.similar)[:COVERING_EXAMINED]
    others = sorted((o for o in found if not o.similar), key=lambda o: not o.local)
    partners = tuple(others[:COVERING_EXAMINED])
    cells = [(o.id, h.presence(actors[o.id].territories, DIAGNOSIS_LEVEL), frozenset(actors[o.id].all_sdgs))
             for o in similar_ones]  # local actors: small sets
    chosen, share = greedy_cover(places, sdgs, cells)
    return similar_ones, partners, tuple(actors[i].name for i in chosen), share


def _duplicates_a_member(actor: Actor, members: Sequence[MemberFacts]) -> bool:
    """Whether an outside actor duplicates a member of its kind, by the rule the overlap views use."""
    same = [m for m in members if m.kind == actor.kind]
    if not same:
        return False
    places = reference().hierarchy.presence(actor.territories, DIAGNOSIS_LEVEL)
    theirs = frozenset(actor.all_sdgs)
    return any(is_duplicate(*footprint_scores(places, theirs, m.places, m.sdgs)) for m in same)


def _policies(store: Store, alliance: Alliance, sdgs: frozenset[int]) -> tuple[PolicyFacts, ...]:
    covering = set(store.policies_in(alliance.territories)) if alliance.territories else set()
    policies = store.policies(sorted(covering | set(alliance.policies)))
    carriers = {a.id: a.name for a in store.actors({c for p in policies for c in p.carriers})}
    result = []
    for p in policies:
        covers = p.id in covering
        shared = tuple(sorted(sdgs & set(p.sdgs))) if sdgs else tuple(sorted(p.sdgs))
        names = tuple(carriers.get(c, c) for c in p.carriers)
        facts = PolicyFacts(p.id, p.name, p.kind, names, p.sdgs, shared, covers, p.id in alliance.policies)
        if facts.relevant or facts.aligned:
            result.append(facts)
    return tuple(sorted(result, key=lambda p: (p.name, p.id)))


def _authorities(store: Store, alliance: Alliance, places: frozenset[str],
                 member_ids: set[str]) -> tuple[tuple[str, str], ...]:
    if not alliance.territories:
        return ()
    found = store.actors_in(alliance.territories, kinds=LOCAL_AUTHORITY_KINDS)
    ids = [i for i in found if i not in member_ids]
    actors = store.actors(ids)

    def close(a: Actor) -> float:
        shared = shared_with(a.territories, DIAGNOSIS_LEVEL, places)
        return closeness(shared, len(places), presence_size(a.territories, DIAGNOSIS_LEVEL))

    ranked = sorted(actors, key=lambda a: (-close(a), a.name, a.id))
    return tuple((a.id, a.name) for a in ranked)
