"""Each role, each write, in the app (Streamlit's AppTest): signing in through the sidebar form, then
importing, removing and self-assessing as an administrator, a contributor and a viewer.

The store is the embedded one on a temporary state folder with the demo; the accounts are real
(argon2 hashes in the state folder's users.json). What a page offers is checked, and so is what
the store holds afterwards: a write the role does not allow changes nothing even when the request
reaches the server (a contributor's upload of a dataset not granted; forged widget state).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ecosystem.access.accounts import Accounts
from ecosystem.access.roles import Role
from ecosystem.ui import session
from ecosystem.ui.context import open_holder

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
PASSWORD = "un mot de passe assez long"
DEMO = "demo-drome"
SAVE = "Enregistrer l'autoévaluation"
VALID = ("nom;type;territoires;odd\nAtelier vélo de Crest;association;26108;11\n").encode()


@pytest.fixture
def shared(tmp_path, monkeypatch) -> Accounts:
    """An instance with three accounts: alice (administrator), paul (contributor on the demo and on
    a dataset to come, "essai-paul"), vera (viewer)."""
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_AUTH"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "1")
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    st.cache_data.clear()
    session.throttle.clear()  # failed logins of an earlier test must not count here
    accounts = Accounts(tmp_path)
    accounts.add("alice", Role.ADMIN, PASSWORD)
    accounts.add("paul", Role.CONTRIBUTOR, PASSWORD, grants=(DEMO, "essai-paul"))
    accounts.add("vera", Role.VIEWER, PASSWORD)
    return accounts


def store():
    return open_holder().store


def app(name: str | None, page: str = "", params: dict[str, str] | None = None) -> AppTest:
    """A session signed in as `name` (None: anonymous) through the sidebar form, then on `page`."""
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.query_params.update(params or {})
    at.run()
    if name is not None:
        at.sidebar.text_input(key="access.name").input(name)
        at.sidebar.text_input(key="access.password").input(PASSWORD)
        at.sidebar.button[0].click().run()  # the form's submit button
        assert not at.exception, [e.value for e in at.exception]
        assert f"**{name}**" in " ".join(c.value for c in at.sidebar.caption), "not signed in"
    if page:
        at.switch_page(f"ecosystem/ui/pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in (*at.markdown, *at.info, *at.success, *at.warning, *at.error,
                                               *at.caption))


def _alliance() -> str:
    return store().dataset(DEMO).alliances[0].id


def _upload(at: AppTest, name: str) -> AppTest:
    at.file_uploader[0].upload("acteurs.csv", VALID, "text/csv")
    at.text_input(key="upload.0.name").input(name)
    at.run()
    next(b for b in at.button if b.label == "Importer").click().run()
    return at


# ---------------------------------------------------------------------- signing in


def test_a_wrong_password_is_refused_and_repeated_failures_are_throttled(shared):
    at = AppTest.from_file(str(APP), default_timeout=300).run()
    for attempt in range(6):
        at.sidebar.text_input(key="access.name").input("vera")
        at.sidebar.text_input(key="access.password").input(f"faux {attempt}")
        at.sidebar.button[0].click().run()
    errors = [e.value for e in at.sidebar.error]
    assert errors == ["Trop de tentatives échouées : réessayez dans 15 minutes."]
    at.sidebar.text_input(key="access.name").input("vera")
    at.sidebar.text_input(key="access.password").input(PASSWORD)
    at.sidebar.button[0].click().run()
    assert "Lecture seule" in " ".join(c.value for c in at.sidebar.caption), "throttled, even when right"


def test_an_anonymous_visitor_reads_but_is_offered_no_write(shared):
    at = app(None, "data")
    assert "lecture seule" in texts(at)
    assert not at.file_uploader
    assert not [b for b in at.button if b.label.startswith("Retirer")]
    assess = app(None, "alliances", {"alliance": _alliance(), "tab": "assess"})
    assert "lecture seule" in texts(assess) and not assess.get("select_slider")


# ---------------------------------------------------------------------- each role, each write


def test_the_administrator_imports_assesses_and_removes(shared):
    at = _upload(app("alice", "data"), "Essai Alice")
    assert "Import terminé" in texts(at)
    assert "essai-alice" in {d.id for d in store().datasets()}
    alliance = _alliance()
    form = app("alice", "alliances", {"alliance": alliance, "tab": "assess"})
    form.select_slider(key=f"assess.{alliance}.principe-4").set_value("1")
    form.button(key=f"FormSubmitter:assess.{alliance}-{SAVE}").click().run()
    assert not form.exception and any(s.lever == "principe-4" for s in store().assessments(alliance))
    at = app("alice", "data")
    at.selectbox(key="remove.pick").set_value("essai-alice").run()
    next(b for b in at.button if b.label == "Retirer…").click().run()
    at.button(key="remove.yes").click().run()
    assert "essai-alice" not in {d.id for d in store().datasets()}


def test_the_contributor_writes_what_is_granted_and_nothing_else(shared):
    at = _upload(app("paul", "data"), "Essai Paul")  # granted, though not loaded yet
    assert "Import terminé" in texts(at)
    assert not [b for b in at.button if b.label.startswith("Retirer")], "removal is for administrators"
    refused = _upload(app("paul", "data"), "Essai Autre")  # the page lets him try; the server refuses
    said = "Action refusée : paul (contributeur) ne peut pas importer un jeu de données (essai-autre)"
    assert said in texts(refused)
    assert "essai-autre" not in {d.id for d in store().datasets()}
    alliance = _alliance()  # an alliance of the demo, which is granted
    form = app("paul", "alliances", {"alliance": alliance, "tab": "assess"})
    form.select_slider(key=f"assess.{alliance}.principe-4").set_value("2")
    form.button(key=f"FormSubmitter:assess.{alliance}-{SAVE}").click().run()
    assert not form.exception
    assert any(s.lever == "principe-4" and s.score == 2 for s in store().assessments(alliance))


def test_the_viewer_writes_nothing_even_with_forged_widget_state(shared):
    before = (store().datasets(), store().assessments(_alliance()))
    at = app("vera", "data")
    assert not at.file_uploader
    # What a crafted request could carry: the confirmation state and the ids of the removal widgets.
    at.session_state["data.confirm"] = DEMO
    at.session_state["remove.pick"] = DEMO
    at.run()
    assert not at.get("button") or all(b.key != "remove.yes" for b in at.button)
    alliance = _alliance()
    form = app("vera", "alliances", {"alliance": alliance, "tab": "assess"})
    form.session_state[f"assess.{alliance}.principe-4"] = "3"
    form.run()
    assert not form.get("select_slider")
    assert (store().datasets(), store().assessments(alliance)) == before


def test_the_audit_log_is_shown_to_administrators_only(shared):
    _upload(app("paul", "data"), "Essai Paul")
    admin = app("alice", "data")
    log = admin.dataframe[-1].value
    assert "Journal des modifications" in [s.value for s in admin.subheader]
    assert ("paul", "import", "essai-paul") in set(zip(log["Qui"], log["Action"], log["Jeu"], strict=True))
    for name in ("paul", "vera"):
        assert "Journal des modifications" not in [s.value for s in app(name, "data").subheader]


# ---------------------------------------------------------------------- guard and undo in the app


def test_an_empty_dataset_needs_a_confirmation_then_the_old_version_is_restored(shared):
    from ecosystem.datasets.export import json_bytes
    from ecosystem.model import Dataset

    actors = len(store().dataset(DEMO).actors)
    empty = json_bytes(Dataset(DEMO, "Drôme — jeu de démonstration (fictif)"))
    at = app("alice", "data")
    at.file_uploader[0].upload("demo.json", empty, "application/json")
    at.run()
    next(b for b in at.button if b.label == "Importer").click().run()
    assert "retirerait tous ses acteurs" in texts(at)
    assert len(store().dataset(DEMO).actors) == actors, "nothing loaded before the confirmation"
    at.button(key="data.force").click().run()
    assert not at.exception
    assert store().dataset(DEMO).actors == ()
    restore = app("alice", "data")
    restore.selectbox(key="history.pick").set_value(DEMO).run()
    table = next(d.value for d in restore.dataframe if "Gardée car" in d.value.columns)
    assert list(table["Acteurs"]) == [actors]
    restore.selectbox(key="history.version").set_value(1).run()
    restore.button(key="history.restore").click().run()
    assert not restore.exception
    assert len(store().dataset(DEMO).actors) == actors
    assert "Version 1 de demo-drome restaurée." in texts(restore)


def test_a_viewer_is_offered_no_restore(shared):
    assert "Historique et restauration" not in [s.value for s in app("vera", "data").subheader]
