"""What the Territoires page shows: the SDG x territory coverage and its gaps, as tables."""

from __future__ import annotations

import pandas as pd

from ecosystem.analysis.coverage import Coverage, coverage
from ecosystem.analysis.local_coverage import SPLIT_LEVELS, local_only, local_split, no_policy, notes
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


def gaps_table(cov: Coverage, lang: str) -> pd.DataFrame:
    """One line per group of gaps: the SDG, where, the policies concerned, and the sentence."""
    rows = [{t("terrp.gap_sdg", lang): sdg_label(g.sdg, lang),
             t("terrp.gap_places", lang): places_text(g.territories, lang, shown=5),
             t("terrp.gap_policies", lang): ", ".join(g.policy_names),
             t("terrp.gap_sentence", lang): g.sentence} for g in cov.gap_groups(lang)]
    keys = ("terrp.gap_sdg", "terrp.gap_places", "terrp.gap_policies", "terrp.gap_sentence")
    columns = [t(k, lang) for k in keys]
    return pd.DataFrame(rows, columns=columns)


# ----------------------------------------------------------------------------- local or wider (issue 12)

SCOPES = ("all", "local")
"""Count every actor present in a row, or only those acting in it (not through a wider territory)."""


def splits(level: Level) -> bool:
    """Whether rows of this level can be split into local and wider actors (communes and EPCI)."""
    return Level(level) in SPLIT_LEVELS


def scoped_coverage(store: Store, territory_id: str, level: str, scope: str, lang: str) -> Coverage:
    """The coverage, with only local actors counted when `scope` is "local" and the rows split."""
    cov = coverage(store, territory_id, Level(level), lang)
    return local_only(store, cov) if scope == "local" and splits(cov.level) else cov


def split_sentence(store: Store, territory_id: str, lang: str) -> str | None:
    """For a commune or an EPCI: how many actors act there, how many are counted through a wider one."""
    if not splits(reference().hierarchy[territory_id].level):
        return None
    return local_split(store, territory_id, lang).sentence


def coverage_notes(cov: Coverage, lang: str) -> tuple[str, ...]:
    """What to know before reading the gaps: an EPCI over several départements, no policy at all."""
    return notes(cov, lang)


def gaps_computable(cov: Coverage) -> bool:
    """False when no policy covers the territory: no gap shown then means nothing was computed."""
    return no_policy(cov) is None
