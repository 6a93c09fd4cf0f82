"""Re-import is an update: merging the previous version of an import dataset with fresh records.

Pure functions. What a register says (name, purpose, commune, activity, inferred SDGs) is refreshed;
what people entered (declared SDGs `Actor.sdgs`, rejected ones `Actor.rejected_sdgs`, the means an
actor offers and needs) is never touched; inferred SDGs are recomputed minus declared minus rejected.
Actors the register no longer lists as active are kept and marked inactive (`active=False`), so that
nothing a person attached to them is lost. User datasets are separate datasets and never pass here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace

from ecosystem.importers.inference import without
from ecosystem.model import Actor
from ecosystem.reference.territories import Hierarchy


@dataclass(frozen=True, slots=True)
class MergeCounts:
    added: int = 0
    updated: int = 0  # changed by the register (includes reactivated)
    reactivated: int = 0  # inactive before, active again
    unchanged: int = 0
    inactivated: int = 0  # active before, now dissolved, closed or gone from the register
    kept: int = 0  # present in the file but unreadable this time: previous version kept as is
    dropped: int = 0  # now represented by another actor (one-actor rule) or on a vanished territory

    @property
    def active(self) -> int:
        """Actors the register lists as active in this import."""
        return self.added + self.updated + self.unchanged


def carry_over(previous: Actor, fresh: Actor) -> Actor:
    """`fresh` (as the register says it now) with what people entered on `previous`.

    Identifiers the register does not give (a SIRET recorded from SIRENE on an RNA association) are
    kept, so that re-importing one register does not undo the link made by the other.
    """
    return replace(
        fresh,
        sdgs=previous.sdgs,
        rejected_sdgs=previous.rejected_sdgs,
        offers=previous.offers,
        needs=previous.needs,
        inferred_sdgs=without(fresh.inferred_sdgs, previous.sdgs, previous.rejected_sdgs),
        siret=fresh.siret or previous.siret,
        siren=fresh.siren or previous.siren,
        rna=fresh.rna or previous.rna,
    )


def merge_actors(previous: Iterable[Actor], fresh: Iterable[Actor], keep: Set[str] = frozenset(),
                 drop: Set[str] = frozenset()) -> tuple[tuple[Actor, ...], MergeCounts]:
    """The new actor list of an import dataset (sorted by id) and what changed.

    previous: the actors of the dataset as loaded (empty on a first import).
    fresh: the actors read from the register now (active ones only).
    keep: ids present in the register files but unreadable this time (bad commune code, malformed
        line): their previous version is kept unchanged rather than marked inactive.
    drop: ids to remove outright because another actor now represents them (one-actor rule).
    """
    before = {a.id: a for a in previous}
    now: dict[str, Actor] = {}
    added = updated = reactivated = unchanged = inactivated = kept = dropped = 0
    for actor in fresh:
        old = before.get(actor.id)
        if old is None:
            now[actor.id] = actor
            added += 1
            continue
        merged = carry_over(old, actor)
        now[actor.id] = merged
        if merged == old:
            unchanged += 1
        else:
            updated += 1
            reactivated += not old.active
    for actor_id, old in before.items():
        if actor_id in now:
            continue
        if actor_id in drop:
            dropped += 1
        elif actor_id in keep or not old.active:
            now[actor_id] = old
            kept += actor_id in keep
        else:
            now[actor_id] = replace(old, active=False)
            inactivated += 1
    counts = MergeCounts(added, updated, reactivated, unchanged, inactivated, kept, dropped)
    return tuple(now[i] for i in sorted(now)), counts


def rehome(actors: Sequence[Actor], hierarchy: Hierarchy) -> tuple[tuple[Actor, ...], int]:
    """Actors whose territories all exist in the shipped hierarchy, and how many were dropped.

    Kept actors may point to a commune that has since merged into a new one (the hierarchy is updated
    with the project): the old code is followed through the aliases table; an actor whose territory
    cannot be found at all is dropped (the store would refuse the whole dataset otherwise).
    """
    result: list[Actor] = []
    lost = 0
    for actor in actors:
        if all(t in hierarchy for t in actor.territories):
            result.append(actor)
            continue
        moved = tuple(dict.fromkeys(t if t in hierarchy else hierarchy.aliases.get(t.partition(":")[2], "")
                                    for t in actor.territories))
        if all(moved):
            result.append(replace(actor, territories=moved))
        else:
            lost += 1
    return tuple(result), lost
