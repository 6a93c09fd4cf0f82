"""The frame around every page: language, store, navigation, and errors shown as one message.

`app.py` calls `main()`. A store that cannot be reached (Neo4j down, wrong password) gives one
clear message with the fix, never a stack trace; so does any `EcosystemError` raised by a page.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ecosystem import settings
from ecosystem.access.errors import ServingRefused
from ecosystem.driver_log import quiet_driver
from ecosystem.errors import EcosystemError, StoreUnavailable
from ecosystem.settings_check import SettingInvalid, check_settings
from ecosystem.ui import session, timings
from ecosystem.ui.context import build_context, open_holder
from ecosystem.ui.i18n import t
from ecosystem.ui.widget_texts import french_widgets
from ecosystem.ui.widgets import language_switch

PAGES_DIR = Path(__file__).resolve().parent / "pages"
ICON = Path(__file__).resolve().parent / "assets" / "icon.png"
"""The tab icon, served by the app itself (a `:material/...:` or emoji icon is fetched from a CDN)."""

PAGES = (  # file, URL path, title key, icon
    ("home.py", "accueil", "nav.home", ":material/home:"),
    ("map.py", "carte", "nav.map", ":material/hub:"),
    ("geo.py", "geographie", "nav.geo", ":material/map:"),
    ("territories.py", "territoires", "nav.territories", ":material/grid_on:"),
    ("overlaps.py", "chevauchements", "nav.overlaps", ":material/join_inner:"),
    ("complements.py", "complementarites", "nav.complements", ":material/extension:"),
    ("alliances.py", "alliances", "nav.alliances", ":material/handshake:"),
    ("data.py", "donnees", "nav.data", ":material/database:"),
    ("edit.py", "modifier", "nav.edit", ":material/edit:"),
    ("evolution.py", "evolution", "nav.evolution", ":material/compare_arrows:"),
    ("sdg_review.py", "revue-odd", "nav.review", ":material/fact_check:"),
)


def main() -> None:
    started = timings.start()
    st.set_page_config(page_title="Écosystème", page_icon=str(ICON), layout="wide")
    lang = language_switch()
    french_widgets(lang)
    try:  # every setting checked before any is used: one sentence naming it, never a traceback
        check_settings()
    except SettingInvalid as error:
        st.error(t("access.refused", lang, message=error.text(lang)), icon=":material/settings:")
        st.stop()
    quiet_driver(settings.get("ECOSYSTEM_VERBOSE") == "1")
    try:
        who = session.identify()
    except ServingRefused as error:
        st.error(t("access.refused", lang, message=error.text(lang)))
        st.stop()
    session.account_box(who, lang)
    try:
        holder = open_holder()
        build_context(holder, lang)
    except StoreUnavailable as error:
        st.error(t("app.store_error", lang, message=error.text(lang)), icon=":material/cloud_off:")
        st.stop()
    if isinstance(holder.demo, EcosystemError):
        st.warning(t("app.demo_failed", lang, message=holder.demo.text(lang)))
    pages = [st.Page(PAGES_DIR / file, title=t(title, lang), icon=icon, url_path=path, default=i == 0)
             for i, (file, path, title, icon) in enumerate(PAGES)]
    page = st.navigation(pages)
    try:
        page.run()
    except EcosystemError as error:
        st.error(t("app.error", lang, message=error.text(lang)), icon=":material/error:")
    finally:
        timings.report(page.url_path, started)
