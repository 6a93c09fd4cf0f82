"""Alliances: the charter diagnosis principle by principle, the 21-lever self-assessment, its path."""

from datetime import date

import streamlit as st

from ecosystem.access.roles import Action, Target, allowed
from ecosystem.analysis.diagnosis import diagnose
from ecosystem.model import LeverFamily
from ecosystem.reference import reference
from ecosystem.ui import charts, components, session, verdict_panels, widgets
from ecosystem.ui.context import current
from ecosystem.ui.entries import show_entries
from ecosystem.ui.i18n import date_label, kind_label, lever_label, role_label, t
from ecosystem.ui.views.alliances import (
    SCORE_OPTIONS,
    alliance_card,
    assessments_from_form,
    default_score,
    history_table,
)
from ecosystem.ui.views.report_button import report_button

FLASH = "alliances.flash"

ctx = current()
lang = ctx.lang
st.title(t("all.title", lang))
if verdict_panels.scope_choice(ctx) == "portfolio":
    verdict_panels.portfolio_panel(ctx)
    st.stop()
alliance_id = widgets.alliance_picker(ctx)
if alliance_id is None:
    st.info(t("common.no_alliance", lang))
    st.stop()

card = ctx.q(alliance_card, alliance_id)
alliance = card.alliance
if alliance.purpose:
    st.caption(alliance.purpose)
if card.members:
    members = ", ".join(f"{name} ({kind_label(kind, lang).lower()}, {role_label(role, lang)})"
                        for name, kind, role in card.members)
    st.markdown(t("all.members", lang, members=members))
else:
    st.caption(t("all.no_members", lang))
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH), icon=":material/check_circle:")

tab = widgets.choice(ctx, "tab", t("common.view", lang), ("diagnosis", "assess", "history"),
                     {"diagnosis": t("all.tab_diagnosis", lang), "assess": t("all.tab_assess", lang),
                      "history": t("all.tab_history", lang)})


if tab == "diagnosis":
    diagnosis = ctx.q(diagnose, alliance_id, lang)
    st.info(diagnosis.summary, icon=":material/fact_check:")
    verdict_panels.legend(lang)
    radar, detail = st.columns([2, 3], gap="large")
    with radar:
        st.plotly_chart(charts.principles_radar(diagnosis.principles, lang), width="stretch",
                        config={"displayModeBar": False})
    with detail:
        for verdict in diagnosis.principles:
            components.verdict_block(verdict, lang)
    for family, verdicts in (("modalite", diagnosis.modalities), ("moyen", diagnosis.means)):
        with st.expander(t(f"family.{family}", lang)):
            for verdict in verdicts:
                components.verdict_block(verdict, lang)
    report_button(ctx, alliance_id)

elif tab == "assess" and not allowed(
        session.principal(), Action.ASSESS,
        Target(dataset=ctx.q(session.dataset_of, alliance_id), alliance=alliance_id)):
    st.info(t("access.not_granted", lang))

elif tab == "assess":
    st.write(t("all.levers_intro", lang))
    paths = {p.lever: p for p in card.paths}
    with st.form(f"assess.{alliance_id}"):
        on = st.date_input(t("all.assess_date", lang), value=date.today(), key=f"assess.{alliance_id}.on",
                           format="DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD")
        scores: dict[str, str] = {}
        comments: dict[str, str] = {}
        for family in LeverFamily:
            st.markdown(f"#### {t(f'family.{family.value}', lang)}")
            for lever in reference().levers.family(family):
                path = paths[lever.id]
                name_col, score_col, comment_col = st.columns([3, 3, 4])
                latest = (t("all.latest", lang, score=path.latest, when=date_label(path.latest_on, lang))
                          if path.latest is not None else t("all.never", lang))
                name_col.markdown(f"**{lever_label(lever.id, lang)}**  \n:gray[{latest}]",
                                  help=lever.description)
                scores[lever.id] = score_col.select_slider(
                    lever_label(lever.id, lang), SCORE_OPTIONS, value=default_score(path),
                    key=f"assess.{alliance_id}.{lever.id}", label_visibility="collapsed",
                    format_func=lambda v: t("score.none" if v == "—" else f"score.{v}", lang))
                comments[lever.id] = comment_col.text_input(
                    t("all.comment", lang), key=f"assess.{alliance_id}.{lever.id}.comment",
                    label_visibility="collapsed", placeholder=t("all.comment", lang))
        submitted = st.form_submit_button(t("all.save", lang), type="primary", icon=":material/save:")
    if submitted:
        shown = {lever: default_score(path) for lever, path in paths.items()}
        records = assessments_from_form(alliance_id, on, scores, comments, shown)
        if not records:
            st.warning(t("all.nothing_to_save", lang))
        else:
            session.writes(ctx).record_assessments(records)
            ctx.changed()
            st.session_state[FLASH] = t("assess.saved_one" if len(records) == 1 else "all.saved", lang,
                                        n=len(records), when=date_label(on, lang))
            st.rerun()

else:
    if not card.history:
        st.info(t("all.history_empty", lang))
    else:
        for family in LeverFamily:
            st.plotly_chart(charts.lever_history(card.paths, family, lang), width="stretch",
                            config={"displayModeBar": False}, key=f"history.{family.value}")
        with st.expander(t("all.history_table", lang)):
            st.dataframe(history_table(card.history, lang), hide_index=True, width="stretch")
        show_entries(ctx, alliance_id, card.history)
st.caption(t("common.share", lang))
