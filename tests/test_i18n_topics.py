"""The topic modules of the app's strings (`ecosystem/ui/i18n_<topic>.py`) merged into `i18n.STRINGS`.

The merge is a plain `dict.update`: a topic reusing a key would silently replace another's sentence,
and a module left out of `i18n.TOPICS` would leave its keys unknown. Both are checked here.
"""

from __future__ import annotations

import ast
from importlib import import_module
from pathlib import Path

from ecosystem.ui import i18n

UI = Path(i18n.__file__).parent


def _own_keys() -> list[str]:
    """The keys written in i18n.py's own STRINGS literal (before the topics are merged)."""
    tree = ast.parse((UI / "i18n.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "STRINGS":
            assert isinstance(node.value, ast.Dict)
            return [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    raise AssertionError("no STRINGS literal in i18n.py")


def test_every_topic_module_is_listed():
    modules = sorted(p.stem for p in UI.glob("i18n_*.py"))
    assert sorted(module for module, _ in i18n.TOPICS) == modules


def test_no_topic_takes_a_key_already_given():
    owner = dict.fromkeys(_own_keys(), "i18n")
    taken = []
    for module, name in i18n.TOPICS:
        for key in getattr(import_module(f"ecosystem.ui.{module}"), name):
            if key in owner:
                taken.append(f"{key}: {owner[key]} and {module}")
            owner[key] = module
    assert not taken
    assert set(owner) == set(i18n.STRINGS)
