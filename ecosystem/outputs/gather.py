"""What a report or a map export needs from the store, asked once, as plain values.

The drawing modules never see the store: the CLI and the app call these, then hand the values over.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ecosystem.analysis.diagnosis import Diagnosis, diagnose
from ecosystem.model import Alliance, Level, MemberRole
from ecosystem.store.base import Store

ROLE_ORDER = (MemberRole.PILOTE, MemberRole.FINANCEUR, MemberRole.PARTENAIRE, MemberRole.BENEFICIAIRE)
"""Members as the Alliances page lists them: who steers first, then who funds, partners, beneficiaries."""


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    kind: str  # ActorKind value
    role: str  # MemberRole value


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything the one-page diagnosis shows, already computed in the report's language."""

    alliance: Alliance
    members: tuple[Member, ...]  # by role, then name
    diagnosis: Diagnosis
    made_on: date


def report_input(store: Store, alliance: Alliance, lang: str, made_on: date | None = None) -> ReportInput:
    """The alliance's members and diagnosis, as the Alliances page shows them."""
    memberships = store.memberships(alliance_ids=[alliance.id])
    actors = {a.id: a for a in store.actors([m.actor for m in memberships])}
    rank = {role: i for i, role in enumerate(ROLE_ORDER)}
    members = sorted((Member(actors[m.actor].name, actors[m.actor].kind.value, m.role.value)
                      for m in memberships if m.actor in actors),
                     key=lambda m: (rank.get(MemberRole(m.role), 9), m.name.casefold(), m.name))
    return ReportInput(alliance, tuple(members), diagnose(store, alliance, lang), made_on or date.today())


def actors_by_territory(store: Store, territory: str, level: Level) -> dict[str, int]:
    """How many active actors of `territory` are present in each of its territories at `level` (the
    presence rule of the whole app: an actor of a département counts in each of its communes)."""
    ids = store.actors_in([territory])
    counts: Counter[str] = Counter()
    for places in store.presence(ids, level).values():
        counts.update(places)
    return dict(counts)


def sdg_coverage(store: Store, territory: str, level: Level, sdg: int) -> dict[str, int]:
    """How many active actors work on one SDG in each territory of `territory` at `level`."""
    return {cell.territory: cell.actors for cell in store.coverage(territory, level) if cell.sdg == sdg}
