"""What the « À propos » section of Accueil says: the store, where it is, and the versions running.

These details help whoever maintains the instance, not the person exploring a territory, so they sit
at the bottom of Accueil instead of the sidebar of every page.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from ecosystem.model import LeverFamily
from ecosystem.reference import reference
from ecosystem.store.base import Store


@dataclass(frozen=True, slots=True)
class About:
    kind: str  # embedded or neo4j
    label: str  # the store's own description (StoreInfo.label)
    location: str
    versions: tuple[tuple[str, str], ...]  # (software, version)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def about(store: Store) -> About:
    """The store in use and the versions of what runs the app."""
    info = store.describe()
    engine, _, engine_version = info.version.partition(" ")
    versions = (
        ("ecosystem", _version("ecosystem")),
        ("Python", platform.python_version()),
        ("Streamlit", _version("streamlit")),
        (engine, engine_version),
    )
    location = f"{info.location} ({info.database})" if info.database else info.location
    return About(info.kind, info.label, location, versions)


def charter_levers() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The charter's 21 levers by family, as (family, lever ids), in the charter's order."""
    levers = list(reference().levers)
    return tuple(
        (family.value, tuple(lv.id for lv in levers if lv.family is family)) for family in LeverFamily
    )
