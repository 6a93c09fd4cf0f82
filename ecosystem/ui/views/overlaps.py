"""What the Chevauchements page shows: one actor's overlaps, a territory's matrix, duplicates."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ecosystem.analysis.overlap import (
    DuplicateGroup,
    OverlapMatrix,
    OverlapResult,
    overlap_matrix,
    pair_jaccard,
)
from ecosystem.model import Level
from ecosystem.store.base import Store
from ecosystem.ui.i18n import kind_label, percent_label, places_text, sdg_short, t

MATRIX_ACTORS = 25
"""Most actors in a territory's overlap matrix: those taking part in the strongest overlaps."""

MATRIX_PAIRS = 400
"""Strongest pairs examined to choose them."""


def overlaps_table(result: OverlapResult, lang: str) -> pd.DataFrame:
    """One row per overlapping actor, with the share each way: of the chosen actor's footprint that
    it occupies, and of its own footprint that the chosen actor occupies."""
    keys = ("common.actor", "common.kind", "ovl.col_jaccard", "ovl.col_inside", "ovl.col_other_inside",
            "ovl.col_shared_sdgs", "ovl.col_places", "common.reason")
    rows = [(o.name, kind_label(o.kind, lang), percent_label(o.jaccard, lang),
             percent_label(o.containment_subject, lang), percent_label(o.containment_other, lang),
             ", ".join(sdg_short(s, lang) for s in o.shared_sdgs),
             places_text(o.shared_territories, lang), o.reason) for o in result.items]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])


OVERLAP_HELP = (("ovl.col_jaccard", "ovl.help_overlap"), ("ovl.col_inside", "ovl.help_inside"),
                ("ovl.col_other_inside", "ovl.help_other_inside"))
"""Each share column of the overlaps table, with its one-line explanation."""


def overlaps_column_config(lang: str) -> dict[str, object]:
    """Column help for the overlaps table: what each share means, on hover of its header."""
    import streamlit as st

    return {t(col, lang): st.column_config.TextColumn(t(col, lang), help=t(text, lang))
            for col, text in OVERLAP_HELP}


def territory_matrix(store: Store, territory_id: str, level: str,
                     max_actors: int = MATRIX_ACTORS) -> tuple[OverlapMatrix | None, int]:
    """The overlap matrix of the territory's most overlapping actors, and how many overlap at all."""
    pairs = store.overlap_pairs(territory_id, Level(level), limit=MATRIX_PAIRS)
    weight: dict[str, float] = defaultdict(float)
    for pair in pairs:
        j = pair_jaccard(pair)
        weight[pair.a] += j
        weight[pair.b] += j
    if not weight:
        return None, 0
    chosen = sorted(weight, key=lambda a: (-weight[a], a))[:max_actors]
    return overlap_matrix(store, chosen, Level(level)), len(weight)


def duplicates_table(groups: list[DuplicateGroup], lang: str) -> list[tuple[str, str]]:
    """(title, sentence) per group of possible duplicates."""
    lines = []
    for g in groups:
        title = t("ovl.dup_group", lang, n=len(g.actors), kind=kind_label(g.kind, lang, plural=True).lower(),
                  low=percent_label(g.min_jaccard, lang), high=percent_label(g.max_jaccard, lang))
        lines.append((title, g.reason))
    return lines
