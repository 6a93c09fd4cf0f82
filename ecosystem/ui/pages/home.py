"""Accueil: where to start first (visible without scrolling), what is loaded, the charter, À propos."""

import streamlit as st

from ecosystem.access.serving import LOCAL_ADMIN
from ecosystem.ui import charts, session
from ecosystem.ui.context import current, pure, shared
from ecosystem.ui.i18n import date_label, lever_label, number_label, t
from ecosystem.ui.shell import PAGES_DIR
from ecosystem.ui.views.about import about, charter_levers
from ecosystem.ui.views.home import summary

ctx = current()
lang = ctx.lang
s = ctx.q(summary)

st.title(t("home.title", lang))
st.write(t("home.intro", lang))

# ---------------------------------------------------------------------- where to start (above the fold)
with st.container(border=True):
    st.subheader(t("home.start", lang))
    steps, action = st.columns([3, 1], vertical_alignment="center")
    with steps:
        for key in ("first.step1", "first.step2", "first.step3"):
            st.markdown(t(key, lang))
    with action:  # absolute paths: a relative one would be read from app.py's folder, not ours
        if st.button(t("first.choose", lang), type="primary", icon=":material/place:", key="home.first_step"):
            st.switch_page(str(PAGES_DIR / "territories.py"))
if not s.datasets:
    st.info(t("common.empty_store", lang), icon=":material/upload_file:")
if session.principal() == LOCAL_ADMIN:
    st.info(t("access.local_admin", lang), icon="🔒")

# ---------------------------------------------------------------------- what is loaded
if s.datasets:
    st.subheader(t("home.loaded", lang))
    cols = st.columns(5)
    figures = (("home.actors", s.actors), ("home.alliances", s.alliances), ("home.policies", s.policies),
               ("home.memberships", s.memberships), ("home.assessments", s.assessments))
    for col, (key, value) in zip(cols, figures, strict=True):
        col.metric(t(key, lang), number_label(value, lang))
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(shared(charts.kinds_bar, s.actors_by_kind, lang), width="stretch",
                        config={"displayModeBar": False})
    with right:
        st.markdown(f"**{t('home.datasets', lang)}**")
        for d in s.datasets:
            counts = t("home.dataset_counts", lang, actors=d.actors, policies=d.policies,
                       alliances=d.alliances)
            when = t("home.dataset_loaded_at", lang, when=date_label(d.loaded_at, lang))
            st.markdown(f"- **{d.name}** (`{d.id}`) — {when}  \n  {counts}")

# ---------------------------------------------------------------------- every page
st.subheader(t("first.other_pages", lang))
links = (("map.py", "home.start_map", ":material/hub:"),
         ("territories.py", "home.start_territories", ":material/grid_on:"),
         ("overlaps.py", "home.start_overlaps", ":material/join_inner:"),
         ("complements.py", "home.start_complements", ":material/extension:"),
         ("alliances.py", "home.start_alliances", ":material/handshake:"),
         ("data.py", "home.start_data", ":material/database:"),
         ("sdg_review.py", "rev.title", ":material/fact_check:"))
for page, key, icon in links:
    st.page_link(str(PAGES_DIR / page), label=t(key, lang), icon=icon)

# ---------------------------------------------------------------------- the charter, summarised
st.markdown(t("first.charter", lang))
with st.expander(t("first.charter_link", lang), icon=":material/menu_book:"):
    for family, levers in pure(charter_levers):
        st.markdown(f"**{t(f'family.{family}', lang)}**")
        st.markdown("\n".join(f"{i}. {lever_label(lever, lang)}" for i, lever in enumerate(levers, 1)))

# ---------------------------------------------------------------------- À propos (for whoever maintains it)
with st.expander(t("about.title", lang), icon=":material/info:"):
    a = ctx.q(about)
    kind = t("home.store_embedded", lang) if a.kind == "embedded" else t("home.store_neo4j", lang)
    colon = " :" if lang == "fr" else ":"
    st.markdown(f"{t('home.store', lang)}{colon} {kind}")
    st.caption(t("app.store", lang, label=a.label))
    st.markdown(t("about.location", lang, location=f"`{a.location}`"))
    st.markdown(t("about.versions", lang, versions=", ".join(f"{name} {v}" for name, v in a.versions)))
