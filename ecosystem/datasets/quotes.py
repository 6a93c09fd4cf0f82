"""A stray double quote in a CSV file: the quoted cell that swallowed what look like whole rows.

A `"` at the start of a cell opens a quoted cell that runs until the next `"`, line breaks included.
When the quote was typed by mistake, the cell swallows the rows that follow: the file still parses,
with one actor fewer, and nothing says so. A line inside a cell that holds as many separators as the
header line is almost surely such a swallowed row, so the reader reports an error naming both
lines (see `sources.read_csv`). Line numbers here are physical lines, as a text editor shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_SEPARATORS = 2  # a text line with one ";" is common: too little to tell a row of a tiny sheet
_LINE_END = re.compile(r"\r\n|\r|\n")  # what the csv module's line count counts


@dataclass(frozen=True, slots=True)
class Swallowed:
    """Where a quoted cell swallowed row-like lines."""

    index: int  # of the cell in its record
    opened: int  # line where that cell, and its quote, starts
    first: int  # first swallowed line
    count: int  # swallowed lines that look like rows
    text: str  # the first swallowed line


def line_starts(text: str) -> list[int]:
    """Offsets in `text` where each physical line starts, plus the end: line k is
    text[starts[k - 1]:starts[k]].

    >>> line_starts("a\\nb\\r\\nc")
    [0, 2, 5, 6]
    """
    return [0, *(m.end() for m in _LINE_END.finditer(text)), len(text)] if text else [0]


def swallowed_rows(lines: list[str], cells: list[str], start: int, separators: int,
                   delimiter: str) -> Swallowed | None:
    """The swallowed rows of one record spread over `lines` (physical lines, the first being line
    `start`), parsed into `cells`; None when no line after the first holds at least `separators`
    delimiters (what the header line has).

    >>> record = ['14;Nom;"Texte\\n', '15;Autre;"2;8";Texte\\n']
    >>> swallowed_rows(record, ["14", "Nom", 'Texte\\n15;Autre;2', '8"', "Texte"], 14, 3, ";")
    Swallowed(index=2, opened=14, first=15, count=1, text='15;Autre;"2;8";Texte')
    >>> swallowed_rows(['14;"deux\\n', 'lignes";x;y\\n'], ["14", "deux\\nlignes", "x", "y"], 14, 3, ";")
    """
    needed = max(separators, MIN_SEPARATORS)
    rows = [k for k in range(1, len(lines)) if lines[k].count(delimiter) >= needed]
    if not rows:
        return None
    first = start + rows[0]
    index, line = _cell_holding(cells, start, first)
    return Swallowed(index, line, first, len(rows), lines[rows[0]].rstrip("\r\n"))


def _cell_holding(cells: list[str], start: int, target: int) -> tuple[int, int]:
    """(index, first line) of the cell of a record starting on line `start` that spans line `target`."""
    line = start
    for index, cell in enumerate(cells):
        breaks = len(_LINE_END.findall(cell))
        if line < target <= line + breaks:
            return index, line
        line += breaks
    return len(cells) - 1, line
