"""Command groups of the `ecosystem` CLI; each module has `register(subparsers)`."""

from __future__ import annotations

import importlib
from types import ModuleType

_NAMES = ("data", "neo4j", "analysis", "imports")


def _load() -> tuple[ModuleType, ...]:
    modules = []
    for name in _NAMES:
        try:
            modules.append(importlib.import_module(f"ecosystem.commands.{name}"))
        except ModuleNotFoundError as error:  # a group still being written must not break the others
            if error.name != f"ecosystem.commands.{name}":
                raise
    return tuple(modules)


COMMAND_MODULES = _load()
