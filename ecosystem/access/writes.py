"""Every write to the data goes through here: the role is checked on the server, then the store writes.

The app's pages and the CLI's commands call `Writes(store, principal)` instead of the store's own
write methods, so hiding a button is never what protects the data: a forged widget state or URL
reaches this check like any other request, and a refused write changes nothing.

A load that would drop more than a fifth of a dataset's actors (or all of them) is refused unless
forced (`ecosystem.history.guard`); the version a load replaces, and a removed dataset, go to the
archive (`ecosystem.history.archive`), from which `restore` loads them back.

Each write that changed something is then appended to the store's audit log (who, when, what:
dataset, version, records, counts). The entry follows the write: a crash between the two loses the
entry, never the data.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from ecosystem.access.roles import NOTHING, Action, Principal, Role, Target, require
from ecosystem.errors import NotFound, StoreUnavailable
from ecosystem.history.archive import Archive, Version
from ecosystem.history.guard import Drop, ReloadNeedsConfirmation, check_reload
from ecosystem.model import Assessment, Dataset
from ecosystem.store.base import AuditEntry, DatasetInfo, LoadReport, Progress, Store

if TYPE_CHECKING:  # datasets/ imports the spreadsheet libraries: not for `ecosystem --help`
    from ecosystem.datasets.patch import Patch

ACTION_OF_STATUS = {"loaded": "load", "replaced": "replace"}


class LoadedUnrecorded(StoreUnavailable):
    """A load that went through, whose audit entry and archive could not be written: the store went
    away right after. Its sentence says the data changed, unlike a plain StoreUnavailable."""


def now() -> str:
    """The audit log's clock: ISO 8601 UTC with microseconds, so entries sort in the order made."""
    return datetime.now(UTC).isoformat()


