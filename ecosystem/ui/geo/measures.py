"""What colours each shape: a number per territory, computed from what the store answers.

Four measures, all counted with the project's one presence rule (an actor acting in the Drôme is
present in each of its EPCI and communes):

- `actors`: active actors present, of the chosen kinds and working on one of the chosen SDGs;
- `alliances`: alliances anchored there (targeting one of the chosen SDGs);
- `coverage`: how many of the chosen SDGs (all 17 when none is chosen) someone works on there,
  an actor or an alliance: with one SDG chosen, the map of that SDG's coverage;
- `gaps`: how many of those SDGs a public policy addresses there while nobody works on them
  (`analysis.coverage`'s gap), so the map shows where policies have no one to carry them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from ecosystem.analysis.coverage import Cell
from ecosystem.model import SDG_NUMBERS, Level
from ecosystem.reference import reference
from ecosystem.store.base import CoverageCell

MEASURES = ("actors", "alliances", "coverage", "gaps")


def count_present(territories: Mapping[str, Iterable[str]], shapes: Iterable[str],
                  level: Level) -> dict[str, int]:
    """For each shape, how many items (actors, alliances: id -> the territories they act in) are
    present in it, 0 included: the presence rule, `Hierarchy.project`, restricted to the shapes drawn.

    Projecting each territory and intersecting with the shapes at once keeps the cost with the map: a
    national actor is present in 35,000 communes, of which a département's map draws a few hundred
    (the store's `presence` would build the 35,000 first).

    >>> count_present({"a": ["commune:26362"], "b": ["departement:26"]},
    ...               ["commune:26362", "commune:26108", "commune:16392"], Level.COMMUNE)
    {'commune:26362': 2, 'commune:26108': 1, 'commune:16392': 0}
    """
    h = reference().hierarchy
    wanted = frozenset(shapes)
    counts: Counter[str] = Counter()
    seen: dict[tuple[str, ...], frozenset[str]] = {}
    for places in territories.values():
        key = tuple(places)
        if key not in seen:
            seen[key] = frozenset().union(*(wanted & h.project(t, level) for t in key if t in h))
        counts.update(seen[key])
    return {s: counts.get(s, 0) for s in shapes}


def _cells(cells: Iterable[CoverageCell], sdgs: Iterable[int]) -> dict[str, dict[int, Cell]]:
    wanted = set(sdgs) or set(SDG_NUMBERS)
    found: dict[str, dict[int, Cell]] = {}
    for c in cells:
        if c.sdg in wanted:
            found.setdefault(c.territory, {})[c.sdg] = Cell(c.actors, c.alliances, c.policies)
    return found


def covered_sdgs(cells: Iterable[CoverageCell], sdgs: Iterable[int], shapes: Iterable[str]) -> dict[str, int]:
    """For each shape, how many of `sdgs` (all when empty) an actor or an alliance works on there.

    >>> cells = [CoverageCell("x", 2, 1, 0, 0), CoverageCell("x", 3, 0, 0, 1), CoverageCell("y", 2, 0, 1, 0)]
    >>> covered_sdgs(cells, (), ["x", "y", "z"]), covered_sdgs(cells, (3,), ["x"])
    ({'x': 1, 'y': 1, 'z': 0}, {'x': 0})
    """
    found = _cells(cells, sdgs)
    return {s: sum(1 for c in found.get(s, {}).values() if c.actors or c.alliances) for s in shapes}


def gap_sdgs(cells: Iterable[CoverageCell], sdgs: Iterable[int], shapes: Iterable[str]) -> dict[str, int]:
    """For each shape, how many of `sdgs` (all when empty) a policy addresses with nobody on them.

    >>> cells = [CoverageCell("x", 2, 1, 0, 0), CoverageCell("x", 3, 0, 0, 1), CoverageCell("x", 4, 0, 0, 2)]
    >>> gap_sdgs(cells, (), ["x", "y"]), gap_sdgs(cells, (2, 3), ["x"])
    ({'x': 2, 'y': 0}, {'x': 1})
    """
    found = _cells(cells, sdgs)
    return {s: sum(1 for c in found.get(s, {}).values() if c.gap) for s in shapes}
