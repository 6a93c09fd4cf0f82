"""Each benchmark rewrites only its own section of docs/benchmarks.md (`benchmarks/doc_sections.py`)."""

from __future__ import annotations

import doctest

from benchmarks import doc_sections

PAGE = """# Benchmarks

Intro.

## Loading

loads

### Pair listing in flat memory

pairs

## Network map

old figures

## What-if

whatif
"""


def test_the_examples_of_the_module_hold() -> None:
    result = doctest.testmod(doc_sections)
    assert result.attempted >= 2 and result.failed == 0


def test_a_section_is_replaced_where_it_is_and_the_others_are_kept() -> None:
    new = doc_sections.replaced(PAGE, "## Network map", "## Network map\n\nnew figures\n")
    assert new == PAGE.replace("old figures", "new figures")
    assert doc_sections.replaced(new, "## Network map", "## Network map\n\nnew figures") == new


def test_a_subsection_heading_is_not_taken_for_a_section() -> None:
    new = doc_sections.replaced(PAGE, "## Pair listing in flat memory", "## Pair listing in flat memory\n\nx")
    assert new == PAGE + "\n## Pair listing in flat memory\n\nx\n"


def test_the_last_section_and_a_new_page() -> None:
    assert doc_sections.replaced(PAGE, "## What-if", "## What-if\n\nnew") == PAGE.replace("whatif\n", "new\n")
    assert doc_sections.replaced("", "## A", "## A\n\nx") == "## A\n\nx\n"


def test_subsections_written_by_other_benchmarks_can_be_kept() -> None:
    kept = doc_sections.replaced(PAGE, "## Loading", "## Loading\n\nnew loads", keep_subsections=True)
    assert kept == PAGE.replace("loads\n", "new loads\n")
    dropped = doc_sections.replaced(PAGE, "## Loading", "## Loading\n\nnew loads")
    assert "### Pair listing" not in dropped and "## Network map" in dropped


def test_a_subsection_goes_at_the_end_of_its_parent_section() -> None:
    new = doc_sections.replaced(PAGE, "### Groups", "### Groups\n\ng", parent="## Loading")
    assert new == PAGE.replace("pairs\n\n## Network map", "pairs\n\n### Groups\n\ng\n\n## Network map")
    again = doc_sections.replaced(new, "### Groups", "### Groups\n\nh", parent="## Loading")
    assert again == new.replace("\ng\n", "\nh\n")
