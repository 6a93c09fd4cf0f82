"""The network map as a bidirectional Streamlit component: clicks on the map reach Python.

`network_map(args, selected, centre, key)` draws the map from `interactive.component_args` and
returns the last click ({"event": "node", "node": id, "seq": ...} or {"event": "clear", ...}).

The component's page (static/index.html and static/network.js) and vis-network's script are served
by Streamlit itself from one local folder: no CDN, no third-party host. vis-network is the copy the
pyvis package ships (already a dependency, see render.VIS_VERSION), so it is not vendored twice: the
folder is assembled once per content in the system's temporary folder, written atomically (a temp
folder renamed), so two app processes starting together never serve a half-written file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from ecosystem.ui.map.render import vis_folder
from ecosystem.ui.map.style import DIGEST_CHARS

STATIC = Path(__file__).resolve().parent / "static"
"""The component's own files, shipped in the package (pyproject's package-data)."""

COMPONENT_NAME = "network"
"""Streamlit names the component after this module: ecosystem.ui.map.component.network (also the
iframe's title, which the browser tests look for)."""


def _vis_script() -> Path:
    return vis_folder() / "vis-network.min.js"


@cache
def served_folder() -> Path:
    """The folder Streamlit serves: our page and script beside vis-network's, keyed by their content."""
    sources = [*sorted(STATIC.iterdir()), _vis_script()]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    target = Path(tempfile.gettempdir()) / f"ecosystem-network-{digest.hexdigest()[:DIGEST_CHARS]}"
    if target.is_dir():
        return target
    staging = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    for source in sources:
        shutil.copyfile(source, staging / source.name)
    try:
        os.rename(staging, target)
    except OSError:  # another process got there first: its copy is identical
        shutil.rmtree(staging, ignore_errors=True)
    return target


@cache
def _component() -> Any:
    import streamlit.components.v1 as components

    return components.declare_component(COMPONENT_NAME, path=str(served_folder()))


def network_map(args: dict[str, Any], selected: str | None, centre: bool, key: str) -> dict[str, Any] | None:
    """Draw the map; the last click on it, or None before any."""
    return _component()(**args, selected=selected, centre=centre, key=key, default=None)
