"""The entry points: a path or uploaded bytes -> a checked Dataset (or every problem).

    check(path)                  -> Report (dataset or problems, plus warnings)
    read_dataset(path)           -> Dataset, or raises DatasetInvalid
    check_uploaded(files, name)  -> Report, for {file name: bytes} (Streamlit uploads)
    read_uploaded(files, name)   -> Dataset, or raises DatasetInvalid

A path is an .xlsx workbook, a .json file, a folder of .csv files (one per sheet) or a single .csv
(the actors, unless its name says otherwise). All of them raise UnreadableFile when a file cannot be
read at all (binary, unknown encoding, broken JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePath

from ecosystem.datasets.progress import ReadProgress, silent
from ecosystem.datasets.sources import files_from_path, read_files
from ecosystem.datasets.validate import Report, validate
from ecosystem.model import Dataset
from ecosystem.reference import Reference


def check(path: Path | str, dataset_id: str | None = None, name: str | None = None,
          ref: Reference | None = None, progress: ReadProgress = silent) -> Report:
    """Read and check a dataset on disk. Without a "jeu" sheet nor arguments, the dataset is named
    after the file (or folder) and its id is the slug of that name. `progress` hears the rows read
    and checked (see `progress.py`)."""
    path = Path(path)
    files = files_from_path(path)
    default = path.name if path.is_dir() else path.stem
    book = read_files(files, path.name, progress)
    del files  # the bytes are no longer needed: up to the upload cap of memory back before checking
    return validate(book, default, dataset_id, name, ref, progress)


def read_dataset(path: Path | str, dataset_id: str | None = None, name: str | None = None,
                 ref: Reference | None = None) -> Dataset:
    return check(path, dataset_id, name, ref).dataset_or_raise()


def check_uploaded(files: Mapping[str, bytes], name: str, dataset_id: str | None = None,
                   ref: Reference | None = None, progress: ReadProgress = silent) -> Report:
    """Check uploaded files: one workbook, one JSON, or CSV files.

    `name` names the dataset unless the files carry a "jeu" sheet that does (so that a re-uploaded
    export keeps its identity); the id is then the slug of the name. `dataset_id` forces the id.
    """
    label = next(iter(files)) if len(files) == 1 else ", ".join(files)
    default = name or (PurePath(label).stem if len(files) == 1 else "jeu")
    return validate(read_files(files, label, progress), default, dataset_id, None, ref, progress)


def read_uploaded(files: Mapping[str, bytes], name: str, dataset_id: str | None = None,
                  ref: Reference | None = None) -> Dataset:
    return check_uploaded(files, name, dataset_id, ref).dataset_or_raise()
