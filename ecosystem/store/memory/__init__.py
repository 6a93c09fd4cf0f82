"""The embedded store: a NetworkX graph with sparse matrices, persisted as crash-safe JSON files."""

from ecosystem.store.memory.store import MemoryStore

__all__ = ["MemoryStore"]
