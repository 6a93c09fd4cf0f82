"""The colours of the outputs: the app's own (ecosystem/ui/palette.py, Okabe-Ito), so that a printed map
or diagnosis looks like the screen it came from.

Written out here because the outputs sit below the app's floor and cannot import it;
tests/test_outputs.py checks the two agree.
"""

from __future__ import annotations

BLUE = "#0072B2"
ORANGE = "#E69F00"
BLUISH_GREEN = "#009E73"
VERMILLION = "#D55E00"
GREY = "#999999"
INK = "#222222"
MUTED = "#5A5A5A"
RULE = "#D0D0D0"
TINT = "#EEF4FA"
"""A very light blue behind the summary sentence."""

STATUS_COLOURS = {"met": BLUISH_GREEN, "partly": ORANGE, "not_met": VERMILLION, "not_assessable": GREY}

SEQUENTIAL = ("#F7FBFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B")
"""Light to dark blue for counts on the geographic map (the app's heatmap scale): readable in greyscale."""

NO_VALUE = "#FFFFFF"
"""A territory with nothing to count: white, with the same border as the others."""
