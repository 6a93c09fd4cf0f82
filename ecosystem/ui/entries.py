"""The self-assessment entries of an alliance on the Alliances page, with « Corriger » and
« Supprimer » for whoever may (the entry's author, an administrator); viewers see the list only.

A click only marks the entry as pending in the session; the correction form or the confirmation
then calls `Writes`, which checks the role on the server again. A pending action forged into the
session state therefore reaches that check and is refused there (tests/test_app_entries.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from ecosystem.errors import EcosystemError, NotFound
from ecosystem.model import Assessment
from ecosystem.ui import session
from ecosystem.ui.context import AppContext
from ecosystem.ui.i18n import date_label, lever_label, t
from ecosystem.ui.views.assessment_entries import entry_lines

PENDING = "entries.pending"  # ("correct" | "delete", alliance id, entry id)
FLASH = "alliances.flash"  # shown at the top of the Alliances page after the rerun


def show_entries(ctx: AppContext, alliance_id: str, history: tuple[Assessment, ...]) -> None:
    lang = ctx.lang
    st.markdown(f"#### {t('entries.title', lang)}")
    st.caption(t("entries.intro", lang))
    pending = st.session_state.get(PENDING)
    if isinstance(pending, tuple) and len(pending) == 3 and pending[1] == alliance_id:
        _pending(ctx, *pending)
    dataset = ctx.q(session.dataset_of, alliance_id)
    lines = entry_lines(history, session.principal(), dataset, lang)
    if not any(line.may_amend for line in lines):  # a viewer's list: the whole width for the text
        for line in lines:
            st.markdown(line.text)
        return
    for line in lines:
        text_col, correct_col, delete_col = st.columns([6, 2, 2], vertical_alignment="center")
        text_col.markdown(line.text)
        if not line.may_amend:
            continue
        entry_id = line.entry.entry_id
        if correct_col.button(t("entries.correct", lang), key=f"entries.correct.{entry_id}",
                              icon=":material/edit:"):
            st.session_state[PENDING] = ("correct", alliance_id, entry_id)
            st.rerun()
        if delete_col.button(t("entries.delete", lang), key=f"entries.delete.{entry_id}",
                             icon=":material/delete:"):
            st.session_state[PENDING] = ("delete", alliance_id, entry_id)
            st.rerun()


def _find(ctx: AppContext, alliance_id: str, entry_id: str) -> Assessment | None:
    return next((s for s in ctx.store.assessments(alliance_id) if s.entry_id == entry_id), None)


def _pending(ctx: AppContext, action: str, alliance_id: str, entry_id: str) -> None:
    """The correction form or the deletion's confirmation for the entry marked pending."""
    lang = ctx.lang
    entry = _find(ctx, alliance_id, entry_id)
    if entry is None:
        st.session_state.pop(PENDING, None)
        st.warning(t("entries.gone", lang))
        return
    when, lever = date_label(entry.on, lang), lever_label(entry.lever, lang)
    if action == "delete":
        st.warning(t("entries.confirm_delete", lang, when=when, lever=lever, score=entry.score))
        yes, no, _ = st.columns([2, 1, 4])
        if yes.button(t("entries.confirm", lang), key="entries.confirm", type="primary"):
            _write(ctx, lambda: session.writes(ctx).delete_assessment(alliance_id, entry.lever, entry.on),
                   t("entries.deleted", lang, when=when, lever=lever))
        if no.button(t("entries.cancel", lang), key="entries.cancel"):
            st.session_state.pop(PENDING, None)
            st.rerun()
        return
    with st.form("entries.correct_form"):
        st.markdown(f"**{t('entries.correct_title', lang, when=when, lever=lever)}**")
        score = st.select_slider(t("entries.score", lang), (0, 1, 2, 3), value=entry.score,
                                 key="entries.score", format_func=lambda v: t(f"score.{v}", lang))
        comment = st.text_input(t("entries.comment", lang), value=entry.comment, key="entries.comment")
        save = st.form_submit_button(t("entries.save", lang), type="primary", icon=":material/save:")
    if st.button(t("entries.cancel", lang), key="entries.cancel"):
        st.session_state.pop(PENDING, None)
        st.rerun()
    if save:
        _write(ctx, lambda: _correct(ctx, alliance_id, entry.lever, entry.on, int(score), comment),
               t("entries.corrected", lang, when=when, lever=lever))


def _correct(ctx: AppContext, alliance_id: str, lever: str, on: date, score: int, comment: str) -> None:
    session.writes(ctx).correct_assessment(alliance_id, lever, on, score, comment)


def _write(ctx: AppContext, write: Callable[[], object], done: str) -> None:
    """Run the write; on success say so at the top of the page, else show why, in the user's language."""
    try:
        write()
    except NotFound:
        st.session_state.pop(PENDING, None)
        st.warning(t("entries.gone", ctx.lang))
        return
    except EcosystemError as error:
        st.session_state.pop(PENDING, None)
        st.error(error.text(ctx.lang), icon=":material/block:")
        return
    st.session_state.pop(PENDING, None)
    ctx.changed()
    st.session_state[FLASH] = done
    st.rerun()
