"""Rules both stores share, written once so that they cannot drift apart."""

from __future__ import annotations

from datetime import date

from ecosystem.model import Assessment, Dataset

AssessmentKey = tuple[str, str, date]


def assessment_key(s: Assessment) -> AssessmentKey:
    """What makes a self-assessment entry unique: a later entry with the same key replaces it."""
    return (s.alliance, s.lever, s.on)


def relationship_count(dataset: Dataset) -> int:
    """How many domain relationships a dataset brings, as `LoadReport.relationships` reports it.

    One relationship per distinct (source, type, target): an SDG both declared and inferred is one
    CONTRIBUTES_TO; one MEMBER_OF per membership; one ASSESSED per (alliance, lever, date) of the
    dataset's own assessments. Dataset bookkeeping and reference PART_OF are not counted.
    """
    own = {assessment_key(s) for s in dataset.assessments}
    count = len(own) + len({(m.actor, m.alliance) for m in dataset.memberships})
    for a in dataset.actors:  # the distinct targets each store writes, counted without building them
        count += len(set(a.territories)) + len(a.all_sdgs) + len(set(a.offers)) + len(set(a.needs))
    for p in dataset.policies:
        count += len(set(p.carriers)) + len(set(p.territories)) + len(set(p.sdgs))
    for al in dataset.alliances:
        count += len(set(al.territories)) + len(set(al.sdgs)) + len(set(al.policies))
    return count
