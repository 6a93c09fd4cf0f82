"""Rules both stores share, written once so that they cannot drift apart."""

from __future__ import annotations

from datetime import date

from ecosystem.errors import ConflictError
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
        count += _distinct(a.territories) + len(a.all_sdgs) + _distinct(a.offers) + _distinct(a.needs)
    for p in dataset.policies:
        count += _distinct(p.carriers) + _distinct(p.territories) + _distinct(p.sdgs)
    for al in dataset.alliances:
        count += _distinct(al.territories) + _distinct(al.sdgs) + _distinct(al.policies)
    return count


def _distinct(values: tuple) -> int:
    """len(set(values)), without the set for the usual zero or one value (a third of a 100,000-actor
    re-import's report was making sets of one territory)."""
    return len(values) if len(values) < 2 else len(set(values))


class LoadOvertaken(ConflictError):
    """Another load of the same dataset went live while this one ran: this one is not applied.

    Both stores record the version a load starts from and compare it at their switch. Replacing the
    other load's version instead would throw away a change nobody has seen (and its place in the
    kept versions); refusing keeps it live, and the person who loaded second decides."""

    def __init__(self, dataset_id: str) -> None:
        super().__init__(
            f"Another load of dataset {dataset_id!r} finished while this one ran, and its version is live "
            "now: this load was not applied, so as not to replace a version nobody has seen. Look at the "
            "live version (`ecosystem stats`, or the Données page), then load your file again if it "
            "should replace it.",
            f"Un autre chargement du jeu « {dataset_id} » s'est terminé pendant celui-ci, et sa version est "
            "en service : ce chargement n'a pas été appliqué, pour ne pas remplacer une version que "
            "personne n'a vue. Regardez la version en service (« ecosystem stats », ou la page Données), "
            "puis rechargez votre fichier s'il doit la remplacer.")
        self.dataset_id = dataset_id
