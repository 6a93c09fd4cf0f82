"""The column reference of docs/dataset-format.md, generated from `columns.py`.

The hand-written part of the page explains; the tables between the two markers are this module's
output, and a test fails when they drift. Regenerate with `python -m ecosystem.datasets.docs`, in the
repository: an installed package carries a copy of the page (`ecosystem.resources`) and never rewrites it.
"""

from __future__ import annotations

import sys

from ecosystem.datasets.columns import SHEETS, Column, Kind, accepted
from ecosystem.resources import DATASET_FORMAT_DOC, SOURCE_TREE

BEGIN = "<!-- BEGIN GENERATED: python -m ecosystem.datasets.docs -->"
END = "<!-- END GENERATED -->"
DOC_PATH = DATASET_FORMAT_DOC


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _accepted(column: Column) -> str:
    if column.kind is Kind.CHOICE:
        values = ", ".join(f"`{c.value}`" + (f" ({c.fr})" if c.fr != c.value else "") for c in column.choices)
        return values + (f" ; vide : `{column.default}`" if column.default else "")
    text = accepted(column, "fr")
    if column.kind is Kind.POLICY_KIND:
        text += " (" + ", ".join(c.value for c in column.choices) + ")"
    if column.default:
        text += f" ; vide : `{column.default}`"
    return text


def reference_markdown() -> str:
    """One section per sheet: what it holds, then a table of its columns."""
    lines: list[str] = []
    for sheet in SHEETS:
        lines += [
            f"### Feuille `{sheet.fr}` ({sheet.title_fr} ; en anglais : `{sheet.en}`)",
            "",
            sheet.help_fr,
            "",
            "Noms acceptés pour l'onglet ou le fichier : "
            + ", ".join(f"`{n}`" for n in dict.fromkeys((sheet.fr, sheet.en, *sheet.aliases))) + ".",
            "",
            "| Colonne | En anglais | Obligatoire | Plusieurs valeurs | Valeurs acceptées | Explication "
            "| Exemple |",
            "|---|---|---|---|---|---|---|",
        ]
        for c in sheet.columns:
            example = f"`{c.example}`" if c.example else ""
            lines.append(
                f"| **{c.fr}** | {c.en} | {'oui' if c.required else ''} | {'oui' if c.multi else ''} "
                f"| {_cell(_accepted(c))} | {_cell(c.help_fr)} | {_cell(example)} |")
        aliases = [f"{c.fr} : {', '.join(c.aliases)}" for c in sheet.columns if c.aliases]
        if aliases:
            lines += ["", "Autres en-têtes reconnus : " + " ; ".join(aliases) + "."]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def with_reference(page: str) -> str:
    """`page` with the text between the markers replaced by the current reference."""
    head, _, rest = page.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n\n{reference_markdown()}\n{END}{tail}"


def main() -> int:
    if not SOURCE_TREE:
        print("the page is regenerated in the repository (docs/dataset-format.md), "
              "not in an installed package", file=sys.stderr)
        return 1
    page = DOC_PATH.read_text(encoding="utf-8")
    if BEGIN not in page or END not in page:
        print(f"{DOC_PATH} has no generated section markers", file=sys.stderr)
        return 1
    DOC_PATH.write_text(with_reference(page), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
