"""Overlaps: who occupies the same (territory, SDG) cells, at a chosen territorial level.

The footprint of an actor at level L is F_L = P_L x S (design.md, section 3): the level-L
territories where it is present times its SDGs. Two numbers describe how two footprints meet:
Jaccard, |F(a) & F(b)| / |F(a) | F(b)|, symmetric; and containment, |F(a) & F(b)| / |F(a)|, the
share of a's footprint that b also occupies (1.0: a local actor entirely inside a national one).
Same-kind actors with a high Jaccard, or one mostly inside the other, may duplicate each other
(`analysis.duplicates`, the one rule), which the charter asks alliances to avoid ("prolonger, pas
se substituer").

The store counts (overlap_counts, overlap_pairs); this module turns counts into results with
their reasons (as findings, and rendered), fetching names and shared territories only for the
results it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from ecosystem import deadline
from ecosystem.analysis import render
from ecosystem.analysis import wording as w
from ecosystem.analysis.codes import Code
from ecosystem.analysis.duplicates import STORE_MIN_JACCARD, duplicate_mask, is_duplicate
from ecosystem.analysis.places import most_populated, presence_size, shared_places
from ecosystem.analysis.thresholds import DUPLICATE_MIN_JACCARD, GROUPS_LIMIT, OVERLAP_LEVEL, PAIRS_LIMIT
from ecosystem.errors import NotFound
from ecosystem.finding import Finding, Ref
from ecosystem.model import Actor, ActorKind, Level
from ecosystem.reference import reference
from ecosystem.store.base import ActorOutline, PairCount, Store, jaccard

# ----------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Overlap:
    """One actor overlapping the subject, with why."""

    actor: str
    name: str
    kind: ActorKind
    jaccard: float
    containment_subject: float  # share of the subject's footprint this actor also occupies
    containment_other: float  # share of this actor's footprint the subject also occupies
    shared_territory_count: int  # level-L territories both are present in
    shared_territories: tuple[str, ...]  # the most populated of them (thresholds.SHARED_KEPT at most)
    shared_sdgs: tuple[int, ...]
    same_kind: bool
    reason: str
    findings: tuple[Finding, ...] = ()  # what `reason` says, as data
    duplicate: bool = False  # same kind and duplicates the subject (`analysis.duplicates`)


@dataclass(frozen=True, slots=True)
class OverlapResult:
    """Top overlaps of one actor: the subject's footprint size, then the ranked actors."""

    actor: str
    name: str
    kind: ActorKind
    level: Level
    territories: int  # |P_L(subject)|
    sdgs: tuple[int, ...]
    items: tuple[Overlap, ...]


@dataclass(frozen=True, slots=True)
class PairOverlap:
    """Two actors (a < b) whose footprints meet, with why."""

    a: str
    a_name: str
    a_kind: ActorKind
    b: str
    b_name: str
    b_kind: ActorKind
    jaccard: float
    containment_a: float  # share of a's footprint b also occupies
    containment_b: float
    shared_territory_count: int
    shared_territories: tuple[str, ...]  # the most populated (thresholds.SHARED_KEPT at most)
    shared_sdgs: tuple[int, ...]
    reason: str
    findings: tuple[Finding, ...] = ()  # what `reason` says, as data
    duplicate: bool = False  # same kind and duplicating each other (`analysis.duplicates`)


