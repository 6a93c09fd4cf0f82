"""The Modifier and Évolution pages in the app (Streamlit's AppTest), per role, on the embedded store
with the demo and real local accounts (argon2 hashes in the state folder).

What the pages offer is checked, and so is what the store holds afterwards: an edit changes one
record and makes a new version (history, audit); a form's problems are the validator's; a viewer's
forged click on a disabled button reaches the server and is refused, the data unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ecosystem.access.accounts import Accounts
from ecosystem.access.roles import Role
from ecosystem.editing.scenarios import Scenarios
from ecosystem.history.archive import Archive
from ecosystem.ui import session
from ecosystem.ui.context import open_holder

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
PASSWORD = "un mot de passe assez long"
DEMO = "demo-drome"
ACTOR = "la-consigne-romanaise"


@pytest.fixture
def shared(tmp_path, monkeypatch) -> Accounts:
    """alice (administrator), paul (contributor on the demo), rita (contributor on another dataset),
    vera (viewer)."""
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_AUTH"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_DEMO", "1")
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    st.cache_data.clear()
    session.throttle.clear()
    accounts = Accounts(tmp_path)
    accounts.add("alice", Role.ADMIN, PASSWORD)
    accounts.add("paul", Role.CONTRIBUTOR, PASSWORD, grants=(DEMO,))
    accounts.add("rita", Role.CONTRIBUTOR, PASSWORD, grants=("autre-jeu",))
    accounts.add("vera", Role.VIEWER, PASSWORD)
    return accounts


def store():
    return open_holder().store


def app(name: str, page: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.query_params.update(params or {})
    at.run()
    at.sidebar.text_input(key="access.name").input(name)
    at.sidebar.text_input(key="access.password").input(PASSWORD)
    at.sidebar.button[0].click().run()
    assert f"**{name}**" in " ".join(c.value for c in at.sidebar.caption), "not signed in"
    at.switch_page(f"ecosystem/ui/pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in (*at.markdown, *at.info, *at.success, *at.warning, *at.error,
                                               *at.caption))


def field(record: str, column: str, kind: str = "actor") -> str:
    return f"edit.f.{DEMO}.{kind}.{record}.{column}"


def submit(at: AppTest, record: str, label: str = "Enregistrer", kind: str = "actor") -> AppTest:
    at.button(key=f"FormSubmitter:edit.f.{DEMO}.{kind}.{record}-{label}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def forged(widget):
    """The widget as a crafted request sees it: the page disabled it, the request is sent anyway (what
    a browser's developer tools or a script can do; AppTest, like a browser, refuses it otherwise).
    Streamlit drops such a value; were it not to, `Edits` refuses the write on the server
    (tests/test_editing.py drives that check directly)."""
    widget.proto.disabled = False
    return widget


def open_record(at: AppTest, record: str, kind: str = "actor") -> AppTest:
    at.selectbox(key="edit.dataset").set_value(DEMO).run()
    at.radio(key="edit.kind").set_value(kind).run()
    at.selectbox(key=f"edit.record.{DEMO}.{kind}").set_value(record).run()
    return at


# ---------------------------------------------------------------------- records


def test_a_contributor_edits_an_actor_of_a_granted_dataset_as_a_new_version(shared):
    assert ACTOR in {a.id for a in store().dataset(DEMO).actors}
    at = open_record(app("paul", "edit"), ACTOR)
    at.text_input(key=field(ACTOR, "sdgs")).input("1; 2; 12")
    submit(at, ACTOR)
    assert "Fiche « La Consigne romanaise » enregistrée : nouvelle version du jeu demo-drome." in texts(at)
    (actor,) = store().actors([ACTOR])
    assert actor.sdgs == (1, 2, 12)
    assert [v.reason for v in Archive.of(store()).versions(DEMO)] == ["replaced"]
    entry = store().audit(limit=1)[0]
    assert (entry.who, entry.action, entry.dataset) == ("paul", "edit", DEMO)


def test_a_form_gives_the_validators_messages_and_saves_nothing(shared):
    before = store().dataset(DEMO)
    at = open_record(app("alice", "edit"), ACTOR)
    at.text_input(key=field(ACTOR, "territories")).input("Valance")
    at.text_input(key=field(ACTOR, "sdgs")).input("19")
    submit(at, ACTOR)
    said = texts(at)
    assert "La fiche n'a pas été enregistrée : 2 problèmes à corriger." in said
    assert ("**Territoires** : « Valance » n'est pas une commune, un EPCI, un département ou une région "
            "connus") in said
    assert "n'est pas un numéro d'ODD : attendu un nombre de 1 à 17" in said
    assert store().dataset(DEMO) == before


def test_an_administrator_creates_then_retires_an_actor(shared):
    at = app("alice", "edit")
    at.selectbox(key="edit.dataset").set_value(DEMO).run()
    new = "__new__"
    at.text_input(key=field(new, "name")).input("Atelier vélo de Crest")
    at.selectbox(key=field(new, "kind")).set_value("association")
    at.text_input(key=field(new, "territories")).input("26108")
    at.text_input(key=field(new, "sdgs")).input("11")
    submit(at, new, "Créer")
    (actor,) = store().actors(["atelier-velo-de-crest"])
    assert actor.name == "Atelier vélo de Crest" and actor.territories == ("commune:26108",)
    at = open_record(app("alice", "edit"), actor.id)
    at.checkbox(key=field(actor.id, "retire.ok")).check().run()
    at.button(key=field(actor.id, "retire")).click().run()
    assert "Fiche « Atelier vélo de Crest » retirée du jeu demo-drome" in texts(at)
    assert store().actors([actor.id]) == []


def test_a_contributor_sees_other_datasets_read_only_and_the_server_refuses_them(shared):
    at = open_record(app("rita", "edit"), ACTOR)
    assert "Aucun jeu de données ne vous est ouvert en écriture" in texts(at)
    assert at.text_input(key=field(ACTOR, "sdgs")).disabled
    before = store().dataset(DEMO)
    forged(at.text_input(key=field(ACTOR, "sdgs"))).input("1")
    forged(at.button(key=f"FormSubmitter:edit.f.{DEMO}.actor.{ACTOR}-Enregistrer")).click().run()
    assert not at.success
    assert store().dataset(DEMO) == before


def test_the_viewer_writes_nothing_even_with_forged_widget_state(shared):
    before = (store().dataset(DEMO), store().audit())
    at = open_record(app("vera", "edit"), ACTOR)
    assert "ne permet pas de modifier les données" in texts(at)
    forged(at.text_input(key=field(ACTOR, "sdgs"))).input("1; 2")
    forged(at.button(key=f"FormSubmitter:edit.f.{DEMO}.actor.{ACTOR}-Enregistrer")).click().run()
    forged(at.checkbox(key=field(ACTOR, "retire.ok"))).check().run()
    forged(at.button(key=field(ACTOR, "retire"))).click().run()
    members = app("vera", "edit", {"edit.tab": "members"})
    alliance = members.selectbox(key=f"edit.m.{DEMO}").value
    forged(members.button(key=f"edit.m.{DEMO}.{alliance}.save")).click().run()
    assert not members.exception
    assert (store().dataset(DEMO), store().audit()) == before


# ---------------------------------------------------------------------- members and what-if


def _alliance() -> tuple[str, list[str]]:
    dataset = store().dataset(DEMO)
    alliance = dataset.alliances[0].id
    return alliance, [m.actor for m in dataset.memberships if m.alliance == alliance]


def test_members_are_changed_with_their_roles(shared):
    alliance, current = _alliance()
    at = app("paul", "edit", {"edit.tab": "members"})
    at.selectbox(key=f"edit.m.{DEMO}").set_value(alliance).run()
    prefix = f"edit.m.{DEMO}.{alliance}"
    at.multiselect(key=f"{prefix}.who").set_value([*current, ACTOR]).run()
    at.selectbox(key=f"{prefix}.role.{ACTOR}").set_value("financeur").run()
    at.button(key=f"{prefix}.save").click().run()
    assert not at.exception
    roles = {m.actor: m.role.value for m in store().memberships(alliance_ids=[alliance])}
    assert set(roles) == {*current, ACTOR} and roles[ACTOR] == "financeur"


def test_whatif_shows_each_principle_before_and_after_then_keeps_and_applies(shared):
    alliance, current = _alliance()
    at = app("paul", "edit", {"edit.tab": "whatif", "whatif.alliance": alliance})
    at.selectbox(key="whatif.alliance").set_value(alliance).run()
    suggested = at.multiselect(key=f"whatif.add.{alliance}").options
    assert suggested, "the alliance's complements are offered"
    at.multiselect(key=f"whatif.remove.{alliance}").set_value(current[:1]).run()
    at.text_input(key=f"whatif.q.{alliance}").input("consigne").run()
    at.multiselect(key=f"whatif.found.{alliance}").set_value([ACTOR]).run()
    assert not at.exception, [e.value for e in at.exception]
    lines = [m.value for m in at.markdown if m.value.startswith("**P")]
    assert len(lines) == 7 and all("→" in line for line in lines)
    assert before_after(at)
    assert store().memberships(alliance_ids=[alliance]) and current[0] in {
        m.actor for m in store().memberships(alliance_ids=[alliance])}, "trying writes nothing"
    at.text_input(key=f"whatif.name.{alliance}").input("Avec la Consigne").run()
    at.button(key=f"whatif.keep.{alliance}").click().run()
    (kept,) = Scenarios.of(store()).list(alliance)
    assert (kept.name, kept.added, kept.removed) == ("Avec la Consigne", (ACTOR,), (current[0],))
    assert kept.by == "paul"
    at.button(key=f"whatif.apply.{alliance}").click().run()
    assert not at.exception
    members = {m.actor for m in store().memberships(alliance_ids=[alliance])}
    assert members == (set(current) - {current[0]}) | {ACTOR}
    assert store().audit(limit=1)[0].action == "edit"


def before_after(at: AppTest) -> bool:
    said = texts(at)
    return "Aujourd'hui" in said and "Avec ce changement" in said


def test_a_viewer_may_try_but_not_keep_or_apply(shared):
    alliance, current = _alliance()
    at = app("vera", "edit", {"edit.tab": "whatif"})
    at.selectbox(key="whatif.alliance").set_value(alliance).run()
    at.multiselect(key=f"whatif.remove.{alliance}").set_value(current[:1]).run()
    assert before_after(at)
    assert at.button(key=f"whatif.apply.{alliance}").disabled
    before = store().memberships(alliance_ids=[alliance])
    forged(at.button(key=f"whatif.apply.{alliance}")).click().run()
    forged(at.text_input(key=f"whatif.name.{alliance}")).input("forgé")
    forged(at.button(key=f"whatif.keep.{alliance}")).click().run()
    assert not at.exception
    assert Scenarios.of(store()).list(alliance) == []
    assert store().memberships(alliance_ids=[alliance]) == before


# ---------------------------------------------------------------------- evolution


def test_the_evolution_page_reads_the_change_of_an_edit(shared):
    at = open_record(app("alice", "edit"), ACTOR)
    at.text_input(key=field(ACTOR, "sdgs")).input("1; 2; 12")
    submit(at, ACTOR)
    evo = app("alice", "evolution")
    evo.selectbox(key="evo.dataset").set_value(DEMO).run()
    said = texts(evo)
    assert "Entre la version 1 et la version actuelle : 1 acteur dont les ODD ont changé." in said
    assert "La Consigne romanaise" in said
