"""Données: import a dataset (with every problem listed), the template, exports, removal."""

from functools import partial

import streamlit as st

from ecosystem.access.roles import Action, Role, Target, allowed
from ecosystem.analysis.wording import counted, number, whole
from ecosystem.errors import EcosystemError, UnreadableFile
from ecosystem.history.archive import versions_kept
from ecosystem.history.guard import ReloadNeedsConfirmation
from ecosystem.ui import components, session
from ecosystem.ui.context import current, pure
from ecosystem.ui.downloads import prepared_download
from ecosystem.ui.i18n import t
from ecosystem.ui.views import audit as audit_views
from ecosystem.ui.views import data as views
from ecosystem.ui.views.changes import changes_text
from ecosystem.ui.views.registers import registers_section
from ecosystem.ui.widget_texts import uploader

FLASH = "data.flash"
CONFIRM = "data.confirm"
UPLOADS = "data.uploads"  # bumped to empty the uploader after an import
FORCE = "data.force_pending"  # (checksum, message) of an upload the reload guard stopped
RESTORE_FORCE = "data.restore_pending"  # (dataset, version, message) of a restore the guard stopped

ctx = current()
lang = ctx.lang


def _counted(forms: str, count: int) -> str:
    """« 1 problème », « 3 problèmes »: the count with its noun ("singular|plural") agreed, never « (s) »."""
    singular, plural = forms.split("|")
    return counted(count, singular, plural, lang)

who = session.principal()
writes = session.writes(ctx)
st.title(t("data.title", lang))
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH), icon=":material/check_circle:")

loaded = ctx.q(views.datasets_table, lang)
st.subheader(t("data.loaded_list", lang))
if loaded.empty:
    st.info(t("data.no_dataset", lang))
else:
    st.dataframe(loaded, hide_index=True, width="stretch")

# ---------------------------------------------------------------------- import
# Shown to those who may load something; what they load is checked again on the server (`writes`).
st.subheader(t("data.import", lang))
if who.role is Role.VIEWER:
    st.info(t("access.read_only", lang, role=session.role_name(who.role, lang)))
    files = None
else:
    st.caption(t("data.import_help", lang))
    uploads = st.session_state.setdefault(UPLOADS, 0)
    files = uploader(t("data.files", lang), views.UPLOAD_TYPES, lang, key=f"upload.{uploads}")
    name = st.text_input(t("data.name", lang), key=f"upload.{uploads}.name")
if files:
    items = tuple(sorted((f.name, f.getvalue()) for f in files))
    try:
        report = pure(views.check_files, items, name)
    except UnreadableFile as error:
        st.error(t("data.unreadable", lang, message=error.text(lang)), icon=":material/block:")
        report = None
    if report is not None and not report.ok:
        st.error(t("data.problems", lang, n=_counted(t("data.problem_noun", lang), len(report.problems))),
                 icon=":material/error:")
        problems = views.problems_table(report.problems, lang)
        st.table(problems.head(views.PROBLEMS_SHOWN), hide_index=True)
        if len(problems) > views.PROBLEMS_SHOWN:
            st.caption(t("data.problems_cut", lang, shown=views.PROBLEMS_SHOWN, total=len(problems)))
        st.download_button(t("data.problems_download", lang), views.csv_for_excel(problems),
                           file_name="problemes.csv" if lang == "fr" else "problems.csv", mime="text/csv",
                           icon=":material/download:", on_click="ignore")
    elif report is not None and report.dataset is not None:
        dataset = report.dataset
        st.success(t("data.valid", lang, name=dataset.name, id=dataset.id, actors=len(dataset.actors),
                     policies=len(dataset.policies), alliances=len(dataset.alliances),
                     memberships=len(dataset.memberships), assessments=len(dataset.assessments)))
        if dataset.id in set(loaded[t("data.col_id", lang)]):
            st.warning(t("data.replace_note", lang))
        if report.warnings:
            notes = _counted(t("data.warning_noun", lang), len(report.warnings))
            st.caption(t("data.warnings", lang, n=notes))
            st.table(views.problems_table(report.warnings, lang).head(views.PROBLEMS_SHOWN), hide_index=True)
        # A reload that would drop many actors waits for a second, explicit click (`history.guard`).
        pending = st.session_state.get(FORCE)
        forced = False
        if pending is not None and pending[0] == dataset.checksum():
            st.warning(pending[1], icon="⚠️")
            forced = st.button(t("history.force_load", lang), type="primary", key="data.force")
        if st.button(t("data.load", lang), type="primary", icon=":material/upload:") or forced:
            bar = st.progress(0.0, text=t("data.loading", lang))
            try:
                report_progress = components.progress_callback(bar, t("data.loading", lang))
                result = writes.load(dataset, progress=report_progress, force=forced)
            except ReloadNeedsConfirmation as error:
                st.session_state[FORCE] = (dataset.checksum(), error.text(lang))
                st.rerun()
            except EcosystemError as error:
                st.error(error.text(lang), icon=":material/error:")
            else:
                ctx.changed()
                st.session_state.pop(FORCE, None)
                st.session_state[UPLOADS] = uploads + 1
                loaded_text = t("data.loaded", lang, rows=whole(result.rows, lang),
                                seconds=number(result.seconds, lang, 1),
                                status=t(f"data.status_{result.status}", lang))
                st.session_state[FLASH] = " ".join(filter(None, (loaded_text, changes_text(result, lang))))
                st.rerun()

