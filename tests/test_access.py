"""Roles, local accounts, passwords, the login throttle, OIDC identities, and the check every write passes.

Real parts throughout: argon2 hashes, the accounts file on disk, the `ecosystem users` command run
in-process, and both stores for the writes (the `store` fixture of conftest.py).
"""

from __future__ import annotations

import io
import json
import stat
import uuid
from datetime import date

import pytest

from ecosystem.access.accounts import Accounts
from ecosystem.access.errors import AccountError, Forbidden, TooManyAttempts
from ecosystem.access.oidc import oidc_principal
from ecosystem.access.passwords import hash_password, verify_password
from ecosystem.access.roles import ANONYMOUS, Action, Principal, Role, Target, allowed, parse_role
from ecosystem.access.throttle import LoginThrottle
from ecosystem.access.writes import Writes, cli_principal
from ecosystem.cli import main
from ecosystem.history.archive import Archive
from ecosystem.model import Assessment
from ecosystem.store.base import Store
from tests.factories import other_dataset, small_dataset

SECRET = "correct horse battery"


# ---------------------------------------------------------------------- passwords and accounts


def test_a_password_is_stored_only_as_a_salted_argon2_hash():
    first, second = hash_password(SECRET), hash_password(SECRET)
    assert first.startswith("$argon2id$") and first != second  # salted
    assert verify_password(first, SECRET)
    assert not verify_password(first, SECRET + "!")
    assert not verify_password("not a hash", SECRET)


def test_accounts_are_added_listed_changed_and_removed(tmp_path):
    accounts = Accounts(tmp_path)
    assert not accounts
    accounts.add("Marie", Role.ADMIN, SECRET)
    accounts.add("paul", Role.CONTRIBUTOR, SECRET, grants=("demo-drome", "alim-valence"))
    accounts.add("bob@example.org", Role.VIEWER, None)
    assert [a.name for a in accounts.list()] == ["bob@example.org", "Marie", "paul"]
    assert accounts.get("marie").role is Role.ADMIN  # names compare without case
    assert accounts.get("paul").grants == ("demo-drome", "alim-valence")
    text = accounts.path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert stat.S_IMODE(accounts.path.stat().st_mode) == 0o600
    accounts.set_password("paul", "another long one")
    assert accounts.authenticate("paul", "another long one") is not None
    assert accounts.authenticate("paul", SECRET) is None
    accounts.remove("PAUL")
    assert accounts.get("paul") is None


@pytest.mark.parametrize(("name", "role", "password", "grants", "says"), [
    ("marie", Role.ADMIN, SECRET, (), "existe déjà"),
    ("jean", Role.ADMIN, "court", (), "au moins 8 caractères"),
    ("jean dupont", Role.ADMIN, SECRET, (), "sans espace"),
    ("jean", Role.VIEWER, SECRET, ("demo-drome",), "Seul un contributeur"),
])
def test_an_account_that_cannot_be_added_says_why(tmp_path, name, role, password, grants, says):
    accounts = Accounts(tmp_path)
    accounts.add("Marie", Role.ADMIN, SECRET)
    with pytest.raises(AccountError) as caught:
        accounts.add(name, role, password, grants)
    assert says in caught.value.text("fr")
    assert [a.name for a in accounts.list()] == ["Marie"]


def test_authentication_refuses_unknown_names_wrong_passwords_and_oidc_only_accounts(tmp_path):
    accounts = Accounts(tmp_path)
    accounts.add("marie", Role.ADMIN, SECRET)
    accounts.add("bob@example.org", Role.VIEWER, None)
    assert accounts.authenticate("Marie", SECRET).name == "marie"
    assert accounts.authenticate("marie", "wrong password") is None
    assert accounts.authenticate("nobody", SECRET) is None
    assert accounts.authenticate("bob@example.org", "") is None


