"""A small re-import applied to Neo4j as a difference: one transaction, in the live version, in place.

Staging a whole new version (`ecosystem.store.neo4j.load`) costs the same whether one record changed
or all of them: 21 s at 100,000 actors. When a dataset is already live, the loader first tries this:
inside ONE write transaction, after `datasets_lock` (so no switch, removal or self-assessment runs
meanwhile), it reads the digests of the live records (`difference_digests`) and the ASSESSED history,
compares them with the new version (`ecosystem.datasets.difference`), and when the difference is small
it deletes, rewrites and creates just those records and relationships, keeps the live version token,
and records the new checksum and metadata. The transaction commits whole or not at all: a crash at any
point leaves the old version or the new one, complete, as a staged load does.

It gives up (`Fallback`, nothing written) and the loader stages the whole version as before when:
another load switched the dataset since the loader looked; a live record has no digest (written before
digests were kept); or the difference is above `FULL_LOAD_SHARE` of the rows or `MAX_RECORDS` records.
That cap is the server's heap: Neo4j holds a transaction's changes in memory, about 8.5 KB per actor
written, so 20,000 records stay under ~200 MB whatever the dataset's size.

What the reads see afterwards, and what the app's self-assessments become, are exactly what a staged
load gives (tests/test_contract.py compares both stores after a difference load): records by the new
version, the file's entries back (app = false), the app's entries kept on alliances still there unless
the file has its own for that lever and date (as `switch_assessments` does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ecosystem.datasets.difference import (
    RECORDS,
    Difference,
    assessment_key,
    compare,
    difference_of,
    keyed,
)
from ecosystem.model import Assessment, Dataset
from ecosystem.reference import Reference
from ecosystem.store.integrity import check_ownership
from ecosystem.store.neo4j import rollup, rows
from ecosystem.store.neo4j.runner import Tx

MAX_RECORDS = 20_000  # records touched in the one transaction, at most (see the module docstring)

Entry = tuple[Assessment, bool]  # an ASSESSED relationship: the entry, and whether the app recorded it


class Fallback(Exception):
    """Raised inside the transaction (so it rolls back) when the whole version must be staged;
    carries what changed when that was known, for the load report."""

    def __init__(self, why: str, changes: Difference | None = None) -> None:
        super().__init__(why)
        self.changes = changes


@dataclass(frozen=True, slots=True)
class Applied:
    status: str  # "replaced", or "unchanged" when the same content went live meanwhile
    changes: Difference | None


def apply(tx: Tx, dataset: Dataset, ref: Reference, checksum: str, live: str,
          digested: Callable[[], dict[str, dict[str, str]]], now: Callable[[], str]) -> Applied:
    """Inside the caller's write transaction: make `dataset` (canonical order) the content of the
    live version `live` read before, or raise Fallback. `digested` gives its records' digests once
    it is known to be valid (else it raises, and nothing is written): asked only after the stored
    records are read, so the caller can compute them meanwhile."""
    tx.read("datasets_lock", bump=1)
    state = tx.read("dataset_state", dataset=dataset.id)[0]
    if state["checksum"] == checksum:
        return Applied("unchanged", None)
    if state["live"] != live:
        raise Fallback("another load switched the dataset meanwhile")
    stored = _stored_digests(tx, live)
    if stored is None:
        raise Fallback("records written before digests were kept")
    old_entries, new_entries = _histories(tx, dataset, live)
    old_members = {(r["alliance"], r["actor"]): r["role"] for r in tx.read("dataset_memberships",
                                                                          dataset=dataset.id)}
    new_digests = digested()
    new_view = keyed(dataset)
    shown = difference_of(
        {**stored, "memberships": old_members, "assessments": {k: s for k, (s, _) in old_entries.items()}},
        {**new_digests, "memberships": {k: m.role.value for k, m in new_view["memberships"].items()},
         "assessments": {k: s for k, (s, _) in new_entries.items()}})
    history = compare("assessments", old_entries, new_entries)  # what to write: with the app flag
    touched = shown.size - shown.of("assessments").size + history.size
    if touched > MAX_RECORDS or not shown.small(dataset.row_count):
        raise Fallback("too many changes for one transaction", shown)
    _check_owners(tx, dataset, shown)
    counted = _counted_before(tx, live, shown) if state["rollup"] == rollup.ROLLUP else None
    written = _write(tx, dataset, ref, live, shown, history, new_view, new_entries, new_digests)
    if written != _expected(shown, history, new_view):  # a reference missing in Neo4j: never half a record
        raise Fallback("relationships written differ from the records'")
    if counted is None:
        _recount_rollup(tx, dataset, ref, live)
    else:
        rollup.adjust(tx, live, counted, _counted_after(shown, new_view), ref.hierarchy)
    tx.write("difference_dataset", id=dataset.id, name=dataset.name, source=dataset.source,
             description=dataset.description, loaded_at=now(), checksum=checksum)
    return Applied("replaced", shown)


def _recount_rollup(tx: Tx, dataset: Dataset, ref: Reference, live: str) -> None:
    """The live version's coverage roll-up counted again from the whole new version: when the
    version has no roll-up of the current shape (`rollup.ROLLUP`) to adjust. A difference edits the
    version in place, so its Coverage nodes must follow in the same transaction: else coverage
    would answer from the old records."""
    tx.write("coverage_clear_version", version=live)
    for chunk in rollup.chunks(rollup.cells(dataset, ref.hierarchy), rollup.BATCH):
        tx.write("load_coverage", version=live, rows=chunk)
    tx.write("version_rollup", version=live, rollup=rollup.ROLLUP)


def _counted_before(tx: Tx, live: str, shown: Difference) -> list[rollup.Record]:
    """What the roll-up counts of the records the difference removes or changes, read before they
    are: only those, so a 1 % re-import adjusts the nodes they touch (`rollup.adjust`) instead of
    counting 100,000 records again and rewriting every node (2-3 s of server time at 100k actors)."""
    ids = {kind: [*shown.of(kind).removed, *shown.of(kind).changed] for kind in rollup.KINDS}
    kind_of = {kind: k for k, kind in enumerate(rollup.KINDS)}
    return [(kind_of[r["kind"]], tuple(r["territories"]), r["sdgs"])
            for r in tx.read("rollup_records", version=live, **ids) if r["active"]]


def _counted_after(shown: Difference, new_view: dict[str, dict[Any, Any]]) -> list[rollup.Record]:
    """What the roll-up counts of the records the difference adds or changes."""
    records = {kind: [new_view[kind][k] for k in (*shown.of(kind).added, *shown.of(kind).changed)]
               for kind in rollup.KINDS}
    return list(rollup.records_of(**records))


def _stored_digests(tx: Tx, live: str) -> dict[str, dict[str, str]] | None:
    found = {kind: {} for kind in RECORDS}
    for r in tx.read("difference_digests", version=live):
        if "" in r["digests"]:
            return None
        found[r["kind"]] = dict(zip(r["ids"], r["digests"], strict=True))
    return found


def _histories(tx: Tx, dataset: Dataset, live: str) -> tuple[dict[Any, Entry], dict[Any, Entry]]:
    """The ASSESSED history now, and the one the new version gets: the file's own entries, plus the
    app's on alliances still there where the file has none for that lever and date."""
    old: dict[Any, Entry] = {}
    for r in tx.read("difference_assessments", version=live):
        s = Assessment(r["alliance"], r["lever"], date.fromisoformat(r["on"]), r["score"], r["comment"] or "",
                       r["author"])
        old[assessment_key(s)] = (s, bool(r["app"]))
    new: dict[Any, Entry] = {assessment_key(s): (s, False) for s in dataset.assessments}
    alliances = {a.id for a in dataset.alliances}
    for key, (s, app) in old.items():
        if app and s.alliance in alliances and key not in new:
            new[key] = (s, True)
    return old, new


