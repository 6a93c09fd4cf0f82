"""The Données page's register imports (RNA, SIRENE, local authorities), drawn by `registers_section`.

Administrators only, and checked on the server: the button is only shown to them, and the import runs
through `ecosystem.access.registers.import_register`, which refuses anyone else before reading a byte.
Same summary (`ImportSummary.lines`), same rejects CSV and same update semantics as
`ecosystem import ...`: the page and the CLI call the same functions.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from ecosystem import settings
from ecosystem.access.registers import RegisterRequest, import_register, imports_dir, server_files
from ecosystem.access.roles import Action, Principal, allowed
from ecosystem.access.writes import Writes
from ecosystem.errors import EcosystemError
from ecosystem.ui.context import AppContext
from ecosystem.ui.i18n import number_label, place_label, t
from ecosystem.ui.widget_texts import uploader

REGISTERS = ("rna", "sirene", "collectivites")
RESULT = "registers.result"  # the last import's summary lines and rejects, shown after the rerun
RUNS = "registers.runs"  # bumped after an import to empty the uploaders
RNA_TYPES = ("zip", "csv", "txt")
SIRENE_TYPES = ("zip", "csv", "parquet")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What the page shows after an import (kept in the session across the rerun)."""

    lines: tuple[str, ...]
    rejects: bytes
    rejected: int
    seconds: float
    inferred: int


def summary_markdown(lines: tuple[str, ...] | list[str]) -> str:
    """The summary lines as one Markdown block, the reasons of the rejects as a list.

    The lines are the CLI's (`ImportSummary.lines`: reasons indented as "  - ..."). Joined by hard
    line breaks only, the line after the last reason would be read as part of that list item (« ODD
    déduits » shown inside « association dissoute »); a blank line ends the list before it."""
    out = ""
    listed = False
    for line in lines:
        item = line.lstrip().startswith("- ")
        if out:
            out += "\n\n" if listed and not item else "  \n"
        out += line.lstrip() if item else line
        listed = item
    return out


def register_label(register: str, lang: str) -> str:
    """The register's name on the page's radio."""
    if register == "rna":
        return t("reg.rna", lang)
    if register == "sirene":
        return t("reg.sirene", lang)
    return t("reg.collectivites", lang)


def size_label(value: int, lang: str) -> str:
    """Bytes in words a person reads: « 3,2 Mo », "3.2 MB"."""
    units = ("o", "Ko", "Mo", "Go") if lang == "fr" else ("B", "KB", "MB", "GB")
    amount, unit = float(value), 0
    while amount >= 1000 and unit < len(units) - 1:
        amount, unit = amount / 1000, unit + 1
    text = f"{amount:.0f}" if unit == 0 else f"{amount:.1f}"
    return f"{text.replace('.', ',') if lang == 'fr' else text}\u00a0{units[unit]}"


def progress_text(step: str, done: int, total: int, lang: str) -> str:
    """The progress bar's words: bytes while reading (what the readers know), rows while saving."""
    if step == "chargement":
        return t("reg.loading", lang, done=number_label(done, lang), total=number_label(total, lang))
    done_text, total_text = size_label(done, lang), size_label(total, lang)
    if step == "unites-legales":
        return t("reg.units", lang, done=done_text, total=total_text)
    return t("reg.reading", lang, done=done_text, total=total_text)


def progress_bar(bar, lang: str) -> Callable[[str, int, int], None]:
    """An import progress callback, progress(step, done, total), moving a st.progress bar."""

    def report(step: str, done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=progress_text(step, done, total, lang))

    return report


def _territory(ctx: AppContext, text: str) -> str | None:
    """The territory typed, resolved (an error shown, and None, when it is unknown or ambiguous)."""
    from ecosystem.analysis.lookup import find_territory

    if not text.strip():
        return None
    try:
        tid = find_territory(text.strip(), ctx.store)
    except EcosystemError as error:
        st.error(error.text(ctx.lang), icon=":material/error:")
        return None
    st.caption(t("reg.territory_is", ctx.lang, name=place_label(tid, ctx.lang)))
    return tid


