"""Évolution: what changed between two versions of a dataset (two imports, before and after an edit)."""

import json

import streamlit as st

from ecosystem.analysis.evolution import findings
from ecosystem.analysis.evolution_text import sentences
from ecosystem.model import Level
from ecosystem.ui import widgets
from ecosystem.ui.context import current
from ecosystem.ui.i18n import date_label, t
from ecosystem.ui.views import editing as views
from ecosystem.ui.views.evolution import changes_table, people_table

ctx = current()
lang = ctx.lang
st.title(t("evo.title", lang))
st.caption(t("evo.intro", lang))
datasets = ctx.q(views.history_datasets)
if not datasets:
    st.info(t("edit.no_dataset", lang))
    st.stop()
# Named as on the Modifier page (« Associations du RNA – Drôme (département 26) (rna-26) »): a bare id
# means nothing to the people comparing two imports. A removed dataset has no name left: its id.
names_of = {e.id: e.name for e in ctx.q(views.dataset_entries)}
dataset_id = st.selectbox(t("edit.dataset", lang), datasets, key="evo.dataset",
                          format_func=lambda d: f"{names_of[d]} ({d})" if d in names_of else d)
versions = {v.name: v for v in ctx.q(views.versions, dataset_id)}
if len(versions) < 2:
    st.info(t("evo.no_history", lang))
    st.stop()


def label(name: str) -> str:
    v = versions[name]
    if name == "live":
        return t("evo.live", lang)
    if not v.by:
        return t("evo.version_anonymous", lang, n=name, at=date_label(v.at, lang))
    return t("evo.version", lang, n=name, at=date_label(v.at, lang), by=v.by)


names = list(versions)
left, right = st.columns(2)
before = left.selectbox(t("evo.from", lang), names, index=1, key=f"evo.from.{dataset_id}", format_func=label)
after = right.selectbox(t("evo.to", lang), names, index=0, key=f"evo.to.{dataset_id}", format_func=label)
level = widgets.level_select(ctx, [Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION], Level.EPCI,
                             key="evo.level", label=t("evo.level", lang))
result = ctx.q(views.evolution, dataset_id, before, after, level.value)
lines = sentences(findings(result), lang)
st.info(lines[0], icon=":material/compare_arrows:")
for line in lines[1:]:
    st.markdown(f"- {line}")
for key, frame in (("evo.appeared", people_table(result.appeared, lang)),
                   ("evo.left", people_table(result.left + result.dissolved, lang)),
                   ("evo.changed", changes_table(result, lang))):
    if not frame.empty:
        with st.expander(f"{t(key, lang)} ({len(frame)})"):
            st.dataframe(frame, hide_index=True, width="stretch")
st.download_button(t("evo.json", lang), json.dumps(result.as_dict(), ensure_ascii=False, indent=1),
                   file_name=f"evolution-{dataset_id}.json", mime="application/json",
                   icon=":material/download:")
