"""Editing one record, what-if and evolution, on both stores: every edit a checked, archived,
audited new version; a form's problems those of a file; a what-if equal to the diagnosis the alliance
gets once the change is applied; the evolution of two versions as data, in French and English; the
`ecosystem diff` command."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from ecosystem.access.errors import Forbidden
from ecosystem.access.roles import Principal, Role
from ecosystem.access.writes import Writes
from ecosystem.analysis.diagnosis import diagnose
from ecosystem.analysis.evolution import compare, findings
from ecosystem.analysis.evolution_text import sentences
from ecosystem.analysis.whatif import whatif
from ecosystem.cli import main
from ecosystem.datasets.rows import dataset_to_rows, rows_to_book
from ecosystem.datasets.validate import validate
from ecosystem.editing.edits import Edits
from ecosystem.editing.records import RecordKind, with_members, with_record, without_record
from ecosystem.editing.scenarios import Scenario, ScenarioNameMissing, Scenarios
from ecosystem.errors import DatasetInvalid
from ecosystem.history.archive import Archive
from ecosystem.model import Level, MemberRole
from ecosystem.store.base import Store
from tests.factories import small_dataset

ADMIN = Principal("alice", Role.ADMIN)
PAUL = Principal("paul", Role.CONTRIBUTOR, frozenset({"petit-drome"}))
RITA = Principal("rita", Role.CONTRIBUTOR, frozenset({"autre"}))
VERA = Principal("vera", Role.VIEWER)
DATASET = "petit-drome"


def edits(store: Store, tmp_path, who: Principal = ADMIN) -> Edits:
    return Edits(Writes(store, who, Archive(tmp_path / "history")))


# ---------------------------------------------------------------------- records (pure)


def test_a_changed_cell_gives_the_dataset_with_only_that_record_changed():
    old = small_dataset()
    new = with_record(old, RecordKind.ACTOR, {"sdgs": "2; 12; 13"}, replaces="potagers-valentinois")
    changed = {a.id: a for a in new.actors}["potagers-valentinois"]
    assert changed.sdgs == (2, 12, 13)
    assert [a for a in new.actors if a.id != changed.id] == [a for a in old.actors if a.id != changed.id]
    assert (new.policies, new.alliances, new.memberships) == (old.policies, old.alliances, old.memberships)


def test_a_form_gets_exactly_the_problems_a_file_gets():
    old = small_dataset()
    with pytest.raises(DatasetInvalid) as caught:
        with_record(old, RecordKind.ACTOR, {"territories": "Valance", "sdgs": "19"}, replaces="biodrome")
    rows = dataset_to_rows(old)
    for row in rows["actors"]:
        if row["id"] == "biodrome":
            row.update(territories="Valance", sdgs="19")
    as_file = validate(rows_to_book(rows, label=DATASET), old.name, dataset_id=DATASET, name=old.name)
    assert caught.value.problems == list(as_file.problems) and len(as_file.problems) == 2
    french = [p.expected_fr for p in caught.value.problems]
    assert french[0] == "n'est pas une commune, un EPCI, un département ou une région connus"


def test_a_new_record_takes_its_id_from_its_name_and_a_renamed_id_follows_its_references():
    old = small_dataset()
    new = with_record(old, RecordKind.ACTOR, {"name": "Atelier vélo", "kind": "association",
                                              "territories": "26108", "sdgs": "11"})
    assert "atelier-velo" in {a.id for a in new.actors}
    renamed = with_record(old, RecordKind.ACTOR, {"id": "agglo"}, replaces="agglo-vra")
    assert {m.actor for m in renamed.memberships} >= {"agglo"} and "agglo-vra" not in {
        m.actor for m in renamed.memberships}
    assert all("agglo-vra" not in p.carriers for p in renamed.policies)


def test_retiring_an_actor_takes_its_memberships_and_a_dangling_reference_is_reported():
    old = small_dataset()
    new = without_record(old, RecordKind.ACTOR, "biodrome")
    assert "biodrome" not in {a.id for a in new.actors} | {m.actor for m in new.memberships}
    with pytest.raises(DatasetInvalid) as caught:  # it carries policies: a file would be refused too
        without_record(old, RecordKind.ACTOR, "agglo-vra")
    assert all(p.column == "Porteurs" for p in caught.value.problems)
    tried = [("jardins-valence", MemberRole.PILOTE), ("romans-repair", "partenaire")]
    members = with_members(old, "alim-valence", tried)
    assert {m.actor for m in members.memberships if m.alliance == "alim-valence"} == {
        "jardins-valence", "romans-repair"}


# ---------------------------------------------------------------------- edits through Writes (both stores)


def test_an_edit_is_a_new_version_kept_in_the_history_and_audited(store: Store, tmp_path):
    e = edits(store, tmp_path, PAUL)
    Writes(store, ADMIN, e.writes.archive).load(small_dataset())
    done = e.save(DATASET, RecordKind.ACTOR, {"sdgs": "2; 12; 13"}, replaces="potagers-valentinois")
    assert done.report.status == "replaced"
    assert store.actors(["potagers-valentinois"])[0].sdgs == (2, 12, 13)
    [kept] = e.writes.history(DATASET)
    assert (kept.reason, kept.archived_by) == ("replaced", "paul")
    before = e.writes.archive.get(DATASET, 1, lambda: store.dataset(DATASET))  # kept as the edit undone
    kept_actors = {a.id: a.sdgs for a in before.actors}
    assert kept_actors["potagers-valentinois"] == (2, 12), "the version replaced is the one before the edit"
    # The newest of paul's entries: other tests' entries may share the Neo4j test server's audit log.
    entry = next(x for x in store.audit() if x.who == "paul")
    assert (entry.who, entry.action, entry.dataset) == ("paul", "edit", DATASET)
    e.writes.restore(DATASET, 1)  # undo
    assert store.actors(["potagers-valentinois"])[0].sdgs == (2, 12)


@pytest.mark.parametrize("who", [VERA, RITA])
def test_an_edit_not_granted_is_refused_before_anything_is_read_or_written(store: Store, tmp_path, who):
    Writes(store, ADMIN, Archive(tmp_path / "history")).load(small_dataset())
    before = (store.dataset(DATASET), store.audit())
    e = edits(store, tmp_path, who)
    for attempt in (lambda: e.save(DATASET, RecordKind.ACTOR, {"sdgs": "1"}, replaces="biodrome"),
                    lambda: e.retire(DATASET, RecordKind.ACTOR, "biodrome"),
                    lambda: e.set_members(DATASET, "alim-valence", [])):
        with pytest.raises(Forbidden) as caught:
            attempt()
        assert "ne peut pas modifier ce jeu de données (petit-drome)" in caught.value.text("fr")
    assert (store.dataset(DATASET), store.audit()) == before
    assert e.writes.history(DATASET) == []


# ---------------------------------------------------------------------- what-if (both stores)


def test_whatif_changes_nothing_and_equals_the_diagnosis_once_applied(store: Store, tmp_path):
    writes = Writes(store, ADMIN, Archive(tmp_path / "history"))
    writes.load(small_dataset())
    before = store.dataset(DATASET)
    tried = whatif(store, "alim-valence", add=["crest-solidaire", "ville-valence", "unknown"],
                   remove=["biodrome"])
    assert store.dataset(DATASET) == before, "a what-if writes nothing"
    assert tried.added == ("crest-solidaire", "ville-valence") and tried.removed == ("biodrome",)
    assert tried.before == diagnose(store, "alim-valence")
    assert [c.number for c in tried.changes] == list(range(1, 8))
    assert any(c.moved for c in tried.changes), "three partners changed: some principle moves"
    Edits(writes).set_members(DATASET, "alim-valence", [(m.actor, m.role) for m in tried.members])
    assert diagnose(store, "alim-valence") == tried.after


def test_whatif_in_english_and_with_nothing_changed(store: Store, tmp_path):
    store.load(small_dataset())
    same = whatif(store, "climat-drome", lang="en")
    assert same.before == same.after and not any(c.moved for c in same.changes)
    assert same.gained == same.lost == 0
    assert same.after.summary.startswith("Climat")


# ---------------------------------------------------------------------- scenarios


def test_scenarios_survive_a_restart_and_are_checked_like_edits(memory_store: Store, tmp_path):
    s = Scenario("Avec Crest", "alim-valence", DATASET, ("crest-solidaire",), ("biodrome",), "paul",
                 "2026-12-04")
    Scenarios.of(memory_store, tmp_path).keep(PAUL, s)
    assert Scenarios.of(memory_store, tmp_path).list("alim-valence") == [s]  # a new instance reads the file
    with pytest.raises(Forbidden):
        Scenarios.of(memory_store, tmp_path).keep(VERA, replace(s, name="Autre"))
    with pytest.raises(ScenarioNameMissing) as caught:
        Scenarios.of(memory_store, tmp_path).keep(PAUL, replace(s, name=" "))
    assert caught.value.text("fr") == "Donnez un nom au scénario pour le garder."
    with pytest.raises(Forbidden):
        Scenarios.of(memory_store, tmp_path).delete(RITA, "alim-valence", DATASET, "Avec Crest")
    Scenarios.of(memory_store, tmp_path).delete(PAUL, "alim-valence", DATASET, "Avec Crest")
    assert Scenarios.of(memory_store, tmp_path).list() == []


# ---------------------------------------------------------------------- evolution


def _june():
    """January's dataset, then June's: one actor gone, one dissolved, one new, one moved, one whose
    SDGs changed."""
    january = small_dataset()
    actors = {a.id: a for a in january.actors}
    actors.pop("romans-repair")
    actors["crest-solidaire"] = replace(actors["crest-solidaire"], active=False)
    actors["potagers-valentinois"] = replace(actors["potagers-valentinois"], sdgs=(2, 12, 13))
    actors["jardins-valence"] = replace(actors["jardins-valence"], territories=("commune:26108",))
    new = replace(actors["ville-valence"], id="tiers-lieu-romans", name="Tiers-lieu de Romans",
                  territories=("commune:26281",), sdgs=(4, 12))
    june = replace(january, actors=tuple(sorted([*actors.values(), new], key=lambda a: a.id)))
    return january, june


def test_evolution_says_who_appeared_left_and_changed_per_territory():
    january, june = _june()
    e = compare(january, june, "1", "live", Level.COMMUNE)
    assert [r.id for r in e.appeared] == ["tiers-lieu-romans"]
    assert [r.id for r in e.left] == ["romans-repair"] and [r.id for r in e.dissolved] == ["crest-solidaire"]
    assert [c.id for c in e.sdgs_changed] == ["potagers-valentinois"]
    assert [c.id for c in e.territories_changed] == ["jardins-valence"]
    by = {t.territory: t for t in e.territories}
    romans, crest = by["commune:26281"], by["commune:26108"]
    assert romans.appeared == ("tiers-lieu-romans",) and romans.left == ("romans-repair",)
    assert 4 in romans.gaps_closed and 12 not in romans.gaps_opened  # the new actor works on 12 too
    assert crest.left == ("crest-solidaire",) and {1, 10} <= set(crest.gaps_opened)
    assert crest.territories_changed == ("jardins-valence",)
    assert crest.gaps_closed == (15,), "SDG 2 was there already: BioDrôme works on it in all the Drôme"
    assert compare(january, january).unchanged


def test_evolution_reads_right_in_french_and_english():
    january, june = _june()
    found = findings(compare(january, june, "1", "live", Level.COMMUNE))
    fr, en = sentences(found, "fr"), sentences(found, "en")
    assert fr[0] == ("Entre la version 1 et la version actuelle : 1 acteur apparu, 2 acteurs partis, "
                     "1 acteur dont les ODD ont changé et 1 acteur dont les territoires ont changé.")
    assert en[0] == ("From version 1 to the live version: 1 actor appeared, 2 actors left, 1 actor whose "
                     "SDGs changed and 1 actor whose territories changed.")
    assert ("Romans-sur-Isère : 1 acteur apparu (Tiers-lieu de Romans) ; 1 acteur parti (Romans Repair "
            "Café) ; l'ODD 4 désormais couvert.") in fr
    crest = next(line for line in fr if line.startswith("Crest :"))
    assert crest.endswith("plus aucun acteur sur les ODD 1 et 10 ; l'ODD 15 désormais couvert.")
    assert sentences(findings(compare(january, january, "2", "3")), "fr") == [
        "Entre la version 2 et la version 3 : aucun acteur apparu, parti ni modifié.", "Rien n'a changé."]


def test_ecosystem_diff_compares_kept_versions_and_files(small_state, capsys, tmp_path):
    from ecosystem import settings
    from ecosystem.datasets.export import json_bytes
    from ecosystem.store.memory import MemoryStore

    store = MemoryStore(settings.state_dir() / "embedded")
    january, june = _june()
    Writes(store, ADMIN).load(june)
    assert main(["diff", DATASET]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Entre la version 1 et la version actuelle : 1 acteur apparu, 2 acteurs partis")
    assert main(["diff", DATASET, "--from", "1", "--to", "live", "--json", "--level", "commune"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["appeared"]] == ["tiers-lieu-romans"] and data["level"] == "commune"
    path = tmp_path / "janvier.json"
    path.write_bytes(json_bytes(january))
    assert main(["diff", DATASET, "--from", str(path), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert said.startswith('From the file "janvier.json" to the live version: 1 actor appeared')
    assert main(["diff", DATASET, "--from", "7"]) == 1
    assert "Aucune version conservée « 7 (petit-drome) »" in capsys.readouterr().err
