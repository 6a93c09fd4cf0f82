"""Every write to the data goes through here: the role is checked on the server, then the store writes.

The app's pages and the CLI's commands call `Writes(store, principal)` instead of the store's own
write methods, so hiding a button is never what protects the data: a forged widget state or URL
reaches this check like any other request, and a refused write changes nothing.

Each write that changed something is then appended to the store's audit log (who, when, what:
dataset, version, records, counts). The entry follows the write: a crash between the two loses the
entry, never the data.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ecosystem.access.roles import NOTHING, Action, Principal, Role, Target, require
from ecosystem.model import Assessment, Dataset
from ecosystem.store.base import AuditEntry, DatasetInfo, LoadReport, Progress, Store

ACTION_OF_STATUS = {"loaded": "load", "replaced": "replace"}


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

    def load(self, dataset: Dataset, progress: Progress | None = None, action: str = "") -> LoadReport:
        """Load or replace a dataset (administrators; contributors on the datasets granted)."""
        self.check(Action.LOAD, Target(dataset=dataset.id))
        report = self.store.load(dataset, progress=progress)
        if report.status in ACTION_OF_STATUS:
            self.audit(action or ACTION_OF_STATUS[report.status], dataset.id, self._info(dataset.id))
        return report

    def remove(self, dataset_id: str) -> None:
        """Remove a dataset (administrators only)."""
        self.check(Action.REMOVE, Target(dataset=dataset_id))
        before = self._info(dataset_id)
        self.store.remove_dataset(dataset_id)
        self.audit("remove", dataset_id, counts=before.counts if before else ())

    def record_assessments(self, records: Sequence[Assessment]) -> None:
        """Record self-assessments (administrators; contributors for the alliances granted, directly
        or through their dataset). All are checked before any is written."""
        alliances = sorted({r.alliance for r in records})
        owners = self.store.alliance_datasets(alliances) if self.principal.role is Role.CONTRIBUTOR else {}
        for alliance in alliances:
            self.check(Action.ASSESS, Target(dataset=owners.get(alliance, ""), alliance=alliance))
        self.store.record_assessments(records)
        owners = owners or self.store.alliance_datasets(alliances)
        for alliance in alliances:
            levers = sorted({r.lever for r in records if r.alliance == alliance})
            self.audit("assess", owners.get(alliance, ""), records=[alliance, *levers],
                       counts=(("levers", len(levers)),))
