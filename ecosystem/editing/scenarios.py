"""What-if scenarios kept by name, per instance, so they survive a restart.

A scenario is a member list tried on an alliance (partners added, partners removed), not data: it
changes nothing until applied (`Edits.set_members`). Kept as one JSON file per store configuration
in the state folder (`scenarios/<kind>-<digest>.json`, beside `history/`), written atomically, so
it is backed up with the accounts and the history, and the same scenarios are seen whichever store
answers. Keeping or deleting one is checked like an edit of the alliance's dataset (`Action.EDIT`).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from ecosystem import settings
from ecosystem.access.roles import Action, Principal, Target, require
from ecosystem.errors import EcosystemError
from ecosystem.files import write_atomic
from ecosystem.store.base import Store


class ScenarioNameMissing(EcosystemError):
    """A scenario kept without a name."""

    def __init__(self) -> None:
        super().__init__("Give the scenario a name to keep it.", "Donnez un nom au scénario pour le garder.")


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    alliance: str
    dataset: str  # the alliance's dataset (whose editors may change or delete the scenario)
    added: tuple[str, ...]
    removed: tuple[str, ...]
    by: str
    at: str  # ISO 8601 UTC

    @classmethod
    def from_dict(cls, item: dict) -> Scenario:
        return cls(item["name"], item["alliance"], item.get("dataset", ""), tuple(item["added"]),
                   tuple(item["removed"]), item.get("by", ""), item.get("at", ""))


class Scenarios:
    """The scenarios of one store configuration."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @classmethod
    def of(cls, store: Store, state_dir: Path | None = None) -> Scenarios:
        info = store.describe()
        digest = hashlib.sha256(f"{info.location}|{info.database}".encode()).hexdigest()[:10]
        return cls((state_dir or settings.state_dir()) / "scenarios" / f"{info.kind}-{digest}.json")

    def _read(self) -> list[dict]:
        if not self.path.is_file():
            return []
        return json.loads(self.path.read_text(encoding="utf-8"))

    @contextmanager
    def _editing(self) -> Iterator[list[dict]]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            items = self._read()
            yield items
            write_atomic(self.path, json.dumps(items, ensure_ascii=False, indent=1).encode())

    def list(self, alliance: str | None = None) -> list[Scenario]:
        """The scenarios (of one alliance when given), by name."""
        found = [Scenario.from_dict(i) for i in self._read()]
        return sorted((s for s in found if alliance is None or s.alliance == alliance),
                      key=lambda s: (s.name.casefold(), s.alliance))

    def keep(self, principal: Principal, scenario: Scenario) -> None:
        """Keep `scenario`, replacing one of the same name on the same alliance."""
        require(principal, Action.EDIT, Target(dataset=scenario.dataset, alliance=scenario.alliance))
        if not scenario.name.strip():
            raise ScenarioNameMissing()
        with self._editing() as items:
            items[:] = [i for i in items if (i["name"], i["alliance"]) != (scenario.name, scenario.alliance)]
            items.append(asdict(scenario))

    def delete(self, principal: Principal, alliance: str, dataset: str, name: str) -> None:
        require(principal, Action.EDIT, Target(dataset=dataset, alliance=alliance))
        with self._editing() as items:
            items[:] = [i for i in items if (i["name"], i["alliance"]) != (name, alliance)]


def names(scenarios: Sequence[Scenario]) -> list[str]:
    return [s.name for s in scenarios]
