"""Export what a store holds: CSV and JSON in the dataset format itself, GraphML and GEXF as a graph.

CSV and JSON read back with `read_dataset` into the very dataset that was exported (the round trip
is tested), so an export is also a backup and a way to edit a dataset in Excel and load it again.

- csv: one folder per dataset, `<dest>/<dataset id>/acteurs.csv ...`, French headers (English with
  lang="en"), `;`-separated UTF-8 with a BOM: what French Excel opens correctly on a double click.
  Cells a spreadsheet would run as a formula are neutralised with a leading apostrophe.
- json: one file per dataset, `<dest>/<dataset id>.json`, shaped like `model.dataset_to_dict`
  (English keys, lists, numbers): the form programs expect; the reader accepts French keys too.
- graphml, gexf: one file holding every loaded dataset as one graph (`graph.dataset_graph`).

The functions returning bytes (`csv_files`, `json_bytes`, `graph_bytes`) serve the app's download
buttons; `export` writes them for the CLI. Every text goes out without control characters
(`ecosystem.controls`), whatever reached the store: XML 1.0 forbids most of them, and a lone
surrogate cannot be written as UTF-8 at all, so each format is valid whatever the Unicode in the data.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from ecosystem.controls import has_controls, strip_controls
from ecosystem.datasets.cells import CSV_TRIGGERS, JSON_TRIGGERS, neutralise
from ecosystem.datasets.columns import SHEETS
from ecosystem.datasets.graph import dataset_graph
from ecosystem.datasets.rows import dataset_to_rows
from ecosystem.model import Dataset, dataset_to_dict
from ecosystem.reference import Reference
from ecosystem.store.base import Store
from ecosystem.text import slugify

FORMATS = ("graphml", "gexf", "json", "csv")


def csv_files(dataset: Dataset, lang: str = "fr") -> dict[str, bytes]:
    """{file name: bytes} of the dataset's CSV folder, every sheet present (empty ones as a header)."""
    rows = dataset_to_rows(dataset, lang)
    files: dict[str, bytes] = {}
    for sheet in SHEETS:
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([c.header(lang) for c in sheet.columns])
        for row in rows[sheet.name]:
            writer.writerow([neutralise(strip_controls(row.get(c.name, "")), CSV_TRIGGERS)
                             for c in sheet.columns])
        files[sheet.file_name(lang)] = out.getvalue().encode("utf-8-sig")
    return files


def _neutralise_json(value: object) -> object:
    if isinstance(value, str):
        return neutralise(strip_controls(value), JSON_TRIGGERS)
    if isinstance(value, list):
        return [_neutralise_json(v) for v in value]
    if isinstance(value, dict):
        return {strip_controls(str(k)): _neutralise_json(v) for k, v in value.items()}
    return value


def json_bytes(dataset: Dataset) -> bytes:
    document = _neutralise_json(dataset_to_dict(dataset))
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _xml_text(value: str) -> str:
    r"""Text XML keeps as written: no control character, and line breaks as "\n" only.

    XML parsers turn a raw "\r" of element text into "\n" while an attribute keeps it escaped, so
    GraphML (text) and GEXF (attributes) would give a description back differently.

    >>> _xml_text("a\r\nb\rc\x1bd")
    'a\nb\ncd'
    """
    return strip_controls(value).replace("\r\n", "\n").replace("\r", "\n")


def _clean_attributes(data: dict) -> None:
    for key, value in data.items():
        if isinstance(value, str) and (has_controls(value) or "\r" in value):
            data[key] = _xml_text(value)


def xml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with no control character in a node id or a text attribute (cleaned in place, node
    ids relabelled in a copy): what XML 1.0 can hold."""
    renamed = {n: strip_controls(n) for n in graph if isinstance(n, str) and has_controls(n)}
    if renamed:
        graph = nx.relabel_nodes(graph, renamed, copy=True)
    _clean_attributes(graph.graph)
    for _, data in graph.nodes(data=True):
        _clean_attributes(data)
    for *_, data in graph.edges(keys=True, data=True):
        _clean_attributes(data)
    return graph


def graph_bytes(datasets: Iterable[Dataset], fmt: str, ref: Reference | None = None) -> bytes:
    """GraphML or GEXF of these datasets as one graph."""
    graph = xml_safe(dataset_graph(datasets, ref))
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(graph, out, encoding="utf-8")
    else:
        raise ValueError(f"graph format must be graphml or gexf, not {fmt!r}")
    return out.getvalue()


def file_stem(dataset_id: str) -> str:
    """A safe file or folder name for a dataset id (the id itself travels inside the files)."""
    return slugify(dataset_id) or "jeu"


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a failed export leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_datasets(datasets: list[Dataset], fmt: str, dest: Path | str, lang: str = "fr",
                    ref: Reference | None = None) -> list[Path]:
    """Write `datasets` as `fmt` under `dest`; returns the folders (csv) or files written.

    `dest` is a folder for csv and json, a file for graphml and gexf (a folder gets
    `ecosystem.graphml` / `ecosystem.gexf` inside).
    """
    dest = Path(dest)
    if fmt not in FORMATS:
        raise ValueError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    written: list[Path] = []
    if fmt == "csv":
        for dataset in datasets:
            folder = dest / file_stem(dataset.id)
            for name, data in csv_files(dataset, lang).items():
                _write(folder / name, data)
            written.append(folder)
    elif fmt == "json":
        for dataset in datasets:
            path = dest / f"{file_stem(dataset.id)}.json"
            _write(path, json_bytes(dataset))
            written.append(path)
    else:
        path = dest / f"ecosystem.{fmt}" if dest.is_dir() else dest
        _write(path, graph_bytes(datasets, fmt, ref))
        written.append(path)
    return written


def export(store: Store, fmt: str, dest: Path | str, dataset_ids: Iterable[str] | None = None,
           lang: str = "fr") -> list[Path]:
    """Export the datasets a store holds (all, or those of `dataset_ids`: NotFound for an unknown
    one), as `export_datasets` does."""
    ids = [info.id for info in store.datasets()] if dataset_ids is None else list(dataset_ids)
    return export_datasets([store.dataset(i) for i in ids], fmt, dest, lang)
