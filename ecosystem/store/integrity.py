"""What the embedded store refuses before it changes anything.

The dataset readers validate user files and explain problems line by line; the store still checks
the records it is given, because a bad record in a graph (an edge to a territory that does not exist,
a membership of an alliance that is not there) silently corrupts every later answer. Pure functions:
they read the dataset, the reference data and who owns which id, and raise or return nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from ecosystem.errors import DatasetInvalid, IdsTaken, Problem, Taken
from ecosystem.model import Dataset, LeverFamily
from ecosystem.reference import Reference

Owner = Callable[[str, str], str | None]
"""owner(kind, id) -> id of the dataset holding that actor / policy / alliance, or None."""


_PLURAL_FR = {"actors": "acteurs", "policies": "politiques", "alliances": "alliances"}


def check_dataset(dataset: Dataset, ref: Reference) -> None:
    """Raise DatasetInvalid listing every record that refers to something unknown or is repeated."""
    problems: list[Problem] = []
    problems += _duplicates("actors", [a.id for a in dataset.actors])
    problems += _duplicates("policies", [p.id for p in dataset.policies])
    problems += _duplicates("alliances", [a.id for a in dataset.alliances])
    problems += _duplicates("memberships", [f"{m.alliance} / {m.actor}" for m in dataset.memberships])
    problems += _duplicates("assessments",
                            [f"{s.alliance} / {s.lever} / {s.on}" for s in dataset.assessments])

    hierarchy, levers = ref.hierarchy, {lv.id: lv for lv in ref.levers}
    actors = {a.id for a in dataset.actors}
    policies = {p.id for p in dataset.policies}
    alliances = {a.id for a in dataset.alliances}

    def territories(where: str, row: int, ids: Iterable[str]) -> None:
        problems.extend(Problem(where, row, "territories", t, "is not a known territory id",
                                "n'est pas un identifiant de territoire connu")
                        for t in ids if t not in hierarchy)

    def refs(where: str, row: int, column: str, ids: Iterable[str], known: set[str], what: str) -> None:
        problems.extend(Problem(where, row, column, i, f"is not one of the dataset's {what}",
                                f"ne fait pas partie des {_PLURAL_FR[what]} du jeu de données")
                        for i in ids if i not in known)

    for row, actor in enumerate(dataset.actors, 1):
        territories("actors", row, actor.territories)
        for column, ids in (("offers", actor.offers), ("needs", actor.needs)):
            problems.extend(Problem("actors", row, column, i, "is not one of the charter's means (moyen-...)",
                                    "n'est pas l'un des moyens de la charte (moyen-...)")
                            for i in ids if i not in levers or levers[i].family != LeverFamily.MOYEN)
    for row, policy in enumerate(dataset.policies, 1):
        territories("policies", row, policy.territories)
        refs("policies", row, "carriers", policy.carriers, actors, "actors")
    for row, alliance in enumerate(dataset.alliances, 1):
        territories("alliances", row, alliance.territories)
        refs("alliances", row, "policies", alliance.policies, policies, "policies")
    for row, m in enumerate(dataset.memberships, 1):
        refs("memberships", row, "alliance", [m.alliance], alliances, "alliances")
        refs("memberships", row, "actor", [m.actor], actors, "actors")
    for row, s in enumerate(dataset.assessments, 1):
        refs("assessments", row, "alliance", [s.alliance], alliances, "alliances")
        if s.lever not in levers:
            problems.append(Problem("assessments", row, "lever", s.lever,
                                    "is not one of the charter's 21 levers",
                                    "n'est pas l'un des 21 leviers de la charte"))
    if problems:
        raise DatasetInvalid(problems, source=dataset.id)


def _duplicates(where: str, keys: list[str]) -> list[Problem]:
    return [Problem(where, None, None, key, f"appears {n} times; each must appear once",
                    f"apparaît {n} fois ; gardez-en une seule")
            for key, n in Counter(keys).items() if n > 1]


def check_ownership(dataset: Dataset, owner: Owner) -> None:
    """Raise IdsTaken (a ConflictError) when an id of `dataset` already belongs to another dataset."""
    taken: list[Taken] = []
    for kind, ids in (("actor", [a.id for a in dataset.actors]), ("policy", [p.id for p in dataset.policies]),
                      ("alliance", [a.id for a in dataset.alliances])):
        for record_id in ids:
            holder = owner(kind, record_id)
            if holder is not None and holder != dataset.id:
                taken.append(Taken(kind, record_id, holder))
    if taken:
        raise IdsTaken(dataset.id, taken)
