"""Readers: the bytes of CSV files, an Excel workbook or a JSON file -> raw sheets of text cells.

Nothing here judges a value: cells come out as text, keyed by canonical column, with the line number
the user sees and the header as the user wrote it. The validator does the rest. What the readers do
report is what only they can see: formulas, spreadsheet errors, unknown columns and sheets, control
characters (removed, see `cleaning.py`), a stray quote that swallowed rows (`quotes.py`).

Entry points: `read_files(files, label)` for uploaded bytes ({file name: bytes}) and
`files_from_path(path)` to turn a file or a folder into such a mapping.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePath

from ecosystem.controls import bytes_may_have_controls, has_controls, strip_controls
from ecosystem.datasets.cells import (
    CSV_TRIGGERS,
    JSON_TRIGGERS,
    looks_like_formula,
    number_text,
    unquote,
)
from ecosystem.datasets.cleaning import Cleaner
from ecosystem.datasets.columns import ACTORS, COLUMN_INDEX, DATASET, IGNORED_SHEETS, Sheet, sheet_for
from ecosystem.datasets.problems import DatasetProblem, Unreadable, problem, shown
from ecosystem.datasets.progress import EVERY, READ, ReadProgress, silent
from ecosystem.datasets.quotes import Swallowed, line_starts, swallowed_rows
from ecosystem.text import header_key

NO_FLAGS: frozenset[str] = frozenset()
DATA_SUFFIXES = (".csv", ".tsv", ".json", ".xlsx", ".xlsm")


@dataclass(frozen=True, slots=True)
class RawRow:
    line: int  # as the user sees it: header = 1 (CSV, xlsx); 1-based record position (JSON)
    values: dict[str, str]  # canonical column -> stripped text; empty cells left out
    flagged: frozenset[str] = NO_FLAGS  # columns whose cell the reader already reported


@dataclass(slots=True)
class RawSheet:
    sheet: Sheet
    where: str  # file or workbook tab, as the user named it
    headers: dict[str, str] = field(default_factory=dict)  # canonical column -> header as written
    rows: list[RawRow] = field(default_factory=list)
    has_header: bool = True  # False for an empty file
    keyed: bool = False  # JSON: each record names its own columns, there is no header to check


@dataclass(slots=True)
class RawBook:
    label: str  # the file or folder the user gave
    sheets: dict[str, RawSheet] = field(default_factory=dict)  # canonical sheet name -> sheet
    problems: list[DatasetProblem] = field(default_factory=list)
    warnings: list[DatasetProblem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files or tabs that are no known sheet

    def add(self, raw: RawSheet) -> None:
        first = self.sheets.get(raw.sheet.name)
        if first is not None:
            self.problems.append(problem(
                raw.where, None, None, None,
                f"holds the same sheet ({raw.sheet.fr}) as {first.where}; keep only one of them",
                f"contient la même feuille ({raw.sheet.fr}) que {first.where} ; n'en gardez qu'une"))
            return
        self.sheets[raw.sheet.name] = raw


# ----------------------------------------------------------------------------- format and encoding

def sniff_format(name: str, head: bytes) -> str:
    """'xlsx', 'json' or 'csv', from the first bytes first and the file name second."""
    suffix = PurePath(name).suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        if suffix == ".ods":
            raise Unreadable(f"{name} is an OpenDocument spreadsheet: save it as .xlsx (Excel) or CSV.",
                             f"{name} est un classeur OpenDocument : enregistrez-le en .xlsx (Excel) ou "
                             "en CSV.")
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable(f"{name} is an old Excel 97-2003 (.xls) file: open it and save it as .xlsx.",
                         f"{name} est un ancien fichier Excel 97-2003 (.xls) : ouvrez-le et "
                         "enregistrez-le en .xlsx.")
    if suffix == ".json" or head.lstrip(codecs.BOM_UTF8 + b" \t\r\n")[:1] in (b"{", b"["):
        return "json"
    if suffix in (".xlsx", ".xlsm"):
        raise Unreadable(f"{name} is not an Excel workbook (it is not a zip file): was it renamed?",
                         f"{name} n'est pas un classeur Excel (ce n'est pas un fichier zip) : a-t-il été "
                         "renommé ?")
    return "csv"


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text written without a BOM (some
    programs and "Unicode text" exports do): the text of a table is mostly Latin letters, digits and
    separators, so one byte of each pair is zero, always on the same side. None otherwise.

    >>> utf16_without_bom("id;nom;Crest".encode("utf-16-le")), utf16_without_bom(b"id;nom")
    ('utf-16-le', None)
    """
    sample = data[:65536]
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    even, odd = sample[0:pairs * 2:2].count(0), sample[1:pairs * 2:2].count(0)
    if odd >= pairs * 0.6 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.6 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str) -> str:
    """Text of a CSV or JSON file: UTF-8 (with or without BOM), UTF-16 (with or without BOM), else
    Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    else:
        bom = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        encoding = "utf-16" if bom else utf16_without_bom(data)
        if encoding is not None:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise Unreadable(f"{name} looks like UTF-16 text but is damaged ({exc.reason} at byte "
                                 f"{exc.start}). Save it again as \"CSV UTF-8\" from Excel.",
                                 f"{name} semble être du texte UTF-16 mais il est abîmé (à l'octet "
                                 f"{exc.start}). Enregistrez-le à nouveau depuis Excel en "
                                 "« CSV UTF-8 ».") from exc
    binary = Unreadable(
        f"{name} is not a text file: it looks binary. Save your table as CSV (UTF-8) or as an Excel "
        ".xlsx workbook, and give that file.",
        f"{name} n'est pas un fichier texte : il semble binaire. Enregistrez votre tableau en CSV (UTF-8) "
        "ou en classeur Excel .xlsx, et donnez ce fichier.")
    if b"\x00" in data[:65536]:
        raise binary
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            where = f"byte {data[exc.start]:#04x} at position {exc.start}"
            where_fr = f"octet {data[exc.start]:#04x} à la position {exc.start}"
            raise Unreadable(
                f"{name} is neither UTF-8 nor Windows-1252 text ({where}). Save it again as \"CSV UTF-8\" "
                "from Excel.",
                f"{name} n'est ni du texte UTF-8 ni du Windows-1252 ({where_fr}). Enregistrez-le à nouveau "
                "depuis Excel en « CSV UTF-8 ».") from exc
    sample = text[:8192]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    if controls > max(4, len(sample) // 100):
        raise binary
    return text


def sniff_delimiter(text: str) -> str:
    """`;`, `,` or tab: the most frequent outside quotes on the header line (`,` on a tie)."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in text[:65536]:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            if ch in "\r\n":
                break
            if ch in counts:
                counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


