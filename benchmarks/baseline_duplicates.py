"""The duplicate groups as `analysis.overlap.duplicate_listing` joined them before issue 17, item 2:
every profile pair received as a `ProfilePair` and joined one by one in Python. Kept for the
"before" column of benchmarks/neo4j_questions.py, whose `BaselineStore` still returns the old
query's profile pairs (the new listing asks the store for a walk of them instead)."""

from __future__ import annotations

from ecosystem import deadline
from ecosystem.analysis import overlap, render
from ecosystem.analysis.duplicates import STORE_MIN_JACCARD, is_duplicate
from ecosystem.analysis.overlap import DuplicateGroup, Listing, duplicate_findings, pair_jaccard
from ecosystem.analysis.thresholds import DUPLICATE_MIN_JACCARD, GROUPS_LIMIT, OVERLAP_LEVEL
from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.store.base import PairCount, Store


def old_duplicate_listing(store: Store, territory_id: str, level: Level = OVERLAP_LEVEL,
                          min_jaccard: float = DUPLICATE_MIN_JACCARD, limit: int | None = GROUPS_LIMIT,
                          lang: str = "fr") -> Listing:
    """The listing of commit d638444, word for word but for its imports."""
    level = Level(level)
    profiles = store.overlap_profile_pairs(territory_id, level,
                                           min_jaccard=min(min_jaccard, STORE_MIN_JACCARD), same_kind=True)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members: dict[str, tuple[str, ...]] = {}
    links: list[tuple[str, float]] = []
    for n, p in enumerate(profiles):
        if not n % 1024:
            deadline.check()
        c = PairCount(p.members_a[0], p.members_b[0], p.shared_territories, p.shared_sdgs, p.territories_a,
                      p.sdgs_a, p.territories_b, p.sdgs_b)
        jac = pair_jaccard(c)
        if not is_duplicate(jac, *overlap._containments(c), min_jaccard=min_jaccard):
            continue
        members[p.members_a[0]], members[p.members_b[0]] = p.members_a, p.members_b
        parent[root(p.members_a[0])] = root(p.members_b[0])
        links.append((p.members_a[0], jac))
    components: dict[str, list[str]] = {}
    for profile, ids in members.items():
        components.setdefault(root(profile), []).extend(ids)
    weights: dict[str, list[float]] = {}
    for profile, jac in links:
        weights.setdefault(root(profile), []).append(jac)
    ranked = sorted(((tuple(sorted(ids)), r) for r, ids in components.items()),
                    key=lambda g: (-len(g[0]), g[0]))
    total = len(ranked)
    if limit is not None:
        ranked = ranked[:max(int(limit), 0)]
    actors = {a.id: a for a in store.actors(sorted({i for g, _ in ranked for i in g}))}
    h = reference().hierarchy
    result = []
    for group, r in ranked:
        deadline.check()
        found = [actors[i] for i in group]
        shared_s = tuple(sorted(frozenset.intersection(*(frozenset(a.all_sdgs) for a in found))))
        everywhere = frozenset.intersection(*{h.presence(t, level) for t in {a.territories for a in found}})
        shared_t = overlap.most_populated(everywhere)
        why = duplicate_findings(found, shared_t, shared_s, len(everywhere))
        result.append(DuplicateGroup(found[0].kind, group, tuple(a.name for a in found), min(weights[r]),
                                     max(weights[r]), shared_s, len(everywhere), shared_t,
                                     render.sentence(why, lang), why))
    return Listing(tuple(result), total if limit is None else int(limit), total)
