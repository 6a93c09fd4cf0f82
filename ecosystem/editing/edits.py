"""A one-record change written as a new version of its dataset, through the one write path.

`Edits(writes)` checks on the server that the principal may edit the dataset (`Action.EDIT`:
administrators, contributors granted the dataset), then builds the change as a patch of the few
records it touches, validated as a file would be (`patches`), and writes it with
`Writes.apply_patch`: the role checked again for the load, the reload guard, the history (the
version replaced is kept as the edit taken back, so one click on « Restaurer » undoes an edit) and
the audit log (action `edit`). A viewer's forged request stops at the check, before anything is read.

Nothing here reads the whole dataset: at 100,000 actors that read, and validating every row again,
was the whole cost of an edit. The one exception is a change of a record's id, which renames it in
every reference across the dataset (`records.with_record`, then `Writes.load`).

Retiring a record is a deliberate, one-record change: the reload guard (meant for a workbook that
silently drops a fifth of a dataset) is not asked for a second confirmation there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ecosystem.access.roles import Action, Target
from ecosystem.access.writes import Writes
from ecosystem.datasets.patch import Patch
from ecosystem.editing import patches
from ecosystem.editing.records import RecordKind, with_record
from ecosystem.model import Dataset, MemberRole
from ecosystem.store.base import LoadReport


@dataclass(frozen=True, slots=True)
class Edited:
    """What an edit did: the patch written (None for a rename, written whole), the id of the record
    touched, and the store's report."""

    patch: Patch | None
    record: str
    report: LoadReport


@dataclass(frozen=True)
class Edits:
    """The edits `writes.principal` may make; each is checked before the store is read."""

    writes: Writes

    def check(self, dataset_id: str) -> None:
        self.writes.check(Action.EDIT, Target(dataset=dataset_id))

    def _lookup(self, dataset_id: str) -> patches.Lookup:
        return patches.Lookup(self.writes.store, dataset_id)

    def _write(self, patch: Patch, undo: Patch, record: str, force: bool = False) -> Edited:
        if patch.size == 0 or _same(patch, undo):  # nothing changed: nothing written, as a same file
            return Edited(patch, record, LoadReport(patch.dataset, "unchanged", 0, 0, 0.0))
        report = self.writes.apply_patch(patch, undo, force=force, action="edit")
        return Edited(patch, record, report)

    def save(self, dataset_id: str, kind: RecordKind, cells: Mapping[str, str], replaces: str | None = None,
             lang: str = "fr") -> Edited:
        """Create (`replaces` None) or change one actor, policy or alliance of `dataset_id`."""
        self.check(dataset_id)
        try:
            patch, undo, record = patches.record_patch(self._lookup(dataset_id), patches.KIND_OF[kind],
                                                       cells, replaces, lang)
        except patches.Renamed:
            return self._renamed(dataset_id, kind, cells, replaces or "", lang)
        return self._write(patch, undo, record)

    def _renamed(self, dataset_id: str, kind: RecordKind, cells: Mapping[str, str], replaces: str,
                 lang: str) -> Edited:
        """An id changed: the whole dataset, every reference renamed, written as a new version."""
        new: Dataset = with_record(self.writes.store.dataset(dataset_id), kind, cells, replaces, lang)
        report = self.writes.load(new, action="edit")
        return Edited(None, cells.get("id") or replaces, report)

    def retire(self, dataset_id: str, kind: RecordKind, record_id: str, lang: str = "fr") -> Edited:
        """Retire one record (kept in the history: restoring the previous version brings it back)."""
        self.check(dataset_id)
        patch, undo = patches.retire_patch(self._lookup(dataset_id), patches.KIND_OF[kind], record_id, lang)
        return self._write(patch, undo, record_id, force=True)

    def set_members(self, dataset_id: str, alliance_id: str, members: Sequence[tuple[str, MemberRole | str]],
                    lang: str = "fr") -> Edited:
        """Replace the members of one alliance (a what-if applied, or the members form)."""
        self.check(dataset_id)
        patch, undo = patches.members_patch(self._lookup(dataset_id), alliance_id, members, lang)
        return self._write(patch, undo, alliance_id)


def _same(patch: Patch, undo: Patch) -> bool:
    """A patch that puts back exactly what is there and takes nothing away."""
    return (not patch.removed or not any(patch.removed.values())) and not undo.removed and all(
        getattr(patch, kind) == getattr(undo, kind)
        for kind in ("actors", "policies", "alliances", "memberships", "assessments"))
