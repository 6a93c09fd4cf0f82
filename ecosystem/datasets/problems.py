"""Dataset problems in English and French, as the readers and the validator write them.

`ecosystem.errors.Problem` carries both sentences (`expected`, `expected_fr`) and renders either
with `problem.text(lang)`; `str()` is English. Keeping both sentences side by side, written at the
place the check is made, keeps them in step (a translation table keyed on English text would drift
the first time a sentence changes).
"""

from __future__ import annotations

from ecosystem.errors import Problem, UnreadableFile

DatasetProblem = Problem
"""The readers' name for a `Problem`: since every `Problem` carries its French sentence, one type."""


def text(problem: Problem, lang: str = "en") -> str:
    """The problem as one sentence in `lang` (kept for callers written before `Problem.text`).

    >>> p = DatasetProblem("acteurs.csv", 14, "territoires", "69999", "is not a known commune",
    ...                    "n'est pas une commune connue")
    >>> print(text(p, "fr"))
    acteurs.csv, ligne 14, colonne territoires : « 69999 » n'est pas une commune connue
    """
    return problem.text(lang)


def problem(where: str, row: int | None, column: str | None, value: str | None,
            en: str, fr: str) -> DatasetProblem:
    """Shorthand used by the readers and the validator."""
    return DatasetProblem(where, row, column, value, en, fr)


def shown(value: str, limit: int = 80) -> str:
    """A cell value short enough to quote in a message."""
    value = value.replace("\r", " ").replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


class Unreadable(UnreadableFile):
    """A file the dataset readers cannot read at all; raised with its English and French sentences."""
