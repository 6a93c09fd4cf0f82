"""The frame every exported map shares: A4 landscape, the title and the filters written on top, the map,
its legend on the right, and who made it and when at the bottom.

A map sent by mail or pinned to a wall must say on itself what it shows: the territory, the filters
that were on, what each colour means.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ecosystem.analysis import wording as w
from ecosystem.outputs import colours
from ecosystem.outputs.figure import new_figure
from ecosystem.outputs.words import colon, word

WIDTH_IN, HEIGHT_IN = 1754 / 150, 1240 / 150  # A4 landscape (297 x 210 mm): 1,754 x 1,240 pixels at 150 dpi
MAP_BOX = (0.02, 0.06, 0.72, 0.76)
"""Where the map is drawn, in figure fractions (left, bottom, width, height)."""
LEGEND_X = 0.76


def framed(title: str, filters: Sequence[str], lang: str, made_on: date | None = None,
           note: str = "") -> tuple[Figure, Axes]:
    """A figure with its title, filters (and a note: what the map counts) and footer written, and the
    empty axes of the map."""
    fig = new_figure(WIDTH_IN, HEIGHT_IN)
    fig.text(0.02, 0.955, textwrap.shorten(title, 110, placeholder=" …"), fontsize=17, fontweight="bold",
             color=colours.INK, va="top", gid="map-title")
    shown = ", ".join(filters) if filters else word("map.no_filter", lang)
    line = f"{word('map.filters', lang)}{colon(lang)} {shown}" + (f" · {note}" if note else "")
    line = textwrap.shorten(line, 190, placeholder=" …")
    fig.text(0.02, 0.895, line, fontsize=9.5, color=colours.MUTED, va="top", gid="map-filters")
    fig.text(0.02, 0.02, word("map.made", lang, date=w.date_text(made_on or date.today(), lang)),
             fontsize=7.5, color=colours.MUTED, gid="map-footer")
    ax = fig.add_axes(MAP_BOX)
    ax.set_axis_off()
    return fig, ax


def legend(fig: Figure, handles: Sequence[Artist], labels: Sequence[str], lang: str, title: str = "") -> None:
    """The legend on the right of the map, titled « Légende » (or what the measure is)."""
    if not handles:
        return
    wrapped = [textwrap.fill(label, 32) for label in labels]
    box = fig.legend(handles, wrapped, loc="upper left", bbox_to_anchor=(LEGEND_X, MAP_BOX[1] + MAP_BOX[3]),
                     title=textwrap.fill(title or word("map.legend", lang), 30), fontsize=9,
                     title_fontsize=10, frameon=False, alignment="left", labelspacing=0.7, handlelength=1.6)
    box.set_gid("map-legend")