# ----------------------------------------------------------------------------- headers

@dataclass(slots=True)
class _Header:
    """Where each canonical column sits; what lies in the other positions is not read."""

    positions: list[tuple[int, str]]  # (cell index, canonical column)
    unknown: list[int]  # indexes of headers naming no column (or a column a second time)
    width: int  # cells up to the last non-empty header

    def off_table(self, indexes: Iterable[int]) -> bool:
        """Do these filled cells include one under an empty header or right of the table?"""
        named = {i for i, _ in self.positions} | set(self.unknown)
        return any(i not in named for i in indexes)


def _map_header(raw: RawSheet, cells: list[str], warnings: list[DatasetProblem],
                problems: list[DatasetProblem]) -> _Header:
    index = COLUMN_INDEX[raw.sheet.name]
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    positions: list[tuple[int, str]] = []
    unknown: list[int] = []
    for i, text in enumerate(cells):
        written = strip_controls(text).strip()
        if not written:
            continue
        column = index.get(header_key(written))
        if column is None:
            unknown.append(i)
            warnings.append(problem(
                raw.where, 1, written, None,
                "is not a column of this sheet; it is ignored (see docs/dataset-format.md)",
                "n'est pas une colonne de cette feuille ; elle est ignorée (voir docs/dataset-format.md)"))
        elif column.name in raw.headers:
            unknown.append(i)
            problems.append(problem(
                raw.where, 1, written, None,
                f"is the same column as {raw.headers[column.name]}; keep only one of them",
                f"est la même colonne que {raw.headers[column.name]} ; n'en gardez qu'une"))
        else:
            raw.headers[column.name] = written
            positions.append((i, column.name))
    return _Header(positions, unknown, len(cells))