# ---------------------------------------------------------------------- public registers (administrators)
registers_section(ctx, who, writes)

# ---------------------------------------------------------------------- template and exports
left, right = st.columns(2, gap="large")
with left:
    st.subheader(t("data.template", lang))
    st.caption(t("data.template_help", lang))
    template = pure(views.template_bytes, lang)
    # A download changes nothing on the page: no run after it (on_click="ignore"). A run would drop the
    # files of the run before, so an export clicked right after the template gave no file at all.
    st.download_button(t("data.template_button", lang), template.data, file_name=template.file_name,
                       mime=template.mime, icon=":material/download:", on_click="ignore")
with right:
    st.subheader(t("data.export", lang))
    st.caption(t("data.export_help", lang))
    if not loaded.empty:
        # A row that wraps, each button as wide as its label: equal columns cut them (« Grap… ») at 1280 px.
        row = st.container(horizontal=True, gap="small", key="export.row")
        for fmt in views.EXPORT_FORMATS:
            # The file is made when asked, not at every run (a big graph takes seconds), in the page's
            # run: a failure is a sentence under the buttons (ui/downloads.py).
            prepared_download(row, f"export.{fmt}", views.EXPORT_LABELS[fmt],
                              partial(views.export_data, ctx.store, fmt, lang),
                              file_name=views.export_name(fmt), mime=views.EXPORT_MIME[fmt], lang=lang,
                              stamp=(ctx.store.revision(), lang),
                              help=t("data.export_button", lang, fmt=views.EXPORT_LABELS[fmt]), alerts=st)

# ---------------------------------------------------------------------- removal
if not loaded.empty and allowed(who, Action.REMOVE, Target()):
    st.subheader(t("data.remove", lang))
    names = dict(zip(loaded[t("data.col_id", lang)], loaded[t("common.name", lang)], strict=True))
    chosen = st.selectbox(t("data.remove_pick", lang), list(names), format_func=names.__getitem__,
                          key="remove.pick")
    if st.session_state.get(CONFIRM) != chosen:
        if st.button(t("data.remove_button", lang), icon=":material/delete:"):
            st.session_state[CONFIRM] = chosen
            st.rerun()
    else:
        row = loaded[loaded[t("data.col_id", lang)] == chosen].iloc[0]
        st.warning(t("data.remove_confirm", lang, name=names[chosen], actors=row[t("data.col_actors", lang)],
                     alliances=row[t("data.col_alliances", lang)]), icon=":material/warning:")
        yes, no = st.columns([1, 5])
        if yes.button(t("data.remove_yes", lang), type="primary", key="remove.yes"):
            writes.remove(chosen)
            ctx.changed()
            st.session_state.pop(CONFIRM, None)
            st.session_state[FLASH] = t("data.removed", lang, name=names[chosen])
            st.rerun()
        if no.button(t("data.remove_no", lang), key="remove.no"):
            st.session_state.pop(CONFIRM, None)
            st.rerun()

# ---------------------------------------------------------------------- history and undo
restorable = [d for d in ctx.q(audit_views.history_datasets)
              if allowed(who, Action.RESTORE, Target(dataset=d))]
if restorable:
    st.subheader(t("history.title", lang))
    st.caption(t("history.help", lang, n=versions_kept()))
    live = set(loaded[t("data.col_id", lang)])
    picked = st.selectbox(t("history.pick", lang), restorable, key="history.pick",
                          format_func=lambda d: audit_views.dataset_label(d, live, lang))
    versions = ctx.q(audit_views.history_table, picked, lang)
    if versions.empty:
        st.info(t("history.none", lang))
    else:
        st.dataframe(versions, hide_index=True, width="stretch", key="history.table")
        numbers = [int(v) for v in versions[t("history.col_version", lang)]]
        version = st.selectbox(t("history.pick_version", lang), numbers, key="history.version")
        pending = st.session_state.get(RESTORE_FORCE)
        forced = False
        if pending is not None and pending[:2] == (picked, version):
            st.warning(pending[2], icon="⚠️")
            forced = st.button(t("history.force_restore", lang), type="primary", key="history.force")
        if st.button(t("history.restore", lang, version=version), key="history.restore") or forced:
            try:
                writes.restore(picked, version, force=forced)
            except ReloadNeedsConfirmation as error:
                st.session_state[RESTORE_FORCE] = (picked, version, error.text(lang))
                st.rerun()
            except EcosystemError as error:
                st.error(error.text(lang))
            else:
                ctx.changed()
                st.session_state.pop(RESTORE_FORCE, None)
                st.session_state[FLASH] = t("history.restored", lang, version=version, name=picked)
                st.rerun()

# ---------------------------------------------------------------------- audit log (administrators)
if allowed(who, Action.AUDIT, Target()):
    st.subheader(t("audit.title", lang))
    st.caption(t("audit.help", lang, n=audit_views.AUDIT_SHOWN))
    log = ctx.q(audit_views.audit_table, lang)
    if log.empty:
        st.info(t("audit.empty", lang))
    else:
        st.dataframe(log, hide_index=True, width="stretch", key="audit.table")
