"""What changed between two versions of a dataset: who appeared, who left, whose SDGs or
territories changed, which gaps opened or closed, per territory.

Two versions of one dataset (from `history/`, or two imports of a register: January's RNA and
June's, each import being a version) are compared record by record, by id. Everything is computed
as data (`Evolution`, and `findings()` for the sentences, written by `evolution_text`); nothing
here reads a store, so the CLI (`ecosystem diff`) and the page give the same answer.

Definitions (docs/analyses.md, "Evolution"):
- *appeared*: an actor of the new version whose id the old one does not have;
- *left*: an actor of the old version that the new one no longer has (removed, or not in the
  register any more), or that became inactive (dissolved);
- *SDGs changed*: an actor in both whose SDGs (declared and inferred, `Actor.all_sdgs`) differ;
  *territories changed* likewise with its territories;
- per territory: each actor is counted in the territories of `level` where it is present
  (`Hierarchy.presence`, the one presence rule); a *gap* is an (territory, SDG) pair that no active
  actor of the dataset works on; it *opened* when some did before and none does now, it *closed*
  the other way round. Only territories where the dataset is present in either version count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ecosystem.finding import Finding, Ref
from ecosystem.model import Actor, Dataset, Level
from ecosystem.reference import reference


class EvolutionCode:
    """The findings of an evolution (rendered by `analysis.evolution_text`)."""

    SUMMARY = "evolution.summary"  # counts: appeared, left, sdgs, territories; labels: (from, to)
    TERRITORY = "evolution.territory"  # places: (territory,); parts: the findings below
    APPEARED = "evolution.appeared"  # refs
    LEFT = "evolution.left"  # refs (gone), others (became inactive)
    SDGS = "evolution.sdgs"  # refs
    PLACES = "evolution.places"  # refs
    GAPS_OPENED = "evolution.gaps-opened"  # sdgs
    GAPS_CLOSED = "evolution.gaps-closed"  # sdgs
    NOTHING = "evolution.nothing"


@dataclass(frozen=True, slots=True)
class ActorChange:
    """An actor present in both versions whose SDGs or territories changed."""

    id: str
    name: str
    sdgs_before: tuple[int, ...]
    sdgs_after: tuple[int, ...]
    territories_before: tuple[str, ...]
    territories_after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TerritoryEvolution:
    territory: str
    appeared: tuple[str, ...]  # actor ids
    left: tuple[str, ...]
    sdgs_changed: tuple[str, ...]
    territories_changed: tuple[str, ...]
    gaps_opened: tuple[int, ...]
    gaps_closed: tuple[int, ...]

    @property
    def empty(self) -> bool:
        return not (self.appeared or self.left or self.sdgs_changed or self.territories_changed
                    or self.gaps_opened or self.gaps_closed)


@dataclass(frozen=True, slots=True)
class Evolution:
    dataset: str
    before: str  # what was compared: "version 3", "live", a file name
    after: str
    level: Level
    appeared: tuple[Ref, ...]  # by name
    left: tuple[Ref, ...]  # gone from the dataset, by name
    dissolved: tuple[Ref, ...]  # still there but inactive now, by name
    sdgs_changed: tuple[ActorChange, ...]
    territories_changed: tuple[ActorChange, ...]
    territories: tuple[TerritoryEvolution, ...]  # those with a change, most populated first

    @property
    def unchanged(self) -> bool:
        return not (self.appeared or self.left or self.dissolved or self.sdgs_changed
                    or self.territories_changed or self.territories)

    def as_dict(self) -> dict[str, object]:
        """Plain values for `--json`."""
        def actors(refs: Iterable[Ref]) -> list[dict[str, str]]:
            return [{"id": r.id, "name": r.name, "kind": r.kind} for r in refs]

        def changed(items: Iterable[ActorChange]) -> list[dict[str, object]]:
            return [{"id": c.id, "name": c.name, "sdgs_before": list(c.sdgs_before),
                     "sdgs_after": list(c.sdgs_after), "territories_before": list(c.territories_before),
                     "territories_after": list(c.territories_after)} for c in items]

        return {"dataset": self.dataset, "from": self.before, "to": self.after, "level": self.level.value,
                "appeared": actors(self.appeared), "left": actors(self.left),
                "dissolved": actors(self.dissolved), "sdgs_changed": changed(self.sdgs_changed),
                "territories_changed": changed(self.territories_changed),
                "territories": [{"territory": t.territory, "appeared": list(t.appeared), "left": list(t.left),
                                 "sdgs_changed": list(t.sdgs_changed),
                                 "territories_changed": list(t.territories_changed),
                                 "gaps_opened": list(t.gaps_opened), "gaps_closed": list(t.gaps_closed)}
                                for t in self.territories]}


def _ref(actor: Actor) -> Ref:
    return Ref(actor.id, actor.name, actor.kind.value)


def _by_name(actors: Iterable[Actor]) -> tuple[Ref, ...]:
    return tuple(_ref(a) for a in sorted(actors, key=lambda a: (a.name.casefold(), a.id)))


def _cells(actors: Iterable[Actor], level: Level) -> dict[str, set[int]]:
    """Territory of `level` -> SDGs some active actor present there works on."""
    h = reference().hierarchy
    cells: dict[str, set[int]] = defaultdict(set)
    for a in actors:
        if a.active:
            for t in h.presence(a.territories, level):
                cells[t].update(a.all_sdgs)
    return cells


def compare(old: Dataset, new: Dataset, before: str = "", after: str = "",
            level: Level = Level.EPCI) -> Evolution:
    """The evolution from `old` to `new` (see the module docstring for the definitions)."""
    level = Level(level)
    h = reference().hierarchy
    was = {a.id: a for a in old.actors}
    now = {a.id: a for a in new.actors}
    appeared = [a for i, a in now.items() if i not in was]
    gone = [a for i, a in was.items() if i not in now]
    dissolved = [now[i] for i, a in was.items() if i in now and a.active and not now[i].active]
    sdgs, places = [], []
    for i, a in was.items():
        b = now.get(i)
        if b is None:
            continue
        change = ActorChange(i, b.name, tuple(sorted(set(a.all_sdgs))), tuple(sorted(set(b.all_sdgs))),
                             tuple(sorted(a.territories)), tuple(sorted(b.territories)))
        if change.sdgs_before != change.sdgs_after:
            sdgs.append(change)
        if change.territories_before != change.territories_after:
            places.append(change)

    def where(actor: Actor | None) -> frozenset[str]:
        return h.presence(actor.territories, level) if actor is not None else frozenset()

    per: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in appeared:
        for t in where(a):
            per[t]["appeared"].add(a.id)
    for a in [*gone, *dissolved]:
        for t in where(was[a.id]):
            per[t]["left"].add(a.id)
    for c in sdgs:
        for t in where(now[c.id]) | where(was[c.id]):
            per[t]["sdgs"].add(c.id)
    for c in places:
        for t in where(now[c.id]) ^ where(was[c.id]) or where(now[c.id]):
            per[t]["places"].add(c.id)
    cells_before, cells_after = _cells(was.values(), level), _cells(now.values(), level)
    opened = {t: cells_before[t] - cells_after.get(t, set()) for t in cells_before}
    closed = {t: cells_after[t] - cells_before.get(t, set()) for t in cells_after}
    territories = set(per) | {t for t, s in opened.items() if s} | {t for t, s in closed.items() if s}

    def population(tid: str) -> tuple[int, str]:
        t = h.get(tid)
        return (-(t.population if t else 0), tid)

    rows = tuple(TerritoryEvolution(
        t, tuple(sorted(per[t]["appeared"])), tuple(sorted(per[t]["left"])), tuple(sorted(per[t]["sdgs"])),
        tuple(sorted(per[t]["places"])), tuple(sorted(opened.get(t, ()))), tuple(sorted(closed.get(t, ()))))
        for t in sorted(territories, key=population))
    name_key = lambda c: (c.name.casefold(), c.id)  # noqa: E731
    return Evolution(new.id or old.id, before, after, level, _by_name(appeared), _by_name(gone),
                     _by_name(dissolved), tuple(sorted(sdgs, key=name_key)),
                     tuple(sorted(places, key=name_key)),
                     tuple(r for r in rows if not r.empty))


def findings(evolution: Evolution) -> list[Finding]:
    """The evolution as findings: a summary, then one per territory (for `evolution_text`)."""
    e = evolution
    summary = Finding(EvolutionCode.SUMMARY, labels=(e.before, e.after), counts=(
        ("appeared", len(e.appeared)), ("left", len(e.left) + len(e.dissolved)),
        ("sdgs", len(e.sdgs_changed)), ("territories", len(e.territories_changed))))
    if e.unchanged:
        return [summary, Finding(EvolutionCode.NOTHING)]
    names = {r.id: r for r in (*e.appeared, *e.left, *e.dissolved)}
    names.update({c.id: Ref(c.id, c.name) for c in (*e.sdgs_changed, *e.territories_changed)})

    def refs(ids: Iterable[str]) -> tuple[Ref, ...]:
        return tuple(sorted((names[i] for i in ids if i in names), key=lambda r: (r.name.casefold(), r.id)))

    found = [summary]
    for t in e.territories:
        parts = []
        if t.appeared:
            parts.append(Finding(EvolutionCode.APPEARED, refs(t.appeared), count=len(t.appeared)))
        if t.left:
            parts.append(Finding(EvolutionCode.LEFT, refs(t.left), count=len(t.left)))
        if t.sdgs_changed:
            parts.append(Finding(EvolutionCode.SDGS, refs(t.sdgs_changed), count=len(t.sdgs_changed)))
        if t.territories_changed:
            parts.append(Finding(EvolutionCode.PLACES, refs(t.territories_changed),
                                 count=len(t.territories_changed)))
        if t.gaps_opened:
            parts.append(Finding(EvolutionCode.GAPS_OPENED, sdgs=t.gaps_opened))
        if t.gaps_closed:
            parts.append(Finding(EvolutionCode.GAPS_CLOSED, sdgs=t.gaps_closed))
        found.append(Finding(EvolutionCode.TERRITORY, places=(t.territory,), parts=tuple(parts)))
    return found
