"""Start, stop and inspect the project's local Neo4j server.

The server runs from the jars of `install`, straight on Java (`CommunityEntryPoint --console-mode`),
detached from the caller, on loopback only, with authentication on and usage reporting off.
`start` returns only once a login with the password works, so its callers never race the server.
"""

from __future__ import annotations

import contextlib
import fcntl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil

from ecosystem.errors import Neo4jServerError
from ecosystem.neo4j_server import bolt, config, credentials, process
from ecosystem.neo4j_server.jars import install
from ecosystem.neo4j_server.java import find_java
from ecosystem.neo4j_server.layout import Layout
from ecosystem.neo4j_server.private import write_private


@dataclass(frozen=True, slots=True)
class ServerStatus:
    """What `status` knows about the local server; pid, port and version only while it runs."""

    running: bool
    home: Path
    password_file: Path
    log_file: Path
    pid: int | None = None
    port: int | None = None
    version: str | None = None
    user: str = bolt.DEFAULT_USER

    @property
    def uri(self) -> str | None:
        return bolt.uri(self.port) if self.port is not None else None


def _find(layout: Layout) -> psutil.Process | None:
    proc = process.find(layout.home, layout.pid_file)
    if proc is None:
        layout.pid_file.unlink(missing_ok=True)  # stale
    return proc


def _status(layout: Layout, proc: psutil.Process | None) -> ServerStatus:
    base = {"home": layout.home, "password_file": layout.password_file, "log_file": layout.user_log}
    if proc is None:
        return ServerStatus(running=False, **base)
    port, version = process.describe(proc)
    return ServerStatus(running=True, pid=proc.pid, port=port, version=version, **base)


def status(state_dir: Path) -> ServerStatus:
    """Whether the local server of `state_dir` runs, and where; a stale pid file is removed."""
    layout = Layout.of(state_dir)
    return _status(layout, _find(layout))


