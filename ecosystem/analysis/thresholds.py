"""Every threshold and weight of the analyses, in one place.

docs/analyses.md explains each number and why it was chosen. Tests that pin a verdict import
these names instead of repeating the numbers, so a change here is a change of the whole project.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from ecosystem.model import ActorKind, Level


class Status(StrEnum):
    """Verdict on one principle or lever of the charter."""

    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"
    NOT_ASSESSABLE = "not_assessable"


# ----------------------------------------------------------------------------- statuses

MET = 0.75
"""A principle measured on the graph is met when its score (0..1) is at least this."""

PARTLY = 0.40
"""... partly met when its score is at least this, not met below."""

LEVER_MET = 2
"""A self-assessed lever is met when its latest score (0..3) is at least 2, "en place"."""

LEVER_PARTLY = 1
"""... partly met at 1, "engagé"; not met at 0; not assessable when never assessed."""

# ----------------------------------------------------------------------------- overlap

OVERLAP_LEVEL = Level.COMMUNE
"""Default level of overlaps and complements: the finest one, where presence means most.
At a coarser level every actor of a département would overlap every other one."""

DUPLICATE_MIN_JACCARD = 0.5
"""Two actors of the same kind whose footprints have a Jaccard of at least 0.5 (they share at
least half of all the cells either occupies) are shown as potential duplicates."""

DUPLICATE_MIN_CONTAINMENT = 0.8
"""... or when at least 80 % of one's footprint lies inside the other's (containment from one side):
an association acting in Brignais only is the double of one acting in Brignais and Chaponost on the
same SDGs (containment 1.0) although their Jaccard is only 0.5 or less. `analysis.duplicates` is
the one rule; the overlap views and the diagnosis both call it."""

DUPLICATE_INCLUDED_MIN_JACCARD = 0.2
"""... provided their Jaccard is at least 0.2: the bigger footprint is then at most about five
times the smaller. A département-wide network contains every village association working on its
SDGs; it is their ecosystem, not their double."""

SELF_SUBSTITUTION_MIN_CONTAINMENT = DUPLICATE_MIN_CONTAINMENT
"""P4: an alliance substitutes for its own partner M when at least this share of the alliance's
footprint, and of every other partner's footprint, lies inside M's footprint, and the others are of
M's kind and offer no means M lacks: the alliance adds nothing M does not already do alone (three
profiles in one commune are an alliance, not a double). Public partners (PUBLIC_KINDS) are never
that M: a commune acts on everything in its territory; an alliance articulating with it is P7."""

PLACES_SHOWN = 3
"""Territory names spelled out in a sentence before "... et N autres communes"."""

SHARED_KEPT = 20
"""Shared territories kept by id in a result (the most populated); their count is always exact.
Two national actors share 35,000 communes: listing them all would only slow the answer down."""

PAIRS_LIMIT = 500
"""Pairs listed at most by a pair listing (`overlap.pair_listing`), best first; how many more there
are is always said. A commune of 137,000 actors holds billions of overlapping pairs: nobody reads
them, and making them all would never answer."""

GROUPS_LIMIT = 100
"""Duplicate groups listed at most (`overlap.duplicate_listing`), biggest first; the others are
counted and said."""

# ----------------------------------------------------------------------------- complementarity

COMPLEMENT_WEIGHTS = MappingProxyType({
    "new_sdgs": 0.25,  # brings SDGs the subject does not cover (full at NEW_SDGS_FULL of them)
    "other_kind": 0.20,  # another kind of actor (association, entreprise, collectivité ...)
    "receives": 0.20,  # share of the subject's needs that the candidate offers
    "gives": 0.10,  # share of the subject's offers that the candidate needs
    "mutual": 0.05,  # both of the above: contribution "reçue et donnée"
    "common_ground": 0.10,  # shares at least one SDG with the subject: a reason to talk
    "proximity": 0.10,  # share of the candidate's presence inside the subject's: a local partner
})
"""Weights of the complementarity score (they sum to 1, so the score is in 0..1)."""

NEIGHBOUR_LEVEL = Level.EPCI
"""Complements and suggestions, by default, look at the subject's communes first and then at the
other communes of the same intercommunality (EPCI): a market gardener of Millery is a natural
partner of a Brignais association in the same 5-commune EPCI. An explicit level replaces both."""

NEW_SDGS_FULL = 3
"""Bringing this many new SDGs earns the full "new_sdgs" weight (one brings a third of it)."""

CANDIDATE_POOL = 2000
"""At most this many co-present actors (the most co-present first) are scored, to keep the
answer fast on a national dataset; the pool is never cut on a territory-sized dataset."""

SCAN_CHUNK = 2000
"""The complements listing scores every co-present actor, reading this many at a time and keeping
only the best: its total is exact and its memory flat however many actors a commune holds."""

CANDIDATES_KEPT = 200
"""Diagnosis: the best complementary candidates kept to pick suggestions from (a handful are named)."""

# ----------------------------------------------------------------------------- diagnosis

DIAGNOSIS_LEVEL = Level.COMMUNE
"""Footprints of the diagnosis (substitution risk, anchoring) are compared commune by commune."""

P2_WEIGHTS = MappingProxyType({"targets": 0.3, "partners": 0.3, "kinds": 0.4})
"""P2: the alliance targets SDGs; share of partners working on them; variety of kinds. Kinds weigh
most: the charter reads alliances as "l'ODD 17 en pratique", so an alliance of a single kind of
actor is at best partly there (score 0.6) however well it uses the SDGs."""

P2_SHARED_MIN = 0.5
"""P2: the frame must be *shared* (charter: "un cadre commun"): when fewer than half of the partners
work on the alliance's target SDGs, P2 is at best partly met (its score is capped at P2_GATED_MAX),
whatever the variety of kinds."""

P2_GATED_MAX = 0.6
"""P2's score when the frame is not shared: the score of a single-kind alliance that uses the SDGs
well, i.e. the top of "en partie"."""

KINDS_FULL = 3
"""P2: three different kinds of actors (e.g. association, entreprise, collectivité) make the
"kinds" part full; two make it half: ODD 17 in practice is a mix of profiles."""

P4_WEIGHTS = MappingProxyType({"distinct": 0.4, "alliances": 0.4, "actors": 0.2})
"""P4: partners not duplicating each other; no other live alliance covering the footprint; no
group of *similar* outside actors covering it: local (acting only inside the alliance's
territory), of a kind already among the members, and not public (PUBLIC_KINDS). The others working
on the same SDGs there (wider actors such as a département or a CAF, other profiles such as a
research team) are named as partners to connect with, without penalty: they are the ecosystem, not
duplicates. Terminated alliances are named as experience to build on, without penalty."""

P4_DOUBLED_MAX = 0.6
"""P4: when partners duplicate each other, or the alliance adds nothing to one partner's own
footprint, P4 is at best partly met (score capped at 0.6), however distinct the outside world is."""

SUBSTITUTION_MIN_SHARE = 0.6
"""P4: another alliance, or a group of local outside actors, that already occupies at least 60 %
of the alliance's footprint (clearly more than half) is a substitution risk."""

