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


BIG_INPUT_BYTES = 1_000_000  # about 5,000 actors: smaller inputs are checked before anyone waits
NOT_A_TERMINAL_EVERY = 2.0  # seconds between two plain lines when stderr is a log, not a terminal


class RowsLine:
    """The progress of reading and checking a dataset (`ecosystem.datasets.progress`): one line on
    stderr for inputs of BIG_INPUT_BYTES or more, shown from the first call, so that a 150,000-row
    file says what it is doing from the first second (rows read, then rows checked out of the total).
    A terminal sees the line rewritten in place; a log gets the first line of each step, one every
    few seconds, and the last. Smaller inputs print nothing (the check is over before anyone waits)."""

    def __init__(self, name: str, lang: str, size: int, stream: TextIO | None = None) -> None:
        self.name = name
        self.quiet = size < BIG_INPUT_BYTES  # read in a moment: its summary follows at once
        self.lang = lang
        self.stream = stream or sys.stderr
        self.step = ""
        self.done = -1
        self.last_written = 0.0
        self.width = 0

    def _text(self, step: str, done: int, total: int) -> str:
        from ecosystem.analysis.wording import counted, whole

        fr = self.lang == "fr"
        if step == "read" and done == 0:
            return f"Lecture de {self.name}…" if fr else f"Reading {self.name}…"
        if step == "read":
            rows = (counted(done, "ligne lue", "lignes lues", "fr") if fr
                    else counted(done, "row", "rows", "en"))
            rows = rows.replace(str(done), whole(done, self.lang), 1)
            return f"Lecture de {self.name} : {rows}" if fr else f"Reading {self.name}: {rows} read"
        if done == 0:
            rows = whole(total, self.lang)
            return (f"Vérification de {rows} ligne{'s' if total > 1 else ''}…" if fr
                    else f"Checking {rows} row{'s' if total != 1 else ''}…")
        shown = f"{whole(done, self.lang)} / {whole(total, self.lang)}"
        return f"Vérification : {shown} lignes" if fr else f"Checking: {shown} rows"

    def __call__(self, step: str, done: int, total: int) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        first = step != self.step
        last = step == "check" and done == total
        tty = self.stream.isatty()
        if (step, done) == (self.step, self.done) or not (
                first or last or tty or now - self.last_written >= NOT_A_TERMINAL_EVERY):
            return
        self.step, self.done, self.last_written = step, done, now
        text = self._text(step, done, total)
        if tty:
            self.stream.write("\r" + text.ljust(self.width))
            self.width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.width and self.stream.isatty():
            self.stream.write("\n")
            self.stream.flush()
            self.width = 0
