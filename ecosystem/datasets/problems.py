"""Dataset problems in English and French.

`ecosystem.errors.Problem` carries the English sentence (`expected`), which `str()` and
`DatasetInvalid` show. Users are French, so every problem found here also carries the same sentence
in French; `text(problem, "fr")` renders either. Keeping both sentences side by side, written at
the place the check is made, keeps them in step (a translation table keyed on English text would
drift the first time a sentence changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ecosystem.errors import Problem, UnreadableFile


@dataclass(frozen=True, slots=True)
class DatasetProblem(Problem):
    """A `Problem` with its French sentence; compares equal on the located English fields."""

    expected_fr: str = field(default="", compare=False)

    def text(self, lang: str = "en") -> str:
        return text(self, lang)


def text(problem: Problem, lang: str = "en") -> str:
    """The problem as one sentence: `str(problem)` in English, its French version otherwise.

    >>> p = DatasetProblem("acteurs.csv", 14, "territoires", "69999", "is not a known commune",
    ...                    "n'est pas une commune connue")
    >>> print(text(p, "fr"))
    acteurs.csv, ligne 14, colonne territoires : « 69999 » n'est pas une commune connue
    """
    french = getattr(problem, "expected_fr", "")
    if lang != "fr" or not french:
        return str(problem)
    parts = [problem.where]
    if problem.row is not None:
        parts.append(f"ligne {problem.row}")
    if problem.column:
        parts.append(f"colonne {problem.column}")
    location = ", ".join(parts)
    if problem.value is None:
        return f"{location} : {french}"
    return f"{location} : « {problem.value} » {french}"


def problem(where: str, row: int | None, column: str | None, value: str | None,
            en: str, fr: str) -> DatasetProblem:
    """Shorthand used by the readers and the validator."""
    return DatasetProblem(where, row, column, value, en, fr)


def shown(value: str, limit: int = 80) -> str:
    """A cell value short enough to quote in a message."""
    value = value.replace("\r", " ").replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


class Unreadable(UnreadableFile):
    """A file that cannot be read at all, with the same sentence in French (`text("fr")`)."""

    def __init__(self, en: str, fr: str) -> None:
        super().__init__(en)
        self.message_fr = fr

    def text(self, lang: str = "en") -> str:
        return self.message_fr if lang == "fr" else str(self)
