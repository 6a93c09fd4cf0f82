"""`ecosystem import ...`: exit codes, summary, rejects file, dry run, JSON; on the embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecosystem.cli import main
from ecosystem.store.memory import MemoryStore
from tests.test_import_sirene import establishments, units

DATA = Path(__file__).parent / "data" / "opendata"


@pytest.fixture
def state(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("ECOSYSTEM_LANG", "fr")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.chdir(tmp_path)  # no .streamlit/secrets.toml around
    return tmp_path / "state" / "embedded"


def test_rna_import_prints_the_summary_and_writes_the_rejects(state, tmp_path, capsys):
    rejects = tmp_path / "rejets.csv"
    code = main(["import", "rna", str(DATA / "rna_dirty_waldec.csv"), "--territory", "FR",
                 "--rejects", str(rejects)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Import RNA (associations) → jeu « rna-fr » (France" in out
    assert "Importés : 6 actifs (nouveaux 6, mis à jour 0, inchangés 0)" in out
    assert "  - code commune inconnu : 2" in out
    assert "9 lignes écartées écrites dans" in err
    raw = rejects.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel-friendly
    assert raw.decode("utf-8-sig").splitlines()[0] == (
        "fichier;ligne;motif;explication;identifiant;nom;code_commune;detail")
    assert len(MemoryStore(state).dataset("rna-fr").actors) == 6


def test_a_file_that_is_not_from_the_register_exits_1_with_the_fix(state, capsys):
    code = main(["import", "rna", str(DATA / "sirene_etab_sample.csv"), "--territory", "75"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "n'est pas un fichier du RNA" in err and "is not an RNA file" not in err
    assert MemoryStore(state).datasets() == []


@pytest.mark.parametrize("argv", [
    ["import", "rna", "f.csv"],  # no territory
    ["import", "bodacc", "f.csv", "--territory", "26"],  # no such register
    ["import", "collectivites", "f.csv", "--territory", "26"],  # collectivites takes no file
])
def test_wrong_usage_exits_2(state, argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2


def test_an_unknown_territory_or_file_exits_1(state, capsys):
    assert main(["import", "rna", str(DATA / "rna_sample.csv"), "--territory", "Atlantide"]) == 1
    assert main(["import", "rna", "nulle-part.csv", "--territory", "26"]) == 1
    assert "Fichier introuvable" in capsys.readouterr().err


def test_dry_run_saves_nothing(state, capsys):
    assert main(["import", "rna", str(DATA / "rna_sample.csv"), "--territory", "976", "--dry-run"]) == 0
    assert "Simulation (--dry-run)" in capsys.readouterr().out
    assert MemoryStore(state).datasets() == []


def test_json_summary_and_english(state, capsys):
    assert main(["import", "rna", str(DATA / "rna_sample.csv"), "-t", "976", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["dataset_id"] == "rna-976" and summary["merge"]["added"] == 2
    assert summary["rejected"] == {"dissoute": 2}
    assert main(["import", "rna", str(DATA / "rna_sample.csv"), "-t", "976", "--lang", "en"]) == 0
    assert "Nothing changed since the last import." in capsys.readouterr().out


def test_sirene_and_collectivites_commands(state, tmp_path, capsys):
    (tmp_path / "etab.csv").write_bytes(establishments())
    (tmp_path / "ul.csv").write_bytes(units())
    assert main(["import", "sirene", str(tmp_path / "etab.csv"), "--territory", "26",
                 "--unites-legales", str(tmp_path / "ul.csv")]) == 0
    assert "Importés : 6 actifs" in capsys.readouterr().out
    assert main(["import", "collectivites", "--territory", "Valence (26)"]) == 0
    assert "jeu « collectivites-26362 »" in capsys.readouterr().out
    assert sorted(d.id for d in MemoryStore(state).datasets()) == ["collectivites-26362", "sirene-26"]


def test_help_shows_examples(capsys):
    with pytest.raises(SystemExit):
        main(["import", "rna", "--help"])
    assert "ecosystem import rna rna_waldec_20250101.zip" in capsys.readouterr().out
