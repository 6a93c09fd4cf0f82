"""What the embedded store derives from a dataset, in a form that opens without rebuilding.

A question about 100,000 actors needs, of each actor, its id, kind, activity, SDG mask and
territories: a few arrays. Parsing the dataset's JSON into records (then a graph) to get them cost
seconds and hundreds of MB per command. So, next to each dataset's JSON, a *derived pack*
(packfile.py) keeps:

- the actors as columns, in the dataset's canonical (id) order: `ids` (fixed-width UTF-8, sorted,
  so an id is found by binary search), `kind` (index into KINDS), `active`, `masks` (declared and
  inferred SDGs, bit n-1 for SDG n), and `set_of`: each actor's *territory set*, the distinct sets
  held as a small CSR (`set_indptr`, `set_indices` into the header's `territories` table, by id so
  that a new reference release cannot shift them). Actors of one commune share one set, so presence
  is computed per set (a few thousand) rather than per actor;
- `spans`: where each actor's object lies in the dataset's JSON (byte offsets), so one record is
  read by slicing the file instead of parsing all of it (the compact record index);
- in the header, the dataset without its actors (policies, alliances, memberships, assessments:
  small) and the checksum and size of the JSON it was derived from.

A pack is a cache: `DERIVED_FORMAT` names its layout; a pack of another format, of another
dataset checksum, or damaged is not used, and the columns are rebuilt from the JSON.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import orjson

from ecosystem.model import Actor, ActorKind, Dataset, dataset_from_dict, dataset_to_dict
from ecosystem.store.memory.matrices import sdg_mask
from ecosystem.store.memory.packfile import Pack, PackError, pack_bytes

DERIVED_FORMAT = 1
KINDS = tuple(ActorKind)
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}
_ACTORS_START = b'{"actors":['  # canonical JSON has sorted keys: the actors come first
SPAN_CHUNK = 10_000


@dataclass(frozen=True, slots=True)
class ActorColumns:
    """A dataset's actors as arrays, in id order (see the module's docstring)."""

    ids: np.ndarray  # dtype S<n>, sorted
    kind: np.ndarray  # int8, index into KINDS
    active: np.ndarray  # bool
    masks: np.ndarray  # int32, all SDGs
    set_of: np.ndarray  # int32, index of the actor's territory set
    set_indptr: np.ndarray  # int64, CSR of the sets over `territories`
    set_indices: np.ndarray  # int32
    territories: tuple[str, ...]
    spans: np.ndarray | None  # int64 (n, 2): [start, end) of each actor's object in the JSON

    def __len__(self) -> int:
        return len(self.ids)

    def find(self, actor_id: str) -> int:
        """Position of `actor_id`, -1 when absent."""
        key = actor_id.encode("utf-8")
        at = int(np.searchsorted(self.ids, key))
        found = at < len(self.ids) and len(key) <= self.ids.dtype.itemsize and self.ids[at] == key
        return at if found else -1


class IdTable(Sequence[str]):
    """Sorted ids held as one fixed-width bytes array: indexed like a tuple of str, and with `row`,
    an id -> position mapping by binary search, so 1M actors need no 1M Python strings."""

    def __init__(self, ids: np.ndarray) -> None:
        self.array = ids
        self.row = _RowIndex(ids)

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [x.decode("utf-8") for x in self.array[i].tolist()]
        return self.array[i].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return (x.decode("utf-8") for x in self.array.tolist())


class _RowIndex(Mapping[str, int]):
    def __init__(self, ids: np.ndarray) -> None:
        self._ids = ids

    def _find(self, key: object) -> int:
        if not isinstance(key, str):
            return -1
        raw = key.encode("utf-8")
        if len(raw) > self._ids.dtype.itemsize:
            return -1
        at = int(np.searchsorted(self._ids, raw))
        return at if at < len(self._ids) and self._ids[at] == raw else -1

    def __getitem__(self, key: str) -> int:
        at = self._find(key)
        if at < 0:
            raise KeyError(key)
        return at

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[str]:
        return (x.decode("utf-8") for x in self._ids.tolist())


def columns_of(actors: Sequence[Actor], spans: np.ndarray | None = None) -> ActorColumns:
    """Columns of actors given in id order (as a canonical dataset holds them)."""
    ids = [a.id.encode("utf-8") for a in actors]
    width = max((len(i) for i in ids), default=1) or 1
    table: dict[str, int] = {}
    sets: dict[tuple[int, ...], int] = {}
    set_of = np.empty(len(actors), dtype=np.int32)
    for n, actor in enumerate(actors):
        key = tuple(sorted({table.setdefault(t, len(table)) for t in actor.territories}))
        set_of[n] = sets.setdefault(key, len(sets))
    members = list(sets)
    indptr = np.zeros(len(members) + 1, dtype=np.int64)
    np.cumsum([len(m) for m in members], out=indptr[1:])
    indices = np.fromiter((t for m in members for t in m), dtype=np.int32, count=int(indptr[-1]))
    return ActorColumns(
        ids=np.asarray(ids, dtype=f"S{width}"),
        kind=np.fromiter((_KIND_CODE[a.kind] for a in actors), dtype=np.int8, count=len(actors)),
        active=np.fromiter((a.active for a in actors), dtype=bool, count=len(actors)),
        masks=np.fromiter((sdg_mask(a.all_sdgs) for a in actors), dtype=np.int32, count=len(actors)),
        set_of=set_of, set_indptr=indptr, set_indices=indices, territories=tuple(table), spans=spans)


def actor_spans(dataset: Dataset, payload: bytes) -> np.ndarray | None:
    """Byte ranges of each actor's object in `payload` (the dataset's canonical JSON); None if the
    layout is not the expected one (then records are read by parsing the whole file)."""
    spans = np.empty((len(dataset.actors), 2), dtype=np.int64)
    if not payload.startswith(_ACTORS_START):
        return None
    at = len(_ACTORS_START)
    view = memoryview(payload)
    for first in range(0, len(dataset.actors), SPAN_CHUNK):  # by chunks: 1M dicts at once weigh GBs
        chunk = replace(dataset, actors=dataset.actors[first:first + SPAN_CHUNK], policies=(), alliances=(),
                        memberships=(), assessments=())
        for n, item in enumerate(dataset_to_dict(chunk)["actors"], start=first):
            raw = orjson.dumps(item, option=orjson.OPT_SORT_KEYS)
            if view[at:at + len(raw)] != raw:
                return None
            spans[n] = (at, at + len(raw))
            at += len(raw) + 1  # the comma, or the closing bracket after the last one
    return spans


def small_part(dataset: Dataset) -> dict[str, Any]:
    """The dataset without its actors, JSON-ready (what questions about alliances read)."""
    return dataset_to_dict(replace(dataset, actors=()))


def derived_bytes(dataset: Dataset, payload: bytes, sha256: str, checksum: str) -> bytes:
    """The pack of `dataset` (canonical) whose JSON is `payload`."""
    cols = columns_of(dataset.actors, actor_spans(dataset, payload))
    header = {"format": DERIVED_FORMAT, "checksum": checksum, "sha256": sha256, "file_size": len(payload),
              "territories": list(cols.territories), "small": small_part(dataset),
              "kinds": [k.value for k in KINDS], "spans": cols.spans is not None}
    arrays = {"ids": cols.ids, "kind": cols.kind, "active": cols.active, "masks": cols.masks,
              "set_of": cols.set_of, "set_indptr": cols.set_indptr, "set_indices": cols.set_indices}
    if cols.spans is not None:
        arrays["spans"] = cols.spans
    return pack_bytes(header, arrays)


class DerivedPack:
    """A derived pack checked against the manifest's entry: usable, or `PackError`."""

    def __init__(self, pack: Pack, checksum: str, sha256: str) -> None:
        head = pack.header
        if head.get("format") != DERIVED_FORMAT:
            raise PackError(f"format {head.get('format')!r}, expected {DERIVED_FORMAT}")
        if head.get("checksum") != checksum or head.get("sha256") != sha256:
            raise PackError("derived from another version of the dataset")
        if head.get("kinds") != [k.value for k in KINDS]:
            raise PackError("written with other actor kinds")
        self.pack = pack
        self.file_size = int(head["file_size"])

    def small(self) -> Dataset:
        return dataset_from_dict(self.pack.header["small"])

    def columns(self) -> ActorColumns:
        a = self.pack.array
        return ActorColumns(ids=a("ids"), kind=a("kind"), active=a("active"), masks=a("masks"),
                            set_of=a("set_of"), set_indptr=a("set_indptr"), set_indices=a("set_indices"),
                            territories=tuple(self.pack.header["territories"]),
                            spans=a("spans") if self.pack.header.get("spans") else None)
