"""The app shows errors in the reader's language: an id conflict on the Données page, on both stores."""

from __future__ import annotations

from tests import test_app
from tests.test_app import run, shown, store, timed

store_kind = test_app.kind  # the app tests' fixture: the app on each store, holding the demo
demo = test_app.demo  # which store_kind asks for on Neo4j

CLASHING = ("id;nom;type;territoires;odd\n"
            "cc-crestois;Communauté de communes du Crestois bis;collectivité;26108;11\n").encode()


def _upload_clashing(lang: str):
    at = run("data", {"lang": lang} if lang != "fr" else None)
    at.file_uploader[0].upload("acteurs.csv", CLASHING, "text/csv")
    at.text_input(key="upload.0.name").input("Essai conflit")
    at.run()
    button = next(b for b in at.button if b.label in ("Importer", "Import"))
    button.click()
    timed(at, f"data (conflict, {lang})")
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_id_conflict_is_explained_in_french_with_the_fix(store_kind):
    before = {d.id for d in store().datasets()}
    at = _upload_clashing("fr")
    (message,) = [e.value for e in at.error]
    assert message.startswith("Le jeu de données « essai-conflit » utilise des identifiants qui "
                              "appartiennent déjà à un autre jeu : l'acteur « cc-crestois » (jeu "
                              "« demo-drome »).")
    assert "retirez d'abord le jeu « demo-drome »" in message
    assert "dataset" not in message.lower() and "Nothing" not in shown(at)
    assert {d.id for d in store().datasets()} == before


def test_the_same_conflict_in_english(store_kind):
    at = _upload_clashing("en")
    (message,) = [e.value for e in at.error]
    assert message.startswith('Dataset "essai-conflit" uses ids that belong to another dataset: actor '
                              '"cc-crestois" (dataset "demo-drome").')
    assert "«" not in message and "jeu" not in message
