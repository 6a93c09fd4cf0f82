"""Running named queries on Neo4j with a time limit, and turning driver errors into ours.

Every query goes through `Runner`: it reads the text with `ecosystem.store.neo4j.cypher.query`, runs it in
a managed transaction (retried by the driver on transient cluster errors, routed to a reader or the
leader for neo4j:// URIs) with ECOSYSTEM_QUERY_TIMEOUT as the transaction timeout, and maps the
driver's exceptions to `QueryTimeout` / `StoreUnavailable` / `ConflictError` so that callers never
see a driver stack trace. Sessions share the driver's bookmark manager: a read sees earlier writes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import neo4j
from neo4j import exceptions as neo

from ecosystem import deadline, redact
from ecosystem.errors import ConflictError, EcosystemError, QueryTimeout, StoreUnavailable
from ecosystem.store.neo4j import cypher

T = TypeVar("T")

FIX = ("start the local server with `ecosystem neo4j start`, "
       "or check NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD")
FIX_FR = ("démarrez le serveur local avec « ecosystem neo4j start », "
          "ou vérifiez NEO4J_URI, NEO4J_USER et NEO4J_PASSWORD")


class TransactionTooLarge(EcosystemError):
    """Neo4j refused to hold a transaction this big in its heap."""


def unavailable(uri: str, user: str, database: str, exc: BaseException) -> StoreUnavailable:
    """One line naming the server (a password written in the URI hidden) and the fix, whatever the
    driver said."""
    uri = redact.uri(uri)
    code = getattr(exc, "code", "") or ""
    if isinstance(exc, neo.AuthError) or "Security.Unauthorized" in code:
        why = f"refused the login of user {user!r} (wrong NEO4J_USER or NEO4J_PASSWORD)"
        why_fr = f"refuse la connexion de l'utilisateur « {user} » (NEO4J_USER ou NEO4J_PASSWORD erroné)"
    elif "DatabaseNotFound" in code:
        return StoreUnavailable(f"Neo4j at {uri} has no database {database!r}: check NEO4J_DATABASE, "
                                f"or {FIX}.",
                                f"Le serveur Neo4j {uri} n'a pas de base « {database} » : vérifiez "
                                f"NEO4J_DATABASE, ou {FIX_FR}.")
    elif isinstance(exc, neo.DatabaseUnavailable):
        why = f"has database {database!r} offline"
        why_fr = f"a sa base « {database} » hors ligne"
    elif isinstance(exc, neo.ConfigurationError | ValueError):
        why = f"is not a usable Bolt URI ({type(exc).__name__})"
        why_fr = f"n'est pas une adresse Bolt utilisable ({type(exc).__name__})"
        return StoreUnavailable(f"Neo4j at {uri} {why}: {FIX}.",
                                f"L'adresse Neo4j {uri} {why_fr} : {FIX_FR}.")
    else:
        why = "cannot be reached"
        why_fr = "est injoignable"
    return StoreUnavailable(f"Neo4j at {uri} {why}: {FIX}.", f"Le serveur Neo4j {uri} {why_fr} : {FIX_FR}.")


def is_timeout(exc: neo.Neo4jError) -> bool:
    return "TransactionTimedOut" in (exc.code or "")


class Rows(list):
    """Rows of a query's parameters, sent as a list, that the driver does not spell out in its debug
    log. The driver (5.x to 6.x) formats every query's parameters for that log even when the log is
    off (`" ".join(map(repr, fields))` on each RUN): for a batch of 5,000 actors that cost 30 ms, as
    much CPU as packing it (6 s of a 1M-actor load), and a person's records have no place in a log."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


class Tx:
    """An open transaction that runs queries by name (handed to the `work` of write transactions)."""

    def __init__(self, tx: neo4j.ManagedTransaction | neo4j.Transaction) -> None:
        self._tx = tx

    def read(self, name: str, /, **params: Any) -> list[neo4j.Record]:
        return list(self._tx.run(cypher.query(name), params))

    def write(self, name: str, /, **params: Any) -> neo4j.SummaryCounters:
        return self._tx.run(cypher.query(name), params).consume().counters

    def write_returning(self, name: str, /,
                        **params: Any) -> tuple[list[neo4j.Record], neo4j.SummaryCounters]:
        """The records of a write query and its counters."""
        result = self._tx.run(cypher.query(name), params)
        records = list(result)
        return records, result.consume().counters


