"""A corpus of broken and unusual dataset files, built by this script, each with its expected outcome.

Why a script rather than committed files: most cases are bytes a text editor cannot keep (UTF-16
without BOM, NUL bytes, a lone BOM twice, cp1252 bytes), workbooks whose merged cells or uncached
formulas only a program writes, and huge cells; written here they stay readable and reviewable, and
a new case is three lines. `tests/test_broken_corpus.py` builds the corpus in a temporary folder and
checks every case on the readers, then on both stores (loads of accepted files, a refusal that leaves
the store unchanged).

    python -m tests.broken_corpus DEST     # writes every case under DEST/<case>/ to try by hand

Each case says what a user must get: `ok` (loaded, with this many actors, maybe a warning naming
these words), `refused` (every word in one French problem: file or tab, line, column, value),
`unreadable` (the one-line French reason) or `conflict` (valid, but its ids belong to the demo:
refused by the store, which stays as it was).
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HEADER = "id;nom;type;territoires;odd"
ROWS = (
    "crest-solidaire;Crest Solidaire;association;26108;2; 13",
    "ferme-saillans;Ferme de Saillans;entreprise;26330;2",
    "mairie-crest;Mairie de Crest;collectivité;26108;11",
)


def actors_csv(*rows: str, header: str = HEADER, sep: str = ";", end: str = "\n") -> str:
    """The actors sheet as CSV text; the valid rows above unless others are given."""
    lines = [header, *(rows or ROWS)]
    return end.join(line.replace(";", sep) if sep != ";" else line for line in lines) + end


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def workbook(build: Callable) -> bytes:
    """An .xlsx written by openpyxl after `build(workbook)` filled it (the default tab removed)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def actors_tab(rows: list[list[object]], title: str = "Acteurs", merge: str = "") -> Callable:
    def build(book) -> None:
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
        if merge:
            ws.merge_cells(merge)

    return build


TAB_HEADER = ["id", "nom", "type", "territoires", "odd"]
TAB_ROWS = [
    ["crest-solidaire", "Crest Solidaire", "association", "26108", "2; 13"],
    ["ferme-saillans", "Ferme de Saillans", "entreprise", "26330", 2],
]


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, bytes]
    expect: str  # ok, refused, unreadable, conflict
    words: tuple[str, ...] = ()  # all in one French problem (refused, unreadable) or warning (ok)
    actors: int | None = None  # ok: how many actors the dataset holds
    why: str = ""
    english: tuple[str, ...] = field(default=())  # all in one English problem, when checked

    def path(self, root: Path) -> Path:
        """Where `build` wrote the case: the file itself, or the folder of its files."""
        folder = root / self.name
        return folder / next(iter(self.files)) if len(self.files) == 1 else folder


def _policies(*rows: str) -> bytes:
    return utf8("id;nom;type;porteurs;territoires\n" + "\n".join(rows) + "\n")


def _alliances(*rows: str) -> bytes:
    return utf8("id;nom;date de début;statut;territoires\n" + "\n".join(rows) + "\n")


ALLIANCE = "alliance-crest;Alliance de Crest;2025-01-15;active;26108"


def _members(*rows: str) -> bytes:
    return utf8("alliance;acteur;rôle\n" + "\n".join(rows) + "\n")


def _assessments(*rows: str) -> bytes:
    return utf8("alliance;levier;date;note\n" + "\n".join(rows) + "\n")


