"""The findings of the analyses in English: one function per code, each writing one clause.

A clause starts lower-case and has no full stop (`render.sentence` joins, capitalises, ends).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ecosystem.analysis import wording as w
from ecosystem.analysis.codes import Code
from ecosystem.analysis.phrases import agree, names, who
from ecosystem.analysis.thresholds import SUGGESTIONS_SHOWN
from ecosystem.finding import Finding, Ref
from ecosystem.model import MAX_SCORE
from ecosystem.reference import reference

L = "en"

SCORE_WORDS = {0: "absent", 1: "started", 2: "in place", 3: "fully in place"}
"""A self-assessed score (0..3) in words."""

STATUS_COUNTED = {"met": "met", "partly": "partly met", "not_met": "not met",
                  "not_assessable": "not assessable"}
"""A status after a count."""

NOTHING_TO_FIX = {
    "principe-2": "Nothing to fix: keep the SDGs as your common language in meetings and reports.",
    "principe-4": "Nothing to fix: before each new action, check what already exists around you.",
    "principe-5": "Nothing to fix: your SDGs link the environmental, social and economic dimensions; keep "
                  "these links visible in your actions.",
    "principe-6": "Nothing to fix: keep starting from the realities and fragilities of your territory.",
    "principe-7": "Nothing to fix: involve the elected representatives in your reviews to keep this synergy.",
}
NOTHING_TO_FIX_ASSESSED = ("Nothing to fix: review it again at your next assessment to follow the path "
                           "travelled.")


def _names(refs: Iterable[Ref], shown: int = SUGGESTIONS_SHOWN) -> str:
    return names((r.name for r in refs), L, shown)


def _with_kinds(refs: Iterable[Ref]) -> str:
    return names((who(r.name, r.kind, L) for r in refs), L)


def _agree(f: Finding, singular: str, plural: str) -> str:
    return agree(len(f.refs), singular, plural)


def _parts(f: Finding) -> list[str]:
    return [CLAUSES[p.code](p) for p in f.parts]


def _day(day: date) -> str:
    return w.date_text(day, L)


def _quoted(refs: Iterable[Ref]) -> str:
    return names((w.quoted(r.name, L) for r in refs), L)


def _lever(f: Finding) -> str:
    return w.lever_name(f.levers[0], L)


def _self_path(f: Finding) -> str:
    if not f.history:
        return "never self-assessed"
    (first_on, first), (latest_on, latest) = f.history[0], f.history[-1]
    clauses = [f"self-assessment of {_day(latest_on)}: {latest}/{MAX_SCORE} ({SCORE_WORDS[latest]})"]
    if len(f.history) > 1:
        since, steps = _day(first_on), f"{first} → {latest}"
        clauses.append(f"improving since {since} ({steps})" if latest > first
                       else f"declining since {since} ({steps})" if latest < first
                       else f"stable since {since}")
    clauses += [f"comment: “{comment}”" for comment in f.labels]
    return "; ".join(clauses)


def _summary(f: Finding) -> str:
    n = f.total or 0
    counted = [f"{k} {STATUS_COUNTED[s]}" for s, k in f.counts]
    text = f"{f.refs[0].name}: of {n} principle{'s' if n > 1 else ''}, " + w.join(counted, L)
    if f.levers:
        lever = f.levers[0]
        number = reference().levers[lever].number
        text += f"; to work on first: {w.lever_name(lever, L)} (principle {number})"
    return text


def _p2_partners_on(f: Finding) -> str:
    n = f.count or 0
    line = f"{n} partner{'s' if n > 1 else ''} out of {f.total} {agree(n, 'works', 'work')} on these SDGs"
    return line + (": " + _names(f.refs) if f.refs else "")


def _p2_kinds(f: Finding) -> str:
    listed = w.join((w.kind_name(k, L) for k in f.kinds), L)
    if f.code == Code.P2_KINDS:
        return f"{len(f.kinds)} kinds of actors together ({listed}): SDG 17 in practice"
    return f"a single kind of actor ({listed}): SDG 17 means bringing different profiles together"


def _p2_open(f: Finding) -> str:
    if f.refs:
        return ("open the alliance to another profile present on your territory, for instance "
                + _with_kinds(f.refs))
    return "open the alliance to another profile (company, local authority, association, research…)"


def _p4_similar_outside(f: Finding) -> str:
    n, many = len(f.refs), len(f.refs) > 1
    them, share = _names(f.refs, shown=n), w.percent(f.share or 0.0, L)
    verb = "together occupy" if many else "already occupies"
    local = "" if f.others else "local "  # some act beyond the territory
    who_ = agree(n, f"{'a' if f.others else 'a local'} actor of the same profile as your members",
                 f"{local}actors of the same profile as your members")
    return (f"outside the alliance, {them}, {who_}, {verb} {share} of your footprint"
            + (": risk of duplication" if f.risk else ""))


def _p5_open(f: Finding) -> str:
    dim, listed = w.dimension_name(f.kinds[0], L), w.sdgs_phrase(f.sdgs, L, article=False)
    if not f.parts:
        return f"open the alliance to the {dim} dimension ({listed})"
    return f"open the alliance to the {dim} dimension ({listed}), for instance with {names(_parts(f), L)}"


def _p6_present(f: Finding) -> str:
    n = f.count or 0
    return f"{n} partner{'s' if n > 1 else ''} out of {f.total} {agree(n, 'is', 'are')} present there"


def _p6_none_present(f: Finding) -> str:
    total = f.total or 0
    if total > 1:
        return f"none of the {total} partners is present there"
    return "its only partner is not present there"


def _p7_policies(f: Finding) -> str:
    n = len(f.parts)
    return (f"{n} public {agree(n, 'policy', 'policies')} {agree(n, 'covers', 'cover')} your territory and "
            f"SDGs: {names(_parts(f), L)}")


def _p7_get_closer(f: Finding) -> str:
    policy, carriers = f.refs[0], w.join((r.name for r in f.others), L)
    kind = f"{policy.kind}, " if policy.kind else ""
    return (f"get closer to \"{policy.name}\" ({kind}carried by {carriers}), which addresses "
            f"{w.sdgs_phrase(f.sdgs, L)} on your territory")


def _means_in_alliance(f: Finding) -> str:
    parts = ([f"brought by {_names(f.refs)}"] if f.refs else []) + (
        [f"sought by {_names(f.others)}"] if f.others else [])
    return "; ".join(parts)


def _item(f: Finding) -> str:
    return f"{f.refs[0].name} ({w.sdgs_phrase(f.sdgs, L, article=False)})"


def _gap(f: Finding) -> str:
    verb = "address" if len(f.refs) > 1 else "addresses"
    what, who_ = w.sdg_named(f.sdgs[0], L), w.join((r.name for r in f.refs), L)
    if f.code == Code.GAP:
        return f"{w.in_places(f.places, L)}, {who_} {verb} {what} but no actor or alliance works on it"
    return f"{who_} {verb} {what} but no actor or alliance works on it {w.in_places(f.places, L)}"


def _local_split(f: Finding) -> str:
    (tid,) = f.places
    where, local, total = w.in_places([tid], L), f.count or 0, f.total or 0
    if not total:
        return f"no actor is present {where}"
    wider = total - local
    here = (f"{w.whole(local, L)} {'actor acts' if local == 1 else 'actors act'} locally" if local
            else "no actor acts locally")
    coarser = ("intercommunality, département, région or France" if tid.startswith("commune:")
               else "département, région or France")
    if not wider:
        return f"{where}, {here}"
    counted = "is counted there because it acts" if wider == 1 else "are counted there because they act"
    others = (" other" if wider == 1 else " others") if local else ""
    return f"{where}, {here} and {w.whole(wider, L)}{others} {counted} in a wider territory ({coarser})"


def _no_policy(f: Finding) -> str:
    (tid,) = f.places
    return (f"no public policy in the loaded data covers {w.territory_name(tid)}: gaps therefore cannot be "
            "computed (a gap is an SDG a policy targets with nobody to carry it)")


def _straddles(f: Finding) -> str:
    (tid,) = f.places
    parts = w.join((f"{w.territory_name(dep)} ({w.whole(n, L)} commune{'s' if n != 1 else ''})"
                    for dep, n in f.counts), L)
    return (f"{w.territory_name(tid)} spans {parts}: an actor working across only one of these départements "
            "is counted there only in that département's communes")


def _means(levers: Iterable[str]) -> str:
    """The means "Tools" (a lever's name is not a noun phrase on its own)."""
    order = {lv.id: i for i, lv in enumerate(reference().levers)}
    ids = sorted(set(levers), key=lambda i: order.get(i, 99))
    quoted = w.join((w.quoted(w.lever_name(i, L), L) for i in ids), L)
    return f"the means {quoted}"


CLAUSES: dict[str, Callable[[Finding], str]] = {
    Code.NO_MEMBERS: lambda f: "no member is recorded for this alliance",
    Code.ADD_MEMBERS:
        lambda f: "add its members (the \"members\" sheet of the dataset) so that this principle can be read",
    Code.NOTHING_TO_FIX: lambda f: NOTHING_TO_FIX.get(f.levers[0], NOTHING_TO_FIX_ASSESSED),
    Code.SELF_PATH: _self_path,
    Code.SELF_MORE_FAVOURABLE:
        lambda f: ("your self-assessment is more favourable than the data shows: worth "
                   "discussing between partners"),
    Code.DATA_MORE_FAVOURABLE:
        lambda f: ("the data is more favourable than your self-assessment: what is still "
                   "missing in your view?"),
    Code.P2_TARGETS: lambda f: f"the alliance targets {w.sdgs_named(f.sdgs, L, article=True)}",
    Code.P2_NO_TARGETS: lambda f: "the alliance declares no target SDG",
    Code.P2_PARTNERS_ON_TARGETS: _p2_partners_on,
    Code.P2_PARTNERS_OFF_TARGETS:
        lambda f: f"{_names(f.refs)} {_agree(f, 'declares', 'declare')} none of them",
    Code.P2_FRAME_NOT_SHARED:
        lambda f: ((f"only {f.count} partner{'s' if (f.count or 0) > 1 else ''} of {f.total} "
                    f"{'work' if (f.count or 0) > 1 else 'works'}" if f.count else "no partner works")
                   + " on the alliance's SDGs: the frame is not "
                   "shared yet, so the principle is at best partly met"),
    Code.P2_KINDS: _p2_kinds,
    Code.P2_ONE_KIND: _p2_kinds,
    Code.P2_CHOOSE_TARGETS: lambda f: ("choose together the SDGs the alliance targets"
                                       + (f"; your partners already work on {w.sdgs_phrase(f.sdgs, L)}"
                                          if f.sdgs else "")),
    Code.P2_ASK_OFF_TARGETS:
        lambda f: (f"ask {_names(f.refs)} how their work meets {w.sdgs_phrase(f.sdgs, L)}, "
                   "and record it in the dataset"),
    Code.P2_OPEN_PROFILE: _p2_open,
    Code.P4_DUPLICATES:
        lambda f: (f"{f.refs[0].name} and {f.refs[1].name}, two {w.kind_name(f.kinds[0], L, plural_=True)}, "
                   f"have very similar footprints (Jaccard {w.number(f.share or 0.0, L)}): "
                   "risk of duplication"),
    Code.P4_INCLUDED:
        lambda f: (f"{f.refs[0].name} and {f.refs[1].name}, two {w.kind_name(f.kinds[0], L, plural_=True)}: "
                   f"{w.percent(f.share or 0.0, L)} of {f.refs[0].name}'s footprint already lies inside "
                   f"{f.refs[1].name}'s: risk of duplication"),
    Code.P4_SUBSTITUTES_MEMBER:
        lambda f: (f"{f.refs[0].name} already works alone on all of the alliance's territory and SDGs, and "
                   f"{_names(f.others, shown=len(f.others))} "
                   f"{'add' if len(f.others) > 1 else 'adds'} no territory, SDG, profile or means to it: "
                   "the alliance "
                   "risks substituting for its own partner"),
    Code.P4_ADD_BEYOND:
        lambda f: (f"say what the alliance brings beyond what {f.refs[0].name} does alone: a territory, "
                   "an SDG, a public or a means it does not have"),
    Code.P4_CLARIFY_DUPLICATES:
        lambda f: (f"clarify what {f.refs[0].name} and {f.refs[1].name} each bring to "
                   "avoid duplication"),
    Code.P4_DISTINCT: lambda f: f"the {f.count} partners make distinct contributions",
    Code.P4_MEANS_BROUGHT: lambda f: f"means brought by the partners: {w.join(_parts(f), L)}",
    Code.P4_MEANS_ITEM: lambda f: f"{w.lever_name(f.levers[0], L)} ({_names(f.refs, shown=2)})",
    Code.P4_NOT_MEASURABLE:
        lambda f: ("without target SDGs or an anchoring territory, the risk of substitution "
                   "cannot be measured"),
    Code.P4_ALLIANCE_NEARBY: lambda f: (f"\"{f.refs[0].name}\", another alliance, already occupies "
                                        f"{w.percent(f.share or 0.0, L)} of your footprint "
                                        f"({w.sdgs_phrase(f.sdgs, L)} on your territory)"
                                        + (": risk of substitution" if f.risk else "")),
    Code.P4_ALLIANCE_ENDED: lambda f: (f"\"{f.refs[0].name}\", an alliance now ended, worked on "
                                       f"{w.sdgs_phrase(f.sdgs, L)} on your territory"),
    Code.P4_NO_ALLIANCE_NEARBY: lambda f: "no other alliance works on your SDGs on your territory",
    Code.P4_EXTEND_ALLIANCES:
        lambda f: f"get in touch with {_quoted(f.refs)} to extend their work rather than "
                  "duplicate it",
    Code.P4_LEARN_FROM: lambda f: f"build on the experience of {_quoted(f.refs)}",
    Code.P4_SIMILAR_OUTSIDE: _p4_similar_outside,
    Code.P4_MEET_SIMILAR:
        lambda f: (f"meet {_names(f.refs, shown=len(f.refs))}, already at work on your SDGs on "
                   f"your territory: bring {_agree(f, 'it', 'them')} in or share the roles"),
    Code.P4_NO_SIMILAR_OUTSIDE:
        lambda f: ("no local actor of the same profile as your members already works on "
                   "your SDGs on your territory"),
    Code.P4_OTHERS_OUTSIDE:
        lambda f: (f"{_with_kinds(f.refs)} also {_agree(f, 'works', 'work')} on your SDGs on "
                   "your territory"),
    Code.P4_MAKE_KNOWN: lambda f: f"make your work known to {_names(f.refs)}",
    Code.P5_NO_SDGS: lambda f: "neither the alliance nor its partners declare SDGs",
    Code.P5_DECLARE_SDGS: lambda f: "declare the alliance's SDGs to see which domains it links",
    Code.P5_PARTNER_DIMENSIONS: lambda f: ("the alliance declares no target SDG; its partners' SDGs are "
                                           f"{w.join(_parts(f), L)}"),
    Code.P5_TARGET_DIMENSIONS: lambda f: f"the targeted SDGs are {w.join(_parts(f), L)}",
    Code.P5_DIMENSION:
        lambda f: f"{w.dimension_name(f.kinds[0], L)} ({w.sdgs_phrase(f.sdgs, L, article=False)})",
    Code.P5_NO_DIMENSION: lambda f: "the targeted SDGs belong to no domain (SDG 17 only)",
    Code.P5_MEMBERS_ON_DIMENSION: lambda f: (f"{_names(f.refs)} already {_agree(f, 'works', 'work')} on the "
                                             f"{w.dimension_name(f.kinds[0], L)} dimension "
                                             f"({w.sdgs_phrase(f.sdgs, L, article=False)})"),
    Code.P5_OPEN_WITH_MEMBERS:
        lambda f: (f"open the alliance to the {w.dimension_name(f.kinds[0], L)} dimension "
                   f"with {_names(f.refs)}"),
    Code.P5_OPEN_DIMENSION: _p5_open,
    Code.P5_CANDIDATE: _item,
    Code.P6_NO_TERRITORY: lambda f: "the alliance declares no anchoring territory",
    Code.P6_DECLARE_TERRITORY: lambda f: ("declare the alliance's anchoring territory (municipality, EPCI or "
                                          "département)"),
    Code.P6_ANCHORED: lambda f: f"the alliance is anchored {w.in_places(f.places, L)}",
    Code.P6_PRESENT: _p6_present,
    Code.P6_NONE_PRESENT: _p6_none_present,
    Code.P6_ABSENT: lambda f: f"{_names(f.refs)} {_agree(f, 'does', 'do')} not act there",
    Code.P6_LOCAL: lambda f: f"local partners (acting only on this territory): {_names(f.refs)}",
    Code.P6_NO_LOCAL: lambda f: "no partner acts only on this territory: all have a wider scope",
    Code.P6_INACTIVE: lambda f: f"{_names(f.refs)} {_agree(f, 'is', 'are')} marked inactive",
    Code.P6_CLARIFY_ROLE: lambda f: f"clarify the role of {_names(f.refs)} on the alliance's territory",
    Code.P6_BRING_LOCAL:
        lambda f: (f"bring in {'another' if f.count else 'a'} local actor, for instance {_with_kinds(f.refs)}"
                   if f.refs else
                   f"bring in {'another actor' if f.count else 'an actor'} working close to the ground"),
    Code.P7_AUTHORITIES_IN:
        lambda f: (f"{_names(f.refs)} (local {_agree(f, 'authority', 'authorities')} of the "
                   f"territory) {_agree(f, 'is a member', 'are members')} of the alliance"),
    Code.P7_NO_AUTHORITY: lambda f: "no local authority of the territory is a member of the alliance",
    Code.P7_POLICIES: _p7_policies,
    Code.P7_POLICY: _item,
    Code.P7_ALIGNED: lambda f: f"the alliance aligns with {_names(f.refs)}",
    Code.P7_NOT_ALIGNED: lambda f: "the alliance aligns with none of them",
    Code.P7_NO_POLICY: lambda f: "no recorded public policy covers your territory on your SDGs",
    Code.P7_ALIGNED_ELSEWHERE:
        lambda f: (f"{f.refs[0].name}, which the alliance aligns with, does not cover its "
                   "territory or SDGs"),
    Code.P7_GET_CLOSER: _p7_get_closer,
    Code.P7_INVITE: lambda f: (f"invite {_names(f.refs)} to join or support the alliance" if f.refs
                               else "invite your territory's local authority to join the alliance"),
    Code.SELF_ASSESS: lambda f: f"self-assess \"{_lever(f)}\" together (score 0 to 3) at your next review",
    Code.SELF_DECLINING:
        lambda f: f"\"{_lever(f)}\" is declining: take the time to talk about it between partners",
    Code.SELF_ON_AGENDA: lambda f: f"put \"{_lever(f)}\" on the agenda of your next meeting",
    Code.MEANS_IN_ALLIANCE: _means_in_alliance,
    Code.MEANS_SHARE: lambda f: f"{_names(f.refs)} can bring it to {_names(f.others)}: organise it",
    Code.MEANS_LOOK_FOR:
        lambda f: f"look for it with {_names(f.refs)}, who {_agree(f, 'offers', 'offer')} it near you",
    Code.SUMMARY: _summary,
    Code.BOTH_PRESENT: lambda f: "both present " + w.in_places(f.places, L, total=f.count),
    Code.SHARED_SDGS:
        lambda f: "shared SDGs: " + w.join((f"{n} ({reference().sdgs[n].name_en})" for n in f.sdgs),
                                            L),
    Code.SAME_KIND: lambda f: f"same kind of actor ({w.kind_name(f.kinds[0], L)})",
    Code.INSIDE: lambda f: f"{f.refs[0].name}'s footprint lies entirely inside {f.refs[1].name}'s",
    Code.POSSIBLE_DUPLICATE: lambda f: "possible duplicate",
    Code.DUPLICATE_GROUP:
        lambda f: (f"{w.join((r.name for r in f.refs), L)} are {len(f.refs)} "
                   f"{w.kind_name(f.kinds[0], L, plural_=True)} with very similar or nested footprints"),
    Code.PRESENT_TOGETHER: lambda f: (f"{'both' if f.total == 2 else 'all'} present "
                                      f"{w.in_places(f.places, L, total=f.count)} "
                                      f"on {w.sdgs_phrase(f.sdgs, L)}"),
    Code.SEE_WITH_THEM: lambda f: "see with them whether they can join forces or share the roles",
    Code.PRESENT: lambda f: "present " + w.in_places(f.places, L, total=f.count),
    Code.PRESENT_NEARBY:
        lambda f: f"present {w.in_places(f.places, L, total=f.count)}, in the same intercommunality",
    Code.BRINGS_SDGS: lambda f: f"brings {w.sdgs_phrase(f.sdgs, L)} you do not cover",
    Code.OTHER_PROFILE: lambda f: f"profile \"{w.kind_name(f.kinds[0], L)}\", different from yours",
    Code.OTHER_PROFILE_ALLIANCE:
        lambda f: f"profile \"{w.kind_name(f.kinds[0], L)}\", missing from the alliance",
    Code.WORKS_ALIKE: lambda f: f"works on {w.sdgs_phrase(f.sdgs, L)} as you do",
    Code.OFFERS_NEEDED: lambda f: f"offers {_means(f.levers)} that you need",
    Code.NEEDS_OFFERED: lambda f: f"needs {_means(f.levers)} that you offer",
    Code.GAP: _gap,
    Code.GAP_GROUP: _gap,
    Code.LOCAL_SPLIT: _local_split,
    Code.NO_POLICY_NO_GAPS: _no_policy,
    Code.EPCI_STRADDLES: _straddles,
}
"""The clause of each code, in English."""


# ----------------------------------------------------------------------------- the network


def _network_summary(f: Finding) -> str:
    links = dict(f.counts)
    if not f.total:
        return f"no actor is present {w.in_places(f.places, L)}"
    verb = "is" if (f.count or 0) == 1 else "are"
    return (f"{w.whole(f.count or 0, L)} of the {w.counted(f.total or 0, 'actor', 'actors', L)} present "
            f"{w.in_places(f.places, L)} {verb} linked to others by "
            f"{w.counted(links['links'], 'link', 'links', L)} (shared alliances or policies), in "
            f"{w.counted(links['communities'], 'community', 'communities', L)}")


def _network_community(f: Finding) -> str:
    kinds = w.join((w.kind_name(k, L, plural_=True) for k in f.kinds), L)
    return f"a community of {w.whole(f.count or 0, L)} actors around {_names(f.refs)} ({kinds})"


def _network_broker(f: Finding) -> str:
    linked = (w.join((w.kind_name(k, L, plural_=True) for k in f.kinds), L) if f.kinds
              else w.place_names(f.places, L))
    return (f"{f.refs[0].name} links {linked}: {w.counted(f.count or 0, 'pair', 'pairs', L)} of partners "
            "with no other direct link")


def _network_bridge(f: Finding) -> str:
    if f.kinds:
        a, b = (w.kind_name(k, L, plural_=True) for k in f.kinds)
    else:
        a, b = (w.territory_name(p) for p in f.places)
    return f"{w.counted(f.count or 0, 'link', 'links', L)} between {a} and {b}"


CLAUSES.update({
    Code.NETWORK_SUMMARY: _network_summary,
    Code.NETWORK_COMMUNITY: _network_community,
    Code.NETWORK_KIND_BROKER: _network_broker,
    Code.NETWORK_PLACE_BROKER: _network_broker,
    Code.NETWORK_KIND_BRIDGE: _network_bridge,
    Code.NETWORK_PLACE_BRIDGE: _network_bridge,
})
