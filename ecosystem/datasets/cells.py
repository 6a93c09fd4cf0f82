"""Formula-safe cells: what our exports write and what our readers undo, exactly.

A spreadsheet runs a CSV cell starting with = + - @ (or a tab / carriage return) as a formula: an
exported description such as "=HYPERLINK(...)" would be an injection. Exports therefore prefix such
cells with an apostrophe, and the readers remove exactly that apostrophe. A value that already starts
with an apostrophe followed by such a cell is prefixed too, so that the round trip is exact.

JSON is not opened by spreadsheets, so it only guards "=" (which the readers report as a formula).

>>> neutralise("=1+1")
"'=1+1"
>>> unquote(neutralise("'=1+1"))
"'=1+1"
>>> unquote("'plain")
"'plain"
"""

from __future__ import annotations

CSV_TRIGGERS = frozenset("=+-@\t\r")
JSON_TRIGGERS = frozenset("=")


def _needs_quote(value: str, triggers: frozenset[str]) -> bool:
    index = 0
    while index < len(value) and value[index] == "'":
        index += 1
    return index < len(value) and value[index] in triggers


def neutralise(value: str, triggers: frozenset[str] = CSV_TRIGGERS) -> str:
    """The cell as an export writes it."""
    return "'" + value if _needs_quote(value, triggers) else value


def unquote(value: str, triggers: frozenset[str] = CSV_TRIGGERS) -> str:
    """The inverse of `neutralise`: strip the one apostrophe an export added, nothing else."""
    if value.startswith("'") and _needs_quote(value[1:], triggers):
        return value[1:]
    return value


def looks_like_formula(value: str) -> bool:
    """A CSV or JSON cell that a spreadsheet would compute rather than show."""
    return value.startswith("=") and len(value) > 1


def number_text(value: int | float) -> str:
    """A number typed in a spreadsheet cell, as the text a person meant: 26108.0 -> "26108".

    >>> number_text(26108.0), number_text(0.5), number_text(20004050900016)
    ('26108', '0.5', '20004050900016')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
