"""The path of an alliance's self-assessments, lever by lever (charter: capitaliser, évaluer).

An alliance scores each of the 21 levers from 0 (absent) to 3 (fully in place) at dated
moments. What counts is the latest score and the way travelled since the first one, so the
history is kept whole and read here as a path: latest score, first score, trend. The path in
words is the `SELF_PATH` finding (`verdict.path_finding`), written by the renderers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ecosystem.analysis.thresholds import Status, lever_status_of
from ecosystem.model import MAX_SCORE, Assessment, LeverFamily
from ecosystem.reference import reference


@dataclass(frozen=True, slots=True)
class LeverPath:
    """The dated scores of one lever, oldest first, and what they say."""

    lever: str
    family: LeverFamily
    number: int
    history: tuple[tuple[date, int], ...]
    comment: str = ""  # the comment of the latest entry: the one whose score `latest` shows

    @property
    def latest(self) -> int | None:
        return self.history[-1][1] if self.history else None

    @property
    def latest_on(self) -> date | None:
        return self.history[-1][0] if self.history else None

    @property
    def first(self) -> int | None:
        return self.history[0][1] if self.history else None

    @property
    def first_on(self) -> date | None:
        return self.history[0][0] if self.history else None

    @property
    def trend(self) -> int | None:
        """Latest minus first score; None with fewer than two assessments."""
        if len(self.history) < 2:
            return None
        return self.history[-1][1] - self.history[0][1]

    @property
    def score(self) -> float | None:
        """The latest score on 0..1."""
        return None if self.latest is None else self.latest / MAX_SCORE

    @property
    def status(self) -> Status:
        return lever_status_of(self.latest)


def lever_paths(assessments: Iterable[Assessment]) -> dict[str, LeverPath]:
    """A path for each of the 21 levers (empty history when never assessed).

    >>> from ecosystem.model import Assessment
    >>> paths = lever_paths([Assessment("a", "principe-1", date(2025, 6, 1), 3),
    ...                      Assessment("a", "principe-1", date(2025, 1, 10), 2, "On apprend")])
    >>> p = paths["principe-1"]
    >>> p.first, p.latest, p.trend, str(p.status), p.comment  # a 2025-01 comment is not the 2025-06 score's
    (2, 3, 1, 'met', '')
    >>> paths["principe-3"].trend is None, str(paths["principe-3"].status)
    (True, 'not_assessable')
    """
    by_lever: dict[str, list[Assessment]] = {}
    for a in assessments:
        by_lever.setdefault(a.lever, []).append(a)
    paths = {}
    for lever in reference().levers:
        items = sorted(by_lever.get(lever.id, []), key=lambda a: a.on)
        comment = items[-1].comment if items else ""
        paths[lever.id] = LeverPath(lever.id, lever.family, lever.number,
                                    tuple((a.on, a.score) for a in items), comment)
    return paths
