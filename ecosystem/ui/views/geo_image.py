"""The Géographie page's « Image PNG » and « Image SVG » downloads: the shapes as coloured on screen, with
a title, the filters and the legend written on them, to paste into a slide or a report.

The picture is drawn by `ecosystem.outputs.geo` (matplotlib, no browser needed) only when a button is
clicked; it reads the measure the page already computed, never the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from ecosystem.reference.labels import territory_label
from ecosystem.ui.downloads import prepared_download
from ecosystem.ui.i18n import t


def caption(territory: str, level: str, measure: str, sdgs: tuple[int, ...], kinds: tuple[str, ...],
            lang: str) -> tuple[str, list[str], str]:
    """(title, filters, legend title) of the picture: « Géographie des acteurs — Drôme (département) »."""
    from ecosystem.outputs.captions import selection_filters

    where = t("geo.france", lang) if territory.startswith("pays:") else territory_label(territory, lang)
    title = f"{t('geo.title', lang)} — {where}"
    return title, selection_filters(sdgs, kinds, 0, 0, "", lang), t(f"geo.legend_{measure}", lang)


def _picture(territory: str, level: str, values: Mapping[str, float], words: tuple[str, list[str], str],
             lang: str, fmt: str) -> Callable[[], bytes]:
    def draw() -> bytes:
        from ecosystem.outputs.geo import geo_png, geo_svg

        title, filters, legend = words
        within = None if territory.startswith("pays:") else territory
        return (geo_svg if fmt == "svg" else geo_png)(level, within, values, title, filters, legend, lang)

    return draw


def geo_image_buttons(territory: str, level: str, measure: str, sdgs: tuple[int, ...], kinds: tuple[str, ...],
                      values: Mapping[str, float], lang: str) -> None:
    """Two download buttons, PNG and SVG, side by side."""
    words = caption(territory, level, measure, sdgs, kinds, lang)
    name = "geographie" if lang == "fr" else "geography"
    labels = {"png": t("outputs.map_png", lang), "svg": t("outputs.map_svg", lang)}
    stamp = hash(repr((territory, level, sorted(values.items()), words, lang)))  # what the picture shows
    for column, fmt, mime in zip(st.columns(2), ("png", "svg"), ("image/png", "image/svg+xml"), strict=True):
        draw = _picture(territory, level, values, words, lang, fmt)
        prepared_download(column, f"geo.{fmt}", labels[fmt], draw, file_name=f"{name}.{fmt}", mime=mime,
                          lang=lang, stamp=stamp, help=t("outputs.map_help", lang), icon=":material/image:")
