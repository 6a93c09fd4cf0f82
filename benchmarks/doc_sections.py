"""One benchmark's own section of docs/benchmarks.md, written without touching the others.

Why: every benchmark that keeps its figures in the page needs the same edit, and seven copies of it
had drifted apart (some moved their section to the end, some doubled or dropped a blank line). A
section runs from its "## " heading to the next "## " heading or the end of the page.
"""

from __future__ import annotations

from pathlib import Path


def replaced(text: str, heading: str, section: str) -> str:
    """`text` with the section under `heading` replaced by `section` where it is, or `section` added
    at the end; `section` starts with its heading.

    >>> page = "# B\\n\\n## A\\n\\nold\\n\\n## C\\n\\nc\\n"
    >>> print(replaced(page, "## A", "## A\\n\\nnew\\n"), end="")
    # B
    <BLANKLINE>
    ## A
    <BLANKLINE>
    new
    <BLANKLINE>
    ## C
    <BLANKLINE>
    c
    >>> print(replaced("# B\\n\\n### A\\n", "## A", "## A\\n\\nnew"), end="")
    # B
    <BLANKLINE>
    ### A
    <BLANKLINE>
    ## A
    <BLANKLINE>
    new
    """
    section = section.strip("\n") + "\n"
    if text.startswith(heading + "\n"):
        at = 0
    else:  # at the start of a line: "### X" must not pass for "## X"
        at = text.find("\n" + heading + "\n")
        at = at + 1 if at >= 0 else -1
    if at < 0:
        return (text.rstrip("\n") + "\n\n" if text.strip() else "") + section
    following = text.find("\n## ", at + len(heading))
    rest = text[following + 1:] if following >= 0 else ""
    return text[:at] + section + ("\n" + rest if rest else "")


def write(path: Path, heading: str, section: str) -> None:
    """Replace (or add) the section under `heading` in the page at `path` (created if missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replaced(text, heading, section), encoding="utf-8")
