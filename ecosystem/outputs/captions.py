"""What an exported map says about itself: its title, the filters that were on, what its colours count.

Territory names take their French articles from the reference (« dans la Drôme », « à Valence »,
« en Normandie »), counts agree in number, SDGs are named.
"""

from __future__ import annotations

from collections.abc import Sequence

from ecosystem.analysis import wording as w
from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.reference.articles import phrase


def where(tid: str, lang: str) -> str:
    """« dans la Drôme », « à Valence » in French; "in Drôme" in English.

    >>> where("departement:26", "fr"), where("commune:26362", "fr"), where("departement:26", "en")
    ('dans la Drôme', 'à Valence', 'in Drôme')
    """
    territory = reference().hierarchy.get(tid)
    name = territory.name if territory else tid
    return phrase(tid, name, "in") if lang == "fr" else f"in {name}"


def network_caption(tid: str | None, sdg: int | None, actors: int, alliances: int, policies: int,
                    grouped_by: str, lang: str, more: Sequence[str] = ()) -> tuple[str, list[str], str]:
    """(title, filters, note) of the network map of a territory (None: all the data); `more` are the
    other filters, already in words (`selection_filters`).

    >>> title, filters, note = network_caption("departement:26", 2, 1, 3, 0, "", "fr")
    >>> title, filters
    ('Réseau des acteurs dans la Drôme', ['ODD 2 (Faim « zéro »)'])
    >>> note
    '1 acteur, 3 alliances et 0 politique publique'
    >>> network_caption(None, None, 2, 0, 0, "kind", "en")[:2]
    ('Network of actors', ['actors grouped by kind'])
    """
    place = f" {where(tid, lang)}" if tid else ""
    title = w.tr(lang, f"Réseau des acteurs{place}", f"Network of actors{place}")
    filters = ([w.sdg_named(sdg, lang)] if sdg else []) + list(more)
    if grouped_by:
        by = {"territory": w.tr(lang, "territoire", "territory"), "kind": w.tr(lang, "type", "kind")}
        filters.append(w.tr(lang, f"acteurs regroupés par {by.get(grouped_by, grouped_by)}",
                            f"actors grouped by {by.get(grouped_by, grouped_by)}"))
    nouns = (("acteur", "acteurs"), ("alliance", "alliances"), ("politique publique", "politiques publiques"))
    if lang != "fr":
        nouns = (("actor", "actors"), ("alliance", "alliances"), ("public policy", "public policies"))
    counts = [w.counted(n, one, many, lang) for n, (one, many) in zip((actors, alliances, policies), nouns,
                                                                      strict=True)]
    return title, filters, w.join(counts, lang)


def selection_filters(sdgs: Sequence[int], kinds: Sequence[str], alliances: int, policies: int,
                      focus: str, lang: str) -> list[str]:
    """The Carte page's filters in words, for the picture of its map.

    >>> selection_filters((2, 13), ("association",), 1, 0, "Jardins du Plateau", "fr")
    ['ODD 2 et 13', 'associations', '1 alliance choisie', 'autour de « Jardins du Plateau »']
    >>> selection_filters((), ("entreprise", "fondation"), 0, 2, "", "en")
    ['companies and foundations', '2 policies chosen']
    """
    found = []
    if len(sdgs) == 1:
        found.append(w.sdg_named(sdgs[0], lang))
    elif sdgs:
        found.append(w.tr(lang, "ODD ", "SDGs ") + w.join(map(str, sdgs), lang))
    if kinds:
        found.append(w.join((w.kind_name(k, lang, plural_=True) for k in kinds), lang))
    if alliances:
        found.append(w.tr(lang, w.counted(alliances, "alliance choisie", "alliances choisies", lang),
                          w.counted(alliances, "alliance chosen", "alliances chosen", lang)))
    if policies:
        found.append(w.tr(lang, w.counted(policies, "politique choisie", "politiques choisies", lang),
                          w.counted(policies, "policy chosen", "policies chosen", lang)))
    if focus:
        found.append(w.tr(lang, f"autour de {w.quoted(focus, lang)}", f"around {w.quoted(focus, lang)}"))
    return found


def geo_caption(tid: str, level: Level, sdg: int | None, lang: str) -> tuple[str, list[str], str]:
    """(title, filters, measure) of the geographic map of a territory's parts at `level`.

    >>> geo_caption("departement:26", Level.COMMUNE, None, "fr")
    ('Acteurs présents par commune dans la Drôme', [], "Nombre d'acteurs présents")
    >>> geo_caption("departement:26", Level.EPCI, 13, "en")[0]
    'Actors working on SDG 13 by EPCI in Drôme'
    """
    level_word = w.level_name(level, lang)
    if sdg:
        title = w.tr(lang, f"Acteurs travaillant sur l'ODD {sdg} par {level_word} {where(tid, lang)}",
                     f"Actors working on SDG {sdg} by {level_word} {where(tid, lang)}")
        measure = w.tr(lang, f"Nombre d'acteurs sur l'ODD {sdg}", f"Number of actors on SDG {sdg}")
        return title, [w.sdg_named(sdg, lang)], measure
    title = w.tr(lang, f"Acteurs présents par {level_word} {where(tid, lang)}",
                 f"Actors present by {level_word} {where(tid, lang)}")
    return title, [], w.tr(lang, "Nombre d'acteurs présents", "Number of actors present")
