"""The French territorial hierarchy and the presence rules built on it.

Semantics (design.md, section 1): an actor acting in a territory is present in every territory
inside it and counts toward every territory above it. EPCI can straddle départements, so the
hierarchy is a DAG and everything rolls up through communes: the territories of level L where
something acting in `t` is present are the L-territories holding at least one commune of `t`:

    project(t, L) = { ancestor_L(c) for c in communes(t) }      (ancestor_commune(c) = c)

Two territories "intersect" when they share a commune. This one rule serves presence, overlaps,
coverage and the Neo4j WITHIN relationship, so both stores agree by construction.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ecosystem.model import Level, Territory
from ecosystem.text import normalize
from ecosystem.vocabulary import LEVELS

LEVELS_FINE_TO_COARSE = (Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION, Level.PAYS)
LEVEL_NAMES_FR = {level: term.fr for level, term in LEVELS.items()}
_NAME_WITH_DEPT = re.compile(r"^(?P<name>.+?)\s*\((?P<dept>[0-9][0-9AB][0-9]?)\)$")


@dataclass(frozen=True, slots=True)
class Resolution:
    """Outcome of resolving what a person typed: exactly one id, or why not."""

    text: str
    territory_id: str | None
    candidates: tuple[Territory, ...] = ()

    @property
    def ok(self) -> bool:
        return self.territory_id is not None

    def explain(self) -> str:
        """Why it did not resolve, in the words of a validation message."""
        if self.candidates:
            listed = "; ".join(f"{t.name} ({t.id})" for t in self.candidates[:8])
            more = f" and {len(self.candidates) - 8} more" if len(self.candidates) > 8 else ""
            return f"is ambiguous: it names {listed}{more}; write the code instead"
        return "is not a known commune, EPCI, département or région"


class Hierarchy:
    """Territories by id, name resolution, and the commune-based projection between levels."""

    def __init__(self, territories: Iterable[Territory], aliases: dict[str, str], sirens: dict[str, str]):
        self.by_id: dict[str, Territory] = {t.id: t for t in territories}
        self.aliases = aliases  # old / arrondissement codes -> commune id
        self.sirens = sirens  # commune SIREN -> commune id
        self.by_level: dict[Level, tuple[Territory, ...]] = {
            level: tuple(t for t in self.by_id.values() if t.level == level) for level in Level
        }
        communes = self.by_level[Level.COMMUNE]
        self.commune_ids: tuple[str, ...] = tuple(t.id for t in communes)
        self._commune_pos = {tid: i for i, tid in enumerate(self.commune_ids)}
        # ancestor of each commune at each level (commune itself for COMMUNE; None when it has none)
        self._ancestor: dict[Level, list[str | None]] = {level: [] for level in Level}
        for t in communes:
            epci = next((p for p in t.parents if p.startswith("epci:")), None)
            dept = next(p for p in t.parents if p.startswith("departement:"))
            region = self.by_id[dept].parents[0]
            self._ancestor[Level.COMMUNE].append(t.id)
            self._ancestor[Level.EPCI].append(epci)
            self._ancestor[Level.DEPARTEMENT].append(dept)
            self._ancestor[Level.REGION].append(region)
            self._ancestor[Level.PAYS].append("pays:FR")
        members: dict[str, list[int]] = defaultdict(list)
        for level in (Level.EPCI, Level.DEPARTEMENT, Level.REGION, Level.PAYS):
            for pos, anc in enumerate(self._ancestor[level]):
                if anc is not None:
                    members[anc].append(pos)
        self._communes_of: dict[str, np.ndarray] = {
            tid: np.asarray(pos, dtype=np.int32) for tid, pos in members.items()
        }
        self._by_name: dict[str, list[str]] = defaultdict(list)
        for t in self.by_id.values():
            self._by_name[normalize(t.name)].append(t.id)

    # ------------------------------------------------------------------ lookups

    def __contains__(self, tid: object) -> bool:
        return tid in self.by_id

    def __getitem__(self, tid: str) -> Territory:
        return self.by_id[tid]

    def __len__(self) -> int:
        return len(self.by_id)

    def __iter__(self) -> Iterator[Territory]:
        return iter(self.by_id.values())

    def get(self, tid: str) -> Territory | None:
        return self.by_id.get(tid)

    # ------------------------------------------------------------------ structure

    def communes(self, tid: str) -> np.ndarray:
        """Positions (into `commune_ids`) of the communes inside `tid`."""
        pos = self._commune_pos.get(tid)
        if pos is not None:
            return np.asarray([pos], dtype=np.int32)
        return self._communes_of.get(tid, np.empty(0, dtype=np.int32))

    def commune_count(self, tid: str) -> int:
        return len(self.communes(tid))

    @lru_cache(maxsize=65536)  # noqa: B019 - the hierarchy lives as long as the process
    def project(self, tid: str, level: Level) -> frozenset[str]:
        """The level-`level` territories where something acting in `tid` is present.

        >>> from ecosystem.reference import reference
        >>> h = reference().hierarchy
        >>> sorted(h.project("commune:26362", Level.DEPARTEMENT))
        ['departement:26']
        >>> len(h.project("departement:26", Level.COMMUNE)) == h.commune_count("departement:26")
        True
        """
        level = Level(level)
        ancestors = self._ancestor[level]
        return frozenset(a for a in (ancestors[p] for p in self.communes(tid).tolist()) if a is not None)

    def presence(self, territory_ids: Iterable[str], level: Level) -> frozenset[str]:
        """Union of `project` over several territories: P_L of an actor (design.md, section 3).

        Most actors have one territory: its cached projection is returned as it is, not copied (a
        nationwide actor's communes are 35,000 strings, and diagnoses ask for hundreds of them)."""
        if isinstance(territory_ids, tuple | list) and len(territory_ids) == 1:
            return self.project(territory_ids[0], level)
        result: set[str] = set()
        for tid in territory_ids:
            result |= self.project(tid, level)
        return frozenset(result)

    def within(self, tid: str) -> tuple[str, ...]:
        """Coarser territories sharing a commune with `tid` (Neo4j's WITHIN relationships)."""
        level = self.by_id[tid].level
        found: list[str] = []
        for coarser in LEVELS_FINE_TO_COARSE[level.rank + 1:]:
            found.extend(sorted(self.project(tid, coarser)))
        return tuple(found)

    def intersects(self, a: str, b: str) -> bool:
        """Do `a` and `b` share at least one commune?"""
        ca, cb = self.communes(a), self.communes(b)
        return bool(len(np.intersect1d(ca, cb, assume_unique=True)))

    def children(self, tid: str) -> tuple[str, ...]:
        """Next level down for drill-down: région -> départements -> EPCI -> communes."""
        level = self.by_id[tid].level
        if level == Level.COMMUNE:
            return ()
        finer = LEVELS_FINE_TO_COARSE[level.rank - 1]
        kids = self.project(tid, finer)
        if finer == Level.EPCI:  # communes outside any EPCI still need a way down
            orphans = [self.commune_ids[p] for p in self.communes(tid).tolist()
                       if self._ancestor[Level.EPCI][p] is None]
            kids = kids | frozenset(orphans)
        return tuple(sorted(kids, key=lambda k: (self.by_id[k].level.rank * -1, self.by_id[k].name, k)))

    def ancestor(self, commune_id: str, level: Level) -> str | None:
        return self._ancestor[Level(level)][self._commune_pos[commune_id]]

    # ------------------------------------------------------------------ resolution

    def resolve(self, text: str) -> Resolution:
        """Turn a code, an id or an unambiguous name into a territory id.

        Accepted: `commune:26362`, `26362` (INSEE), `75112` (arrondissement -> Paris), `200068781`
        (EPCI SIREN), `212603627` (commune SIREN), `26` (département), `region:84`, `FR`, a name
        ("Crest", "Drôme"), or a name with its département ("Saint-Paul (974)").
        """
        raw = text.strip()
        if not raw:
            return Resolution(text, None)
        if raw in self.by_id:
            return Resolution(text, raw)
        code = raw.upper() if len(raw) <= 5 else raw
        if code in ("FR", "FRANCE"):
            return Resolution(text, "pays:FR")
        if raw.isdigit() or (len(code) == 5 and code[:2] in ("2A", "2B")):
            for candidate in self._code_candidates(code):
                if candidate in self.by_id:
                    return Resolution(text, candidate)
            if code in self.aliases:
                return Resolution(text, self.aliases[code])
            if code in self.sirens:
                return Resolution(text, self.sirens[code])
            return Resolution(text, None)
        if code in ("2A", "2B"):
            return Resolution(text, f"departement:{code}")
        return self._resolve_name(text, raw)

    @staticmethod
    def _code_candidates(code: str) -> tuple[str, ...]:
        if len(code) == 5:
            return (f"commune:{code}",)
        if len(code) == 9:
            return (f"epci:{code}",)
        if len(code) in (1, 2, 3):
            return (f"departement:{code.zfill(2)}",)
        return ()

    def _resolve_name(self, text: str, raw: str) -> Resolution:
        dept = None
        match = _NAME_WITH_DEPT.match(raw)
        if match:
            raw, dept = match["name"], match["dept"].upper()
        ids = self._by_name.get(normalize(raw), [])
        if dept is not None:
            ids = [i for i in ids if self.by_id[i].level == Level.COMMUNE
                   and self.ancestor(i, Level.DEPARTEMENT) == f"departement:{dept}"]
        if len(ids) == 1:
            return Resolution(text, ids[0])
        candidates = tuple(sorted((self.by_id[i] for i in ids), key=lambda t: (-t.level.rank, t.id)))
        return Resolution(text, None, candidates)

    def search(self, text: str, limit: int = 20, levels: Iterable[Level] | None = None) -> list[Territory]:
        """Territories whose name starts with or contains `text`, biggest first within each group."""
        query = normalize(text)
        wanted = set(levels) if levels is not None else set(Level)
        if not query:
            return []
        resolved = self.resolve(text)
        exact = [self.by_id[resolved.territory_id]] if resolved.ok else []
        equal, prefix, inner = [], [], []
        for t in self.by_id.values():
            if t.level not in wanted:
                continue
            name = normalize(t.name)
            if name == query:
                equal.append(t)
            elif name.startswith(query):
                prefix.append(t)
            elif query in name:
                inner.append(t)

        def order(t: Territory) -> tuple:
            return (-t.population, t.id)

        seen: set[str] = set()
        result: list[Territory] = []
        for t in [*exact, *sorted(equal, key=order), *sorted(prefix, key=order), *sorted(inner, key=order)]:
            if t.id not in seen and t.level in wanted:
                seen.add(t.id)
                result.append(t)
        return result[:limit]

    def label(self, tid: str) -> str:
        """'Crest (commune 26108)', 'Drôme (département 26)'."""
        t = self.by_id.get(tid)
        if t is None:
            return tid
        return f"{t.name} ({LEVEL_NAMES_FR[t.level]} {t.code})"


def _data_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            if not line.startswith("#"):
                yield line


def load_hierarchy(territories_csv: Path, aliases_csv: Path) -> Hierarchy:
    territories: list[Territory] = []
    sirens: dict[str, str] = {}
    for row in csv.DictReader(_data_lines(territories_csv)):
        parents = tuple(p for p in row["parents"].split(";") if p)
        territories.append(Territory(id=row["id"], level=Level(row["level"]), code=row["code"],
                                     name=row["name"], population=int(row["population"]), parents=parents))
        if row["level"] == "commune" and row["siren"]:
            sirens[row["siren"]] = row["id"]
    aliases = {row["code"]: row["territory"] for row in csv.DictReader(_data_lines(aliases_csv))}
    return Hierarchy(territories, aliases, sirens)