def _check_owners(tx: Tx, dataset: Dataset, shown: Difference) -> None:
    """Only the ids the new version adds can belong to another dataset (ConflictError then)."""
    added = {kind: set(shown.of(kind).added) for kind in RECORDS}
    only = replace(dataset, actors=tuple(a for a in dataset.actors if a.id in added["actors"]),
                   policies=tuple(p for p in dataset.policies if p.id in added["policies"]),
                   alliances=tuple(a for a in dataset.alliances if a.id in added["alliances"]),
                   memberships=(), assessments=())
    owners = {(r["kind"], r["id"]): r["dataset"] for r in tx.read(
        "dataset_owners", dataset=dataset.id, actors=[a.id for a in only.actors],
        policies=[p.id for p in only.policies], alliances=[a.id for a in only.alliances])}
    check_ownership(only, lambda kind, rid: owners.get((kind, rid)))


def _expected(shown: Difference, history: Any, new_view: dict[str, dict[Any, Any]]) -> int:
    """The relationships `_write` creates, counted from the records as `relationship_count` does."""
    count = 0
    for kind in RECORDS:
        for key in (*shown.of(kind).added, *shown.of(kind).changed):
            r = new_view[kind][key]
            if kind == "actors":
                count += len(set(r.territories)) + len(r.all_sdgs) + len(set(r.offers)) + len(set(r.needs))
            elif kind == "policies":
                count += len(set(r.carriers)) + len(set(r.territories)) + len(set(r.sdgs))
            else:
                count += len(set(r.territories)) + len(set(r.sdgs)) + len(set(r.policies))
    members = shown.of("memberships")
    return count + len(members.added) + len(members.changed) + len(history.added) + len(history.changed)


