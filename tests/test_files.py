"""`ecosystem.files.write_atomic`: the one atomic write of the store, the history and the scenarios."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ecosystem.files import TEMP_MARK, write_atomic


def test_writes_and_replaces_whole_files(tmp_path: Path):
    target = tmp_path / "index.json"
    write_atomic(target, b"first")
    assert target.read_bytes() == b"first"
    write_atomic(target, b"second, longer than the first")
    assert target.read_bytes() == b"second, longer than the first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path):
    target = tmp_path / "index.json"
    write_atomic(target, b"kept")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.json"]


def test_temporary_files_carry_the_mark_their_folder_sweeps_by(tmp_path: Path, monkeypatch):
    seen: list[str] = []
    real_replace = os.replace

    def replace(src, dst):
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "manifest.json", b"{}")
    assert len(seen) == 1 and seen[0].startswith(f".manifest.json{TEMP_MARK}")


def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch):
    synced: list[bool] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "scenarios.json", b"[]")
    assert synced == [False, True]  # the file's bytes, then the folder's entry
