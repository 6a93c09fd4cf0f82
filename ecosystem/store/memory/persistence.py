"""Durable state of the embedded store: one JSON file per dataset, and a manifest naming them.

A dataset file holds exactly the canonical JSON that `Dataset.checksum()` digests. Beside it, its
derived pack (derived.py: the actors as columns, an index of each record's bytes in the JSON) lets a
command open the store without parsing the JSON; it is written by the same rules and named by the
same manifest entry, so a crash leaves a file and its pack of the same state.

Crash safety rests on two rules. A file is only ever written under a fresh name (temporary file in
the same folder, flush, fsync, rename, fsync the folder), so no file that some state refers to is
ever modified. And the state changes at exactly one point: when the manifest is replaced. A crash
before that point leaves the previous manifest, and the files it names are still there; a crash
after it leaves the new one. Files the manifest does not name (temporary files, versions written by
a save that never committed) are never read; the next save sweeps them.

Writers take an exclusive lock on `lock` (where the platform has `fcntl`), readers a shared one, so a
command-line load and the app can share a folder: see `MemoryStore` for how a writer catches up.
The reference data is not persisted: it is rebuilt from data/reference at start.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import orjson

from ecosystem.errors import StoreUnavailable
from ecosystem.files import TEMP_MARK, fsync_dir, write_atomic
from ecosystem.model import (
    Assessment,
    Dataset,
    assessment_from_dict,
    assessment_to_dict,
    canonical_bytes,
    checksum_of,
    dataset_from_dict,
)
from ecosystem.store.memory.derived import DerivedPack, derived_bytes
from ecosystem.store.memory.packfile import Pack, PackError
from ecosystem.store.memory.records import Records
from ecosystem.store.rules import AssessmentKey

__all__ = ["canonical_json", "checksum_of"]  # checksum_of: re-exported for the store and its tests
from ecosystem.text import slugify

try:  # POSIX; elsewhere a single writer per folder is assumed
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

FORMAT = 1
MANIFEST = "manifest.json"
DATASETS = "datasets"
LOCK = "lock"


@dataclass(frozen=True, slots=True)
class Entry:
    """What the manifest records about one dataset."""

    file: str  # name inside DATASETS
    sha256: str  # of the file's bytes: a torn or altered file is refused, never half-read
    checksum: str  # Dataset.checksum() of the content
    loaded_at: str
    app_assessments: tuple[Assessment, ...] = ()  # recorded in the app, kept apart from the file's own
    # entries of the file deleted in the app: the file stays as loaded (its checksum is what it was),
    # the entry is hidden until a new version of the file is loaded
    removed: tuple[AssessmentKey, ...] = ()
    # the derived pack (derived.py) inside DATASETS, written with the file; "" when there is none
    # (a folder written before packs existed): the columns are then rebuilt from the JSON
    derived: str = ""

    def files(self) -> tuple[str, ...]:
        """The files of DATASETS this entry names."""
        return (self.file, self.derived) if self.derived else (self.file,)


@dataclass(frozen=True, slots=True)
class Manifest:
    generation: int = 0  # +1 on every commit: tells a writer that another process changed the state
    entries: dict[str, Entry] = field(default_factory=dict)


def _ensure_dir(directory: Path) -> None:
    """Create a folder (and its parents) durably, so that files committed inside it survive a crash."""
    if directory.is_dir():
        return
    _ensure_dir(directory.parent)
    with contextlib.suppress(FileExistsError):
        directory.mkdir()
    fsync_dir(directory.parent)


def _key_to_list(key: AssessmentKey) -> list[str]:
    return [key[0], key[1], key[2].isoformat()]


def _key_from_list(item: list[str]) -> AssessmentKey:
    return (item[0], item[1], date.fromisoformat(item[2]))


def manifest_to_bytes(manifest: Manifest) -> bytes:
    data = {
        "format": FORMAT,
        "generation": manifest.generation,
        "datasets": {
            did: {"file": e.file, "sha256": e.sha256, "checksum": e.checksum, "loaded_at": e.loaded_at,
                  "app_assessments": [assessment_to_dict(s) for s in e.app_assessments],
                  "removed": [_key_to_list(k) for k in e.removed],
                  **({"derived": e.derived} if e.derived else {})}
            for did, e in sorted(manifest.entries.items())
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def manifest_from_bytes(raw: bytes) -> Manifest:
    data = json.loads(raw.decode("utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown format {data.get('format')!r}, expected {FORMAT}")
    entries = {
        did: Entry(file=e["file"], sha256=e["sha256"], checksum=e["checksum"], loaded_at=e["loaded_at"],
                   app_assessments=tuple(assessment_from_dict(s) for s in e.get("app_assessments", ())),
                   removed=tuple(_key_from_list(k) for k in e.get("removed", ())),
                   derived=str(e.get("derived", "")))
        for did, e in data["datasets"].items()
    }
    return Manifest(generation=int(data["generation"]), entries=entries)


def canonical_json(dataset: Dataset) -> bytes:
    """The bytes `Dataset.checksum()` digests (for a dataset in canonical order, as stores hold
    them); also what the dataset's file holds, so one serialisation gives the checksum, the file and
    its integrity digest."""
    return canonical_bytes(dataset)


class StateFolder:
    """The files of one embedded store. Reads never write; writes never touch a file in use."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.data_dir = self.root / DATASETS

    # ------------------------------------------------------------------ reading

    def read_manifest(self) -> Manifest:
        """The committed state's manifest; an empty one when nothing was ever saved."""
        path = self.root / MANIFEST
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return Manifest()
        try:
            return manifest_from_bytes(raw)
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreUnavailable(
                f"The embedded store's manifest {path} cannot be read ({exc}). Move the folder {self.root} "
                "away to start empty, or restore it from a backup.",
                f"Le manifeste {path} du stockage intégré est illisible ({exc}). Déplacez le dossier "
                f"{self.root} ailleurs pour repartir de zéro, ou restaurez-le depuis une "
                "sauvegarde.") from exc

    def generation(self) -> int:
        return self.read_manifest().generation

    def read_dataset(self, entry: Entry) -> Dataset:
        """A committed dataset file, refused unless its bytes are exactly those that were committed."""
        path = self.data_dir / entry.file
        try:
            raw = path.read_bytes()
            if hashlib.sha256(raw).hexdigest() != entry.sha256:
                raise ValueError("its content differs from what was saved")
            return dataset_from_dict(orjson.loads(raw))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise self.unreadable(path, exc) from exc

    def unreadable(self, path: Path, exc: Exception) -> StoreUnavailable:
        """The error for a committed file that cannot be read as it was written."""
        return StoreUnavailable(
            f"The embedded store's file {path} cannot be read ({exc}). Restore it from a backup, or move "
            f"the folder {self.root} away to start empty.",
            f"Le fichier {path} du stockage intégré est illisible ({exc}). Restaurez-le depuis une "
            f"sauvegarde, ou déplacez le dossier {self.root} ailleurs pour repartir de zéro.")

    def open_records(self, entry: Entry) -> Records:
        """A committed dataset, opened lazily through its derived pack when it has a usable one
        (else read and checked now, its columns rebuilt in memory: see `needs_derived`)."""
        path = self.data_dir / entry.file
        return Records.stored(path, entry.sha256, self.open_derived(entry),
                              lambda exc: self.unreadable(path, exc))

    def open_derived(self, entry: Entry) -> DerivedPack | None:
        """The entry's derived pack if it exists, is of this format and was derived from this very
        file; None otherwise (it is a cache: rebuilt from the JSON, never trusted blindly)."""
        if not entry.derived:
            return None
        try:
            return DerivedPack(Pack(self.data_dir / entry.derived), entry.checksum, entry.sha256)
        except (OSError, PackError, KeyError, TypeError, ValueError):
            return None

    def needs_derived(self, entry: Entry) -> bool:
        """Whether the next commit should write this entry's pack (missing, older or damaged)."""
        pack = self.open_derived(entry)
        if pack is None:
            return True
        try:
            pack.columns()  # every array checked against its digest
        except (OSError, PackError, KeyError, TypeError, ValueError):
            return True
        return False

    # ------------------------------------------------------------------ writing

    def write_dataset(self, dataset_id: str, payload: bytes) -> tuple[str, str]:
        """Write a dataset's `canonical_json` under a fresh name, durably, not yet part of the state.
        Returns (file name, sha256 of the bytes)."""
        _ensure_dir(self.data_dir)
        name = f"{slugify(dataset_id, 40) or 'dataset'}-{uuid.uuid4().hex[:12]}.json"
        write_atomic(self.data_dir / name, payload)
        return name, hashlib.sha256(payload).hexdigest()

    def write_derived(self, dataset: Dataset, payload: bytes, sha256: str, checksum: str) -> str:
        """Write the derived pack of `dataset` (canonical, whose file holds `payload`) under a fresh
        name, durably, not yet part of the state: the manifest names it with the file, in one commit."""
        _ensure_dir(self.data_dir)
        name = f"{slugify(dataset.id, 40) or 'dataset'}-{uuid.uuid4().hex[:12]}.pack"
        write_atomic(self.data_dir / name, derived_bytes(dataset, payload, sha256, checksum))
        return name

    def discard(self, name: str) -> None:
        """Remove a file written for a save that did not commit."""
        with contextlib.suppress(FileNotFoundError):
            (self.data_dir / name).unlink()

    def commit(self, manifest: Manifest, obsolete: tuple[str, ...] = ()) -> None:
        """Make `manifest` the state (the one atomic step), then delete files nothing refers to.
        Call it holding `lock(exclusive=True)`."""
        _ensure_dir(self.root)
        write_atomic(self.root / MANIFEST, manifest_to_bytes(manifest))
        for name in obsolete:
            self.discard(name)
        if fcntl is not None:  # under the writers' lock, unnamed files belong to no save in progress
            self._sweep({name for e in manifest.entries.values() for name in e.files()})

    def _sweep(self, keep: set[str]) -> None:
        if self.data_dir.is_dir():
            for path in self.data_dir.iterdir():
                if path.name not in keep:
                    with contextlib.suppress(OSError):
                        path.unlink()
        for path in self.root.glob(f".{MANIFEST}{TEMP_MARK}*"):
            with contextlib.suppress(OSError):
                path.unlink()

    # ------------------------------------------------------------------ locking

    @contextlib.contextmanager
    def lock(self, exclusive: bool) -> Iterator[None]:
        """Writers exclusive, readers shared; a reader of a folder that does not exist yet needs none."""
        if fcntl is None or (not exclusive and not self.root.is_dir()):
            yield
            return
        _ensure_dir(self.root)
        with open(self.root / LOCK, "a+b") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            try:
                yield
            finally:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)
