"""Every `ecosystem ...` command line the README and docs/ show is one the CLI accepts.

Users copy these lines. Each is found in code blocks and inline code, then (in-process, through
`ecosystem.cli.main`) its `--help` must exit 0, so a command that does not exist fails; and the
line itself must parse, so a wrong option or a positional argument the command does not take fails.
A line may leave out required arguments (prose says `ecosystem import rna` for the whole command),
but nothing it does write may be wrong.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from ecosystem.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))

FENCE = re.compile(r"^(\s*)(```|~~~)")
INLINE = re.compile(r"`([^`\n]+)`")
# `ecosystem` as a program: at the start, after a space, `(`, `"` or a folder (`.venv/bin/ecosystem`),
# followed by a space or the end (so `ecosystem/` and `ecosystem.cli` are paths, not commands)
PROGRAM = re.compile(r"(?:^|(?<=[\s(\"'/]))ecosystem(?=\s|$)")
# where a shell command ends: a pipe, `&&`, `;`, the end of `$( )`, a comment
END = re.compile(r"\s\|\s|&&|;|\)|\s#|^#")


@dataclass(frozen=True)
class DocCommand:
    where: str  # file:line
    argv: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.where}: ecosystem {shlex.join(self.argv)}"


def _code_spans(text: str) -> list[tuple[int, str]]:
    """(line number, code) for every line of a fenced block and every inline code span."""
    spans: list[tuple[int, str]] = []
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced and spans and spans[-1][1].endswith("\\"):  # a command continued on this line
            spans[-1] = (spans[-1][0], spans[-1][1][:-1] + " " + line)
        elif fenced:
            spans.append((number, line))
        else:
            spans.extend((number, match.group(1)) for match in INLINE.finditer(line))
    return spans


def _alternatives(tokens: list[str]) -> list[list[str]]:
    """`neo4j start|stop` is written for `neo4j start` and `neo4j stop`: one argv for each."""
    for i, token in enumerate(tokens):
        if "|" in token:
            return [argv for choice in token.split("|")
                    for argv in _alternatives([*tokens[:i], choice, *tokens[i + 1:]])]
    return [tokens]


def commands_in(path: Path) -> list[DocCommand]:
    """The `ecosystem` command lines written in one Markdown file."""
    found: list[DocCommand] = []
    where = path.relative_to(ROOT).as_posix()
    for number, code in _code_spans(path.read_text(encoding="utf-8")):
        for match in PROGRAM.finditer(code):
            rest = END.split(code[match.end():], maxsplit=1)[0]
            tokens = shlex.split(rest)
            for argv in _alternatives(tokens):
                if argv:
                    found.append(DocCommand(f"{where}:{number}", tuple(argv)))
    return found


COMMANDS = [command for doc in DOCS for command in commands_in(doc)]


def _assert_accepted(command: DocCommand, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as helped:
        main([*command.argv, "--help"])
    assert helped.value.code == 0, f"{command}: `--help` exits {helped.value.code}"
    capsys.readouterr()
    try:
        build_parser().parse_args(list(command.argv))
    except SystemExit as refused:
        error = capsys.readouterr().err
        assert refused.code == 2 and "the following arguments are required" in error, f"{command}: {error}"


def test_the_scan_finds_the_documented_commands() -> None:
    written = {str(c).split(": ", 1)[1] for c in COMMANDS}
    assert {"ecosystem validate data/examples/demo-drome", "ecosystem neo4j env",
            "ecosystem neo4j status", "ecosystem import sirene"} <= written
    assert len(COMMANDS) >= 30


def test_a_command_that_does_not_exist_is_caught(capsys: pytest.CaptureFixture[str]) -> None:
    """The check itself can fail: the two wrong lines the docs once held are rejected."""
    for wrong in (("check", "mon-territoire.xlsx"), ("template", "mon-territoire.xlsx")):
        with pytest.raises(AssertionError):
            _assert_accepted(DocCommand("example", wrong), capsys)


@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_documented_command_exists(command: DocCommand, capsys: pytest.CaptureFixture[str]) -> None:
    _assert_accepted(command, capsys)
