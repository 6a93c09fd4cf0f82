"""Long results as tables a person can sort, filter and take away.

A list of 327 possible duplicates in one paragraph cannot be read; as a table it can be sorted by
any column (a click on its header), narrowed with a text filter, and downloaded as a CSV that French
Excel opens right (`;`, UTF-8 with a BOM). Pages keep their own sentences and call `long_table` for
the rows.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ecosystem.analysis.overlap import DuplicateGroup
from ecosystem.text import normalize
from ecosystem.ui.i18n import kind_label, number_label, percent_label, sdg_short, t


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV for Excel: `;` separators, UTF-8 with a BOM."""
    return frame.to_csv(index=False, sep=";").encode("utf-8-sig")


def matching(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """The rows with `text` in any cell (accents and case ignored); all rows for an empty text."""
    wanted = normalize(text) if text.strip() else ""
    if not wanted or frame.empty:
        return frame
    cells = frame.astype(str).map(normalize)
    mask = cells.apply(lambda column: column.str.contains(wanted, regex=False)).any(axis=1)
    return frame[mask]


def csv_download(frame: pd.DataFrame, stem: str, lang: str, key: str) -> None:
    """A button downloading `frame` as `stem`.csv (built at this run: the frame is already here)."""
    st.download_button(
        t("tbl.download", lang),
        csv_bytes(frame),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )


def long_table(
    frame: pd.DataFrame, key: str, lang: str, stem: str, column_config: dict | None = None
) -> None:
    """A sortable table with a text filter above and a CSV download (of the filtered rows) below."""
    text = st.text_input(t("tbl.filter", lang), key=f"{key}.filter", placeholder="…")
    shown = matching(frame, text)
    st.dataframe(shown, hide_index=True, width="stretch", key=f"{key}.table", column_config=column_config)
    if len(shown) != len(frame):
        st.caption(
            t("tbl.rows", lang, shown=number_label(len(shown), lang), total=number_label(len(frame), lang))
        )
    csv_download(shown, stem, lang, key=f"{key}.csv")


def duplicates_frame(groups: list[DuplicateGroup], lang: str) -> pd.DataFrame:
    """One row per actor of each group of possible duplicates: the group, its size, its similarity."""
    keys = (
        "tbl.dup_group",
        "common.actor",
        "common.kind",
        "tbl.dup_size",
        "tbl.dup_similarity",
        "ovl.col_shared_sdgs",
    )
    rows = []
    for number, g in enumerate(groups, 1):
        similarity = f"{percent_label(g.min_jaccard, lang)} – {percent_label(g.max_jaccard, lang)}"
        for name in g.names:
            shared = ", ".join(sdg_short(n, lang) for n in g.shared_sdgs)
            rows.append((number, name, kind_label(g.kind, lang), len(g.actors), similarity, shared))
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])
