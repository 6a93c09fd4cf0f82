"""Files made on demand in the app (issue 16, item 5): a failure is a sentence in the page, in French
or English, never Streamlit's « Failed to generate file for download ».

Driven with AppTest on the real app and store. The failures are forced where the file is made
(`views.export_data`, what the Données page's buttons call): the error a store raises when it stops
answering, and a bug (any other exception)."""

from __future__ import annotations

import neo4j.exceptions as neo
import pytest

from ecosystem.store.neo4j.runner import unavailable
from tests.test_app import clean, demo, kind, run, shown  # noqa: F401 - fixtures

URI = "bolt://127.0.0.1:7999"


def _saved(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


@pytest.mark.usefixtures("kind")
def test_an_export_is_prepared_then_saved_with_its_size() -> None:
    at = run("data")
    clean(at)
    assert not any(label.startswith("Enregistrer") for label in _saved(at))
    at.button(key="export.json.make").click().run()
    clean(at)
    saved = [label for label in _saved(at) if label.startswith("Enregistrer")]
    assert len(saved) == 1 and saved[0].startswith("Enregistrer ecosysteme-json.zip (")
    assert saved[0].endswith(" ko)")  # the demo as JSON: some kilobytes, said in French


def _broken(error: BaseException):
    def export_data(store, fmt, lang) -> bytes:
        raise error

    return export_data


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.usefixtures("kind")
def test_a_store_that_stops_answering_is_said_in_the_page(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    from ecosystem.ui.views import data as views

    lost = unavailable(URI, "neo4j", "neo4j", neo.ServiceUnavailable("connection refused"))
    monkeypatch.setattr(views, "export_data", _broken(lost))
    at = run("data", {"lang": lang})
    at.button(key="export.graphml.make").click().run()
    assert not at.exception, [e.value for e in at.exception]
    (error,) = at.error
    if lang == "fr":
        assert error.value.startswith("Le fichier « ecosysteme.graphml » n'a pas pu être préparé : ")
        assert lost.text("fr") in error.value
    else:
        assert error.value.startswith('The file "ecosysteme.graphml" could not be prepared: ')
        assert lost.text("en") in error.value
    assert "Failed to generate" not in shown(at)
    assert not [label for label in _saved(at) if label.startswith(("Enregistrer", "Save"))]
    # the button stays, to try again once the store answers
    assert at.button(key="export.graphml.make").label == "GraphML"


@pytest.mark.usefixtures("kind")
def test_a_bug_while_making_the_file_is_a_sentence_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from ecosystem.ui.views import data as views

    monkeypatch.setattr(views, "export_data", _broken(RuntimeError("boom")))
    at = run("data")
    at.button(key="export.csv.make").click().run()
    assert not at.exception, [e.value for e in at.exception]
    (error,) = at.error
    assert error.value == ("Le fichier « ecosysteme-csv.zip » n'a pas pu être préparé : une erreur "
                           "inattendue s'est produite (le détail est dans le journal du serveur). "
                           "Réessayez ; si l'erreur revient, signalez-la avec l'heure.")
    assert "boom" not in error.value
