"""The path of an alliance's self-assessments, lever by lever (charter: capitaliser, évaluer).

An alliance scores each of the 21 levers from 0 (absent) to 3 (fully in place) at dated
moments. What counts is the latest score and the way travelled since the first one, so the
history is kept whole and read here as a path: latest score, first score, trend.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ecosystem.analysis import wording as w
from ecosystem.analysis.thresholds import Status, lever_status_of
from ecosystem.model import MAX_SCORE, Assessment, LeverFamily
from ecosystem.reference import reference

SCORE_WORDS = {
    0: ("absent", "absent"),
    1: ("engagé", "started"),
    2: ("en place", "in place"),
    3: ("pleinement en place", "fully in place"),
}


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


def path_sentence(path: LeverPath, lang: str) -> str:
    """The self-assessment of one lever in words: latest score, then the way travelled.

    >>> p = LeverPath("principe-1", LeverFamily.PRINCIPE, 1, ((date(2025, 1, 10), 2), (date(2025, 6, 1), 3)))
    >>> print(path_sentence(p, "fr"))
    Autoévaluation du 01/06/2025 : 3/3 (pleinement en place) ; en progrès depuis le 10/01/2025 (2 → 3).
    """
    if path.latest is None or path.latest_on is None:
        return w.sentence([w.tr(lang, "jamais autoévalué", "never self-assessed")], lang)
    fr_word, en_word = SCORE_WORDS[path.latest]
    when = w.date_text(path.latest_on, lang)
    clauses = [w.tr(lang, f"autoévaluation du {when} : {path.latest}/{MAX_SCORE} ({fr_word})",
                    f"self-assessment of {when}: {path.latest}/{MAX_SCORE} ({en_word})")]
    if path.trend is not None and path.first_on is not None:
        since = w.date_text(path.first_on, lang)
        steps = f"{path.first} → {path.latest}"
        if path.trend > 0:
            clauses.append(w.tr(lang, f"en progrès depuis le {since} ({steps})",
                                f"improving since {since} ({steps})"))
        elif path.trend < 0:
            clauses.append(w.tr(lang, f"en recul depuis le {since} ({steps})",
                                f"declining since {since} ({steps})"))
        else:
            clauses.append(w.tr(lang, f"stable depuis le {since}", f"stable since {since}"))
    if path.comment:
        clauses.append(w.tr(lang, f"commentaire : « {path.comment} »", f"comment: “{path.comment}”"))
    return w.sentence(clauses, lang)
