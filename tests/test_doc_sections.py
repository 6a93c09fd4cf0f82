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
