"""The colour scale of the map: a few classes of whole numbers, zero apart.

A continuous scale makes a reader guess a number from a shade; five classes with their bounds
written in the legend can be read. Classes are cut at the quantiles of the non-zero values, so a
département with one big city does not leave every other shape in the palest class. Zero is a class
of its own in light grey: "nobody here" is an answer, not the low end of a scale.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

ZERO_COLOUR = "#EEEEEE"
BLUES = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#2171B5", "#08306B")
"""Light to dark blue (ColorBrewer Blues): more actors, alliances or SDGs covered."""
ORANGES = ("#FDD0A2", "#FDAE6B", "#FD8D3C", "#E6550D", "#A63603")
"""Light to dark orange (ColorBrewer Oranges): more gaps, a warning rather than a quantity."""
CLASSES = 5


@dataclass(frozen=True, slots=True)
class Bin:
    low: int
    high: int
    colour: str

    def holds(self, value: int) -> bool:
        return self.low <= value <= self.high


def breaks(values: Iterable[int], classes: int = CLASSES) -> tuple[tuple[int, int], ...]:
    """(low, high) of each class of the non-zero values, cut at their quantiles, without empty classes.

    >>> breaks([0, 0, 0])
    ()
    >>> breaks([1, 1, 2, 3, 10, 40])
    ((1, 1), (2, 2), (3, 3), (4, 10), (11, 40))
    >>> breaks([5, 5, 5])
    ((1, 5),)
    """
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return ()
    highs: list[int] = []
    for i in range(1, classes + 1):
        high = positive[max(0, math.ceil(i * len(positive) / classes) - 1)]
        if not highs or high > highs[-1]:
            highs.append(high)
    lows = [1, *(h + 1 for h in highs[:-1])]
    return tuple(zip(lows, highs, strict=True))


def scale(values: Iterable[int], warning: bool = False) -> tuple[Bin, ...]:
    """The classes of these values, zero first, each with its colour (the first starts at 1).

    >>> [(b.low, b.high, b.colour) for b in scale([0, 2, 9])]
    [(0, 0, '#EEEEEE'), (1, 2, '#C6DBEF'), (3, 9, '#08306B')]
    """
    values = list(values)
    ramp = ORANGES if warning else BLUES
    cuts = breaks(values)
    if len(cuts) == 1:
        colours: list[str] = [ramp[2]]
    else:
        colours = [ramp[round(i * (len(ramp) - 1) / (len(cuts) - 1))] for i in range(len(cuts))]
    return (Bin(0, 0, ZERO_COLOUR), *(Bin(lo, hi, c) for (lo, hi), c in zip(cuts, colours, strict=True)))


def bin_of(bins: tuple[Bin, ...], value: int) -> Bin:
    """The class holding `value` (values above the last class go to it)."""
    for b in bins:
        if b.holds(value):
            return b
    return bins[-1]
