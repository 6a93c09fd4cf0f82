"""The Évolution page's tables: the actors who appeared or left, and what changed for the others."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ecosystem.analysis import wording as w
from ecosystem.analysis.evolution import Evolution
from ecosystem.finding import Ref
from ecosystem.ui.i18n import kind_label, t


def people_table(refs: Iterable[Ref], lang: str) -> pd.DataFrame:
    rows = [(r.name, kind_label(r.kind, lang) if r.kind else "", r.id) for r in refs]
    return pd.DataFrame(rows, columns=[t("evo.col_actor", lang), t("evo.col_kind", lang), "id"])


def changes_table(evolution: Evolution, lang: str) -> pd.DataFrame:
    """One row per actor and kind of change: SDGs, then territories, before and after."""
    rows = []
    for c in evolution.sdgs_changed:
        rows.append((c.name, t("evo.sdgs", lang), w.join(map(str, c.sdgs_before), lang),
                     w.join(map(str, c.sdgs_after), lang)))
    for c in evolution.territories_changed:
        rows.append((c.name, t("evo.territories", lang), w.place_names(c.territories_before, lang),
                     w.place_names(c.territories_after, lang)))
    return pd.DataFrame(rows, columns=[t(k, lang) for k in ("evo.col_actor", "evo.col_what", "evo.col_before",
                                                             "evo.col_after")])
