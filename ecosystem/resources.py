"""Where the files the package reads but does not hold as code live: reference data, the demo, Cypher.

The repository keeps them at its top level, as the design shows (`data/`, `queries/`, the app's
entry `app.py` beside `.streamlit/config.toml`, `docs/dataset-format.md`), because people read and
review them there. A built package cannot reach the repository, so the build copies the same paths,
with the same layout, into `ecosystem/_shipped/` inside the wheel (setup.py calls `copy_shipped`).
Every path the package reads goes through `ROOT` below, so one rule serves both cases:

- a source checkout or an editable install (`make run`, `make test`): the repository itself, so an
  edited query or reference file is read at once and there is never a second copy to drift;
- an installed wheel (`pip install .`, from any folder): the copies in `ecosystem/_shipped/`.

This module imports nothing but the standard library: setup.py runs it on its own at build time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SHIPPED_DIR = PACKAGE_DIR / "_shipped"
"""The build-time copies inside an installed package (never committed: see .gitignore)."""

SHIPPED_PATHS: tuple[str, ...] = (
    "app.py",
    ".streamlit/config.toml",
    "data/reference",
    "data/examples",
    "queries",
    "docs/dataset-format.md",
)
"""What the package reads outside its code, relative to the repository's top level (files or folders)."""

_SKIPPED_IN_FOLDERS = ("__pycache__", "*.pyc", "*.py")
"""Not copied out of the folders above: data/reference/build_territories.py is a maintainer's tool,
run in the repository; the package only reads what it wrote."""


def is_source_tree(candidate: Path) -> bool:
    """True when `candidate` is the repository this package sits in (a checkout or an editable install).

    A project file next to the query folder says so; an installed package's parent is site-packages,
    which holds neither.
    """
    return (candidate / "pyproject.toml").is_file() and (candidate / "queries").is_dir()


SOURCE_TREE = is_source_tree(PACKAGE_DIR.parent)
"""Whether the package runs from the repository (True) or from an installed build (False)."""

ROOT = PACKAGE_DIR.parent if SOURCE_TREE else SHIPPED_DIR
"""The folder that holds every path of SHIPPED_PATHS, with the repository's layout."""

DATA_DIR = ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
EXAMPLES_DIR = DATA_DIR / "examples"
DEMO_DIR = EXAMPLES_DIR / "demo-drome"
QUERY_DIR = ROOT / "queries"
DATASET_FORMAT_DOC = ROOT / "docs" / "dataset-format.md"
APP_SCRIPT = ROOT / "app.py"
STREAMLIT_CONFIG = ROOT / ".streamlit" / "config.toml"


def copy_shipped(source_root: Path, target_root: Path) -> list[Path]:
    """Copy every path of SHIPPED_PATHS from `source_root` into `target_root`; returns the files written.

    Called by the build (setup.py) with the repository and `<build>/ecosystem/_shipped`. The target is
    emptied first: `pip wheel .` reuses the repository's build/ folder, where a query deleted since
    the last build would otherwise still be shipped. A missing path is an error, not a smaller
    package: a wheel without its queries would only fail at run time.
    """
    shutil.rmtree(target_root, ignore_errors=True)
    written: list[Path] = []
    for relative in SHIPPED_PATHS:
        source, target = source_root / relative, target_root / relative
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(*_SKIPPED_IN_FOLDERS))
            written += sorted(p for p in target.rglob("*") if p.is_file())
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            written.append(target)
        else:
            raise FileNotFoundError(f"{source} is missing: the package cannot be built without it")
    return written
