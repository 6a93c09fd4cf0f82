"""Correcting and deleting self-assessment entries on the Alliances page (Streamlit's AppTest),
signed in through the sidebar as an administrator, a contributor and a viewer (real local accounts,
embedded store with the demo): what each is offered, what the store holds afterwards, and that a
deletion forged into a viewer's session state is refused on the server.
"""

from __future__ import annotations

from datetime import date

import pytest

from ecosystem.access.roles import Principal, Role
from ecosystem.access.writes import Writes
from ecosystem.model import Assessment
from ecosystem.ui.entries import PENDING
from tests.test_app_roles import DEMO, app, shared, store, texts  # noqa: F401 - shared: the fixture

pytestmark = pytest.mark.usefixtures("shared")

ON = date(2025, 11, 3)


def _setup() -> tuple[str, Assessment, Assessment]:
    """The demo's first alliance, one entry of paul's, and one entry from the demo's file."""
    alliance = store().dataset(DEMO).alliances[0].id
    paul = Principal("paul", Role.CONTRIBUTOR, frozenset({DEMO}))
    Writes(store(), paul).record_assessments([Assessment(alliance, "principe-4", ON, 2, "premier essai")])
    mine = store().assessment(alliance, "principe-4", ON)
    from_file = next(s for s in store().assessments(alliance) if not s.author)
    return alliance, mine, from_file


def _keys(at, prefix: str) -> set[str]:
    return {b.key.removeprefix(prefix) for b in at.button if b.key and b.key.startswith(prefix)}


def test_the_contributor_is_offered_their_own_entries_only_and_deletes_one():
    alliance, mine, from_file = _setup()
    at = app("paul", "alliances", {"alliance": alliance, "tab": "history"})
    assert "Entrées de l'autoévaluation" in texts(at)
    assert "par paul" in texts(at) and "fichier du jeu de données" in texts(at)
    assert _keys(at, "entries.delete.") == {mine.entry_id}
    assert _keys(at, "entries.correct.") == {mine.entry_id}
    at.button(key=f"entries.delete.{mine.entry_id}").click().run()
    assert "Supprimer l'entrée du 03/11/2025 (Complémentarité, note 2/3) ?" in texts(at)
    at.button(key="entries.confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Entrée du 03/11/2025 (Complémentarité) supprimée." in texts(at)
    assert mine.entry_id not in {s.entry_id for s in store().assessments(alliance)}
    assert from_file in store().assessments(alliance)
    assert store().audit()[0].action == "assess-delete" and store().audit()[0].who == "paul"


def test_the_administrator_corrects_any_entry():
    alliance, mine, from_file = _setup()
    at = app("alice", "alliances", {"alliance": alliance, "tab": "history"})
    offered = _keys(at, "entries.correct.")
    assert {mine.entry_id, from_file.entry_id} <= offered
    assert offered == {s.entry_id for s in store().assessments(alliance)}
    at.button(key=f"entries.correct.{from_file.entry_id}").click().run()
    new_score = (from_file.score + 1) % 4
    at.select_slider(key="entries.score").set_value(new_score)
    at.text_input(key="entries.comment").input("Relu avec le comité")
    next(b for b in at.button if b.label == "Enregistrer la correction").click().run()
    assert not at.exception, [e.value for e in at.exception]
    fixed = store().assessment(alliance, from_file.lever, from_file.on)
    assert (fixed.score, fixed.comment, fixed.author) == (new_score, "Relu avec le comité", "")
    assert "corrigée" in texts(at)
    entry = store().audit()[0]
    assert (entry.who, entry.action) == ("alice", "assess-correct")


def test_the_viewer_sees_the_entries_and_no_button_and_a_forged_deletion_is_refused():
    alliance, mine, from_file = _setup()
    before = store().assessments(alliance)
    at = app("vera", "alliances", {"alliance": alliance, "tab": "history"})
    assert "par paul" in texts(at)
    assert not _keys(at, "entries.")
    # What a crafted request could carry: the pending deletion the « Supprimer » button would set.
    at.session_state[PENDING] = ("delete", alliance, mine.entry_id)
    at.run()
    at.button(key="entries.confirm").click().run()
    assert "Action refusée : vera (lecteur) ne peut pas autoévaluer une alliance" in " ".join(
        e.value for e in at.error)
    forged = app("paul", "alliances", {"alliance": alliance, "tab": "history"})
    forged.session_state[PENDING] = ("delete", alliance, from_file.entry_id)  # the file's: not paul's
    forged.run()
    forged.button(key="entries.confirm").click().run()
    assert "ne peut pas corriger ou supprimer cette entrée d'autoévaluation" in " ".join(
        e.value for e in forged.error)
    assert store().assessments(alliance) == before
