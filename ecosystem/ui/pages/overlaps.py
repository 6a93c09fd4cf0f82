"""Chevauchements: who overlaps an actor and why; a territory's overlap matrix; possible duplicates."""

import streamlit as st

from ecosystem.analysis.overlap import duplicate_listing, more_sentence, top_overlaps
from ecosystem.analysis.thresholds import (
    DUPLICATE_MIN_CONTAINMENT,
    DUPLICATE_MIN_JACCARD,
    GROUPS_LIMIT,
    OVERLAP_LEVEL,
)
from ecosystem.model import Level
from ecosystem.ui import charts, components, tables, widgets
from ecosystem.ui.context import current
from ecosystem.ui.i18n import kind_label, level_label, percent_label, t
from ecosystem.ui.views import common
from ecosystem.ui.views.overlaps import (
    duplicates_table,
    overlaps_column_config,
    overlaps_table,
    territory_matrix,
)

SHOWN = 15

ctx = current()
lang = ctx.lang
st.title(t("ovl.title", lang))
st.write(t("ovl.intro", lang))

top = st.columns([2, 2])
with top[0]:
    view = widgets.choice(ctx, "view", t("common.view", lang), ("actor", "territory"),
                          {"actor": t("ovl.tab_actor", lang), "territory": t("ovl.tab_matrix", lang)})
with top[1]:
    level = widgets.level_select(ctx, (Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT), OVERLAP_LEVEL)

if view == "actor":
    actor = widgets.actor_picker(ctx)
    if actor is None:
        st.info(t("ovl.pick_actor_first", lang))
    else:
        result = ctx.q(top_overlaps, actor, level, SHOWN, lang)
        st.subheader(t("ovl.who", lang, name=result.name))
        if not result.items:
            st.info(t("ovl.none", lang, name=result.name, level=level_label(level, lang)))
        else:
            st.caption(t("ovl.legend", lang))
            for o in result.items:
                badges = [components.badge(kind_label(o.kind, lang), "gray"),
                          components.badge(f"{t('ovl.col_jaccard', lang)} {percent_label(o.jaccard, lang)}",
                                            "orange" if o.same_kind else "blue")]
                components.result_card(o.name, badges, o.reason)
            with st.expander(t("common.table", lang)):
                tables.long_table(overlaps_table(result, lang), "overlaps", lang,
                                  "chevauchements" if lang == "fr" else "overlaps",
                                  column_config=overlaps_column_config(lang))
else:
    territory = widgets.territory_picker(ctx, allow_all=False, default=ctx.q(common.home_territory))
    matrix, overlapping = ctx.q(territory_matrix, territory, level.value)
    st.caption(t("ovl.matrix_intro", lang))
    if matrix is None:
        st.info(t("ovl.matrix_empty", lang))
    else:
        if overlapping > len(matrix.actors):
            st.caption(t("ovl.matrix_cut", lang, shown=len(matrix.actors)))
        st.plotly_chart(charts.overlap_heatmap(matrix, lang), width="stretch",
                        config={"displayModeBar": False})
    st.subheader(t("ovl.tab_duplicates", lang))
    st.caption(t("ovl.dup_intro", lang, pct=percent_label(DUPLICATE_MIN_JACCARD, lang),
                 inside=percent_label(DUPLICATE_MIN_CONTAINMENT, lang)))
    listing = ctx.q(duplicate_listing, territory, level, DUPLICATE_MIN_JACCARD, GROUPS_LIMIT, lang)
    groups = list(listing.items)
    if not groups:
        st.info(t("ovl.dup_none", lang))
    if groups:
        tables.long_table(tables.duplicates_frame(groups, lang), "duplicates", lang,
                          "doublons-possibles" if lang == "fr" else "possible-duplicates")
        with st.expander(t("common.reason", lang)):
            for title, sentence in duplicates_table(groups, lang):
                st.markdown(f"**{title}**  \n{sentence}")
        if listing.more:  # the biggest groups only: say how many others there are
            st.caption(more_sentence(listing, ("groupe", "groupes", "group", "groups"), None, lang))
st.caption(t("common.share", lang))
