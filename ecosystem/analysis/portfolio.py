"""The portfolio of a territory: all its alliances side by side, one row each, one column per
principle measured on the graph, with each alliance's weakest principle named.

A catalyst (a département's SDG mission, a foundation) looks at many alliances at once: which one
needs help first, and on what. Each row is the same judgement as the diagnosis (the measured
principles of `principles.MEASURED` on the facts `facts.gather` collects), so a portfolio never
disagrees with an alliance's own diagnosis; the self-assessed levers are left out (they say what
partners think, not what the data shows, and are shown in the diagnosis).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ecosystem.analysis import wording as w
from ecosystem.analysis.facts import gather
from ecosystem.analysis.principles import MEASURED
from ecosystem.analysis.thresholds import Status
from ecosystem.store.base import Store
from ecosystem.text import normalize

PRINCIPLES = tuple(MEASURED)
"""The columns: principe-2, principe-4, principe-5, principe-6, principe-7."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One principle of one alliance."""

    lever: str
    status: Status
    score: float | None


@dataclass(frozen=True, slots=True)
class PortfolioRow:
    alliance: str
    name: str
    alliance_status: str  # projet, active, terminee
    cells: tuple[Cell, ...]  # in PRINCIPLES order
    weakest: str | None  # the lever of the lowest partly or not met score (lowest number on ties)
    weakest_name: str  # its name in the language asked for ("" when none)

    def score(self, lever: str) -> float | None:
        return next(c.score for c in self.cells if c.lever == lever)


@dataclass(frozen=True, slots=True)
class Portfolio:
    territory: str
    principles: tuple[str, ...]
    rows: tuple[PortfolioRow, ...]


def weakest(cells: tuple[Cell, ...]) -> str | None:
    """The principle to work on first: the lowest score among those partly or not met.

    >>> weakest((Cell("principe-2", Status.MET, 1.0), Cell("principe-4", Status.PARTLY, 0.6),
    ...          Cell("principe-6", Status.PARTLY, 0.6)))
    'principe-4'
    >>> weakest((Cell("principe-2", Status.MET, 1.0),)) is None
    True
    """
    weak = [c for c in cells if c.status in (Status.NOT_MET, Status.PARTLY) and c.score is not None]
    return min(weak, key=lambda c: (c.score, PRINCIPLES.index(c.lever))).lever if weak else None


def sort_key(lever: str | None) -> Callable[[PortfolioRow], tuple[Any, ...]]:
    """Rows by name as a reader sorts them (« Énergies » between « Emploi » and « pour »), or by one
    principle's score, weakest first (not assessable last)."""
    if lever is None:
        return lambda r: (normalize(r.name), r.alliance)
    return lambda r: (r.score(lever) is None, r.score(lever) or 0.0, normalize(r.name), r.alliance)


def portfolio(store: Store, territory_id: str, lang: str = "fr", sort: str | None = None) -> Portfolio:
    """The alliances anchored in (or meeting) a territory, judged on the measured principles."""
    w.check_lang(lang)
    if sort is not None and sort not in PRINCIPLES:
        raise ValueError(f"sort must be one of {', '.join(PRINCIPLES)}")
    rows = []
    for alliance in store.alliances(store.alliances_in([territory_id])):
        facts = gather(store, alliance)
        verdicts = [MEASURED[lever](facts, lang) for lever in PRINCIPLES]
        cells = tuple(Cell(v.lever, v.status, v.score) for v in verdicts)
        weak = weakest(cells)
        rows.append(PortfolioRow(alliance.id, alliance.name, alliance.status.value, cells, weak,
                                 w.lever_name(weak, lang) if weak else ""))
    return Portfolio(territory_id, PRINCIPLES, tuple(sorted(rows, key=sort_key(sort))))