def _off_table_warning(raw: RawSheet, warnings: list[DatasetProblem], line: int) -> None:
    warnings.append(problem(
        raw.where, line, None, None,
        "has values outside the table (under no header); they are ignored",
        "a des valeurs hors du tableau (sous aucun en-tête) ; elles sont ignorées"))


# ----------------------------------------------------------------------------- CSV and JSON text cells

def _text_cell(raw: RawSheet, line: int, header: str, value: str, triggers: frozenset[str],
               problems: list[DatasetProblem]) -> str | None:
    """A stripped text cell; None when it looks like a formula (reported here)."""
    if looks_like_formula(value):
        problems.append(problem(
            raw.where, line, header, shown(value),
            "looks like a spreadsheet formula; type the value itself (to keep it as text, start the cell "
            "with an apostrophe ')",
            "ressemble à une formule de tableur ; écrivez la valeur elle-même (pour la garder comme texte, "
            "commencez la cellule par une apostrophe ')"))
        return None
    return unquote(value, triggers)


def _swallowed(raw: RawSheet, found: Swallowed, header_cells: list[str], problems: list[DatasetProblem]
               ) -> None:
    header = strip_controls(header_cells[found.index]).strip() if found.index < len(header_cells) else None
    more_en = more_fr = ""
    if found.count > 1:
        others = found.count - 1
        more_en = f" (and {others} more line{'s' if others > 1 else ''})"
        more_fr = f", ainsi que {others} autre{'s' if others > 1 else ''} ligne{'s' if others > 1 else ''}"
    row = shown(found.text, 60)
    problems.append(problem(
        raw.where, found.opened, header or None, None,
        f'opens with a double quote (") closed only further down, so line {found.first} of the file, '
        f'which looks like a whole row ("{row}"), was read as part of this cell{more_en}; remove that '
        "quote, or close it where the cell ends",
        f"commence par un guillemet (\") refermé seulement plus bas : la ligne "
        f"{found.first} du fichier, qui ressemble à une ligne entière du tableau (« {row} »), a été lue "
        f"comme la suite de cette cellule{more_fr} ; retirez ce guillemet, ou refermez-le là où la "
        "cellule se termine"))


# A long description pasted from a document can exceed the csv module's default limit of 131,072
# characters a cell ("field larger than field limit"): the upload cap bounds a file anyway.
csv.field_size_limit(256 * 1024 * 1024)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The physical lines of `text`, ends kept (\n, \r\n or \r), as `io.StringIO(text, newline="")`
    gives them, without its copy: StringIO holds 4 bytes a character, 200 MB for a 50 MB file."""
    for match in _LINE.finditer(text):
        yield match.group()


def read_csv(data: bytes, name: str, sheet: Sheet, book: RawBook, progress: ReadProgress = silent
             ) -> RawSheet:
    """One CSV file as one sheet. Delimiter and encoding are sniffed; quoted newlines are kept."""
    text = decode(data, name)
    raw = RawSheet(sheet, name)
    if not text.strip():
        raw.has_header = False
        return raw
    delimiter = sniff_delimiter(text)
    reader = csv.reader(_lines(text), delimiter=delimiter)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4096]
    dirty = (utf16 or bytes_may_have_controls(data)) and has_controls(text)  # fast bytes test first
    cleaner = Cleaner(name, book.warnings) if dirty else None
    try:
        header_cells = next(reader)
        header = _map_header(raw, header_cells, book.warnings, book.problems)
        positions, headers = header.positions, raw.headers
        unknown = set(header.unknown)
        unread = [i for i in range(header.width) if i not in {p for p, _ in positions}]
        off_table_reported = False
        starts: list[int] | None = None  # where each physical line starts, once a record needs it
        end = reader.line_num  # physical line where the previous record ended
        for line, cells in enumerate(reader, start=2):
            if not (line - 1) % EVERY:
                progress(READ, line - 1, 0)
            start, end = end + 1, reader.line_num
            if end > start:  # a record over several lines: did a stray quote swallow rows?
                starts = starts or line_starts(text)
                lines = [text[starts[k - 1]:starts[k]] for k in range(start, min(end, len(starts) - 1) + 1)]
                found = swallowed_rows(lines, cells, start, header_cells and len(header_cells) - 1, delimiter)
                if found is not None:
                    _swallowed(raw, found, header_cells, book.problems)
            values: dict[str, str] = {}
            flagged: set[str] = set()
            n = len(cells)
            for i, column in positions:
                if i < n:
                    value = cells[i].strip()
                    if cleaner is not None and value and has_controls(value):
                        value = cleaner.cell(line, headers[column], value)
                    if value:
                        if value[0] == "=" or value[0] == "'":
                            checked = _text_cell(raw, line, headers[column], value, CSV_TRIGGERS,
                                                 book.problems)
                            if checked is None:
                                flagged.add(column)
                                continue
                            value = checked
                        values[column] = value
            filled = [i for i in unread if i < n and cells[i].strip()]  # cells not read: data?
            if n > header.width:
                filled += [i for i in range(header.width, n) if cells[i].strip()]
            if filled and not off_table_reported and header.off_table(filled):
                off_table_reported = True
                _off_table_warning(raw, book.warnings, line)
            if not values and not flagged and not any(i in unknown for i in filled):
                continue  # a blank row, or notes beside the table
            raw.rows.append(RawRow(line, values, frozenset(flagged) if flagged else NO_FLAGS))
    except StopIteration:
        raw.has_header = False
    except csv.Error as exc:
        raise Unreadable(f"{name} is not a readable CSV file (line {reader.line_num}: {exc}).",
                         f"{name} n'est pas un fichier CSV lisible (ligne {reader.line_num} : {exc})."
                         ) from exc
    if cleaner is not None:
        cleaner.finish()
    progress(READ, len(raw.rows), 0)
    return raw


def _json_value(value: object) -> str | None:
    """A JSON value as cell text; None for what no cell can hold (an object)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | int | float):
        return number_text(value)
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict) and {"number", "source", "confidence"} <= item.keys():
                parts.append(f"{item['number']} ({item['source']}, {item['confidence']})")  # inferred SDG
                continue
            text = _json_value(item)
            if text is None or isinstance(item, list):
                return None
            if text:
                parts.append(text)
        return "; ".join(parts)
    return None


