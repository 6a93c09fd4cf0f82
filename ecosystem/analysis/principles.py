"""The five principles measured on the graph (design.md, section 3): P2, P4, P5, P6, P7.

Pure functions over `AllianceFacts`. Each returns a `Verdict`: status, 0..1 score, the findings
behind it (codes of `ecosystem.analysis.codes`, with the records they name) and the advice naming
actors or policies to turn to; `ecosystem.analysis.render` writes both in the reader's language.
Weights and thresholds come from `ecosystem.analysis.thresholds`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ecosystem.analysis import wording as w
from ecosystem.analysis.codes import Code
from ecosystem.analysis.duplicates import included, is_duplicate
from ecosystem.analysis.facts import AllianceFacts, MemberFacts, PolicyFacts
from ecosystem.analysis.overlap import footprint_scores
from ecosystem.analysis.thresholds import (
    DUPLICATE_MIN_JACCARD,
    KINDS_FULL,
    LOCAL_AUTHORITY_KINDS,
    NEARBY_MIN_SHARE,
    P2_GATED_MAX,
    P2_SHARED_MIN,
    P2_WEIGHTS,
    P4_DOUBLED_MAX,
    P4_WEIGHTS,
    P6_WEIGHTS,
    P7_EITHER,
    PUBLIC_KINDS,
    SELF_SUBSTITUTION_MIN_CONTAINMENT,
    SILO_DIMENSIONS,
    SUBSTITUTION_MIN_SHARE,
    SUGGESTIONS_SHOWN,
    Status,
)
from ecosystem.analysis.verdict import Verdict, kinds_in_order, measured, no_members, pick, weighted
from ecosystem.finding import Finding, Ref, refs
from ecosystem.model import AllianceStatus
from ecosystem.reference import reference
from ecosystem.text import normalize


def kinds_score(kinds: int) -> float:
    """P2's "kinds" part: 1 kind scores 0, KINDS_FULL kinds or more score 1.

    >>> [kinds_score(n) for n in (0, 1, 2, 3, 5)]
    [0.0, 0.0, 0.5, 1.0, 1.0]
    """
    return min(1.0, max(0.0, (kinds - 1) / (KINDS_FULL - 1)))


def silo_score(dimensions: int) -> float:
    """P5 from the number of domains (environmental, social, economic) the SDGs span.

    >>> [silo_score(n) for n in (0, 1, 2, 3)]
    [0.0, 0.0, 0.5, 1.0]
    """
    return max(0.0, (dimensions - 1) / (len(SILO_DIMENSIONS) - 1))


def duplicate_members(members: Sequence[MemberFacts]
                      ) -> list[tuple[MemberFacts, MemberFacts, float, float, float]]:
    """Pairs of same-kind members whose footprints (communes x SDGs) duplicate each other by the one
    rule of `analysis.duplicates`: (a, b, Jaccard, containment of a, containment of b)."""
    pairs = []
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if a.kind == b.kind:
                jac, ca, cb = footprint_scores(a.places, a.sdgs, b.places, b.sdgs)
                if is_duplicate(jac, ca, cb):
                    pairs.append((a, b, jac, ca, cb))
    return pairs


def substituted_member(f: AllianceFacts) -> MemberFacts | None:
    """The partner whose own footprint already holds the alliance's footprint, while every other
    partner brings it no territory, SDG, profile or means (`_adds_nothing`,
    thresholds.SELF_SUBSTITUTION_MIN_CONTAINMENT): the alliance adds nothing it does not already do
    alone. Public partners are never that one (see the threshold); None when there is
    no such partner, fewer than two partners, or no measurable footprint."""
    sdgs = frozenset(f.alliance.sdgs)
    if len(f.members) < 2 or not f.places or not sdgs:
        return None
    for m in f.members:
        if m.kind in PUBLIC_KINDS or not m.places or not m.sdgs:
            continue
        _, own, _ = footprint_scores(f.places, sdgs, m.places, m.sdgs)
        if own < SELF_SUBSTITUTION_MIN_CONTAINMENT - 1e-9:
            continue
        if all(_adds_nothing(o, m) for o in f.members if o is not m):
            return m
    return None


def _adds_nothing(other: MemberFacts, m: MemberFacts) -> bool:
    """`other` brings `m` no territory, no SDG (its footprint lies mostly inside m's), no other
    profile (same kind) and no means m does not already offer."""
    inside_m = footprint_scores(other.places, other.sdgs, m.places, m.sdgs)[1]
    return (inside_m >= SELF_SUBSTITUTION_MIN_CONTAINMENT - 1e-9 and other.kind == m.kind
            and other.offers <= m.offers)


# ----------------------------------------------------------------------------- P2


def principle_2(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """The SDGs as common frame: targets declared, partners working on them, several kinds."""
    targets = frozenset(f.alliance.sdgs)
    members = f.members
    if not members:
        return no_members("principe-2", f, lang)
    on = [m for m in members if m.sdgs & targets]
    off = [m for m in members if not m.sdgs & targets]
    kinds = tuple(k.value for k in kinds_in_order(m.kind for m in members))
    found = [Finding(Code.P2_TARGETS, sdgs=tuple(sorted(targets))) if targets
             else Finding(Code.P2_NO_TARGETS)]
    if targets:
        found.append(Finding(Code.P2_PARTNERS_ON_TARGETS, refs(on), count=len(on), total=len(members)))
        if off:
            found.append(Finding(Code.P2_PARTNERS_OFF_TARGETS, refs(off)))
    found.append(Finding(Code.P2_KINDS if len(kinds) >= 2 else Code.P2_ONE_KIND, kinds=kinds))
    parts = {"targets": 1.0 if targets else 0.0,
             "partners": len(on) / len(members) if targets else 0.0,
             "kinds": kinds_score(len(kinds))}
    score = weighted(parts, P2_WEIGHTS)
    if targets and score is not None and not shared_frame(len(on), len(members)):
        found.append(Finding(Code.P2_FRAME_NOT_SHARED, count=len(on), total=len(members)))
        score = min(score, P2_GATED_MAX)
    return measured("principe-2", f, score, found, _p2_advice(f, targets, off, kinds), lang)


def shared_frame(on_targets: int, partners: int) -> bool:
    """P2's gate: at least half of the partners (thresholds.P2_SHARED_MIN) work on the targets.

    >>> shared_frame(1, 3), shared_frame(1, 2), shared_frame(2, 3)
    (False, True, True)
    """
    return partners > 0 and on_targets / partners >= P2_SHARED_MIN - 1e-9


def _p2_advice(f: AllianceFacts, targets: frozenset[int], off: Sequence[MemberFacts],
               kinds: Sequence[str]) -> list[Finding]:
    """Choose targets, or ask the partners off them how they meet them; then open to other profiles."""
    advice = []
    if not targets:
        theirs = sorted({s for m in f.members for s in m.sdgs},
                        key=lambda s: (-sum(s in m.sdgs for m in f.members), s))
        advice.append(Finding(Code.P2_CHOOSE_TARGETS, sdgs=tuple(theirs[:4])))
    elif off:
        advice.append(Finding(Code.P2_ASK_OFF_TARGETS, refs(off), sdgs=tuple(sorted(targets))))
    if len(kinds) < KINDS_FULL:
        found = pick(f, lambda c: c.other_kind and bool(c.common_sdgs)) or pick(f, lambda c: c.other_kind)
        advice.append(Finding(Code.P2_OPEN_PROFILE, refs(found)))
    return advice


# ----------------------------------------------------------------------------- P4


def principle_4(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """Complementarity: partners do not duplicate each other, and the alliance does not substitute
    for another alliance, or for actors outside it, already at work on its footprint."""
    if not f.members and not f.footprint:
        return no_members("principe-4", f, lang)
    found: list[Finding] = []
    advice: list[Finding] = []
    distinct = _distinct_members(f.members, found, advice)
    if _self_substitution(f, found, advice):
        distinct = 0.0
    found += _means_brought(f.members)
    alliances_part: float | None = None
    actors_part: float | None = None
    if not f.footprint:
        found.append(Finding(Code.P4_NOT_MEASURABLE))
    else:
        alliances_part = _other_alliances(f, found, advice)
        actors_part = _outside_actors(f, found, advice)
    parts = {"distinct": distinct, "alliances": alliances_part, "actors": actors_part}
    score = weighted(parts, P4_WEIGHTS)
    if distinct is not None and distinct < 1.0 and score is not None:
        score = min(score, P4_DOUBLED_MAX)  # partners doubling each other: at best partly met
    return measured("principe-4", f, score, found, advice, lang)


def _distinct_members(members: Sequence[MemberFacts], found: list[Finding], advice: list[Finding]
                      ) -> float | None:
    """P4's members part: the share of members duplicating no other (None with fewer than two)."""
    if len(members) < 2:
        return None
    dups = duplicate_members(members)
    for a, b, jac, ca, cb in dups:
        inner = None if jac >= DUPLICATE_MIN_JACCARD - 1e-9 else included(ca, cb)
        if inner is None:  # nearly the same footprints; else one mostly inside the other
            found.append(Finding(Code.P4_DUPLICATES, refs((a, b)), kinds=(a.kind.value,), share=jac))
        else:
            pair = (a, b) if inner == 0 else (b, a)
            found.append(Finding(Code.P4_INCLUDED, refs(pair), kinds=(a.kind.value,), share=max(ca, cb)))
        advice.append(Finding(Code.P4_CLARIFY_DUPLICATES, refs((a, b))))
    if not dups:
        found.append(Finding(Code.P4_DISTINCT, count=len(members)))
    doubled = {m.id for a, b, *_ in dups for m in (a, b)}
    return 1 - len(doubled) / len(members)


def _self_substitution(f: AllianceFacts, found: list[Finding], advice: list[Finding]) -> bool:
    """Flag an alliance that adds nothing to what one of its partners does alone."""
    m = substituted_member(f)
    if m is None:
        return False
    found.append(Finding(Code.P4_SUBSTITUTES_MEMBER, refs([m]), refs(o for o in f.members if o is not m),
                         risk=True))
    advice.append(Finding(Code.P4_ADD_BEYOND, refs([m])))
    return True


def _means_brought(members: Sequence[MemberFacts]) -> list[Finding]:
    """The means the members bring, lever by lever in charter order, with who brings each."""
    means = tuple(Finding(Code.P4_MEANS_ITEM, refs(m for m in members if lv.id in m.offers), levers=(lv.id,))
                  for lv in reference().levers)
    offered = tuple(p for p in means if p.refs)
    return [Finding(Code.P4_MEANS_BROUGHT, parts=offered)] if offered else []


def _other_alliances(f: AllianceFacts, found: list[Finding], advice: list[Finding]) -> float:
    """P4's alliance part: 1 - the largest share of the footprint another live alliance occupies."""
    shown = [n for n in f.nearby_alliances if n.share >= NEARBY_MIN_SHARE]
    live = [n for n in shown if n.status != AllianceStatus.TERMINEE]
    ended = [n for n in shown if n.status == AllianceStatus.TERMINEE]
    for n in live[:SUGGESTIONS_SHOWN]:
        found.append(Finding(Code.P4_ALLIANCE_NEARBY, refs([n]), sdgs=n.shared_sdgs, share=n.share,
                             risk=n.share >= SUBSTITUTION_MIN_SHARE))
    for n in ended[:SUGGESTIONS_SHOWN]:
        found.append(Finding(Code.P4_ALLIANCE_ENDED, refs([n]), sdgs=n.shared_sdgs, share=n.share))
    if not shown:
        found.append(Finding(Code.P4_NO_ALLIANCE_NEARBY))
    risky = [n for n in live if n.share >= SUBSTITUTION_MIN_SHARE]
    if risky:
        advice.append(Finding(Code.P4_EXTEND_ALLIANCES, refs(risky)))
    lessons = [n for n in ended if n.share >= SUBSTITUTION_MIN_SHARE]
    if lessons:
        advice.append(Finding(Code.P4_LEARN_FROM, refs(lessons)))
    return 1 - max((n.share for n in f.nearby_alliances if n.status != AllianceStatus.TERMINEE), default=0.0)


def _outside_actors(f: AllianceFacts, found: list[Finding], advice: list[Finding]) -> float:
    """P4's actors part: 1 - the share of the footprint a few similar outside actors occupy
    together. The other actors on the same SDGs there are named as partners to connect with."""
    if f.covering_group:
        ids = {o.name: o.id for o in f.outside_similar}
        wider = {o.name for o in f.outside_similar if not o.local}
        group = tuple(Ref(ids.get(name, ""), name) for name in f.covering_group)
        risk = f.covering_share >= SUBSTITUTION_MIN_SHARE
        found.append(Finding(Code.P4_SIMILAR_OUTSIDE, group, tuple(r for r in group if r.name in wider),
                             share=f.covering_share, risk=risk))
        if risk:
            advice.append(Finding(Code.P4_MEET_SIMILAR, group))
    else:
        found.append(Finding(Code.P4_NO_SIMILAR_OUTSIDE))
    partners = refs(f.outside_partners[:SUGGESTIONS_SHOWN])
    if partners:
        found.append(Finding(Code.P4_OTHERS_OUTSIDE, partners))
        advice.append(Finding(Code.P4_MAKE_KNOWN, partners))
    return 1 - f.covering_share


# ----------------------------------------------------------------------------- P5


def principle_5(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """Beyond silos: the SDGs span the environmental, social and economic domains."""
    own = frozenset(f.alliance.sdgs)
    sdgs = own or frozenset(s for m in f.members for s in m.sdgs)
    if not sdgs:
        return measured("principe-5", f, None, [Finding(Code.P5_NO_SDGS)], [Finding(Code.P5_DECLARE_SDGS)],
                        lang, Status.NOT_ASSESSABLE)
    by_dim: dict[str, list[int]] = {}
    for s in sorted(sdgs):
        by_dim.setdefault(reference().sdgs[s].dimension.value, []).append(s)
    present = [d for d in SILO_DIMENSIONS if d in by_dim]
    dims = tuple(Finding(Code.P5_DIMENSION, kinds=(d,), sdgs=tuple(by_dim[d])) for d in present)
    if not own:
        found = [Finding(Code.P5_PARTNER_DIMENSIONS, parts=dims)]
    elif present:
        found = [Finding(Code.P5_TARGET_DIMENSIONS, parts=dims)]
    else:
        found = [Finding(Code.P5_NO_DIMENSION)]
    advice: list[Finding] = []
    for d in (d for d in SILO_DIMENSIONS if d not in by_dim):
        _open_dimension(f, d, found, advice)
    return measured("principe-5", f, silo_score(len(present)), found, advice, lang)


def _open_dimension(f: AllianceFacts, dimension: str, found: list[Finding], advice: list[Finding]) -> None:
    """How to bring a missing dimension in: members already on it first, then outside candidates."""
    dim_sdgs = frozenset(w.sdgs_of_dimension(dimension))
    inside = [m for m in f.members if m.sdgs & dim_sdgs]
    if inside:
        theirs = tuple(sorted({s for m in inside for s in m.sdgs & dim_sdgs}))
        found.append(Finding(Code.P5_MEMBERS_ON_DIMENSION, refs(inside), kinds=(dimension,), sdgs=theirs))
        advice.append(Finding(Code.P5_OPEN_WITH_MEMBERS, refs(inside), kinds=(dimension,)))
        return
    candidates = tuple(Finding(Code.P5_CANDIDATE, refs([c]), sdgs=tuple(sorted(set(c.new_sdgs) & dim_sdgs)))
                       for c in pick(f, lambda c: bool(set(c.new_sdgs) & dim_sdgs)))
    advice.append(Finding(Code.P5_OPEN_DIMENSION, kinds=(dimension,), sdgs=tuple(sorted(dim_sdgs)),
                          parts=candidates))


# ----------------------------------------------------------------------------- P6


def principle_6(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """Territorial anchoring: partners present in the alliance's territory, local partners in."""
    if not f.alliance.territories:
        return measured("principe-6", f, 0.0, [Finding(Code.P6_NO_TERRITORY)],
                        [Finding(Code.P6_DECLARE_TERRITORY)], lang)
    members = f.members
    if not members:
        return no_members("principe-6", f, lang)
    present = [m for m in members if m.places & f.places]
    absent = refs(m for m in members if not m.places & f.places)
    local = refs(m for m in present if m.places <= f.places)
    found = [Finding(Code.P6_ANCHORED, places=tuple(f.alliance.territories))]
    if present:
        found.append(Finding(Code.P6_PRESENT, refs(present), count=len(present), total=len(members)))
    else:
        found.append(Finding(Code.P6_NONE_PRESENT, total=len(members)))
    if absent:
        found.append(Finding(Code.P6_ABSENT, absent))
    found.append(Finding(Code.P6_LOCAL, local) if local else Finding(Code.P6_NO_LOCAL))
    inactive = refs(m for m in members if not m.active)
    if inactive:
        found.append(Finding(Code.P6_INACTIVE, inactive))
    advice = [Finding(Code.P6_CLARIFY_ROLE, absent)] if absent else []
    if not local or absent:  # absent partners: name who, on the ground, could do their part
        advice.append(Finding(Code.P6_BRING_LOCAL, refs(pick(f, lambda c: c.local)), count=len(local)))
    parts = {"present": len(present) / len(members), "local": 1.0 if local else 0.0}
    return measured("principe-6", f, weighted(parts, P6_WEIGHTS), found, advice, lang)


# ----------------------------------------------------------------------------- P7


def principle_7(f: AllianceFacts, lang: str = "fr") -> Verdict:
    """Articulation with public policy: a local authority of the territory is a member, and the
    alliance aligns with the policies covering its territory and SDGs."""
    authorities = [m for m in f.members if m.kind in LOCAL_AUTHORITY_KINDS and m.places & f.places]
    relevant = [p for p in f.policies if p.relevant]
    aligned = [p for p in relevant if p.aligned]
    found = [Finding(Code.P7_AUTHORITIES_IN, refs(authorities)) if authorities
             else Finding(Code.P7_NO_AUTHORITY)]
    if relevant:
        policies = tuple(Finding(Code.P7_POLICY, refs([p]), sdgs=p.shared_sdgs) for p in relevant)
        found.append(Finding(Code.P7_POLICIES, parts=policies))
        found.append(Finding(Code.P7_ALIGNED, refs(aligned)) if aligned else Finding(Code.P7_NOT_ALIGNED))
    else:
        found.append(Finding(Code.P7_NO_POLICY))
    found += [Finding(Code.P7_ALIGNED_ELSEWHERE, refs([p]))
              for p in f.policies if p.aligned and not p.relevant]
    score = articulation_score(bool(authorities), bool(aligned) if relevant else None)
    return measured("principe-7", f, score, found, _p7_advice(f, relevant, bool(authorities)), lang)


def _p7_advice(f: AllianceFacts, relevant: Sequence[PolicyFacts], authorities: bool) -> list[Finding]:
    """The closest policies not aligned with yet; without a member authority, whom to invite."""
    closest = sorted(relevant, key=lambda p: (-len(p.shared_sdgs), p.name, p.id))
    advice = []
    for p in [p for p in closest if not p.aligned][:SUGGESTIONS_SHOWN]:
        kind = p.kind if normalize(p.kind) not in normalize(p.name) else ""
        advice.append(Finding(Code.P7_GET_CLOSER, (Ref(p.id, p.name, kind),),
                              tuple(Ref("", c) for c in p.carriers), sdgs=p.shared_sdgs))
    if not authorities:
        inside = {m.name for m in f.members}
        carriers = list(dict.fromkeys(c for p in closest for c in p.carriers if c not in inside))
        invited = tuple(Ref("", c) for c in carriers) or tuple(Ref(i, name) for i, name in f.authorities)
        advice.append(Finding(Code.P7_INVITE, invited))
    return advice


def articulation_score(authority: bool, aligned: bool | None) -> float:
    """P7 from "a local authority of the territory is a member" and "aligns with a policy covering
    its territory and SDGs" (None: no such policy exists, so the authority alone decides).

    >>> [articulation_score(a, p) for a, p in ((True, True), (True, False), (False, True), (False, False))]
    [1.0, 0.75, 0.75, 0.0]
    >>> articulation_score(True, None), articulation_score(False, None)
    (1.0, 0.0)
    """
    if aligned is None:
        return 1.0 if authority else 0.0
    if authority and aligned:
        return 1.0
    return P7_EITHER if authority or aligned else 0.0


MEASURED = {
    "principe-2": principle_2,
    "principe-4": principle_4,
    "principe-5": principle_5,
    "principe-6": principle_6,
    "principe-7": principle_7,
}
"""The principles measured on the graph; the others are read from self-assessments."""
