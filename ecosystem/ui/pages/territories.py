"""Territoires: the SDG x territory coverage matrix, drill-down from région to commune, and the gaps."""

import streamlit as st

from ecosystem.reference import reference
from ecosystem.ui import charts, urlstate, widgets
from ecosystem.ui.context import current
from ecosystem.ui.i18n import t
from ecosystem.ui.views import common
from ecosystem.ui.views.territories import (
    SCOPES,
    coverage_notes,
    finer_levels,
    gaps_computable,
    gaps_table,
    scoped_coverage,
    split_sentence,
    splits,
)

ctx = current()
lang = ctx.lang
st.title(t("terrp.title", lang))
st.write(t("terrp.intro", lang))

home = ctx.q(common.home_territory)
picker, options = st.columns([2, 1], gap="medium")
with picker:
    territory = widgets.territory_picker(ctx, allow_all=False, default=home)
with options:
    levels = finer_levels(territory)
    level = widgets.level_select(ctx, levels, levels[0], key="detail", label=t("terrp.level", lang))
    measure = widgets.choice(ctx, "measure", t("terrp.measure", lang), charts.MEASURES,
                             {m: t(f"terrp.measure_{m}", lang) for m in charts.MEASURES})
    scope = "all"
    if measure == "actors" and splits(level):
        scope = widgets.choice(ctx, "count", t("terrp.scope", lang), SCOPES,
                               {s: t(f"terrp.scope_{s}", lang) for s in SCOPES})
        st.caption(t("terrp.help_scope", lang))

split = ctx.q(split_sentence, territory, lang)
if split:
    st.info(split, icon=":material/groups:")
cov = ctx.q(scoped_coverage, territory, level.value, scope, lang)
if len(cov.rows) > charts.HEATMAP_ROWS:
    st.caption(t("terrp.rows_cut", lang, shown=charts.HEATMAP_ROWS, total=len(cov.rows)))
event = st.plotly_chart(charts.coverage_heatmap(cov, measure, lang), width="stretch", on_select="rerun",
                        selection_mode="points", key="coverage_chart", config={"displayModeBar": False})
points = event.selection.points if event and event.selection else []
if points:
    clicked = points[0].get("customdata")
    target = clicked[0] if isinstance(clicked, list) else clicked
    if target and target != territory and target in reference().hierarchy:
        st.session_state["territory"] = target
        urlstate.forget("detail")  # the next level down of the new territory
        st.session_state.pop("coverage_chart", None)
        st.rerun()

st.subheader(t("terrp.gaps", lang))
for note in coverage_notes(cov, lang):
    st.info(note, icon=":material/info:")
gaps = gaps_table(cov, lang)
if gaps.empty and not gaps_computable(cov):
    pass  # the note above says why there is nothing to show: no policy, so no gap could be computed
elif gaps.empty:
    st.success(t("terrp.no_gaps", lang), icon=":material/check_circle:")
else:
    st.dataframe(gaps, hide_index=True, width="stretch")
st.caption(t("common.share", lang))
