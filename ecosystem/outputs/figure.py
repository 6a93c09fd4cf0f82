"""A matplotlib figure to PNG or SVG bytes, with the outputs' font and without pyplot.

pyplot keeps global state and picks a GUI backend; the app draws from several Streamlit threads, so
figures are built with `matplotlib.figure.Figure` and saved through the Agg (PNG) and SVG canvases.
SVG keeps its text as text (`svg.fonttype: none`), so titles and legends can be read, searched and
edited by whoever receives the file.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from matplotlib import rc_context
from matplotlib.figure import Figure

from ecosystem.outputs.fonts import FAMILY

FORMATS = ("png", "svg")
DPI = 150
"""Dots per inch of PNG exports: sharp when projected, small enough to mail."""

STYLE = {"font.family": FAMILY, "svg.fonttype": "none", "axes.unicode_minus": False,
         "svg.hashsalt": "ecosystem"}
"""`svg.hashsalt` makes the SVG's ids stable, so the same map gives the same file."""


@contextmanager
def styled() -> Iterator[None]:
    """The outputs' font and SVG settings, for the time a figure is built and saved."""
    with rc_context(STYLE):
        yield


def new_figure(width_in: float, height_in: float) -> Figure:
    return Figure(figsize=(width_in, height_in), dpi=DPI, facecolor="white")


def to_bytes(fig: Figure, fmt: str, dpi: int = DPI) -> bytes:
    """The figure as PNG or SVG bytes (no metadata date, so the same input gives the same bytes)."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: use png or svg")
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with styled():
        fig.savefig(buffer, format=fmt, dpi=dpi, facecolor="white", metadata=metadata)
    return buffer.getvalue()
