"""Coverage of a territory: who works on which SDG where, and the gaps public policy leaves open.

The matrix has one row per territory of the chosen level inside the territory (zero rows
included, so a commune where nothing happens shows as such), one column per SDG, and in each
cell how many actors, alliances and policies are present there and work on that SDG. The total
row is the territory itself, counted by the store at its own level: an actor present in two
communes counts once in the total, which summing the rows would not give.

A gap is a cell that a public policy addresses (it covers the territory and targets the SDG)
where no actor and no alliance works: the policy has no one to carry it on the ground there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ecosystem.analysis import render
from ecosystem.analysis import wording as w
from ecosystem.analysis.codes import Code
from ecosystem.finding import Finding, Ref
from ecosystem.model import SDG_NUMBERS, Level, Policy
from ecosystem.reference import reference
from ecosystem.reference.territories import LEVELS_FINE_TO_COARSE
from ecosystem.store.base import CoverageCell, Store


@dataclass(frozen=True, slots=True)
class Cell:
    actors: int = 0
    alliances: int = 0
    policies: int = 0

    @property
    def gap(self) -> bool:
        """A policy addresses it, no actor and no alliance works on it."""
        return self.policies > 0 and self.actors == 0 and self.alliances == 0


@dataclass(frozen=True, slots=True)
class CoverageRow:
    territory: str
    name: str
    cells: tuple[Cell, ...]  # 17 cells, SDG 1 first

    def cell(self, sdg: int) -> Cell:
        return self.cells[sdg - 1]

    @property
    def empty(self) -> bool:
        return not any(c.actors or c.alliances or c.policies for c in self.cells)


@dataclass(frozen=True, slots=True)
class Gap:
    territory: str
    territory_name: str
    sdg: int
    policies: tuple[str, ...]
    policy_names: tuple[str, ...]
    sentence: str
    findings: tuple[Finding, ...] = ()  # what `sentence` says, as data


@dataclass(frozen=True, slots=True)
class GapGroup:
    """Gaps of one SDG left by the same policies, over several territories: one line to read."""

    sdg: int
    policies: tuple[str, ...]
    policy_names: tuple[str, ...]
    territories: tuple[str, ...]  # most populated first
    sentence: str
    findings: tuple[Finding, ...] = ()  # what `sentence` says, as data


@dataclass(frozen=True, slots=True)
class Coverage:
    territory: str
    name: str
    level: Level
    total: CoverageRow
    rows: tuple[CoverageRow, ...]  # by name
    gaps: tuple[Gap, ...]  # most populated territory first, then SDG

    def gap_groups(self, lang: str = "fr") -> tuple[GapGroup, ...]:
        return group_gaps(self.gaps, lang)


# ----------------------------------------------------------------------------- pure


def default_level(territory_id: str) -> Level:
    """The next level down, for a drill-down: région -> département -> EPCI -> commune.

    >>> default_level("departement:26"), default_level("commune:26362")
    (<Level.EPCI: 'epci'>, <Level.COMMUNE: 'commune'>)
    """
    level = reference().hierarchy[territory_id].level
    return LEVELS_FINE_TO_COARSE[max(0, level.rank - 1)]


def check_level(territory_id: str, level: Level) -> Level:
    """The level, or ValueError when it is coarser than the territory (nothing to break down)."""
    own = reference().hierarchy[territory_id].level
    level = Level(level)
    if level.rank > own.rank:
        raise ValueError(f"level {level.value} is coarser than {territory_id}; use {own.value} or finer")
    return level


def matrix_rows(territory_ids: Iterable[str], cells: Iterable[CoverageCell]) -> tuple[CoverageRow, ...]:
    """Rows for these territories, zero-filled where the store reported nothing, sorted by name.

    >>> rows = matrix_rows(["commune:26108", "commune:26362"], [CoverageCell("commune:26362", 13, 2, 1, 0)])
    >>> [(r.name, r.cell(13).actors, r.empty) for r in rows]
    [('Crest', 0, True), ('Valence', 2, False)]
    """
    counts: dict[str, dict[int, Cell]] = {}
    for c in cells:
        counts.setdefault(c.territory, {})[c.sdg] = Cell(c.actors, c.alliances, c.policies)
    rows = []
    for tid in set(territory_ids):
        found = counts.get(tid, {})
        rows.append(CoverageRow(tid, w.territory_name(tid), tuple(found.get(s, Cell()) for s in SDG_NUMBERS)))
    return tuple(sorted(rows, key=lambda r: (r.name, r.territory)))


def find_gaps(rows: Sequence[CoverageRow], policies: Iterable[Policy], level: Level,
              lang: str = "fr") -> tuple[Gap, ...]:
    """The gap cells of these rows, each with the policies that address it there."""
    h = reference().hierarchy
    where = {p.id: h.presence(p.territories, level) for p in policies}
    by_id = {p.id: p for p in policies}
    gaps = []
    for row in rows:
        for sdg in SDG_NUMBERS:
            if not row.cell(sdg).gap:
                continue
            concerned = sorted((p for p in by_id.values() if sdg in p.sdgs and row.territory in where[p.id]),
                               key=lambda p: (p.name, p.id))
            why = Finding(Code.GAP, tuple(Ref(p.id, p.name) for p in concerned), places=(row.territory,),
                          sdgs=(sdg,))
            gaps.append(Gap(row.territory, row.name, sdg, tuple(p.id for p in concerned),
                            tuple(p.name for p in concerned), render.sentence([why], lang), (why,)))
    order = {tid: i for i, tid in enumerate(w.by_importance(g.territory for g in gaps))}
    return tuple(sorted(gaps, key=lambda g: (order[g.territory], g.sdg)))


def gap_sentence(territory_id: str, sdg: int, policy_names: Sequence[str], lang: str) -> str:
    """One sentence for one gap.

    >>> print(gap_sentence("commune:26108", 13, ["PCAET Val de Drôme"], "fr"))
    À Crest, le PCAET Val de Drôme vise l'ODD 13 (Mesures relatives à la lutte contre les changements \
climatiques) mais aucun acteur ni alliance n'y travaille.
    """
    why = Finding(Code.GAP, tuple(Ref("", n) for n in policy_names), places=(territory_id,), sdgs=(sdg,))
    return render.sentence([why], lang)


def group_gaps(gaps: Iterable[Gap], lang: str = "fr") -> tuple[GapGroup, ...]:
    """Gaps grouped by (SDG, policies): "le PCAET X vise l'ODD 7 ... à Valence et 53 autres communes".

    Largest groups first, then by SDG.
    """
    groups: dict[tuple[int, tuple[str, ...]], list[Gap]] = {}
    for gap in gaps:
        groups.setdefault((gap.sdg, gap.policies), []).append(gap)
    result = []
    for (sdg, policies), members in groups.items():
        places = w.by_importance(g.territory for g in members)
        names = members[0].policy_names
        why = Finding(Code.GAP_GROUP, tuple(Ref(i, n) for i, n in zip(policies, names, strict=True)),
                      places=places, sdgs=(sdg,))
        result.append(GapGroup(sdg, policies, names, places, render.sentence([why], lang), (why,)))
    return tuple(sorted(result, key=lambda g: (-len(g.territories), g.sdg, g.policies)))


# ----------------------------------------------------------------------------- store query


def coverage(store: Store, territory_id: str, level: Level | None = None, lang: str = "fr") -> Coverage:
    """The SDG x territory matrix of a territory at a finer level (default: the next one down),
    its total row, and its gaps with the policies concerned."""
    w.check_lang(lang)
    h = reference().hierarchy
    own = h[territory_id].level
    level = default_level(territory_id) if level is None else check_level(territory_id, level)
    rows = matrix_rows(h.project(territory_id, level), store.coverage(territory_id, level))
    total = matrix_rows([territory_id], store.coverage(territory_id, own))[0]
    policies = store.policies(store.policies_in([territory_id]))
    gaps = find_gaps(rows, policies, level, lang)
    return Coverage(territory_id, h[territory_id].name, level, total, rows, gaps)