def cli_principal() -> Principal:
    """Whoever runs the CLI: it already holds the state folder and the database password, so it is
    an administrator; named after the system account for the audit log."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "cli"
    return Principal(name, Role.ADMIN, via="cli")


@dataclass(frozen=True)
class Writes:
    """The writes `principal` may make on `store`; each raises Forbidden before touching anything."""

    store: Store
    principal: Principal
    archive: Archive | None = field(default=None)

    def _archive(self) -> Archive:
        return self.archive if self.archive is not None else Archive.of(self.store)

    def check(self, action: Action, target: Target = NOTHING) -> None:
        require(self.principal, action, target)

    def _info(self, dataset_id: str) -> DatasetInfo | None:
        return next((d for d in self.store.datasets() if d.id == dataset_id), None)

    def audit(self, action: str, dataset: str = "", info: DatasetInfo | None = None,
              records: Sequence[str] = (), counts: tuple[tuple[str, int], ...] = ()) -> None:
        """Append what was just done to the audit log, in the principal's name."""
        version = info.checksum if info is not None else ""
        self.store.record_audit(AuditEntry(now(), self.principal.name, action, dataset, version,
                                           tuple(records), counts or (info.counts if info else ())))

    def load(self, dataset: Dataset, progress: Progress | None = None, force: bool = False,
             action: str = "") -> LoadReport:
        """Load or replace a dataset (administrators; contributors on the datasets granted).

        Raises ReloadNeedsConfirmation, before anything is written, when the new version would drop
        more than a fifth of the live one's actors or all of them, unless `force`."""
        self.check(Action.LOAD, Target(dataset=dataset.id))
        before = self._info(dataset.id)
        old = self.store.dataset(dataset.id) if before is not None else None
        if old is not None:
            check_reload(old, dataset, force)
        report = self.store.load(dataset, progress=progress)
        if report.status not in ACTION_OF_STATUS:
            return report
        try:
            self._after_load(dataset, report, before, old, action)
        except StoreUnavailable as lost:  # the load itself is done: say so, and what is missing
            raise LoadedUnrecorded(
                f"Dataset {dataset.id!r} was {report.status} ({report.rows} rows), but the store stopped "
                "answering right after: the audit log and the kept versions do not record it yet. "
                f"({lost.text('en')})",
                f"Le jeu « {dataset.id} » a bien été {'chargé' if report.status == 'loaded' else 'remplacé'} "
                f"({report.rows} lignes), mais la base a cessé de répondre juste après : le journal et "
                f"l'historique des versions ne l'enregistrent pas encore. ({lost.text('fr')})") from lost
        return report

    def apply_patch(self, patch: Patch, undo: Patch, force: bool = False, action: str = "edit") -> LoadReport:
        """An edit of a few records (`ecosystem.datasets.patch`): the role checked as for a load of
        its dataset; the reload guard asked about the actors it takes away; the version it replaces
        archived as `undo` (restorable like any other); audited. Nothing reads the whole dataset."""
        self.check(Action.LOAD, Target(dataset=patch.dataset))
        before = self._info(patch.dataset)
        if before is None:
            raise NotFound("dataset", patch.dataset, [d.id for d in self.store.datasets()][:20])
        gone = patch.gone("actors")
        if gone:
            names = {a.id: a.name for a in undo.actors}
            dropped = tuple(sorted((i, names.get(i, i)) for i in gone))
            drop = Drop(patch.dataset, before.count("actors"), dropped)
            if drop.alarming and not force:
                raise ReloadNeedsConfirmation(drop)
        report = self.store.apply_patch(patch, undo)
        try:
            after = self._info(patch.dataset)
            archive = self._archive()
            archive.archive_patch(undo, before, self.principal.name, now())
            if after is not None:
                archive.loaded(after, self.principal.name)
            self.audit(action, patch.dataset, after)
        except StoreUnavailable as lost:
            raise LoadedUnrecorded(
                f"Dataset {patch.dataset!r} was edited, but the store stopped answering right after: the "
                f"audit log and the kept versions do not record it yet. ({lost.text('en')})",
                f"Le jeu « {patch.dataset} » a bien été modifié, mais la base a cessé de répondre juste "
                "après : le journal et l'historique des versions ne l'enregistrent pas encore. "
                f"({lost.text('fr')})") from lost
        return report

    def _after_load(self, dataset: Dataset, report: LoadReport, before: DatasetInfo | None,
                    old: Dataset | None, action: str) -> None:
        """Archive the replaced version and audit the load (after the store switched)."""
        after = self._info(dataset.id)
        archive = self._archive()
        if old is not None and before is not None:
            archive.archive(old, before, self.principal.name, now(),
                            "restored over" if action == "restore" else "replaced")
        if after is not None:
            archive.loaded(after, self.principal.name)
        self.audit(action or ACTION_OF_STATUS[report.status], dataset.id, after)

    def remove(self, dataset_id: str) -> None:
        """Remove a dataset (administrators only); it stays in the archive until purged."""
        self.check(Action.REMOVE, Target(dataset=dataset_id))
        before = self._info(dataset_id)
        old = self.store.dataset(dataset_id) if before is not None else None
        self.store.remove_dataset(dataset_id)
        if old is not None and before is not None:
            self._archive().archive(old, before, self.principal.name, now(), "removed")
        self.audit("remove", dataset_id, counts=before.counts if before else ())

    def history(self, dataset_id: str) -> list[Version]:
        """The archived versions of a dataset, oldest first (anyone may read them)."""
        return self._archive().versions(dataset_id)

    def restore(self, dataset_id: str, version: int, force: bool = False,
                progress: Progress | None = None) -> LoadReport:
        """Load an archived version back (administrators; contributors on the datasets granted); the
        version it replaces is archived in turn, so a restore can be undone too."""
        self.check(Action.RESTORE, Target(dataset=dataset_id))
        dataset = self._archive().get(dataset_id, version, lambda: self.store.dataset(dataset_id))
        return self.load(dataset, progress=progress, force=force, action="restore")

    def purge(self, dataset_id: str) -> int:
        """Delete a dataset's archived versions for good (administrators only); how many went."""
        self.check(Action.REMOVE, Target(dataset=dataset_id))
        count = self._archive().purge(dataset_id)
        self.audit("purge", dataset_id, counts=(("versions", count),))
        return count

    def record_assessments(self, records: Sequence[Assessment]) -> None:
        """Record self-assessments (administrators; contributors for the alliances granted, directly
        or through their dataset), each in the principal's name whatever the page sent. All are checked
        before any is written; an entry of the same (alliance, lever, date) that someone else recorded
        is theirs to correct, so a contributor cannot replace it by recording over it."""
        alliances = sorted({r.alliance for r in records})
        owners = self.store.alliance_datasets(alliances) if self.principal.role is Role.CONTRIBUTOR else {}
        for alliance in alliances:
            self.check(Action.ASSESS, Target(dataset=owners.get(alliance, ""), alliance=alliance))
        records = [replace(r, author=self.principal.name) for r in records]
        if self.principal.role is not Role.ADMIN:
            for alliance in alliances:
                taken = {(s.lever, s.on): s.author for s in self.store.assessments(alliance)}
                for r in records:
                    if r.alliance == alliance and (r.lever, r.on) in taken:
                        self.check(Action.AMEND, Target(owners.get(alliance, ""), alliance,
                                                        taken[(r.lever, r.on)]))
        self.store.record_assessments(records)
        owners = owners or self.store.alliance_datasets(alliances)
        for alliance in alliances:
            levers = sorted({r.lever for r in records if r.alliance == alliance})
            self.audit("assess", owners.get(alliance, ""), records=[alliance, *levers],
                       counts=(("levers", len(levers)),))


    def _amendable(self, alliance_id: str, lever: str, on: date) -> Assessment:
        """The entry, once the principal is known to be allowed to correct or delete it."""
        owner = self.store.alliance_datasets([alliance_id]).get(alliance_id, "")
        # a viewer, or a contributor without the grant, is refused before learning what entries exist
        self.check(Action.ASSESS, Target(dataset=owner, alliance=alliance_id))
        entry = self.store.assessment(alliance_id, lever, on)
        self.check(Action.AMEND, Target(dataset=owner, alliance=alliance_id, author=entry.author))
        return entry

    def correct_assessment(self, alliance_id: str, lever: str, on: date, score: int,
                           comment: str) -> Assessment:
        """Give an entry a new score and comment (its author, or an administrator), audited as
        assess-correct with the score before and after ("2→1")."""
        before = self._amendable(alliance_id, lever, on)
        after = self.store.correct_assessment(alliance_id, lever, on, score, comment)
        self._audit_entry("assess-correct", after, f"{before.score}→{after.score}")
        return after

    def delete_assessment(self, alliance_id: str, lever: str, on: date) -> Assessment:
        """Delete an entry (its author, or an administrator), audited as assess-delete."""
        self._amendable(alliance_id, lever, on)
        gone = self.store.delete_assessment(alliance_id, lever, on)
        self._audit_entry("assess-delete", gone, str(gone.score))
        return gone

    def _audit_entry(self, action: str, entry: Assessment, score: str) -> None:
        """Records: the alliance, the entry's id, its author (none for a file's entry), its score."""
        owner = self.store.alliance_datasets([entry.alliance]).get(entry.alliance, "")
        author = [entry.author] if entry.author else []
        self.audit(action, owner, records=[entry.alliance, entry.entry_id, *author, score],
                   counts=(("assessments", 1),))


class WritingStore:
    """The store, with its three writes routed through `writes`: for library code written against
    the store contract (the register importers), so that its loads are checked, archived and audited
    like any other. Everything else is the store's own."""

    def __init__(self, writes: Writes, force: bool = False) -> None:
        self._writes = writes
        self._force = force

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writes.store, name)

    def load(self, dataset: Dataset, progress: Progress | None = None) -> LoadReport:
        return self._writes.load(dataset, progress=progress, force=self._force)

    def remove_dataset(self, dataset_id: str) -> None:
        self._writes.remove(dataset_id)

    def record_assessments(self, assessments: Sequence[Assessment]) -> None:
        self._writes.record_assessments(assessments)
