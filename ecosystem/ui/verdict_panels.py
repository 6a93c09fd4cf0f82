"""Streamlit pieces that explain the verdicts (issue 12): the portfolio of a territory's alliances
and the legends of the badges. Kept out of the page scripts so each page adds one call, and other
additions to the same pages (a PDF button, the self-assessment) stay apart from these.
"""

from __future__ import annotations

import streamlit as st

from ecosystem.ui import widgets
from ecosystem.ui.context import AppContext
from ecosystem.ui.i18n import t
from ecosystem.ui.views import common
from ecosystem.ui.views.explain import status_legend
from ecosystem.ui.views.portfolio import (
    SORTS,
    column_help,
    portfolio_table,
    principle_columns,
    sort_label,
    territory_portfolio,
)

SCOPES = ("one", "portfolio")
"""The Alliances page shows one alliance (its diagnosis, its self-assessment) or a territory's portfolio."""


def scope_choice(ctx: AppContext) -> str:
    """One alliance, or all the alliances of a territory side by side."""
    lang = ctx.lang
    return widgets.choice(ctx, "show", t("pf.scope", lang), SCOPES,
                          {"one": t("pf.scope_one", lang), "portfolio": t("pf.scope_portfolio", lang)})


def portfolio_panel(ctx: AppContext) -> None:
    """The portfolio of the chosen territory: one row per alliance, one column per measured principle."""
    lang = ctx.lang
    territory = widgets.territory_picker(ctx, allow_all=False, default=ctx.q(common.home_territory))
    sort = widgets.choice(ctx, "pf_sort", t("pf.sort", lang), SORTS, {s: sort_label(s, lang) for s in SORTS})
    st.caption(t("pf.intro", lang))
    found = ctx.q(territory_portfolio, territory, sort, lang)
    if not found.rows:
        st.info(t("pf.none", lang))
        return
    table = portfolio_table(found, lang)
    scores = set(principle_columns(found, lang))
    percent = "%d %%" if lang == "fr" else "%d%%"
    config = {title: (st.column_config.NumberColumn(title, help=text, format=percent) if title in scores
                      else st.column_config.TextColumn(title, help=text))
              for title, text in column_help(found, lang).items()}
    st.dataframe(table, hide_index=True, width="stretch", column_config=config)
    legend(lang)


def legend(lang: str) -> None:
    """The colours and signs of the status badges, with the thresholds deciding them."""
    st.caption(status_legend(lang))
