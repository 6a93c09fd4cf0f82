"""One file holding named numpy arrays and a JSON header, opened without reading the arrays.

Why one file rather than one `.npy` per array: the embedded store's crash safety rests on files
written once under a fresh name and named by the manifest (persistence.py). A single file is written
with the same atomic step as a dataset's JSON, named by one manifest field and swept by the same
rule; `np.save` arrays would need a folder, whose partial states the sweep would have to understand.
The layout is the `.npy` idea, several times over:

    MAGIC (8 bytes) | header length (8 bytes, little-endian) | header (UTF-8 JSON) | arrays

Each array starts on a 64-byte boundary and is opened with `np.memmap` (read-only), so opening costs
the header's parse, and pages are read from disk only when a question touches them. The header
records each array's dtype, shape, offset and SHA-256: an array is checked the first time it is
opened, so a damaged file is refused (and rebuilt by the caller), never half-read.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

MAGIC = b"ECOPACK\x00"
ALIGN = 64


class PackError(ValueError):
    """The file is not a pack, or one of its parts differs from what was written."""


def _pad(size: int) -> int:
    return (-size) % ALIGN


def pack_bytes(header: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> bytes:
    """The file's bytes: `header` (JSON-ready) and `arrays` (C-contiguous copies are made)."""
    parts: list[bytes] = []
    table: dict[str, dict[str, Any]] = {}
    offset = 0
    for name, array in arrays.items():
        data = np.ascontiguousarray(array)
        raw = data.tobytes()
        table[name] = {"dtype": data.dtype.str, "shape": list(data.shape), "offset": offset,
                       "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
        parts.append(raw)
        parts.append(b"\x00" * _pad(len(raw)))
        offset += len(raw) + _pad(len(raw))
    head = json.dumps({**header, "arrays": table}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    start = len(MAGIC) + 8 + len(head)
    head += b" " * _pad(start)
    return b"".join([MAGIC, len(head).to_bytes(8, "little"), head, *parts])


class Pack:
    """A pack file opened for reading: `header` at once, each array on first `array(name)`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with open(self.path, "rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                raise PackError("not a pack file")
            length = int.from_bytes(f.read(8), "little")
            raw = f.read(length)
        if len(raw) != length:
            raise PackError("its header is cut short")
        try:
            self.header: dict[str, Any] = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise PackError(f"its header cannot be read ({exc})") from exc
        self._base = len(MAGIC) + 8 + length
        self._size = self.path.stat().st_size
        self._arrays: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def names(self) -> tuple[str, ...]:
        return tuple(self.header.get("arrays", {}))

    def array(self, name: str) -> np.ndarray:
        """The array, memory-mapped read-only; its bytes are checked against the header once."""
        with self._lock:
            if name not in self._arrays:
                self._arrays[name] = self._open(name)
            return self._arrays[name]

    def _open(self, name: str) -> np.ndarray:
        try:
            spec = self.header["arrays"][name]
            dtype, shape = np.dtype(spec["dtype"]), tuple(spec["shape"])
            offset, size = self._base + int(spec["offset"]), int(spec["size"])
        except (KeyError, TypeError, ValueError) as exc:
            raise PackError(f"no readable array {name!r} ({exc})") from exc
        if offset + size > self._size:
            raise PackError(f"array {name!r} is cut short")
        if size == 0:
            array = np.empty(shape, dtype=dtype)
        else:
            array = np.memmap(self.path, dtype=dtype, mode="r", offset=offset, shape=shape)
        if hashlib.sha256(array.reshape(-1).view(np.uint8) if size else b"").hexdigest() != spec["sha256"]:
            raise PackError(f"array {name!r} differs from what was written")
        return array
