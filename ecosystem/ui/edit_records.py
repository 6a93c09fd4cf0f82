"""The Modifier page's forms: one record (actor, policy, alliance) and an alliance's members.

Every field is a cell of the dataset format, so what a person types is checked by the same
validator as a file and the problems read the same. The forms are shown to everyone: read-only
(disabled) to those who may not edit the dataset, whose submit, if forged, still reaches
`Edits`, which refuses it on the server (`Action.EDIT`).
"""

from __future__ import annotations

import streamlit as st

from ecosystem.datasets.columns import Column, Kind
from ecosystem.editing.edits import Edits
from ecosystem.editing.records import RecordKind
from ecosystem.errors import DatasetInvalid
from ecosystem.model import MemberRole
from ecosystem.ui import session
from ecosystem.ui.context import AppContext
from ecosystem.ui.i18n import kind_label, number_label, role_label, t
from ecosystem.ui.views import editing as views
from ecosystem.ui.views.common import PICKER_MAX

NEW = "__new__"
FLASH = "edit.flash"
NEXT = "edit.next"
"""The record to select on the next run (after a save or a retire), set before its picker exists."""
SHOWN = 200
"""Records a search offers at once in a large dataset."""


def problems(error: DatasetInvalid, lang: str) -> None:
    """The validator's problems, as the import shows them, without the file's line (a form has none)."""
    n = len(error.problems)
    st.error(t("edit.invalid_one" if n == 1 else "edit.invalid_many", lang, n=n), icon=":material/error:")
    for p in error.problems:
        sentence = p.expected_fr if lang == "fr" else p.expected
        st.markdown(f"- {problem_line(p.column or '', p.value or '', sentence, lang)}")


def problem_line(column: str, value: str, sentence: str, lang: str) -> str:
    """A validator's sentence (it starts with its verb: « est vide… », « n'est pas… ») after its subject:
    the value typed, or the field itself.

    >>> print(problem_line("Territoires", "Valance", "n'est pas une commune connue", "fr"))
    **Territoires** : « Valance » n'est pas une commune connue
    >>> problem_line("Nom", "", "est vide, alors qu'elle est obligatoire", "fr")
    "La case **Nom** est vide, alors qu'elle est obligatoire"
    >>> problem_line("Name", "", "is empty, but it is required", "en")
    'The **Name** field is empty, but it is required'
    """
    if value:
        if lang == "fr":
            return f"**{column}** : « {value} » {sentence}"
        return f'**{column}**: "{value}" {sentence}'
    return f"La case **{column}** {sentence}" if lang == "fr" else f"The **{column}** field {sentence}"


def _field(column: Column, value: str, key: str, lang: str, disabled: bool) -> str:
    label = column.header(lang) + (" *" if column.required else "")
    help_text = column.help_fr if lang == "fr" else column.help_en
    if column.kind is Kind.CHOICE and column.choices:
        options = [c.value for c in column.choices]
        if not column.required:
            options = ["", *options]
        names = {c.value: (c.fr if lang == "fr" else c.en) for c in column.choices}
        names = {k: v[:1].upper() + v[1:] for k, v in names.items()} | {"": "—"}
        return st.selectbox(label, options, index=options.index(value) if value in options else 0, key=key,
                            format_func=names.__getitem__, help=help_text, disabled=disabled)
    if column.kind is Kind.BOOL:
        yes, no = ("oui", "non") if lang == "fr" else ("yes", "no")
        options = [yes, no]
        return st.selectbox(label, options, index=1 if value in ("non", "no") else 0, key=key, help=help_text,
                            disabled=disabled)
    if column.kind is Kind.LONG_TEXT:
        return st.text_area(label, value, key=key, help=help_text, disabled=disabled)
    return st.text_input(label, value, key=key, help=help_text, disabled=disabled)


def record_picker(ctx: AppContext, dataset_id: str, kind: str) -> str:
    """A record of the dataset (or a new one); a search narrows a large dataset first."""
    lang = ctx.lang
    found = ctx.q(views.records, dataset_id, kind)
    if len(found) > PICKER_MAX:
        query = st.text_input(t("edit.search", lang), key=f"edit.q.{dataset_id}.{kind}").strip().casefold()
        found = tuple(r for r in found if query and query in r[1].casefold())
        if len(found) > SHOWN:
            st.caption(t("edit.matches", lang, n=number_label(len(found), lang), shown=SHOWN))
            found = found[:SHOWN]
    names = dict(found)
    key = f"edit.record.{dataset_id}.{kind}"
    options = [NEW, *names]
    pending = st.session_state.pop(NEXT, None)
    if pending is not None and pending[0] == key:
        st.session_state[key] = pending[1]
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)
    return st.selectbox(t("edit.record", lang), options, key=key,
                        format_func=lambda i: t("edit.new", lang) if i == NEW else f"{names[i]} ({i})")


