"""Earlier versions of each dataset, kept as compressed files beside the store.

Why files in the state folder rather than the store: the same archive serves both stores (Neo4j
keeps one live version per dataset, and holding ten copies of a large dataset in its heap-bound
transactions would cost more than the data), a version is restored by loading it again through the
ordinary, checked, audited path, and a backup of the state folder carries the history with the
accounts. The archive of each store configuration has its own folder (`history/<kind>-<digest>`).

Each dataset's folder holds `index.json` (who loaded the live version and when; the archived
versions with who loaded and who replaced them, and their counts; whether it was removed) and one
`v0001.json.gz` per archived version: the dataset as the store held it, self-assessments recorded
in the app included. A version is archived when it is replaced, restored over or removed; the
oldest beyond the limit are deleted; a removed dataset's versions stay until `purge`.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ecosystem import settings
from ecosystem.errors import NotFound
from ecosystem.files import write_atomic
from ecosystem.model import Dataset, canonical_bytes, dataset_from_dict
from ecosystem.store.base import DatasetInfo, Store
from ecosystem.text import slugify

if TYPE_CHECKING:  # datasets/ imports the spreadsheet libraries: imported where a patch is read
    from ecosystem.datasets.patch import Patch


def versions_kept(environ: dict[str, str] | None = None) -> int:
    """ECOSYSTEM_HISTORY_VERSIONS, at least 1."""
    raw = settings.get("ECOSYSTEM_HISTORY_VERSIONS", environ) or "10"
    try:
        return max(1, int(raw))
    except ValueError:
        raise ValueError(f'ECOSYSTEM_HISTORY_VERSIONS="{raw}" is not a whole number') from None


@dataclass(frozen=True, slots=True)
class Version:
    """One archived version of a dataset."""

    version: int
    loaded_at: str
    loaded_by: str
    archived_at: str
    archived_by: str
    reason: str  # "replaced", "restored over" or "removed"
    checksum: str
    counts: tuple[tuple[str, int], ...]

    def count(self, what: str) -> int:
        return dict(self.counts).get(what, 0)


def _version(item: dict[str, Any]) -> Version:
    return Version(item["version"], item["loaded_at"], item["loaded_by"], item["archived_at"],
                   item["archived_by"], item["reason"], item["checksum"],
                   tuple((k, int(v)) for k, v in item["counts"]))


class Archive:
    """The archive of one store configuration."""

    def __init__(self, root: Path, keep: int | None = None) -> None:
        self.root = Path(root)
        self.keep = keep if keep is not None else versions_kept()

    @classmethod
    def of(cls, store: Store, state_dir: Path | None = None, keep: int | None = None) -> Archive:
        """The archive of `store` in the state folder (the configured one by default)."""
        info = store.describe()
        digest = hashlib.sha256(f"{info.location}|{info.database}".encode()).hexdigest()[:10]
        return cls((state_dir or settings.state_dir()) / "history" / f"{info.kind}-{digest}", keep)

    def _folder(self, dataset_id: str) -> Path:
        digest = hashlib.sha256(dataset_id.encode()).hexdigest()[:8]
        return self.root / f"{slugify(dataset_id)[:60]}-{digest}"

    def _read(self, dataset_id: str) -> dict[str, Any]:
        path = self._folder(dataset_id) / "index.json"
        if not path.is_file():
            return {"dataset": dataset_id, "current": None, "versions": [], "removed": None, "next": 1}
        return json.loads(path.read_text(encoding="utf-8"))

    @contextmanager
    def _editing(self, dataset_id: str) -> Iterator[dict[str, Any]]:
        folder = self._folder(dataset_id)
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            index = self._read(dataset_id)
            yield index
            write_atomic(folder / "index.json", json.dumps(index, ensure_ascii=False, indent=1).encode())

    # ------------------------------------------------------------------ writing

    def loaded(self, info: DatasetInfo, who: str) -> None:
        """Note who loaded the live version (shown when it is archived later); clears a removal."""
        with self._editing(info.id) as index:
            index["current"] = {"loaded_at": info.loaded_at, "loaded_by": who, "checksum": info.checksum}
            index["removed"] = None

    def archive(self, dataset: Dataset, info: DatasetInfo, who: str, at: str, reason: str) -> int:
        """Keep `dataset` (the live version, about to be replaced or removed); its version number."""
        with self._editing(dataset.id) as index:
            current = index["current"] or {}
            number = index["next"]
            file = self._folder(dataset.id) / f"v{number:04d}.json.gz"
            write_atomic(file, gzip.compress(canonical_bytes(dataset), compresslevel=6))
            index["versions"].append({
                "version": number, "loaded_at": current.get("loaded_at", info.loaded_at),
                "loaded_by": current.get("loaded_by", ""), "archived_at": at, "archived_by": who,
                "reason": reason, "checksum": info.checksum, "counts": [list(c) for c in info.counts]})
            index["next"] = number + 1
            if reason == "removed":
                index["removed"] = {"at": at, "by": who}
                index["current"] = None
            self._prune(dataset.id, index)
        return number

    def archive_patch(self, undo: Patch, info: DatasetInfo, who: str, at: str) -> int:
        """Keep the live version an edit replaces as the edit taken back (`undo`, a few records)
        rather than the whole dataset: `get` rebuilds it from the version that followed it. Writing a
        100,000-actor version whole costs seconds; an edit must not."""
        with self._editing(undo.dataset) as index:
            current = index["current"] or {}
            number = index["next"]
            file = self._folder(undo.dataset) / f"v{number:04d}.patch.json.gz"
            write_atomic(file, gzip.compress(orjson.dumps(undo.to_dict()), compresslevel=6))
            index["versions"].append({
                "version": number, "loaded_at": current.get("loaded_at", info.loaded_at),
                "loaded_by": current.get("loaded_by", ""), "archived_at": at, "archived_by": who,
                "reason": "replaced", "checksum": info.checksum, "counts": [list(c) for c in info.counts],
                "patch": True})
            index["next"] = number + 1
            self._prune(undo.dataset, index)
        return number

    def _prune(self, dataset_id: str, index: dict[str, Any]) -> None:
        for old in index["versions"][:-self.keep]:
            for suffix in (".json.gz", ".patch.json.gz"):
                (self._folder(dataset_id) / f"v{old['version']:04d}{suffix}").unlink(missing_ok=True)
        index["versions"] = index["versions"][-self.keep:]

    def purge(self, dataset_id: str) -> int:
        """Delete every archived version of a dataset; how many there were."""
        folder = self._folder(dataset_id)
        if not folder.is_dir():
            raise NotFound("dataset history", dataset_id, self.datasets())
        count = len(self._read(dataset_id)["versions"])
        shutil.rmtree(folder)
        return count

    # ------------------------------------------------------------------ reading

    def versions(self, dataset_id: str) -> list[Version]:
        """The archived versions, oldest first."""
        return [_version(v) for v in self._read(dataset_id)["versions"]]

    def current(self, dataset_id: str) -> dict[str, str] | None:
        return self._read(dataset_id)["current"]

    def removed(self, dataset_id: str) -> dict[str, str] | None:
        return self._read(dataset_id)["removed"]

    def datasets(self) -> list[str]:
        """Ids of the datasets with an archive, sorted."""
        if not self.root.is_dir():
            return []
        found = []
        for index in self.root.glob("*/index.json"):
            found.append(json.loads(index.read_text(encoding="utf-8"))["dataset"])
        return sorted(found)

    def removed_datasets(self) -> list[str]:
        """Datasets removed from the store whose versions are still here (restorable)."""
        return [d for d in self.datasets() if self.removed(d) is not None and self.versions(d)]

    def get(self, dataset_id: str, version: int, live: Callable[[], Dataset] | None = None) -> Dataset:
        """An archived version, as it was. A version an edit replaced is kept as that edit taken
        back: it is rebuilt from the version that followed it, the next one kept or, for the last
        one, the live dataset (`live`, which reads it from the store)."""
        items = self._read(dataset_id)["versions"]
        known = [v["version"] for v in items]
        if version not in known:
            raise NotFound("version", f"{version} ({dataset_id})", [str(v) for v in known])
        at = known.index(version)
        folder = self._folder(dataset_id)
        if not items[at].get("patch"):
            raw = gzip.decompress((folder / f"v{version:04d}.json.gz").read_bytes())
            return dataset_from_dict(json.loads(raw))
        from ecosystem.datasets.patch import patch_from_dict

        raw = gzip.decompress((folder / f"v{version:04d}.patch.json.gz").read_bytes())
        undo = patch_from_dict(json.loads(raw))
        if at + 1 < len(known):
            following = self.get(dataset_id, known[at + 1], live)
        elif live is not None:
            following = live()
        else:
            raise NotFound("version", f"{version} ({dataset_id}): it is kept as the edit that followed it, "
                           "taken back from the live dataset", [str(v) for v in known])
        return undo.apply(following)
