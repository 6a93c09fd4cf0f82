"""What the Territoires page shows: the SDG x territory coverage and its gaps, as tables."""

from __future__ import annotations

import pandas as pd

from ecosystem.analysis.coverage import Coverage, coverage
from ecosystem.model import Level
from ecosystem.reference import reference
from ecosystem.reference.territories import LEVELS_FINE_TO_COARSE
from ecosystem.store.base import Store
from ecosystem.ui.i18n import places_text, sdg_label, t


def finer_levels(territory_id: str) -> tuple[Level, ...]:
    """Levels a territory can be broken down into, the next one down first.

    >>> finer_levels("departement:26")
    (<Level.EPCI: 'epci'>, <Level.COMMUNE: 'commune'>)
    >>> finer_levels("commune:26362")
    (<Level.COMMUNE: 'commune'>,)
    """
    level = reference().hierarchy[territory_id].level
    if level == Level.COMMUNE:
        return (Level.COMMUNE,)
    return tuple(LEVELS_FINE_TO_COARSE[r] for r in range(level.rank - 1, -1, -1))


def territory_coverage(store: Store, territory_id: str, level: str, lang: str) -> Coverage:
    return coverage(store, territory_id, Level(level), lang)


def gaps_table(cov: Coverage, lang: str) -> pd.DataFrame:
    """One line per group of gaps: the SDG, where, the policies concerned, and the sentence."""
    rows = [{t("terrp.gap_sdg", lang): sdg_label(g.sdg, lang),
             t("terrp.gap_places", lang): places_text(g.territories, lang, shown=5),
             t("terrp.gap_policies", lang): ", ".join(g.policy_names),
             t("terrp.gap_sentence", lang): g.sentence} for g in cov.gap_groups(lang)]
    keys = ("terrp.gap_sdg", "terrp.gap_places", "terrp.gap_policies", "terrp.gap_sentence")
    columns = [t(k, lang) for k in keys]
    return pd.DataFrame(rows, columns=columns)
