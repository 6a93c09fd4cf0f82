"""The CLI says each error once, in French by default and in English with ECOSYSTEM_LANG=en or --lang en.

Real parts: the embedded store in a temporary folder, the demo dataset, the Neo4j driver against a
closed port. Each case checks the other language's sentence is absent, not only that one is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecosystem import settings
from ecosystem.cli import main
from ecosystem.store.memory import MemoryStore
from tests.browser_support import free_port

DEMO = Path(__file__).resolve().parent.parent / "data" / "examples" / "demo-drome"
BROKEN = "nom;type;territoires;odd\nJardins partagés;association;69999;2\nBio;banane;26362;99\n"


@pytest.fixture
def state(small_state: Path) -> Path:
    """The small dataset in a temporary embedded store (conftest.small_state)."""
    return small_state


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    _, err = capsys.readouterr()
    return code, err


def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECOSYSTEM_LANG", "en")


def test_an_unknown_dataset_in_french_then_in_english(state, capsys, monkeypatch) -> None:
    code, err = run(capsys, "remove", "jeu-absent")
    assert code == 1
    assert err.startswith("erreur : Aucun jeu de données « jeu-absent ».") and "dataset" not in err
    english(monkeypatch)
    code, err = run(capsys, "remove", "jeu-absent")
    assert code == 1
    assert err.startswith('error: No dataset "jeu-absent".') and "Aucun" not in err


def test_lang_en_on_the_command_line_gives_an_english_not_found(state, capsys) -> None:
    code, err = run(capsys, "overlaps", "zzz-personne", "--lang", "en")
    assert code == 1
    assert err.startswith('error: No actor "zzz-personne".') and "«" not in err
    code, err = run(capsys, "overlaps", "zzz-personne")
    assert err.startswith("erreur : Aucun acteur « zzz-personne ».")


def test_an_invalid_dataset_lists_every_problem_in_the_chosen_language(state, capsys, monkeypatch) -> None:
    (state / "acteurs.csv").write_text(BROKEN, encoding="utf-8")
    code, err = run(capsys, "load", "acteurs.csv")
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith("erreur : 3 problèmes dans « acteurs.csv » ; rien n'a été chargé.")
    assert "  - acteurs.csv, ligne 2, colonne territoires : « 69999 » n'est pas une commune" in lines[1]
    assert len(lines) == 4 and "line" not in err
    english(monkeypatch)
    code, err = run(capsys, "validate", "acteurs.csv")
    lines = err.splitlines()
    assert code == 1 and lines[0].startswith('error: 3 problems in "acteurs.csv"; nothing was loaded.')
    assert '  - acteurs.csv, line 3, column type: "banane"' in lines[2] and "ligne" not in err
    assert [d.id for d in MemoryStore(settings.state_dir() / "embedded").datasets()] == ["petit-drome"]


def test_neo4j_at_a_closed_port_is_one_line_in_each_language(state, capsys, monkeypatch) -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    code, err = run(capsys, "stats")
    assert code == 1
    assert err == (f"erreur : Le serveur Neo4j {uri} est injoignable : démarrez le serveur local avec "
                   "« ecosystem neo4j start », ou vérifiez NEO4J_URI, NEO4J_USER et NEO4J_PASSWORD.\n")
    english(monkeypatch)
    code, err = run(capsys, "stats")
    assert code == 1 and err.startswith(f"error: Neo4j at {uri} cannot be reached: start the local server")
    assert len(err.splitlines()) == 1


def test_two_datasets_sharing_ids_are_refused_in_each_language(state, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(state / "empty"))
    assert run(capsys, "load", str(DEMO))[0] == 0
    code, err = run(capsys, "load", str(DEMO), "--id", "copie")
    assert code == 1
    assert err.startswith("erreur : Le jeu de données « copie » utilise des identifiants qui appartiennent "
                          "déjà à un autre jeu : les acteurs « ")
    assert err.rstrip().endswith("retirez d'abord le jeu « demo-drome ».") and "dataset" not in err
    english(monkeypatch)
    code, err = run(capsys, "load", str(DEMO), "--id", "copie")
    assert code == 1
    assert err.startswith('error: Dataset "copie" uses ids that belong to another dataset: actors "')
    assert err.rstrip().endswith('remove the dataset "demo-drome" first.') and "jeu" not in err
    held = {d.id for d in MemoryStore(settings.state_dir() / "embedded").datasets()}
    assert held == {"demo-drome"}
