"""Readers: bytes of CSV / xlsx / JSON -> raw sheets (encodings, delimiters, Excel typing, formulas)."""

from __future__ import annotations

import codecs
import io
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecosystem.datasets.cells import CSV_TRIGGERS, JSON_TRIGGERS, neutralise, unquote
from ecosystem.datasets.columns import COLUMN_INDEX, SHEETS, sheet_for
from ecosystem.datasets.reader import check, check_uploaded
from ecosystem.datasets.sources import decode, files_from_path, read_files, sniff_delimiter, sniff_format
from ecosystem.errors import UnreadableFile
from ecosystem.text import header_key

DATA = Path(__file__).parent / "data"
HEADER = "nom;type;territoires;description\r\n"


def actors_rows(files: dict[str, bytes]) -> list[tuple[int, dict[str, str]]]:
    book = read_files(files)
    return [(r.line, r.values) for r in book.sheets["actors"].rows]


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        ws = workbook.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ----------------------------------------------------------------------------- encodings and delimiters

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_accents_survive_every_encoding_excel_writes(encoding):
    data = (HEADER + "Élan Drômois;association;26108;Œuvre à l'été\r\n").encode(encoding)
    assert actors_rows({"acteurs.csv": data}) == [
        (2, {"name": "Élan Drômois", "kind": "association", "territories": "26108",
             "description": "Œuvre à l'été"})]


def test_utf8_is_preferred_to_cp1252_when_both_decode():
    assert decode("Drôme".encode(), "f.csv") == "Drôme"
    assert decode(codecs.BOM_UTF8 + "Drôme".encode(), "f.csv") == "Drôme"


