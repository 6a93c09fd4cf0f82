"""The Modifier page's « Et si… ? » section: try partners on an alliance, see the diagnosis change
principle by principle, keep the try as a named scenario or apply it.

Trying is open to every reader (nothing is written); keeping and applying are offered to those who
may edit the alliance's dataset and checked again on the server (`Scenarios.keep`, `Edits`).
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from ecosystem.access.roles import Action, Principal, Target, allowed
from ecosystem.analysis import wording as w
from ecosystem.analysis.whatif import Change, WhatIf
from ecosystem.editing.edits import Edits
from ecosystem.editing.scenarios import Scenario, Scenarios
from ecosystem.errors import DatasetInvalid
from ecosystem.ui import session, widgets
from ecosystem.ui.components import BADGES, badge
from ecosystem.ui.context import AppContext
from ecosystem.ui.edit_records import FLASH, problems
from ecosystem.ui.i18n import date_label, kind_label, percent_label, status_label, t
from ecosystem.ui.views import editing as views

DIRECTION = {1: ("green", "↑"), -1: ("red", "↓"), 0: ("gray", "=")}
"""A principle's change: colour, arrow (the meaning never rests on colour alone), word."""


def status_badge(status: str, score: float | None, lang: str) -> str:
    colour, mark = BADGES[status]
    shown = f" · {percent_label(score, lang)}" if score is not None else ""
    return badge(f"{mark} {status_label(status, lang)}{shown}", colour)


def change_line(change: Change, lang: str) -> str:
    """« P4 · Complémentarité : [en partie · 50 %] → [atteint · 80 %] [↑ mieux] », the change coloured."""
    colour, arrow = DIRECTION[change.direction]
    if change.direction:
        word = t("whatif.better", lang) if change.direction > 0 else t("whatif.worse", lang)
    elif change.moved and (change.score_after or 0) > (change.score_before or 0):
        colour, arrow, word = "blue", "↗", t("whatif.score_up", lang)
    elif change.moved:
        colour, arrow, word = "orange", "↘", t("whatif.score_down", lang)
    else:
        word = t("whatif.same", lang)
    colon = " :" if lang == "fr" else ":"
    before = status_badge(change.before.value, change.score_before, lang)
    after = status_badge(change.after.value, change.score_after, lang)
    moved = badge(f"{arrow} {word}", colour)
    return f"**P{change.number} · {change.name}**{colon} {before} → {after} {moved}"


def gains(result: WhatIf, lang: str) -> str:
    if lang == "fr":
        return (w.counted(result.gained, "principe en progrès", "principes en progrès", lang) + ", "
                + w.counted(result.lost, "en recul", "en recul", lang) + ".")
    return (w.counted(result.gained, "principle better", "principles better", lang) + ", "
            + w.counted(result.lost, "worse", "worse", lang) + ".")


