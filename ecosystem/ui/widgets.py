"""The pickers every page shares, each bound to a URL parameter (see `urlstate`)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ecosystem import settings
from ecosystem.model import ActorKind, Level
from ecosystem.reference import reference
from ecosystem.ui import pickers, urlstate
from ecosystem.ui.context import AppContext
from ecosystem.ui.i18n import (
    LANG_NAMES,
    LANGS,
    check_lang,
    kind_label,
    level_label,
    place_label,
    sdg_label,
    t,
)
from ecosystem.ui.views import common, places

PICKABLE_LEVELS = (Level.REGION, Level.DEPARTEMENT, Level.EPCI, Level.COMMUNE)

CRUMBS_CSS = ("<style>.st-key-KEY-crumbs button { max-width: 100%; height: auto; "
              "justify-content: flex-start; }"
              ".st-key-KEY-crumbs button p { white-space: normal; text-align: left; overflow: visible; }"
              "</style>")
"""The breadcrumb's names wrap instead of being cut with an ellipsis (Streamlit's default)."""


def default_lang() -> str:
    return check_lang(settings.get("ECOSYSTEM_LANG"))


def language_switch() -> str:
    """The language radio in the sidebar; the `lang` parameter (kept in links when not the default)."""
    default = default_lang()
    urlstate.bind("lang", urlstate.one_of(LANGS))
    if "lang" not in st.session_state:
        st.session_state["lang"] = default
    lang = st.sidebar.radio("Langue · Language", LANGS, format_func=LANG_NAMES.__getitem__, key="lang",
                            horizontal=True)
    urlstate.sync("lang", None if lang == default else lang, lang)
    return lang


# ---------------------------------------------------------------------- territory


def _set_territory(key: str, source: str | None) -> None:
    """Callback: the territory becomes the value of widget `source` (None: all territories)."""
    value = st.session_state.get(source) if source else None
    st.session_state[key] = value
    if source:
        st.session_state[source] = None
    st.session_state[f"{key}.q"] = ""


def _go(key: str, value: str | None) -> None:
    st.session_state[key] = value
    st.session_state[f"{key}.q"] = ""


def _chain(tid: str) -> list[str]:
    """The territory and the coarser ones above it that are unambiguous, coarsest first."""
    h = reference().hierarchy
    chain = [tid]
    for level in (Level.EPCI, Level.DEPARTEMENT, Level.REGION):
        if h[tid].level.rank >= level.rank:
            continue
        above = h.project(tid, level)
        if len(above) == 1:
            chain.append(next(iter(above)))
    return chain[::-1]


def territory_picker(ctx: AppContext, key: str = "territory", allow_all: bool = True,
                     default: str | None = None) -> str | None:
    """Search a territory, climb up its hierarchy or go down to its children; `None` means all.

    The choice is a plain session value (not one widget), written to the URL as `territory`.
    """
    h = reference().hierarchy
    lang = ctx.lang
    if key not in st.session_state:
        raw = urlstate.read(key)
        st.session_state[key] = raw if raw in h else urlstate.kept(key)
    chosen = st.session_state.get(key)
    if chosen not in h:
        chosen = st.session_state[key] = None
    current = chosen or (None if allow_all else default)
    if current:
        st.markdown(t("terr.current", lang, name=place_label(current, lang)))
        # A row that wraps, each button as wide as its name, a long name on two lines: columns of
        # equal width cut the names to « › A › D › C » in a narrow filter column (1280 px screens).
        crumbs = st.container(horizontal=True, gap=None, key=f"{key}-crumbs")
        crumbs.html(CRUMBS_CSS.replace("KEY", key))
        for tid in _chain(current):
            crumbs.button(h[tid].name, key=f"{key}.up.{tid}", on_click=_go, args=(key, tid), type="tertiary",
                          icon=":material/chevron_right:", disabled=tid == current,
                          help=t("terr.up", lang), width="content")
        if allow_all:
            crumbs.button(t("terr.clear", lang), key=f"{key}.all", on_click=_go, args=(key, None),
                          type="tertiary", icon=":material/public:", width="content")
    else:
        st.markdown(t("terr.current_none", lang))
    children = h.children(current or "pays:FR")
    if children:
        st.selectbox(t("terr.down", lang), children, index=None, key=f"{key}.down",
                     format_func=lambda tid: place_label(tid, lang), placeholder=t("terr.pick", lang),
                     on_change=_set_territory, args=(key, f"{key}.down"))
    query = st.text_input(t("terr.search", lang), key=f"{key}.q")
    if query and query.strip():
        hits = list(ctx.q(places.search_territories, query.strip(), PICKABLE_LEVELS))
        if hits:
            st.selectbox(t("terr.results", lang), hits, index=None, key=f"{key}.hit",
                         format_func=lambda tid: place_label(tid, lang), placeholder=t("terr.pick", lang),
                         on_change=_set_territory, args=(key, f"{key}.hit"))
        else:
            st.caption(t("common.nothing_found", lang, text=query))
    urlstate.sync(key, chosen, chosen)
    return current


# ---------------------------------------------------------------------- actors, alliances


def _entry_label(entry: common.Entry, lang: str) -> str:
    try:
        detail = kind_label(entry.detail, lang)
    except ValueError:
        detail = entry.detail
    return f"{entry.name} ({detail})"


def actor_picker(ctx: AppContext, key: str = "actor", label: str | None = None) -> str | None:
    """Choose one active actor: a list filtered as one types, or a name search on big datasets."""
    lang = ctx.lang
    directory = ctx.q(common.actor_directory)
    if directory:
        entries = {e.id: e for e in directory}
    else:  # beyond PICKER_MAX actors: the store searches what is typed (ecosystem.ui.pickers)
        entries, text = pickers.search_box(ctx, key, "actor", t("common.search_actor", lang))
        chosen = st.session_state.get(key) or urlstate.read(key) or urlstate.kept(key)
        if chosen and chosen not in entries:
            entries.update({e.id: e for e in ctx.q(common.actor_entries, (chosen,))})
        if not entries:
            pickers.hint(ctx, text, entries)
            return None
    urlstate.bind(key, urlstate.one_of(entries))
    if st.session_state.get(key) not in entries:
        st.session_state.pop(key, None)
    value = st.selectbox(label or t("common.choose_actor", lang), list(entries), index=None, key=key,
                         format_func=lambda i: _entry_label(entries[i], lang),
                         placeholder=t("terr.pick", lang))
    urlstate.sync(key, value, value)
    return value


def alliance_picker(ctx: AppContext, key: str = "alliance", label: str | None = None,
                    first_by_default: bool = True) -> str | None:
    lang = ctx.lang
    if ctx.q(pickers.alliance_count) > pickers.ALLIANCE_LIST_MAX:  # too many to list: search
        entries, text = pickers.search_box(ctx, key, "alliance", t("pick.search_alliance", lang))
        chosen = st.session_state.get(key) or urlstate.read(key)
        if chosen and chosen not in entries:
            entries.update({a.id: common.Entry(a.id, a.name, a.status.value)
                            for a in ctx.store.alliances([chosen])})
        if not entries:
            pickers.hint(ctx, text, entries)
            return None
        first_by_default = False
    else:
        entries = {e.id: e for e in ctx.q(common.alliance_directory)}
    if not entries:
        return None
    urlstate.bind(key, urlstate.one_of(entries))
    if st.session_state.get(key) not in entries:
        st.session_state.pop(key, None)
        if first_by_default:
            st.session_state[key] = next(iter(entries))
    value = st.selectbox(label or t("common.choose_alliance", lang), list(entries), key=key,
                         index=None if not first_by_default else 0,
                         format_func=lambda i: entries[i].name, placeholder=t("terr.pick", lang))
    urlstate.sync(key, value, value)
    return value


# ---------------------------------------------------------------------- filters


def sdg_filter(ctx: AppContext, key: str = "sdg", label: str | None = None) -> tuple[int, ...]:
    options = list(range(1, 18))
    urlstate.bind(key, urlstate.list_of(options, int))
    values = st.multiselect(label or t("map.sdgs", ctx.lang), options, key=key,
                            format_func=lambda n: sdg_label(n, ctx.lang),
                            placeholder=t("terr.pick", ctx.lang),
                            select_all=False)  # no English « Select all »
    urlstate.sync(key, urlstate.joined(values), list(values))
    return tuple(values)


def kind_filter(ctx: AppContext, key: str = "kinds") -> tuple[str, ...]:
    options = [k.value for k in ActorKind]
    urlstate.bind(key, urlstate.list_of(options))
    values = st.multiselect(t("map.kinds", ctx.lang), options, key=key,
                            format_func=lambda k: kind_label(k, ctx.lang),
                            placeholder=t("terr.pick", ctx.lang),
                            select_all=False)  # no English « Select all »
    urlstate.sync(key, urlstate.joined(values), list(values))
    return tuple(values)


def ids_filter(ctx: AppContext, key: str, label: str, entries: Sequence[common.Entry]) -> tuple[str, ...]:
    names = {e.id: e.name for e in entries}
    urlstate.bind(key, urlstate.list_of(names))
    if any(v not in names for v in st.session_state.get(key, [])):
        st.session_state[key] = [v for v in st.session_state[key] if v in names]
    values = st.multiselect(label, list(names), key=key, format_func=names.__getitem__,
                            placeholder=t("terr.pick", ctx.lang),
                            select_all=False)  # no English « Select all »
    urlstate.sync(key, urlstate.joined(values), list(values))
    return tuple(values)


def level_select(ctx: AppContext, levels: Sequence[Level], default: Level, key: str = "level",
                 label: str | None = None) -> Level:
    options = [lv.value for lv in levels]
    urlstate.bind(key, urlstate.one_of(options))
    if st.session_state.get(key) not in options:
        st.session_state[key] = default.value if default.value in options else options[0]
    value = st.radio(label or t("common.level", ctx.lang), options, key=key, horizontal=True,
                     format_func=lambda v: level_label(v, ctx.lang))
    urlstate.sync(key, None if value == default.value else value, value)
    return Level(value)


def choice(ctx: AppContext, key: str, label: str, options: Sequence[str], labels: dict[str, str],
           horizontal: bool = True) -> str:
    """A radio bound to the URL (omitted from it when on the first option)."""
    urlstate.bind(key, urlstate.one_of(options))
    if st.session_state.get(key) not in options:
        st.session_state[key] = options[0]
    value = st.radio(label, list(options), key=key, horizontal=horizontal, format_func=labels.__getitem__)
    urlstate.sync(key, None if value == options[0] else value, value)
    return value


def focus_picker(ctx: AppContext, key: str = "focus") -> str | None:
    """An actor or an alliance to highlight on the map (alliances first)."""
    lang = ctx.lang
    labels = {e.id: f"◆ {e.name}" for e in ctx.q(common.alliance_directory)}
    for e in ctx.q(common.actor_directory):
        labels.setdefault(e.id, _entry_label(e, lang))
    chosen = st.session_state.get(key) or urlstate.read(key)
    if chosen and chosen not in labels:
        for e in ctx.q(common.actor_entries, (chosen,)):
            labels[e.id] = _entry_label(e, lang)
    urlstate.bind(key, urlstate.one_of(labels))
    if st.session_state.get(key) not in labels:
        st.session_state.pop(key, None)
    value = st.selectbox(t("map.focus", lang), list(labels), index=None, key=key,
                         format_func=labels.__getitem__,
                         placeholder=t("terr.pick", lang), help=t("map.focus_help", lang))
    urlstate.sync(key, value, value)
    return value