class Runner:
    """Named queries on one database of one driver, each under the configured time limit."""

    def __init__(self, driver: neo4j.Driver, *, database: str, timeout: float, uri: str, user: str,
                 setting: str = "ECOSYSTEM_QUERY_TIMEOUT") -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.setting = setting  # the setting that gives `timeout`, named when a query runs past it
        self.uri = uri
        self.user = user

    # ------------------------------------------------------------------ running

    def read(self, name: str, /, **params: Any) -> list[neo4j.Record]:
        """Records of a read query, all fetched before the transaction ends."""
        return self.read_text(name, cypher.query(name), params)

    def read_text(self, label: str, text: str, params: dict[str, Any] | None = None) -> list[neo4j.Record]:
        """Run a query given as text (for tests and benchmarks); `label` names it in errors."""

        def work(tx: neo4j.ManagedTransaction) -> list[neo4j.Record]:
            return list(tx.run(text, params or {}))

        with self.errors(label), self.session(neo4j.READ_ACCESS) as session:  # within the question's limit
            return session.execute_read(neo4j.unit_of_work(timeout=deadline.remaining(self.timeout))(work))

    def write(self, name: str, /, **params: Any) -> neo4j.SummaryCounters:
        """One write query in its own transaction; returns its counters."""
        return self.write_transaction(name, lambda tx: tx.write(name, **params))

    def write_transaction(self, label: str, work: Callable[[Tx], T]) -> T:
        """Run `work` in one write transaction: everything it writes commits together, or nothing.
        The driver retries it on transient errors, so `work` must only depend on its arguments."""

        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(Tx(tx))

        with self.errors(label), self.session(neo4j.WRITE_ACCESS) as session:
            return session.execute_write(neo4j.unit_of_work(timeout=self.timeout)(unit))

    def write_once(self, label: str, work: Callable[[Tx], T]) -> T:
        """Like `write_transaction`, without retries: for clean-ups after a failure, which must give
        up at once when the server is gone rather than retry for the driver's retry time."""
        with (self.errors(label), self.session(neo4j.WRITE_ACCESS) as session,
              session.begin_transaction(timeout=self.timeout) as tx):  # rolled back if `work` raises
            result = work(Tx(tx))
            tx.commit()
            return result

    def autocommit(self, name: str, /, **params: Any) -> neo4j.SummaryCounters:
        """A query that manages its own transactions (`CALL { ... } IN TRANSACTIONS`, schema DDL)."""
        with self.errors(name), self.session(neo4j.WRITE_ACCESS) as session:
            query = neo4j.Query(cypher.query(name), timeout=self.timeout)
            return session.run(query, params).consume().counters

    def autocommit_text(self, label: str, text: str) -> None:
        with self.errors(label), self.session(neo4j.WRITE_ACCESS) as session:
            session.run(neo4j.Query(text, timeout=self.timeout)).consume()

    # ------------------------------------------------------------------ plumbing

    def session(self, mode: str) -> neo4j.Session:
        """A session on this database, sharing the driver's bookmarks (a read sees earlier writes)."""
        return self.driver.session(database=self.database, default_access_mode=mode,
                                   bookmark_manager=self.driver.execute_query_bookmark_manager,
                                   notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF)

    @contextlib.contextmanager
    def errors(self, label: str) -> Iterator[None]:
        """Translate the driver's exceptions raised while running the query `label`."""
        try:
            yield
        except neo.ConstraintError as exc:
            raise ConflictError(f"Neo4j refused a write of {label}: {exc.message} (another load may be "
                                "running at the same time; try again).",
                                f"Neo4j a refusé une écriture ({label}) : {exc.message} (un autre chargement "
                                "est peut-être en cours en même temps ; réessayez).") from exc
        except neo.Neo4jError as exc:
            if "MemoryPoolOutOfMemoryError" in (exc.code or ""):
                raise TransactionTooLarge(
                    f"Neo4j ran out of transaction memory during {label}; nothing was changed. Give the "
                    "server a bigger heap (ECOSYSTEM_NEO4J_HEAP for the local server) or raise its "
                    "dbms.memory.transaction.total.max.",
                    f"Neo4j a manqué de mémoire de transaction pendant {label} ; rien n'a été modifié. "
                    "Donnez plus de mémoire au serveur (ECOSYSTEM_NEO4J_HEAP pour le serveur local) ou "
                    "augmentez son réglage dbms.memory.transaction.total.max.") from exc
            if is_timeout(exc):
                ended = deadline.over(margin=1.0)
                if ended is not None:  # stopped at the whole question's limit, not its own
                    raise deadline.QuestionTimeout(ended.seconds, ended.setting) from exc
                question = self.setting == "ECOSYSTEM_QUERY_TIMEOUT"  # else a load's limit
                raise QueryTimeout(
                    f"The Neo4j query {label!r} ran past the {self.timeout:g} s limit and was stopped: "
                    f"raise {self.setting} (seconds){' or ask a narrower question' if question else ''}.",
                    f"La requête Neo4j « {label} » a dépassé la limite de {self.timeout:g} s et a été "
                    f"arrêtée : augmentez {self.setting} (en secondes)"
                    f"{' ou posez une question plus ciblée' if question else ''}.") from exc
            code = exc.code or ""
            if isinstance(exc, neo.AuthError | neo.DatabaseUnavailable) or "DatabaseNotFound" in code:
                raise unavailable(self.uri, self.user, self.database, exc) from exc
            raise
        except (neo.ServiceUnavailable, neo.SessionExpired) as exc:
            raise unavailable(self.uri, self.user, self.database, exc) from exc