def _json_records(raw: RawSheet, records: list, book: RawBook) -> None:
    index = COLUMN_INDEX[raw.sheet.name]
    unknown: set[str] = set()
    cleaner = Cleaner(raw.where, book.warnings)
    for line, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            book.problems.append(problem(
                raw.where, line, None, shown(json.dumps(record, ensure_ascii=False)),
                'is not a record: expected {"column": value, ...}',
                'n\'est pas un enregistrement : attendu {"colonne": valeur, ...}'))
            continue
        values: dict[str, str] = {}
        flagged: set[str] = set()
        for key, value in record.items():
            key = strip_controls(str(key))
            column = index.get(header_key(key))
            if column is None:
                if key not in unknown:
                    unknown.add(key)
                    book.warnings.append(problem(
                        raw.where, line, str(key), None,
                        "is not a column of this sheet; it is ignored (see docs/dataset-format.md)",
                        "n'est pas une colonne de cette feuille ; elle est ignorée "
                        "(voir docs/dataset-format.md)"))
                continue
            raw.headers.setdefault(column.name, str(key))
            text = _json_value(value)
            if text and has_controls(text):
                text = cleaner.cell(line, str(key), text)
            if text is None:
                flagged.add(column.name)
                book.problems.append(problem(
                    raw.where, line, str(key), shown(json.dumps(value, ensure_ascii=False)),
                    "expected a text, a number or a list of them",
                    "attendu : un texte, un nombre ou une liste de textes ou de nombres"))
                continue
            if text and text[0] in "='":
                checked = _text_cell(raw, line, str(key), text, JSON_TRIGGERS, book.problems)
                if checked is None:
                    flagged.add(column.name)
                    continue
                text = checked
            if text:
                values[column.name] = text
        raw.rows.append(RawRow(line, values, frozenset(flagged) if flagged else NO_FLAGS))
    cleaner.finish()


def _keyed_by_id(sheet: Sheet, value: object) -> bool:
    """An object whose values are records ({"crest-solidaire": {"nom": ...}, ...}): the ids were made
    keys instead of a list. Refused rather than guessed: read as one record it only gave « colonnes
    obligatoires vides », and a dataset sheet (one record) is the only place an object is a record."""
    return (sheet is not DATASET and isinstance(value, dict) and bool(value)
            and all(isinstance(v, dict) for v in value.values()))


