"""Two loads of the same dataset at once (issue 16, item 8): the one overtaken is told.

Each load records the version it starts from; at its switch, a load whose base was replaced meanwhile
by the other load is refused (LoadOvertaken, in French and English) and changes nothing: the other
load's version stays live. Both stores, two real loads on two threads; the embedded store's second
load goes through a second store object on the same folder, as a second process would.

The order is forced, never timed: the first load waits (inside its own load) until the second has
read its base; the second waits (Neo4j: before its switch) until the first is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from ecosystem.model import Actor, ActorKind, Dataset
from ecosystem.store.base import LoadReport, Store
from ecosystem.store.memory import MemoryStore
from ecosystem.store.rules import LoadOvertaken

VALENCE = "commune:26362"
HANG_GUARD = 300  # seconds: only so that a broken ordering fails instead of hanging the suite


def version(name: str) -> Dataset:
    actors = tuple(Actor(f"course-{i}", f"{name} {i}", ActorKind.ASSOCIATION, (VALENCE,), (1 + i % 17,))
                   for i in range(40))
    return Dataset("course", f"Course {name}", actors=actors)


def _wait(event: threading.Event) -> None:
    assert event.wait(HANG_GUARD), "the other load never reached its step"


class Run(threading.Thread):
    """One load on its own thread; its report or its error kept for the test."""

    def __init__(self, store: Store, dataset: Dataset, progress: Callable[[int, int], None]) -> None:
        super().__init__(daemon=True)
        self.store, self.dataset, self.progress = store, dataset, progress
        self.report: LoadReport | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.report = self.store.load(self.dataset, progress=self.progress)
        except BaseException as error:  # handed to the test
            self.error = error


@contextmanager
def second_store(store: Store) -> Iterator[Store]:
    """Another store object on the same data: a second MemoryStore on the folder (as a second process
    would open it), or the same Neo4j store (its loads share nothing but the server)."""
    if isinstance(store, MemoryStore):
        other = MemoryStore(store._folder.root)
        yield other
        other.close()
    else:
        yield store


def race(store: Store, first: Dataset, second: Dataset) -> tuple[Run, Run]:
    """Run both loads so that the second starts from the version live before the first switches,
    and switches after it."""
    second_started, first_done = threading.Event(), threading.Event()
    with second_store(store) as other:
        if isinstance(other, MemoryStore):  # the second load reads its base, then waits for the lock
            real_lock = other._folder.lock

            def lock(exclusive: bool) -> Any:
                if exclusive:
                    second_started.set()
                return real_lock(exclusive)

            other._folder.lock = lock  # type: ignore[method-assign]

        def second_progress(done: int, total: int) -> None:
            second_started.set()
            if done:  # staged (Neo4j): switch only after the first load
                _wait(first_done)

        b = Run(other, second, second_progress)
        waited = []

        def first_progress(done: int, total: int) -> None:
            if not waited:  # inside the first load: let the second one start from the same base
                waited.append(True)
                b.start()
                _wait(second_started)

        a = Run(store, first, first_progress)
        a.start()
        a.join(HANG_GUARD)
        first_done.set()
        b.join(HANG_GUARD)
    assert not a.is_alive() and not b.is_alive()
    return a, b


@pytest.mark.parametrize("initial", [False, True], ids=["new", "existing"])
def test_the_overtaken_load_is_refused_and_the_other_stays_live(store: Store, initial: bool) -> None:
    if initial:
        store.load(version("v0"))
    a, b = race(store, version("A"), version("B"))
    assert a.error is None and a.report is not None
    assert a.report.status == ("replaced" if initial else "loaded")
    assert isinstance(b.error, LoadOvertaken), b.error or b.report
    assert "Un autre chargement du jeu « course » s'est terminé pendant celui-ci" in b.error.text("fr")
    assert "Another load of dataset 'course' finished while this one ran" in b.error.text("en")
    assert [d.name for d in store.datasets()] == ["Course A"]
    assert {a.name for a in store.actors(["course-0", "course-1"])} == {"A 0", "A 1"}
    # loading it again, now that the person has seen the live version, replaces it as usual
    assert store.load(version("B")).status == "replaced"
    assert [d.name for d in store.datasets()] == ["Course B"]


def test_the_same_content_loaded_twice_at_once_is_unchanged_not_refused(store: Store) -> None:
    a, b = race(store, version("A"), version("A"))
    assert a.report is not None and a.report.status == "loaded"
    assert b.error is None and b.report is not None and b.report.status == "unchanged"
