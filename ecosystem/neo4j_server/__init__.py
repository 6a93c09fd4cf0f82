"""The project's own Neo4j server for development and CI: installed with Maven, run on Java, no Docker.

Pure functions, no printing: each raises `ecosystem.errors.Neo4jServerError` with a message that
says the fix, and `ecosystem neo4j start|stop|status` (cli.py) turns them into sentences.

    install(state_dir, version)            jars into <state_dir>/neo4j/lib-<version>/ (once)
    start(state_dir, port=..., ...)        detached server on 127.0.0.1:port, returns when login works
    status(state_dir) / stop(state_dir)
    connection_env(state_dir)              NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD of the local server
"""

from ecosystem.neo4j_server.jars import install, is_installed
from ecosystem.neo4j_server.java import Java, find_java
from ecosystem.neo4j_server.layout import Layout
from ecosystem.neo4j_server.server import ServerStatus, connection_env, start, status, stop

__all__ = ["Java", "Layout", "ServerStatus", "connection_env", "find_java", "install", "is_installed",
           "start", "status", "stop"]
