"""Small rendering pieces shared by pages (Streamlit calls only, no logic)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ecosystem.analysis.verdict import Verdict
from ecosystem.ui.i18n import percent_label, status_label, t
from ecosystem.ui.views.explain import score_help

BADGES = {"met": ("green", "✓"), "partly": ("orange", "◐"), "not_met": ("red", "✗"),
          "not_assessable": ("gray", "?")}
"""Status badges: a colour and a sign, so the status never rests on colour alone."""


def progress_callback(bar, text: str) -> Callable[[int, int], None]:
    """A store.load progress callback that moves a st.progress bar."""

    def report(done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=f"{text} {done}/{total}")

    return report


def verdict_block(verdict: Verdict, lang: str) -> None:
    """One lever's verdict: name, status badge and score, the evidence, the suggestion."""
    colour, mark = BADGES[verdict.status.value]
    score = f" · {percent_label(verdict.score, lang)}" if verdict.score is not None else ""
    prefix = f"P{verdict.number} · " if verdict.family.value == "principe" else ""
    status = badge(f"{mark} {status_label(verdict.status.value, lang)}{score}", colour)
    st.markdown(f"**{prefix}{verdict.name}** {status}", help=score_help(verdict.lever, lang))
    for line in verdict.evidence:
        st.markdown(f"- {line}")
    if verdict.suggestion:
        colon = " :" if lang == "fr" else ":"
        st.markdown(f"*{t('all.suggestion', lang)}{colon}* {verdict.suggestion}")


def result_card(title: str, badges: list[str], text: str) -> None:
    """One result (an overlapping actor, a partner): its name, a few badges, the sentence saying why."""
    with st.container(border=True):
        st.markdown(f"**{title}** " + " ".join(badges))
        st.markdown(text)


def badge(text: str, colour: str = "blue") -> str:
    """Markdown for a small coloured badge (the text carries the meaning, the colour only helps)."""
    clean = text.replace("[", "(").replace("]", ")")
    return f":{colour}-badge[{clean}]"