def _show_result(lang: str) -> None:
    result: ImportResult | None = st.session_state.get(RESULT)
    if result is None:
        return
    st.success(summary_markdown(result.lines), icon=":material/check_circle:")
    st.caption(
        t("reg.done", lang, seconds=f"{result.seconds:.1f}".replace(".", "," if lang == "fr" else "."))
    )
    if result.rejected:
        st.download_button(
            t("reg.rejects", lang, n=number_label(result.rejected, lang)),
            result.rejects,
            file_name="rejets.csv" if lang == "fr" else "rejects.csv",
            mime="text/csv",
            icon=":material/download:",
            key="registers.rejects",
            on_click="ignore",
        )
    else:
        st.caption(t("reg.rejects_none", lang))
    if result.inferred:
        st.info(t("reg.review_next", lang), icon=":material/fact_check:")


def run_import(ctx: AppContext, writes: Writes, request: RegisterRequest, dry_run: bool) -> ImportResult:
    """Run the import with a progress bar; the summary lines and the rejects CSV as bytes."""
    from ecosystem.importers import RejectsWriter

    lang = ctx.lang
    out = io.StringIO()
    writer = RejectsWriter(out, lang)
    bar = st.progress(0.0, text=progress_text("lecture", 0, 0, lang))
    started = time.perf_counter()
    summary = import_register(
        writes,
        request,
        imports_dir(settings.state_dir()),
        rejects=writer,
        progress=progress_bar(bar, lang),
        dry_run=dry_run,
    )
    seconds = time.perf_counter() - started
    return ImportResult(
        tuple(summary.lines(lang)),
        out.getvalue().encode("utf-8-sig"),
        writer.count,
        seconds,
        summary.inferred_links,
    )


def registers_section(ctx: AppContext, who: Principal, writes: Writes) -> None:
    """The section of the Données page importing the public registers (administrators only)."""
    lang = ctx.lang
    st.subheader(t("reg.title", lang))
    st.caption(t("reg.help", lang))
    if not allowed(who, Action.IMPORT):
        st.info(t("reg.admin_only", lang), icon=":material/lock:")
        return
    _show_result(lang)
    runs = st.session_state.setdefault(RUNS, 0)
    register = st.radio(
        t("reg.register", lang),
        REGISTERS,
        horizontal=True,
        key="registers.register",
        format_func=lambda r: register_label(r, lang),
    )
    text = st.text_input(
        t("reg.territory", lang),
        key="registers.territory",
        placeholder="26",
    )
    # A caption, not help=: Streamlit names its help button in English (« Help for ... »).
    st.caption(t("reg.territory_help", lang))
    territory = _territory(ctx, text)
    files: dict[str, bytes] = {}
    units: dict[str, bytes] = {}
    server: list[str] = []
    server_units: list[str] = []
    if register == "rna":
        uploaded = uploader(t("reg.rna_files", lang), RNA_TYPES, lang, key=f"registers.rna.{runs}")
        files = {f.name: f.getvalue() for f in uploaded}
    elif register == "sirene":
        uploaded = uploader(t("reg.sirene_files", lang), SIRENE_TYPES, lang, key=f"registers.sirene.{runs}")
        files = {f.name: f.getvalue() for f in uploaded}
        legal = uploader(t("reg.sirene_units", lang), SIRENE_TYPES, lang, key=f"registers.units.{runs}")
        units = {f.name: f.getvalue() for f in legal}
        folder = imports_dir(settings.state_dir())
        names = server_files(folder)
        st.caption(t("reg.server_help", lang, folder=f"`{folder}`"))
        if names:
            server = st.multiselect(
                t("reg.server", lang),
                names,
                key="registers.server",
                placeholder=t("terr.pick", lang),
                select_all=False,
            )
            server_units = st.multiselect(
                t("reg.server_units", lang),
                names,
                key="registers.server_units",
                placeholder=t("terr.pick", lang),
                select_all=False,
            )
    else:
        st.caption(t("reg.collectivites_note", lang))
    dry_run = st.checkbox(t("reg.dry_run", lang), key="registers.dry_run")
    if not st.button(
        t("reg.run", lang), type="primary", icon=":material/cloud_download:", key="registers.run"
    ):
        return
    if territory is None:
        st.warning(t("reg.need_territory", lang))
        return
    if register != "collectivites" and not (files or server):
        st.warning(t("reg.need_files", lang))
        return
    request = RegisterRequest(register, territory, files, units, tuple(server), tuple(server_units))
    try:
        result = run_import(ctx, writes, request, dry_run)
    except EcosystemError as error:
        st.error(error.text(lang), icon=":material/error:")
        return
    ctx.changed()
    st.session_state[RESULT] = result
    st.session_state[RUNS] = runs + 1
    st.rerun()
