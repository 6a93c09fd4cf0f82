"""What `ecosystem load` says about a re-import: the changes, counted and agreed, in French and English."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ecosystem.cli import main
from ecosystem.datasets.export import json_bytes
from ecosystem.model import Actor, ActorKind
from ecosystem.store.base import LoadReport
from ecosystem.ui.views.changes import changes_text
from tests.factories import VALENCE, small_dataset, with_actor_renamed

STORE_ENV = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_LANG")


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The small dataset as a JSON file, and a new version with one actor renamed and one added;
    the embedded store in tmp_path, French."""
    monkeypatch.chdir(tmp_path)
    for name in STORE_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path / "state"))
    old = tmp_path / "v1.json"
    old.write_bytes(json_bytes(small_dataset()))
    ds = with_actor_renamed(small_dataset(), "biodrome", "BioDrôme Coopérative")
    ds = replace(ds, actors=(*ds.actors, Actor("nouvelle-asso", "Nouvelle asso", ActorKind.ASSOCIATION,
                                               (VALENCE,), (2,))))
    new = tmp_path / "v2.json"
    new.write_bytes(json_bytes(ds))
    return old, new


def test_a_reimport_says_what_changed(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = files
    assert main(["load", str(old)]) == 0
    assert "Changements" not in capsys.readouterr().out  # a new dataset: nothing to compare with
    assert main(["load", str(new)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "Changements : 1 acteur modifié et 1 ajouté."


def test_the_changes_in_english(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECOSYSTEM_LANG", "en")
    old, new = files
    main(["load", str(old)])
    capsys.readouterr()
    assert main(["load", str(new)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Changes: 1 actor changed and 1 added."


@pytest.mark.parametrize("changes, fr, en", [
    ((("actors", 200, 1_194, 1_600),), "1 600 acteurs modifiés, 200 ajoutés et 1 194 retirés",
     "1,600 actors changed, 200 added and 1,194 removed"),
    ((("policies", 0, 2, 1), ("memberships", 1, 0, 0)),
     "1 politique modifiée et 2 retirées ; 1 adhésion ajoutée",
     "1 policy changed and 2 removed; 1 membership added"),
    ((("assessments", 0, 0, 3),), "3 autoévaluations modifiées", "3 self-assessments changed"),
    ((("actors", 0, 0, 0),), "aucun enregistrement n'a changé, seulement la description du jeu",
     "no record changed, only the dataset's description"),
])
def test_words_agree_with_kind_and_count(changes: tuple, fr: str, en: str) -> None:
    report = LoadReport("j", "replaced", 1, 0, 0.0, changes)
    assert changes_text(report, "fr") == f"Changements : {fr}.".replace("1 600", "1\u202f600").replace(
        "1 194", "1\u202f194")
    assert changes_text(report, "en") == f"Changes: {en}."
    assert changes_text(LoadReport("j", "loaded", 1, 0, 0.0), "fr") == ""
