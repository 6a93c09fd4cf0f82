"""What if an alliance brought in, or let go of, some partners? Its diagnosis, without writing.

`whatif(store, alliance, add, remove)` diagnoses the alliance twice: as it is, and with the member
list changed. The second diagnosis runs the very same code (`facts.gather`, `diagnosis_from`) on a
read-only view of the store (`MembersView`) whose only difference is that alliance's memberships;
nothing is written, on either store, and everything else (co-presence, complements, policies,
self-assessments) is asked of the real store. So a what-if can never disagree with the diagnosis
the alliance would get once the change is applied (a test checks it on both stores).

The comparison is data (`Change`, one per principle, with status and score before and after); the
pages colour it and the sentences come from each diagnosis's own findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from ecosystem.analysis import wording as w
from ecosystem.analysis.diagnosis import Diagnosis, diagnosis_from
from ecosystem.analysis.facts import gather
from ecosystem.analysis.lookup import find_alliance
from ecosystem.analysis.thresholds import Status
from ecosystem.model import Alliance, MemberRole, Membership
from ecosystem.store.base import Store

RANK = {Status.NOT_ASSESSABLE: 0, Status.NOT_MET: 1, Status.PARTLY: 2, Status.MET: 3}
"""Statuses from worst to best, to say whether a change is a gain or a loss."""


class MembersView:
    """`store`, read-only, as if `alliance` had exactly `members`: every call but `memberships` goes
    to the store itself (the view has no write method: writing through it fails loudly)."""

    def __init__(self, store: Store, alliance: str, members: Sequence[Membership]) -> None:
        self._store = store
        self._alliance = alliance
        self._members = sorted(members, key=lambda m: m.actor)

    def __getattr__(self, name: str) -> Any:
        if name in ("load", "remove_dataset", "record_assessments", "record_audit"):
            raise AttributeError(f"a what-if view does not write ({name})")
        return getattr(self._store, name)

    def memberships(self, alliance_ids: Iterable[str] | None = None,
                    actor_ids: Iterable[str] | None = None) -> list[Membership]:
        alliances = set(alliance_ids) if alliance_ids is not None else None
        actors = set(actor_ids) if actor_ids is not None else None
        found = [m for m in self._store.memberships(alliance_ids=alliances, actor_ids=actors)
                 if m.alliance != self._alliance]
        if alliances is None or self._alliance in alliances:
            found += [m for m in self._members if actors is None or m.actor in actors]
        return sorted(found, key=lambda m: (m.alliance, m.actor))


@dataclass(frozen=True, slots=True)
class Change:
    """One principle, before and after."""

    lever: str
    number: int
    name: str
    before: Status
    after: Status
    score_before: float | None
    score_after: float | None

    @property
    def direction(self) -> int:
        """+1 when the status got better, -1 worse, 0 unchanged."""
        d = RANK[self.after] - RANK[self.before]
        return (d > 0) - (d < 0)

    @property
    def moved(self) -> bool:
        """The status or the score changed (by more than rounding)."""
        a, b = self.score_before, self.score_after
        return self.before != self.after or (a is None) != (b is None) or (
            a is not None and b is not None and abs(a - b) > 1e-9)


@dataclass(frozen=True, slots=True)
class WhatIf:
    alliance: str
    added: tuple[str, ...]  # actor ids
    removed: tuple[str, ...]
    members: tuple[Membership, ...]  # the member list tried
    before: Diagnosis
    after: Diagnosis
    changes: tuple[Change, ...]  # the 7 principles, P1 first

    @property
    def gained(self) -> int:
        return sum(1 for c in self.changes if c.direction > 0)

    @property
    def lost(self) -> int:
        return sum(1 for c in self.changes if c.direction < 0)


def tried_members(current: Sequence[Membership], alliance: str, add: Iterable[str] = (),
                  remove: Iterable[str] = ()) -> tuple[Membership, ...]:
    """The member list with `remove` gone and `add` in (as partners; a member added twice once).

    >>> m = [Membership("x", "a"), Membership("x", "b", MemberRole.PILOTE)]
    >>> [(t.actor, t.role.value) for t in tried_members(m, "x", add=["c", "a"], remove=["a"])]
    [('b', 'pilote'), ('c', 'partenaire')]
    """
    gone = set(remove)
    kept = [m for m in current if m.actor not in gone]
    have = {m.actor for m in kept}
    for actor in add:
        if actor not in have and actor not in gone:
            kept.append(Membership(alliance, actor, MemberRole.PARTENAIRE))
            have.add(actor)
    return tuple(sorted(kept, key=lambda m: m.actor))


def changes(before: Diagnosis, after: Diagnosis) -> tuple[Change, ...]:
    """Principle by principle, status and score before and after."""
    return tuple(Change(b.lever, b.number, b.name, b.status, a.status, b.score, a.score)
                 for b, a in zip(before.principles, after.principles, strict=True))


def diagnose_with(store: Store, alliance: Alliance, members: Sequence[Membership],
                  lang: str = "fr") -> Diagnosis:
    """The diagnosis `alliance` would get with exactly `members` (nothing written)."""
    view = cast(Store, MembersView(store, alliance.id, members))
    return diagnosis_from(gather(view, alliance), lang)


def whatif(store: Store, alliance: Alliance | str, add: Iterable[str] = (), remove: Iterable[str] = (),
           lang: str = "fr", before: Diagnosis | None = None) -> WhatIf:
    """The alliance's diagnosis as it is (`before`, when the caller has it already) and with the
    partners `add` in and `remove` out. Unknown actor ids are skipped (the store does not know them)."""
    w.check_lang(lang)
    if isinstance(alliance, str):
        alliance = find_alliance(store, alliance)
    add, remove = tuple(add), tuple(remove)
    current = store.memberships(alliance_ids=[alliance.id])
    known = {a.id for a in store.actors(add)}
    add = tuple(a for a in add if a in known)
    members = tried_members(current, alliance.id, add, remove)
    if before is None:
        before = diagnosis_from(gather(store, alliance), lang)
    after = diagnose_with(store, alliance, members, lang)
    have = {m.actor for m in current}
    return WhatIf(alliance.id, tuple(a for a in add if a not in have), tuple(r for r in remove if r in have),
                  members, before, after, changes(before, after))
