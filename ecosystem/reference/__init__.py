"""The reference data shipped in data/reference/: SDGs, the charter's levers, French territories.

The folder is found by `ecosystem.resources` (the repository, or the copy inside an installed package).

Loaded once per process (`reference()`); both stores and the dataset validator share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ecosystem.reference.levers import Levers, load_levers
from ecosystem.reference.sdgs import Sdgs, load_sdgs
from ecosystem.reference.territories import Hierarchy, load_hierarchy
from ecosystem.resources import DATA_DIR, REFERENCE_DIR


@dataclass(frozen=True)
class Reference:
    sdgs: Sdgs
    levers: Levers
    hierarchy: Hierarchy


@cache
def reference(directory: Path = REFERENCE_DIR) -> Reference:
    """The shipped reference data, parsed once and shared (it is immutable)."""
    return Reference(
        sdgs=load_sdgs(directory / "sdgs.json"),
        levers=load_levers(directory / "levers.json"),
        hierarchy=load_hierarchy(directory / "territories.csv", directory / "territory_aliases.csv"),
    )


__all__ = ["DATA_DIR", "REFERENCE_DIR", "Hierarchy", "Levers", "Reference", "Sdgs", "reference"]
