"""Complementarity: who, present where the subject is, brings what it lacks.

The charter asks for "acteurs de profils complémentaires" and a contribution "à la fois reçue et
donnée". For a subject (an actor, or an alliance seen through its members), a candidate counts
when it is co-present (P_L(subject) & P_L(candidate) non-empty) and brings at least one of: SDGs
the subject does not cover, another kind of actor, a means it OFFERS that the subject NEEDS; or
needs a means the subject offers (reciprocity). The score weighs these with
`thresholds.COMPLEMENT_WEIGHTS`; each candidate comes with one sentence saying why.

An alliance's footprint is its anchoring territories x its target SDGs (its members' SDGs when it
targets none); its kinds and offers are its members'; its needs are its members' needs that no
member already offers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ecosystem import deadline
from ecosystem.analysis import render
from ecosystem.analysis import wording as w
from ecosystem.analysis.codes import Code
from ecosystem.analysis.places import most_populated, presence_size, shared_places
from ecosystem.analysis.thresholds import (
    CANDIDATE_POOL,
    COMPLEMENT_WEIGHTS,
    NEIGHBOUR_LEVEL,
    NEW_SDGS_FULL,
    OVERLAP_LEVEL,
    SCAN_CHUNK,
)
from ecosystem.finding import Finding
from ecosystem.model import Actor, ActorKind, Alliance, Level
from ecosystem.reference import reference
from ecosystem.store.base import Store

# ----------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Subject:
    """What complementarity compares candidates with: an actor, or an alliance and its members."""

    type: str  # "actor" or "alliance"
    id: str
    name: str
    territories: tuple[str, ...]  # as declared (acts in / anchored in)
    sdgs: tuple[int, ...]
    kinds: tuple[ActorKind, ...]
    offers: tuple[str, ...]
    needs: tuple[str, ...]
    members: tuple[str, ...] = ()  # alliance members, excluded from the candidates

    @property
    def exclude(self) -> tuple[str, ...]:
        return (self.id, *self.members)


@dataclass(frozen=True, slots=True)
class Contribution:
    """What a candidate brings to a subject, and the resulting score (0..1)."""

    new_sdgs: tuple[int, ...]
    common_sdgs: tuple[int, ...]
    other_kind: bool
    offers_needed: tuple[str, ...]  # means the candidate offers that the subject needs
    needs_offered: tuple[str, ...]  # means the candidate needs that the subject offers
    score: float

    @property
    def brings_something(self) -> bool:
        return bool(self.new_sdgs or self.other_kind or self.offers_needed or self.needs_offered)


@dataclass(frozen=True, slots=True)
class Complement:
    actor: str
    name: str
    kind: ActorKind
    score: float
    copresence: int  # level-L territories shared with the subject
    shared_territories: tuple[str, ...]  # the most populated of them (thresholds.SHARED_KEPT at most)
    new_sdgs: tuple[int, ...]
    common_sdgs: tuple[int, ...]
    other_kind: bool
    offers_needed: tuple[str, ...]
    needs_offered: tuple[str, ...]
    reason: str
    findings: tuple[Finding, ...] = ()  # what `reason` says, as data
    neighbour: bool = False  # not in the subject's communes, in another commune of its EPCI


@dataclass(frozen=True, slots=True)
class ComplementResult:
    subject: Subject
    level: Level  # co-presence level (commune when neighbours are looked at too)
    found: int  # co-present actors that bring something, all of them (before the cut to k): exact
    items: tuple[Complement, ...]
    neighbours: Level | None = None  # NEIGHBOUR_LEVEL when its other communes were looked at too
    limit: int = 10  # the k asked for: `found - len(items)` more are left out when found > limit

    @property
    def more(self) -> int:
        return max(self.found - len(self.items), 0)


# ----------------------------------------------------------------------------- pure scoring


def contribution(subject: Subject, kind: ActorKind, sdgs: Iterable[int], offers: Iterable[str],
                 needs: Iterable[str], proximity: float = 0.0) -> Contribution:
    """Score what a candidate (kind, SDGs, offers, needs) brings to the subject; `proximity` is the
    share of the candidate's presence that lies where the subject is (1.0: a local partner).

    >>> me = Subject("actor", "j", "Jardins", ("commune:26362",), (2, 12), (ActorKind.ASSOCIATION,),
    ...              ("moyen-competences",), ("moyen-donnees",))
    >>> c = contribution(me, ActorKind.ENTREPRISE, (2, 8, 12), ("moyen-donnees",), ("moyen-competences",),
    ...                  proximity=0.5)
    >>> c.new_sdgs, c.other_kind, c.offers_needed, c.needs_offered
    ((8,), True, ('moyen-donnees',), ('moyen-competences',))
    >>> round(c.score, 4)  # 0.25/3 + 0.20 + 0.20 + 0.10 + 0.05 + 0.10 + 0.10 * 0.5
    0.7833
    """
    mine, theirs = set(subject.sdgs), set(sdgs)
    new = tuple(sorted(theirs - mine))
    common = tuple(sorted(theirs & mine))
    other_kind = kind not in subject.kinds
    offers_needed = tuple(sorted(set(offers) & set(subject.needs)))
    needs_offered = tuple(sorted(set(needs) & set(subject.offers)))
    parts = {
        "new_sdgs": min(1.0, len(new) / NEW_SDGS_FULL),
        "other_kind": 1.0 if other_kind else 0.0,
        "receives": len(offers_needed) / len(subject.needs) if subject.needs else 0.0,
        "gives": len(needs_offered) / len(subject.offers) if subject.offers else 0.0,
        "mutual": 1.0 if offers_needed and needs_offered else 0.0,
        "common_ground": 1.0 if common else 0.0,
        "proximity": proximity,
    }
    score = sum(COMPLEMENT_WEIGHTS[k] * v for k, v in parts.items())
    return Contribution(new, common, other_kind, offers_needed, needs_offered, score)


def complement_findings(subject: Subject, kind: ActorKind, places: Sequence[str], c: Contribution,
                        shared_count: int | None = None, neighbour: bool = False) -> tuple[Finding, ...]:
    """Why a candidate complements the subject: where it is present with it (or, a `neighbour`, where
    it is present in the same intercommunality), the SDGs it brings (or shares, when it brings
    none), its other profile, the means given and received."""
    found = [Finding(Code.PRESENT_NEARBY if neighbour else Code.PRESENT, places=tuple(places),
                     count=shared_count)]
    if c.new_sdgs:
        found.append(Finding(Code.BRINGS_SDGS, sdgs=c.new_sdgs))
    if c.other_kind:
        code = Code.OTHER_PROFILE_ALLIANCE if subject.type == "alliance" else Code.OTHER_PROFILE
        found.append(Finding(code, kinds=(ActorKind(kind).value,)))
    if c.common_sdgs and not c.new_sdgs:
        found.append(Finding(Code.WORKS_ALIKE, sdgs=c.common_sdgs))
    if c.offers_needed:
        found.append(Finding(Code.OFFERS_NEEDED, levers=c.offers_needed))
    if c.needs_offered:
        found.append(Finding(Code.NEEDS_OFFERED, levers=c.needs_offered))
    return tuple(found)


def complement_reason(subject: Subject, kind: ActorKind, places: Sequence[str], c: Contribution,
                      lang: str, shared_count: int | None = None) -> str:
    """The one sentence saying why a candidate complements the subject.

    >>> me = Subject("actor", "j", "Jardins", ("commune:26362",), (2, 12), (ActorKind.ASSOCIATION,),
    ...              ("moyen-competences",), ("moyen-donnees",))
    >>> c = contribution(me, ActorKind.ENTREPRISE, (7, 13), ("moyen-donnees",), ("moyen-competences",))
    >>> print(complement_reason(me, ActorKind.ENTREPRISE, ["commune:26362"], c, "fr"))
    Présent à Valence ; apporte les ODD 7 et 13 que vous ne couvrez pas ; profil « entreprise », \
