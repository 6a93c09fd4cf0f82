"""`ecosystem --help` and every command's `--help` stay fast: they import no heavy library.

Asking for help is the first thing a person does; it took 1.7 s (5 s on a busy machine) when building
the parser imported every command's dependencies. Command modules now import numpy, networkx, the
Neo4j driver, openpyxl... inside their handlers. Timing is too noisy to test on a shared machine, so
these tests check the cause instead: each help runs in a fresh interpreter, exactly as
`python -m ecosystem ... --help`, which then reports the heavy modules it holds. Commands are read
from the parser itself, so a command added later is checked too (docs/benchmarks.md has the times).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from ecosystem.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("numpy", "scipy", "networkx", "neo4j", "openpyxl", "pandas", "streamlit", "plotly")
"""Libraries that take tenths of a second each to import, and that no help text needs."""

PROBE = """
import importlib, json, runpy, sys
for name in {preload!r}:
    importlib.import_module(name)
try:
    runpy.run_module("ecosystem", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
heavy = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
print("\\nHEAVY=" + json.dumps(heavy))
"""
"""Runs `python -m ecosystem ARGS` in this interpreter, then prints the heavy libraries it imported."""


def heavy_modules_after(args: Sequence[str], preload: Sequence[str] = ()) -> list[str]:
    """The heavy libraries a fresh `python -m ecosystem ARGS` has imported once it has finished."""
    done = subprocess.run([sys.executable, "-c", PROBE.format(preload=tuple(preload), heavy=HEAVY), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    marker = [line for line in done.stdout.splitlines() if line.startswith("HEAVY=")]
    assert marker, f"the probe did not finish:\n{done.stdout}\n{done.stderr}"
    return json.loads(marker[-1][len("HEAVY="):])


def command_paths(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and sub-command of the CLI, e.g. ("load",), ("import", "rna"), ("neo4j", "start")."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name)
                yield from command_paths(sub, (*path, name))


COMMANDS = sorted(command_paths(build_parser()))


def test_top_level_help_imports_no_heavy_library() -> None:
    assert heavy_modules_after(["--help"]) == []


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_command_help_imports_no_heavy_library(command: tuple[str, ...]) -> None:
    assert heavy_modules_after([*command, "--help"]) == []


def test_the_commands_are_all_found() -> None:
    """The walk must reach nested commands, or the test above would check too little."""
    assert {("load",), ("overlaps",), ("import", "rna"), ("neo4j", "start"), ("app",)} <= set(COMMANDS)


def test_the_probe_sees_a_heavy_import() -> None:
    """The probe can fail: a module that loads openpyxl before the help is reported."""
    assert "openpyxl" in heavy_modules_after(["--help"], preload=["ecosystem.datasets"])


def test_version_imports_no_heavy_library() -> None:
    assert heavy_modules_after(["--version"]) == []


def test_export_formats_spelled_in_the_cli_are_the_exporters() -> None:
    """`ecosystem export --format` lists its choices without importing the exporters: same formats."""
    from ecosystem.commands.data import EXPORT_FORMATS
    from ecosystem.datasets import FORMATS

    assert EXPORT_FORMATS == FORMATS
