"""The import summary as the Données page writes it: the reasons of the rejects form a list that ends
before the next line (seen in the journey's screenshots: « ODD déduits » inside the last reason)."""

from __future__ import annotations

from ecosystem.ui.views.registers import summary_markdown

LINES = [
    "Importés : 3 actifs (nouveaux 3, mis à jour 0, inchangés 0)",
    "Écartés : 1",
    "  - association dissoute (position D) : 1",
    "ODD déduits (à confirmer) : 3 liens pour 2 acteurs",
]


def test_a_line_after_the_reasons_is_not_part_of_the_last_reason():
    assert summary_markdown(LINES) == (
        "Importés : 3 actifs (nouveaux 3, mis à jour 0, inchangés 0)  \n"
        "Écartés : 1  \n"
        "- association dissoute (position D) : 1\n\n"
        "ODD déduits (à confirmer) : 3 liens pour 2 acteurs"
    )


def test_lines_without_reasons_are_joined_by_line_breaks():
    assert summary_markdown(["a", "b"]) == "a  \nb"
    assert summary_markdown([]) == ""
