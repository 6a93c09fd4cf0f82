"""Where the package finds its shipped files, what the build copies, and how `ecosystem app` starts Streamlit.

The installed side (a real wheel in a fresh venv) is tests/test_package.py; these run in the checkout.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit.web import cli as streamlit_cli

from ecosystem import resources
from ecosystem.cli import build_parser
from ecosystem.commands.app import config_flags, streamlit_command

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


def test_a_rebuild_leaves_no_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "queries" / "deleted_since.cypher"
    stale.parent.mkdir()
    stale.write_text("RETURN 1", encoding="utf-8")
    resources.copy_shipped(ROOT, tmp_path)
    assert not stale.exists()
    assert (tmp_path / "queries" / "actors_in.cypher").is_file()


def test_a_missing_shipped_path_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"\.streamlit/config\.toml is missing"):
        resources.copy_shipped(tmp_path, tmp_path / "out")


def _streamlit_params(command: list[str]) -> dict:
    """What `streamlit run` makes of the command line (parsed by Streamlit's own CLI, not run)."""
    assert command[1:4] == ["-m", "ecosystem.ui.serve", "run"]  # Streamlit's CLI, warmed at start
    return streamlit_cli.main_run.make_context("run", command[4:]).params


def test_ecosystem_app_passes_every_project_setting_to_streamlit() -> None:
    params = _streamlit_params(streamlit_command())  # an unknown option would raise here
    config = tomllib.loads(resources.STREAMLIT_CONFIG.read_text(encoding="utf-8"))
    for section, options in config.items():
        for key, value in options.items():
            assert params[f"{section}_{key}"] == value, f"[{section}] {key}"
    assert params["target"] == str(resources.APP_SCRIPT)
    assert (params["server_address"], params["server_port"]) == ("127.0.0.1", 8501)


def test_the_callers_streamlit_options_win() -> None:
    params = _streamlit_params(streamlit_command(
        "127.0.0.1", 8600, ["--server.address", "0.0.0.0", "--server.maxUploadSize", "500"]))
    assert (params["server_address"], params["server_port"], params["server_maxUploadSize"]) == \
        ("0.0.0.0", 8600, 500)


def test_config_flags_refuse_what_a_flag_cannot_say(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[server]\nfolderWatchList = ["a", "b"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="folderWatchList"):
        config_flags(config)


def test_the_app_command_line() -> None:
    parser = build_parser()
    args = parser.parse_args(["app"])
    assert (args.address, args.port, args.streamlit_args) == ("127.0.0.1", 8501, [])
    args = parser.parse_args(["app", "--port", "8600", "--", "--server.headless", "true"])
    assert (args.port, args.streamlit_args) == (8600, ["--server.headless", "true"])
