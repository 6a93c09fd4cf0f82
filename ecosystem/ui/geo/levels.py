"""Which shapes a geographic map draws: the levels below a territory, and the way back up.

The map goes down one level per click, France → région → département → EPCI → commune, and a
breadcrumb climbs back. Communes are drawn for a département or finer only: a région holds up to
5,000 communes, too many shapes to read (and to draw in under two seconds).
"""

from __future__ import annotations

from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.reference.territories import LEVELS_FINE_TO_COARSE

FRANCE = "pays:FR"
COMMUNES_FROM = Level.DEPARTEMENT
"""The coarsest territory whose communes can be drawn."""


def drawable_levels(tid: str) -> tuple[Level, ...]:
    """The levels whose shapes can fill the map of `tid`, the next one down first.

    >>> [lv.value for lv in drawable_levels("pays:FR")]
    ['region', 'departement', 'epci']
    >>> [lv.value for lv in drawable_levels("departement:26")]
    ['epci', 'commune']
    >>> [lv.value for lv in drawable_levels("commune:26362")]
    ['commune']
    """
    level = reference().hierarchy[tid].level
    if level is Level.COMMUNE:
        return (Level.COMMUNE,)
    finer = [LEVELS_FINE_TO_COARSE[r] for r in range(level.rank - 1, -1, -1)]
    if level.rank > COMMUNES_FROM.rank:
        finer.remove(Level.COMMUNE)
    return tuple(finer)


def down_level(tid: str) -> Level:
    """The level a click on a territory of `tid`'s map opens: the next one down.

    >>> down_level("departement:26").value, down_level("epci:200068781").value
    ('epci', 'commune')
    """
    return drawable_levels(tid)[0]


def can_open(current: str, clicked: str) -> bool:
    """Whether a click on `clicked` (a shape or a point of the map of `current`) goes down a level.

    >>> can_open("departement:26", "epci:200068781"), can_open("commune:26362", "commune:26362")
    (True, False)
    """
    h = reference().hierarchy
    return clicked in h and clicked != current and h[clicked].level.rank < h[current].level.rank


def target(current: str, level: Level, clicked: str) -> str | None:
    """The territory a click opens: what was clicked, brought up to the shapes drawn, when it is finer.

    A circle sits on a commune; on the map of France by département a click on it opens its
    département (one level down), not the commune four levels down. None: the click opens nothing.

    >>> target("pays:FR", Level.DEPARTEMENT, "commune:26362")
    'departement:26'
    >>> target("departement:26", Level.COMMUNE, "commune:26362")
    'commune:26362'
    >>> target("commune:26362", Level.COMMUNE, "commune:26362") is None
    True
    """
    h = reference().hierarchy
    if clicked not in h:
        return None
    if h[clicked].level.rank < Level(level).rank:
        above = sorted(h.project(clicked, level))
        if not above:
            return None
        clicked = above[0]
    return clicked if can_open(current, clicked) else None


def trail(tid: str) -> tuple[str, ...]:
    """France, then the coarser territories holding `tid` that are one each, then `tid`.

    An EPCI straddling two départements has no single département: the trail skips it.

    >>> trail("commune:26362")
    ('pays:FR', 'region:84', 'departement:26', 'epci:200068781', 'commune:26362')
    >>> trail("pays:FR")
    ('pays:FR',)
    """
    h = reference().hierarchy
    own = h[tid].level
    chain = [FRANCE]
    for level in (Level.REGION, Level.DEPARTEMENT, Level.EPCI):
        if level.rank <= own.rank:
            continue
        above = h.project(tid, level)
        if len(above) == 1:
            chain.append(next(iter(above)))
    if tid != FRANCE:
        chain.append(tid)
    return tuple(chain)
