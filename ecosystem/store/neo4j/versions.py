"""Versions of datasets in Neo4j: what makes a load all-or-nothing without one giant transaction.

Every actor, policy and alliance node carries `version`, the token of the load that wrote it, and
each Dataset node points to its live version (`live`). Every read query starts by collecting the
live tokens and only looks at records whose version is one of them, so a load can write its records
in many small transactions (staging: invisible, whatever happens) and make them visible in one small
transaction that only changes `Dataset.live` (the switch). The old version is invisible from that
commit on, and is deleted afterwards in batches (garbage collection).

Why a property rather than labels (StagedActor -> Actor): Neo4j keeps a transaction's changes in
the server's heap, about 1.5 KB per node whose labels change (measured: 1,562 B to promote a staged
actor, 1,478 B to retire a live one), so switching 1,000,000 actors by labels needs ~3 GB of heap;
moving `live` costs the same for 10 actors or 10 million.

A version's life, each step in its own transaction:
1. a Version node is created (after its *lease* is open, see below); batches stage records into it;
2. the switch claims it (lock), points the dataset at it: live;
3. when no dataset points to it any more (replaced, removed) and no loader is staging it, it is
   garbage: doomed (no batch can add to it, no switch can make it live), its records deleted in
   batches, then the Version node itself.

Whether a loader is still staging a version is told by its lease: an idle transaction the loader
keeps open for as long as it stages, tagged with the token in its metadata. SHOW TRANSACTIONS lists
it while the loader lives; a crash of the loader (its connection closes) or of the server ends it.
So a crash at any moment leaves either the old version live (staged records invisible, collected
at the next connection) or the new one, complete. Where SHOW TRANSACTIONS is not allowed, a
version counts as abandoned once no batch has touched it for ABANDONED_AFTER seconds.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import neo4j
from neo4j import exceptions as neo

from ecosystem.store.neo4j import cypher
from ecosystem.store.neo4j.runner import Runner, Tx

log = logging.getLogger(__name__)

LAYOUT = 2  # 1: unversioned records (ecosystem before staged loads); 2: versioned
LEASE_KEY = "ecosystem_version"  # transaction metadata key of a lease (queries/leases.cypher)
DROP_BATCH = 5000  # nodes deleted per transaction by the garbage collector
ABANDONED_AFTER = 3600  # seconds without a staged batch, when leases cannot be listed


def new_token() -> str:
    """A version token: unique. Sixteen hexadecimal digits, which Neo4j keeps inside the node's
    property record; `dataset@digits`, as tokens were until issue 17, took a string record of its
    own on every node of the version. Its Version node says which dataset it belongs to."""
    return secrets.token_hex(8)


@contextlib.contextmanager
def lease(runner: Runner, token: str) -> Iterator[None]:
    """Hold an idle transaction tagged with `token` open for the duration of the block."""
    with runner.errors("lease of a new version"):
        session = runner.session(neo4j.WRITE_ACCESS)
        try:
            tx = session.begin_transaction(metadata={LEASE_KEY: token})  # no time limit
            tx.run(cypher.query("version_lease"), version=token).consume()
        except BaseException:
            session.close()
            raise
    try:
        yield
    finally:
        with contextlib.suppress(Exception):  # the server may be gone: then so is the lease
            tx.close()
        with contextlib.suppress(Exception):
            session.close()


def begin(runner: Runner, token: str, dataset_id: str) -> None:
    runner.write("version_begin", version=token, dataset=dataset_id)


def claim(tx: Tx, token: str) -> bool:
    """Inside a switch: lock the version; False when the garbage collector got it first."""
    found = tx.read("version_claim", version=token)
    return bool(found) and found[0]["usable"]


# ----------------------------------------------------------------------------- garbage collection


@dataclass(frozen=True, slots=True)
class Garbage:
    versions: int  # versions collected
    nodes: int  # records deleted (actors, policies, alliances; not their coverage roll-up)


def _leased(runner: Runner) -> set[str] | None:
    """Tokens of the open leases, or None when this user may not list transactions."""
    try:  # asked in a write transaction: on a cluster that is the leader, where the leases are open
        return {r["version"] for r in runner.write_transaction("leases", lambda tx: tx.read("leases"))}
    except neo.ClientError as exc:  # Neo.ClientError.Security.Forbidden and the like
        log.warning("cannot list Neo4j transactions (%s): versions idle for %d s count as abandoned",
                    exc.code, ABANDONED_AFTER)
        return None


class _StillLive(Exception):
    """Raised to roll back a doom: a switch made the version live in the meantime."""


def collect_garbage(runner: Runner, *, keep: str | None = None,
                    announce: Callable[[int], None] | None = None) -> Garbage:
    """Delete every version that is neither live nor being staged (`keep` is never collected).

    The versions are read before the leases: a loader opens its lease before it creates its Version
    node, so a version seen here whose loader is alive has its lease in the list read next.
    `announce(n)` is called once, before the first deletion, with the number of versions that may
    go: cleaning up after a crash can take a minute, and the shell says so before it starts."""
    versions = runner.read("versions_list")
    leased = _leased(runner)
    collected = nodes = 0
    candidates = sum(1 for v in versions if not v["live"] and v["version"] != keep)
    for v in versions:
        token = v["version"]
        if v["live"] or token == keep:
            continue
        if not v["doomed"]:
            alive = (token in leased) if leased is not None else v["idle_seconds"] < ABANDONED_AFTER
            if alive or not _doom(runner, token):
                continue
        if announce is not None and collected == 0:
            announce(candidates)
        nodes += drop(runner, token)
        collected += 1
    return Garbage(collected, nodes)


def _doom(runner: Runner, token: str, *, retry: bool = True) -> bool:
    """Doom a version unless it is live; False when it is live (or gone)."""
    def work(tx: Tx) -> bool:
        found = tx.read("version_doom", version=token)
        if found and found[0]["live"]:
            raise _StillLive
        return bool(found)

    label = f"garbage collection of version {token}"
    try:
        return runner.write_transaction(label, work) if retry else runner.write_once(label, work)
    except _StillLive:
        return False


def drop(runner: Runner, token: str) -> int:
    """Delete the records of a doomed version in batches, then its coverage roll-up and the version;
    returns the records deleted. Interrupted, it is simply resumed by the next collection (the
    version stays doomed)."""
    total = 0
    while True:
        done = runner.write_transaction(
            f"garbage collection of version {token}",
            lambda tx: tx.read("version_drop", version=token, batch=DROP_BATCH)[0])
        if not done["deleted"]:
            break
        total += done["records"]
    runner.write("version_forget", version=token)
    return total


def abandon(runner: Runner, token: str) -> None:
    """Best effort, after a failed load: collect its staged records now rather than later."""
    with contextlib.suppress(Exception):  # without retries: the failure may be the server's death
        if _doom(runner, token, retry=False):
            drop(runner, token)


# ----------------------------------------------------------------------------- layout


def ensure_layout(runner: Runner, batch: int = DROP_BATCH) -> bool:
    """Give the records of a database written before versions existed their version; True when done
    now. Each step is idempotent, so an interrupted migration resumes at the next connection."""
    if runner.read("layout_version")[0]["version"] == LAYOUT:
        return False
    runner.write("layout_datasets")
    while runner.write_transaction("layout migration",
                                   lambda tx: tx.read("layout_records", batch=batch)[0]["updated"]):
        pass
    runner.write("layout_mark", version=LAYOUT)
    return True
