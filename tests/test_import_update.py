"""Re-import is an update; people's SDG decisions survive it; one association is one actor.

Store-level tests run on both stores (the `store` fixture of conftest.py). The RNA files are built
from the real header and first row of tests/data/opendata/rna_sample.csv, moved to Drôme communes;
the SIRENE rows come from tests/test_import_sirene.py.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from ecosystem.importers import (
    Decision,
    SdgReview,
    confirm_sdg,
    import_collectivites,
    import_rna,
    import_sirene,
    import_uploaded,
    merge_actors,
    reject_sdg,
    review_sdg,
    review_sdgs,
    sources_from_bytes,
)
from ecosystem.importers.merge import rehome
from ecosystem.model import Actor, ActorKind, InferredSdg
from ecosystem.reference import reference
from tests.factories import small_dataset
from tests.test_import_sirene import establishments, units

DATA = Path(__file__).parent / "data" / "opendata"
H = reference().hierarchy
_TEMPLATE = list(csv.reader(io.StringIO((DATA / "rna_sample.csv").read_text(encoding="utf-8")),
                            delimiter=";"))
HEADER, BASE = _TEMPLATE[0], dict(zip(_TEMPLATE[0], _TEMPLATE[1], strict=True))


def rna_bytes(*rows: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([{**BASE, "siret": "", **row}[h] for h in HEADER])
    return out.getvalue().encode("utf-8")


def asso(rna: str, title: str, commune: str, code: str, position: str = "A", **more: str) -> dict[str, str]:
    return {"id": rna, "titre": title, "titre_court": "", "objet": "objet de l'association",
            "objet_social1": code, "objet_social2": "000000", "adrs_codeinsee": commune, "position": position,
            **more}


VERSION_1 = [
    asso("W261000001", "LES AMIS DU VIVANT", "26362", "020010"),  # aide alimentaire: SDGs 1, 2
    asso("W261000002", "CREST NATURE", "26108", "024050"),  # éducation à l'environnement: 4, 12, 13
    asso("W261000003", "ROMANS FOOT", "26281", "011075"),  # sport: 3
    asso("W261000004", "DIOIS PATRIMOINE", "26113", "010022"),  # patrimoine: 11
    asso("W261000005", "CLUB DISPARU", "26362", "011075"),
]
VERSION_2 = [
    asso("W261000001", "LES AMIS DU VIVANT DE VALENCE", "26362", "020010"),  # renamed
    asso("W261000002", "CREST NATURE", "26108", "024050"),
    asso("W261000003", "ROMANS FOOT", "26281", "011075"),
    asso("W261000004", "DIOIS PATRIMOINE", "26113", "010022", position="D"),  # dissolved
    asso("W261000006", "NOUVELLE ASSO", "26198", "015025"),  # new; W261000005 vanished
]


def rna(store, rows, territory="26", **kwargs):
    files = sources_from_bytes("rna_waldec_dpt_26.csv", rna_bytes(*rows))
    return import_rna(store, files, territory, **kwargs)


def actors_of(store, dataset_id: str) -> dict[str, Actor]:
    return {a.id: a for a in store.dataset(dataset_id).actors}


# ----------------------------------------------------------------------------- pure functions


def _actor(actor_id: str, *inferred: tuple[int, str], **more) -> Actor:
    return Actor(actor_id, actor_id.upper(), ActorKind.ASSOCIATION, ("commune:26362",),
                 inferred_sdgs=tuple(InferredSdg(n, src, 0.5) for n, src in inferred), **more)


def test_confirm_moves_an_inferred_sdg_to_declared_and_is_idempotent():
    a = _actor("a", (2, "rna:020010"), (1, "rna:020010"), rejected_sdgs=(2,))
    b = confirm_sdg(a, 2)
    assert (b.sdgs, [s.number for s in b.inferred_sdgs], b.rejected_sdgs) == ((2,), [1], ())
    assert confirm_sdg(b, 2) == b
    assert b.all_sdgs == (1, 2)


def test_reject_removes_the_link_and_remembers_it():
    a = _actor("a", (2, "rna:020010"), (1, "rna:020010"), sdgs=(5,))
    b = reject_sdg(reject_sdg(a, 2), 5)
    assert (b.sdgs, [s.number for s in b.inferred_sdgs], b.rejected_sdgs) == ((), [1], (2, 5))
    assert reject_sdg(b, 2) == b
    with pytest.raises(ValueError):
        reject_sdg(a, 18)


def test_merge_updates_adds_inactivates_keeps_and_drops():
    previous = [_actor("changed", (3, "rna:011075"), sdgs=(4,), rejected_sdgs=(10,)), _actor("same"),
                _actor("gone"), _actor("unreadable"), _actor("absorbed"), _actor("asleep", active=False)]
    fresh = [_actor("changed", (3, "rna:011075"), (4, "mot-cle:education"), (10, "mot-cle:inclusion"),
                    (12, "mot-cle:recycl"), description="new purpose"),
             _actor("same"), _actor("new")]
    merged, counts = merge_actors(previous, fresh, keep={"unreadable"}, drop={"absorbed"})
    by_id = {a.id: a for a in merged}
    assert sorted(by_id) == ["asleep", "changed", "gone", "new", "same", "unreadable"]
    changed = by_id["changed"]
    assert (changed.sdgs, changed.rejected_sdgs, changed.description) == ((4,), (10,), "new purpose")
    assert [s.number for s in changed.inferred_sdgs] == [3, 12]  # minus declared 4, minus rejected 10
    assert (by_id["gone"].active, by_id["unreadable"].active, by_id["asleep"].active) == (False, True, False)
    assert (counts.added, counts.updated, counts.unchanged) == (1, 1, 1)
    assert (counts.inactivated, counts.kept, counts.dropped) == (1, 1, 1)


def test_identifiers_from_the_other_register_survive_a_re_import():
    previous = [_actor("w1", siret="11111111100011", siren="111111111")]
    merged, counts = merge_actors(previous, [_actor("w1")])
    assert (merged[0].siret, merged[0].siren, counts.unchanged) == ("11111111100011", "111111111", 1)


def test_actors_on_a_merged_commune_follow_it_or_are_dropped():
    kept = _actor("old", )
    moved = replace(kept, id="moved", territories=("commune:01003",))  # merged into 01165
    lost = replace(kept, id="lost", territories=("commune:99999",))
    actors, dropped = rehome([kept, moved, lost], H)
    assert [(a.id, a.territories) for a in actors] == [("old", ("commune:26362",)),
                                                       ("moved", ("commune:01165",))]
    assert dropped == 1


# ----------------------------------------------------------------------------- re-import, on both stores


def test_re_import_updates_adds_and_marks_inactive_without_touching_people_s_work(store):
    store.load(small_dataset())
    user_checksum = store.dataset("petit-drome").checksum()
    first = rna(store, VERSION_1)
    assert (first.status, first.merge.added) == ("loaded", 5)
    review_sdgs(store, [SdgReview("W261000001", 2, Decision.CONFIRM),
                        SdgReview("W261000003", 3, Decision.REJECT)])
    second = rna(store, VERSION_2)
    actors = actors_of(store, "rna-26")
    assert actors["W261000001"].name == "LES AMIS DU VIVANT DE VALENCE"
    assert actors["W261000001"].sdgs == (2,)  # confirmed, kept
    assert [s.number for s in actors["W261000001"].inferred_sdgs] == [1]  # 2 is declared now
    assert actors["W261000003"].rejected_sdgs == (3,) and actors["W261000003"].inferred_sdgs == ()
    assert actors["W261000003"].all_sdgs == ()
    assert actors["W261000006"].active and actors["W261000006"].name == "NOUVELLE ASSO"
    assert (actors["W261000004"].active, actors["W261000005"].active) == (False, False)  # kept, inactive
    assert actors["W261000002"].active
    m = second.merge
    assert (m.added, m.updated, m.unchanged, m.inactivated) == (1, 1, 2, 2)
    assert second.rejected["dissoute"] == 1 and second.status == "replaced"
    assert store.dataset("petit-drome").checksum() == user_checksum  # the user dataset is untouched
    assert "W261000004" not in store.actors_in(["commune:26113"])  # inactive: out of presence queries


def test_the_same_file_twice_changes_nothing(store):
    rna(store, VERSION_1)
    again = rna(store, VERSION_1)
    assert (again.status, again.merge.unchanged, again.merge.added) == ("unchanged", 5, 0)


def test_a_row_unreadable_this_time_keeps_its_previous_version(store):
    rna(store, VERSION_1)
    broken = [dict(row) for row in VERSION_1]
    broken[1]["adrs_codeinsee"] = "_"  # CREST NATURE: the commune code is damaged this month
    again = rna(store, broken)
    assert again.rejected == {"commune-inconnue": 1} and again.merge.kept == 1
    crest = actors_of(store, "rna-26")["W261000002"]
    assert crest.active and crest.territories == ("commune:26108",)


def test_alsace_moselle_is_not_in_the_rna_and_the_summary_says_so(memory_store):
    summary = rna(memory_store, VERSION_1, territory="67")
    assert summary.warnings == ("alsace-moselle",) and summary.outside == 5
    assert any("droit local" in line for line in summary.lines("fr"))


def test_a_dissolved_association_that_comes_back_is_reactivated(store):
    rna(store, VERSION_1)
    rna(store, VERSION_2)
    back = rna(store, [*VERSION_2[:3], asso("W261000004", "DIOIS PATRIMOINE", "26113", "010022")])
    assert back.merge.reactivated == 1
    assert actors_of(store, "rna-26")["W261000004"].active


def test_review_sdg_saves_through_the_store_and_finds_the_dataset(store):
    rna(store, VERSION_1)
    saved = review_sdg(store, "W261000002", 13, "confirm")
    assert saved.sdgs == (13,)
    assert store.actors(["W261000002"])[0].sdgs == (13,)
    assert 13 not in {s.number for s in store.actors(["W261000002"])[0].inferred_sdgs}


def test_an_id_already_held_by_another_dataset_is_skipped_not_refused(store):
    rna(store, VERSION_1, territory="26")
    narrower = rna(store, VERSION_1, territory="26362")  # Valence only: its two associations are in rna-26
    assert narrower.rejected["deja-present"] == 2
    assert store.dataset("rna-26362").actors == ()


def test_an_association_typed_by_hand_is_not_imported_again(store):
    typed = replace(small_dataset("saisie"), actors=(
        *small_dataset().actors, Actor("mes-amis", "Les Amis", ActorKind.ASSOCIATION, ("commune:26362",),
                                       rna="W261000001")))
    store.load(typed)
    summary = rna(store, VERSION_1)
    assert summary.rejected["deja-saisi"] == 1
    assert "W261000001" not in actors_of(store, "rna-26")


# ----------------------------------------------------------------------------- one association, one actor


def sirene(store, territory="26"):
    return import_sirene(store, sources_from_bytes("etab.csv", establishments()), territory,
                         units=sources_from_bytes("ul.csv", units()))


def test_sirene_after_rna_records_the_siret_on_the_rna_actor(store):
    rna(store, VERSION_1)
    summary = sirene(store)
    assert summary.linked == 2 and summary.linked_datasets == ("rna-26",)
    sirene_ids = set(actors_of(store, "sirene-26"))
    assert not sirene_ids & {"11111111100011", "11111111100029"}  # no second actor for the association
    association = actors_of(store, "rna-26")["W261000001"]
    assert (association.siret, association.siren) == ("11111111100011", "111111111")  # siren + seat's NIC
    again = rna(store, VERSION_2)  # the RNA file has no SIRET: the link stays
    assert again.status == "replaced"
    assert actors_of(store, "rna-26")["W261000001"].siret == "11111111100011"
    assert sirene(store).linked == 2  # and SIRENE re-imports keep folding it


def test_rna_after_sirene_takes_over_the_association_and_its_people_s_decisions(store):
    sirene(store)
    review_sdg(store, "11111111100011", 1, "confirm")
    summary = rna(store, VERSION_1)
    assert summary.linked == 2 and summary.linked_datasets == ("sirene-26",)
    remaining = actors_of(store, "sirene-26")
    assert "11111111100011" not in remaining and "11111111100029" not in remaining
    association = actors_of(store, "rna-26")["W261000001"]
    assert association.sdgs == (1,)  # confirmed on the SIRENE actor, carried over
    assert association.siret == "11111111100011"
    assert store.search("LES AMIS DU VIVANT")[0].id == "W261000001"
    assert [h.id for h in store.search("LES AMIS DU VIVANT")] == ["W261000001"]


# ----------------------------------------------------------------------------- local authorities


def test_local_authorities_of_a_territory_become_actors(store):
    summary = import_collectivites(store, "200068781")  # CA Valence Romans Agglo
    actors = actors_of(store, "collectivites-200068781")
    communes = [a for a in actors.values() if a.id.startswith("collectivite-commune-")]
    assert len(communes) == H.commune_count("epci:200068781") == 54
    valence = actors["collectivite-commune-26362"]
    assert (valence.name, valence.kind, valence.territories) == ("Commune de Valence", ActorKind.COLLECTIVITE,
                                                                 ("commune:26362",))
    assert valence.siren == next(s for s, c in H.sirens.items() if c == "commune:26362")
    assert actors["collectivite-epci-200068781"].siren == "200068781"
    assert actors["collectivite-departement-26"].name == "Département Drôme (26)"
    assert actors["collectivite-region-84"].name == "Région Auvergne-Rhône-Alpes"
    assert summary.merge.added == len(actors) == 54 + 1 + 1 + 1  # communes, the agglo, the Drôme, the région
    assert all(not a.inferred_sdgs and not a.sdgs for a in actors.values())


def test_local_authorities_already_imported_elsewhere_are_not_duplicated(store):
    import_collectivites(store, "26362")
    summary = import_collectivites(store, "26")
    assert summary.rejected["deja-present"] == 4  # Valence, its agglo, the Drôme, the région
    assert "collectivite-commune-26362" not in actors_of(store, "collectivites-26")


# ----------------------------------------------------------------------------- the app's entry point


def test_uploaded_bytes_import_with_progress(memory_store):
    steps = []
    summary = import_uploaded(memory_store, "rna", {"rna_waldec_dpt_26.csv": rna_bytes(*VERSION_1)}, "Drôme",
                              progress=lambda step, done, total: steps.append(step))
    assert summary.dataset_id == "rna-26" and summary.merge.added == 5
    assert steps[0] == "lecture" and steps[-1] == "chargement"
    sirene_summary = import_uploaded(memory_store, "sirene", {"etab.csv": establishments()}, "26",
                                     unites_legales={"ul.csv": units()}, dry_run=True)
    assert sirene_summary.dry_run and sirene_summary.linked == 2
    assert [d.id for d in memory_store.datasets()] == ["rna-26"]
    with pytest.raises(ValueError, match="unknown register"):
        import_uploaded(memory_store, "bodacc", {}, "26")