différent du vôtre ; offre le moyen « Données », dont vous avez besoin ; a besoin du moyen \
« Compétences », que vous offrez.
    """
    return render.sentence(complement_findings(subject, kind, places, c, shared_count), lang)


def rank(subject: Subject, candidates: Iterable[tuple[Actor, int]],
         level: Level = OVERLAP_LEVEL) -> list[tuple[Actor, int, Contribution]]:
    """Candidates (actor, co-presence at `level`) that bring something, best first: score, then
    co-presence, then name and id (deterministic)."""
    scored = []
    for actor, shared in candidates:
        if actor.id in subject.exclude:
            continue
        size = presence_size(actor.territories, level)
        c = contribution(subject, actor.kind, actor.all_sdgs, actor.offers, actor.needs,
                         shared / size if size else 0.0)
        if c.brings_something:
            scored.append((actor, shared, c))
    scored.sort(key=lambda t: (-round(t[2].score, 9), -t[1], t[0].name, t[0].id))
    return scored


# ----------------------------------------------------------------------------- store queries


def actor_subject(actor: Actor) -> Subject:
    return Subject("actor", actor.id, actor.name, actor.territories, actor.all_sdgs, (actor.kind,),
                   tuple(sorted(set(actor.offers))), tuple(sorted(set(actor.needs))))


def alliance_subject(store: Store, alliance: Alliance) -> Subject:
    """The alliance seen through its members (see the module docstring)."""
    member_ids = [m.actor for m in store.memberships(alliance_ids=[alliance.id])]
    return alliance_subject_from(alliance, member_ids, store.actors(member_ids))


def alliance_subject_from(alliance: Alliance, member_ids: Iterable[str], members: Iterable[Actor]) -> Subject:
    """The alliance as a subject, from its members' records (pure)."""
    members = list(members)
    offers = {o for m in members for o in m.offers}
    needs = {n for m in members for n in m.needs} - offers
    sdgs = alliance.sdgs or tuple(sorted({s for m in members for s in m.all_sdgs}))
    kinds = tuple(sorted({m.kind for m in members}, key=list(ActorKind).index))
    return Subject("alliance", alliance.id, alliance.name, alliance.territories, tuple(sorted(sdgs)), kinds,
                   tuple(sorted(offers)), tuple(sorted(needs)), tuple(sorted(set(member_ids))))


