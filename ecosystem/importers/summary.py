"""What an import did, in numbers and as findings, for the CLI and the Données page.

`ImportSummary.findings()` decides once which lines the summary has (a line per file, the merge
counts, the rejects by reason, the warnings...); `summary_text` writes them in French or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ecosystem.finding import Finding, Ref
from ecosystem.importers import summary_text
from ecosystem.importers.cleaning import Cleaned
from ecosystem.importers.merge import MergeCounts
from ecosystem.importers.rejects import REASONS

DATASET_NAMES = {
    "rna": "Associations du RNA", "sirene": "Établissements SIRENE",
    "collectivites": "Collectivités territoriales",
}
STEPS = {
    "lecture": ("Lecture", "Reading"),
    "unites-legales": ("Unités légales", "Legal units"),
    "chargement": ("Chargement", "Loading"),
}
"""Steps reported to progress callbacks as progress(step, done, total)."""


class Line(StrEnum):
    """The lines an import summary can have, in the order they are written."""

    TITLE = "title"  # kinds: the register; refs: the dataset (id); labels: the territory's label
    STATUS = "status"  # kinds: loaded, replaced, unchanged or dry-run
    FILE = "file"  # refs: the file; labels: its layout and encoding; count: its rows
    IMPORTED = "imported"  # counts: active, added, updated, unchanged
    REACTIVATED = "reactivated"  # count
    INACTIVATED = "inactivated"  # count (always written, even 0)
    KEPT = "kept"  # count: unreadable this time, kept as they were
    DROPPED = "dropped"  # count
    LINKED = "linked"  # count: RNA records folded into a SIRENE actor; refs: other datasets updated
    REJECTED = "rejected"  # count: all; counts: reason code -> rows, in REASONS order
    OUTSIDE = "outside"  # count: rows of other territories, ignored
    INFERRED = "inferred"  # count: SDG links inferred; total: actors having one
    WARNING = "warning"  # kinds: the code of WARNINGS


@dataclass(frozen=True, slots=True)
class FileRead:
    name: str
    layout: str
    encoding: str
    rows: int


@dataclass(frozen=True)
class ImportSummary:
    register: str  # "rna", "sirene", "collectivites"
    dataset_id: str
    dataset_name: str
    territory: str  # territory id
    territory_label: str
    files: tuple[FileRead, ...]
    rows: int  # records read in the files (header excluded)
    outside: int  # valid rows of other territories, ignored
    rejected: dict[str, int]  # reason -> rows not imported (in the territory), in REASONS order
    merge: MergeCounts
    linked: int  # records folded into an actor of another register (one-actor rule)
    linked_datasets: tuple[str, ...]  # other import datasets updated because of it
    inferred_actors: int  # active actors with at least one inferred SDG
    inferred_links: int
    status: str  # store load status: "loaded", "replaced", "unchanged", or "dry-run"
    warnings: tuple[str, ...] = field(default=())  # codes of summary_text.WARNINGS
    cleaned: Cleaned = field(default=Cleaned())  # cells whose control characters were removed

    @property
    def dry_run(self) -> bool:
        return self.status == "dry-run"

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    def findings(self) -> tuple[Finding, ...]:
        """The lines of the summary as data, in order (the optional ones only when they say something)."""
        m = self.merge
        found = [Finding(Line.TITLE, (Ref(self.dataset_id, self.dataset_name),), kinds=(self.register,),
                         places=(self.territory,), labels=(self.territory_label,)),
                 Finding(Line.STATUS, kinds=(self.status,))]
        found += [Finding(Line.FILE, (Ref(f.name, f.name),), labels=(f.layout, f.encoding), count=f.rows)
                  for f in self.files]
        found.append(Finding(Line.IMPORTED, counts=(("active", m.active), ("added", m.added),
                                                    ("updated", m.updated), ("unchanged", m.unchanged))))
        found += _when(m.reactivated, Finding(Line.REACTIVATED, count=m.reactivated))
        found.append(Finding(Line.INACTIVATED, count=m.inactivated))
        found += _when(m.kept, Finding(Line.KEPT, count=m.kept))
        found += _when(m.dropped, Finding(Line.DROPPED, count=m.dropped))
        found += _when(self.linked, Finding(Line.LINKED, tuple(Ref(d, d) for d in self.linked_datasets),
                                            count=self.linked))
        found.append(Finding(Line.REJECTED, count=self.rejected_total,
                             counts=tuple((c, self.rejected[c]) for c in REASONS if self.rejected.get(c))))
        found += _when(self.outside, Finding(Line.OUTSIDE, count=self.outside))
        found += _when(self.register != "collectivites",
                       Finding(Line.INFERRED, count=self.inferred_links, total=self.inferred_actors))
        found += [Finding(Line.WARNING, kinds=(code,)) for code in self.warnings]
        return tuple(found)

    def lines(self, lang: str = "fr") -> list[str]:
        """The summary as short lines of text."""
        return summary_text.lines(self.findings(), lang) + self.cleaned.lines(lang)


def _when(condition: object, finding: Finding) -> list[Finding]:
    return [finding] if condition else []
