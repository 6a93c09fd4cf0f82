"""The Carte page's « Image PNG » and « Image SVG » downloads: the map as drawn, with its title, filters
and legend written on it, to paste into a slide or a report (`ecosystem export-map` in the app).

The picture is made only when a button is clicked (Streamlit runs the callable on its own thread);
it reads the map's model the page already has, never the store.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ecosystem.ui.downloads import prepared_download
from ecosystem.ui.i18n import t
from ecosystem.ui.map import MapModel, MapSelection


def caption(model: MapModel, selection: MapSelection, lang: str) -> tuple[str, list[str], str]:
    """(title, filters, note) of the picture of `model`, drawn for `selection`."""
    from ecosystem.outputs.captions import network_caption, selection_filters

    focus = next((n.label for n in model.nodes if n.role == "subject"), "")
    more = selection_filters(selection.sdgs, selection.kinds, len(selection.alliances),
                             len(selection.policies), focus, lang)
    return network_caption(selection.territory, None, model.actors, model.alliances, model.policies,
                           model.group_by if model.grouped else "", lang, more)


def _picture(model: MapModel, selection: MapSelection, lang: str, fmt: str) -> Callable[[], bytes]:
    def draw() -> bytes:
        from ecosystem.outputs.network import network_png, network_svg

        title, filters, note = caption(model, selection, lang)
        return (network_svg if fmt == "svg" else network_png)(model, title, filters, lang, note=note)

    return draw


def map_image_buttons(model: MapModel, selection: MapSelection, lang: str) -> None:
    """Two download buttons, PNG and SVG, side by side."""
    name = "carte-ecosysteme" if lang == "fr" else "ecosystem-map"
    labels = {"png": t("outputs.map_png", lang), "svg": t("outputs.map_svg", lang)}
    stamp = hash(repr((model, selection, lang)))  # what the picture shows
    for column, fmt, mime in zip(st.columns(2), ("png", "svg"), ("image/png", "image/svg+xml"), strict=True):
        prepared_download(column, f"map.{fmt}", labels[fmt], _picture(model, selection, lang, fmt),
                          file_name=f"{name}.{fmt}", mime=mime, lang=lang, stamp=stamp,
                          help=t("outputs.map_help", lang), icon=":material/image:")
