"""Byte streams in, text lines out: encodings, progress counting and quoted-record selection.

Public registers are big (the national SIRENE establishment file is several gigabytes) and dirty
(RNA files are UTF-8 or, for the older ones, Latin-1/cp1252, sometimes mixed). Everything here works
on a stream, one line at a time, so memory stays bounded whatever the file size.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

_BOM = b"\xef\xbb\xbf"


@dataclass(slots=True)
class Decoding:
    """What `decoded_lines` saw: lines with non-ASCII UTF-8, and lines that were not UTF-8 (cp1252)."""

    lines: int = 0
    utf8: int = 0  # lines holding non-ASCII characters, valid UTF-8
    fallback: int = 0  # lines read as cp1252

    @property
    def label(self) -> str:
        """'utf-8', 'cp1252' or 'utf-8 + cp1252 (12 lignes)' for the summary (ASCII lines fit both)."""
        if not self.fallback:
            return "utf-8"
        if not self.utf8:
            return "cp1252"
        return f"utf-8 + cp1252 ({self.fallback} lignes)"


def decoded_lines(fp: BinaryIO, decoding: Decoding | None = None) -> Iterator[str]:
    r"""Lines of a byte stream, each decoded as UTF-8, or as cp1252 when it is not valid UTF-8.

    Deciding line by line (rather than once per file) reads the mixed files that real registers
    contain. Splitting on b"\n" is safe in both encodings. A leading BOM and NUL bytes are dropped
    (the csv module refuses NUL).

    >>> list(decoded_lines(io.BytesIO("é;1\n".encode() + "è;2\n".encode("cp1252"))))
    ['é;1\n', 'è;2\n']
    """
    seen = decoding if decoding is not None else Decoding()
    first = True
    for raw in fp:
        if first:
            first = False
            if raw.startswith(_BOM):
                raw = raw[len(_BOM):]
        seen.lines += 1
        try:
            line = raw.decode("utf-8")
            if not raw.isascii():
                seen.utf8 += 1
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
            seen.fallback += 1
        if "\x00" in line:
            line = line.replace("\x00", "")
        yield line


class CountingReader(io.RawIOBase):
    """A raw stream that counts the bytes read from `inner`: progress without knowing the format."""

    def __init__(self, inner: BinaryIO) -> None:
        super().__init__()
        self._inner = inner
        self.done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.done += n
        return n


def counted(fp: BinaryIO) -> tuple[io.BufferedReader, CountingReader]:
    """`fp` behind a 1 MiB buffer, and the counter of bytes consumed so far."""
    counter = CountingReader(fp)
    return io.BufferedReader(counter, buffer_size=1 << 20), counter


def utf8_lines(fp: BinaryIO) -> io.TextIOWrapper:
    """A fast text view for files that are UTF-8 by specification (SIRENE); bad bytes become U+FFFD."""
    return io.TextIOWrapper(fp, encoding="utf-8-sig", errors="replace", newline="")


@dataclass(slots=True)
class Tally:
    records: int = 0


def records(lines: Iterable[str], keep: Callable[[str], bool] | None, tally: Tally | None = None
            ) -> Iterator[str]:
    """Whole CSV records (joined physical lines) for which `keep(record)` is true (all when None);
    `tally.records` counts every record seen.

    A record continues on the next line while it has an odd number of double quotes (a quoted field
    holding a newline). Testing `keep` on plain text before any CSV parsing is what makes filtering
    a national file fast: a cheap substring test rejects most lines, only the rest is parsed.

    >>> list(records(['a,1\\n', 'b,"x\\n', 'y",2\\n', 'c,3\\n'], lambda r: not r.startswith("c")))
    ['a,1\\n', 'b,"x\\ny",2\\n']
    """
    seen = tally if tally is not None else Tally()
    pending: list[str] = []
    quotes = 0
    for line in lines:
        if pending:
            pending.append(line)
            quotes += line.count('"')
            if quotes % 2:
                continue
            record = "".join(pending)
            pending = []
        else:
            if '"' in line:
                quotes = line.count('"')
                if quotes % 2:
                    pending = [line]
                    continue
            record = line
        seen.records += 1
        if keep is None or keep(record):
            yield record
    if pending:
        record = "".join(pending)
        seen.records += 1
        if keep is None or keep(record):
            yield record
