"""A benchmark's own Neo4j: started in its state folder, connected, closed and stopped at the end.

Why: the re-import and edit benchmarks each started, connected and timed their server the same way;
one place keeps them the same (the port from ECOSYSTEM_NEO4J_BOLT_PORT, 2 GB of heap, 1 GB of page
cache, loads with an hour's limit) and gives the server's CPU seconds, which say what a measure cost
on a shared machine where wall times do not.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecosystem.store.neo4j.store import Neo4jStore


@contextmanager
def own_neo4j(state_dir: Path, default_port: int) -> Iterator[tuple[Neo4jStore, Callable[[], float]]]:
    """(store, server CPU seconds so far) of a server started in `state_dir`, stopped on leaving."""
    import psutil

    from ecosystem import neo4j_server
    from ecosystem.settings import get
    from ecosystem.store.neo4j.store import Neo4jStore

    port = int(os.environ.get("ECOSYSTEM_NEO4J_BOLT_PORT", str(default_port)))
    status = neo4j_server.start(state_dir, port=port, heap="2g", pagecache="1g",
                                version=get("ECOSYSTEM_NEO4J_VERSION"), password=None,
                                java=get("ECOSYSTEM_JAVA") or None, timeout=300)
    try:
        env = neo4j_server.connection_env(state_dir)
        store = Neo4jStore.connect(uri=env["NEO4J_URI"], user=env["NEO4J_USER"],
                                   password=env["NEO4J_PASSWORD"], load_timeout=3600)
        server = psutil.Process(status.pid) if status.pid else None

        def server_cpu() -> float:
            if server is None:
                return 0.0
            times = server.cpu_times()
            return times.user + times.system

        try:
            yield store, server_cpu
        finally:
            store.close()
    finally:
        neo4j_server.stop(state_dir)
