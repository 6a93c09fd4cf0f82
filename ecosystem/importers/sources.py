"""Where register files come from: paths, uploaded bytes, and the zip archives they are published in.

The RNA is published as zips holding one CSV per département (`rna_waldec_20250101_dpt_26.csv`) and
SIRENE as zipped national CSVs: a `Source` can be a file or one member of an archive, opened lazily and
streamed (a zip member is decompressed on the fly, never extracted), with its size for progress.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ecosystem.errors import UnreadableFile

_DPT = re.compile(r"_dpt_([0-9]{2,3}|2[AB])\.[a-z]+$", re.IGNORECASE)
_TABLES = (".csv", ".txt", ".parquet")


@dataclass(frozen=True)
class Source:
    """One table to read: a name for messages, its size in bytes (progress) and how to open it."""

    name: str
    size: int
    open: Callable[[], BinaryIO]


def departement_of(name: str) -> str | None:
    """The département code in a per-département RNA file name, if any.

    >>> departement_of("rna_waldec_20250101_dpt_2A.csv"), departement_of("StockEtablissement.csv")
    ('2A', None)
    """
    match = _DPT.search(name)
    return match[1].upper() if match else None


def _members(archive: zipfile.ZipFile, label: str, departements: Iterable[str] | None,
             opener: Callable[[str], BinaryIO]) -> list[Source]:
    tables = [i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith(_TABLES)
              and not Path(i.filename).name.startswith(".")]
    wanted = set(departements) if departements is not None else None
    chosen = [i for i in tables
              if wanted is None or departement_of(i.filename) is None or departement_of(i.filename) in wanted]
    if not chosen:
        listed = ", ".join(sorted(wanted or ())) or "?"
        raise UnreadableFile(
            f"The archive '{label}' holds no CSV file for the territory (départements {listed}): "
            "check that it is the right archive, or import the whole file.",
            f"L'archive « {label} » ne contient aucun fichier CSV pour le territoire "
            f"(départements {listed}) : vérifiez que c'est la bonne archive, ou importez le fichier complet.")
    return [Source(f"{label}:{i.filename}", i.file_size, lambda n=i.filename: opener(n)) for i in chosen]


def sources_from_path(path: str | Path, departements: Iterable[str] | None = None) -> list[Source]:
    """The tables in `path`: the file itself, or the members of a zip (only the territory's
    départements for per-département RNA archives)."""
    p = Path(path)
    if not p.is_file():
        raise UnreadableFile(f"File not found: {p}. Check the path.",
                             f"Fichier introuvable : {p}. Vérifiez le chemin.")
    if zipfile.is_zipfile(p):
        archive = zipfile.ZipFile(p)
        return _members(archive, p.name, departements, archive.open)
    return [Source(p.name, p.stat().st_size, lambda: p.open("rb"))]


def sources_from_bytes(name: str, data: bytes, departements: Iterable[str] | None = None) -> list[Source]:
    """Same as `sources_from_path` for an uploaded file held in memory."""
    if data[:4] == b"PK\x03\x04":
        archive = zipfile.ZipFile(io.BytesIO(data))
        return _members(archive, name, departements, archive.open)
    return [Source(name, len(data), lambda: io.BytesIO(data))]
