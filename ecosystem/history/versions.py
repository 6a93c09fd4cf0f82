"""A version of a dataset named the way people name it: a kept version's number, the live one, or a
file (two imports of a register as files: January's RNA and June's).

`ecosystem diff` and the Évolution section read versions through here, so both accept the same
names and give the same errors.
"""

from __future__ import annotations

from pathlib import Path

from ecosystem.errors import NotFound
from ecosystem.history.archive import Archive
from ecosystem.model import Dataset
from ecosystem.store.base import Store

LIVE = "live"


def default_pair(archive: Archive, dataset_id: str, live: bool) -> tuple[str, str]:
    """What to compare when nothing is named: the newest kept version against the live one (or,
    for a removed dataset, the two newest kept versions)."""
    kept = [str(v.version) for v in archive.versions(dataset_id)]
    if live:
        if not kept:
            raise NotFound("dataset history", dataset_id, archive.datasets())
        return kept[-1], LIVE
    if len(kept) < 2:
        raise NotFound("dataset history", dataset_id, archive.datasets())
    return kept[-2], kept[-1]


def read_version(store: Store, dataset_id: str, name: str, archive: Archive | None = None) -> Dataset:
    """The dataset `name` designates: "live", a kept version number, or a dataset file or folder."""
    archive = archive or Archive.of(store)
    if name == LIVE:
        return store.dataset(dataset_id)
    if name.isdigit():
        return archive.get(dataset_id, int(name), lambda: store.dataset(dataset_id))
    path = Path(name)
    if not path.exists():
        known = [LIVE] + [str(v.version) for v in archive.versions(dataset_id)]
        raise NotFound("version", f"{name} ({dataset_id})", known)
    from ecosystem.datasets.reader import read_dataset

    return read_dataset(path, dataset_id=dataset_id)


def label_of(name: str) -> str:
    """How a version is named in the findings: its number, "live", or the file's name."""
    return name if name == LIVE or name.isdigit() else Path(name).name