def _write(tx: Tx, dataset: Dataset, ref: Reference, live: str, shown: Difference, history: Any,
           new_view: dict[str, dict[Any, Any]], new_entries: dict[Any, Entry],
           new_digests: dict[str, dict[str, str]]) -> int:
    """Removals first, then relationships of changed records cleared, records written in dependency
    order (policies, alliances, actors), then CARRIES, memberships and the ASSESSED history.
    Returns the relationships created."""
    did = dataset.id
    ids = {kind: (shown.of(kind).removed, shown.of(kind).changed) for kind in RECORDS}
    tx.write("difference_remove", version=live, **{kind: list(ids[kind][0]) for kind in RECORDS})
    tx.write("difference_clear", version=live, **{kind: list(ids[kind][1]) for kind in RECORDS})

    def upserts(kind: str) -> list[tuple[bool, Any]]:
        change = shown.of(kind)
        return ([(True, new_view[kind][k]) for k in change.added]
                + [(False, new_view[kind][k]) for k in change.changed])

    def flagged(new: bool, row: rows.Row) -> rows.Row:
        return {**row, "new": new}

    def created(name: str, **params: Any) -> int:
        return tx.write(name, version=live, **params).relationships_created

    policies = upserts("policies")
    h = ref.hierarchy
    members = shown.of("memberships")
    return (
        created("difference_policies", rows=[
            flagged(new, rows.policy_row(p, did, new_digests["policies"][p.id])) for new, p in policies])
        + created("difference_alliances", rows=[
            flagged(new, rows.alliance_row(a, did, new_digests["alliances"][a.id]))
            for new, a in upserts("alliances")])
        + created("difference_actors", rows=[
            flagged(new, rows.actor_row(a, did, h, digest=new_digests["actors"][a.id]))
            for new, a in upserts("actors")])
        + created("difference_carries", rows=[
            {"policy": p.id, "carriers": list(dict.fromkeys(p.carriers))} for _, p in policies])
        + created("difference_memberships",
                  gone=[{"alliance": a, "actor": b} for a, b in (*members.removed, *members.changed)],
                  rows=[{"alliance": a, "actor": b, "role": new_view["memberships"][(a, b)].role.value}
                        for a, b in (*members.added, *members.changed)])
        + created("difference_history",
                  gone=[{"alliance": a, "lever": lv, "on": on.isoformat()}
                        for a, lv, on in (*history.removed, *history.changed)],
                  rows=[{**rows.assessment_row(new_entries[k][0]), "app": new_entries[k][1]}
                        for k in (*history.added, *history.changed)]))
