"""Correcting and deleting a self-assessment entry: who may (its author, an administrator), checked
in `Writes` on both stores (the `store` fixture of conftest.py), audited; and the CLI's listing.
"""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest

from ecosystem.access.errors import Forbidden
from ecosystem.access.roles import Action, Principal, Role, Target, allowed
from ecosystem.access.writes import Writes
from ecosystem.cli import main
from ecosystem.errors import NotFound
from ecosystem.history.archive import Archive
from ecosystem.model import Assessment
from ecosystem.store.base import Store
from tests.factories import other_dataset, small_dataset

SEPT = date(2025, 9, 1)


def _people() -> tuple[Principal, Principal, Principal, Principal]:
    """Fresh names each run: Neo4j's audit log outlives a test, so entries are told apart by name."""
    tag = uuid.uuid4().hex[:6]
    return (Principal(f"alice-{tag}", Role.ADMIN),
            Principal(f"paul-{tag}", Role.CONTRIBUTOR, frozenset({"petit-drome"})),
            Principal(f"lea-{tag}", Role.CONTRIBUTOR, frozenset({"alim-valence"})),
            Principal(f"vera-{tag}", Role.VIEWER))


PAUL = Principal("paul", Role.CONTRIBUTOR, frozenset({"petit-drome"}))


def _entry(author: str) -> Target:
    return Target("petit-drome", "alim-valence", author)


@pytest.mark.parametrize(("who", "target", "expected"), [
    (Principal("alice", Role.ADMIN), _entry(""), True),
    (Principal("alice", Role.ADMIN), _entry("paul"), True),
    (PAUL, _entry("paul"), True),
    (PAUL, _entry("lea"), False),
    (PAUL, _entry(""), False),  # an entry of the file is the administrator's to change
    (Principal("paul", Role.CONTRIBUTOR, frozenset({"autre-jeu"})), _entry("paul"),
     False),  # one's own entry, but the grant was taken back
    (Principal("vera", Role.VIEWER), _entry("vera"), False),
    (Principal("", Role.CONTRIBUTOR, frozenset({"petit-drome"})), _entry(""), False),
])
def test_who_may_correct_or_delete_an_entry(who, target, expected):
    assert allowed(who, Action.AMEND, target) is expected


def test_a_recorded_entry_is_in_the_name_of_who_recorded_it_whatever_the_page_sent(store: Store, tmp_path):
    store.load(small_dataset())
    _, paul, _, _ = _people()
    forged = Assessment("alim-valence", "principe-4", SEPT, 2, "", author="quelqu'un d'autre")
    Writes(store, paul, Archive(tmp_path / "h")).record_assessments([forged])
    assert store.assessment("alim-valence", "principe-4", SEPT).author == paul.name


def test_the_author_corrects_and_deletes_their_entry_and_no_other(store: Store, tmp_path):
    store.load(small_dataset())
    _, paul, lea, vera = _people()
    archive = Archive(tmp_path / "h")
    Writes(store, paul, archive).record_assessments([Assessment("alim-valence", "principe-4", SEPT, 2, "v")])
    Writes(store, lea, archive).record_assessments([Assessment("alim-valence", "principe-5", SEPT, 1)])
    before = store.assessments("alim-valence")

    for who, lever, on in ((lea, "principe-4", SEPT), (paul, "principe-5", SEPT),
                           (paul, "principe-1", date(2025, 1, 10)), (vera, "principe-4", SEPT)):
        with pytest.raises(Forbidden):
            Writes(store, who, archive).delete_assessment("alim-valence", lever, on)
        with pytest.raises(Forbidden):
            Writes(store, who, archive).correct_assessment("alim-valence", lever, on, 0, "non")
    with pytest.raises(Forbidden):  # recording over another's entry (same lever, same day) is changing it
        Writes(store, paul, archive).record_assessments([Assessment("alim-valence", "principe-5", SEPT, 3)])
    assert store.assessments("alim-valence") == before

    fixed = Writes(store, paul, archive).correct_assessment("alim-valence", "principe-4", SEPT, 3, "relu")
    assert (fixed.score, fixed.comment, fixed.author) == (3, "relu", paul.name)
    gone = Writes(store, paul, archive).delete_assessment("alim-valence", "principe-4", SEPT)
    assert gone == fixed
    with pytest.raises(NotFound):
        Writes(store, paul, archive).delete_assessment("alim-valence", "principe-4", SEPT)
    assert [s.lever for s in store.assessments("alim-valence") if s.on == SEPT] == ["principe-5"]


