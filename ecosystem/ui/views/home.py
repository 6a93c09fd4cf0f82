"""What the home page shows: the store in use, what is loaded, per kind and per dataset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ecosystem.store.base import Store

if TYPE_CHECKING:
    from ecosystem.ui.context import AppContext


@dataclass(frozen=True, slots=True)
class DatasetLine:
    id: str
    name: str
    source: str
    loaded_at: str
    actors: int
    policies: int
    alliances: int


@dataclass(frozen=True, slots=True)
class Summary:
    store_kind: str  # embedded or neo4j
    store_label: str
    actors: int
    actors_by_kind: tuple[tuple[str, int], ...]
    alliances: int
    policies: int
    memberships: int
    assessments: int
    territories_used: int
    datasets: tuple[DatasetLine, ...]


def summary(store: Store) -> Summary:
    info = store.describe()
    stats = store.stats()
    lines = tuple(DatasetLine(d.id, d.name, d.source, d.loaded_at, d.count("actors"), d.count("policies"),
                              d.count("alliances")) for d in stats.datasets)
    return Summary(info.kind, info.label, stats.actors, stats.actors_by_kind, stats.alliances, stats.policies,
                   stats.memberships, stats.assessments, stats.territories_used, lines)


def first_visit(ctx: AppContext) -> None:
    """Every shared answer Accueil asks on a visit (`ecosystem.ui.warmup` computes them at start): keep
    it in step with pages/home.py, which tests/test_warmup.py checks by counting cache misses."""
    from ecosystem.ui import charts
    from ecosystem.ui.context import pure, shared
    from ecosystem.ui.views.about import about, charter_levers

    s = ctx.q(summary)
    if s.datasets:
        shared(charts.kinds_bar, s.actors_by_kind, ctx.lang)
    ctx.q(about)
    pure(charter_levers)
