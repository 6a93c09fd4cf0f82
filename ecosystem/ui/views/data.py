"""What the Données page does: check uploads, list problems, build the template and the exports."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import pandas as pd

from ecosystem.datasets.export import csv_files, file_stem, graph_bytes, json_bytes
from ecosystem.datasets.reader import check_uploaded
from ecosystem.datasets.template import template_workbook
from ecosystem.datasets.validate import Report
from ecosystem.errors import Problem, is_french
from ecosystem.store.base import Store
from ecosystem.ui.i18n import date_label, t

UPLOAD_TYPES = ("xlsx", "xlsm", "csv", "tsv", "json")
PROBLEMS_SHOWN = 300
"""Problems listed on the page; all of them are in the CSV the page offers to download."""
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")


@dataclass(frozen=True, slots=True)
class Download:
    file_name: str
    data: bytes
    mime: str


def check_files(files: tuple[tuple[str, bytes], ...], name: str) -> Report:
    """Read and validate uploaded files ({name: bytes} as pairs, hashable for the cache)."""
    return check_uploaded(dict(files), name.strip() or "jeu")


def problem_sentence(problem: Problem, lang: str) -> str:
    """What is wrong, in `lang`; the table's other columns say where."""
    return problem.expected_fr if is_french(lang) else problem.expected


def problems_table(problems: tuple[Problem, ...], lang: str) -> pd.DataFrame:
    """Every problem with its file, row, column and value: what to fix, and where, in Excel."""
    keys = ("data.col_file", "data.col_row", "data.col_column", "data.col_value", "data.col_problem")
    rows = [(p.where, p.row, p.column or "", p.value or "", problem_sentence(p, lang)) for p in problems]
    frame = pd.DataFrame(rows, columns=[t(k, lang) for k in keys])
    frame[t("data.col_row", lang)] = frame[t("data.col_row", lang)].astype("Int64")
    return frame


def csv_for_excel(frame: pd.DataFrame) -> bytes:
    """A table as CSV that French Excel opens right on a double click: `;`, UTF-8 with a BOM."""
    return frame.to_csv(index=False, sep=";").encode("utf-8-sig")


def template_bytes(lang: str) -> Download:
    out = io.BytesIO()
    template_workbook(lang).save(out)
    name = "modele-ecosysteme.xlsx" if lang == "fr" else "ecosystem-template.xlsx"
    return Download(name, out.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


EXPORT_LABELS = {"graphml": "GraphML", "gexf": "GEXF", "json": "JSON (.zip)", "csv": "CSV (.zip)"}
EXPORT_MIME = {"graphml": "application/xml", "gexf": "application/xml", "json": "application/zip",
               "csv": "application/zip"}


def export_name(fmt: str) -> str:
    return f"ecosysteme.{fmt}" if fmt in ("graphml", "gexf") else f"ecosysteme-{fmt}.zip"


def export_data(store: Store, fmt: str, lang: str) -> bytes:
    """The whole graph as one file (GraphML, GEXF), or the datasets in their own format (a zip with
    one JSON file, or one folder of CSV files, per dataset): they can be imported again."""
    datasets = [store.dataset(d.id) for d in store.datasets()]
    if fmt in ("graphml", "gexf"):
        return graph_bytes(datasets, fmt)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for dataset in datasets:
            stem = file_stem(dataset.id)
            if fmt == "json":
                archive.writestr(f"{stem}.json", json_bytes(dataset))
            elif fmt == "csv":
                for file_name, data in csv_files(dataset, lang).items():
                    archive.writestr(f"{stem}/{file_name}", data)
            else:
                raise ValueError(f"unknown export format {fmt!r}")
    return out.getvalue()


def datasets_table(store: Store, lang: str) -> pd.DataFrame:
    keys = ("common.name", "data.col_id", "data.col_loaded_at", "data.col_actors", "data.col_alliances",
            "data.col_policies")
    rows = [(d.name, d.id, date_label(d.loaded_at, lang), d.count("actors"), d.count("alliances"),
             d.count("policies")) for d in store.datasets()]
    return pd.DataFrame(rows, columns=[t(k, lang) for k in keys])
