"""The Alliances page's « Télécharger le diagnostic (PDF) » button: the one-page report to take to a
meeting, the same as `ecosystem report`.

The PDF is made only when asked (`ui/downloads.py`: a failure is a sentence in the page), so showing
the diagnosis costs nothing more; it reads the store directly, read only.
"""

from __future__ import annotations

import re

import streamlit as st

from ecosystem.store.base import Store
from ecosystem.text import normalize
from ecosystem.ui.context import AppContext
from ecosystem.ui.downloads import prepared_download
from ecosystem.ui.i18n import t


def report_bytes(store: Store, alliance_id: str, lang: str) -> bytes:
    """The alliance's one-page PDF in `lang` (matplotlib and fpdf2 are imported only when asked)."""
    from ecosystem.outputs.gather import report_input
    from ecosystem.outputs.report import report_pdf

    (alliance,) = store.alliances([alliance_id])
    return report_pdf(report_input(store, alliance, lang), lang)


def file_name(alliance_id: str, lang: str) -> str:
    """« diagnostic-riviere-drome-vivante.pdf »: the id, in letters, digits and dashes only.

    >>> file_name("Rivière Drôme/vivante", "fr")
    'diagnostic-riviere-drome-vivante.pdf'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", normalize(alliance_id)).strip("-") or "alliance"
    return f"{'diagnostic' if lang == 'fr' else 'diagnosis'}-{slug}.pdf"


def report_button(ctx: AppContext, alliance_id: str) -> None:
    """The download button of the alliance's one-page diagnosis, in the page's language."""
    store, lang = ctx.store, ctx.lang
    prepared_download(st, f"report.{alliance_id}", t("report.download", lang),
                      lambda: report_bytes(store, alliance_id, lang), file_name=file_name(alliance_id, lang),
                      mime="application/pdf", lang=lang, stamp=(store.revision(), lang, alliance_id),
                      help=t("report.download_help", lang), icon=":material/picture_as_pdf:")
