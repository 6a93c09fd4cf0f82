"""A stray double quote that swallows whole rows is an error naming both lines, never a lost actor."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ecosystem.datasets.reader import check_uploaded

DEMO = Path(__file__).resolve().parent.parent / "data" / "examples" / "demo-drome" / "acteurs.csv"


def demo_rows_without_website() -> list[list[str]]:
    """The demo's 93 actors, without the "site web" column (so nothing else flags the broken row)."""
    with DEMO.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][-1] == "site web" and len(rows) == 94
    return [row[:-1] for row in rows]


def as_csv(rows: list[list[str]]) -> list[str]:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    return out.getvalue().splitlines()


def with_stray_quote(lines: list[str], number: int) -> bytes:
    """The file with a `"` opening the last cell (the description) of line `number`."""
    broken = list(lines)
    line = broken[number - 1]
    cut = line.rfind(";") + 1
    broken[number - 1] = line[:cut] + '"' + line[cut:]
    return ("\n".join(broken) + "\n").encode("utf-8")


def test_the_demo_without_website_is_valid_with_its_93_actors() -> None:
    data = ("\n".join(as_csv(demo_rows_without_website())) + "\n").encode("utf-8")
    report = check_uploaded({"acteurs.csv": data}, "acteurs")
    assert report.ok and report.dataset is not None and len(report.dataset.actors) == 93


def test_a_quote_opening_a_description_on_line_14_is_an_error_naming_lines_14_and_15() -> None:
    data = with_stray_quote(as_csv(demo_rows_without_website()), 14)
    report = check_uploaded({"acteurs.csv": data}, "acteurs")
    assert report.dataset is None  # nothing to load, rather than 92 actors
    (found,) = [p for p in report.problems if "15" in str(p)]
    assert (found.where, found.row, found.column) == ("acteurs.csv", 14, "description")
    assert "line 15 of the file" in str(found) and "ville-nyons;Ville de Nyons" in str(found)
    french = found.text("fr")
    assert french.startswith("acteurs.csv, ligne 14, colonne description : commence par un guillemet")
    assert "la ligne 15 du fichier" in french and "retirez ce guillemet" in french


def test_a_quote_never_closed_names_how_many_lines_it_swallowed() -> None:
    lines = ["id;nom;type;territoires;description", "a;A;association;26108;Texte",
             'b;B;association;26108;"Texte ouvert', "c;C;association;26108;Texte",
             "d;D;association;26108;Texte"]
    report = check_uploaded({"acteurs.csv": ("\n".join(lines) + "\n").encode()}, "acteurs")
    (found,) = report.problems
    assert found.row == 3 and "line 4 of the file" in str(found) and "and 1 more line)" in str(found)
    assert "ainsi que 1 autre ligne ;" in found.text("fr")


@pytest.mark.parametrize("description", [
    '"Deux lignes ;\nde texte ; sans plus"',
    '"Une liste :\n- un ; deux\n- trois ; quatre"',
])
def test_a_real_line_break_in_a_cell_is_no_error(description: str) -> None:
    text = (f"id;nom;type;territoires;description\na;A;association;26108;{description}\n"
            "b;B;association;26108;x\n")
    report = check_uploaded({"acteurs.csv": text.encode()}, "acteurs")
    assert report.ok and report.dataset is not None and len(report.dataset.actors) == 2
    assert "\n" in report.dataset.actors[0].description


def test_lines_are_counted_in_the_file_after_earlier_multi_line_cells() -> None:
    lines = ["id;nom;type;territoires;description", 'a;A;association;26108;"sur\ndeux lignes"',
             'b;B;association;26108;"ouvert', "c;C;association;26108;Texte"]
    report = check_uploaded({"acteurs.csv": ("\n".join(lines) + "\n").encode()}, "acteurs")
    (found,) = report.problems
    assert found.row == 4 and "line 5 of the file" in str(found)
