"""Géographie: territories as shapes coloured by a measure, actors as circles; click to go down."""

from urllib.parse import urlsplit

import plotly.graph_objects as go
import streamlit as st

from ecosystem import settings
from ecosystem.reference import reference
from ecosystem.reference.labels import territory_label
from ecosystem.ui import urlstate, widgets
from ecosystem.ui.context import current
from ecosystem.ui.geo.levels import FRANCE, drawable_levels, target, trail
from ecosystem.ui.geo.measures import MEASURES
from ecosystem.ui.geo.points import POINT_BUDGET
from ecosystem.ui.geo.questions import GeoSelection
from ecosystem.ui.i18n import number_label, places_text, t
from ecosystem.ui.views.geo import geo_view
from ecosystem.ui.views.geo_image import geo_image_buttons

CHART_KEY = "geo_chart"

ctx = current()
lang = ctx.lang


def _open(tid: str) -> None:
    """Callback of the breadcrumb and of a click: the map of `tid` at its next level down."""
    st.session_state["territory"] = None if tid == FRANCE else tid
    st.session_state["territory.q"] = ""
    urlstate.forget("geolevel")


def _clicked() -> None:
    """Callback of a click on the map: go down into the territory clicked (a shape or a circle)."""
    state = st.session_state.get(CHART_KEY)
    chosen = state.selection.points if state and state.selection else []
    if not chosen:
        return
    clicked = chosen[0].get("customdata")
    clicked = clicked[0] if isinstance(clicked, list) else clicked
    territory = st.session_state.get("territory") or FRANCE
    drawn = GeoSelection(territory, st.session_state.get("geolevel")).shape_level()
    opened = target(territory, drawn, clicked) if isinstance(clicked, str) else None
    if opened:
        _open(opened)


st.title(t("geo.title", lang))
st.caption(t("geo.intro", lang))
filters, canvas = st.columns([1, 3], gap="medium")
with filters:
    territory = widgets.territory_picker(ctx) or FRANCE
    if st.session_state.setdefault("geo.for", territory) != territory:  # chosen in the picker: start
        st.session_state["geo.for"] = territory  # from the next level down, as after a click
        urlstate.forget("geolevel")
    levels = drawable_levels(territory)
    level = widgets.level_select(ctx, levels, levels[0], key="geolevel", label=t("geo.level", lang))
    measure = widgets.choice(ctx, "geomeasure", t("geo.measure", lang), MEASURES,
                             {m: t(f"geo.measure_{m}", lang) for m in MEASURES})
    st.caption(t("geo.measure_help", lang))
    sdgs = widgets.sdg_filter(ctx)
    kinds = widgets.kind_filter(ctx)
    urlstate.bind("geopoints", lambda raw: raw != "0")
    if "geopoints" not in st.session_state:
        st.session_state["geopoints"] = True
    show_points = st.toggle(t("geo.points", lang), key="geopoints")
    urlstate.sync("geopoints", None if show_points else "0", show_points)

selection = GeoSelection(territory, level, measure, sdgs, kinds, show_points)
tile_url = settings.get("ECOSYSTEM_MAP_TILES") or None
view = ctx.q_large(geo_view, selection, lang, tile_url)
with canvas:
    path = trail(territory)
    crumbs = st.container(horizontal=True, gap="small", key="geo_breadcrumb")
    for tid in path:
        crumbs.button(reference().hierarchy[tid].name, key=f"geo.crumb.{tid}", on_click=_open, args=(tid,),
                      type="tertiary", icon=":material/chevron_right:", disabled=tid == territory,
                      help=territory_label(tid, lang))
    # Not validated again: the figure is built by geo.figure and checked by tests/test_geo.py
    # (validating its thousands of coordinates on every run took longer than drawing them).
    st.plotly_chart(go.Figure(view.figure, _validate=False), width="stretch", on_select=_clicked,
                    selection_mode="points", key=CHART_KEY,
                    config={"displayModeBar": False, "scrollZoom": True})
    if view.summary:
        st.caption(view.summary)
    if view.grouped:
        st.caption(t("geo.grouped", lang, budget=number_label(POINT_BUDGET, lang)))
    if view.missing:
        st.caption(t("geo.no_shape", lang, names=places_text(view.missing, lang, shown=3)))
    if tile_url:
        credit = settings.get("ECOSYSTEM_MAP_ATTRIBUTION") or urlsplit(tile_url).netloc
        st.caption(t("geo.click_hint", lang) + " " + t("geo.tiles", lang, credit=credit))
    else:
        st.caption(t("geo.click_hint", lang) + " " + t("geo.offline", lang))
    geo_image_buttons(territory, view.level, measure, tuple(sdgs), tuple(kinds), view.values, lang)
    st.caption(t("common.share", lang))
