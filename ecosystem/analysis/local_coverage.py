"""Coverage at fine levels, told truthfully: who acts in a commune or an EPCI, and who is only
counted there because it acts in a wider territory.

Presence rolls down (architecture.md): an actor of the whole Drôme is present in each of its 363
communes, so the coverage rows of the communes of one EPCI looked nearly identical, made of the
same département-wide actors. Here an actor is *local* to a territory `r` of level `L` when one of
the territories it declares is of level `L` or finer and lies in `r` (a commune actor for a
commune; a commune or EPCI actor for an EPCI); the others are counted there *through a wider
territory* (EPCI for a commune, département, région, France). The Territoires page shows both
figures and can count local actors only.

Also here, as findings: a territory no policy covers (its gaps cannot be computed, which is not
"no gap"), and an EPCI straddling départements (which of its communes a département-wide actor
reaches).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ecosystem.analysis import render
from ecosystem.analysis.codes import Code
from ecosystem.analysis.coverage import Cell, Coverage, CoverageRow
from ecosystem.finding import Finding
from ecosystem.model import SDG_NUMBERS, Actor, Level
from ecosystem.reference import reference
from ecosystem.store.base import Store

SPLIT_LEVELS = frozenset({Level.COMMUNE, Level.EPCI})
"""Territories whose coverage is split into local and wider actors (above, everyone is "wider"
only for national actors, and the split says little)."""


@dataclass(frozen=True, slots=True)
class LocalSplit:
    """How many of the actors present in a territory act there, and how many through a wider one."""

    territory: str
    local: int
    wider: int
    finding: Finding
    sentence: str


def local_rows(actor: Actor, level: Level) -> frozenset[str]:
    """The level-`level` territories where `actor` acts locally: projections of its declared
    territories of that level or finer.

    >>> from ecosystem.model import ActorKind
    >>> a = Actor("a", "A", ActorKind.ASSOCIATION, ("commune:26362", "departement:26"))
    >>> sorted(local_rows(a, Level.COMMUNE)), sorted(local_rows(a, Level.EPCI))
    (['commune:26362'], ['epci:200068781'])
    """
    h = reference().hierarchy
    level = Level(level)
    found: set[str] = set()
    for tid in actor.territories:
        territory = h.get(tid)
        if territory is not None and territory.level.rank <= level.rank:
            found |= h.project(tid, level)
    return frozenset(found)


def present_actors(store: Store, territory_id: str) -> list[Actor]:
    return store.actors(store.actors_in([territory_id]))


def local_split(store: Store, territory_id: str, lang: str = "fr") -> LocalSplit:
    """The actors present in the territory: acting there, or counted through a wider territory."""
    h = reference().hierarchy
    own = h[territory_id].level
    actors = present_actors(store, territory_id)
    local = sum(1 for a in actors if territory_id in local_rows(a, own))
    finding = Finding(Code.LOCAL_SPLIT, places=(territory_id,), count=local, total=len(actors))
    return LocalSplit(territory_id, local, len(actors) - local, finding, render.sentence([finding], lang))


def local_only(store: Store, cov: Coverage) -> Coverage:
    """The same coverage with only local actors counted in each row and in the total (alliances,
    policies and the gaps, which are about anyone at work, are kept as they were)."""
    actors = present_actors(store, cov.territory)
    own = reference().hierarchy[cov.territory].level
    counts = _count(actors, cov.level)
    total = _count(actors, own)
    return replace(cov, total=_recount(cov.total, total), rows=tuple(_recount(r, counts) for r in cov.rows))


def _count(actors: Iterable[Actor], level: Level) -> dict[tuple[str, int], int]:
    counts: dict[tuple[str, int], int] = {}
    for actor in actors:
        for row in local_rows(actor, level):
            for sdg in actor.all_sdgs:
                counts[row, sdg] = counts.get((row, sdg), 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class LocalCell(Cell):
    """A cell counting local actors only; `wider` keeps the others, so that a cell where only wider
    actors work is not shown as a gap (somebody does work on it there)."""

    wider: int = 0

    @property
    def gap(self) -> bool:
        return self.policies > 0 and self.actors == 0 and self.wider == 0 and self.alliances == 0


def _recount(row: CoverageRow, counts: dict[tuple[str, int], int]) -> CoverageRow:
    cells = []
    for sdg, c in zip(SDG_NUMBERS, row.cells, strict=True):
        local = min(counts.get((row.territory, sdg), 0), c.actors)
        cells.append(LocalCell(local, c.alliances, c.policies, wider=c.actors - local))
    return replace(row, cells=tuple(cells))


def no_policy(cov: Coverage) -> Finding | None:
    """A finding when no policy covering the territory targets any SDG: gaps cannot be computed."""
    if any(c.policies for c in cov.total.cells):
        return None
    return Finding(Code.NO_POLICY_NO_GAPS, places=(cov.territory,))


def straddles(territory_id: str) -> Finding | None:
    """A finding when an EPCI lies in several départements: its communes by département, the most
    communes first, so a reader knows which part a département-wide actor reaches."""
    h = reference().hierarchy
    if h[territory_id].level != Level.EPCI:
        return None
    by_dep: dict[str, int] = {}
    for commune in h.project(territory_id, Level.COMMUNE):
        dep = h.ancestor(commune, Level.DEPARTEMENT)
        if dep is not None:
            by_dep[dep] = by_dep.get(dep, 0) + 1
    if len(by_dep) < 2:
        return None
    ordered = tuple(sorted(by_dep.items(), key=lambda kv: (-kv[1], kv[0])))
    return Finding(Code.EPCI_STRADDLES, places=(territory_id,), counts=ordered)


def notes(cov: Coverage, lang: str) -> tuple[str, ...]:
    """The sentences the Territoires page adds above its gaps: straddling, then missing policies."""
    found = [f for f in (straddles(cov.territory), no_policy(cov)) if f is not None]
    return render.sentences(found, lang)
