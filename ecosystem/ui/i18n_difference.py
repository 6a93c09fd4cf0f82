"""The sentences saying what a re-import changed (merged into i18n.STRINGS).

A replacement's load report counts, per kind of record, what was added, removed and changed
(`LoadReport.changes`, from ecosystem.datasets.difference); `ecosystem.ui.views.changes` agrees the
words with each count and kind, the CLI and the app's Données page show the result.
"""

from __future__ import annotations

DIFFERENCE_STRINGS: dict[str, tuple[str, str]] = {
    "difference.summary": ("Changements : {changes}.", "Changes: {changes}."),
    "difference.nothing": ("aucun enregistrement n'a changé, seulement la description du jeu",
                           "no record changed, only the dataset's description"),
    "difference.and": ("et", "and"),
    # participles, masculine singular in French (agreed by views/changes.py)
    "difference.changed": ("modifié", "changed"),
    "difference.added": ("ajouté", "added"),
    "difference.removed": ("retiré", "removed"),
}
