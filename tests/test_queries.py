"""The Cypher files in queries/: each used, each documented, each valid on the real server.

A query file nobody runs rots, and a name in the code without its file fails only at run time on
Neo4j, which the embedded-store tests never reach: both are caught here, without a server.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ecosystem.store.neo4j import cypher

NEO4J_PACKAGE = Path(cypher.__file__).resolve().parent
PACKAGE = NEO4J_PACKAGE.parent.parent
BENCHMARKS = PACKAGE.parent / "benchmarks"
SCRIPTS = {"schema"}  # several DDL statements, run one by one (cypher.statements)
# How the code names a query: runner.read("x"), tx.write("x"), autocommit("x"), _best("x", ...),
# statements("x"), query("x"), or the first of a tuple of load_ / coverage_ names looped over.
# Every such literal must have its file.
CALLS = re.compile(r"""(?:\.(?:read|write|autocommit|_best)|statements|query)\(\s*"([a-z0-9_]+)"""
                   r"""|\(\s*"((?:load|coverage)_[a-z_]+)",""")


def _code(where: Path = PACKAGE) -> str:
    files = [*where.rglob("*.py"), *BENCHMARKS.glob("*neo4j*.py")]
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(files))


def _used_names() -> set[str]:
    """Query names in the calls of the Neo4j modules and benchmark (other modules have other .read()s)."""
    return {a or b for a, b in CALLS.findall(_code(NEO4J_PACKAGE))}


def test_every_query_file_is_used_by_the_code():
    code = _code()
    unused = [name for name in cypher.names() if f'"{name}"' not in code]
    assert unused == [], f"query files no code runs: {unused}"


def test_every_query_named_in_the_code_has_a_file():
    used = _used_names()
    assert {"overlap_counts", "load_actors", "coverage_single", "schema"} <= used  # the pattern sees calls
    missing = sorted(used - set(cypher.names()))
    assert missing == [], f"queries named in the code without a file in queries/: {missing}"


@pytest.mark.parametrize("name", cypher.names())
def test_query_file_has_its_header(name):
    header = cypher.header(name)
    for field in cypher.HEADER_FIELDS:
        assert re.search(rf"^{field}\s*\S", header, re.MULTILINE), f"{name}.cypher: no '{field}' line"


@pytest.mark.parametrize("name", sorted(set(cypher.names()) - SCRIPTS))
def test_query_file_holds_one_query(name):
    body = [line for line in cypher.query(name).splitlines() if not line.lstrip().startswith("//")]
    assert not any(line.rstrip().endswith(";") for line in body), f"{name}.cypher: one query, no ';'"
    assert "\n".join(body).strip(), f"{name}.cypher is empty"


@pytest.mark.parametrize("name", sorted(set(cypher.names()) - SCRIPTS))
def test_parameters_are_documented(name):
    """Each $parameter the query reads is named in its header, so callers know what to pass."""
    body = "\n".join(line for line in cypher.query(name).splitlines() if not line.lstrip().startswith("//"))
    header = cypher.header(name)
    undocumented = sorted({p for p in re.findall(r"\$([a-z_]+)", body) if f"${p}" not in header})
    assert undocumented == [], f"{name}.cypher: parameters missing from the header: {undocumented}"


# Queries that may touch records of any version: they write or delete them by version themselves.
ANY_VERSION = {"bench_delete_actors", "bench_naive_actor", "layout_records", "load_actors", "load_alliances",
               "load_assessments", "load_policies", "load_coverage", "version_drop"}
RECORD = re.compile(r"\((\w+):(?:Actor|Policy|Alliance|Coverage)\b")


@pytest.mark.parametrize("name", sorted(set(cypher.names()) - SCRIPTS - ANY_VERSION))
def test_queries_see_only_live_versions(name):
    """Every actor, policy or alliance a query names is checked against the live versions (its
    `version`), or staged records and garbage would leak into answers (neo4j_versions.py)."""
    body = "\n".join(line for line in cypher.query(name).splitlines() if not line.lstrip().startswith("//"))
    unchecked = sorted({v for v in RECORD.findall(body)
                        if not re.search(rf"\b{v}\.version\b|\({v}:\w+ \{{version:", body)})
    assert unchecked == [], f"{name}.cypher: records not checked against the live versions: {unchecked}"


def test_script_statements_split():
    statements = cypher.statements("schema")
    assert len(statements) > 5
    assert all(not s.endswith(";") and "//" not in s for s in statements)


def test_unknown_query_name_says_which_file_is_missing():
    with pytest.raises(KeyError, match=r"no_such_query\.cypher"):
        cypher.query("no_such_query")


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(set(cypher.names()) - SCRIPTS))
def test_query_compiles_on_neo4j(neo4j_session_store, name):
    """EXPLAIN plans a query without running it: a syntax or semantic error fails here."""
    params = {p: None for p in re.findall(r"\$([a-z_]+)", cypher.query(name))}
    neo4j_session_store.runner.read_text(name, "EXPLAIN " + _without_comments(cypher.query(name)), params)


def _without_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