@pytest.mark.parametrize(("text", "delimiter"), [
    ("nom;type;territoires\n", ";"),
    ("nom,type,territoires\n", ","),
    ("nom\ttype\tterritoires\n", "\t"),
    ('"nom;x",type,territoires\n', ","),  # the ; inside quotes does not count
    ("nom\n", ","),
])
def test_delimiter_is_sniffed_from_the_header(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_quoted_fields_keep_their_line_breaks_and_lines_count_records():
    rows = actors_rows(files_from_path(DATA / "broken" / "quoted_newlines.csv"))
    assert rows[0] == (2, {"name": "Jardins de Crest", "kind": "association", "territories": "26108",
                           "description": "Première ligne\nseconde ligne; avec point-virgule"})
    assert rows[1][0] == 3  # the row Excel shows as 3, though it sits on the file's 4th line


def test_blank_rows_are_skipped_and_line_numbers_stay_true():
    data = (HEADER + ";;;\r\n\r\nAtelier;association;26108;\r\n").encode()
    assert [line for line, _ in actors_rows({"acteurs.csv": data})] == [4]


def test_binary_and_undecodable_files_are_unreadable_with_the_fix():
    with pytest.raises(UnreadableFile, match="looks binary") as raised:
        check(DATA / "broken" / "binary_garbage.csv")
    assert raised.value.text("fr").startswith("binary_garbage.csv n'est pas un fichier texte")
    with pytest.raises(UnreadableFile, match=r"neither UTF-8 nor Windows-1252.*CSV UTF-8"):
        check(DATA / "broken" / "not_text_undefined_bytes.csv")


@pytest.mark.parametrize(("name", "head", "fmt"), [
    ("a.xlsx", b"PK\x03\x04...", "xlsx"),
    ("acteurs.csv", b"PK\x03\x04...", "xlsx"),  # a workbook renamed .csv is still read as one
    ("a.json", b"{}", "json"),
    ("upload", b"\xef\xbb\xbf [", "json"),
    ("acteurs.csv", b"nom;type", "csv"),
    ("acteurs.txt", b"nom;type", "csv"),
])
def test_format_is_sniffed_from_the_first_bytes(name, head, fmt):
    assert sniff_format(name, head) == fmt


@pytest.mark.parametrize(("name", "head", "message"), [
    ("old.xls", b"\xd0\xcf\x11\xe0rest", "save it as .xlsx"),
    ("calc.ods", b"PK\x03\x04", "OpenDocument"),
    ("fake.xlsx", b"nom;type", "not a zip"),
])
def test_other_spreadsheet_formats_say_how_to_convert(name, head, message):
    with pytest.raises(UnreadableFile, match=message):
        sniff_format(name, head)


# ----------------------------------------------------------------------------- formulas

def test_csv_formula_cells_are_problems_and_quoted_ones_are_text():
    report = check(DATA / "broken" / "formula_cells.csv")
    assert [(p.where, p.row, p.column, p.value) for p in report.problems] == [
        ("formula_cells.csv", 2, "description", '=HYPERLINK("http://example.com")')]
    rows = actors_rows(files_from_path(DATA / "broken" / "formula_cells.csv"))
    assert rows[1][1]["description"] == "=pas une formule"


@given(st.text(max_size=12))
def test_neutralise_is_undone_exactly(value):
    for triggers in (CSV_TRIGGERS, JSON_TRIGGERS):
        written = neutralise(value, triggers)
        assert unquote(written, triggers) == value
        assert not written or written[0] not in triggers


def test_neutralised_cells_no_longer_start_a_formula():
    assert [neutralise(v) for v in ("=1+1", "+33", "-x", "@a", "\tx", "plain", "'=x")] == [
        "'=1+1", "'+33", "'-x", "'@a", "'\tx", "plain", "''=x"]


# ----------------------------------------------------------------------------- Excel

def test_xlsx_numbers_dates_and_trailing_blanks():
    data = xlsx_bytes({"Acteurs": [
        ["Nom", "Type", "Territoires", "SIREN", "Créé le", "Actif", None, None],
        ["Mairie de Bourg", "collectivite", 1053, 200040509, datetime(2014, 1, 1), True],
        [None, None, None],
        ["Ville de Crest", "collectivite", 26108.0, None, date(2020, 5, 17), False],
        [None], [None],
    ]})
    assert actors_rows({"territoire.xlsx": data}) == [
        (2, {"name": "Mairie de Bourg", "kind": "collectivite", "territories": "1053", "siren": "200040509",
             "created": "2014-01-01", "active": "true"}),
        (4, {"name": "Ville de Crest", "kind": "collectivite", "territories": "26108",
             "created": "2020-05-17", "active": "false"}),
    ]
    report = check_uploaded({"territoire.xlsx": data}, "Territoire")
    assert report.problems == ()
    assert report.dataset is not None
    assert report.dataset.actors[0].territories == ("commune:01053",)  # Excel ate the zero of 01053


def test_xlsx_formula_without_value_and_error_cells_are_reported():
    data = xlsx_bytes({"Acteurs": [
        ["Nom", "Type", "Territoires"],
        ["=A3", "association", "26108"],  # openpyxl writes formulas without a computed value
        ["Atelier", "#N/A", "26108"],
    ]})
    report = check_uploaded({"t.xlsx": data}, "t")
    assert [(p.where, p.row, p.column, p.value) for p in report.problems] == [
        ("Acteurs", 2, "Nom", "=A3"), ("Acteurs", 3, "Type", "#N/A")]
    assert "paste them as values" in report.problems[0].expected
    assert "Collage spécial" in report.problems[0].text("fr")


def test_xlsx_text_starting_with_equals_is_literal_text():
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "Acteurs"
    ws.append(["Nom", "Type", "Territoires", "Description"])
    ws.append(["Atelier", "association", "26108", None])
    ws["D2"].value = "=pas une formule"
    ws["D2"].data_type = "s"
    out = io.BytesIO()
    workbook.save(out)
    assert actors_rows({"t.xlsx": out.getvalue()})[0][1]["description"] == "=pas une formule"


def test_xlsx_help_tabs_are_skipped_and_unknown_tabs_warned():
    data = xlsx_bytes({"Lisez-moi": [["aide"]], "Acteurs": [["Nom", "Type", "Territoires"]],
                       "Brouillon": [["x"]]})
    report = check_uploaded({"t.xlsx": data}, "t")
    assert report.problems == ()
    assert [(w.where, w.row) for w in report.warnings] == [("Brouillon", None)]


def test_xlsx_unknown_column_is_a_warning_and_offtable_values_too():
    data = xlsx_bytes({"Acteurs": [["Nom", "Type", "Territoires", "Téléphone"],
                                   ["Atelier", "association", "26108", "0475", None, "note"]]})
    report = check_uploaded({"t.xlsx": data}, "t")
    assert report.ok
    assert [(w.where, w.row, w.column) for w in report.warnings] == [
        ("Acteurs", 1, "Téléphone"), ("Acteurs", 2, None)]


def test_a_damaged_workbook_is_unreadable():
    with pytest.raises(UnreadableFile, match="not a readable Excel workbook"):
        check_uploaded({"t.xlsx": b"PK\x03\x04 not really a zip"}, "t")


# ----------------------------------------------------------------------------- JSON

def test_json_values_become_cell_text():
    document = {"acteurs": [{"nom": "Atelier", "type": "association", "territoires": [26108, "Crest"],
                             "odd": [2, 12], "actif": False, "siren": None, "téléphone": "04"}]}
    book = read_files({"j.json": json.dumps(document).encode()})
    (row,) = book.sheets["actors"].rows
    assert (row.line, row.values) == (1, {"name": "Atelier", "kind": "association",
                                          "territories": "26108; Crest", "sdgs": "2; 12", "active": "false"})
    assert [(w.where, w.row, w.column) for w in book.warnings] == [("j.json (acteurs)", 1, "téléphone")]


def test_json_list_is_the_actors_and_bad_records_are_located():
    document = [{"nom": "Atelier", "type": "association", "territoires": "26108"}, "oops",
                {"nom": "=1+1", "type": "association", "territoires": {"code": 1}}]
    report = check_uploaded({"j.json": json.dumps(document).encode()}, "j")
    assert [(p.where, p.row, p.column, p.value) for p in report.problems] == [
        ("j.json (acteurs)", 2, None, '"oops"'),
        ("j.json (acteurs)", 3, "nom", "=1+1"),
        ("j.json (acteurs)", 3, "territoires", '{"code": 1}'),
    ]


def test_broken_json_is_unreadable_with_its_position():
    with pytest.raises(UnreadableFile, match=r"not valid JSON \(line 1, column 55"):
        check(DATA / "broken" / "bad_json.json")


# ----------------------------------------------------------------------------- files and sheets

def test_single_csv_is_the_actors_unless_named_otherwise():
    header_only = b"nom;territoires\n"
    assert set(read_files({"mon-territoire.csv": HEADER.encode()}).sheets) == {"actors"}
    assert set(read_files({"alliances.csv": header_only}).sheets) == {"alliances"}


def test_csv_files_are_matched_to_sheets_by_name():
    book = read_files({"drome_acteurs.csv": HEADER.encode(), "Membres.csv": b"alliance;acteur\n",
                       "notes.csv": b"x\n"})
    assert set(book.sheets) == {"actors", "memberships"}
    assert book.ignored == ["notes.csv"]


def test_two_files_for_one_sheet_is_a_problem():
    book = read_files({"acteurs.csv": HEADER.encode(), "actors.csv": HEADER.encode()})
    assert [(p.where, p.expected) for p in book.problems] == [
        ("actors.csv", "holds the same sheet (acteurs) as acteurs.csv; keep only one of them")]


def test_a_workbook_with_csv_files_is_refused():
    with pytest.raises(UnreadableFile, match="not a mix"):
        read_files({"a.xlsx": xlsx_bytes({"Acteurs": [["Nom"]]}), "membres.csv": b"alliance\n"})


def test_folder_reading_skips_lock_and_hidden_files(tmp_path):
    (tmp_path / "acteurs.csv").write_bytes(HEADER.encode())
    (tmp_path / "~$acteurs.xlsx").write_bytes(b"lock")
    (tmp_path / ".DS_Store").write_bytes(b"x")
    (tmp_path / "README.md").write_text("notes")
    assert list(files_from_path(tmp_path)) == ["acteurs.csv"]


def test_missing_path_and_empty_folder_are_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="does not exist"):
        files_from_path(tmp_path / "nope.csv")
    with pytest.raises(UnreadableFile, match=r"holds no \.csv"):
        files_from_path(tmp_path)


def test_duplicate_header_is_a_problem_once():
    book = read_files({"acteurs.csv": b"nom;type;territoires;name\nA;association;26108;B\n"})
    assert [(p.row, p.column, p.expected) for p in book.problems] == [
        (1, "name", "is the same column as nom; keep only one of them")]


# ----------------------------------------------------------------------------- the schema itself

def test_every_header_name_is_unambiguous_within_its_sheet():
    for sheet in SHEETS:
        assert set(COLUMN_INDEX[sheet.name].values()) == set(sheet.columns)
        for column in sheet.columns:
            for written in (column.fr, column.en, column.name, *column.aliases):
                assert sheet_for(sheet.fr) is sheet
                assert COLUMN_INDEX[sheet.name][header_key(written)] is column


def test_sheet_names_never_collide():
    seen: dict[str, str] = {}
    for sheet in SHEETS:
        for key in sheet.names():
            assert seen.setdefault(key, sheet.name) == sheet.name


@pytest.mark.parametrize("module", ["cells", "columns", "problems", "rows", "values"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"ecosystem.datasets.{module}"))
    assert result.attempted > 0 and result.failed == 0
