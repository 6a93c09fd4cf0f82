"""The two stores behind one contract, and the choice between them.

`open_store()` picks Neo4j when NEO4J_URI is set (environment or .streamlit/secrets.toml), else the
embedded store in the state folder, so the app runs with zero setup.
"""

from __future__ import annotations

from collections.abc import Callable

from ecosystem import settings
from ecosystem.store.base import Store


def open_store(environ: dict[str, str] | None = None,
               on_recovery: Callable[[int], None] | None = None) -> Store:
    """The configured store, ready to answer; raises StoreUnavailable with the fix when it is not.
    `on_recovery(n)` is called when Neo4j first cleans up what crashed loads left (n versions)."""
    uri = settings.get("NEO4J_URI", environ)
    if uri:
        from ecosystem.store.neo4j.store import Neo4jStore

        return Neo4jStore.connect(
            uri=uri,
            user=settings.get("NEO4J_USER", environ) or "neo4j",
            password=settings.get("NEO4J_PASSWORD", environ) or "",
            database=settings.get("NEO4J_DATABASE", environ) or "neo4j",
            timeout=float((settings.get("ECOSYSTEM_QUERY_TIMEOUT", environ) or "60").replace(",", ".")),
            load_timeout=float((settings.get("ECOSYSTEM_LOAD_TIMEOUT", environ) or "3600").replace(",", ".")),
            on_recovery=on_recovery,
        )
    from ecosystem.store.memory import MemoryStore

    return MemoryStore(settings.state_dir(environ) / "embedded")


__all__ = ["Store", "open_store"]
