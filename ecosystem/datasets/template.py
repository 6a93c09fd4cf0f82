"""The ready-to-fill Excel workbook (`ecosystem template`), generated from `columns.py`.

A "Lisez-moi" tab explains every column; then one tab per sheet with its header (frozen, with the
help as a cell comment), one realistic example row on real Drôme codes, drop-down lists where a
column takes fixed values, and code columns formatted as Text so that Excel keeps the leading zero
of 01053. A hidden "Listes" tab holds the drop-down values. Filled as is, it validates.

The example rows (declared in `columns.py`) have ids that start with "exemple-", which no shipped
dataset uses: ids belong to one dataset, and the app loads the demo by default, so a template whose
examples reused the demo's ids would be refused on every new user's first try.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ecosystem.datasets.columns import (
    ACTORS,
    ALLIANCES,
    MEMBERSHIPS,
    POLICIES,
    SHEETS,
    Column,
    Kind,
    Sheet,
    accepted,
)
from ecosystem.model import LeverFamily
from ecosystem.reference import Reference, reference

FILLED_ROWS = 5000  # rows covered by the drop-downs
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
EXAMPLE_FONT = Font(italic=True, color="595959")
TEXT_KINDS = (Kind.ID, Kind.TERRITORY, Kind.SIREN, Kind.SIRET, Kind.RNA, Kind.SDG, Kind.REF)

_WORDS = {
    "fr": {
        "readme": "Lisez-moi", "lists": "Listes", "sheet": "Feuille", "column": "Colonne",
        "required": "Obligatoire", "multi": "Plusieurs valeurs", "accepted": "Valeurs acceptées",
        "help": "Explication", "example": "Exemple", "yes": "oui", "no": "",
        "error_title": "Valeur non prévue", "error": "Choisissez une valeur dans la liste.",
        "intro": (
            "Modèle de jeu de données ecosystem : acteurs, politiques publiques, alliances, membres et "
            "auto-évaluations d'un territoire.",
            "Chaque onglet a une ligne d'exemple (en italique, sur de vrais codes de la Drôme) : "
            "remplacez-la ou supprimez-la. Les colonnes obligatoires sont indiquées ci-dessous.",
            "Plusieurs valeurs dans une cellule : séparez-les par un point-virgule « ; » (2; 12; 13).",
            "Les autres onglets renvoient aux acteurs, politiques et alliances par leur identifiant ou "
            "leur nom exact. Sans identifiant, il est fabriqué à partir du nom.",
            "Territoires : code INSEE de commune, SIREN d'EPCI, code de département, region:NN, FR, ou "
            "un nom sans ambiguïté. Gardez les colonnes de codes au format Texte (01053, pas 1053).",
            "Pour vérifier le fichier : ecosystem check mon-fichier.xlsx (toutes les erreurs d'un coup, "
            "avec la ligne et la colonne).",
        ),
    },
    "en": {
        "readme": "Read me", "lists": "Lists", "sheet": "Sheet", "column": "Column",
        "required": "Required", "multi": "Several values", "accepted": "Accepted values",
        "help": "Explanation", "example": "Example", "yes": "yes", "no": "",
        "error_title": "Unexpected value", "error": "Pick a value from the list.",
        "intro": (
            "ecosystem dataset template: actors, public policies, alliances, members and "
            "self-assessments of a territory.",
            "Each tab has one example row (in italics, on real Drôme codes): replace or delete it. "
            "Required columns are listed below.",
            "Several values in one cell: separate them with a semicolon \";\" (2; 12; 13).",
            "The other tabs refer to actors, policies and alliances by id or exact name. Without an id, "
            "one is made from the name.",
            "Territories: commune INSEE code, EPCI SIREN, département code, region:NN, FR, or an "
            "unambiguous name. Keep code columns formatted as Text (01053, not 1053).",
            "To check the file: ecosystem check my-file.xlsx (every error at once, with line and column).",
        ),
    },
}


def _lists(ref: Reference) -> dict[str, list[str]]:
    """Drop-down values, by list name; each becomes a column of the hidden lists tab."""
    return {
        "kind": [c.value for c in ACTORS.column("kind").choices],
        "policy_kind": [c.value for c in POLICIES.column("kind").choices],
        "status": [c.value for c in ALLIANCES.column("status").choices],
        "role": [c.value for c in MEMBERSHIPS.column("role").choices],
        "lever": [lv.id for lv in ref.levers],
        "mean": [lv.id.split("-", 1)[1] for lv in ref.levers.family(LeverFamily.MOYEN)],
        "bool": ["oui", "non"],
        "score": ["0", "1", "2", "3"],
    }


def _list_for(column: Column) -> tuple[str, bool] | None:
    """(list name, strict) for a column offering a drop-down; strict lists refuse other values."""
    if column.kind is Kind.CHOICE:
        return column.name, True
    if column.kind is Kind.POLICY_KIND:
        return "policy_kind", False
    if column.kind is Kind.MEAN:
        return "mean", False  # several values allowed: the list is a hint
    if column.kind is Kind.LEVER:
        return "lever", True
    if column.kind is Kind.BOOL:
        return "bool", True
    if column.kind is Kind.SCORE:
        return "score", True
    return None


def _example_value(column: Column, text: str) -> object:
    if not text:
        return None
    if column.kind is Kind.DATE:
        return date.fromisoformat(text)
    if column.kind is Kind.SCORE:
        return int(text)
    return text


def _readme(ws: Worksheet, lang: str) -> None:
    words = _WORDS[lang]
    row = 1
    for line in words["intro"]:
        ws.cell(row, 1, line).font = Font(bold=row == 1)
        row += 1
    row += 1
    titles = ["sheet", "column", "required", "multi", "accepted", "help", "example"]
    for i, key in enumerate(titles, start=1):
        cell = ws.cell(row, i, words[key])
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for sheet in SHEETS:
        row += 1
        ws.cell(row, 1, sheet.title(lang)).font = Font(bold=True)
        ws.cell(row, 6, sheet.help_fr if lang == "fr" else sheet.help_en)
        for column in sheet.columns:
            row += 1
            yes_no = [words["yes"] if flag else words["no"] for flag in (column.required, column.multi)]
            values = [sheet.title(lang), column.header(lang), *yes_no, accepted(column, lang),
                      column.help_fr if lang == "fr" else column.help_en, column.example]
            for i, value in enumerate(values, start=1):
                ws.cell(row, i, value).alignment = Alignment(wrap_text=i in (5, 6), vertical="top")
    for letter, width in zip("ABCDEFG", (14, 18, 12, 12, 40, 80, 28), strict=True):
        ws.column_dimensions[letter].width = width


def _data_sheet(ws: Worksheet, sheet: Sheet, lang: str, list_columns: dict[str, str]) -> None:
    words = _WORDS[lang]
    validations: dict[tuple[str, bool], DataValidation] = {}
    for i, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        header = ws.cell(1, i, column.header(lang))
        header.font = Font(bold=True)
        header.fill = HEADER_FILL
        help_text = column.help_fr if lang == "fr" else column.help_en
        header.comment = Comment(help_text, "ecosystem", width=320, height=160)
        value = _example_value(column, sheet.example.get(column.name, ""))
        cell = ws.cell(2, i, value)
        cell.font = EXAMPLE_FONT
        if isinstance(value, date):
            cell.number_format = "DD/MM/YYYY"
        if column.kind in TEXT_KINDS:  # what Excel applies to the cells typed in this column
            ws.column_dimensions[letter].number_format = "@"
            cell.number_format = "@"
        shown = max(len(column.header(lang)), len(str(value or "")))
        ws.column_dimensions[letter].width = min(max(shown + 4, 12), 48)
        found = _list_for(column)
        if found is None:
            continue
        name, strict = found
        if (name, strict) not in validations:
            validation = DataValidation(type="list", formula1=list_columns[name], allow_blank=True,
                                        showErrorMessage=strict, errorTitle=words["error_title"],
                                        error=words["error"])
            ws.add_data_validation(validation)
            validations[(name, strict)] = validation
        validations[(name, strict)].add(f"{letter}2:{letter}{FILLED_ROWS + 1}")
    ws.freeze_panes = "A2"


def template_workbook(lang: str = "fr", ref: Reference | None = None) -> Workbook:
    """The template as an openpyxl Workbook (French headers, or English with lang="en")."""
    if lang not in _WORDS:
        raise ValueError(f"lang must be fr or en, not {lang!r}")
    ref = ref or reference()
    words = _WORDS[lang]
    workbook = Workbook()
    readme = workbook.active
    readme.title = words["readme"]
    _readme(readme, lang)
    lists = _lists(ref)
    list_tab = workbook.create_sheet(words["lists"])
    list_columns: dict[str, str] = {}
    for i, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(i)
        list_tab.cell(1, i, name)
        for r, value in enumerate(values, start=2):
            list_tab.cell(r, i, value)
        list_columns[name] = f"'{words['lists']}'!${letter}$2:${letter}${len(values) + 1}"
    for sheet in SHEETS:
        _data_sheet(workbook.create_sheet(sheet.title(lang)), sheet, lang, list_columns)
    workbook.move_sheet(list_tab, offset=len(SHEETS))
    list_tab.sheet_state = "hidden"
    return workbook


def write_template(path: Path | str, lang: str = "fr") -> Path:
    """Write the template to `path` (an .xlsx file) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    template_workbook(lang).save(path)
    return path