def read_json(data: bytes, name: str, book: RawBook) -> None:
    """A JSON file: {"jeu": {...}, "acteurs": [...], ...}, or a list of actors.

    Top-level text values (id, name/nom, source, description) describe the dataset, so the output of
    `ecosystem.model.dataset_to_dict` reads back as is.
    """
    text = decode(data, name)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(
            f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
            f"{name} n'est pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno} : {exc.msg})."
        ) from exc
    if isinstance(document, list):
        document = {ACTORS.fr: document}
    if not isinstance(document, dict):
        raise Unreadable(f'{name} must hold a JSON object {{"acteurs": [...], ...}} or a list of actors.',
                         f'{name} doit contenir un objet JSON « {{"acteurs": [...], ...}} » ou une liste '
                         "d'acteurs.")
    meta: dict[str, object] = {}
    dataset_keys = COLUMN_INDEX[DATASET.name]
    for key, value in document.items():
        sheet = sheet_for(str(key))
        if sheet is not None and _keyed_by_id(sheet, value):
            keys = shown(", ".join(map(str, value)), 60)
            book.problems.append(problem(
                f"{name} ({key})", None, None, None,
                f"holds an object keyed by id ({keys}) where a list of records was expected: write "
                f'"{key}": [{{"id": "...", ...}}, ...], each id inside its record',
                f"contient un objet dont les clés sont des identifiants ({keys}), alors qu'une liste "
                f'était attendue : écrivez « "{key}": [{{"id": "...", ...}}, ...] », chaque identifiant '
                "dans son enregistrement"))
            book.add(RawSheet(sheet, f"{name} ({key})", keyed=True))  # present: no « feuille absente »
        elif sheet is not None and isinstance(value, list | dict):
            raw = RawSheet(sheet, f"{name} ({key})", keyed=True)
            _json_records(raw, [value] if isinstance(value, dict) else value, book)
            book.add(raw)
        elif header_key(str(key)) in dataset_keys and not isinstance(value, list | dict):
            meta[str(key)] = value
        else:
            book.ignored.append(f"{name} ({key})")
            book.warnings.append(problem(
                name, None, str(key), None,
                "is not a known sheet or dataset field; it is ignored",
                "n'est ni une feuille ni un champ du jeu connu ; il est ignoré"))
    if meta and DATASET.name not in book.sheets:
        raw = RawSheet(DATASET, name, keyed=True)
        _json_records(raw, [meta], book)
        book.add(raw)


# ----------------------------------------------------------------------------- Excel workbooks

def _xlsx_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool | int | float):
        return number_text(value)
    return str(value).strip()


def _xlsx_rows(workbook, worksheet, merged: list[str] | None = None
               ) -> Iterator[tuple[int, dict[int, tuple[str, object]]]]:
    """(row number, {column index (0-based): (data type, value)}) for the non-empty rows of a tab.

    openpyxl's read-only parser is used directly so that a formula cell without a cached result
    (a file written by a program that never calculated it) can be told from an empty cell: with
    data_only=True both read as None. Once the rows are read, `merged` receives the tab's merged
    ranges ("B1:C1"): a read-only worksheet does not expose them, and a merged cell keeps its value
    in its first cell only, so the others would read as empty without a word.
    """
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element):  # type: ignore[override]
            cell = super().parse_cell(element)
            if cell["value"] is None:
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["data_type"] = "formula"
                    cell["value"] = "=" + (formula.text or "")
            return cell

    with worksheet._get_source() as source:
        parser = Parser(source, worksheet._shared_strings, data_only=True, epoch=workbook.epoch,
                        date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats)
        for number, cells in parser.parse():
            found = {c["column"] - 1: (c["data_type"], c["value"]) for c in cells if c["value"] is not None}
            if found:
                yield number, found
        if merged is not None and parser.merged_cells is not None:
            merged.extend(str(m.ref) for m in parser.merged_cells.mergeCell)