NEARBY_MIN_SHARE = 0.05
"""P4: other alliances occupying less than 5 % of the footprint are not mentioned (noise)."""

COVERING_GROUP_MAX = 5
"""P4: the group of similar outside actors covering the footprint is built greedily, at most 5."""

COVERING_EXAMINED = 20
"""P4: the group is picked among the 20 similar outside actors occupying the largest share of the
footprint."""

P6_WEIGHTS = MappingProxyType({"present": 0.6, "local": 0.4})
"""P6: share of partners present in the alliance's territory; at least one local partner (an
actor acting only inside that territory)."""

P7_EITHER = 0.75
"""P7 (design.md: "a local authority of that territory is a member, OR the alliance aligns with
policies covering its territory and SDGs"): one of the two scores 0.75 (met), both score 1.0,
neither 0. With no policy covering its territory and SDGs, the authority alone decides (0 or 1).
The relevant policies it does not align with are suggested in every case."""

PUBLIC_KINDS = frozenset({ActorKind.COLLECTIVITE, ActorKind.SERVICE_PUBLIC})
"""P4: outside actors of these kinds are never a duplication risk for an alliance: they carry the
public action an alliance articulates with (P7); they are named as partners instead."""

LOCAL_AUTHORITY_KINDS = frozenset({ActorKind.COLLECTIVITE})
"""P7: kinds that count as "the elected level" the charter asks alliances to articulate with."""

SILO_DIMENSIONS = ("biosphere", "society", "economy")
"""P5: the three domains of the charter (environmental, social, economic); SDG 17 (partnership)
is the alliance itself and does not count as a domain. 1 domain scores 0, 2 score 0.5, 3 score 1."""

SUGGESTIONS_SHOWN = 3
"""Concrete actors or policies named in one suggestion."""


# ----------------------------------------------------------------------------- graph metrics

METRICS_SEED = 42
"""Seed of the community detection (Louvain) and of sampled betweenness: same data, same answer."""

BETWEENNESS_EXACT_MAX = 2000
"""Exact betweenness up to 2,000 linked actors; above, it is estimated from BETWEENNESS_SAMPLES
seeded source nodes (networkx's k-sampling), which keeps the ranking of the big brokers."""

BETWEENNESS_SAMPLES = 500

BROKER_LEVEL = Level.DEPARTEMENT
"""Territories compared by the "broker between territories" metric: actors present in disjoint
sets of départements."""


def status_of(score: float | None) -> Status:
    """The status of a 0..1 score with MET and PARTLY; None means not assessable.

    >>> [str(status_of(s)) for s in (1.0, 0.75, 0.5, 0.1, None)]
    ['met', 'met', 'partly', 'not_met', 'not_assessable']
    """
    if score is None:
        return Status.NOT_ASSESSABLE
    if score >= MET - 1e-9:
        return Status.MET
    if score >= PARTLY - 1e-9:
        return Status.PARTLY
    return Status.NOT_MET


def lever_status_of(score: int | None) -> Status:
    """The status of a self-assessed lever from its latest 0..3 score.

    >>> [str(lever_status_of(s)) for s in (3, 2, 1, 0, None)]
    ['met', 'met', 'partly', 'not_met', 'not_assessable']
    """
    if score is None:
        return Status.NOT_ASSESSABLE
    if score >= LEVER_MET:
        return Status.MET
    if score >= LEVER_PARTLY:
        return Status.PARTLY
    return Status.NOT_MET
