"""Big files: `validate` and `load` say what they are doing from the start, and the readers' shortcuts
(lines without StringIO's copy, cells parsed once per distinct text) read exactly what they read before.

Speed and memory are measured by benchmarks/validate_big.py (docs/benchmarks.md, "Big files"), not
here: a test has no wall-clock limit. What is tested is what a person sees and what is read.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecosystem.cli import main
from ecosystem.datasets import check, export_datasets
from ecosystem.datasets.progress import CHECK, EVERY, READ
from ecosystem.datasets.sources import _lines
from ecosystem.generate import GeneratorSpec, generate

ACTORS = 12_000  # 2.3 MB of CSV: more than the 1 MB from which the command shows progress


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dataset = generate(GeneratorSpec(actors=ACTORS, seed=3, scope="departement:26"))
    (folder,) = export_datasets([dataset], "csv", tmp_path_factory.mktemp("big"), lang="fr")
    return Path(folder)


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "ECOSYSTEM_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ECOSYSTEM_STATE_DIR", str(tmp_path))
    return tmp_path


def test_validate_of_a_big_file_says_rows_read_then_rows_checked(
        big_folder: Path, state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    actors = big_folder / "acteurs.csv"
    assert actors.stat().st_size > 1_000_000
    code = main(["validate", str(actors)])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("Valide : ")
    rows = f"{len(check(actors).dataset_or_raise().actors):,}".replace(",", "\u202f")  # « 11 988 »
    lines = err.splitlines()
    # The first line of each step always shows (then one every few seconds in a log, not a terminal).
    assert lines[0] == "Lecture de acteurs.csv…"  # before a single byte is decoded
    assert f"Vérification de {rows} lignes…" in lines  # before the reference data is loaded
    assert lines[-1] == f"Vérification : {rows} / {rows} lignes"


def test_load_of_a_big_folder_shows_the_same_progress_before_loading(
        big_folder: Path, state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["load", str(big_folder)])
    out, err = capsys.readouterr()
    assert code == 0 and "chargé" in out
    assert err.splitlines()[0] == f"Lecture de {big_folder.name}…"
    assert any(line.startswith("Vérification : ") for line in err.splitlines())


def test_a_small_file_prints_no_progress(tmp_path: Path, state: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    path = tmp_path / "acteurs.csv"
    path.write_text("nom;type;territoires\nUn;association;26108\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_progress_counts_every_row_of_a_folder(big_folder: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    report = check(big_folder, progress=lambda step, done, total: calls.append((step, done, total)))
    assert report.ok and report.dataset is not None
    d = report.dataset
    rows = 1 + len(d.actors) + len(d.policies) + len(d.alliances) + len(d.memberships) + len(d.assessments)
    assert calls[0] == (READ, 0, 0)  # the "jeu" sheet is the 1 row above
    assert (READ, EVERY, 0) in calls
    checks = [c for c in calls if c[0] == CHECK]
    assert checks[0] == (CHECK, 0, rows) and checks[-1] == (CHECK, rows, rows)
    assert [done for _, done, _ in checks] == sorted(done for _, done, _ in checks)


def test_a_workbook_reports_its_rows_read() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Acteurs"
    ws.append(["nom", "type", "territoires"])
    for n in range(EVERY + 10):
        ws.append([f"Acteur {n}", "association", "26108"])
    buffer = io.BytesIO()
    book.save(buffer)
    from ecosystem.datasets import check_uploaded

    calls: list[tuple[str, int, int]] = []
    report = check_uploaded({"a.xlsx": buffer.getvalue()}, "a",
                            progress=lambda step, done, total: calls.append((step, done, total)))
    assert report.ok and len(report.dataset_or_raise().actors) == EVERY + 10
    assert (READ, EVERY, 0) in calls and calls[-1] == (CHECK, EVERY + 10, EVERY + 10)


@given(st.text(alphabet="ab;\"\r\n\u2028\x0b\x0c\x1c", max_size=60))
def test_lines_are_those_stringio_gives(text: str) -> None:
    assert list(_lines(text)) == list(io.StringIO(text, newline=""))


def test_repeated_cells_parse_as_the_first_time(tmp_path: Path) -> None:
    """The per-text memo of multi-valued cells: the same text gives the same value on every row, and
    a text with a problem is reported on every row that holds it."""
    path = tmp_path / "acteurs.csv"
    rows = "".join(f"A{n};association;26108; 26330;2; 13\n" for n in range(3))
    rows += "".join(f"B{n};association;26108; 69999;2\n" for n in range(3))
    path.write_text("nom;type;territoires;odd\n" + rows.replace("26108; 26330", '"26108; 26330"')
                    .replace(";2; 13", ';"2; 13"'), encoding="utf-8")
    report = check(path)
    assert [p.row for p in report.problems] == [5, 6, 7]
    path.write_text("nom;type;territoires;odd\n" + "".join(
        f'A{n};association;"26108; 26330";"2; 13"\n' for n in range(3)), encoding="utf-8")
    actors = check(path).dataset_or_raise().actors
    assert {(a.territories, a.sdgs) for a in actors} == {(("commune:26108", "commune:26330"), (2, 13))}
