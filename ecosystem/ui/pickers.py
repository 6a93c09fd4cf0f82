"""Pickers for lists too long to send to the browser: a search box, then the store's top matches.

At 100,000 actors a drop-down of every name is megabytes sent at each run, and Streamlit's own
filter runs in the browser on what it was sent. Here the text typed goes to the store's `search`
(a parameter of its query, both stores), and only the best matches come back. Nothing is drawn
below the box until one types, so the page never shows an empty list saying « No results ».
"""

from __future__ import annotations

import streamlit as st

from ecosystem.store.base import Store
from ecosystem.ui.context import AppContext
from ecosystem.ui.i18n import t
from ecosystem.ui.views.common import Entry

MATCHES = 30
"""Matches offered after a search: enough to recognise one's own, few enough to read."""

SEARCH_SPREAD = 10
"""The store's search is asked for this many times the matches wanted: its answer mixes actors,
alliances and policies, and inactive actors."""

ALLIANCE_LIST_MAX = 3000
"""Up to this many alliances, the alliance picker lists them all; beyond, it searches."""


def search_entries(store: Store, kind: str, text: str, limit: int = MATCHES) -> tuple[Entry, ...]:
    """The store's best matches for `text` among records of `kind` ("actor" or "alliance"); for
    actors, active ones only (as the full list). The store's search mixes actors, alliances and
    policies, so it is asked for more than `limit` and the other types are dropped."""
    hits = [h for h in store.search(text, limit=limit * SEARCH_SPREAD) if h.type == kind]
    if kind == "actor":
        active = {a.id for a in store.actors(h.id for h in hits) if a.active}
        hits = [h for h in hits if h.id in active]
    return tuple(Entry(h.id, h.name, h.detail) for h in hits[:limit])


def alliance_count(store: Store) -> int:
    return store.stats().alliances


def search_box(ctx: AppContext, key: str, kind: str, label: str) -> tuple[dict[str, Entry], str]:
    """A text box searching `kind` on the server; the matches by id and the text typed."""
    query = st.text_input(label, key=f"{key}.q", placeholder=t("pick.placeholder", ctx.lang))
    text = query.strip() if query else ""
    found = ctx.q(search_entries, kind, text) if text else ()
    return {e.id: e for e in found}, text


def hint(ctx: AppContext, text: str, entries: dict[str, Entry]) -> None:
    """What to do next, when there is no list to show yet: type, or type something else."""
    if not text:
        st.caption(t("pick.type", ctx.lang))
    elif not entries:
        st.caption(t("pick.none", ctx.lang, text=text))
