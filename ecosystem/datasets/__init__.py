"""Territory datasets: read (CSV / Excel / JSON), validate, template and export.

    from ecosystem.datasets import read_dataset, check
    dataset = read_dataset("territoire.xlsx")      # Dataset, or raises DatasetInvalid / UnreadableFile
    report = check("dossier-csv/")                 # Report: dataset or every problem, plus warnings
    for problem in report.problems:
        print(problem.text("fr"))                  # French; str(problem) is English

The format is declared once in `columns.py`; docs/dataset-format.md describes it for people.
"""

from ecosystem.datasets.export import FORMATS, export, export_datasets
from ecosystem.datasets.problems import DatasetProblem, text
from ecosystem.datasets.reader import check, check_uploaded, read_dataset, read_uploaded
from ecosystem.datasets.template import write_template
from ecosystem.datasets.validate import Report

__all__ = [
    "FORMATS",
    "DatasetProblem",
    "Report",
    "check",
    "check_uploaded",
    "export",
    "export_datasets",
    "read_dataset",
    "read_uploaded",
    "text",
    "write_template",
]
