"""Download buttons whose file is made on demand, and whose failure is a sentence in the page.

Streamlit can make a download's file when its button is clicked (a callable as `data`), but when
that callable fails the browser shows Streamlit's own English « Failed to generate file for
download » for five seconds, and nothing says why. So a file that costs something to make is
*prepared*: a first button makes it in the page's own run, where an error becomes the sentence of
the error in the page's language (`EcosystemError.text`; any other error a generic sentence, its
traceback in the server's log); once made, a download button hands over the bytes already made, so
nothing can fail at that click.

A made file is kept in the session for the state it was made from (`stamp`: the store's revision,
the language, the view's inputs): it is dropped, never served stale, when any of them changes. One
file is kept per session at most (a whole graph can weigh hundreds of megabytes).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from ecosystem.errors import EcosystemError
from ecosystem.ui.i18n import number_label, t

LOG = logging.getLogger(__name__)
STATE = "downloads.made"  # session key: the one file made, {key: Made}


@dataclass(frozen=True, slots=True)
class Made:
    stamp: Hashable
    data: bytes | None  # None when making it failed
    error: str = ""  # the sentence saying why, in the language it was made in


def size_label(size: int, lang: str) -> str:
    """« 12 ko », « 3,4 Mo », « 512 octets ».

    >>> size_label(3_400_000, "fr"), size_label(12_300, "en"), size_label(512, "fr")
    ('3,4 Mo', '12 KB', '512 octets')
    """
    if size < 1000:
        return t("download.bytes", lang, n=size)
    if size < 1_000_000:
        return t("download.kb", lang, n=number_label(round(size / 1000), lang))
    mega = f"{size / 1_000_000:.1f}"
    return t("download.mb", lang, n=mega.replace(".", ",") if lang == "fr" else mega)


def make(build: Callable[[], bytes], stamp: Hashable, lang: str) -> Made:
    """Make the file now; an error becomes its sentence (the only place a build's error is caught)."""
    try:
        return Made(stamp, build())
    except EcosystemError as error:
        return Made(stamp, None, error.text(lang))
    except Exception:  # a bug: the person gets a sentence, the log the traceback
        LOG.exception("a file for download could not be made")
        return Made(stamp, None, t("download.unexpected", lang))


def prepared_download(where: Any, key: str, label: str, build: Callable[[], bytes], *, file_name: str,
                      mime: str, lang: str, stamp: Hashable, icon: str = ":material/download:",
                      help: str | None = None, alerts: Any = None, width: str = "content") -> None:
    """A button that prepares `build()` (labelled `label`), then, once it is made, the button that
    saves it; `where` is the container of the buttons, `alerts` the one of the error (default
    `where`)."""
    made: dict[str, Made] = st.session_state.setdefault(STATE, {})
    kept = made.get(key)
    if kept is not None and kept.stamp != stamp:
        made.pop(key)
        kept = None
    if kept is not None and kept.data is not None:
        where.download_button(t("download.save", lang, name=file_name, size=size_label(len(kept.data), lang)),
                              kept.data, file_name=file_name, mime=mime, key=f"{key}.save",
                              icon=":material/download:", on_click="ignore",
                              help=t("download.save_help", lang), width=width)
        return
    if where.button(label, key=f"{key}.make", icon=icon, help=help, width=width):
        with st.spinner(t("download.making", lang)):
            result = make(build, stamp, lang)
        made.clear()  # one file per session
        made[key] = result
        st.rerun()
    if kept is not None and kept.error:
        (alerts if alerts is not None else where).error(t("download.failed", lang, name=file_name,
                                                          why=kept.error), icon=":material/error:")
