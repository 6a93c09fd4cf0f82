"""Streamlit's own widget texts in the reader's language.

Streamlit writes some texts of its widgets in English with no parameter to change them: the file
uploader's button (« Upload »), its size line (« 200MB per file ») and what it shows while a file is
dragged over it (« Drag and drop files here »), the « No results » of an empty drop-down. Where a
parameter exists the app uses it (`placeholder=`, `select_all=False`, labels); for the rest, a small
local stylesheet hides the English text and writes ours in its place with `::after` (nothing fetched
from another host). What a stylesheet cannot reach, names read aloud (« Help for … ») and file sizes
(« 1.4KB »), the page's one small inline script rewrites (`widget_script.py`). The texts come from
`i18n` like any other.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from ecosystem.ui.i18n import t
from ecosystem.ui.widget_script import widget_script

SCRIPT_BOX = "widget-texts"
"""The sidebar container holding the script: hidden, so that it takes no room."""


def css_text(text: str) -> str:
    """`text` as a CSS string literal (quotes and backslashes escaped, no line break)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def _replace(selector: str, text: str) -> str:
    """CSS hiding the English text of `selector` and showing `text` instead (same place, same style).

    `visibility: hidden` takes the English out of what is rendered, read aloud and copied
    (innerText); the `::after` box, visible again, carries the translation."""
    return (
        f"{selector} {{ visibility: hidden; font-size: 0 !important; }}\n"
        f"{selector}::after {{ content: {css_text(text)}; visibility: visible; font-size: 0.875rem; }}\n"
    )


def upload_limit_mb() -> int:
    """The upload cap of this server (server.maxUploadSize, in MB), as the uploader shows it."""
    return int(st.get_option("server.maxUploadSize"))


def uploader_css(key: str, types: Sequence[str], lang: str) -> str:
    """The stylesheet giving the uploader inside the container `key` its texts in `lang`."""
    scope = f".st-key-{key}"
    limit = t("st.limit", lang, mb=upload_limit_mb())
    if types:
        limit += " • " + ", ".join(x.upper() for x in types)
    return _replace(
        f'{scope} [data-testid="stFileUploaderDropzoneInstructions"] div > span', limit
    ) + _replace(
        f'{scope} [data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"] '
        'div[data-testid="stMarkdownContainer"] p',
        t("st.browse", lang),
    ) + _replace(  # shown only while a file is dragged over the zone: its one div without a test id
        f'{scope} [data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span',
        t("st.drop", lang),
    )


def global_css(lang: str) -> str:
    """Texts of widgets every page may show (the empty drop-down's « No results »), and the script's
    container out of the layout."""
    return (_replace('[role="listbox"][data-empty="true"] [role="option"] > span', t("st.no_results", lang))
            + f".st-key-{SCRIPT_BOX} {{ display: none; }}\n")


def french_widgets(lang: str) -> None:
    """Inject the page-wide stylesheet and the script (the shell calls this once per run)."""
    st.html(f"<style>\n{global_css(lang)}</style>")
    with st.sidebar.container(key=SCRIPT_BOX):
        st.html(widget_script(lang), unsafe_allow_javascript=True)


def uploader(label: str, types: Sequence[str], lang: str, key: str) -> list[UploadedFile]:
    """A file uploader (several files) whose own texts are in `lang`; the files chosen."""
    box = "texts-" + key.replace(".", "-")  # not the widget's own st-key- class
    with st.container(key=box):
        st.html(f"<style>\n{uploader_css(box, types, lang)}</style>")
        files = st.file_uploader(label, type=list(types), accept_multiple_files=True, key=key)
    return list(files or [])
