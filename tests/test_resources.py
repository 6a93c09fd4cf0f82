"""Where the package finds its shipped files, and what the build copies.

The installed side (a real wheel in a fresh venv) is tests/test_package.py; these run in the checkout.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecosystem import resources

ROOT = Path(__file__).resolve().parent.parent


def test_a_checkout_reads_the_repository_itself() -> None:
    assert resources.SOURCE_TREE
    assert resources.ROOT == ROOT
    assert resources.QUERY_DIR == ROOT / "queries"
    assert resources.DEMO_DIR == ROOT / "data" / "examples" / "demo-drome"
    for relative in resources.SHIPPED_PATHS:
        assert (ROOT / relative).exists(), relative
    for path in (resources.REFERENCE_DIR, resources.DEMO_DIR, resources.QUERY_DIR, resources.APP_SCRIPT,
                 resources.STREAMLIT_CONFIG, resources.DATASET_FORMAT_DOC):
        assert path.exists() and path.is_relative_to(ROOT), path


def test_site_packages_is_not_a_source_tree(tmp_path: Path) -> None:
    (tmp_path / "ecosystem").mkdir()
    assert not resources.is_source_tree(tmp_path)
    (tmp_path / "queries").mkdir()
    assert not resources.is_source_tree(tmp_path), "a stray folder is not a project"
    (tmp_path / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    assert resources.is_source_tree(tmp_path)


def test_the_build_copies_every_shipped_path_but_the_maintainers_script(tmp_path: Path) -> None:
    written = resources.copy_shipped(ROOT, tmp_path)
    copied = {p.relative_to(tmp_path).as_posix() for p in written}
    assert copied == {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert {"app.py", ".streamlit/config.toml", "docs/dataset-format.md",
            "data/reference/territories.csv", "data/examples/demo-drome/acteurs.csv"} <= copied
    assert {f"queries/{p.name}" for p in (ROOT / "queries").glob("*.cypher")} <= copied
    assert "data/reference/build_territories.py" not in copied
    assert not any("__pycache__" in name for name in copied)
    assert (tmp_path / "queries" / "actors_in.cypher").read_bytes() == \
        (ROOT / "queries" / "actors_in.cypher").read_bytes()


def test_a_missing_shipped_path_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"\.streamlit/config\.toml is missing"):
        resources.copy_shipped(tmp_path, tmp_path / "out")
