"""A progress bar for long loads, on stderr, only once a load takes more than a moment."""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY_SECONDS = 0.5  # quick loads print nothing: a bar that flashes is noise
WIDTH = 30


class ProgressBar:
    """Call it as `progress(done, total)`; close() ends the line. Plain lines when not a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.shown = False
        self.last_percent = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.shown and time.monotonic() - self.started < DELAY_SECONDS:
            return
        percent = int(100 * done / total) if total else 100
        if percent == self.last_percent:
            return
        self.last_percent = percent
        filled = WIDTH * percent // 100
        bar = "#" * filled + "." * (WIDTH - filled)
        if self.stream.isatty():
            self.stream.write(f"\r{self.label} [{bar}] {percent:3d}% {done:,}/{total:,}")
        elif percent % 10 == 0:
            self.stream.write(f"{self.label} {percent:3d}% {done:,}/{total:,}\n")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown and self.stream.isatty():
            self.stream.write("\n")
            self.stream.flush()
