"""A one-record change written as a new version of its dataset, through the one write path.

`Edits(writes)` reads the live dataset from the store, builds the changed dataset (`records`), checks
on the server that the principal may edit that dataset (`Action.EDIT`: administrators, contributors
granted the dataset), then loads it with `Writes.load`: the reload guard, the history (the version
replaced is archived, so one click on « Restaurer » undoes an edit) and the audit log (action `edit`)
apply as to any load. A viewer's forged request stops at the check, before anything is read or built.

Retiring a record is a deliberate, one-record change: the reload guard (meant for a workbook that
silently drops a fifth of a dataset) is not asked for a second confirmation there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ecosystem.access.roles import Action, Target
from ecosystem.access.writes import Writes
from ecosystem.editing.records import RecordKind, with_members, with_record, without_record
from ecosystem.model import Dataset, MemberRole
from ecosystem.store.base import LoadReport


@dataclass(frozen=True, slots=True)
class Edited:
    """What an edit did: the dataset's new version as loaded, and the id of the record touched."""

    dataset: Dataset
    record: str
    report: LoadReport


@dataclass(frozen=True)
class Edits:
    """The edits `writes.principal` may make; each is checked before the store is read."""

    writes: Writes

    def check(self, dataset_id: str) -> None:
        self.writes.check(Action.EDIT, Target(dataset=dataset_id))

    def _write(self, new: Dataset, record: str, force: bool = False) -> Edited:
        report = self.writes.load(new, force=force, action="edit")
        return Edited(new, record, report)

    def save(self, dataset_id: str, kind: RecordKind, cells: Mapping[str, str], replaces: str | None = None,
             lang: str = "fr") -> Edited:
        """Create (`replaces` None) or change one actor, policy or alliance of `dataset_id`."""
        self.check(dataset_id)
        old = self.writes.store.dataset(dataset_id)
        new = with_record(old, kind, cells, replaces, lang)
        before = {r.id for r in _of(old, kind)}
        created = [r.id for r in _of(new, kind) if r.id not in before]
        record = created[0] if replaces is None and created else (cells.get("id") or replaces or "")
        return self._write(new, record)

    def retire(self, dataset_id: str, kind: RecordKind, record_id: str, lang: str = "fr") -> Edited:
        """Retire one record (kept in the history: restoring the previous version brings it back)."""
        self.check(dataset_id)
        new = without_record(self.writes.store.dataset(dataset_id), kind, record_id, lang)
        return self._write(new, record_id, force=True)

    def set_members(self, dataset_id: str, alliance_id: str, members: Sequence[tuple[str, MemberRole | str]],
                    lang: str = "fr") -> Edited:
        """Replace the members of one alliance (a what-if applied, or the members form)."""
        self.check(dataset_id)
        new = with_members(self.writes.store.dataset(dataset_id), alliance_id, members, lang)
        return self._write(new, alliance_id)


def _of(dataset: Dataset, kind: RecordKind) -> tuple:
    return {RecordKind.ACTOR: dataset.actors, RecordKind.POLICY: dataset.policies,
            RecordKind.ALLIANCE: dataset.alliances}[kind]
