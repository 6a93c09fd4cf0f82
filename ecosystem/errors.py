"""One exception root; the CLI and the UI turn these into messages that say the fix.

The core never prints: it raises one of these, and only `cli.py` and `ui/` decide how a user sees it.
"""

from __future__ import annotations

from dataclasses import dataclass


class EcosystemError(Exception):
    """Root of every error a user can cause or fix; its message is shown as is."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a dataset, located precisely enough to fix it in Excel.

    `where` is the file or sheet name, `row` the line number as the user sees it (header = 1 for
    spreadsheets and CSV; the 1-based position of the record for JSON), `column` the header as
    written by the user (or the canonical name when the column is missing).
    """

    where: str
    row: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        parts = [self.where]
        if self.row is not None:
            parts.append(f"line {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        location = ", ".join(parts)
        if self.value is None:
            return f"{location}: {self.expected}"
        return f'{location}: "{self.value}" {self.expected}'


class DatasetInvalid(EcosystemError):
    """A dataset has problems; nothing was loaded. Carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        head = f"{len(self.problems)} problem(s) in {source or 'the dataset'}; nothing was loaded"
        super().__init__(head + "\n" + "\n".join(f"  - {p}" for p in self.problems))


class UnreadableFile(EcosystemError):
    """A file cannot be read at all (not a workbook, not CSV, not JSON, unknown encoding)."""


class NotFound(EcosystemError):
    """An actor, alliance, policy, territory or dataset that does not exist; names the closest matches."""

    def __init__(self, what: str, key: str, suggestions: list[str] | None = None) -> None:
        self.what = what
        self.key = key
        self.suggestions = list(suggestions or [])
        message = f'No {what} "{key}".'
        if self.suggestions:
            message += " Closest matches: " + ", ".join(self.suggestions) + "."
        super().__init__(message)


class ConflictError(EcosystemError):
    """A dataset would overwrite records that belong to another dataset."""


class StoreUnavailable(EcosystemError):
    """The configured store cannot be reached (Neo4j down, wrong password, ...). One line, with the fix."""


class QueryTimeout(EcosystemError):
    """A query ran past its time limit."""


class Neo4jServerError(EcosystemError):
    """The project's local Neo4j server could not be installed, started or stopped."""
