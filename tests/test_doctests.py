"""The examples in the package's docstrings run, so a docstring cannot drift from its function.

One test per module that holds an example, found by reading the sources (nothing is imported at
collection, so a module that needs Streamlit's runtime or a Neo4j server never breaks collection).
A second check counts the `>>>` lines of each module against the examples doctest finds: an example
doctest never runs (one in a nested function's docstring, one in a plain string) is a failure, not a
silent skip.
"""

from __future__ import annotations

import doctest
import importlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ecosystem"

# Modules that are scripts, not libraries: Streamlit runs each page top to bottom in a session,
# so importing one outside `streamlit run` fails. They must hold no example (checked below).
SCRIPTS = ("ecosystem.ui.pages.",)

PROMPT = re.compile(r"^\s*(?:[rbuRBU]?\"\"\"|[rbuRBU]?''')?\s*>>>", re.MULTILINE)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, str]:
    return {_module_name(p): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}


SOURCES = _sources()
WITH_EXAMPLES = sorted(name for name, text in SOURCES.items()
                       if PROMPT.search(text) and not name.startswith(SCRIPTS))


def _doctests(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    return [test for test in doctest.DocTestFinder(exclude_empty=True).find(module) if test.examples]


def test_the_scan_finds_the_examples() -> None:
    assert len(WITH_EXAMPLES) >= 18, WITH_EXAMPLES  # the issue counted 18 modules; more is fine
    assert "ecosystem.store.memory.matrices" in WITH_EXAMPLES


def test_scripts_hold_no_example() -> None:
    scripts = [name for name, text in SOURCES.items() if name.startswith(SCRIPTS) and PROMPT.search(text)]
    assert scripts == [], "these modules are never imported by the suite: move their examples"


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ECOSYSTEM_LANG", raising=False)  # the examples show the default language
    tests = _doctests(name)
    found = sum(len(test.examples) for test in tests)
    written = len(PROMPT.findall(SOURCES[name]))
    assert found == written, (f"{name}: {written} `>>>` lines but doctest sees {found} examples; "
                              "an example must start its own line inside a docstring")
    report = io.StringIO()
    runner = doctest.DocTestRunner(verbose=False)
    failed = sum(runner.run(test, out=report.write).failed for test in tests)
    assert failed == 0, report.getvalue()
