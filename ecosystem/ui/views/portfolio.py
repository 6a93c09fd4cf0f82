"""What the Alliances page shows for a whole territory: its portfolio, one row per alliance.

The rows and their order come from `analysis.portfolio` (the same verdicts as each diagnosis); this
module only lays them out as a table a person can sort and read: scores as whole percentages (so a
column sorts by number), the weakest principle named, and for each column the line that says what
it measures (`explain.score_help`), shown when the header is hovered.
"""

from __future__ import annotations

import pandas as pd

from ecosystem.analysis.portfolio import PRINCIPLES, Portfolio, portfolio
from ecosystem.reference import reference
from ecosystem.store.base import Store
from ecosystem.ui.i18n import t
from ecosystem.ui.views.explain import score_help
from ecosystem.vocabulary import alliance_status

SORTS = ("name", *PRINCIPLES)
"""The orders offered: by name, or by one principle's score, weakest first."""


def territory_portfolio(store: Store, territory_id: str, sort: str, lang: str) -> Portfolio:
    return portfolio(store, territory_id, lang, None if sort == "name" else sort)


def principle_column(lever: str, lang: str) -> str:
    """A column's title: "P4 · Complémentarité" (short enough for a header, the number first).

    >>> principle_column("principe-4", "fr")
    'P4 · Complémentarité'
    """
    return f"P{reference().levers[lever].number} · {t(f'pf.short.{lever}', lang)}"


def sort_label(sort: str, lang: str) -> str:
    return t("pf.sort_name", lang) if sort == "name" else principle_column(sort, lang)


def portfolio_table(p: Portfolio, lang: str) -> pd.DataFrame:
    """One row per alliance: name, the principle to work on first (next to the name: it is what a
    reader looks for), one score (0-100, empty when not assessable) per principle, the status."""
    columns = [t("pf.col_alliance", lang), t("pf.col_weakest", lang),
               *(principle_column(lever, lang) for lever in p.principles), t("pf.col_status", lang)]
    rows = [[r.name, principle_column(r.weakest, lang) if r.weakest else "—",
             *(None if c.score is None else round(c.score * 100) for c in r.cells),
             alliance_status(r.alliance_status).label(lang)] for r in p.rows]
    frame = pd.DataFrame(rows, columns=columns)
    for lever in p.principles:
        frame[principle_column(lever, lang)] = frame[principle_column(lever, lang)].astype("Int64")
    return frame


def principle_columns(p: Portfolio, lang: str) -> tuple[str, ...]:
    """The titles of the score columns, in the table's order."""
    return tuple(principle_column(lever, lang) for lever in p.principles)


def column_help(p: Portfolio, lang: str) -> dict[str, str]:
    """The explanation shown when a column header is hovered, by column title."""
    helps = {principle_column(lever, lang): score_help(lever, lang) for lever in p.principles}
    helps[t("pf.col_weakest", lang)] = t("pf.help_weakest", lang)
    helps[t("pf.col_status", lang)] = t("pf.help_status", lang)
    return helps
