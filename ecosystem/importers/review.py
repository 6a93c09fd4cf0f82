"""A person confirms or rejects an inferred SDG: pure functions, and the store helper the UI calls.

An inferred link ("this association probably works on SDG 15, from its RNA code 024026") is a
suggestion. Confirming it makes it declared (moved to `Actor.sdgs`); rejecting it records the SDG in
`Actor.rejected_sdgs`, so that no later re-import infers it again. Both survive re-imports
(`ecosystem.importers.merge.carry_over`). The Données and actor pages of the app call
`review_sdgs(store, ...)`, which saves the change by loading the modified dataset as one unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from ecosystem.errors import NotFound
from ecosystem.model import SDG_NUMBERS, Actor, Dataset
from ecosystem.store.base import Store


class Decision(StrEnum):
    CONFIRM = "confirm"
    REJECT = "reject"


def _check(number: int) -> None:
    if number not in SDG_NUMBERS:
        raise ValueError(f"SDG number must be 1..17, got {number}")


def confirm_sdg(actor: Actor, number: int) -> Actor:
    """The actor with SDG `number` declared: out of the inferred and rejected lists, into `sdgs`.

    Idempotent; confirming an SDG that was not inferred simply declares it.

    >>> from ecosystem.model import ActorKind, InferredSdg
    >>> a = Actor("w1", "Asso", ActorKind.ASSOCIATION, ("commune:26362",),
    ...           inferred_sdgs=(InferredSdg(15, "rna:024026", 0.5),))
    >>> b = confirm_sdg(a, 15)
    >>> b.sdgs, b.inferred_sdgs
    ((15,), ())
    """
    _check(number)
    return replace(
        actor,
        sdgs=tuple(sorted({*actor.sdgs, number})),
        inferred_sdgs=tuple(s for s in actor.inferred_sdgs if s.number != number),
        rejected_sdgs=tuple(n for n in actor.rejected_sdgs if n != number),
    )


def reject_sdg(actor: Actor, number: int) -> Actor:
    """The actor with SDG `number` rejected: removed from the inferred (and declared) links, and
    remembered in `rejected_sdgs` so that re-imports never infer it again. Idempotent.

    >>> from ecosystem.model import ActorKind, InferredSdg
    >>> a = Actor("w1", "Asso", ActorKind.ASSOCIATION, ("commune:26362",),
    ...           inferred_sdgs=(InferredSdg(15, "rna:024026", 0.5),))
    >>> b = reject_sdg(a, 15)
    >>> b.rejected_sdgs, b.inferred_sdgs, b.all_sdgs
    ((15,), (), ())
    """
    _check(number)
    return replace(
        actor,
        sdgs=tuple(n for n in actor.sdgs if n != number),
        inferred_sdgs=tuple(s for s in actor.inferred_sdgs if s.number != number),
        rejected_sdgs=tuple(sorted({*actor.rejected_sdgs, number})),
    )


_APPLY = {Decision.CONFIRM: confirm_sdg, Decision.REJECT: reject_sdg}


@dataclass(frozen=True, slots=True)
class SdgReview:
    """One decision of a person about one actor's SDG."""

    actor: str
    number: int
    decision: Decision


def apply_reviews(dataset: Dataset, reviews: Iterable[SdgReview]) -> Dataset:
    """`dataset` with the decisions applied to its actors (pure). NotFound for an actor not in it."""
    by_id = {a.id: a for a in dataset.actors}
    for review in reviews:
        actor = by_id.get(review.actor)
        if actor is None:
            raise NotFound("actor", review.actor)
        by_id[review.actor] = _APPLY[Decision(review.decision)](actor, review.number)
    return replace(dataset, actors=tuple(by_id[a.id] for a in dataset.actors))


def owner_of(store: Store, actor_id: str) -> str:
    """Id of the dataset holding `actor_id`. Looks first in datasets of the actor's register
    (`Actor.source`), then in the others; NotFound when no dataset holds it."""
    found = store.actors([actor_id])
    if not found:
        raise NotFound("actor", actor_id)
    source = found[0].source
    infos = sorted(store.datasets(), key=lambda d: (d.source != source, d.id))
    for info in infos:
        if any(a.id == actor_id for a in store.dataset(info.id).actors):
            return info.id
    raise NotFound("actor", actor_id)


def review_sdgs(store: Store, reviews: Sequence[SdgReview], dataset_id: str | None = None) -> list[Actor]:
    """Apply decisions and save them: each dataset concerned is read (`store.dataset`), changed, and
    loaded again (`store.load`, one unit per dataset). Returns the changed actors, sorted by id.

    `dataset_id` says where the actors are when the caller knows it (the UI usually does); otherwise
    each actor's dataset is looked up, which reads datasets until it is found.
    """
    grouped: dict[str, list[SdgReview]] = defaultdict(list)
    for review in reviews:
        grouped[dataset_id or owner_of(store, review.actor)].append(review)
    changed: dict[str, Actor] = {}
    for did, items in grouped.items():
        updated = apply_reviews(store.dataset(did), items)
        store.load(updated)
        wanted = {r.actor for r in items}
        changed.update({a.id: a for a in updated.actors if a.id in wanted})
    return [changed[i] for i in sorted(changed)]


def review_sdg(store: Store, actor_id: str, number: int, decision: Decision | str,
               dataset_id: str | None = None) -> Actor:
    """Confirm or reject one inferred SDG of one actor and save it; returns the actor as saved."""
    return review_sdgs(store, [SdgReview(actor_id, number, Decision(decision))], dataset_id)[0]
