"""Named Cypher queries, read from `queries/<name>.cypher` (one query per file) and cached.

The folder is found by `ecosystem.resources`: the repository's `queries/`, or its copy inside an
installed package.

Cypher is data, not code: every query the Neo4j store runs lives in its own file with a header of
`//` comment lines giving its purpose, parameters and result columns, so it can be read, profiled
in Neo4j Browser and reviewed on its own. Values always go in as parameters; a query never has
anything formatted into it. `tests/test_queries.py` checks that every file is used and documented.

The one exception to "one query per file" is a *script* (`schema.cypher`): idempotent DDL statements,
which Neo4j runs one at a time, separated by a `;` at the end of a line.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ecosystem.resources import QUERY_DIR

HEADER_FIELDS = ("Purpose:", "Parameters:", "Result:")


def path(name: str) -> Path:
    return QUERY_DIR / f"{name}.cypher"


@cache
def _text(name: str) -> str:
    file = path(name)
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"no Cypher query named {name!r}: expected the file {file}") from None


def header(name: str) -> str:
    """The leading `//` comment lines of a query file, without the slashes."""
    lines = []
    for line in _text(name).splitlines():
        if not line.startswith("//"):
            break
        lines.append(line[2:].strip())
    return "\n".join(lines)


def query(name: str) -> str:
    """The text of the named query, comments included (Neo4j ignores them)."""
    return _text(name)


def statements(name: str) -> list[str]:
    """The statements of a script file, split on `;` at the end of a line, comments dropped."""
    body = "\n".join(line for line in _text(name).splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in re.split(r";[ \t]*$", body, flags=re.MULTILINE) if s.strip()]


def names() -> list[str]:
    """Every query file's name, sorted."""
    return sorted(p.stem for p in QUERY_DIR.glob("*.cypher"))