def _xlsx_sheet(workbook, worksheet, sheet: Sheet, book: RawBook, progress: ReadProgress = silent
                ) -> RawSheet:
    raw = RawSheet(sheet, worksheet.title)
    merged: list[str] = []
    rows = _xlsx_rows(workbook, worksheet, merged)
    first = next(rows, None)
    if first is None:
        raw.has_header = False
        return raw
    header_line, header_cells = first  # rows above the header are empty; line numbers stay those Excel shows
    width = max(header_cells) + 1
    cells = [_xlsx_text(header_cells[i][1]) if i in header_cells else "" for i in range(width)]
    header = _map_header(raw, cells, book.warnings, book.problems)
    off_table_reported = False
    cleaner = Cleaner(raw.where, book.warnings)
    for count, (line, found) in enumerate(rows, start=1):
        if not count % EVERY:
            progress(READ, count, 0)
        values: dict[str, str] = {}
        flagged: set[str] = set()
        for i, column in header.positions:
            cell = found.get(i)
            if cell is None:
                continue
            data_type, value = cell
            written = raw.headers[column]
            if data_type == "formula":
                flagged.add(column)
                book.problems.append(problem(
                    raw.where, line, written, shown(str(value)),
                    "is a formula whose result was never calculated; open the file in Excel or LibreOffice, "
                    "copy the cells and paste them as values (Paste special > Values), then save",
                    "est une formule dont le résultat n'a jamais été calculé ; ouvrez le fichier dans Excel "
                    "ou LibreOffice, copiez les cellules et collez-les en valeurs (Collage spécial > "
                    "Valeurs), puis enregistrez"))
                continue
            if data_type == "e":
                flagged.add(column)
                book.problems.append(problem(
                    raw.where, line, written, str(value),
                    "is a spreadsheet error; correct the formula or type the value",
                    "est une erreur de tableur ; corrigez la formule ou tapez la valeur"))
                continue
            text = _xlsx_text(value)
            if data_type == "s" and has_controls(text):
                text = cleaner.cell(line, written, text)
            if text[:1] == "'":
                text = unquote(text, CSV_TRIGGERS)
            if text:
                values[column] = text
        if not off_table_reported and header.off_table(found):
            off_table_reported = True
            _off_table_warning(raw, book.warnings, line)
        if values or flagged or any(i in header.unknown for i in found):
            raw.rows.append(RawRow(line, values, frozenset(flagged) if flagged else NO_FLAGS))
    cleaner.finish()
    _merged_cells(raw, merged, header_line, cells, {i for i, _ in header.positions}, book.problems)
    return raw


def _merged_cells(raw: RawSheet, merged: list[str], header_line: int, header: list[str],
                  known: set[int], problems: list[DatasetProblem]) -> None:
    """Refuse merged cells that lose part of the table: a merged range keeps its value in its first
    cell only, so a header merged over two columns leaves the second without a name (its values would
    be dropped) and a value merged down several rows leaves the rows below empty. A merge over notes
    (unknown columns, right of the table, a title above it) loses nothing read and is left alone.
    `known` holds the 0-based indexes of the columns read. One located error per range."""
    from openpyxl.utils.cell import get_column_letter, range_boundaries

    for ref in merged:
        try:
            first_col, first_row, last_col, last_row = range_boundaries(ref)
        except ValueError:
            continue
        columns = set(range(first_col - 1, last_col))
        in_header = first_row <= header_line <= last_row and last_col > first_col and first_col <= len(header)
        hidden = (columns - {first_col - 1} if last_row == first_row else columns) & known
        if last_row < header_line or not (in_header or hidden):
            continue
        written = header[first_col - 1].strip() if first_col - 1 < len(header) else ""
        span_en = (f"columns {get_column_letter(first_col)} to {get_column_letter(last_col)}"
                   if last_col > first_col else f"rows {first_row} to {last_row}")
        span_fr = (f"les colonnes {get_column_letter(first_col)} à {get_column_letter(last_col)}"
                   if last_col > first_col else f"les lignes {first_row} à {last_row}")
        problems.append(problem(
            raw.where, first_row, written or get_column_letter(first_col), ref,
            f"is a cell merged over {span_en}: only its first cell holds a value and the others read as "
            "empty; unmerge it (Home > Merge & Center) and give each column its own header and each row "
            "its own value",
            f"est une cellule fusionnée sur {span_fr} : seule sa première case porte une valeur, les "
            "autres sont lues vides ; annulez la fusion (Accueil > Fusionner et centrer) et donnez à chaque "
            "colonne son en-tête et à chaque ligne sa valeur"))