def _cases() -> list[Case]:
    text = actors_csv()
    cases = [
        # ------------------------------------------------------------------ encodings
        Case("utf8", {"acteurs.csv": utf8(text)}, "ok", actors=3),
        Case("utf8_bom", {"acteurs.csv": codecs.BOM_UTF8 + utf8(text)}, "ok", actors=3),
        Case(
            "cp1252",
            {"acteurs.csv": text.encode("cp1252")},
            "ok",
            actors=3,
            why="the old Excel 'CSV (point-virgule)' of French Windows",
        ),
        Case("utf16_le_bom", {"acteurs.csv": codecs.BOM_UTF16_LE + text.encode("utf-16-le")}, "ok", actors=3),
        Case("utf16_be_bom", {"acteurs.csv": codecs.BOM_UTF16_BE + text.encode("utf-16-be")}, "ok", actors=3),
        Case(
            "utf16_le_no_bom",
            {"acteurs.csv": text.encode("utf-16-le")},
            "ok",
            actors=3,
            why="was refused as « il semble binaire »",
        ),
        Case("utf16_be_no_bom", {"acteurs.csv": text.encode("utf-16-be")}, "ok", actors=3),
        Case(
            "utf16_damaged",
            {"acteurs.csv": codecs.BOM_UTF16_LE + text.encode("utf-16-le")[:-1]},
            "unreadable",
            ("acteurs.csv", "UTF-16", "abîmé"),
        ),
        Case(
            "binary_garbage",
            {"acteurs.csv": bytes(range(256)) * 64},
            "unreadable",
            ("acteurs.csv", "binaire"),
        ),
        Case(
            "nul_in_utf8",
            {"acteurs.csv": utf8(text).replace(b"Ferme", b"Fe\x00rme")},
            "unreadable",
            ("acteurs.csv", "binaire"),
        ),
        Case(
            "undefined_cp1252_bytes",
            {"acteurs.csv": utf8(text).replace(b"Ferme", b"Fe\x81\xe9rme")},
            "unreadable",
            ("acteurs.csv", "Windows-1252", "0x81"),
        ),
        Case(
            "double_bom",
            {"acteurs.csv": codecs.BOM_UTF8 * 2 + utf8(text)},
            "ok",
            actors=3,
            why="a BOM left by a second 'save as UTF-8' must not hide the id header",
        ),
        # ------------------------------------------------------------------ separators and line ends
        Case("comma", {"acteurs.csv": utf8(actors_csv(sep=",").replace("2, 13", '"2; 13"'))}, "ok", actors=3),
        Case("tab", {"acteurs.tsv": utf8(actors_csv(sep="\t"))}, "ok", actors=3),
        Case("crlf", {"acteurs.csv": utf8(actors_csv(end="\r\n"))}, "ok", actors=3),
        Case("cr_only", {"acteurs.csv": utf8(actors_csv(end="\r"))}, "ok", actors=3, why="old Mac line ends"),
        Case(
            "mixed_separators",
            {
                "acteurs.csv": utf8(
                    actors_csv("crest-solidaire,Crest Solidaire,association,26108,2", *ROWS[1:])
                )
            },
            "refused",
            ("acteurs.csv", "ligne 2", "nom", "vide"),
        ),
        Case(
            "trailing_separators",
            {"acteurs.csv": utf8(actors_csv(*(r + ";;;" for r in ROWS)))},
            "ok",
            actors=3,
        ),
        Case("blank_lines", {"acteurs.csv": utf8(text.replace("\n", "\n\n;;;\n"))}, "ok", actors=3),
        # ------------------------------------------------------------------ quotes
        Case(
            "stray_quote",
            {
                "acteurs.csv": utf8(
                    actors_csv('crest-solidaire;"Crest Solidaire;association;26108;2', *ROWS[1:])
                )
            },
            "refused",
            ("acteurs.csv", "ligne 2", "guillemet", "ligne 3"),
        ),
        Case(
            "quoted_newline",
            {
                "acteurs.csv": utf8(
                    actors_csv('crest-solidaire;"Crest\nSolidaire";association;26108;2', *ROWS[1:])
                )
            },
            "ok",
            actors=3,
        ),
        Case(
            "doubled_quotes",
            {
                "acteurs.csv": utf8(
                    actors_csv('crest-solidaire;"Le ""Crest"" solidaire";association;26108;2', *ROWS[1:])
                )
            },
            "ok",
            actors=3,
        ),
        Case(
            "quote_never_closed",
            {"acteurs.csv": utf8(actors_csv(*ROWS[:2], 'mairie;"Mairie;collectivité'))},
            "refused",
            ("acteurs.csv", "ligne 4"),
        ),
        # ------------------------------------------------------------------ workbooks
        Case("xlsx", {"acteurs.xlsx": workbook(actors_tab([TAB_HEADER, *TAB_ROWS]))}, "ok", actors=2),
        Case(
            "merged_header",
            {
                "acteurs.xlsx": workbook(
                    actors_tab(
                        [
                            ["id", "nom", None, "territoires"],
                            ["a1", "Crest Solidaire", "association", "26108"],
                        ],
                        merge="B1:C1",
                    )
                )
            },
            "refused",
            ("Acteurs", "ligne 1", "B1:C1", "fusionnée", "colonnes B à C"),
            english=("Acteurs", "line 1", "B1:C1", "merged"),
        ),
        Case(
            "merged_values",
            {
                "acteurs.xlsx": workbook(
                    actors_tab(
                        [TAB_HEADER, ["a1", "Un", "association", "26108"], ["a2", "Deux", None, "26108"]],
                        merge="C2:C3",
                    )
                )
            },
            "refused",
            ("Acteurs", "ligne 2", "type", "C2:C3", "lignes 2 à 3"),
        ),
        Case(
            "merged_title_above_notes",
            {
                "acteurs.xlsx": workbook(
                    actors_tab(
                        [[*TAB_HEADER, None, "notes"], [*TAB_ROWS[0], None, "à revoir"]], merge="G2:H2"
                    )
                )
            },
            "ok",
            actors=1,
            why="a merge right of the table loses nothing of it",
        ),
        Case("empty_tab", {"acteurs.xlsx": workbook(actors_tab([]))}, "refused", ("Acteurs", "vide")),
        Case(
            "no_actors_tab",
            {"acteurs.xlsx": workbook(actors_tab([TAB_HEADER, *TAB_ROWS], title="Feuil1"))},
            "refused",
            ("acteurs",),
        ),
        Case(
            "unknown_tab_warned",
            {
                "acteurs.xlsx": workbook(
                    lambda b: (
                        actors_tab([TAB_HEADER, *TAB_ROWS])(b),
                        actors_tab([["x"]], title="Brouillon")(b),
                    )
                )
            },
            "ok",
            ("Brouillon", "ignorée"),
            actors=2,
        ),
        Case(
            "uncached_formula",
            {
                "acteurs.xlsx": workbook(
                    actors_tab(
                        [TAB_HEADER, ["a1", '=CONCAT("Crest";" Solidaire")', "association", "26108", 2]]
                    )
                )
            },
            "refused",
            ("Acteurs", "ligne 2", "nom", "jamais été calculé"),
        ),
        Case(
            "error_cell",
            {"acteurs.xlsx": _error_cell_workbook()},
            "refused",
            ("Acteurs", "ligne 2", "territoires", "#N/A"),
        ),
        Case("date_cells", {"acteurs.xlsx": _date_workbook()}, "ok", actors=1),
        Case(
            "workbook_renamed_csv",
            {"acteurs.csv": workbook(actors_tab([TAB_HEADER, *TAB_ROWS]))},
            "ok",
            actors=2,
            why="read by its content, as docs/dataset-format.md says",
        ),
        Case(
            "ods",
            {"acteurs.ods": b"PK\x03\x04" + b"\x00" * 60},
            "unreadable",
            ("acteurs.ods", "OpenDocument"),
        ),
        Case(
            "old_xls",
            {"acteurs.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200},
            "unreadable",
            ("acteurs.xls", ".xls"),
        ),
        Case("text_renamed_xlsx", {"acteurs.xlsx": utf8(text)}, "unreadable", ("acteurs.xlsx", "renommé")),
        Case(
            "truncated_xlsx",
            {"acteurs.xlsx": workbook(actors_tab([TAB_HEADER, *TAB_ROWS]))[:300]},
            "unreadable",
            ("acteurs.xlsx", "classeur Excel lisible"),
        ),
        # ------------------------------------------------------------------ empty and partial files
        Case("empty_file", {"acteurs.csv": b""}, "refused", ("acteurs.csv", "vide")),
        Case("whitespace_only", {"acteurs.csv": b"  \n\n \t\n"}, "refused", ("acteurs.csv", "vide")),
        Case("header_only", {"acteurs.csv": utf8(HEADER + "\n")}, "ok", actors=0),
        Case(
            "missing_required_column",
            {"acteurs.csv": utf8("id;nom;territoires\na1;Un;26108\n")},
            "refused",
            ("acteurs.csv", "colonne Type", "absente"),
        ),
        Case(
            "values_under_empty_header",
            {"acteurs.csv": utf8("id;nom;;territoires\na1;Un;association;26108\n")},
            "refused",
            ("acteurs.csv", "colonne Type", "absente"),
            why="a missing required column with a row parsed cleanly used to crash (KeyError)",
        ),
        Case(
            "english_headers",
            {"acteurs.csv": utf8(text.replace(HEADER, "id;name;kind;territories;sdgs"))},
            "ok",
            actors=3,
        ),
        # ------------------------------------------------------------------ wrong values
        Case(
            "bad_kind",
            {"acteurs.csv": utf8(actors_csv("a1;Un;associationn;26108;2"))},
            "refused",
            ("acteurs.csv", "ligne 2", "type", "associationn"),
        ),
        Case(
            "bad_sdg",
            {"acteurs.csv": utf8(actors_csv("a1;Un;association;26108;18"))},
            "refused",
            ("acteurs.csv", "ligne 2", "odd", "18"),
        ),
        Case(
            "unknown_territory",
            {"acteurs.csv": utf8(actors_csv("a1;Un;association;69999;2"))},
            "refused",
            ("acteurs.csv", "ligne 2", "territoires", "69999"),
        ),
        Case(
            "ambiguous_territory",
            {"acteurs.csv": utf8(actors_csv("a1;Un;association;Valence;2"))},
            "refused",
            ("acteurs.csv", "ligne 2", "territoires", "Valence", "ambigu"),
        ),
        Case(
            "spaced_insee_code",
            {
                "acteurs.csv": utf8(
                    actors_csv(
                        "a1;Un;association;26 362;2",
                        "a2;Deux;association;26\u00a0108;2",
                        "a3;Trois;association;200 068 781;2",
                    )
                )
            },
            "ok",
            actors=3,
            why="SIREN cells accepted spaces, INSEE codes did not",
        ),
        Case(
            "lost_leading_zero", {"acteurs.csv": utf8(actors_csv("a1;Un;association;1053;2"))}, "ok", actors=1
        ),
        Case(
            "bad_siren",
            {"acteurs.csv": utf8("nom;type;territoires;siren\nUn;association;26108;12345\n")},
            "refused",
            ("acteurs.csv", "ligne 2", "siren", "12345"),
        ),
        Case(
            "scientific_siret",
            {"acteurs.csv": utf8("nom;type;territoires;siret\nUn;association;26108;2,00041E+13\n")},
            "refused",
            ("acteurs.csv", "ligne 2", "siret", "notation scientifique"),
        ),
        Case(
            "bad_url",
            {"acteurs.csv": utf8("nom;type;territoires;site web\nUn;association;26108;pas un site\n")},
            "refused",
            ("acteurs.csv", "ligne 2", "site web", "adresse web"),
        ),
        Case(
            "bad_id_semicolon",
            {"acteurs.csv": utf8('id;nom;type;territoires\n"a;b";Un;association;26108\n')},
            "refused",
            ("acteurs.csv", "ligne 2", "id"),
        ),
        Case(
            "bad_date",
            {
                "acteurs.csv": utf8(text),
                "alliances.csv": _alliances("alliance-crest;Alliance de Crest;31/02/2025;active;26108"),
            },
            "refused",
            ("alliances.csv", "ligne 2", "31/02/2025"),
        ),
        Case(
            "short_year_date",
            {
                "acteurs.csv": utf8(text),
                "alliances.csv": _alliances("alliance-crest;Alliance de Crest;15/01/25;active;26108"),
            },
            "refused",
            ("alliances.csv", "ligne 2", "15/01/25", "quatre chiffres"),
            why="01/25: 1925 or 2025?",
        ),
        Case(
            "score_out_of_range",
            {
                "acteurs.csv": utf8(text),
                "alliances.csv": _alliances(ALLIANCE),
                "evaluations.csv": _assessments("alliance-crest;principe-1;2025-01-01;9"),
            },
            "refused",
            ("evaluations.csv", "ligne 2", "note", "9"),
        ),
        # ------------------------------------------------------------------ duplicates
        Case(
            "duplicate_id",
            {"acteurs.csv": utf8(actors_csv(ROWS[0], ROWS[0].replace("Crest Solidaire", "Autre")))},
            "refused",
            ("acteurs.csv", "ligne 3", "id", "crest-solidaire", "ligne 2"),
        ),
        Case(
            "duplicate_names_without_ids",
            {
                "acteurs.csv": utf8(
                    "nom;type;territoires\nMairie;collectivité;26108\nMairie;collectivité;26330\n"
                )
            },
            "ok",
            actors=2,
        ),
        Case(
            "duplicate_column",
            {"acteurs.csv": utf8("id;nom;name;type;territoires\na1;Un;One;association;26108\n")},
            "refused",
            ("acteurs.csv", "ligne 1", "name", "même colonne"),
        ),
        Case(
            "same_sheet_twice",
            {"acteurs.csv": utf8(text), "drome_acteurs.csv": utf8(text)},
            "refused",
            ("acteurs", "même feuille"),
        ),
        # ------------------------------------------------------------------ dangling references
        Case(
            "member_unknown_actor",
            {
                "acteurs.csv": utf8(text),
                "alliances.csv": _alliances(ALLIANCE),
                "membres.csv": _members("alliance-crest;jardins-du-nord;pilote"),
            },
            "refused",
            ("membres.csv", "ligne 2", "acteur", "jardins-du-nord"),
        ),
        Case(
            "member_unknown_alliance",
            {
                "acteurs.csv": utf8(text),
                "alliances.csv": _alliances(ALLIANCE),
                "membres.csv": _members("alliance-nulle;crest-solidaire;pilote"),
            },
            "refused",
            ("membres.csv", "ligne 2", "alliance", "alliance-nulle"),
        ),
        Case(
            "members_without_alliances",
            {"acteurs.csv": utf8(text), "membres.csv": _members("alliance-crest;crest-solidaire;pilote")},
            "refused",
            ("membres.csv", "ligne 2", "alliance"),
        ),
        Case(
            "policy_unknown_carrier",
            {
                "acteurs.csv": utf8(text),
                "politiques.csv": _policies("pat-crest;PAT de Crest;PAT;agglo-fantome;26108"),
            },
            "refused",
            ("politiques.csv", "ligne 2", "porteurs", "agglo-fantome"),
        ),
        Case(
            "unknown_lever",
            {
                "acteurs.csv": utf8(text),
                "alliances.csv": _alliances(ALLIANCE),
                "evaluations.csv": _assessments("alliance-crest;principe-99;2025-01-01;2"),
            },
            "refused",
            ("evaluations.csv", "ligne 2", "levier", "principe-99"),
        ),
        Case(
            "complete_dataset",
            {
                "acteurs.csv": utf8(text),
                "alliances.csv": _alliances(ALLIANCE),
                "membres.csv": _members("alliance-crest;crest-solidaire;pilote"),
                "politiques.csv": _policies("pat-crest;PAT de Crest;PAT;mairie-crest;26108"),
                "evaluations.csv": _assessments("alliance-crest;principe-1;2025-01-01;2"),
            },
            "ok",
            actors=3,
        ),
        # ------------------------------------------------------------------ huge cells and control characters
        Case(
            "huge_description",
            {
                "acteurs.csv": utf8(
                    "nom;type;territoires;description\nUn;association;26108;" + "é" * 300_000 + "\n"
                )
            },
            "ok",
            actors=1,
            why="bigger than the csv module's default field limit (131,072 characters)",
        ),
        Case(
            "huge_line_count_of_blank_rows", {"acteurs.csv": utf8(text + ";;;;\n" * 20_000)}, "ok", actors=3
        ),
        Case(
            "escape_sequence_in_name",
            {"acteurs.csv": utf8(actors_csv("a1;\x1b[31mCrest Solidaire\x1b[0m;association;26108;2"))},
            "ok",
            ("acteurs.csv", "ligne 2", "nom"),
            actors=1,
        ),
        Case(
            "vertical_tab_in_json",
            {
                "a.json": utf8(
                    json.dumps([{"nom": "Un\x0bDeux", "type": "association", "territoires": "26108"}])
                )
            },
            "ok",
            ("a.json", "nom"),
            actors=1,
        ),
        # ------------------------------------------------------------------ formulas
        Case(
            "formula_in_csv",
            {"acteurs.csv": utf8(actors_csv('a1;=HYPERLINK("x");association;26108;2'))},
            "refused",
            ("acteurs.csv", "ligne 2", "nom", "formule"),
        ),
        Case(
            "escaped_formula_in_csv",
            {"acteurs.csv": utf8(actors_csv("a1;'=Un;association;26108;2"))},
            "ok",
            actors=1,
        ),
        Case(
            "formula_in_json",
            {"a.json": utf8(json.dumps([{"nom": "=1+1", "type": "association", "territoires": "26108"}]))},
            "refused",
            ("a.json", "ligne 1", "nom", "formule"),
        ),
        # ------------------------------------------------------------------ JSON
        Case(
            "json_list",
            {
                "a.json": utf8(
                    json.dumps(
                        [{"nom": "Un", "type": "association", "territoires": ["26108"], "odd": [2, 13]}]
                    )
                )
            },
            "ok",
            actors=1,
        ),
        Case(
            "json_keyed_by_id",
            {
                "a.json": utf8(
                    json.dumps(
                        {
                            "acteurs": {
                                "crest-solidaire": {
                                    "nom": "Crest Solidaire",
                                    "type": "association",
                                    "territoires": "26108",
                                }
                            }
                        }
                    )
                )
            },
            "refused",
            ("a.json", "acteurs", "liste était attendue", "crest-solidaire"),
            english=("a.json", "list of records was expected"),
        ),
        Case(
            "json_object_in_cell",
            {
                "a.json": utf8(
                    json.dumps([{"nom": {"fr": "Un"}, "type": "association", "territoires": "26108"}])
                )
            },
            "refused",
            ("a.json", "ligne 1", "nom", "attendu"),
        ),
        Case(
            "json_not_a_record",
            {"a.json": utf8(json.dumps([["Un", "association", "26108"]]))},
            "refused",
            ("a.json", "ligne 1", "enregistrement"),
        ),
        Case(
            "json_syntax",
            {"a.json": b'{"acteurs": [{"nom": "Un",]}'},
            "unreadable",
            ("a.json", "JSON", "ligne 1"),
        ),
        Case("json_top_level_string", {"a.json": b'"acteurs"'}, "unreadable", ("a.json", "objet JSON")),
        Case(
            "json_utf16_no_bom",
            {
                "a.json": json.dumps([{"nom": "Un", "type": "association", "territoires": "26108"}]).encode(
                    "utf-16-le"
                )
            },
            "ok",
            actors=1,
        ),
        # ------------------------------------------------------------------ warnings only
        Case(
            "unknown_column",
            {"acteurs.csv": utf8(text.replace(HEADER, HEADER + ";remarques"))},
            "ok",
            ("acteurs.csv", "ligne 1", "remarques", "ignorée"),
            actors=3,
        ),
        Case(
            "values_outside_table",
            {"acteurs.csv": utf8(actors_csv(ROWS[0] + ";;en trop"))},
            "ok",
            ("acteurs.csv", "ligne 2", "hors du tableau"),
            actors=1,
        ),
        # ------------------------------------------------------------------ ids another dataset owns
        Case(
            "ids_of_the_demo",
            {
                "acteurs.csv": utf8(
                    "id;nom;type;territoires\ndepartement-drome;Département de la Drôme;collectivité;26\n"
                )
            },
            "conflict",
            ("departement-drome", "demo-drome"),
            actors=1,
        ),
    ]
    return cases


def _error_cell_workbook() -> bytes:
    """A workbook whose territory cell holds a spreadsheet error (#N/A, as a failed lookup leaves)."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Acteurs"
    ws.append(["nom", "type", "territoires"])
    ws.append(["Un", "association", "#N/A"])
    ws["C2"].data_type = "e"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _date_workbook() -> bytes:
    """An actor whose 'créé le' is a real Excel date cell."""
    from datetime import datetime

    return workbook(
        actors_tab(
            [["nom", "type", "territoires", "créé le"], ["Un", "association", "26108", datetime(2012, 3, 15)]]
        )
    )


CASES: list[Case] = _cases()


def build(root: Path) -> list[Case]:
    """Write every case under root/<case name>/ and return the cases."""
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)), "two cases share a name"
    for case in CASES:
        folder = root / case.name
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in case.files.items():
            (folder / name).write_bytes(data)
    return CASES


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.broken_corpus DEST")
    written = build(Path(sys.argv[1]))
    print(f"{len(written)} cases written under {sys.argv[1]}")
