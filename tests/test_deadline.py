"""A whole-question time limit (issue 16, items 6 and 8): ECOSYSTEM_QUERY_TIMEOUT bounds a question in
all, its queries and the Python work after them, on both stores, and says so in one sentence naming
the setting.

Time is never measured here: the deadline runs on a clock the test moves, and the clock jumps past
the limit at the moment a real store call returns, so what must stop the question is a check in the
Python work that follows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ecosystem import deadline
from ecosystem.analysis.overlap import duplicate_listing, pair_listing
from ecosystem.cli import main
from ecosystem.deadline import QuestionTimeout
from ecosystem.model import Level
from ecosystem.store.base import Store
from tests.test_app import demo, kind  # noqa: F401 - fixtures
from tests.test_bounds import VALENCE, crowded


class Clock:
    """A clock that stands still until told to jump."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def jump_after(store: Store, method: str, clock: Clock, by: float, monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the store's real `method` answer, then move the clock by `by` seconds."""
    real: Callable[..., Any] = getattr(store, method)

    def answered_then_late(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        clock.now += by
        return found

    monkeypatch.setattr(store, method, answered_then_late)


@pytest.fixture
def crowd(store: Store) -> Store:
    from ecosystem.model import Dataset

    store.load(Dataset("foule", "Foule", actors=crowded()))
    return store


def test_duplicate_groups_stop_in_the_python_work_after_the_store(crowd: Store,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    jump_after(crowd, "overlap_profile_walk", clock, 61, monkeypatch)
    with deadline.limit(60, clock=clock), pytest.raises(QuestionTimeout) as stopped:
        duplicate_listing(crowd, VALENCE, Level.COMMUNE)
    assert stopped.value.text("fr") == (
        "La question a dépassé sa limite de 60 s et a été arrêtée : augmentez ECOSYSTEM_QUERY_TIMEOUT (en "
        "secondes) ou posez une question plus ciblée (un territoire plus petit, un --min-jaccard plus "
        "élevé, un --top plus petit).")
    assert "ran past its 60 s limit" in stopped.value.text("en")


def test_pairs_stop_in_the_python_work_after_the_store(crowd: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    jump_after(crowd, "overlap_pairs", clock, 2.5, monkeypatch)
    with deadline.limit(2, clock=clock), pytest.raises(QuestionTimeout) as stopped:
        pair_listing(crowd, VALENCE, limit=100)
    assert "limite de 2 s" in stopped.value.text("fr")


def test_within_the_limit_the_answer_is_the_same(crowd: Store) -> None:
    clock = Clock()
    with deadline.limit(60, clock=clock):
        bounded = pair_listing(crowd, VALENCE, limit=40)
    assert bounded == pair_listing(crowd, VALENCE, limit=40)


def test_the_embedded_store_checks_inside_its_own_loops(memory_store: Store) -> None:
    """The embedded store's work is all Python: a deadline already past stops it before any pair."""
    from ecosystem.model import Dataset

    memory_store.load(Dataset("foule", "Foule", actors=crowded()))
    clock = Clock()
    with deadline.limit(1, clock=clock):
        clock.now = 5
        for ask in (lambda: memory_store.overlap_pair_total(VALENCE, Level.COMMUNE),
                    lambda: memory_store.overlap_pairs(VALENCE, Level.COMMUNE, limit=10),
                    lambda: memory_store.overlap_profile_pairs(VALENCE, Level.COMMUNE)):
            with pytest.raises(QuestionTimeout):
                ask()


def test_a_limit_inside_a_limit_keeps_the_sooner() -> None:
    clock = Clock()
    with deadline.limit(10, clock=clock), deadline.limit(100, clock=clock):
        clock.now = 11
        with pytest.raises(QuestionTimeout) as stopped:
            deadline.check()
    assert "10 s" in stopped.value.text("en")
    deadline.check()  # outside any limit: nothing is bounded


def test_the_cli_stops_a_question_past_the_setting(small_state, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ECOSYSTEM_QUERY_TIMEOUT", "0,000001")
    assert main(["overlaps", "--in", "Valence"]) != 0
    err = capsys.readouterr().err
    assert "erreur : La question a dépassé sa limite de 0,000001 s et a été arrêtée" in err
    assert "a été arrêtée : augmentez ECOSYSTEM_QUERY_TIMEOUT (en secondes)" in err
    assert "Traceback" not in err
    monkeypatch.setenv("ECOSYSTEM_QUERY_TIMEOUT", "60")
    assert main(["overlaps", "--in", "Valence", "--top", "1"]) == 0


@pytest.mark.neo4j
def test_a_neo4j_query_gets_only_the_time_left(neo4j_session_store: Store) -> None:
    """The server stops a query at the question's deadline, not at the query's own 120 s limit, and
    the message names the question's limit."""
    clock = Clock()
    runner = neo4j_session_store.runner  # type: ignore[attr-defined]
    with deadline.limit(60, clock=clock), pytest.raises(QuestionTimeout) as stopped:
        clock.now = 59.5  # half a second left
        runner.read_text("slow", "UNWIND range(1, 4000000000) AS x RETURN count(x) AS n")
    assert "limite de 60 s" in stopped.value.text("fr")
    with deadline.limit(60, clock=clock), pytest.raises(QuestionTimeout):
        clock.now = 1000  # nothing left: the query is not even sent
        runner.read_text("quick", "RETURN 1 AS n")


@pytest.mark.usefixtures("kind")
def test_a_page_of_the_app_past_the_limit_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's questions (AppContext.q) run under the same limit: one sentence, no traceback."""
    import streamlit as st

    from tests.test_app import run

    monkeypatch.setenv("ECOSYSTEM_QUERY_TIMEOUT", "0,000001")
    st.cache_data.clear()  # an answer cached by an earlier test would come without asking
    at = run("overlaps", {"view": "territory", "territory": "departement:26"})
    assert not at.exception, [e.value for e in at.exception]
    assert any("La question a dépassé sa limite de 0,000001 s et a été arrêtée : augmentez "
               "ECOSYSTEM_QUERY_TIMEOUT" in e.value for e in at.error), [e.value for e in at.error]