def read_workbook(data: bytes, name: str, book: RawBook, progress: ReadProgress = silent) -> None:
    """Every tab of an .xlsx workbook named after a sheet; help tabs skipped, others reported."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise Unreadable(f"{name} is not a readable Excel workbook ({exc}). Open it in Excel and save it "
                         "again as .xlsx.",
                         f"{name} n'est pas un classeur Excel lisible ({exc}). Ouvrez-le dans Excel et "
                         "enregistrez-le à nouveau en .xlsx.") from exc
    try:
        for worksheet in workbook.worksheets:
            title = worksheet.title
            if header_key(title) in IGNORED_SHEETS:
                continue
            sheet = sheet_for(title)
            if sheet is None:
                book.ignored.append(title)
                book.warnings.append(problem(
                    title, None, None, None,
                    "is not a known sheet (acteurs, politiques, alliances, membres, evaluations, jeu); "
                    "it is ignored",
                    "n'est pas une feuille connue (acteurs, politiques, alliances, membres, evaluations, "
                    "jeu) ; elle est ignorée"))
                continue
            book.add(_xlsx_sheet(workbook, worksheet, sheet, book, progress))
    finally:
        workbook.close()


# ----------------------------------------------------------------------------- files and folders

def read_files(files: Mapping[str, bytes], label: str = "", progress: ReadProgress = silent) -> RawBook:
    """Raw sheets from uploaded files: one .xlsx, one .json, or CSV files (one per sheet).

    CSV files are matched to sheets by name (acteurs.csv, alliances.csv, drome_membres.csv ...); a
    lone CSV whose name names no sheet holds the actors. Raises UnreadableFile when a file cannot be
    read at all (an `Unreadable`, which also says it in French).
    """
    files = {strip_controls(name): data for name, data in files.items()}  # names are shown in messages
    label = strip_controls(label)
    names = list(files)
    book = RawBook(label or (names[0] if len(names) == 1 else ", ".join(names)))
    if not names:
        raise Unreadable("No file was given: give an .xlsx workbook, a .json file or .csv files.",
                         "Aucun fichier : donnez un classeur .xlsx, un fichier .json ou des fichiers .csv.")
    progress(READ, 0, 0)  # a first sign before the bytes are decoded: 50 MB take a moment
    formats = {n: sniff_format(n, files[n][:64]) for n in names}
    whole = [n for n in names if formats[n] != "csv"]
    if whole and len(names) > 1:
        raise Unreadable(
            f"{', '.join(whole)}: give either one Excel workbook, one JSON file, or CSV files (one per "
            "sheet), not a mix.",
            f"{', '.join(whole)} : donnez soit un classeur Excel, soit un fichier JSON, soit des fichiers "
            "CSV (un par feuille), sans les mélanger.")
    if whole:
        (name,) = whole
        if formats[name] == "xlsx":
            read_workbook(files[name], name, book, progress)
        else:
            read_json(files[name], name, book)
        return book
    for name in names:
        stem = PurePath(name).stem
        sheet = sheet_for(stem) or (ACTORS if len(names) == 1 else None)
        if sheet is None:
            book.ignored.append(name)
            book.warnings.append(problem(
                name, None, None, None,
                "is not named after a sheet (acteurs, politiques, alliances, membres, evaluations, jeu); "
                "it is ignored",
                "ne porte pas le nom d'une feuille (acteurs, politiques, alliances, membres, evaluations, "
                "jeu) ; il est ignoré"))
            continue
        book.add(read_csv(files[name], name, sheet, book, progress))
    return book


def files_from_path(path: Path) -> dict[str, bytes]:
    """{file name: bytes} for a file, or for the data files of a folder (hidden and lock files skipped)."""
    path = Path(path)
    if path.is_file():
        return {path.name: path.read_bytes()}
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in DATA_SUFFIXES
                       and not p.name.startswith((".", "~$")))
        if not found:
            raise Unreadable(f"The folder {path} holds no .csv, .xlsx or .json file.",
                             f"Le dossier {path} ne contient aucun fichier .csv, .xlsx ou .json.")
        return {p.name: p.read_bytes() for p in found}
    raise Unreadable(f"{path} does not exist: check the path.", f"{path} n'existe pas : vérifiez le chemin.")

