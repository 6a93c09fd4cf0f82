"""Accueil: which store, what is loaded, where to start."""

import streamlit as st

from ecosystem.access.serving import LOCAL_ADMIN
from ecosystem.ui import charts, session
from ecosystem.ui.context import current
from ecosystem.ui.i18n import date_label, number_label, t
from ecosystem.ui.shell import PAGES_DIR
from ecosystem.ui.views.home import summary

ctx = current()
lang = ctx.lang
s = ctx.q(summary)

st.title(t("home.title", lang))
st.write(t("home.intro", lang))
if session.principal() == LOCAL_ADMIN:
    st.info(t("access.local_admin", lang), icon="🔒")

kind = t("home.store_embedded", lang) if s.store_kind == "embedded" else t("home.store_neo4j", lang)
st.caption(f"{t('home.store', lang)} : {kind} — `{s.store_label}`" if lang == "fr"
           else f"{t('home.store', lang)}: {kind} — `{s.store_label}`")

if not s.datasets:
    st.info(t("common.empty_store", lang), icon=":material/upload_file:")
else:
    st.subheader(t("home.loaded", lang))
    cols = st.columns(5)
    figures = (("home.actors", s.actors), ("home.alliances", s.alliances), ("home.policies", s.policies),
               ("home.memberships", s.memberships), ("home.assessments", s.assessments))
    for col, (key, value) in zip(cols, figures, strict=True):
        col.metric(t(key, lang), number_label(value, lang))
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(charts.kinds_bar(s.actors_by_kind, lang), width="stretch",
                        config={"displayModeBar": False})
    with right:
        st.markdown(f"**{t('home.datasets', lang)}**")
        for d in s.datasets:
            counts = t("home.dataset_counts", lang, actors=d.actors, policies=d.policies,
                       alliances=d.alliances)
            when = t("home.dataset_loaded_at", lang, when=date_label(d.loaded_at, lang))
            st.markdown(f"- **{d.name}** (`{d.id}`) — {when}  \n  {counts}")

st.subheader(t("home.start", lang))
links = (("map.py", "home.start_map", ":material/hub:"),
         ("territories.py", "home.start_territories", ":material/grid_on:"),
         ("overlaps.py", "home.start_overlaps", ":material/join_inner:"),
         ("complements.py", "home.start_complements", ":material/extension:"),
         ("alliances.py", "home.start_alliances", ":material/handshake:"),
         ("data.py", "home.start_data", ":material/database:"))
for page, key, icon in links:  # absolute: a relative path would be read from app.py's folder, not ours
    st.page_link(str(PAGES_DIR / page), label=t(key, lang), icon=icon)