def subject_of(store: Store, who: Actor | Alliance) -> Subject:
    return actor_subject(who) if isinstance(who, Actor) else alliance_subject(store, who)


def copresent_actors(store: Store, subject: Subject, level: Level = OVERLAP_LEVEL,
                     pool: int = CANDIDATE_POOL) -> list[tuple[Actor, int]]:
    """The `pool` actors most co-present with the subject (not itself nor its members), with the
    number of level-L territories they share with it."""
    # `exclude` is applied here rather than in the query: on Neo4j 5.26 a non-empty exclude list
    # turned a 0.1 s copresent query on a département into more than 30 s (same answer).
    excluded = set(subject.exclude)
    found = store.copresent(subject.territories, Level(level), limit=pool + len(excluded))
    present = [(i, n) for i, n in found if i not in excluded]
    shared = dict(present[:pool])
    return [(a, shared[a.id]) for a in store.actors(shared)]


def candidates(store: Store, subject: Subject, level: Level = OVERLAP_LEVEL,
               pool: int = CANDIDATE_POOL) -> list[tuple[Actor, int, Contribution]]:
    """Co-present actors that bring something, ranked (the most co-present `pool` are examined)."""
    return rank(subject, copresent_actors(store, subject, level, pool), Level(level))


def neighbours(store: Store, subject: Subject, here: Iterable[Actor], pool: int = CANDIDATE_POOL
               ) -> list[tuple[Actor, int, Contribution]]:
    """Actors of the subject's intercommunality (NEIGHBOUR_LEVEL) that are not in its communes (not
    among `here`) and bring something, ranked; their co-presence is counted in communes of that
    intercommunality where they act (`neighbour_places`)."""
    seen = {a.id for a in here}
    around = [(a, n) for a, n in copresent_actors(store, subject, NEIGHBOUR_LEVEL, pool) if a.id not in seen]
    counted = [(a, len(neighbour_places(subject, a))) for a, _ in around]
    return rank(subject, counted, Level.COMMUNE)


def neighbour_places(subject: Subject, actor: Actor) -> frozenset[str]:
    """The communes of the subject's intercommunality (or intercommunalities) where `actor` acts."""
    h = reference().hierarchy
    area = h.presence(tuple(h.presence(subject.territories, NEIGHBOUR_LEVEL)), Level.COMMUNE)
    return h.presence(actor.territories, Level.COMMUNE) & area


