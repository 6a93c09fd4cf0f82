"""A territory's label that tells homonyms apart: « Valence (Drôme, 26) », not « Valence (commune) ».

France has 35,000 communes and many share a name (three Valence, a dozen Saint-Martin): a label
that only says "commune" leaves a reader picking at random, and the wrong Valence shows an empty
map. Every picker, breadcrumb and map label of the app calls `territory_label`, so the rule is
written once:

- a commune names its département and the département's code: « Valence (Drôme, 26) »;
- an EPCI says it is an EPCI and names the département(s) holding its communes, the one with most
  communes first: « CA Valence Romans Agglo (EPCI, Drôme, 26) », « CC X (EPCI, Ain, 01 ; Jura, 39) »;
- départements and régions have no homonyms: they keep their level, « Drôme (département) »;
- France is « France ».
"""

from __future__ import annotations

from functools import lru_cache

from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.vocabulary import level as level_term

DEPARTEMENTS_NAMED = 3
"""An EPCI straddling more départements names the first ones, then "…" (none straddles more than 3 today)."""


def departements_of(tid: str) -> tuple[str, ...]:
    """The départements holding the territory's communes, the one holding most communes first.

    >>> departements_of("commune:26362")
    ('departement:26',)
    """
    h = reference().hierarchy
    found = h.project(tid, Level.DEPARTEMENT)
    counts = {d: len(h.project(d, Level.COMMUNE) & h.project(tid, Level.COMMUNE)) for d in found}
    return tuple(sorted(found, key=lambda d: (-counts[d], d)))


def _departement_text(dept_id: str) -> str:
    dept = reference().hierarchy[dept_id]
    return f"{dept.name}, {dept.code}"


@lru_cache(maxsize=8192)
def territory_label(tid: str, lang: str = "fr") -> str:
    """The label of a territory in pickers and on maps; an unknown id is returned as is.

    >>> territory_label("commune:26362"), territory_label("commune:16392")
    ('Valence (Drôme, 26)', 'Valence (Charente, 16)')
    >>> territory_label("epci:200068781")
    'CA Valence Romans Agglo (EPCI, Drôme, 26)'
    >>> territory_label("departement:26", "en"), territory_label("pays:FR", "en")
    ('Drôme (département)', 'France')
    """
    territory = reference().hierarchy.get(tid)
    if territory is None:
        return tid
    if territory.level is Level.PAYS:
        return territory.name
    if territory.level in (Level.COMMUNE, Level.EPCI):
        depts = departements_of(tid)
        where = " ; ".join(_departement_text(d) for d in depts[:DEPARTEMENTS_NAMED])
        if len(depts) > DEPARTEMENTS_NAMED:
            where += " ; …"
        if territory.level is Level.EPCI:
            where = f"{level_term(Level.EPCI).label(lang)}, {where}"
        return f"{territory.name} ({where})"
    return f"{territory.name} ({level_term(territory.level).label(lang)})"


__all__ = ["departements_of", "territory_label"]
