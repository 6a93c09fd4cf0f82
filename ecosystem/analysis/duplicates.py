"""The one rule saying that two same-kind footprints duplicate each other.

The overlap views (duplicate groups, pairs, an actor's overlaps) and the charter diagnosis (P4's
members and similar outside actors) all call `is_duplicate`, so a pair listed as duplicates by
`ecosystem overlaps` can never be "distinct" in a diagnosis, and the other way round.

Two footprints duplicate each other when their Jaccard is high (they are nearly the same cells),
or when one lies mostly inside the other (containment from one side) while the other is not
overwhelmingly bigger. Thresholds: `thresholds.DUPLICATE_*`, explained in docs/analyses.md.
"""

from __future__ import annotations

import numpy as np

from ecosystem.analysis.thresholds import (
    DUPLICATE_INCLUDED_MIN_JACCARD,
    DUPLICATE_MIN_CONTAINMENT,
    DUPLICATE_MIN_JACCARD,
)

EPS = 1e-9

STORE_MIN_JACCARD = min(DUPLICATE_MIN_JACCARD, DUPLICATE_INCLUDED_MIN_JACCARD)
"""No duplicate pair has a lower Jaccard: the store is asked for pairs above it, then filtered."""


def is_duplicate(jaccard: float, containment_a: float, containment_b: float,
                 min_jaccard: float = DUPLICATE_MIN_JACCARD) -> bool:
    """Whether two footprints duplicate each other, from their Jaccard and the share of each one
    that the other occupies (`min_jaccard`: the Jaccard that alone makes a duplicate).

    >>> is_duplicate(0.6, 0.7, 0.8)  # nearly the same cells
    True
    >>> is_duplicate(0.5, 1.0, 0.5)  # Brignais only, inside Brignais + Chaponost, same SDGs
    True
    >>> is_duplicate(0.1, 1.0, 0.1)  # a village association inside a network ten times bigger
    False
    >>> is_duplicate(0.3, 0.45, 0.45)  # half-shared: they meet, they do not duplicate
    False
    """
    if jaccard >= min_jaccard - EPS:
        return True
    return (jaccard >= DUPLICATE_INCLUDED_MIN_JACCARD - EPS
            and max(containment_a, containment_b) >= DUPLICATE_MIN_CONTAINMENT - EPS)


def duplicate_mask(jaccard: np.ndarray, containment_a: np.ndarray, containment_b: np.ndarray,
                   min_jaccard: float = DUPLICATE_MIN_JACCARD) -> np.ndarray:
    """`is_duplicate` over arrays, element by element (the same comparisons, so the same answer):
    the duplicate groups of a département at 1M actors test hundreds of thousands of profile pairs.

    >>> duplicate_mask(np.array([0.6, 0.5, 0.1, 0.3]), np.array([0.7, 1.0, 1.0, 0.45]),
    ...                np.array([0.8, 0.5, 0.1, 0.45])).tolist()
    [True, True, False, False]
    """
    jaccard = np.asarray(jaccard, dtype=np.float64)
    inside = np.maximum(containment_a, containment_b) >= DUPLICATE_MIN_CONTAINMENT - EPS
    return (jaccard >= min_jaccard - EPS) | ((jaccard >= DUPLICATE_INCLUDED_MIN_JACCARD - EPS) & inside)


def included(containment_a: float, containment_b: float) -> int | None:
    """Which footprint lies mostly inside the other (0: a's, 1: b's), the fuller inclusion first;
    None when neither reaches the containment threshold.

    >>> included(1.0, 0.5), included(0.5, 0.9), included(0.5, 0.5)
    (0, 1, None)
    """
    if max(containment_a, containment_b) < DUPLICATE_MIN_CONTAINMENT - EPS:
        return None
    return 0 if containment_a >= containment_b else 1
