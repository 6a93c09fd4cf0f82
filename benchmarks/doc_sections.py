"""One benchmark's own section of docs/benchmarks.md, written without touching the others.

Why: every benchmark that keeps its figures in the page needs the same edit, and seven copies of it
had drifted apart (some moved their section to the end, some doubled or dropped a blank line). A
section runs from its heading to the next heading of its level or above, or the end of the page.
"""

from __future__ import annotations

import re
from pathlib import Path


def _level(heading: str) -> int:
    return len(heading) - len(heading.lstrip("#"))


def _start(text: str, heading: str) -> int:
    """Where the line `heading` starts in `text`, or -1 ("### X" does not pass for "## X")."""
    if text.startswith(heading + "\n"):
        return 0
    at = text.find("\n" + heading + "\n")
    return at + 1 if at >= 0 else -1


def _end(text: str, start: int, heading: str, own_text_only: bool) -> int:
    """Where the section starting at `start` ends: at the next heading of its level or above, or, for
    `own_text_only`, at the next heading of any level (its subsections are then not its own)."""
    level = _level(heading)
    for match in re.finditer(r"\n(#{2,}) ", text[start + len(heading):]):
        if own_text_only or len(match.group(1)) <= level:
            return start + len(heading) + match.start() + 1
    return len(text)


def replaced(text: str, heading: str, section: str, keep_subsections: bool = False,
             parent: str | None = None) -> str:
    r"""`text` with the section under `heading` replaced by `section` where it is; when it is not
    there, added at the end of the section `parent` (its subsections included) or of the page.
    `section` starts with its heading; `keep_subsections` keeps the "###" parts under `heading`
    that other benchmarks write.

    >>> page = "# B\n\n## A\n\nold\n\n## C\n\nc\n"
    >>> print(replaced(page, "## A", "## A\n\nnew\n"), end="")
    # B
    <BLANKLINE>
    ## A
    <BLANKLINE>
    new
    <BLANKLINE>
    ## C
    <BLANKLINE>
    c
    >>> print(replaced("# B\n\n### A\n", "## A", "## A\n\nnew"), end="")
    # B
    <BLANKLINE>
    ### A
    <BLANKLINE>
    ## A
    <BLANKLINE>
    new
    """
    section = section.strip("\n") + "\n"
    at = _start(text, heading)
    if at >= 0:
        end = _end(text, at, heading, keep_subsections)
        rest = text[end:]
        return text[:at] + section + ("\n" + rest if rest else "")
    into = _start(text, parent) if parent else -1
    if into >= 0:
        end = _end(text, into, parent or "", False)
        head, rest = text[:end].rstrip("\n"), text[end:]
        return head + "\n\n" + section + ("\n" + rest if rest else "")
    return (text.rstrip("\n") + "\n\n" if text.strip() else "") + section


def write(path: Path, heading: str, section: str, keep_subsections: bool = False,
          parent: str | None = None) -> None:
    """Replace (or add) the section under `heading` in the page at `path` (created if missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replaced(text, heading, section, keep_subsections, parent), encoding="utf-8")
