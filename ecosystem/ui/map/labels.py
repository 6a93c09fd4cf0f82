"""The words on the map: pieces of hover texts and the legend, in the user's language.

Shared by the detailed and the grouped builders; pure (the label helpers read only the shipped
reference data).
"""

from __future__ import annotations

from collections.abc import Iterable

from ecosystem import vocabulary
from ecosystem.model import SDG_NUMBERS, ActorKind, Alliance
from ecosystem.reference import reference
from ecosystem.ui import palette
from ecosystem.ui.i18n import kind_label, number_label, place_label, t
from ecosystem.ui.map.model import LegendItem
from ecosystem.ui.map.style import LABEL_LENGTH, PLACES_SHOWN


def short(label: str) -> str:
    """A label cut to fit the canvas, with an ellipsis when cut.

    >>> short("Fédération départementale des associations de parents d'élèves")
    'Fédération départementale des a…'
    >>> short("Biodrôme")
    'Biodrôme'
    """
    return label if len(label) <= LABEL_LENGTH else label[:LABEL_LENGTH - 1] + "…"


def places(territories: Iterable[str], lang: str) -> str:
    """The first territories by name, then how many more."""
    ids = list(territories)
    if not ids:
        return t("common.none", lang)
    shown = [place_label(tid, lang) for tid in ids[:PLACES_SHOWN]]
    more = f" {t('common.more', lang, n=len(ids) - PLACES_SHOWN)}" if len(ids) > PLACES_SHOWN else ""
    return ", ".join(shown) + more


def sdgs(numbers: Iterable[int]) -> str:
    """SDG numbers in order, or a dash for none.

    >>> sdgs([13, 2]), sdgs([])
    ('2 · 13', '—')
    """
    values = sorted(numbers)
    return " · ".join(str(n) for n in values) if values else "—"


def sdg_lines(numbers: Iterable[int], lang: str) -> str:
    """The SDGs of a hover text with their names, one a line (numbers alone meant nothing to most).

    >>> print(sdg_lines([13, 2], "en"))
    SDGs:
      2 · Zero hunger
      13 · Climate action
    >>> print(sdg_lines([], "fr"))
    ODD : —
    """
    values = sorted(numbers)
    if not values:
        return t("map.hover_sdgs", lang, sdgs="—")
    sdgs_ = reference().sdgs
    names = [f"  {n} · {sdgs_[n].name_fr if lang == 'fr' else sdgs_[n].name_en}" for n in values]
    return "\n".join([t("map.hover_sdgs", lang, sdgs="").rstrip(), *names])


def alliance_status(alliance: Alliance, lang: str) -> str:
    """An alliance's status as a word: « en projet », « active », « terminée »."""
    return vocabulary.alliance_status(alliance.status).label(lang)


def actor_count(n: int, lang: str) -> str:
    """« 1 acteur », « 1 234 acteurs »: a count of actors, agreed.

    >>> actor_count(1, "fr"), actor_count(1234, "fr"), actor_count(2, "en")
    ('1 acteur', '1\u202f234 acteurs', '2 actors')
    """
    return t("map.hover_group_one", lang) if n == 1 else t("map.hover_group", lang, n=number_label(n, lang))


def kind_count(kind: ActorKind, n: int, lang: str) -> str:
    """One line of a group's hover text: how many actors of a kind (French puts a space before ":")."""
    separator = " : " if lang == "fr" else ": "
    return f"  {kind_label(kind, lang, plural=n > 1)}{separator}{n}"


def legend(kinds: set[ActorKind], *, alliances: bool, policies: bool, sdg_nodes: bool = False,
           overlaps: bool = False, complements: bool = False, groups: bool = False, pairs: bool = False,
           duplicates: bool = False, unlinked: bool = False, communities: tuple[tuple[str, str], ...] = (),
           sdgs_named: bool = False, lang: str) -> tuple[LegendItem, ...]:
    """The legend of what is on the map, and only that: kinds (or communities) in their fixed order,
    then the rest; with SDG boxes, each SDG's number and short name."""
    items = [LegendItem(kind_label(k, lang), palette.KIND_COLOURS[k], "dot") for k in ActorKind if k in kinds]
    items += [LegendItem(label, colour, "dot") for label, colour in communities]
    shown = ((groups, "map.legend_group", palette.GROUP_COLOUR, "dot"),
             (unlinked, "map.legend_unlinked", palette.UNLINKED_COLOUR, "dot"),
             (alliances, "map.legend_alliance", palette.ALLIANCE_COLOUR, "diamond"),
             (policies, "map.legend_policy", palette.POLICY_COLOUR, "square"),
             (sdg_nodes, "map.legend_sdg", palette.SDG_COLOUR, "box"),
             (overlaps, "map.legend_overlap", palette.OVERLAP_COLOUR, "line"),
             (pairs, "map.legend_pairs", palette.OVERLAP_COLOUR, "line"),
             (duplicates, "map.legend_duplicates", palette.DUPLICATE_COLOUR, "line"),
             (complements, "map.legend_complement", palette.COMPLEMENT_COLOUR, "line"))
    items += [LegendItem(t(key, lang), colour, shape) for present, key, colour, shape in shown if present]
    if sdgs_named:
        items += [LegendItem(sdg_short_name(n, lang), palette.SDG_COLOUR, "sdg") for n in SDG_NUMBERS]
    return tuple(items)


def sdg_short_name(number: int, lang: str) -> str:
    """« 13 · Climat »: an SDG's number and its name cut to a few words, for a legend.

    >>> sdg_short_name(13, "en")
    '13 · Climate action'
    """
    sdg = reference().sdgs[number]
    return f"{number} · {short(sdg.name_fr if lang == 'fr' else sdg.name_en)}"
