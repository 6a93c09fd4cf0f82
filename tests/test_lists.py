"""Lists that scale: long results as tables (filter, sort, CSV) and pickers that search on the server.

The pickers' search is the store's own `search` query, so it is checked on both stores; the page is
checked with AppTest on an embedded store holding more actors than the picker lists.
"""

from __future__ import annotations

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ecosystem.analysis.overlap import duplicate_groups
from ecosystem.generate import GeneratorSpec, generate
from ecosystem.store.memory import MemoryStore
from ecosystem.ui import pickers, tables
from ecosystem.ui.views.common import PICKER_MAX
from tests.factories import small_dataset
from tests.test_app_roles import APP


def test_the_search_behind_the_pickers_answers_on_both_stores(store):
    store.load(small_dataset())
    found = pickers.search_entries(store, "actor", "valence")
    # names starting with the text first, then the others by name; no alliance, no policy
    assert [e.name for e in found] == ["Valence Romans Agglo", "Jardins de Valence", "Ville de Valence"]
    assert [e.id for e in pickers.search_entries(store, "alliance", "valentin")] == ["alim-valence"]
    assert len(pickers.search_entries(store, "actor", "a", limit=2)) == 2
    assert "ancienne-asso" not in {e.id for e in pickers.search_entries(store, "actor", "ancienne")}


def test_a_filter_ignores_accents_and_case_and_the_csv_opens_in_french_excel():
    frame = pd.DataFrame({"Acteur": ["BioDrôme", "Crest Solidaire"], "Score": [80, 40]})
    assert list(tables.matching(frame, "biodrome")["Acteur"]) == ["BioDrôme"]
    assert list(tables.matching(frame, "  ")["Acteur"]) == ["BioDrôme", "Crest Solidaire"]
    data = tables.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf") and data.decode("utf-8-sig").splitlines()[0] == "Acteur;Score"


def test_duplicate_groups_become_one_row_per_actor(memory_store):
    memory_store.load(small_dataset())
    groups = duplicate_groups(memory_store, "departement:26", lang="fr")
    frame = tables.duplicates_frame(groups, "fr")
    assert len(frame) == sum(len(g.actors) for g in groups)
    assert groups, "the small dataset has possible duplicates (the Valence gardens)"
    assert list(frame.columns[:5]) == ["Groupe", "Acteur", "Type", "Taille du groupe", "Ressemblance"]


@pytest.fixture
def many(tmp_path, monkeypatch):
    """An embedded store with more actors than the picker lists (the app searches beyond)."""
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_AUTH"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "0")
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    st.cache_data.clear()
    dataset = generate(GeneratorSpec(actors=PICKER_MAX + 500, seed=3, scope="departement:26"))
    MemoryStore(tmp_path / "embedded").load(dataset)
    return dataset


def test_beyond_the_list_the_actor_picker_asks_to_type_then_offers_the_stores_matches(many):
    at = AppTest.from_file(str(APP), default_timeout=300).run()
    at.switch_page("ecosystem/ui/pages/overlaps.py").run()
    assert not at.exception
    assert all(s.key != "actor" for s in at.selectbox), "no list (and no « No results ») before typing"
    assert any("Tapez quelques lettres" in c.value for c in at.caption)
    name = many.actors[0].name
    word = max(name.split(), key=len)
    at.text_input(key="actor.q").input(word).run()
    picker = at.selectbox(key="actor")
    assert 1 <= len(picker.options) <= pickers.MATCHES
    assert all(word.casefold() in o.casefold() for o in picker.options)
    at.text_input(key="actor.q").input("zzzq introuvable").run()
    assert any("Aucun nom ne contient « zzzq introuvable »." in c.value for c in at.caption)
