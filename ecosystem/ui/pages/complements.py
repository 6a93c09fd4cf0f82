"""Complémentarités: recommended partners for an actor or an alliance, each with its reasons."""

import streamlit as st

from ecosystem.analysis.overlap import Listing, more_sentence
from ecosystem.ui import components, tables, widgets
from ecosystem.ui.context import current
from ecosystem.ui.i18n import kind_label, number_label, percent_label, t
from ecosystem.ui.views.complements import SUBJECTS, complements_of, complements_table, of_name
from ecosystem.ui.views.explain import complement_help

SHOWN = 10

ctx = current()
lang = ctx.lang
st.title(t("cpl.title", lang))
st.write(t("cpl.intro", lang))

subject_type = widgets.choice(ctx, "for", t("cpl.for", lang), SUBJECTS,
                              {"actor": t("cpl.for_actor", lang), "alliance": t("cpl.for_alliance", lang)})
if subject_type == "alliance":
    subject = widgets.alliance_picker(ctx)
    if subject is None:
        st.info(t("common.no_alliance", lang))
else:
    subject = widgets.actor_picker(ctx)
    if subject is None:
        st.info(t("ovl.pick_actor_first", lang))

if subject:
    result = ctx.q(complements_of, subject_type, subject, SHOWN, lang)
    if not result.items:
        st.info(t("cpl.none", lang, of_name=of_name(result.subject.name, lang)))
    else:
        st.write(t("cpl.found_one", lang) if result.found == 1 else
                 t("cpl.found", lang, found=number_label(result.found, lang), shown=len(result.items)))
        st.caption(t("cpl.legend", lang) + " " + complement_help(lang))
        for c in result.items:
            badges = [components.badge(kind_label(c.kind, lang), "gray"),
                      components.badge(f"{t('common.score', lang)} {percent_label(c.score, lang)}", "green")]
            components.result_card(c.name, badges, c.reason)
        if result.more:  # the exact number of the others (analysis.complementarity.scan)
            st.caption(more_sentence(Listing(result.items, result.limit, result.found),
                                     ("partenaire", "partenaires", "partner", "partners"), None, lang))
        with st.expander(t("common.table", lang)):
            score = t("common.score", lang)
            bar = st.column_config.ProgressColumn(score, min_value=0, max_value=100, format="%d %%",
                                                  help=complement_help(lang))
            tables.long_table(complements_table(result, lang), "complements", lang,
                              "complementarites" if lang == "fr" else "complements",
                              column_config={score: bar})
st.caption(t("common.share", lang))
