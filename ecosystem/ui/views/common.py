"""Lookups shared by several pages: directories for the pickers, the data's home territory."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ecosystem.model import Level
from ecosystem.store.base import Store

PICKER_MAX = 3000
"""Up to this many actors, the actor picker lists them all (Streamlit filters as one types);
beyond, it searches by name through the store."""


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    detail: str  # actor kind, alliance status, policy kind


def actor_count(store: Store) -> int:
    return store.stats().actors


def actor_directory(store: Store) -> tuple[Entry, ...]:
    """Active actors by name, for a picker (empty beyond PICKER_MAX actors: search instead)."""
    ids = store.actors_in([])
    if len(ids) > PICKER_MAX:
        return ()
    return tuple(sorted((Entry(a.id, a.name, a.kind.value) for a in store.actors(ids)),
                        key=lambda e: (e.name.casefold(), e.id)))


def search_actors(store: Store, text: str, limit: int = 30) -> tuple[Entry, ...]:
    return tuple(Entry(h.id, h.name, h.detail) for h in store.search(text, limit=limit) if h.type == "actor")


def actor_entries(store: Store, ids: tuple[str, ...]) -> tuple[Entry, ...]:
    return tuple(Entry(a.id, a.name, a.kind.value) for a in store.actors(ids))


def alliance_directory(store: Store) -> tuple[Entry, ...]:
    return tuple(sorted((Entry(a.id, a.name, a.status.value) for a in store.alliances()),
                        key=lambda e: (e.name.casefold(), e.id)))


def policy_directory(store: Store) -> tuple[Entry, ...]:
    return tuple(sorted((Entry(p.id, p.name, p.kind) for p in store.policies()),
                        key=lambda e: (e.name.casefold(), e.id)))


def home_territory(store: Store) -> str:
    """Where the data lives: the département with the most active actors (France when none)."""
    ids = store.actors_in([])
    counts: Counter[str] = Counter()
    for places in store.presence(ids, Level.DEPARTEMENT).values():
        if len(places) <= 3:  # national or regional actors say little about where the data is
            counts.update(places)
    if not counts:
        return "pays:FR"
    return min(counts, key=lambda d: (-counts[d], d))
