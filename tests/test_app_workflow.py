"""Registers and SDG review in the app (Streamlit's AppTest), each write with each role.

Real parts: the embedded store on a temporary state folder with the demo, real local accounts (the
`shared` fixture of test_app_roles), an RNA file built with the register's real header. What each role
is offered is checked on the page, and what the server refuses is checked by calling the same
functions the page calls (`ecosystem.access.registers`) as that role: the store is unchanged.
"""

from __future__ import annotations

import pytest

from ecosystem.access.errors import Forbidden
from ecosystem.access.registers import RegisterRequest, import_register, review_checked
from ecosystem.access.roles import Principal, Role
from ecosystem.access.writes import Writes
from ecosystem.importers.review import Decision, SdgReview
from tests.rna_files import waldec_csv, waldec_zip
from tests.test_app_roles import PASSWORD, app, shared, store, texts  # noqa: F401 (shared: a fixture)

RIVER = "W261000001"  # inferred: SDG 6 (the word « rivière ») and SDG 15 (code 024026)
DIE = "W261000003"  # inferred: SDG 15


@pytest.fixture
def rita(shared):  # noqa: F811 (the fixture imported above)
    """A contributor granted the Drôme's RNA dataset only."""
    shared.add("rita", Role.CONTRIBUTOR, PASSWORD, grants=("rna-26",))
    return shared


def _import_rna(at, data: bytes, name: str = "rna_waldec_20250101_dpt_26.zip"):
    at.text_input(key="registers.territory").input("26").run()
    at.file_uploader(key="registers.rna.0").upload(name, data, "application/zip")  # a fresh session
    at.run()
    at.button(key="registers.run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _review(at, text: str, decision: str):
    at.text_input(key="review.text").input(text).run()
    at.checkbox(key="review.all").check().run()
    at.button(key=f"review.{decision}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_administrator_imports_the_rna_from_the_data_page_with_the_cli_summary(rita):
    at = _import_rna(app("alice", "data"), waldec_zip())
    said = texts(at)
    assert "Import RNA (associations) → jeu « rna-26 » (Drôme (département 26))" in said
    assert "Importés : 3 actifs (nouveaux 3, mis à jour 0, inchangés 0)" in said
    assert "association dissoute (position D) : 1" in said
    rejects = next(b for b in at.get("download_button") if b.proto.label.startswith("Télécharger les lignes"))
    assert rejects.proto.label == "Télécharger les lignes écartées (1)"
    assert {a.id for a in store().dataset("rna-26").actors} == {RIVER, "W261000002", DIE}
    audit = [(e.who, e.action, e.dataset) for e in store().audit()]
    assert ("alice", "load", "rna-26") in audit


def test_local_authorities_are_imported_without_a_file(rita):
    at = app("alice", "data")
    at.radio(key="registers.register").set_value("collectivites").run()
    at.text_input(key="registers.territory").input("26").run()
    at.button(key="registers.run").click().run()
    assert not at.exception
    assert "collectivites-26" in {d.id for d in store().datasets()}


def test_only_administrators_are_offered_the_registers_and_the_server_refuses_the_others(rita, tmp_path):
    def offered(at) -> bool:
        return any(str(u.key).startswith("registers.") for u in at.file_uploader) or any(
            b.key == "registers.run" for b in at.button
        )

    assert offered(app("alice", "data"))
    for name in ("rita", "vera"):
        at = app(name, "data")
        assert "réservés aux administrateurs" in texts(at)
        assert not offered(at)
    request = RegisterRequest("rna", "26", {"rna.csv": waldec_csv()}, {})
    for role, grants in ((Role.CONTRIBUTOR, frozenset({"rna-26"})), (Role.VIEWER, frozenset())):
        with pytest.raises(Forbidden) as refused:
            import_register(Writes(store(), Principal("x", role, grants)), request, tmp_path)
        assert "importer depuis les registres" in refused.value.text("fr")
    assert "rna-26" not in {d.id for d in store().datasets()}


def test_review_confirm_and_reject_then_a_reimport_keeps_every_decision(rita):
    _import_rna(app("alice", "data"), waldec_zip())
    at = app("alice", "sdg_review")
    assert "3 ODD déduits à revoir, pour 2 acteurs." in texts(at)
    table = at.dataframe[0].value
    assert {"Acteur", "ODD", "Confiance", "Source", "Déclenché par"} <= set(table.columns)
    assert "code objet social du RNA 024026" in set(table["Déclenché par"])
    assert "mot « riviere » de l'objet" in set(table["Déclenché par"])
    at.multiselect(key="review.sdgs").set_value([6]).run()
    _review(at, "riviere", "reject")
    assert "1 ODD rejeté : il ne sera plus déduit." in texts(at)
    at.multiselect(key="review.sdgs").set_value([15]).run()
    _review(at, "", "confirm")  # in bulk: both SDG 15 left
    assert "2 ODD confirmés." in texts(at)
    river = store().actors([RIVER])[0]
    assert (river.sdgs, river.rejected_sdgs, river.inferred_sdgs) == ((15,), (6,), ())
    assert "Aucun ODD déduit n'attend de revue." in texts(app("alice", "sdg_review"))

    _import_rna(app("alice", "data"), waldec_zip(renamed=" (NOUVEAU NOM)"))  # June's file
    river, die = store().actors([RIVER, DIE])
    assert river.name.endswith("(NOUVEAU NOM)"), "the re-import did update the actors"
    assert (river.sdgs, river.rejected_sdgs, river.inferred_sdgs) == ((15,), (6,), ())
    assert (die.sdgs, die.inferred_sdgs) == ((15,), ())
    actions = [e.action for e in store().audit() if e.dataset == "rna-26"]
    assert actions.count("review-sdgs") == 2


def test_contributors_review_their_granted_datasets_viewers_only_read(rita):
    _import_rna(app("alice", "data"), waldec_zip())
    contributor = _review(app("rita", "sdg_review"), "die", "confirm")
    assert "1 ODD confirmé." in texts(contributor)
    assert store().actors([DIE])[0].sdgs == (15,)
    for name in ("paul", "vera"):  # paul contributes to other datasets only
        at = app(name, "sdg_review")
        assert "permet de lire cette liste, pas de la modifier" in texts(at)
        assert at.dataframe, "the list is readable"
        assert all(b.key not in ("review.confirm", "review.reject") for b in at.button)
    before = store().dataset("rna-26")
    for who in (
        Principal("paul", Role.CONTRIBUTOR, frozenset({"demo-drome"})),
        Principal("vera", Role.VIEWER),
    ):
        with pytest.raises(Forbidden):
            review_checked(Writes(store(), who), [SdgReview(RIVER, 15, Decision.CONFIRM)], {RIVER: "rna-26"})
    assert store().dataset("rna-26") == before