@dataclass(frozen=True, slots=True)
class OverlapMatrix:
    """Pairwise Jaccard and containment of a set of actors; containment[i][j] = share of i's
    footprint that j also occupies."""

    actors: tuple[str, ...]
    names: tuple[str, ...]
    level: Level
    jaccard: tuple[tuple[float, ...], ...]
    containment: tuple[tuple[float, ...], ...]


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Same-kind actors linked by duplicate pairs (`analysis.duplicates`): they may duplicate each
    other."""

    kind: ActorKind
    actors: tuple[str, ...]
    names: tuple[str, ...]
    min_jaccard: float  # the weakest link kept inside the group
    max_jaccard: float
    shared_sdgs: tuple[int, ...]  # SDGs all of them work on
    shared_territory_count: int  # level-L territories where all of them are present
    shared_territories: tuple[str, ...]  # the most populated of them
    reason: str
    findings: tuple[Finding, ...] = ()  # what `reason` says, as data


@dataclass(frozen=True, slots=True)
class Listing:
    """A listing cut at a limit, saying so: `shown` of `total` items are listed, `more` are not.

    The total is counted by the store without making the items, so a question on a commune of
    137,000 actors answers with the best pairs and the true number of the others."""

    items: tuple  # PairOverlap or DuplicateGroup, best first
    limit: int
    total: int

    @property
    def shown(self) -> int:
        return len(self.items)

    @property
    def more(self) -> int:
        return max(self.total - len(self.items), 0)


def more_sentence(listing: Listing, noun: tuple[str, str, str, str], option: str | None, lang: str) -> str:
    """The line saying what a cut listing leaves out, or "" when nothing is left out.

    `noun` = (French singular, French plural, English singular, English plural); `option` = how to
    change the limit (a command-line flag), or None when the reader cannot.

    >>> more_sentence(Listing((), 500, 1734), ("paire", "paires", "pair", "pairs"), "--top", "fr")
    '… et 1\u202f734 paires de plus (limite : 500, --top pour changer).'
    >>> more_sentence(Listing(("x",), 1, 2), ("paire", "paires", "pair", "pairs"), "--top", "en")
    '… and 1 more pair (limit: 1, --top to change it).'
    """
    if not listing.more:
        return ""
    limit = w.whole(listing.limit, lang)
    if lang == "fr":
        what = w.counted(listing.more, noun[0], noun[1], lang)
        change = f", {option} pour changer" if option else ""
        return f"… et {what} de plus (limite : {limit}{change})."
    what = f"{w.whole(listing.more, lang)} more {noun[2] if listing.more == 1 else noun[3]}"
    change = f", {option} to change it" if option else ""
    return f"… and {what} (limit: {limit}{change})."


# ----------------------------------------------------------------------------- pure scoring


def containment(shared_territories: int, shared_sdgs: int, territories: int, sdgs: int) -> float:
    """Share of a footprint P x S that another footprint also occupies.

    >>> containment(1, 2, 1, 3)  # 1 commune, 2 of its 3 SDGs shared
    0.6666666666666666
    >>> containment(0, 2, 0, 3)
    0.0
    """
    size = territories * sdgs
    return shared_territories * shared_sdgs / size if size else 0.0


def footprint_scores(pa: frozenset[str], sa: frozenset[int], pb: frozenset[str],
                     sb: frozenset[int]) -> tuple[float, float, float]:
    """(Jaccard, containment of a, containment of b) of F(a) = pa x sa and F(b) = pb x sb.

    >>> f = frozenset
    >>> j, ca, cb = footprint_scores(f({"x"}), f({1, 2}), f({"x", "y"}), f({2}))
    >>> round(j, 3), ca, cb  # 1 shared cell; 2 cells each; union 3
    (0.333, 0.5, 0.5)
    """
    st, ss = len(pa & pb), len(sa & sb)
    return (jaccard(st, ss, len(pa), len(sa), len(pb), len(sb)),
            containment(st, ss, len(pa), len(sa)), containment(st, ss, len(pb), len(sb)))


def pair_jaccard(c: PairCount) -> float:
    """Jaccard of a pair counted by the store.

    >>> pair_jaccard(PairCount("a", "b", 1, 2, 1, 2, 1, 4))
    0.5
    """
    return jaccard(c.shared_territories, c.shared_sdgs, c.territories_a, c.sdgs_a, c.territories_b, c.sdgs_b)


def duplicate_components(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, ...]]:
    """Connected components of the graph of duplicate pairs, each sorted, biggest group first.

    >>> duplicate_components([("a", "b"), ("b", "c"), ("x", "y")])
    [('a', 'b', 'c'), ('x', 'y')]
    """
    graph = nx.Graph()
    graph.add_edges_from(pairs)
    groups = [tuple(sorted(c)) for c in nx.connected_components(graph)]
    return sorted(groups, key=lambda g: (-len(g), g))


def overlap_findings(shared_territories: Iterable[str], shared_sdgs: Iterable[int],
                     same_kind: ActorKind | None = None, inside: tuple[Ref, Ref] | None = None,
                     shared_count: int | None = None, duplicate: bool = False) -> tuple[Finding, ...]:
    """Why two footprints overlap: where both are present, the SDGs they share, the same kind of
    actor, which footprint lies entirely inside the other (`inside` = (inside, other)), and whether
    they may duplicate each other.

    >>> [str(f.code) for f in overlap_findings(["commune:26362"], [2], ActorKind.ASSOCIATION)]
    ['both-present', 'shared-sdgs', 'same-kind']
    """
    found = [Finding(Code.BOTH_PRESENT, places=tuple(shared_territories), count=shared_count),
             Finding(Code.SHARED_SDGS, sdgs=tuple(sorted(set(shared_sdgs))))]
    if same_kind is not None:
        found.append(Finding(Code.SAME_KIND, kinds=(same_kind.value,)))
    if inside is not None:
        found.append(Finding(Code.INSIDE, inside))
    if duplicate:
        found.append(Finding(Code.POSSIBLE_DUPLICATE))
    return tuple(found)


def overlap_reason(shared_territories: Iterable[str], shared_sdgs: Iterable[int], lang: str,
                   same_kind: ActorKind | None = None, inside: tuple[str, str] | None = None,
                   shared_count: int | None = None) -> str:
    """The one sentence saying why two footprints overlap.

    `inside` = (name of the actor entirely inside, name of the other), when containment is 1;
    `shared_count` = how many territories are shared when only the first few are given.

    >>> print(overlap_reason(["commune:26362"], [2, 12], "fr", ActorKind.ASSOCIATION))
    Présents tous deux à Valence ; ODD en commun : 2 (Faim « zéro ») et 12 (Consommation et production \
responsables) ; même type d'acteur (association).
    """
    refs = (Ref("", inside[0]), Ref("", inside[1])) if inside is not None else None
    return render.sentence(overlap_findings(shared_territories, shared_sdgs, same_kind, refs, shared_count),
                           lang)


def _inside(ca: float, cb: float, a: Actor, b: Actor) -> tuple[Ref, Ref] | None:
    """(the actor whose footprint lies entirely inside the other's, the other), if one does."""
    if ca >= 1.0 - 1e-9 and cb < 1.0 - 1e-9:
        return (Ref(a.id, a.name), Ref(b.id, b.name))
    if cb >= 1.0 - 1e-9 and ca < 1.0 - 1e-9:
        return (Ref(b.id, b.name), Ref(a.id, a.name))
    return None


def matrix_from(ids: Sequence[str], presence: Mapping[str, frozenset[str]],
                sdgs: Mapping[str, frozenset[int]]) -> tuple[tuple[tuple[float, ...], ...],
                                                             tuple[tuple[float, ...], ...]]:
    """Jaccard and containment matrices of footprints (diagonal: 1.0 for a non-empty footprint).

    >>> j, c = matrix_from(["a", "b"], {"a": frozenset({"x"}), "b": frozenset({"x", "y"})},
    ...                    {"a": frozenset({1}), "b": frozenset({1})})
    >>> j, c
    (((1.0, 0.5), (0.5, 1.0)), ((1.0, 1.0), (0.5, 1.0)))
    """
    jac: list[tuple[float, ...]] = []
    con: list[tuple[float, ...]] = []
    for a in ids:
        row_j, row_c = [], []
        for b in ids:
            jab, cab, _ = footprint_scores(presence[a], sdgs[a], presence[b], sdgs[b])
            row_j.append(jab)
            row_c.append(cab)
        jac.append(tuple(row_j))
        con.append(tuple(row_c))
    return tuple(jac), tuple(con)


# ----------------------------------------------------------------------------- store queries


def top_overlaps(store: Store, actor_id: str, level: Level = OVERLAP_LEVEL, k: int = 10,
                 lang: str = "fr") -> OverlapResult:
    """The k actors whose footprints overlap this actor's most (Jaccard), with their reasons."""
    w.check_lang(lang)
    level = Level(level)
    subject = _one_actor(store, actor_id)
    size = presence_size(subject.territories, level)
    sdgs = subject.all_sdgs
    counts = store.overlap_counts(subject.territories, sdgs, level, exclude=[subject.id], limit=k)
    actors = {a.id: a for a in store.actors([c.actor for c in counts])}
    items = []
    for c in counts:
        other = actors[c.actor]
        n_shared, shared_t = shared_places(subject.territories, other.territories, level)
        shared_s = tuple(sorted(set(sdgs) & set(other.all_sdgs)))
        jac = jaccard(c.shared_territories, c.shared_sdgs, size, len(set(sdgs)), c.territories, c.sdgs)
        cs = containment(c.shared_territories, c.shared_sdgs, size, len(set(sdgs)))
        co = containment(c.shared_territories, c.shared_sdgs, c.territories, c.sdgs)
        same = other.kind == subject.kind
        dup = same and is_duplicate(jac, cs, co)
        why = overlap_findings(shared_t, shared_s, other.kind if same else None,
                               _inside(cs, co, subject, other), n_shared, dup)
        items.append(Overlap(other.id, other.name, other.kind, jac, cs, co, n_shared, shared_t, shared_s,
                             same, render.sentence(why, lang), why, dup))
    return OverlapResult(subject.id, subject.name, subject.kind, level, size, sdgs, tuple(items))


def pairs_in(store: Store, territory_id: str, level: Level = OVERLAP_LEVEL, min_jaccard: float = 0.0,
             same_kind: bool = False, limit: int | None = None, lang: str = "fr") -> list[PairOverlap]:
    """Pairs of actors of a territory whose footprints meet, Jaccard >= min_jaccard, best first."""
    w.check_lang(lang)
    level = Level(level)
    counts = store.overlap_pairs(territory_id, level, min_jaccard=min_jaccard, same_kind=same_kind,
                                 limit=limit)
    ids = sorted({c.a for c in counts} | {c.b for c in counts})
    actors = {a.id: a for a in store.actors(ids)}
    result = []
    for n, c in enumerate(counts):
        if not n % 256:
            deadline.check()
        a, b = actors[c.a], actors[c.b]
        n_shared, shared_t = shared_places(a.territories, b.territories, level)
        shared_s = tuple(sorted(set(a.all_sdgs) & set(b.all_sdgs)))
        jac = pair_jaccard(c)
        ca = containment(c.shared_territories, c.shared_sdgs, c.territories_a, c.sdgs_a)
        cb = containment(c.shared_territories, c.shared_sdgs, c.territories_b, c.sdgs_b)
        dup = a.kind == b.kind and is_duplicate(jac, ca, cb)
        why = overlap_findings(shared_t, shared_s, a.kind if a.kind == b.kind else None,
                               _inside(ca, cb, a, b), n_shared, dup)
        result.append(PairOverlap(a.id, a.name, a.kind, b.id, b.name, b.kind, jac, ca, cb,
                                  n_shared, shared_t, shared_s, render.sentence(why, lang), why, dup))
    return result


def pair_listing(store: Store, territory_id: str, level: Level = OVERLAP_LEVEL, min_jaccard: float = 0.0,
                 limit: int = PAIRS_LIMIT, lang: str = "fr") -> Listing:
    """The best `limit` pairs of `pairs_in`, and how many there are in all: the store counts the
    total from groups of interchangeable actors and makes only the pairs it lists, so memory stays
    flat however many pairs a territory holds."""
    limit = max(int(limit), 0)
    pairs = (pairs_in(store, territory_id, level, min_jaccard=min_jaccard, limit=limit, lang=lang)
             if limit else [])
    total = store.overlap_pair_total(territory_id, Level(level), min_jaccard=min_jaccard)
    return Listing(tuple(pairs), limit, max(total, len(pairs)))


def overlap_matrix(store: Store, actor_ids: Iterable[str], level: Level = OVERLAP_LEVEL) -> OverlapMatrix:
    """The overlap matrix of a set of actors (unknown ids are skipped), in id order."""
    level = Level(level)
    actors = store.actors(sorted(set(actor_ids)))
    ids = [a.id for a in actors]
    presence = store.presence(ids, level)
    sdgs = {a.id: frozenset(a.all_sdgs) for a in actors}
    jac, con = matrix_from(ids, presence, sdgs)
    return OverlapMatrix(tuple(ids), tuple(a.name for a in actors), level, jac, con)


def duplicate_groups(store: Store, territory_id: str, level: Level = OVERLAP_LEVEL,
                     min_jaccard: float = DUPLICATE_MIN_JACCARD, lang: str = "fr") -> list[DuplicateGroup]:
    """Groups of same-kind actors of a territory that may duplicate each other, biggest first: the
    connected pairs that `duplicates.is_duplicate` keeps (high Jaccard, or one mostly inside the
    other); `min_jaccard` is the Jaccard that alone makes a duplicate."""
    return list(duplicate_listing(store, territory_id, level, min_jaccard, limit=None, lang=lang).items)


def duplicate_listing(store: Store, territory_id: str, level: Level = OVERLAP_LEVEL,
                      min_jaccard: float = DUPLICATE_MIN_JACCARD, limit: int | None = GROUPS_LIMIT,
                      lang: str = "fr") -> Listing:
    """The biggest `limit` duplicate groups (all with None), and how many there are in all.

    Groups are joined from pairs of *profiles* (actors interchangeable for the formula: every
    actor of one profile pairs with every actor of the other the same way), never from pairs of
    actors: a commune with 10,000 look-alike associations makes one profile, not 50 million pairs.
    The store walks the profile pairs in blocks and joins them as arrays (`ProfileWalk.components`,
    the rule applied by `duplicates.duplicate_mask`): at 1M actors, Corse-du-Sud's 8,707 national
    actors make 440,000 profile pairs at the duplicate floor, and no Python object is made for any
    of them. Names and shared places are found for the listed groups only, as outlines (name, kind,
    territories, SDGs: those the walk's fetch carried, or `Store.actor_outlines`), not whole records:
    at 1M actors the listed groups hold 10,600 actors, and reading them whole was most of the
    question's time."""
    w.check_lang(lang)
    level = Level(level)
    walk = store.overlap_profile_walk(territory_id, level, min_jaccard=min(min_jaccard, STORE_MIN_JACCARD),
                                      same_kind=True)
    found = walk.components(lambda jac, ca, cb: duplicate_mask(jac, ca, cb, min_jaccard=min_jaccard))
    total = len(found)
    shown = total if limit is None else min(max(int(limit), 0), total)
    groups = [found.members(c) for c in range(shown)]
    read = walk.outlines or store.actor_outlines  # Neo4j's fetch carries them: no second read
    actors = {a.id: a for a in read(sorted({i for g in groups for i in g}))}
    h = reference().hierarchy
    result = []
    for c, group in enumerate(groups):
        deadline.check()
        found_actors = [actors[i] for i in group]
        shared_s = tuple(sorted(frozenset.intersection(*(frozenset(a.all_sdgs) for a in found_actors))))
        # one presence per distinct territory list: a group of national actors has one, of 35,000 communes
        places = {a.territories for a in found_actors}
        everywhere = frozenset.intersection(*{h.presence(t, level) for t in places})
        shared_t = most_populated(everywhere)
        why = duplicate_findings(found_actors, shared_t, shared_s, len(everywhere))
        result.append(DuplicateGroup(found_actors[0].kind, group, tuple(a.name for a in found_actors),
                                     float(found.low[c]), float(found.high[c]), shared_s, len(everywhere),
                                     shared_t, render.sentence(why, lang), why))
    return Listing(tuple(result), total if limit is None else int(limit), total)


def _containments(c: PairCount) -> tuple[float, float]:
    """(share of a's footprint b occupies, share of b's footprint a occupies) of a counted pair."""
    return (containment(c.shared_territories, c.shared_sdgs, c.territories_a, c.sdgs_a),
            containment(c.shared_territories, c.shared_sdgs, c.territories_b, c.sdgs_b))


def duplicate_findings(members: Sequence[Actor | ActorOutline], shared_t: Sequence[str],
                       shared_s: Sequence[int], shared_count: int) -> tuple[Finding, ...]:
    """Why a group may duplicate itself: same kind, very similar or included footprints, where and on
    what all of them are present; and the advice to see with them."""
    found = [Finding(Code.DUPLICATE_GROUP, tuple(Ref(a.id, a.name) for a in members),
                     kinds=(members[0].kind.value,), count=len(members))]
    if shared_t and shared_s:
        found.append(Finding(Code.PRESENT_TOGETHER, places=tuple(shared_t), count=shared_count,
                             sdgs=tuple(shared_s), total=len(members)))
    found.append(Finding(Code.SEE_WITH_THEM))
    return tuple(found)


def _one_actor(store: Store, actor_id: str) -> Actor:
    found = store.actors([actor_id])
    if not found:
        raise NotFound("actor", actor_id, [f"{h.name} ({h.id})" for h in store.search(actor_id, limit=5)
                                           if h.type == "actor"])
    return found[0]
