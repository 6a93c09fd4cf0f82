"""The principles' chart of a diagnosis, as the Alliances page draws it: one axis per principle, the
score from 0 to 1, each point coloured by its status; a principle that cannot be assessed sits at 0
in grey. The rings mark the thresholds the verdicts use (40 % and 75 %)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ecosystem.analysis import wording as w
from ecosystem.analysis.thresholds import MET, PARTLY
from ecosystem.analysis.verdict import Verdict
from ecosystem.outputs import colours
from ecosystem.outputs.figure import new_figure, styled, to_bytes


def radar_bytes(verdicts: Sequence[Verdict], lang: str, fmt: str = "png", size_in: float = 3.2,
                dpi: int = 200) -> bytes:
    """The chart of the principles' scores as PNG or SVG bytes (`size_in` inches square)."""
    with styled():
        fig = new_figure(size_in, size_in)
        ax = fig.add_axes((0.1, 0.1, 0.8, 0.8), projection="polar")
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)  # clockwise from the top, P1 first, as on the page
        count = max(1, len(verdicts))
        angles = [2 * math.pi * i / count for i in range(len(verdicts))]
        scores = [v.score if v.score is not None else 0.0 for v in verdicts]
        if verdicts:
            ax.fill([*angles, angles[0]], [*scores, scores[0]], color=colours.BLUE, alpha=0.22, linewidth=0)
            ax.plot([*angles, angles[0]], [*scores, scores[0]], color=colours.BLUE, linewidth=1.6)
            ax.scatter(angles, scores, s=70, zorder=3, edgecolors=colours.INK, linewidths=0.8,
                       c=[colours.STATUS_COLOURS[v.status.value] for v in verdicts])
        ax.set_ylim(0, 1)
        ax.set_xticks(angles, [f"P{v.number}" for v in verdicts], fontsize=11, color=colours.INK)
        rings = (PARTLY, MET, 1.0)
        ax.set_yticks(rings, [w.percent(x, lang) for x in rings], fontsize=7, color=colours.MUTED)
        ax.set_rlabel_position(180 / count)  # the ring labels between P1 and P2
        ax.grid(color=colours.RULE, linewidth=0.7)
        ax.spines["polar"].set_color(colours.RULE)
        return to_bytes(fig, fmt, dpi)
