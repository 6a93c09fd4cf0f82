"""An edit applied to Neo4j in place: the few records it names, in one transaction, nothing else read.

A re-import as a difference (`ecosystem.store.neo4j.difference`) still reads the digests of every
record: right for a file, where anything may have changed, but an edit in the app already knows what
it changes. So here, inside ONE
write transaction after `datasets_lock`: the dataset's checksum must still be the one the edit was
built on (else `LoadOvertaken`, nothing written); ids the edit adds must not be another dataset's;
the records are removed, cleared and written by the difference's own writer (`difference._write`,
same queries, same digests); the roll-up's nodes of just the territories where the old and new
records are present are adjusted (`rollup.adjust`: old records out, new ones in); the dataset gets
the checksum of the patched version (`patched_checksum`). The transaction commits whole or not at
all, as every load does.

`undo` is the patch that takes the new version back to the old one: its records are the old
versions of those the edit touches, read by the caller before (the checksum check makes sure they are
still the live ones). They tell which keys exist (a put is then a change, not an addition) and what
to take out of the roll-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from ecosystem.datasets.difference import (
    Change,
    Difference,
    assessment_key,
    keyed,
    membership_key,
    record_digest,
)
from ecosystem.datasets.patch import Patch, patched_checksum
from ecosystem.model import Dataset
from ecosystem.reference import Reference
from ecosystem.store.integrity import check_ownership
from ecosystem.store.neo4j import difference, rollup
from ecosystem.store.neo4j.runner import Tx
from ecosystem.store.rules import LoadOvertaken


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def apply(tx: Tx, patch: Patch, undo: Patch, ref: Reference,
          now: Callable[[], str] = _now) -> tuple[str, Difference]:
    """Inside the caller's write transaction: the new checksum and what changed, or LoadOvertaken."""
    tx.read("datasets_lock", bump=1)
    state = tx.read("dataset_state", dataset=patch.dataset)[0]
    live = state["live"]
    if live is None or state["checksum"] != patch.base:
        raise LoadOvertaken(patch.dataset)
    existing = {kind: {r.id for r in getattr(undo, kind)} for kind in ("actors", "policies", "alliances")}
    existing["memberships"] = {membership_key(m) for m in undo.memberships}
    existing["assessments"] = {assessment_key(s) for s in undo.assessments}
    shown = patch.difference(existing)
    _check_owners(tx, patch, shown)
    view = keyed(Dataset(patch.dataset, "", actors=patch.actors, policies=patch.policies,
                         alliances=patch.alliances, memberships=patch.memberships))
    digests = {kind: {r.id: record_digest(r) for r in getattr(patch, kind)}
               for kind in ("actors", "policies", "alliances")}
    history = Change("assessments")  # an edit puts no self-assessment; a retired alliance's go with it
    written = difference._write(tx, Dataset(patch.dataset, ""), ref, live, shown, history, view, {}, digests)
    if written != difference._expected(shown, history, view):
        raise RuntimeError(f"dataset {patch.dataset!r}: the edit's relationships do not match its records; "
                           "nothing was written (a reference missing in Neo4j?)")
    if state["rollup"] == rollup.ROLLUP:  # else coverage walks the records: nothing to keep up
        _adjust_rollup(tx, live, undo, patch, ref)
    checksum = patched_checksum(patch.base, patch)
    meta = tx.read("dataset_get", dataset=patch.dataset)[0]
    tx.write("difference_dataset", id=patch.dataset, name=meta["name"], source=meta["source"],
             description=meta["description"], loaded_at=now(), checksum=checksum)
    return checksum, shown


def _check_owners(tx: Tx, patch: Patch, shown: Difference) -> None:
    """Only ids the edit adds can be another dataset's (ConflictError then, as for a file)."""
    added = {kind: set(shown.of(kind).added) for kind in ("actors", "policies", "alliances")}
    only = Dataset(patch.dataset, "", actors=tuple(a for a in patch.actors if a.id in added["actors"]),
                   policies=tuple(p for p in patch.policies if p.id in added["policies"]),
                   alliances=tuple(a for a in patch.alliances if a.id in added["alliances"]))
    if not (only.actors or only.policies or only.alliances):
        return
    owners = {(r["kind"], r["id"]): r["dataset"] for r in tx.read(
        "dataset_owners", dataset=patch.dataset, actors=[a.id for a in only.actors],
        policies=[p.id for p in only.policies], alliances=[a.id for a in only.alliances])}
    check_ownership(only, lambda kind, rid: owners.get((kind, rid)))


def _adjust_rollup(tx: Tx, live: str, undo: Patch, patch: Patch, ref: Reference) -> None:
    """The roll-up nodes where the old or new records are present, adjusted: the old records'
    counts out, the new ones' in (`rollup.adjust`)."""
    rollup.adjust(tx, live, rollup.records_of(undo.actors, undo.alliances, undo.policies),
                  rollup.records_of(patch.actors, patch.alliances, patch.policies), ref.hierarchy)