def _pickers(ctx: AppContext, alliance: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The partners to add (suggested complements, or any actor found by a search in the store) and
    the members to remove."""
    lang = ctx.lang
    members = {e.id: e for e in ctx.q(views.member_entries, alliance)}
    remove = st.multiselect(t("whatif.remove", lang), list(members), key=f"whatif.remove.{alliance}",
                            format_func=lambda i: members[i].name, placeholder=t("whatif.choose", lang))
    suggested = {s.id: s for s in ctx.q(views.suggestions, alliance, lang) if s.id not in members}
    picked = st.multiselect(t("whatif.complements", lang), list(suggested), key=f"whatif.add.{alliance}",
                            placeholder=t("whatif.choose", lang),
                            format_func=lambda i: f"{suggested[i].name} "
                                                  f"({kind_label(suggested[i].kind, lang)})")
    for i in picked:
        st.caption(f"**{suggested[i].name}** — {suggested[i].why}")
    query = st.text_input(t("whatif.search", lang), key=f"whatif.q.{alliance}").strip()
    found = {e.id: e for e in ctx.q(views.search_actors, query)} if query else {}
    pinned = tuple(st.session_state.get(f"whatif.pinned.{alliance}", ()))
    found.update({e.id: e for e in ctx.q(views.actor_entries, pinned)})
    key = f"whatif.found.{alliance}"
    kept = [i for i in st.session_state.get(key, []) if i in found]
    st.session_state[key] = kept
    options = [i for i in found if i not in members]
    others = st.multiselect(t("whatif.found", lang), options, key=key,
                            placeholder=t("whatif.choose" if options else "whatif.search_first", lang),
                            format_func=lambda i: f"{found[i].name} ({kind_label(found[i].detail, lang)})")
    add = tuple(sorted(set(picked) | set(others)))
    return add, tuple(sorted(remove))


def _scenarios(ctx: AppContext, who: Principal, alliance: str, dataset: str, can: bool) -> None:
    lang = ctx.lang
    kept = Scenarios.of(ctx.store).list(alliance)
    if not kept:
        return
    st.markdown(f"**{t('whatif.scenarios', lang)}**")
    for s in kept:
        line, open_col, delete_col = st.columns([6, 1, 1])
        line.markdown(t("whatif.scenario_line", lang, name=s.name, added=len(s.added), removed=len(s.removed),
                        by=s.by, at=date_label(s.at, lang)))
        if open_col.button(t("whatif.load", lang), key=f"whatif.open.{alliance}.{s.name}"):
            st.session_state[f"whatif.pinned.{alliance}"] = list(s.added)
            st.session_state[f"whatif.found.{alliance}"] = list(s.added)
            st.session_state[f"whatif.add.{alliance}"] = []
            st.session_state[f"whatif.remove.{alliance}"] = list(s.removed)
            st.rerun()
        if delete_col.button(t("whatif.delete", lang), key=f"whatif.del.{alliance}.{s.name}",
                             disabled=not can):
            Scenarios.of(ctx.store).delete(who, alliance, dataset, s.name)
            st.rerun()


def whatif_section(ctx: AppContext) -> None:
    lang = ctx.lang
    who = session.principal()
    st.caption(t("whatif.intro", lang))
    alliance = widgets.alliance_picker(ctx, key="whatif.alliance")
    if alliance is None:
        st.info(t("common.no_alliance", lang))
        return
    dataset = ctx.q(views.dataset_of_alliance, alliance)
    can = allowed(who, Action.EDIT, Target(dataset=dataset, alliance=alliance))
    if not can:
        st.caption(t("whatif.not_granted", lang))
    _scenarios(ctx, who, alliance, dataset, can)
    add, remove = _pickers(ctx, alliance)
    if not add and not remove:
        st.info(t("whatif.nothing", lang))
        return
    result = ctx.q(views.tried, alliance, add, remove, lang)
    before, after = st.columns(2)
    before.markdown(f"**{t('whatif.before', lang)}**  \n{result.before.summary}")
    after.markdown(f"**{t('whatif.after', lang)}**  \n{result.after.summary}")
    for change in result.changes:
        st.markdown(change_line(change, lang))
    st.markdown(gains(result, lang))
    name_col, keep_col = st.columns([3, 1], vertical_alignment="bottom")
    name = name_col.text_input(t("whatif.scenario_name", lang), key=f"whatif.name.{alliance}",
                               disabled=not can)
    if keep_col.button(t("whatif.keep", lang), key=f"whatif.keep.{alliance}", icon=":material/bookmark:",
                       disabled=not can):
        scenario = Scenario(name.strip(), alliance, dataset, result.added, result.removed, who.name,
                            datetime.now(UTC).isoformat())
        Scenarios.of(ctx.store).keep(who, scenario)
        st.session_state[FLASH] = t("whatif.kept", lang, name=name.strip())
        st.rerun()
    if st.button(t("whatif.apply", lang), key=f"whatif.apply.{alliance}", type="primary",
                 icon=":material/check:", disabled=not can):
        members = [(m.actor, m.role) for m in result.members]
        try:
            Edits(session.writes(ctx)).set_members(dataset, alliance, members, lang)
        except DatasetInvalid as error:
            problems(error, lang)
            return
        ctx.changed()
        for key in (f"whatif.add.{alliance}", f"whatif.found.{alliance}", f"whatif.remove.{alliance}",
                    f"whatif.pinned.{alliance}"):
            st.session_state.pop(key, None)
        st.session_state[FLASH] = t("whatif.applied", lang, name=result.after.name)
        st.rerun()
