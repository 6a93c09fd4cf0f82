"""Carte: the network map of actors, alliances and policies, filtered, highlighted, downloadable."""

import streamlit as st

from ecosystem.ui import urlstate, widgets
from ecosystem.ui.context import current
from ecosystem.ui.i18n import number_label, t
from ecosystem.ui.map import GROUP_BY, MAP_NODE_BUDGET, MapSelection, map_view
from ecosystem.ui.views import common
from ecosystem.ui.views.map_image import map_image_buttons

HEIGHT = 700

ctx = current()
lang = ctx.lang
st.title(t("map.title", lang))
filters, canvas = st.columns([1, 3], gap="medium")
with filters:
    territory = widgets.territory_picker(ctx)
    sdgs = widgets.sdg_filter(ctx)
    kinds = widgets.kind_filter(ctx)
    alliances = widgets.ids_filter(ctx, "alliances", t("map.alliances", lang),
                                   ctx.q(common.alliance_directory))
    policies = widgets.ids_filter(ctx, "policies", t("map.policies", lang), ctx.q(common.policy_directory))
    focus = widgets.focus_picker(ctx)
    urlstate.bind("sdgnodes", lambda raw: raw == "1")
    show_sdgs = st.toggle(t("map.show_sdgs", lang), key="sdgnodes")
    urlstate.sync("sdgnodes", "1" if show_sdgs else None, show_sdgs)
    group_labels = {"territory": t("map.group_territory", lang), "kind": t("map.group_kind", lang)}
    group_label = t("map.group_by", lang, budget=number_label(MAP_NODE_BUDGET, lang))
    group_by = widgets.choice(ctx, "group", group_label, GROUP_BY, group_labels)

selection = MapSelection(territory, sdgs, kinds, alliances, policies, focus, group_by, show_sdgs)
view = ctx.q_large(map_view, selection, lang, HEIGHT)
model = view.model
with canvas:
    for note in model.notes:
        st.info(note, icon=":material/info:")
    if model.empty:
        st.info(t("map.empty", lang))
    else:
        st.iframe(view.html, height=HEIGHT + 6, alt=t("map.iframe_alt", lang))
        st.caption(t("map.summary", lang, actors=model.actors, alliances=model.alliances,
                     policies=model.policies))
        st.download_button(t("map.download", lang), view.html.encode("utf-8"),
                           file_name="carte-ecosysteme.html", mime="text/html",
                           help=t("map.download_help", lang), icon=":material/download:")
        map_image_buttons(model, selection, lang)
    st.caption(t("common.share", lang))
