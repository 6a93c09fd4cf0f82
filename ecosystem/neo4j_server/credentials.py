"""The `neo4j` user's password: kept in `<state_dir>/neo4j/password`, set on the first start.

The password is NEO4J_PASSWORD when given, else the kept one, else a random one generated on the
first start. Whatever works is written to the file (mode 0600, outside the repository), so
`connection_env` can always hand it to the app and the tests.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable

from ecosystem.errors import Neo4jServerError
from ecosystem.neo4j_server import bolt
from ecosystem.neo4j_server.layout import Layout


def read(layout: Layout) -> str | None:
    try:
        return layout.password_file.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def write(layout: Layout, password: str) -> None:
    """Write the file with mode 0600 from its creation on: never readable by others, even briefly."""
    layout.home.mkdir(parents=True, exist_ok=True)
    partial = layout.password_file.with_name(f".password-{os.getpid()}")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(password + "\n")
    os.replace(partial, layout.password_file)


def refused(layout: Layout, port: int, given: bool) -> Neo4jServerError:
    source = "NEO4J_PASSWORD" if given else f"the password in {layout.password_file}"
    source_fr = "NEO4J_PASSWORD" if given else f"le mot de passe de {layout.password_file}"
    return Neo4jServerError(
        f"The local Neo4j server runs on port {port} but refuses {source}. Its password is the one set on "
        f"its first start. Set NEO4J_PASSWORD to that password (or unset it if {layout.password_file} "
        f"holds it). To start afresh instead, run `ecosystem neo4j stop` and delete {layout.data_dir} "
        "(this erases the local graph).",
        f"Le serveur Neo4j local tourne sur le port {port} mais refuse {source_fr}. Son mot de passe est "
        f"celui fixé à son premier démarrage. Donnez ce mot de passe à NEO4J_PASSWORD (ou retirez "
        f"NEO4J_PASSWORD si {layout.password_file} le contient). Pour repartir de zéro, lancez "
        f"« ecosystem neo4j stop » et supprimez {layout.data_dir} (cela efface le graphe local).")


def settle(layout: Layout, port: int, given: str | None, *, fresh: bool, alive: Callable[[], bool],
           deadline: float) -> None:
    """Wait for the starting server and make sure the password opens it: set it if fresh, else check it.

    A data folder whose first start was interrupted before the password change still has Neo4j's
    default password, so when the expected password is refused the default one is tried next.
    """
    target = given if given is not None else read(layout)
    if not fresh and target is not None:
        try:
            bolt.when_ready(port, lambda: bolt.check_login(port, target), alive, deadline)
        except Exception as exc:
            if not bolt.is_auth_error(exc):
                raise
        else:
            if read(layout) != target:
                write(layout, target)
            return
    new = target or secrets.token_urlsafe(18)
    try:
        bolt.when_ready(port, lambda: bolt.set_first_password(port, new), alive, deadline)
    except Exception as exc:
        if not bolt.is_auth_error(exc):
            raise
        if target is None:
            raise Neo4jServerError(
                f"The local Neo4j server runs on port {port}, but its password file {layout.password_file} "
                "is missing. Set NEO4J_PASSWORD to its password, or run `ecosystem neo4j stop` and delete "
                f"{layout.data_dir} to start afresh (this erases the local graph).",
                f"Le serveur Neo4j local tourne sur le port {port}, mais son fichier de mot de passe "
                f"{layout.password_file} manque. Donnez son mot de passe à NEO4J_PASSWORD, ou lancez "
                f"« ecosystem neo4j stop » et supprimez {layout.data_dir} pour repartir de zéro (cela efface "
                "le graphe local).") from None
        raise refused(layout, port, given is not None) from None
    write(layout, new)
    bolt.when_ready(port, lambda: bolt.check_login(port, new), alive, deadline)


def check_running(layout: Layout, port: int, given: str | None, *, alive: Callable[[], bool],
                  deadline: float) -> None:
    """The password opens the already running server (waiting for it, if another caller just started it)."""
    secret = given if given is not None else read(layout)
    if secret is None:
        raise refused(layout, port, given=False)
    try:
        bolt.when_ready(port, lambda: bolt.check_login(port, secret), alive, deadline)
    except Exception as exc:
        if bolt.is_auth_error(exc):
            raise refused(layout, port, given is not None) from None
        raise
    if read(layout) != secret:
        write(layout, secret)