def nearby(store: Store, subject: Subject, pool: int = CANDIDATE_POOL
           ) -> list[tuple[Actor, int, Contribution, bool]]:
    """The default search: candidates of the subject's communes first, then its neighbours of the
    same intercommunality; (actor, shared communes, contribution, neighbour?)."""
    present = copresent_actors(store, subject, Level.COMMUNE, pool)
    first = [(a, n, c, False) for a, n, c in rank(subject, present, Level.COMMUNE)]
    return first + [(a, n, c, True) for a, n, c in neighbours(store, subject, [a for a, _ in present], pool)]


# ----------------------------------------------------------------------------- the bounded listing


def _key(t: tuple[Actor, int, Contribution]) -> tuple:
    """rank()'s order: score, then co-presence, then name and id."""
    return (-round(t[2].score, 9), -t[1], t[0].name, t[0].id)


def scan(store: Store, subject: Subject, present: Sequence[tuple[str, int]], level: Level, keep: int,
         count_places: bool = False) -> tuple[list[tuple[Actor, int, Contribution]], int]:
    """The best `keep` of *every* co-present actor (id, shared) that brings something, ranked as
    `rank` ranks them, and how many bring something in all. Actors are read `SCAN_CHUNK` at a time
    and only the best are kept, so memory stays flat on a commune of 137,000 actors and the total
    is exact. `count_places`: the co-presence is the subject's EPCI communes where the actor acts
    (`neighbour_places`), not `shared`."""
    best: list[tuple[Actor, int, Contribution]] = []
    total = 0
    excluded = set(subject.exclude)
    ids = [(i, n) for i, n in present if i not in excluded]
    for start in range(0, len(ids), SCAN_CHUNK):
        deadline.check()
        chunk = dict(ids[start:start + SCAN_CHUNK])
        found = [(a, len(neighbour_places(subject, a)) if count_places else chunk[a.id])
                 for a in store.actors(list(chunk))]
        ranked = rank(subject, found, level)
        total += len(ranked)
        best = sorted(best + ranked, key=_key)[:keep]
    return best, total


def nearby_bounded(store: Store, subject: Subject, keep: int
                   ) -> tuple[list[tuple[Actor, int, Contribution, bool]], int]:
    """`nearby` over every co-present actor: the best `keep` of the subject's communes, then of its
    intercommunality's other communes, and how many bring something in all."""
    present = store.copresent(subject.territories, Level.COMMUNE)
    first, total_here = scan(store, subject, present, Level.COMMUNE, keep)
    seen = {i for i, _ in present}
    around = [(i, n) for i, n in store.copresent(subject.territories, NEIGHBOUR_LEVEL) if i not in seen]
    second, total_around = scan(store, subject, around, Level.COMMUNE, max(keep - len(first), 0),
                                count_places=True)
    return ([(a, n, c, False) for a, n, c in first] + [(a, n, c, True) for a, n, c in second],
            total_here + total_around)


def complements(store: Store, who: Actor | Alliance, level: Level | None = None, k: int = 10,
                lang: str = "fr") -> ComplementResult:
    """The k best complements of an actor or an alliance, each with its reason, and how many
    co-present actors bring something in all (`found`, exact: every co-present actor is scored, the
    best k kept). By default (`level` None) the subject's communes first, then its neighbours of the
    same intercommunality; with a level, co-presence at that level only."""
    w.check_lang(lang)
    subject = subject_of(store, who)
    around = level is None
    k = max(int(k), 0)
    if level is None:
        ranked, found = nearby_bounded(store, subject, k)
        level = Level.COMMUNE
    else:
        level = Level(level)
        best, found = scan(store, subject, store.copresent(subject.territories, level), level, k)
        ranked = [(a, n, c, False) for a, n, c in best]
    items = []
    for actor, shared, c, neighbour in ranked[:k]:
        if neighbour:
            places = neighbour_places(subject, actor)
            here = most_populated(places)
        else:
            _, here = shared_places(subject.territories, actor.territories, level)
        why = complement_findings(subject, actor.kind, here, c, shared, neighbour)
        items.append(Complement(actor.id, actor.name, actor.kind, c.score, shared, here, c.new_sdgs,
                                c.common_sdgs, c.other_kind, c.offers_needed, c.needs_offered,
                                render.sentence(why, lang), why, neighbour))
    return ComplementResult(subject, level, found, tuple(items), NEIGHBOUR_LEVEL if around else None, k)
