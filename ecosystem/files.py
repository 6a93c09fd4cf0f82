"""Files written so that a crash at any moment leaves either the old content or the new one.

Why one module: the embedded store's datasets and manifest, the history's archive and index, and the
what-if scenarios all keep state that a crash mid-write must not tear. Each had its own copy of the
same few lines (temporary file in the same folder, flush, fsync, rename), and the copies had drifted:
only the store's also made the rename durable by syncing the folder. This is the one copy, on the
bottom floor (it imports nothing of the project), so every floor above can use it.

Temporary files are named `.<name>.tmp-<random>` (`TEMP_MARK`), so that a folder's owner can sweep
the leftovers of a write that never finished (the embedded store does, by that mark).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TEMP_MARK = ".tmp-"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash at any moment leaves either the old file or the new one.

    The bytes go to a temporary file in the same folder (a rename is atomic only within one file
    system), are flushed and fsynced, then renamed over `path`; the folder is fsynced last so the
    rename itself survives a power cut. On any failure the temporary file is removed and `path` is
    left as it was.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}{TEMP_MARK}", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    """Make a rename inside `directory` durable (a no-op where folders cannot be opened)."""
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
