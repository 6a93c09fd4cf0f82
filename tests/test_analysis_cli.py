"""`ecosystem overlaps | complements | coverage | diagnose` on the embedded store, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecosystem.cli import build_parser, main

COMMANDS = ("overlaps", "complements", "coverage", "diagnose")


@pytest.fixture
def state(small_state: Path) -> Path:
    """The small dataset in a temporary embedded store (conftest.small_state)."""
    return small_state


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_an_example_in_its_help(command: str) -> None:
    sub = next(a for a in build_parser()._subparsers._group_actions if a.dest == "command")
    help_text = sub.choices[command].format_help()
    assert f"ecosystem {command} " in help_text.split("Example", 1)[1]


def test_overlaps_by_name_prints_a_table(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "overlaps", "Jardins de Valence", "--top", "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Jardins de Valence (association) : empreinte de 1 commune × 3 ODD (2, 12, 15)"
    assert lines[2].split()[:3] == ["Acteur", "Type", "Jaccard"]
    assert lines[4].startswith("Potagers Valentinois") and lines[4].split()[3] == "0,67"
    assert lines[5].startswith("Valence Romans Agglo")
    assert len(lines) == 6


def test_overlaps_in_a_territory_lists_duplicates(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "overlaps", "--in", "Valence", "--min-jaccard", "0.5")
    assert code == 0
    assert "Recouvrements dans Valence (commune 26362), niveau commune" in out
    assert "Jardins de Valence et Potagers Valentinois sont 2 associations" in out


def test_overlaps_json(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "overlaps", "jardins-valence", "--level", "EPCI", "--json")
    data = json.loads(out)
    assert code == 0 and data["level"] == "epci"
    assert [i["actor"] for i in data["items"]][:2] == ["potagers-valentinois", "romans-repair"]


def test_unknown_actor_names_the_closest(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "complements", "Jardin de Valance")
    assert code == 1
    assert err.startswith("erreur : Aucun acteur ni alliance « Jardin de Valance ». Les plus proches : "
                          "Jardins de Valence (jardins-valence)")


def test_lang_en_also_sets_the_language_of_errors(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "complements", "Jardin de Valance", "--lang", "en")
    assert code == 1
    assert err.startswith("error: ") and "Jardins de Valence (jardins-valence)" in err
    assert "aucun" not in err


def test_an_ambiguous_name_lists_the_candidates(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "overlaps", "valence")
    assert code == 1
    assert err.startswith("erreur : « valence » désigne plusieurs acteurs : ")
    assert "Jardins de Valence (jardins-valence)" in err and "Tapez plutôt l'identifiant" in err


def test_overlaps_needs_an_actor_or_a_territory(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["overlaps"])
    assert exit_.value.code == 2
    assert "give an ACTOR, or --in TERRITORY" in capsys.readouterr().err


def test_complements_of_an_alliance_in_english(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "complements", "Alliance alimentaire valentinoise", "--lang", "en")
    assert code == 0
    assert out.startswith("Complements of Alliance alimentaire valentinoise (alliance)")
    assert "Labo Rhône-Alpes" in out and "missing from the alliance" in out


def test_coverage_resolves_a_name_and_lists_the_gaps(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "coverage", "Valence Romans Agglo")
    assert code == 1  # "Valence Romans Agglo" is an actor's name, not a territory's; the EPCI is "CA ..."
    code, out, _ = run(capsys, "coverage", "200068781")
    assert code == 0
    assert out.startswith("Couverture des ODD : CA Valence Romans Agglo (EPCI 200068781), par commune")
    assert "56 manques (territoire × ODD) :" in out
    assert "PCAET Valence Romans vise l'ODD 7" in out
    total = next(line for line in out.splitlines() if line.startswith("Total CA Valence Romans Agglo"))
    assert total.split()[-17:][1] == "4"  # SDG 2: four actors in the agglo


def test_coverage_refuses_a_coarser_level(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["coverage", "26362", "--level", "département"])
    assert exit_.value.code == 2
    assert "coarser than commune:26362" in capsys.readouterr().err


def test_diagnose_prints_principles_and_levers(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diagnose", "alim-valence")
    assert code == 0
    assert "Alliance alimentaire valentinoise : sur 7 principes, 5 atteints, 1 en partie" in out
    assert "P5 · Sortir des silos — en partie (0,50)" in out
    assert "  → Ouvrez l'alliance à la dimension environnementale" in out
    assert "Dialoguer           en partie      1/3" in out
    data = json.loads(run(capsys, "diagnose", "alim-valence", "--json")[1])
    assert [p["status"] for p in data["principles"]][:3] == ["met", "met", "not_assessable"]
    assert data["principles"][0]["history"] == [["2025-01-10", 2], ["2025-06-01", 3]]
    p5 = data["principles"][4]
    assert p5["suggestion"].startswith("Ouvrez l'alliance")  # the sentence, and the data it says
    assert [f["code"] for f in p5["advice"]] == ["p5.open-with-members"]
    assert [r["id"] for r in p5["advice"][0]["refs"]] == ["jardins-valence", "agglo-vra"]
    assert data["summary_finding"]["counts"] == [["met", 5], ["partly", 1], ["not_assessable", 1]]


def test_diagnose_advice_under_the_table_leaves_out_the_self_assessment_clause(
        state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A means never assessed: "self-assess it" is said once for all, the rest of the advice stays."""
    out = run(capsys, "diagnose", "alim-valence")[1]
    expected = ("  → Données : BioDrôme Distribution peut apporter ce moyen à Jardins de Valence : "
                "organisez ce partage.")
    assert expected in out.splitlines()
    assert not any(line.startswith("  → Outils") for line in out.splitlines())  # nothing but "self-assess"


def test_a_reader_that_leaves_early_gets_no_traceback(state: Path) -> None:
    """`ecosystem overlaps --in Valence | head -1`: the pipe closes before the table is written."""
    import os
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "ecosystem", "overlaps", "--in", "Valence"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ))
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_the_language_is_parsed_once_whatever_its_case(state: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECOSYSTEM_LANG", "EN")
    code, out, err = run(capsys, "coverage", "26")
    assert code == 0, err
    assert out.startswith("SDG coverage")
    monkeypatch.setenv("ECOSYSTEM_LANG", " fr ")
    code, out, _ = run(capsys, "coverage", "26", "--lang", "EN")
    assert code == 0 and out.startswith("SDG coverage")


def test_an_unknown_language_is_one_line_and_a_usage_error(state: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECOSYSTEM_LANG", "de")
    for argv in (("coverage", "26"), ("stats",)):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert err.strip().splitlines() == [
            "ecosystem: error: unknown language 'de' in ECOSYSTEM_LANG: accepted values are fr, en"]
