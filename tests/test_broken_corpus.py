"""The broken-file corpus (tests/broken_corpus.py): every case gets the outcome it promises.

On the readers alone, one test per case: the French (and, where given, English) message names the
file, line, column and value; an accepted file gives the promised actors and warnings. Then on both
stores, with the demo loaded: each accepted file loads and is removed again, each refused one (by
the readers or, for ids the demo owns, by the store) leaves the store exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecosystem.datasets import check
from ecosystem.errors import ConflictError, DatasetInvalid, UnreadableFile
from ecosystem.store.base import Store
from tests.broken_corpus import CASES, Case, build


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("broken")
    build(root)
    return root


def test_the_corpus_has_at_least_sixty_cases_of_every_outcome() -> None:
    assert len(CASES) >= 60
    assert {case.expect for case in CASES} == {"ok", "refused", "unreadable", "conflict"}


def _said(messages: list[str], words: tuple[str, ...]) -> bool:
    return any(all(word in message for word in words) for message in messages)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_case_gets_its_outcome(case: Case, corpus: Path) -> None:
    path = case.path(corpus)
    if case.expect == "unreadable":
        with pytest.raises(UnreadableFile) as caught:
            check(path)
        message = caught.value.text("fr")
        assert _said([message], case.words), message
        assert "\n" not in message.strip() and "Traceback" not in message
        if case.english:
            assert _said([caught.value.text("en")], case.english)
        return
    report = check(path)
    if case.expect == "refused":
        assert not report.ok and report.dataset is None
        french = [p.text("fr") for p in report.problems]
        assert _said(french, case.words), french
        if case.english:
            assert _said([p.text("en") for p in report.problems], case.english)
        return
    assert report.ok, [p.text("fr") for p in report.problems]
    assert report.dataset is not None and len(report.dataset.actors) == case.actors
    if case.words and case.expect == "ok":
        warnings = [w.text("fr") for w in report.warnings]
        assert _said(warnings, case.words), warnings


def _state(store: Store) -> tuple:
    """What a refusal must not change: every dataset (checksum, counts, loading time) and the totals."""
    return tuple(store.datasets()), store.stats()


def test_the_corpus_on_each_store_loads_the_good_and_leaves_the_store_unchanged_on_a_refusal(
    store: Store, corpus: Path
) -> None:
    from ecosystem.datasets import read_dataset
    from ecosystem.resources import DEMO_DIR

    store.load(read_dataset(DEMO_DIR))
    before = _state(store)
    for case in CASES:
        path = case.path(corpus)
        if case.expect in ("refused", "unreadable"):
            with pytest.raises((DatasetInvalid, UnreadableFile)):
                store.load(read_dataset(path))
        elif case.expect == "conflict":
            dataset = read_dataset(path)
            with pytest.raises(ConflictError) as caught:
                store.load(dataset)
            assert _said([caught.value.text("fr")], case.words), caught.value.text("fr")
        else:
            dataset = read_dataset(path)
            store.load(dataset)
            info = next(i for i in store.datasets() if i.id == dataset.id)
            assert info.count("actors") == case.actors, case.name
            store.remove_dataset(dataset.id)
        assert _state(store) == before, case.name