def test_an_administrator_corrects_and_deletes_any_entry_and_each_change_is_audited(store: Store, tmp_path):
    store.load(small_dataset())
    store.load(other_dataset())
    alice, paul, _, _ = _people()
    archive = Archive(tmp_path / "h")
    Writes(store, paul, archive).record_assessments([Assessment("alim-valence", "principe-4", SEPT, 2)])
    admin = Writes(store, alice, archive)
    admin.correct_assessment("alim-valence", "principe-4", SEPT, 1, "ajusté avec l'équipe")
    assert store.assessment("alim-valence", "principe-4", SEPT).author == paul.name  # still paul's entry
    admin.delete_assessment("alim-valence", "principe-1", date(2025, 1, 10))  # an entry of the file
    admin.delete_assessment("alim-valence", "principe-4", SEPT)
    mine = [e for e in store.audit() if e.who == alice.name][::-1]
    assert [e.action for e in mine] == ["assess-correct", "assess-delete", "assess-delete"]
    corrected, file_entry, deleted = mine
    assert corrected.dataset == "petit-drome"
    assert corrected.records == ("alim-valence", "principe-4@2025-09-01", paul.name, "2→1")
    assert corrected.count("assessments") == 1
    assert file_entry.records == ("alim-valence", "principe-1@2025-01-10", "2")
    assert deleted.records == ("alim-valence", "principe-4@2025-09-01", paul.name, "1")
    assert [e.action for e in store.audit() if e.who == paul.name] == ["assess"]


def test_the_assessments_command_lists_and_deletes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    from ecosystem.store import open_store

    store = open_store()
    store.load(small_dataset())
    store.record_assessments([Assessment("alim-valence", "principe-4", SEPT, 2, "Partage", "paul")])
    store.close()
    assert main(["assessments", "alim-valence", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[-1] == {"id": "principe-4@2025-09-01", "lever": "principe-4", "on": "2025-09-01",
                          "score": 2, "author": "paul", "comment": "Partage"}
    assert [e["id"] for e in listed] == ["principe-1@2025-01-10", "modalite-dialoguer@2025-06-01",
                                         "principe-1@2025-06-01", "principe-4@2025-09-01"]
    assert main(["assessments", "alim-valence"]) == 0
    table = capsys.readouterr().out
    assert "principe-4@2025-09-01" in table and "paul" in table and "(fichier)" in table
    assert main(["assessments", "delete", "alim-valence", "principe-4@2025-09-01"]) == 0
    deleted = capsys.readouterr().out
    assert "Entrée « principe-4@2025-09-01 » de l'alliance « alim-valence » supprimée" in deleted
    assert main(["assessments", "delete", "alim-valence", "principe-4@2025-09-01"]) == 1
    assert "Aucune entrée d'autoévaluation « principe-4@2025-09-01 »" in capsys.readouterr().err
    assert main(["assessments", "delete", "alim-valence", "principe-4"]) == 1
    assert "levier@date" in capsys.readouterr().err
    assert [e.action for e in open_store().audit()][:1] == ["assess-delete"]


def test_the_author_is_written_only_when_there_is_one_and_read_back():
    from dataclasses import replace as with_

    from ecosystem.model import dataset_from_dict, dataset_to_dict

    plain = small_dataset()
    assert all("author" not in a for a in dataset_to_dict(plain)["assessments"])  # checksums unchanged
    signed = with_(plain, assessments=(*plain.assessments, Assessment("alim-valence", "principe-4", SEPT, 2,
                                                                      "", "paul")))
    assert dataset_to_dict(signed)["assessments"][-1]["author"] == "paul"
    assert dataset_from_dict(dataset_to_dict(signed)) == signed
    assert signed.checksum() != plain.checksum()
