"""What is derived from columns.py: the Excel template and docs/dataset-format.md."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest

from ecosystem.datasets.columns import SHEETS
from ecosystem.datasets.docs import BEGIN, DOC_PATH, END, reference_markdown, with_reference
from ecosystem.datasets.reader import check, read_uploaded
from ecosystem.datasets.rows import rows_to_book
from ecosystem.datasets.template import template_workbook, write_template
from ecosystem.datasets.validate import validate


@pytest.fixture(scope="module", params=["fr", "en"])
def template(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / f"modele-{request.param}.xlsx"
    return request.param, write_template(path, request.param)


def test_the_template_filled_as_is_validates(template):
    _, path = template
    report = check(path)
    assert report.problems == () and report.warnings == ()
    dataset = report.dataset
    assert dataset is not None and dataset.id == "exemple-drome"
    assert [len(x) for x in (dataset.actors, dataset.policies, dataset.alliances, dataset.memberships,
                             dataset.assessments)] == [1, 1, 1, 1, 1]  # one example row per sheet
    assert dataset.actors[0].territories == ("epci:200040509",)  # real Drôme codes
    assert dataset.alliances[0].territories == ("commune:26108",)


def test_template_layout(template):
    lang, path = template
    workbook = openpyxl.load_workbook(path)
    readme, lists = ("Lisez-moi", "Listes") if lang == "fr" else ("Read me", "Lists")
    assert workbook.sheetnames == [readme, *(s.title(lang) for s in SHEETS), lists]
    assert workbook[lists].sheet_state == "hidden"
    for sheet in SHEETS:
        ws = workbook[sheet.title(lang)]
        assert ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]] == [c.header(lang) for c in sheet.columns]
        assert all(c.comment is not None for c in ws[1])
        assert all(ws.column_dimensions[c.column_letter].width >= 12 for c in ws[1])


def test_template_has_dropdowns_where_values_are_fixed():
    workbook = template_workbook("fr")

    def dropdowns(title: str) -> dict[str, tuple[bool, list[str]]]:
        """header -> (refuses other values, values offered)"""
        found = {}
        for validation in workbook[title].data_validations.dataValidation:
            tab, cells = validation.formula1.split("!")
            offered = [str(c.value) for (c,) in workbook[tab.strip("'")][cells.replace("$", "")]]
            for cell_range in validation.sqref.ranges:
                header = workbook[title].cell(1, cell_range.min_col).value
                found[header] = (validation.showErrorMessage, offered)
        return found

    actors = dropdowns("Acteurs")
    strict = {header: refuses for header, (refuses, _) in actors.items()}
    assert strict == {"Type": True, "Offre": False, "Besoins": False, "Actif": True}
    assert actors["Type"][1] == ["association", "entreprise", "collectivite", "service_public", "fondation",
                                 "recherche", "collectif_citoyen", "autre"]
    assert actors["Offre"][1][:2] == ["donnees", "outils"]
    assert dropdowns("Alliances")["Statut"] == (True, ["projet", "active", "terminee"])
    assert dropdowns("Membres")["Rôle"] == (True, ["pilote", "partenaire", "financeur", "beneficiaire"])
    assessments = dropdowns("Évaluations")
    assert assessments["Note"] == (True, ["0", "1", "2", "3"])
    assert len(assessments["Levier"][1]) == 21
    assert dropdowns("Politiques")["Type"][0] is False  # other kinds of policy may be typed


def test_the_readme_explains_every_column():
    readme = template_workbook("fr")["Lisez-moi"]
    explained = {(row[0], row[1]) for row in readme.iter_rows(values_only=True) if row[1]}
    assert {(s.title_fr, c.fr) for s in SHEETS for c in s.columns} <= explained


def test_code_columns_are_text_so_excel_keeps_leading_zeros():
    ws = template_workbook("fr")["Acteurs"]
    formats = {ws.cell(1, i).value: ws.column_dimensions[ws.cell(1, i).column_letter].number_format
               for i in range(1, ws.max_column + 1)}
    assert formats["Territoires"] == formats["SIREN"] == formats["Identifiant"] == "@"
    assert formats["Nom"] == "General"


def test_unknown_template_language_is_refused():
    with pytest.raises(ValueError, match="fr or en"):
        template_workbook("de")


def test_every_documented_example_validates():
    """A row of each sheet made of the column examples (the docs' Exemple column) is valid."""
    rows = {s.name: [{c.name: c.example for c in s.columns}] for s in SHEETS}
    report = validate(rows_to_book(rows), "exemples")
    assert report.problems == ()


# ----------------------------------------------------------------------------- docs/dataset-format.md

def test_docs_mention_every_sheet_and_column():
    page = DOC_PATH.read_text(encoding="utf-8")
    for sheet in SHEETS:
        assert f"`{sheet.fr}`" in page, sheet.name
        for column in sheet.columns:
            assert f"| **{column.fr}** | {column.en} |" in page, (sheet.name, column.name)


def test_docs_reference_is_generated_from_columns():
    page = DOC_PATH.read_text(encoding="utf-8")
    assert BEGIN in page and END in page
    assert with_reference(page) == page, "run: python -m ecosystem.datasets.docs"
    assert reference_markdown() in page


def test_docs_json_example_is_a_valid_dataset():
    page = DOC_PATH.read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", page, flags=re.DOTALL)
    dataset = read_uploaded({"exemple.json": example.encode()}, "exemple")
    assert (dataset.id, len(dataset.actors), len(dataset.memberships)) == ("exemple-drome", 1, 1)
    assert json.loads(example)["acteurs"][0]["id"] == dataset.actors[0].id


def test_docs_say_how_to_get_the_template():
    assert "ecosystem template" in DOC_PATH.read_text(encoding="utf-8")