def record_form(ctx: AppContext, dataset_id: str, kind: str, record: str, can: bool) -> None:
    """The form of one record: save (create or change) and retire."""
    lang = ctx.lang
    cells = {} if record == NEW else ctx.q(views.record_cells, dataset_id, kind, record, lang)
    prefix = f"edit.f.{dataset_id}.{kind}.{record}"
    st.caption(t("edit.form_help", lang))
    with st.form(prefix):
        values = {c.name: _field(c, cells.get(c.name, ""), f"{prefix}.{c.name}", lang, not can)
                  for c in views.form_columns(kind)}
        submitted = st.form_submit_button(t("edit.create" if record == NEW else "edit.save", lang),
                                          type="primary", icon=":material/save:", disabled=not can)
    if submitted:
        replaces = None if record == NEW else record
        try:
            done = Edits(session.writes(ctx)).save(dataset_id, RecordKind(kind), values, replaces, lang)
        except DatasetInvalid as error:
            problems(error, lang)
            return
        ctx.changed()
        st.session_state[FLASH] = t("edit.saved", lang, name=values.get("name") or done.record,
                                    dataset=dataset_id)
        st.session_state[NEXT] = (f"edit.record.{dataset_id}.{kind}", done.record)
        st.rerun()
    if record == NEW:
        return
    name = cells.get("name", record)
    confirm = st.checkbox(t("edit.retire_confirm", lang, name=name), key=f"{prefix}.retire.ok",
                          disabled=not can)
    if st.button(t("edit.retire", lang), key=f"{prefix}.retire", icon=":material/delete:", disabled=not can):
        if can and not confirm:
            st.warning(t("edit.retire_needs_confirm", lang))
            return
        try:
            Edits(session.writes(ctx)).retire(dataset_id, RecordKind(kind), record, lang)
        except DatasetInvalid as error:
            problems(error, lang)
            return
        ctx.changed()
        st.session_state[FLASH] = t("edit.retired", lang, name=name, dataset=dataset_id)
        st.session_state[NEXT] = (f"edit.record.{dataset_id}.{kind}", NEW)
        st.rerun()


def members_form(ctx: AppContext, dataset_id: str, can: bool) -> None:
    """An alliance of the dataset and its members, with their roles."""
    lang = ctx.lang
    alliances = {e.id: e.name for e in ctx.q(views.alliances_of, dataset_id)}
    if not alliances:
        st.info(t("edit.no_alliance", lang))
        return
    alliance = st.selectbox(t("edit.alliance", lang), list(alliances), key=f"edit.m.{dataset_id}",
                            format_func=alliances.__getitem__)
    actors = {e.id: e for e in ctx.q(views.dataset_actors, dataset_id)}
    current = dict(ctx.q(views.members, alliance))
    prefix = f"edit.m.{dataset_id}.{alliance}"
    default = [a for a in current if a in actors]
    chosen = st.multiselect(t("edit.members", lang), list(actors), default=default,
                            key=f"{prefix}.who", disabled=not can, placeholder=t("whatif.choose", lang),
                            format_func=lambda i: f"{actors[i].name} ({kind_label(actors[i].detail, lang)})")
    roles = [r.value for r in MemberRole]
    picked: list[tuple[str, str]] = []
    for actor in chosen:
        role = current.get(actor, MemberRole.PARTENAIRE.value)
        picked.append((actor, st.selectbox(t("edit.role_of", lang, name=actors[actor].name), roles,
                                           index=roles.index(role), key=f"{prefix}.role.{actor}",
                                           format_func=lambda r: role_label(r, lang), disabled=not can)))
    if st.button(t("edit.save", lang), key=f"{prefix}.save", type="primary", icon=":material/save:",
                 disabled=not can):
        try:
            Edits(session.writes(ctx)).set_members(dataset_id, alliance, picked, lang)
        except DatasetInvalid as error:
            problems(error, lang)
            return
        ctx.changed()
        st.session_state[FLASH] = t("edit.members_saved", lang, name=alliances[alliance], n=len(picked))
        st.rerun()
