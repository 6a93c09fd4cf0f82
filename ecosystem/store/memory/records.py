"""One committed dataset as the embedded store reads it: cheap parts at once, records on demand.

Opening a dataset reads its derived pack's header (derived.py): the small records (policies,
alliances, memberships, assessments) and the actors' columns, memory-mapped. An actor's record is
read by slicing its bytes out of the dataset's JSON; the whole `Dataset` is parsed only when a
question needs every record (an export, an edit, the graph). The JSON's SHA-256 is checked before
the first byte of it is used, as before; opening only compares its size with the committed one, so
a torn file is still refused at once.

Without a usable pack (a folder written before packs existed, a pack of another format or
damaged), the JSON is read and checked at once and the columns are built from it in memory: slower,
same answers. The next write of the folder writes the missing pack (`MemoryStore`).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import numpy as np
import orjson

from ecosystem.model import Actor, Alliance, Dataset, Policy, dataset_from_dict
from ecosystem.store.memory.derived import ActorColumns, DerivedPack, columns_of
from ecosystem.store.memory.packfile import PackError

ReadError = Callable[[Exception], Exception]
T = TypeVar("T")


class Records:
    """A dataset, from memory (`Records.held`) or from its files (`Records.stored`)."""

    def __init__(self) -> None:
        self._dataset: Dataset | None = None
        self._small: Dataset | None = None
        self._columns: ActorColumns | None = None
        self._pack: DerivedPack | None = None
        self._path: Path | None = None
        self._sha256 = ""
        self._checked = False
        self._refuse: ReadError = lambda exc: exc
        self._by_id: dict[str, Actor] | None = None
        self._lock = threading.RLock()
        self.rebuilt = False  # read from the JSON for want of a usable pack: the next write writes one

    @classmethod
    def held(cls, dataset: Dataset) -> Records:
        """A dataset already in memory (just loaded): its columns are built when first asked."""
        records = cls()
        records._dataset = dataset
        return records

    @classmethod
    def stored(cls, path: Path, sha256: str, pack: DerivedPack | None, refuse: ReadError) -> Records:
        """A committed dataset file and its pack (None: none usable, so the file is read now).
        `refuse(exc)` makes the error raised when the file proves unreadable."""
        records = cls()
        records._path, records._sha256, records._pack, records._refuse = path, sha256, pack, refuse
        if pack is None:
            records._read_all()
            records.rebuilt = True
        else:
            try:
                size = path.stat().st_size
            except OSError as exc:
                raise refuse(exc) from exc
            if size != pack.file_size:
                raise refuse(ValueError("its content differs from what was saved"))
        return records

    # ------------------------------------------------------------------ whole records

    @property
    def loaded(self) -> bool:
        """Whether every record is in memory."""
        return self._dataset is not None

    @property
    def dataset(self) -> Dataset:
        """Every record (parsed from the file on first use)."""
        with self._lock:
            if self._dataset is None:
                self._read_all()
            assert self._dataset is not None
            return self._dataset

    def _read_all(self) -> None:
        assert self._path is not None
        try:
            raw = self._path.read_bytes()
            if hashlib.sha256(raw).hexdigest() != self._sha256:
                raise ValueError("its content differs from what was saved")
            self._dataset = dataset_from_dict(orjson.loads(raw))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise self._refuse(exc) from exc
        self._checked = True

    # ------------------------------------------------------------------ cheap parts

    @property
    def small(self) -> Dataset:
        """The dataset's identity, policies, alliances, memberships and assessments (no actors)."""
        with self._lock:
            if self._small is None:
                small = self._from_pack(lambda pack: pack.small())
                self._small = small if small is not None else self.dataset
            return self._small

    def columns(self) -> ActorColumns:
        with self._lock:
            if self._columns is None:
                columns = self._from_pack(lambda pack: pack.columns())
                self._columns = columns if columns is not None else columns_of(self.dataset.actors)
            return self._columns

    def _from_pack(self, read: Callable[[DerivedPack], T]) -> T | None:
        """`read(pack)`, or None when every record is in memory anyway or the pack proves damaged
        (then it is dropped: the JSON is read instead, and the next write writes a new pack)."""
        if self._pack is None or self._dataset is not None:
            return None
        try:
            return read(self._pack)
        except (OSError, PackError, KeyError, TypeError, ValueError):
            self._pack = None
            self._read_all()
            self.rebuilt = True
            return None

    def policy(self, policy_id: str) -> Policy | None:
        return self._small_index()[0].get(policy_id)

    def alliance(self, alliance_id: str) -> Alliance | None:
        return self._small_index()[1].get(alliance_id)

    def _small_index(self) -> tuple[dict[str, Policy], dict[str, Alliance]]:
        with self._lock:
            if not hasattr(self, "_index"):
                small = self.small
                self._index = ({p.id: p for p in small.policies}, {a.id: a for a in small.alliances})
            return self._index

    # ------------------------------------------------------------------ actors

    def actor_count(self) -> int:
        """How many actors: counted from the records when they are in memory (a dataset just loaded or
        edited), not from its columns, which would be built for that alone (half a second at 100,000)."""
        with self._lock:
            if self._dataset is not None:
                return len(self._dataset.actors)
        return len(self.columns())

    def has_actor(self, actor_id: str) -> bool:
        if self._dataset is not None:
            return actor_id in self._actor_index()
        return self.columns().find(actor_id) >= 0

    def actors(self, ids: Iterable[str]) -> list[Actor]:
        """The records of those of `ids` this dataset holds."""
        with self._lock:
            if self._dataset is not None:  # in memory: no columns built for a lookup by id
                index = self._actor_index()
                return [index[i] for i in ids if i in index]
            cols = self.columns()
            if self._pack is None:
                index = self._actor_index()
                return [index[i] for i in ids if i in index]
            at = [p for p in (cols.find(i) for i in ids) if p >= 0]
            if not at:
                return []
            if cols.spans is None:
                index = self._actor_index()
                return [index[cols.ids[p].decode("utf-8")] for p in at]
            return self._slices(cols.spans, sorted(at))

    def _slices(self, spans: np.ndarray, rows: list[int]) -> list[Actor]:
        """Actors parsed from their bytes in the (checked) file."""
        assert self._path is not None
        try:
            if not self._checked:
                digest = hashlib.sha256()
                with open(self._path, "rb") as f:
                    for block in iter(lambda: f.read(1 << 22), b""):
                        digest.update(block)
                if digest.hexdigest() != self._sha256:
                    raise ValueError("its content differs from what was saved")
                self._checked = True
            items = []
            with open(self._path, "rb") as f:
                for row in rows:
                    start, end = (int(x) for x in spans[row])
                    f.seek(start)
                    items.append(orjson.loads(f.read(end - start)))
            return list(dataset_from_dict({"id": "records", "name": "records", "actors": items}).actors)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise self._refuse(exc) from exc

    def _actor_index(self) -> dict[str, Actor]:
        with self._lock:
            if self._by_id is None:
                self._by_id = {a.id: a for a in self.dataset.actors}
            return self._by_id