@contextlib.contextmanager
def _one_start_at_a_time(layout: Layout) -> Iterator[None]:
    """Serialise concurrent starts of one state folder (two terminals, parallel test workers)."""
    lock = layout.pid_file.with_name("start.lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _log_tail(layout: Layout, lines: int = 25) -> str:
    try:
        text = layout.console_log.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return "(no output)"
    return "\n".join(text.strip().splitlines()[-lines:]) or "(no output)"


def start(state_dir: Path, *, port: int, heap: str, pagecache: str, version: str, password: str | None,
          java: str | None, timeout: float = 180, lib_dir: Path | None = None) -> ServerStatus:
    """Start the local server of `state_dir` (no-op when it runs) and return once its password works.

    `password` is NEO4J_PASSWORD; None means the one kept in `<state_dir>/neo4j/password`, generated
    on the first start. `java` is ECOSYSTEM_JAVA. `lib_dir` shares one jar folder between state
    folders (tests); by default the jars live in `<state_dir>/neo4j/lib-<version>/`.
    """
    given = password or None  # an empty NEO4J_PASSWORD counts as unset
    config.check_options(port, heap, pagecache, given)
    layout = Layout.of(state_dir)
    with _one_start_at_a_time(layout):
        running = _find(layout)
        if running is not None:
            return _already_running(layout, running, port=port, version=version, given=given,
                                    deadline=time.monotonic() + timeout)
        if process.port_in_use(port):
            owner = process.port_owner(port)
            held = f" by {owner}" if owner else ""
            held_fr = f" par {owner}" if owner else ""
            raise Neo4jServerError(f"Port {port} is already taken{held}. Choose a free port with "
                                   f"ECOSYSTEM_NEO4J_BOLT_PORT (e.g. {port + 1}), or stop that program.",
                                   f"Le port {port} est déjà pris{held_fr}. Choisissez un port libre avec "
                                   f"ECOSYSTEM_NEO4J_BOLT_PORT (par exemple {port + 1}), ou arrêtez ce "
                                   "programme.")
        runtime = find_java(version, java)
        lib = install(state_dir, version, lib_dir=lib_dir, java=runtime.path)
        config.write_conf(layout)
        fresh = not layout.system_db.exists()
        argv = config.command(runtime.path, runtime.major, layout, lib, port=port, heap=heap,
                              pagecache=pagecache, version=version)
        try:
            pid = process.launch(argv, layout.console_log, layout.home, config.environment(layout))
        except OSError as exc:
            raise Neo4jServerError(f"Could not launch Java ({runtime.path}): {exc}. Set ECOSYSTEM_JAVA to a "
                                   "working Java 17 or 21.",
                                   f"Impossible de lancer Java ({runtime.path}) : {exc}. Donnez à "
                                   "ECOSYSTEM_JAVA le chemin d'un Java 17 ou 21 qui fonctionne.") from exc
        write_private(layout.pid_file, f"{pid}\n")
        deadline = time.monotonic() + timeout  # counted from the launch: a first download is not in it
        try:
            proc: psutil.Process | None = psutil.Process(pid)
        except psutil.NoSuchProcess:  # died at once: bad JVM option, too small a heap...
            proc = None

        def alive() -> bool:
            return proc is not None and process.alive(proc)

        try:
            credentials.settle(layout, port, given, fresh=fresh, alive=alive, deadline=deadline)
        except bolt.ServerDied:
            layout.pid_file.unlink(missing_ok=True)
            tail = _log_tail(layout)
            raise Neo4jServerError(f"The local Neo4j server stopped while starting. Last lines of "
                                   f"{layout.console_log}:\n{tail}",
                                   "Le serveur Neo4j local s'est arrêté pendant son démarrage : la raison "
                                   f"est dans les dernières lignes de {layout.console_log} :\n"
                                   f"{tail}") from None
        except bolt.NotReady:
            if proc is not None:
                process.terminate(proc, 30)
            layout.pid_file.unlink(missing_ok=True)
            tail = _log_tail(layout)
            raise Neo4jServerError(
                f"The local Neo4j server did not answer within {timeout:.0f} s, so it was stopped. Last "
                f"lines of {layout.console_log}:\n{tail}\nOn a slow or busy machine, try "
                "again with a longer timeout.",
                f"Le serveur Neo4j local n'a pas répondu en {timeout:.0f} s, il a donc été arrêté. Dernières "
                f"lignes de {layout.console_log} :\n{tail}\nSur une machine lente ou "
                "chargée, réessayez avec un délai plus long.") from None
        return _status(layout, proc)


def _already_running(layout: Layout, proc: psutil.Process, *, port: int, version: str,
                     given: str | None, deadline: float) -> ServerStatus:
    current = _status(layout, proc)
    if current.port != port or current.version != version:
        raise Neo4jServerError(
            f"The local Neo4j server already runs (Neo4j {current.version}, port {current.port}), not as "
            f"asked (Neo4j {version}, port {port}). Stop it first with `ecosystem neo4j stop`.",
            f"Le serveur Neo4j local tourne déjà (Neo4j {current.version}, port {current.port}), pas comme "
            f"demandé (Neo4j {version}, port {port}). Arrêtez-le d'abord avec « ecosystem neo4j stop ».")
    try:
        credentials.check_running(layout, port, given, alive=lambda: process.alive(proc),
                                  deadline=deadline)
    except (bolt.ServerDied, bolt.NotReady):
        raise Neo4jServerError(f"The local Neo4j server (pid {proc.pid}) does not answer on port {port}. "
                               f"See {layout.user_log}; `ecosystem neo4j stop` then `ecosystem neo4j start` "
                               "may help.",
                               f"Le serveur Neo4j local (pid {proc.pid}) ne répond pas sur le port {port}. "
                               f"Voyez {layout.user_log} ; « ecosystem neo4j stop » puis « ecosystem neo4j "
                               "start » peuvent aider.") from None
    return current


def stop(state_dir: Path, timeout: float = 60) -> bool:
    """Stop the local server cleanly; False when it was not running.

    Neo4j shuts down on SIGTERM (checkpoint, then exit). If it is still there after `timeout`
    seconds it is killed, and Neo4jServerError says so: the data is recovered at the next start.
    """
    layout = Layout.of(state_dir)
    proc = _find(layout)
    if proc is None:
        return False
    clean = process.terminate(proc, timeout)
    layout.pid_file.unlink(missing_ok=True)
    if not clean:
        raise Neo4jServerError(
            f"The local Neo4j server (pid {proc.pid}) did not stop within {timeout:.0f} s and was killed. "
            f"Its data will be recovered at the next start; see {layout.user_log} for why it hung.",
            f"Le serveur Neo4j local (pid {proc.pid}) ne s'est pas arrêté en {timeout:.0f} s et a été tué. "
            f"Ses données seront récupérées au prochain démarrage ; voyez {layout.user_log} pour savoir "
            "pourquoi il était bloqué.")
    return True


def connection_env(state_dir: Path) -> dict[str, str]:
    """NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD of the running local server, for `export` lines."""
    layout = Layout.of(state_dir)
    current = status(state_dir)
    if not current.running or current.uri is None:
        raise Neo4jServerError("The local Neo4j server is not running: start it with "
                               "`ecosystem neo4j start`.",
                               "Le serveur Neo4j local ne tourne pas : démarrez-le avec "
                               "« ecosystem neo4j start ».")
    secret = credentials.read(layout)
    if secret is None:
        raise Neo4jServerError(f"{layout.password_file} is missing: the local server's password is the "
                               "NEO4J_PASSWORD it was first started with.",
                               f"{layout.password_file} manque : le mot de passe du serveur local est le "
                               "NEO4J_PASSWORD de son premier démarrage ; donnez-le à NEO4J_PASSWORD.")
    return {"NEO4J_URI": current.uri, "NEO4J_USER": current.user, "NEO4J_PASSWORD": secret}
