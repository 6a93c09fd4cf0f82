"""What the geographic map asks the store: the measure per shape and where the actors act.

The only module of the map that reads the store; it answers with plain values (`GeoScene`), from
which the figure is built without further questions, so the builder is tested on data alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecosystem.model import ActorKind, Level
from ecosystem.store.base import Store
from ecosystem.ui.geo import measures
from ecosystem.ui.geo.levels import FRANCE, drawable_levels


@dataclass(frozen=True, slots=True)
class GeoSelection:
    """What the page's controls chose; also the key of the cached answer."""

    territory: str = FRANCE
    level: Level | None = None  # the shapes drawn; None: the next level down
    measure: str = "actors"
    sdgs: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    points: bool = True

    def shape_level(self) -> Level:
        levels = drawable_levels(self.territory)
        return Level(self.level) if self.level in levels else levels[0]


@dataclass(frozen=True, slots=True)
class GeoScene:
    values: dict[str, int]  # shape id -> the measure
    actors: dict[str, tuple[str, ...]]  # actor id -> its territories (for the points), when asked
    actor_count: int  # actors kept by the filters on the map


def ask_geo(store: Store, sel: GeoSelection, shape_ids: tuple[str, ...]) -> GeoScene:
    """The measure of each shape of `sel` and, when points are shown, the actors' territories."""
    level = sel.shape_level()
    scope = [] if sel.territory == FRANCE else [sel.territory]
    kinds = [ActorKind(k) for k in sel.kinds] or None
    actor_ids = store.actors_in(scope, kinds, sorted(sel.sdgs) or None)
    actors = {a.id: a.territories for a in store.actors(actor_ids)}
    if sel.measure == "actors":
        values = measures.count_present(actors, shape_ids, level)
    elif sel.measure == "alliances":
        alliances = store.alliances(store.alliances_in(scope)) if scope else store.alliances()
        wanted = set(sel.sdgs)
        anchored = {a.id: a.territories for a in alliances if not wanted or wanted & set(a.sdgs)}
        values = measures.count_present(anchored, shape_ids, level)
    elif sel.measure == "coverage":
        values = measures.covered_sdgs(store.coverage(sel.territory, level), sel.sdgs, shape_ids)
    elif sel.measure == "gaps":
        values = measures.gap_sdgs(store.coverage(sel.territory, level), sel.sdgs, shape_ids)
    else:
        raise ValueError(f"unknown measure {sel.measure!r}: one of {', '.join(measures.MEASURES)}")
    return GeoScene(values, actors if sel.points else {}, len(actor_ids))
