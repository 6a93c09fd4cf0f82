"""Carte: the network map of actors, alliances and policies: filtered, clickable, searchable.

Clicks reach Python through the map's component (ecosystem/ui/map/component.py): a node opens the
side panel, a group opens as a filter; the selection is in the URL like every other choice.
"""

import streamlit as st

from ecosystem.ui import urlstate, widgets
from ecosystem.ui.context import current
from ecosystem.ui.i18n import number_label, t
from ecosystem.ui.map import COLOUR_BY, GROUP_BY, MAP_NODE_BUDGET, SIZE_BY, MapSelection, map_view
from ecosystem.ui.map.component import network_map
from ecosystem.ui.views import common
from ecosystem.ui.views import network as view_
from ecosystem.ui.views.map_image import map_image_buttons

ctx = current()
lang = ctx.lang
view_.apply_pending()
st.title(t("map.title", lang))
filters, canvas, side = st.columns([1, 2.8, 1.2], gap="small")


def _switch(key: str, label: str, default: bool, help_: str | None = None, disabled: bool = False) -> bool:
    urlstate.bind(key, lambda raw: raw == "1")
    if key not in st.session_state:
        st.session_state[key] = default
    value = st.toggle(label, key=key, help=help_, disabled=disabled)
    urlstate.sync(key, None if value == default else ("1" if value else "0"), value)
    return value and not disabled


with filters:
    territory = widgets.territory_picker(ctx)
    sdgs = widgets.sdg_filter(ctx)
    kinds = widgets.kind_filter(ctx)
    alliances = widgets.ids_filter(ctx, "alliances", t("map.alliances", lang),
                                   ctx.q(common.alliance_directory))
    policies = widgets.ids_filter(ctx, "policies", t("map.policies", lang), ctx.q(common.policy_directory))
    focus = widgets.focus_picker(ctx)
    show_sdgs = _switch("sdgnodes", t("map.show_sdgs", lang), False)
    group_labels = {"territory": t("map.group_territory", lang), "kind": t("map.group_kind", lang)}
    group_label = t("map.group_by", lang, budget=number_label(MAP_NODE_BUDGET, lang))
    group_by = widgets.choice(ctx, "group", group_label, GROUP_BY, group_labels)
    with st.expander(t("map.draw", lang), expanded=True):
        overlaps = _switch("overlaps", t("map.draw_overlaps", lang), True, t("map.draw_overlaps_help", lang))
        complements = _switch("complements", t("map.draw_complements", lang), True,
                              None if focus else t("map.draw_complements_off", lang), disabled=not focus)
        duplicates = _switch("duplicates", t("map.draw_duplicates", lang), False)
        colour_by = widgets.choice(ctx, "colour", t("map.colour_by", lang), COLOUR_BY,
                                   {"kind": t("map.colour_kind", lang),
                                    "community": t("map.colour_community", lang)})
        size_by = widgets.choice(ctx, "size", t("map.size_by", lang), SIZE_BY,
                                 {"links": t("map.size_links", lang), "brokers": t("map.size_brokers", lang)})

selection = MapSelection(territory, sdgs, kinds, alliances, policies, focus, group_by, show_sdgs, colour_by,
                         size_by, overlaps, complements or not focus, duplicates)
view = ctx.q_large(map_view, selection, lang, view_.HEIGHT)
model = view.model
node = view_.selected()
drawn = {n.id for n in model.nodes}
with canvas:
    for note in model.notes:
        st.info(note, icon=":material/info:")
    if model.grouped and (colour_by != COLOUR_BY[0] or size_by != SIZE_BY[0] or duplicates):
        st.caption(t("map.grouped_switches", lang))
    if model.empty:
        st.info(t("map.empty", lang))
    else:
        centre = bool(st.session_state.pop(view_.CENTRE, False))
        event = network_map(view.args, node if node in drawn else None, centre, key="map.network")
        view_.take_click(event, model)
        st.caption(t("map.summary", lang, actors=number_label(model.actors, lang),
                     alliances=number_label(model.alliances, lang),
                     policies=number_label(model.policies, lang)))
        st.download_button(t("map.download", lang), view_.html_file(view.html), on_click="ignore",
                           file_name="carte-ecosysteme.html", mime="text/html",
                           help=t("map.download_help", lang), icon=":material/download:")
        map_image_buttons(model, selection, lang)
    st.caption(t("common.share", lang))
with side:
    if not model.empty:
        view_.find_box(ctx, model)
    view_.panel(ctx, model, node, focus)
urlstate.sync(view_.NODE, node, node)
