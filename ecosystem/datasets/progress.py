"""Progress of reading and checking a dataset, as data: the shells decide how to show it.

A 150,000-row file takes seconds to read and check; without a sign of life a person thinks the
command hung. The readers and the validator call `progress(step, done, total)` every `EVERY` rows:
`step` is READ (rows read so far, `total` 0: the number of rows is not known before the end) or
CHECK (rows checked out of `total`). Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable

READ = "read"
CHECK = "check"
EVERY = 5_000  # rows between two calls: often enough for a line that moves, rare enough to cost nothing

ReadProgress = Callable[[str, int, int], None]
"""Called as progress(step, done, total) while a dataset is read (READ) and checked (CHECK)."""


def silent(step: str, done: int, total: int) -> None:
    """The progress of callers that show none."""
