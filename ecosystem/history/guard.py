"""The reload guard: replacing a dataset must not silently drop a large part of it.

A new version that would drop more than a fifth of the dataset's actors, or all of them (an empty
workbook loaded under an existing id), is refused until confirmed (`--force` in the CLI, a second
button in the app). The error says how many actors would go and names the first ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecosystem.access.errors import AccessError
from ecosystem.model import Dataset

SHARE = 0.2
"""More than this share of a dataset's actors dropped by a reload needs a confirmation."""
NAMED = 10
"""Actors named in the message; the count covers them all."""


@dataclass(frozen=True, slots=True)
class Drop:
    """What a reload would remove: the actors of the live version absent from the new one."""

    dataset: str
    before: int
    dropped: tuple[tuple[str, str], ...]  # (id, name), sorted by id

    @property
    def alarming(self) -> bool:
        n = len(self.dropped)
        return n > 0 and (n == self.before or n > SHARE * self.before)


class ReloadNeedsConfirmation(AccessError):
    """A reload would drop more than a fifth of a dataset's actors, or all of them."""

    def __init__(self, drop: Drop) -> None:
        self.drop = drop
        n, before = len(drop.dropped), drop.before
        names = ", ".join(name for _, name in drop.dropped[:NAMED]) + ("…" if n > NAMED else "")
        every_fr = "tous ses acteurs" if n == before else f"{n} de ses {before} acteurs"
        every_en = "all its actors" if n == before else f"{n} of its {before} actors"
        super().__init__(
            f"This new version of {drop.dataset} would remove {every_en} ({names}). Nothing was loaded; "
            "confirm to load it anyway (--force on the command line). The current version stays in the "
            "history.",
            f"Cette nouvelle version de {drop.dataset} retirerait {every_fr} ({names}). Rien n'a été "
            "importé ; confirmez pour l'importer quand même (--force en ligne de commande). La version "
            "actuelle reste dans l'historique.")


def drop_of(old: Dataset, new: Dataset) -> Drop:
    """The actors of `old` that `new` no longer has."""
    kept = {a.id for a in new.actors}
    dropped = tuple(sorted((a.id, a.name) for a in old.actors if a.id not in kept))
    return Drop(old.id, len(old.actors), dropped)


def check_reload(old: Dataset, new: Dataset, force: bool = False) -> Drop:
    """The drop of replacing `old` by `new`; raises ReloadNeedsConfirmation when alarming and not forced."""
    drop = drop_of(old, new)
    if drop.alarming and not force:
        raise ReloadNeedsConfirmation(drop)
    return drop
