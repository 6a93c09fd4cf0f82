"""Register cells cleaned of control characters, with where they were.

Public registers carry the odd control character (a vertical tab in an RNA `objet`, an ESC pasted
into a name): kept, it would break the GraphML and GEXF exports and print escape sequences in
terminals. The readers pass each cell they use through `Cleaning.cell`; the import summary says how many
cells were cleaned and where the first `LIMIT` of them are (file, line, column), so that a person
can check the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ecosystem.controls import codes, has_controls, strip_controls

LIMIT = 20


@dataclass(frozen=True, slots=True)
class CleanedCell:
    file: str
    line: int
    column: str
    codes: str  # the characters removed, e.g. "U+000B, U+001B"


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What was cleaned during an import: every cell counted, the first LIMIT located."""

    count: int = 0
    cells: tuple[CleanedCell, ...] = ()

    def lines(self, lang: str = "fr") -> list[str]:
        """Summary lines; none when nothing was cleaned."""
        if not self.count:
            return []
        plural = "s" if self.count > 1 else ""
        if lang == "fr":
            head = (f"Caractères de contrôle invisibles retirés : {self.count} cellule{plural} "
                    "(vérifiez ces valeurs dans le registre)")
            where = [f"  - {c.file}, ligne {c.line}, colonne {c.column} : {c.codes}" for c in self.cells]
        else:
            head = (f"Invisible control characters removed: {self.count} cell{plural} "
                    "(check them in the register)")
            where = [f"  - {c.file}, line {c.line}, column {c.column}: {c.codes}" for c in self.cells]
        more = self.count - len(self.cells)
        if more > 0:
            where.append(f"  - … et {more} autre{'s' if more > 1 else ''}" if lang == "fr"
                         else f"  - … and {more} more")
        return [head, *where]


@dataclass(slots=True)
class Cleaning:
    """Collects the cleaned cells of the files of one import."""

    count: int = 0
    cells: list[CleanedCell] = field(default_factory=list)

    def cell(self, file: str, line: int, column: str, value: str) -> str:
        """`value` without control characters; a cleaned cell is recorded."""
        if not has_controls(value):
            return value
        self.count += 1
        if len(self.cells) < LIMIT:
            self.cells.append(CleanedCell(file, line, column, codes(value)))
        return strip_controls(value)

    def result(self) -> Cleaned:
        return Cleaned(self.count, tuple(self.cells))
