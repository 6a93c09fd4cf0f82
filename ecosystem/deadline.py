"""A whole-question time limit, checked where the time is spent.

A Neo4j transaction timeout only bounds one query: after the queries returned, Python could still
spend minutes expanding pairs (the issue's `overlaps --in` on 137,000 actors never answered, and
no limit fired). So a question runs inside `limit(seconds)`, which sets a deadline for the whole
command in a context variable (one per thread, so each run of the app has its own); the long
Python loops call `check()` every so often, and the Neo4j runner gives each query at most the
time that is left (`remaining`). Past the deadline `check()` raises `QuestionTimeout`, one sentence
naming the setting to raise. Outside `limit(...)` nothing is bounded and `check()` costs one
lookup: loads, imports and tests that do not ask for a limit are unchanged.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ecosystem.errors import QueryTimeout

SETTING = "ECOSYSTEM_QUERY_TIMEOUT"


class QuestionTimeout(QueryTimeout):
    """A question ran past its whole-command time limit (its queries and the work after them)."""

    def __init__(self, seconds: float, setting: str = SETTING) -> None:
        shown = f"{seconds:.6f}".rstrip("0").rstrip(".")  # 60, 2.5, 0.001: never 1e-06
        super().__init__(
            f"The question ran past its {shown} s limit and was stopped: raise {setting} (seconds) or ask "
            "a narrower question (a smaller territory, a higher --min-jaccard, a smaller --top).",
            f"La question a dépassé sa limite de {shown.replace('.', ',')} s et a été arrêtée : augmentez "
            f"{setting} (en secondes) ou posez une question plus ciblée (un territoire plus petit, un "
            "--min-jaccard plus élevé, un --top plus petit).")
        self.seconds = seconds
        self.setting = setting


@dataclass(frozen=True, slots=True)
class Deadline:
    at: float  # on `clock`'s scale
    seconds: float  # the limit as set, for the message
    setting: str
    clock: Callable[[], float]

    def left(self) -> float:
        return self.at - self.clock()


_current: ContextVar[Deadline | None] = ContextVar("ecosystem_deadline", default=None)


@contextmanager
def limit(seconds: float | None, setting: str = SETTING,
          clock: Callable[[], float] = time.monotonic) -> Iterator[Deadline | None]:
    """Run the block under a deadline `seconds` from now (None: no limit). A limit already running
    (a question inside a question) stays when it is the sooner one."""
    if seconds is None:
        yield _current.get()
        return
    mine = Deadline(clock() + float(seconds), float(seconds), setting, clock)
    outer = _current.get()
    if outer is not None and outer.left() <= mine.left():
        mine = outer
    token = _current.set(mine)
    try:
        yield mine
    finally:
        _current.reset(token)


def check() -> None:
    """Raise QuestionTimeout when the running question is past its deadline; else return at once."""
    current = _current.get()
    if current is not None and current.left() <= 0:
        raise QuestionTimeout(current.seconds, current.setting)


def over(margin: float = 0.0) -> Deadline | None:
    """The running deadline when it is past, or less than `margin` seconds away (a query the server
    stopped at the question's limit ends a little before it); None otherwise."""
    current = _current.get()
    return current if current is not None and current.left() <= margin else None


def remaining(default: float) -> float:
    """The time a query may take: `default` (its own limit), or less when the question's deadline
    is sooner. Raises QuestionTimeout when no time is left, rather than start a query for nothing."""
    current = _current.get()
    if current is None:
        return default
    left = current.left()
    if left <= 0:
        raise QuestionTimeout(current.seconds, current.setting)
    return min(default, left)


def seconds_from(text: str | None, default: float = 60.0) -> float:
    """The setting's value in seconds ("60", "2,5"); settings_check has refused anything else.

    >>> seconds_from("2,5"), seconds_from(None)
    (2.5, 60.0)
    """
    return float(text.replace(",", ".")) if text else default


def question_limit(environ: dict[str, str] | None = None,
                   ) -> contextlib.AbstractContextManager[Deadline | None]:
    """The whole-question limit of the settings (ECOSYSTEM_QUERY_TIMEOUT, 60 s by default), for the
    shells to run a question under: the CLI's analysis commands, the app's question pages."""
    from ecosystem import settings

    return limit(seconds_from(settings.get(SETTING, environ)))
