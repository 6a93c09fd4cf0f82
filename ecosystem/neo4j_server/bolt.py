"""Talking to the starting server over Bolt: wait until it answers, and set its first password.

The first password is set over Bolt (`ALTER CURRENT USER ... FROM 'neo4j'`) rather than with
`neo4j-admin dbms set-initial-password`, which would put the password on a command line that any
local user can read in `ps`, and cost one more JVM start. Until it is changed, the default password
only allows changing it, so the short window is harmless.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable, SessionExpired, TransientError

from ecosystem.neo4j_server.process import accepts

DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "neo4j"  # what a fresh Neo4j accepts, only to change it
T = TypeVar("T")


class ServerDied(Exception):
    """The process went away while we waited for it."""


class NotReady(Exception):
    """The deadline passed before the server answered."""


def is_auth_error(exc: BaseException) -> bool:
    """Wrong password, or too many wrong ones in a row (Neo4j then refuses for a few seconds)."""
    return isinstance(exc, AuthError) or (
        isinstance(exc, ClientError) and ".Security." in (exc.code or ""))


def uri(port: int) -> str:
    return f"bolt://127.0.0.1:{port}"


def when_ready(port: int, action: Callable[[], T], alive: Callable[[], bool], deadline: float) -> T:
    """Run `action` as soon as the server takes it; retry while it is still starting.

    Authentication errors go straight to the caller: retrying them would only trip Neo4j's lockout.
    """
    while True:
        if not alive():
            raise ServerDied()
        if accepts(port):
            try:
                return action()
            except (ServiceUnavailable, SessionExpired, TransientError):
                pass
        if time.monotonic() >= deadline:
            raise NotReady()
        time.sleep(0.25)


def check_login(port: int, password: str) -> None:
    """Log in as `neo4j` and run `RETURN 1` on the default database."""
    with GraphDatabase.driver(uri(port), auth=(DEFAULT_USER, password), connection_timeout=5,
                              max_connection_pool_size=1) as driver:
        driver.execute_query("RETURN 1", database_="neo4j")


def set_first_password(port: int, password: str) -> None:
    """Replace the default password of a fresh server."""
    with GraphDatabase.driver(uri(port), auth=(DEFAULT_USER, DEFAULT_PASSWORD), connection_timeout=5,
                              max_connection_pool_size=1) as driver:
        driver.execute_query("ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                             old=DEFAULT_PASSWORD, new=password, database_="system")
