"""The kinds of findings the analyses return: one code per thing they can say.

A code names a fact, not a sentence: `P2_PARTNERS_ON_TARGETS` is "n partners of N work on the
target SDGs", which each language's renderer (`render_fr`, `render_en`) writes its own way. The
value is what `--json` shows; codes are grouped by the analysis that finds them.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    # ------------------------------------------------------------------ any verdict
    NO_MEMBERS = "no-members"  # no member is recorded
    ADD_MEMBERS = "add-members"  # advice: fill in the members sheet
    NOTHING_TO_FIX = "nothing-to-fix"  # advice when there is none (levers: the lever)
    SELF_PATH = "self-path"  # the lever's self-assessments (history; labels: the latest comment)
    SELF_MORE_FAVOURABLE = "self-more-favourable"  # self-assessed met, measured not met
    DATA_MORE_FAVOURABLE = "data-more-favourable"  # measured met, self-assessed not met

    # ------------------------------------------------------------------ P2 the SDGs as common frame
    P2_TARGETS = "p2.targets"  # sdgs: the alliance's target SDGs
    P2_NO_TARGETS = "p2.no-targets"
    P2_PARTNERS_ON_TARGETS = "p2.partners-on-targets"  # refs: those on them; count of total
    P2_PARTNERS_OFF_TARGETS = "p2.partners-off-targets"  # refs: those declaring none of them
    P2_FRAME_NOT_SHARED = "p2.frame-not-shared"  # count on the targets of total: fewer than half
    P2_KINDS = "p2.kinds"  # kinds: two or more kinds of actors
    P2_ONE_KIND = "p2.one-kind"  # kinds: the only kind
    P2_CHOOSE_TARGETS = "p2.choose-targets"  # sdgs: what the partners already work on (may be empty)
    P2_ASK_OFF_TARGETS = "p2.ask-off-targets"  # refs: partners to ask; sdgs: the targets
    P2_OPEN_PROFILE = "p2.open-profile"  # refs: candidates of another kind (may be empty)

    # ------------------------------------------------------------------ P4 complementarity
    P4_DUPLICATES = "p4.duplicates"  # refs: two same-kind members; share: their Jaccard
    P4_INCLUDED = "p4.included"  # refs: (member mostly inside, the other); kinds; share: containment
    P4_SUBSTITUTES_MEMBER = "p4.substitutes-member"  # refs: the member; others: the other members
    P4_ADD_BEYOND = "p4.add-beyond"  # refs: the member the alliance adds nothing to
    P4_CLARIFY_DUPLICATES = "p4.clarify-duplicates"  # refs: the same two
    P4_DISTINCT = "p4.distinct"  # count: members, none duplicating another
    P4_MEANS_BROUGHT = "p4.means-brought"  # parts: one P4_MEANS_ITEM per lever offered
    P4_MEANS_ITEM = "p4.means-item"  # levers: one; refs: the members offering it
    P4_NOT_MEASURABLE = "p4.not-measurable"  # no target SDG or no anchoring territory
    P4_ALLIANCE_NEARBY = "p4.alliance-nearby"  # refs: a live alliance; share; sdgs; risk
    P4_ALLIANCE_ENDED = "p4.alliance-ended"  # refs: an ended alliance; sdgs
    P4_NO_ALLIANCE_NEARBY = "p4.no-alliance-nearby"
    P4_EXTEND_ALLIANCES = "p4.extend-alliances"  # refs: live alliances to contact
    P4_LEARN_FROM = "p4.learn-from"  # refs: ended alliances to learn from
    P4_SIMILAR_OUTSIDE = "p4.similar-outside"  # refs: similar outside actors; share together; risk;
    #                                             others: those of them acting beyond the territory
    P4_MEET_SIMILAR = "p4.meet-similar"  # refs: the same actors
    P4_NO_SIMILAR_OUTSIDE = "p4.no-similar-outside"
    P4_OTHERS_OUTSIDE = "p4.others-outside"  # refs: other outside actors on the same SDGs
    P4_MAKE_KNOWN = "p4.make-known"  # refs: the same actors

    # ------------------------------------------------------------------ P5 beyond silos
    P5_NO_SDGS = "p5.no-sdgs"
    P5_DECLARE_SDGS = "p5.declare-sdgs"
    P5_PARTNER_DIMENSIONS = "p5.partner-dimensions"  # parts: one P5_DIMENSION per dimension spanned
    P5_TARGET_DIMENSIONS = "p5.target-dimensions"  # parts: one P5_DIMENSION per dimension spanned
    P5_DIMENSION = "p5.dimension"  # kinds: the dimension; sdgs: its SDGs among the alliance's
    P5_NO_DIMENSION = "p5.no-dimension"  # only SDG 17
    P5_MEMBERS_ON_DIMENSION = "p5.members-on-dimension"  # kinds: the dimension; refs; sdgs
    P5_OPEN_WITH_MEMBERS = "p5.open-with-members"  # kinds: the dimension; refs
    P5_OPEN_DIMENSION = "p5.open-dimension"  # kinds; sdgs: the dimension's; parts: P5_CANDIDATE
    P5_CANDIDATE = "p5.candidate"  # refs: an outside candidate; sdgs: what it brings of the dimension

    # ------------------------------------------------------------------ P6 territorial anchoring
    P6_NO_TERRITORY = "p6.no-territory"
    P6_DECLARE_TERRITORY = "p6.declare-territory"
    P6_ANCHORED = "p6.anchored"  # places: the anchoring territories
    P6_PRESENT = "p6.present"  # refs: members present there; count of total
    P6_NONE_PRESENT = "p6.none-present"  # total: members
    P6_ABSENT = "p6.absent"  # refs: members not acting there
    P6_LOCAL = "p6.local"  # refs: members acting only there
    P6_NO_LOCAL = "p6.no-local"
    P6_INACTIVE = "p6.inactive"  # refs: members marked inactive
    P6_CLARIFY_ROLE = "p6.clarify-role"  # refs: the absent members
    P6_BRING_LOCAL = "p6.bring-local"  # refs: local candidates (may be empty); count: local members

    # ------------------------------------------------------------------ P7 public policy
    P7_AUTHORITIES_IN = "p7.authorities-in"  # refs: member local authorities of the territory
    P7_NO_AUTHORITY = "p7.no-authority"
    P7_POLICIES = "p7.policies"  # parts: one P7_POLICY per policy covering territory and SDGs
    P7_POLICY = "p7.policy"  # refs: the policy; sdgs: those it shares with the alliance
    P7_ALIGNED = "p7.aligned"  # refs: policies the alliance aligns with
    P7_NOT_ALIGNED = "p7.not-aligned"
    P7_NO_POLICY = "p7.no-policy"
    P7_ALIGNED_ELSEWHERE = "p7.aligned-elsewhere"  # refs: an aligned policy not covering it
    P7_GET_CLOSER = "p7.get-closer"  # refs: the policy (kind shown when not in its name); others: carriers
    P7_INVITE = "p7.invite"  # refs: authorities to invite (may be empty)

    # ------------------------------------------------------------------ self-assessed levers
    SELF_ASSESS = "self-assess"  # levers: the lever never self-assessed
    SELF_DECLINING = "self-declining"  # levers
    SELF_ON_AGENDA = "self-on-agenda"  # levers
    MEANS_IN_ALLIANCE = "means-in-alliance"  # refs: members offering it; others: members seeking it
    MEANS_SHARE = "means-share"  # refs: members offering it; others: members who need it
    MEANS_LOOK_FOR = "means-look-for"  # refs: candidates offering it

    # ------------------------------------------------------------------ diagnosis
    SUMMARY = "summary"  # refs: the alliance; counts: status -> n; total; levers: the weakest (or none)

    # ------------------------------------------------------------------ overlaps and complements
    BOTH_PRESENT = "both-present"  # places (the best known); count: how many shared
    SHARED_SDGS = "shared-sdgs"  # sdgs
    SAME_KIND = "same-kind"  # kinds
    INSIDE = "inside"  # refs: (the footprint entirely inside, the other)
    POSSIBLE_DUPLICATE = "possible-duplicate"  # same kind, and the duplicate rule holds
    DUPLICATE_GROUP = "duplicate-group"  # refs; kinds: their kind
    PRESENT_TOGETHER = "present-together"  # places; count; sdgs
    SEE_WITH_THEM = "see-with-them"
    PRESENT = "present"  # places; count
    PRESENT_NEARBY = "present-nearby"  # places: its communes in the subject's EPCI; count
    BRINGS_SDGS = "brings-sdgs"  # sdgs the subject does not cover
    OTHER_PROFILE = "other-profile"  # kinds: the candidate's, different from the actor's
    OTHER_PROFILE_ALLIANCE = "other-profile-alliance"  # kinds: the candidate's, missing from the alliance
    WORKS_ALIKE = "works-alike"  # sdgs in common, when it brings no new one
    OFFERS_NEEDED = "offers-needed"  # levers
    NEEDS_OFFERED = "needs-offered"  # levers

    # ------------------------------------------------------------------ coverage
    GAP = "gap"  # places: one territory; sdgs: one; refs: the policies addressing it there
    GAP_GROUP = "gap-group"  # places: the territories; sdgs: one; refs: the policies
    LOCAL_SPLIT = "local-split"  # places: the territory; count: actors acting there; total: all present
    NO_POLICY_NO_GAPS = "no-policy-no-gaps"  # places: the territory no policy (with SDGs) covers
    EPCI_STRADDLES = "epci-straddles"  # places: the EPCI; counts: (département id, its communes there)

    # ------------------------------------------------------------------ the network (analysis/network.py)
    NETWORK_SUMMARY = "network.summary"  # places: the territory; count linked of total; counts: links, ...
    NETWORK_COMMUNITY = "network.community"  # refs: its best connected members; count: its size; kinds
    NETWORK_KIND_BROKER = "network.kind-broker"  # refs: the actor; kinds: those it links; count: open pairs
    NETWORK_PLACE_BROKER = "network.place-broker"  # refs: the actor; places: those it links; count
    NETWORK_KIND_BRIDGE = "network.kind-bridge"  # kinds: the two kinds; count: links between them
    NETWORK_PLACE_BRIDGE = "network.place-bridge"  # places: the two territories; count: links between them