def test_failed_logins_are_throttled_per_name_and_address():
    now = [1000.0]
    gate = LoginThrottle(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        gate.check("name:marie", "ip:1")
        gate.failed("name:marie", "ip:1")
    with pytest.raises(TooManyAttempts) as caught:
        gate.check("name:marie", "ip:2")
    assert "réessayez dans 1 minute" in caught.value.text("fr")
    with pytest.raises(TooManyAttempts):
        gate.check("name:paul", "ip:1")  # the same address, another name
    gate.check("name:paul", "ip:2")
    now[0] += 61
    gate.check("name:marie", "ip:1")


# ---------------------------------------------------------------------- roles


ADMIN = Principal("alice", Role.ADMIN)
CONTRIBUTOR = Principal("paul", Role.CONTRIBUTOR, frozenset({"petit-drome", "mobilite-crest"}))
VIEWER = Principal("vera", Role.VIEWER)


@pytest.mark.parametrize(("who", "action", "target", "expected"), [
    (ADMIN, Action.REMOVE, Target(dataset="x"), True),
    (ADMIN, Action.USERS, Target(), True),
    (CONTRIBUTOR, Action.LOAD, Target(dataset="petit-drome"), True),
    (CONTRIBUTOR, Action.LOAD, Target(dataset="autre-jeu"), False),
    (CONTRIBUTOR, Action.RESTORE, Target(dataset="petit-drome"), True),
    (CONTRIBUTOR, Action.REMOVE, Target(dataset="petit-drome"), False),
    (CONTRIBUTOR, Action.IMPORT, Target(), False),
    (CONTRIBUTOR, Action.AUDIT, Target(), False),
    (CONTRIBUTOR, Action.ASSESS, Target(dataset="petit-drome", alliance="alim-valence"), True),
    (CONTRIBUTOR, Action.ASSESS, Target(dataset="autre-jeu", alliance="mobilite-crest"), True),
    (CONTRIBUTOR, Action.ASSESS, Target(dataset="autre-jeu", alliance="autre-alliance"), False),
    (VIEWER, Action.ASSESS, Target(dataset="petit-drome", alliance="alim-valence"), False),
    (VIEWER, Action.LOAD, Target(dataset="petit-drome"), False),
    (ANONYMOUS, Action.LOAD, Target(dataset="petit-drome"), False),
])
def test_what_each_role_may_do(who, action, target, expected):
    assert allowed(who, action, target) is expected


def test_roles_are_read_in_either_language():
    assert parse_role("Administrateur") is Role.ADMIN
    assert parse_role("lecteur") is Role.VIEWER
    with pytest.raises(ValueError):
        parse_role("chef")


def test_an_identity_from_the_provider_gets_the_role_of_its_account(tmp_path):
    accounts = Accounts(tmp_path)
    accounts.add("marie@example.org", Role.CONTRIBUTOR, None, grants=("petit-drome",))
    known = oidc_principal({"email": "Marie@example.org", "email_verified": True, "sub": "1"}, accounts)
    assert (known.name, known.role, known.grants, known.via) == (
        "marie@example.org", Role.CONTRIBUTOR, frozenset({"petit-drome"}), "oidc")
    stranger = oidc_principal({"email": "eve@example.org", "sub": "2"}, accounts)
    assert stranger.role is Role.VIEWER and stranger.name == "eve@example.org"
    unverified = oidc_principal({"email": "marie@example.org", "email_verified": False}, accounts)
    assert unverified.role is Role.VIEWER
    assert oidc_principal({}, accounts) == ANONYMOUS


# ---------------------------------------------------------------------- every write checked, both stores


def _snapshot(store: Store) -> tuple:
    return tuple(store.datasets()), tuple(store.assessments("alim-valence"))


ASSESSMENT = Assessment("alim-valence", "principe-4", date(2025, 9, 1), 2, "Complémentarité travaillée")


def test_a_viewer_can_write_nothing(store: Store, tmp_path):
    store.load(small_dataset())
    before = _snapshot(store)
    writes = Writes(store, VIEWER, Archive(tmp_path / "history"))
    with pytest.raises(Forbidden):
        writes.load(other_dataset())
    with pytest.raises(Forbidden):
        writes.remove("petit-drome")
    with pytest.raises(Forbidden) as caught:
        writes.record_assessments([ASSESSMENT])
    assert caught.value.text("fr").startswith("Action refusée : vera (lecteur) ne peut pas autoévaluer")
    assert _snapshot(store) == before


def test_a_contributor_writes_only_what_is_granted(store: Store, tmp_path):
    store.load(small_dataset())
    store.load(other_dataset())
    writes = Writes(store, CONTRIBUTOR, Archive(tmp_path / "history"))
    with pytest.raises(Forbidden):
        writes.remove("petit-drome")
    with pytest.raises(Forbidden):
        writes.load(small_dataset("nouveau-jeu"))
    writes.record_assessments([ASSESSMENT])  # alim-valence belongs to the granted petit-drome
    assert store.assessments("alim-valence")[-1].lever == "principe-4"
    outside = Principal("zoe", Role.CONTRIBUTOR, frozenset({"autre-jeu"}))
    before = _snapshot(store)
    with pytest.raises(Forbidden):  # one refused alliance: nothing of the batch is written
        Writes(store, outside, Archive(tmp_path / "history")).record_assessments([
            Assessment("mobilite-crest", "principe-1", date(2025, 9, 2), 1),
            Assessment("alim-valence", "principe-1", date(2025, 9, 2), 1)])
    assert _snapshot(store) == before


def test_an_administrator_writes_everything(store: Store, tmp_path):
    writes = Writes(store, ADMIN, Archive(tmp_path / "history"))
    writes.load(small_dataset())
    writes.record_assessments([ASSESSMENT])
    writes.remove("petit-drome")
    assert store.datasets() == []


def test_the_cli_writes_as_an_administrator_named_after_the_system_account():
    who = cli_principal()
    assert who.role is Role.ADMIN and who.via == "cli" and who.name


# ---------------------------------------------------------------------- ecosystem users


def test_users_command_adds_lists_changes_and_removes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    assert main(["users", "add", "paul", "--role", "contributor", "--grant", "petit-drome",
                 "--password-stdin"]) == 0
    assert main(["users", "add", "bob@example.org", "--role", "viewer", "--oidc"]) == 0
    capsys.readouterr()
    assert main(["users", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {"name": "bob@example.org", "role": "viewer", "grants": [], "password": False,
         "created": listed[0]["created"]},
        {"name": "paul", "role": "contributor", "grants": ["petit-drome"], "password": True,
         "created": listed[1]["created"]}]
    monkeypatch.setattr("sys.stdin", io.StringIO("a new long password\n"))
    assert main(["users", "passwd", "paul", "--password-stdin"]) == 0
    assert Accounts(tmp_path).authenticate("paul", "a new long password") is not None
    assert main(["users", "remove", "paul"]) == 0
    assert main(["users", "remove", "paul"]) == 1
    assert "Aucun compte nommé « paul »" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["users", "add", "x", "--role", "chef"])
    assert usage.value.code == 2


# ---------------------------------------------------------------------- the audit log


def test_each_write_is_audited_with_who_what_and_counts(store: Store, tmp_path):
    who = Principal(f"audit-writes-{uuid.uuid4().hex[:8]}", Role.ADMIN)  # Neo4j's log outlives runs
    writes = Writes(store, who, Archive(tmp_path / "history"))
    writes.load(small_dataset())
    writes.load(small_dataset())  # unchanged: nothing to audit
    writes.record_assessments([ASSESSMENT])
    writes.remove("petit-drome")
    mine = [e for e in store.audit() if e.who == who.name][::-1]
    assert [e.action for e in mine] == ["load", "assess", "remove"]
    loaded, assessed, removed = mine
    assert loaded.dataset == "petit-drome" and loaded.version and loaded.count("actors") == len(
        small_dataset().actors)
    assert assessed.records == ("alim-valence", "principe-4") and assessed.dataset == "petit-drome"
    assert removed.version == "" and removed.count("actors") == len(small_dataset().actors)
    with pytest.raises(Forbidden):
        Writes(store, VIEWER, Archive(tmp_path / "history")).remove("petit-drome")
    refused = [e for e in store.audit() if e.who == "vera" and e.at >= mine[0].at]
    assert refused == [], "a refused write is not a change"


def test_the_audit_command_prints_the_log(tmp_path, monkeypatch, capsys):
    from ecosystem.store.memory import MemoryStore

    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    Writes(MemoryStore(tmp_path / "embedded"), Principal("marie", Role.ADMIN)).load(small_dataset())
    assert main(["audit", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert (entry["who"], entry["action"], entry["dataset"]) == ("marie", "load", "petit-drome")
    assert main(["audit"]) == 0
    assert "marie" in capsys.readouterr().out


def test_a_register_import_goes_through_the_checked_and_audited_writes(tmp_path, monkeypatch):
    from ecosystem.store.memory import MemoryStore

    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    assert main(["import", "collectivites", "--territory", "26"]) == 0
    [entry] = MemoryStore(tmp_path / "embedded").audit()
    assert (entry.who, entry.action) == (cli_principal().name, "load")
    assert entry.count("actors") > 0
