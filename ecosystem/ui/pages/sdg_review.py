"""Revue des ODD: the inferred SDGs, filtered, confirmed or rejected one by one or in bulk."""

import streamlit as st

from ecosystem.access.registers import review_checked, reviewable
from ecosystem.errors import EcosystemError
from ecosystem.importers.review import Decision, SdgReview
from ecosystem.ui import session
from ecosystem.ui.context import current
from ecosystem.ui.i18n import kind_label, number_label, place_label, sdg_label, t
from ecosystem.ui.tables import csv_download
from ecosystem.ui.views import sdg_review as views

FLASH = "review.flash"
TABLE = "review.table"

ctx = current()
lang = ctx.lang
writes = session.writes(ctx)
st.title(t("rev.title", lang))
st.write(t("rev.intro", lang))
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH), icon=":material/check_circle:")

rows = ctx.q(views.pending)
if not rows:
    st.info(t("rev.none", lang), icon=":material/fact_check:")
    st.stop()

# ---------------------------------------------------------------------- filters
left, middle, right = st.columns(3)
with left:
    territory = st.selectbox(
        t("rev.filter_territory", lang),
        views.territory_options(rows),
        index=None,
        key="review.territory",
        format_func=lambda tid: place_label(tid, lang),
        placeholder=t("terr.pick", lang),
    )
    text = st.text_input(t("rev.filter_text", lang), key="review.text")
with middle:
    kinds = st.multiselect(
        t("rev.filter_kind", lang),
        sorted({r.kind for r in rows}),
        key="review.kinds",
        format_func=lambda k: kind_label(k, lang),
        placeholder=t("terr.pick", lang),
        select_all=False,
    )
    sdgs = st.multiselect(
        t("rev.filter_sdg", lang),
        sorted({r.number for r in rows}),
        key="review.sdgs",
        format_func=lambda n: sdg_label(n, lang),
        placeholder=t("terr.pick", lang),
        select_all=False,
    )
with right:
    confidence = st.slider(
        t("rev.filter_confidence", lang), 0, 100, 0, step=5, format="%d %%", key="review.confidence"
    )
shown = views.filtered(rows, views.Filters(territory, tuple(kinds), tuple(sdgs), confidence / 100, text))
if not shown:
    st.info(t("rev.none_match", lang))
    st.stop()
actors = len({(r.dataset, r.actor) for r in shown})
st.write(
    t("rev.count_one", lang)
    if len(shown) == 1
    else t(
        "rev.count",
        lang,
        n=number_label(len(shown), lang),
        actors=t("rev.actor_one", lang)
        if actors == 1
        else t("rev.actors", lang, n=number_label(actors, lang)),
    )
)

# ---------------------------------------------------------------------- the table, with row selection
frame = views.table(shown, lang)
may = reviewable(writes, {r.dataset for r in shown})
drawn = frame.head(views.SHOWN)
if may:
    event = st.dataframe(
        drawn, hide_index=True, width="stretch", key=TABLE, on_select="rerun", selection_mode="multi-row"
    )
    picked = set(event.selection.rows) if event is not None else set()
else:
    st.dataframe(drawn, hide_index=True, width="stretch", key=TABLE)
    picked = set()
if len(frame) > views.SHOWN:
    st.caption(t("rev.shown_cut", lang, shown=number_label(views.SHOWN, lang)))
csv_download(frame, "odd-deduits" if lang == "fr" else "inferred-sdgs", lang, key="review.csv")

if not may:
    st.info(
        t("rev.read_only", lang, role=session.role_name(writes.principal.role, lang)), icon=":material/lock:"
    )
    st.stop()

every = st.checkbox(t("rev.select_all", lang), key="review.all")
chosen = [r for i, r in enumerate(shown) if every or i in picked]
chosen = [r for r in chosen if r.dataset in may]
if not chosen:
    st.caption(t("rev.pick_some", lang))
yes, no, _ = st.columns([3, 3, 2])
n = number_label(len(chosen), lang)
confirm = yes.button(
    t("rev.confirm", lang, n=n),
    type="primary",
    disabled=not chosen,
    key="review.confirm",
    icon=":material/check:",
)
reject = no.button(
    t("rev.reject", lang, n=n), disabled=not chosen, key="review.reject", icon=":material/close:"
)
if confirm or reject:
    decision = Decision.CONFIRM if confirm else Decision.REJECT
    reviews = [SdgReview(r.actor, r.number, decision) for r in chosen]
    try:
        review_checked(writes, reviews, {r.actor: r.dataset for r in chosen})
    except EcosystemError as error:
        st.error(error.text(lang), icon=":material/error:")
    else:
        ctx.changed()
        count = len(reviews)
        if confirm:
            message = (
                t("rev.confirmed_one", lang)
                if count == 1
                else t("rev.confirmed", lang, n=number_label(count, lang))
            )
        else:
            message = (
                t("rev.rejected_one", lang)
                if count == 1
                else t("rev.rejected", lang, n=number_label(count, lang))
            )
        st.session_state[FLASH] = message
        st.session_state.pop("review.all", None)
        st.rerun()
