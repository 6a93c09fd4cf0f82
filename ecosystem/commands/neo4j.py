"""`ecosystem neo4j start|stop|status|env`: the project's local Neo4j server for development and CI.

`ecosystem.neo4j_server` imports the Neo4j driver (and through it pandas): each handler imports it
when it runs, so that building the parser, hence any `--help`, stays fast.
"""

from __future__ import annotations

import argparse
import shlex

from ecosystem import settings
from ecosystem.commands.common import info, say


def _options() -> dict:
    return {
        "port": int(settings.get("ECOSYSTEM_NEO4J_BOLT_PORT") or 7687),
        "heap": settings.get("ECOSYSTEM_NEO4J_HEAP") or "1g",
        "pagecache": settings.get("ECOSYSTEM_NEO4J_PAGECACHE") or "512m",
        "version": settings.get("ECOSYSTEM_NEO4J_VERSION") or "5.26.30",
        "password": settings.get("NEO4J_PASSWORD"),
        "java": settings.get("ECOSYSTEM_JAVA"),
    }


def _exports(env: dict[str, str]) -> str:
    return "\n".join(f"export {key}={shlex.quote(value)}" for key, value in sorted(env.items()))


def start(args: argparse.Namespace) -> int:
    from ecosystem import neo4j_server

    state = settings.state_dir()
    options = _options()
    version = options["version"]
    current = neo4j_server.status(state)
    if current.running:
        info(f"Neo4j tourne déjà : {current.uri} (pid {current.pid}).",
             f"Neo4j is already running: {current.uri} (pid {current.pid}).")
        return 0
    layout = neo4j_server.Layout.of(state)
    if not neo4j_server.is_installed(layout.lib(version), version):
        info(f"Installation de Neo4j {version} (une seule fois, ~120 Mo avec Maven)…",
             f"Installing Neo4j {version} (once, ~120 MB with Maven)…")
    info(f"Démarrage de Neo4j {version} sur le port {options['port']}…",
         f"Starting Neo4j {version} on port {options['port']}…")
    started = neo4j_server.start(state, **options)
    info(f"Neo4j {version} est démarré : {started.uri} (utilisateur neo4j, mot de passe dans "
         f"{started.password_file}). Pour que l'application et la ligne de commande l'utilisent :",
         f"Neo4j {version} is running: {started.uri} (user neo4j, password in {started.password_file}). "
         "To use it from the app and the command line:")
    info('  eval "$(ecosystem neo4j env)"', '  eval "$(ecosystem neo4j env)"')
    return 0


def stop(args: argparse.Namespace) -> int:
    from ecosystem import neo4j_server

    if neo4j_server.stop(settings.state_dir()):
        info("Neo4j est arrêté.", "Neo4j stopped.")
    else:
        info("Neo4j n'était pas démarré.", "Neo4j was not running.")
    return 0


def status(args: argparse.Namespace) -> int:
    from ecosystem import neo4j_server

    current = neo4j_server.status(settings.state_dir())
    if not current.running:
        print(say("Neo4j n'est pas démarré. Lancez : ecosystem neo4j start",
                  "Neo4j is not running. Run: ecosystem neo4j start"))
        return 1
    print(say(f"Neo4j {current.version} tourne : {current.uri}, pid {current.pid}. "
              f"Données : {current.home}/data ; journal : {current.log_file}.",
              f"Neo4j {current.version} is running: {current.uri}, pid {current.pid}. "
              f"Data: {current.home}/data; log: {current.log_file}."))
    return 0


def env(args: argparse.Namespace) -> int:
    from ecosystem import neo4j_server

    print(_exports(neo4j_server.connection_env(settings.state_dir())))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "neo4j", help="start, stop or inspect the project's local Neo4j server",
        description="The project's own Neo4j Community server (from Maven Central, on Java 17), on "
                    "127.0.0.1 only, data in ECOSYSTEM_STATE_DIR/neo4j.",
        epilog="Example: ecosystem neo4j start && eval \"$(ecosystem neo4j env)\" && ecosystem stats",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    for name, func, text in (
        ("start", start, "install if needed and start; returns once Bolt answers"),
        ("stop", stop, "shut down cleanly"),
        ("status", status, "is it running, where (exit 1 when not running)"),
        ("env", env, "print `export NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=...` for eval"),
    ):
        action = actions.add_parser(name, help=text, description=text,
                                    epilog=f"Example: ecosystem neo4j {name}")
        action.set_defaults(func=func)
