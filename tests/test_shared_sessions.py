"""Sessions share one computation per data revision, and a write makes the next visit recompute.

Issue 17, item 5. Each `AppTest` is a new Streamlit session of the real app (app.py) in this
process, as two visitors' browser tabs are two sessions of one server process; the count of query
functions that really ran is `ecosystem.ui.context.COMPUTED`. The write goes through a store object
other than the app's own where the store allows it (Neo4j: another connection, as the CLI would be)
and never through the app's write counter, so only `Store.revision` can tell the app the data changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ecosystem.datasets.reader import read_dataset
from ecosystem.model import Assessment
from ecosystem.store.base import Store
from ecosystem.ui.context import COMPUTED, open_holder
from ecosystem.ui.timings import PREFIX
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER
from tests.test_app import APP, DEMO, HANG_GUARD, NEO4J_VARS

SUMMARY = "ecosystem.ui.views.home.summary"


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def writer(request, tmp_path, monkeypatch) -> Iterator[Store]:
    """Point the app at a store of each kind holding the demo; give the store a write may go through."""
    for var in NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "1")
    st.cache_data.clear()
    if request.param == "memory":
        yield open_holder().store  # the embedded store is the app's, in this process
        return
    server: Store = request.getfixturevalue("neo4j_session_store")
    for info in server.datasets():
        server.remove_dataset(info.id)
    server.load(read_dataset(DEMO))
    monkeypatch.setenv("NEO4J_URI", NEO4J_URI or "")
    monkeypatch.setenv("NEO4J_USER", NEO4J_USER)
    monkeypatch.setenv("NEO4J_PASSWORD", NEO4J_PASSWORD)
    assert open_holder().store is not server  # the app has its own connection
    yield server
    for info in server.datasets():
        server.remove_dataset(info.id)


def visit() -> AppTest:
    """A new session opening Accueil."""
    at = AppTest.from_file(str(APP), default_timeout=HANG_GUARD)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest, label: str) -> int:
    """A figure of Accueil's "what is loaded" row, as a number (« 1 234 » has a narrow space)."""
    (metric,) = [m for m in at.metric if m.label == label]
    return int("".join(ch for ch in metric.value if ch.isdigit()))


def test_two_sessions_share_one_computation_and_a_write_invalidates_it(writer: Store) -> None:
    first = visit()
    computed = COMPUTED[SUMMARY]
    assert computed >= 1
    second = visit()
    assert COMPUTED[SUMMARY] == computed, "the second session computed the summary again"
    assert shown(second, "Acteurs") == shown(first, "Acteurs")

    demo = read_dataset(DEMO)  # the demo again, with one actor more, written without the app's counter
    extra = replace(demo.actors[0], id="acteur-en-plus", name="Acteur en plus")
    writer.load(replace(demo, actors=(*demo.actors, extra)))
    third = visit()
    assert COMPUTED[SUMMARY] == computed + 1, "the write did not invalidate the shared summary"
    assert shown(third, "Acteurs") == shown(first, "Acteurs") + 1
    visit()
    assert COMPUTED[SUMMARY] == computed + 1, "after the write, sessions stopped sharing"

    # a self-assessment changes no dataset's checksum or load time: only the revision tells
    alliance = demo.alliances[0].id
    writer.record_assessments([Assessment(alliance, "principe-1", date(2031, 1, 2), 2, "revu")])
    fourth = visit()
    assert COMPUTED[SUMMARY] == computed + 2, "a self-assessment did not invalidate the shared summary"
    assert shown(fourth, "Autoévaluations") == shown(third, "Autoévaluations") + 1


def test_each_page_run_writes_its_timing_line_when_asked(tmp_path, monkeypatch, capfd) -> None:
    """benchmarks/sessions.py reads these lines; without the setting the terminal stays quiet."""
    for var in NEO4J_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    visit()
    assert PREFIX not in capfd.readouterr().err
    monkeypatch.setenv("ECOSYSTEM_TIMINGS", "1")
    visit()
    lines = [line for line in capfd.readouterr().err.splitlines() if line.startswith(PREFIX)]
    assert len(lines) == 1
    timing = json.loads(lines[0][len(PREFIX):])
    assert timing["page"] == "accueil" and timing["ms"] > 0 and timing["computed"] >= 1
