"""The Carte page's interactive parts: what a click does, the side panel, the search by name.

The map component returns its last click; `take_click` turns a new one into session state (the
selected node, or a group opened as a filter) and reruns, so that the filters drawn at the top of
the page already show an opened group. The selected node lives in the URL (`?node=actor:...`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ecosystem.text import normalize
from ecosystem.ui import urlstate
from ecosystem.ui.context import AppContext
from ecosystem.ui.i18n import kind_label, number_label, t
from ecosystem.ui.map import MapSelection, map_view
from ecosystem.ui.map.model import MapModel
from ecosystem.ui.map.panel import Details, node_details
from ecosystem.ui.views import common

HEIGHT = 520
"""The map's height on the Carte page, in pixels (part of the cached map's key)."""

NODE = "node"
"""URL parameter and session key of the selected node."""

PENDING = "map.pending"
SEEN = "map.seen"
CENTRE = "map.centre"
UNLINKED_OPEN = "map.unlinked"

FOUND_SHOWN = 20
"""Nodes listed by the search: a short list to choose from; typing more narrows it."""

UNLINKED_LISTED = 200
"""Lone actors offered in the panel's list when their group is clicked."""


def html_file(html: str) -> Callable[[], bytes]:
    """The map's HTML page as a download made when clicked: handing Streamlit the bytes on every run
    hashed and stored up to 2 MB per visitor and per run, under a lock all sessions share."""
    return lambda: html.encode("utf-8")


def apply_pending() -> None:
    """Before any widget: a group clicked on the last run becomes the territory or kind filter, a
    node the selection. Widgets cannot be changed once drawn, hence this step at the top."""
    event = st.session_state.pop(PENDING, None)
    if not event:
        return
    opens, node = event.get("opens", ""), event.get("node")
    st.session_state[UNLINKED_OPEN] = False
    if opens.startswith("territory:"):
        st.session_state["territory"] = opens.removeprefix("territory:")
        st.session_state["territory.q"] = ""
        select(None)
    elif opens.startswith("kind:"):
        st.session_state["kinds"] = [opens.removeprefix("kind:")]
        select(None)
    elif opens == "unlinked":
        st.session_state[UNLINKED_OPEN] = True
        select(None)
    else:
        select(node)


def selected() -> str | None:
    """The selected node: from the session, else from the URL of a shared link."""
    if NODE not in st.session_state:
        st.session_state[NODE] = urlstate.read(NODE)
    return st.session_state.get(NODE)


def select(node: str | None, centre: bool = False) -> None:
    st.session_state[NODE] = node
    st.session_state[CENTRE] = centre


def take_click(event: dict[str, Any] | None, model: MapModel) -> None:
    """A click not seen yet: remember it for the top of the next run, and rerun now."""
    if not event or event.get("seq") == st.session_state.get(SEEN):
        return
    st.session_state[SEEN] = event.get("seq")
    opens = {n.id: n.opens for n in model.nodes if n.opens}
    node = event.get("node") if event.get("event") == "node" else None
    st.session_state[PENDING] = {"node": node, "opens": opens.get(node or "", "")}
    st.rerun()


def find_box(ctx: AppContext, model: MapModel) -> None:
    """Search a node by name, on the server: the drawn nodes first, then (grouped maps) the store's actors."""
    lang = ctx.lang
    query = st.text_input(t("map.find", lang), key="map.find", icon=":material/search:")
    if not query or not query.strip():
        return
    wanted = normalize(query)
    found = {n.id: n.name or n.label for n in model.nodes
             if n.type != "group" and wanted in normalize(n.name or n.label)}
    if len(found) < FOUND_SHOWN and model.grouped:
        for e in ctx.q(common.search_actors, query.strip()):
            found.setdefault(f"actor:{e.id}", f"{e.name} ({kind_label(e.detail, lang)})")
    if not found:
        st.caption(t("map.find_none", lang, text=query.strip()))
        return
    ids = list(found)[:FOUND_SHOWN]
    st.selectbox(t("map.find_results", lang), ids, index=None, key="map.found", format_func=found.__getitem__,
                 placeholder=t("terr.pick", lang), on_change=_found)


def _found() -> None:
    node = st.session_state.get("map.found")
    if node:
        select(node, centre=True)
        st.session_state["map.found"] = None


def _focus(actor_or_alliance: str) -> None:
    st.session_state["focus"] = actor_or_alliance
    st.session_state[CENTRE] = True


def _unfocus() -> None:
    st.session_state["focus"] = None


def panel(ctx: AppContext, model: MapModel, node: str | None, focus: str | None) -> None:
    """The side panel: the clicked node's details, or the list of lone actors, or a hint."""
    lang = ctx.lang
    if st.session_state.get(UNLINKED_OPEN) and model.unlinked and not node:
        _unlinked(ctx, model)
        return
    if not node:
        st.caption(t("map.panel_hint", lang))
        return
    details = ctx.q(node_details, node, lang)
    if details is None:
        st.caption(t("map.panel_missing", lang, id=node))
        return
    _details(details, focus, lang)


def _details(d: Details, focus: str | None, lang: str) -> None:
    with st.container(border=True, key="map-panel"):
        st.markdown(f"**{d.name}**")
        for line in d.lines:
            st.markdown(line.replace("\n", "  \n"))
        if d.focus and d.focus != focus:
            st.button(t("map.panel_focus", lang), key="map.focus_on", icon=":material/center_focus_strong:",
                      on_click=_focus, args=(d.focus,))
        elif d.focus:
            st.button(t("map.panel_unfocus", lang), key="map.focus_off", on_click=_unfocus)
        for title, items in ((t("map.panel_overlaps", lang), d.overlaps),
                             (t("map.panel_complements", lang), d.complements)):
            if d.type == "actor" or (items and title):
                st.markdown(f"**{title}**")
                if not items:
                    st.caption(t("map.panel_none", lang))
                for n in items:
                    st.markdown(f"- **{n.name}** · {n.score}  \n  {n.reason}")
        st.button(t("map.panel_close", lang), key="map.close", on_click=select, args=(None,), type="tertiary",
                  icon=":material/close:")


def _unlinked(ctx: AppContext, model: MapModel) -> None:
    lang = ctx.lang
    with st.container(border=True, key="map-panel"):
        st.markdown(t("map.panel_unlinked", lang, n=number_label(len(model.unlinked), lang)))
        entries = {e.id: e for e in ctx.q(common.actor_entries, tuple(model.unlinked[:UNLINKED_LISTED]))}
        st.selectbox(t("common.choose_actor", lang), [f"actor:{i}" for i in entries], index=None,
                     key="map.found", placeholder=t("terr.pick", lang), on_change=_found,
                     format_func=lambda n: _entry(entries[n.removeprefix("actor:")], lang))


def _entry(entry: common.Entry, lang: str) -> str:
    return f"{entry.name} ({kind_label(entry.detail, lang)})"


def first_visit(ctx: AppContext) -> None:
    """Every shared answer the Carte asks on a visit with its default filters (`ecosystem.ui.warmup`
    computes them at start): keep it in step with pages/map.py, which tests/test_warmup.py checks by
    counting cache misses."""
    ctx.q(common.alliance_directory)
    ctx.q(common.policy_directory)
    ctx.q(common.actor_directory)
    ctx.q_large(map_view, MapSelection(), ctx.lang, HEIGHT)
