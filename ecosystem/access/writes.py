"""Every write to the data goes through here: the role is checked on the server, then the store writes.

The app's pages and the CLI's commands call `Writes(store, principal)` instead of the store's own
write methods, so hiding a button is never what protects the data: a forged widget state or URL
reaches this check like any other request, and a refused write changes nothing.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass

from ecosystem.access.roles import NOTHING, Action, Principal, Role, Target, require
from ecosystem.model import Assessment, Dataset
from ecosystem.store.base import LoadReport, Progress, Store


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

    def load(self, dataset: Dataset, progress: Progress | None = None) -> LoadReport:
        """Load or replace a dataset (administrators; contributors on the datasets granted)."""
        self.check(Action.LOAD, Target(dataset=dataset.id))
        return self.store.load(dataset, progress=progress)

    def remove(self, dataset_id: str) -> None:
        """Remove a dataset (administrators only)."""
        self.check(Action.REMOVE, Target(dataset=dataset_id))
        self.store.remove_dataset(dataset_id)

    def record_assessments(self, records: Sequence[Assessment]) -> None:
        """Record self-assessments (administrators; contributors for the alliances granted, directly
        or through their dataset). All are checked before any is written."""
        alliances = sorted({r.alliance for r in records})
        owners = self.store.alliance_datasets(alliances) if self.principal.role is Role.CONTRIBUTOR else {}
        for alliance in alliances:
            self.check(Action.ASSESS, Target(dataset=owners.get(alliance, ""), alliance=alliance))
        self.store.record_assessments(records)
