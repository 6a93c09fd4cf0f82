"""Owner-only files for the local server: its folder 0700, every file in it 0600.

The server's data holds every loaded dataset and the `neo4j` user's password hash, its logs hold
queries and their parameters: none of it is for the other users of the machine. Neo4j creates its
files with the process umask (0644 under the usual 022), so the server is launched with umask 077
(`process.launch`), and `lock_down` tightens what already exists: folders made by an older version
of the project, or by Neo4j before it ran with that umask.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ecosystem.neo4j_server.layout import Layout

UMASK = 0o077
FOLDER_MODE = 0o700  # what the umask leaves of 0777
FILE_MODE = 0o600  # and of 0666


def _owner_only(path: Path) -> None:
    """Take the group's and others' rights off `path`; symlinks are left alone (never followed)."""
    try:
        info = path.lstat()
    except FileNotFoundError:  # gone meanwhile: nothing left to protect
        return
    if stat.S_ISLNK(info.st_mode):
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & UMASK:
        os.chmod(path, mode & ~UMASK)


def lock_down(layout: Layout) -> None:
    """Create the server's folders owner-only, and take the group's and others' rights off what exists.

    Only those rights are removed (the owner's bits stay as they are), so an executable stays
    executable and nothing becomes readable that was not.
    """
    folders = (layout.home, layout.conf_file.parent, layout.data_dir, layout.console_log.parent,
               layout.pid_file.parent, layout.import_dir)
    for folder in folders:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    for root, _, files in os.walk(layout.home):  # folders are walked as roots, files listed
        base = Path(root)
        _owner_only(base)
        for name in files:
            _owner_only(base / name)


def write_private(path: Path, text: str) -> None:
    """Write a text file that is owner-only from its creation on (an existing one is tightened first)."""
    if path.exists():
        _owner_only(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
