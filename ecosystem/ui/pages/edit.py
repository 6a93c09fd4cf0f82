"""Modifier: create, correct and retire records, change an alliance's members, try partners (what-if).

Each save is a new version of its dataset through `Edits` (role checked on the server, history,
audit); the forms are read-only for those who may not edit the dataset chosen.
"""

import streamlit as st

from ecosystem.access.roles import Action, Role, Target, allowed
from ecosystem.ui import session, widgets
from ecosystem.ui.context import current
from ecosystem.ui.edit_records import FLASH, NEW, members_form, record_form, record_picker
from ecosystem.ui.edit_whatif import whatif_section
from ecosystem.ui.i18n import t
from ecosystem.ui.views import editing as views

ctx = current()
lang = ctx.lang
who = session.principal()
st.title(t("edit.title", lang))
st.caption(t("edit.intro", lang))
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH), icon=":material/check_circle:")
if who.role is Role.VIEWER:
    st.info(t("edit.read_only", lang, role=session.role_name(who.role, lang)))

tab = widgets.choice(ctx, "edit.tab", t("common.view", lang), ("records", "members", "whatif"),
                     {"records": t("edit.tab_records", lang), "members": t("edit.tab_members", lang),
                      "whatif": t("edit.tab_whatif", lang)})

if tab == "whatif":
    whatif_section(ctx)
    st.stop()

datasets = {e.id: e.name for e in ctx.q(views.dataset_entries)}
if not datasets:
    st.info(t("edit.no_dataset", lang))
    st.stop()
editable = [d for d in datasets if allowed(who, Action.EDIT, Target(dataset=d))]
if who.role is Role.CONTRIBUTOR and not editable:
    st.info(t("edit.no_editable", lang))
options = editable + [d for d in datasets if d not in editable]
dataset_id = st.selectbox(t("edit.dataset", lang), options, key="edit.dataset",
                          format_func=lambda d: f"{datasets[d]} ({d})")
can = dataset_id in editable

if tab == "members":
    members_form(ctx, dataset_id, can)
    st.stop()

kinds = {"actor": t("edit.kind_actor", lang), "policy": t("edit.kind_policy", lang),
         "alliance": t("edit.kind_alliance", lang)}
kind = st.radio(t("edit.kind", lang), list(kinds), key="edit.kind", horizontal=True,
                format_func=kinds.__getitem__)
record = record_picker(ctx, dataset_id, kind) or NEW
record_form(ctx, dataset_id, kind, record, can)
