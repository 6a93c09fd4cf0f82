"""Text cells of a dataset cleaned of control characters, each cleaned cell a located warning.

The readers call `Cleaner.cell` on the cells that hold control characters (`ecosystem.controls`):
the value is kept, without them, and the person is told where, so that a stray ESC or vertical tab
copied from another program neither reaches the store nor breaks an export. A file full of them
gets its first `LIMIT` cells located and one count for the rest, not thousands of lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ecosystem.controls import codes, strip_controls
from ecosystem.datasets.problems import DatasetProblem, problem, shown

LIMIT = 20


@dataclass(slots=True)
class Cleaner:
    """Cleans the cells of one sheet (file or tab) and reports them into `warnings`."""

    where: str
    warnings: list[DatasetProblem] = field(repr=False)
    count: int = 0

    def cell(self, line: int, header: str | None, value: str) -> str:
        """`value` without control characters, stripped; the cell is reported when it had some."""
        clean = strip_controls(value).strip()
        if clean == value:
            return value
        self.count += 1
        if self.count <= LIMIT:
            found = codes(value)
            self.warnings.append(problem(
                self.where, line, header, shown(clean),
                f"held invisible control characters ({found}), which were removed; check the value",
                f"contenait des caractères de contrôle invisibles ({found}) ; ils ont été retirés, "
                "vérifiez la valeur"))
        return clean

    def finish(self) -> None:
        """Count the cleaned cells that were not reported one by one."""
        more = self.count - LIMIT
        if more > 0:
            cells_en, cells_fr = ("cell", "autre cellule") if more == 1 else ("cells", "autres cellules")
            self.warnings.append(problem(
                self.where, None, None, None,
                f"held control characters in {more} more {cells_en}, removed as well",
                f"contenait des caractères de contrôle dans {more} {cells_fr}, retirés aussi"))
