"""Documentation cannot drift: every setting and every command is documented, with an example."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from ecosystem.cli import build_parser
from ecosystem.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                for inner in sub._actions:
                    if isinstance(inner, argparse._SubParsersAction):
                        for inner_name, inner_sub in inner.choices.items():
                            found[f"{name} {inner_name}"] = inner_sub
    return found


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.env)
def test_every_setting_is_documented(setting):
    assert f"`{setting.env}`" in (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_an_example_and_is_in_the_readme(name):
    sub = _commands()[name]
    assert "Example" in (sub.epilog or ""), f"`ecosystem {name} --help` shows no example"
    top = name.split()[0]
    assert f"ecosystem {top}" in README, f"README does not mention `ecosystem {top}`"


def test_readme_gives_the_two_commands_and_ci_calls_the_test_one():
    assert "make run" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_documentation_links_resolve():
    for line in README.splitlines():
        if "](docs/" in line:
            target = line.split("](", 1)[1].split(")", 1)[0]
            assert (ROOT / target).exists(), target
