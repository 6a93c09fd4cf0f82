"""Loading a dataset into Neo4j: staged in many small transactions, made live in one small switch.

A single transaction holding a whole dataset needs the server to keep all of it in its heap (about
8.5 KB per actor: 1,000,000 actors would need ~9 GB), and gets pathologically slow when it first
deletes an old version. Instead (see `ecosystem.store.neo4j.versions` for the versions):
1. the dataset is checked (references, ownership of its ids) and nothing goes live if it fails: a
   replacement is checked before anything is written; a dataset not live yet is checked on a thread
   while its records are staged (the staging stops as soon as the check fails, and the staged
   records are collected), which takes its few seconds of Python off a big first load;
2. a new version is registered under a lease, and its records are staged batch by batch with
   UNWIND ... CREATE: policies, alliances, assessments, then actors with their CARRIES and
   MEMBER_OF, so no batch looks an actor up (each reference node sought once per batch:
   `staging.py`), then the coverage roll-up (`rollup.py`) counted from the dataset. Staged records
   are invisible to every read. Each batch locks the Version node as its last step, so that two
   batches run at once on the server and only their commits wait for each other, and is rolled
   back if the garbage collector doomed the version meanwhile;
3. the switch, one transaction with a handful of small statements: lock, claim the version,
   re-check ownership if another dataset went live meanwhile, carry the app's assessments over,
   point the dataset at the new version;
4. the old version (or, when nothing switched, the staged one) is garbage-collected in batches.
Any failure before the switch commits leaves the old version as it was; the staged records are
collected now, or at the next connection after a crash.

Rows are built lazily, one batch ahead on a worker thread while the server writes the current
one: the Python side (presence sizes, normalised names, packing) then overlaps the server's work.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, TypeVar

import neo4j

from ecosystem.datasets import difference
from ecosystem.datasets.difference import Difference
from ecosystem.errors import EcosystemError, StoreUnavailable
from ecosystem.model import Dataset
from ecosystem.reference import Reference
from ecosystem.store.base import Progress
from ecosystem.store.integrity import check_dataset, check_ownership
from ecosystem.store.neo4j import difference as neo4j_difference
from ecosystem.store.neo4j import rollup, rows, staging, versions
from ecosystem.store.neo4j.runner import Rows, Runner, Tx
from ecosystem.store.rules import LoadOvertaken, relationship_count

T = TypeVar("T")
ActorBatch = Callable[[list[rows.Row], staging.Targets], tuple[list[rows.Row], rows.Row]]

BATCH = 5000  # rows per staging transaction
WRITERS = 2  # staging transactions running at once (see staging.py for one against two)
NODES = ("load_policies", "load_alliances", "load_actors", "load_coverage")  # one node per row


class LoadAbandoned(EcosystemError):
    """The staged version was collected as garbage before its switch (its lease was lost)."""


class LoadOutcomeUnknown(StoreUnavailable):
    """The server stopped answering during the switch: it may have committed or not. Said as such
    rather than as "cannot be reached", which would suggest that nothing changed."""


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # "loaded", "replaced" or "unchanged"
    kept: int  # app assessments carried over to the new version
    seconds: tuple[tuple[str, float], ...] = ()  # ("check", s), ("stage", s), ("switch", s)... in order
    changes: Difference | None = None  # what a replacement changed (None: a new dataset, or not known)
    method: str = ""  # "difference" (one transaction, store/neo4j/difference.py) or "full" (staged)
    relationships: int | None = None  # of the dataset, when the load counted them (a staged one does)


@dataclass(frozen=True, slots=True)
class Batch:
    query: str
    rows: list[rows.Row]
    count: int  # dataset rows it stands for (an actor row also holds its memberships)
    params: rows.Row = field(default_factory=dict)  # the query's other parameters (load_actors: targets)


class _Clock:
    """Where a load's time goes (for benchmarks and logs)."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, round(now - self._last, 3)))
        self._last = now


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def batches(dataset: Dataset, ref: Reference, size: int = BATCH,
            digests: dict[str, dict[str, str]] | None = None,
            cells: Callable[[], list[rows.Row]] | None = None,
            actor_batch: ActorBatch = staging.actor_batch) -> Iterator[Batch]:
    """The staging batches in dependency order, each built only when asked for; `digests` are the
    records' (`ecosystem.datasets.difference.digests`), computed batch by batch when not given (on
    the thread that builds the rows ahead, while the server writes); `cells` gives
    the coverage roll-up's rows (computed here when not given); `actor_batch` turns rows of
    `rows.actor_row` into load_actors' rows and parameters (a benchmark passes the previous form)."""
    h = ref.hierarchy

    def digested(kind: str) -> Callable[[Any], str]:
        known = digests[kind] if digests is not None else None
        return (lambda record: known[record.id]) if known is not None else difference.record_digest

    dp, dl, da = digested("policies"), digested("alliances"), digested("actors")
    for chunk in _chunks(list(dataset.policies), size):
        yield Batch("load_policies", [rows.policy_row(p, dataset.id, dp(p)) for p in chunk], len(chunk))
    for chunk in _chunks(list(dataset.alliances), size):
        yield Batch("load_alliances", [rows.alliance_row(a, dataset.id, dl(a)) for a in chunk], len(chunk))
    for chunk in _chunks(list(dataset.assessments), size):
        yield Batch("load_assessments", [rows.assessment_row(s) for s in chunk], len(chunk))
    carries, memberships = rows.links(dataset)
    targets = staging.Targets.of(ref)
    for chunk in _chunks(list(dataset.actors), size):
        built = [rows.actor_row(a, dataset.id, h, carries.get(a.id), memberships.get(a.id), da(a))
                 for a in chunk]
        staged, params = actor_batch(built, targets)
        yield Batch("load_actors", staged, len(chunk) + sum(len(r["memberships"]) for r in built), params)
    counted = cells() if cells is not None else rollup.cells(dataset, h)
    for chunk in rollup.chunks(counted, size):
        yield Batch("load_coverage", chunk, 0)


def _ahead(items: Iterator[Batch]) -> Iterator[Batch]:
    """The same items, the next one built on a worker thread while the caller uses the current one."""
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="ecosystem-rows") as pool:
        pending = pool.submit(next, items, None)
        while (item := pending.result()) is not None:
            pending = pool.submit(next, items, None)
            yield item


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block. Building and packing the rows
    allocates millions of small dicts and lists (none in a cycle), and each full collection then
    rescans the whole dataset: 60% of the Python time of a 100k-actor load (5.0 s -> 2.0 s). What
    the driver leaves in cycles is kept small meanwhile (`Loader.write`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Loader:
    """One load of one dataset; `run` does it all."""

    def __init__(self, runner: Runner, ref: Reference, dataset: Dataset, progress: Progress | None,
                 batch: int = BATCH, writers: int = WRITERS) -> None:
        self.runner, self.ref, self.dataset, self.progress = runner, ref, dataset, progress
        self.batch, self.writers = batch, writers
        self.checksum = ""  # set by `_run` (on a thread for a first load)
        self.digests: dict[str, dict[str, str]] | None = None  # the records', set by `_run` (or per batch)
        self.relationships: int | None = None  # relationship_count of the dataset, set by `stage`
        self._verdict: concurrent.futures.Future | None = None  # a first load's check (see `_first`)
        self._done = self._written = 0

    def run(self) -> Outcome:
        with _collector_paused():
            return self._run()

    def _run(self) -> Outcome:
        d = self.dataset
        clock = _Clock()
        state = self.runner.read("dataset_state", dataset=d.id)[0]
        if state["live"] is None:
            return self._first(state, clock)
        self.checksum = d.checksum()
        if state["checksum"] == self.checksum:
            return Outcome("unchanged", 0)
        # A replacement: a small one is applied as a difference. The dataset is checked and its
        # records digested on a thread while the difference's transaction reads what is stored
        # (about 1 s of each at 100,000 actors): the server's work and Python's overlap instead of
        # following each other. Nothing is written before both.
        with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="ecosystem-digests") as pool:
            prepared = pool.submit(self._checked_digests)
            if self.progress is not None:
                self.progress(0, d.row_count)
            try:
                applied = self._outcome_known(lambda: self.runner.write_transaction(
                    f"difference of dataset {d.id}", lambda tx: neo4j_difference.apply(
                        tx, d, self.ref, self.checksum, state["live"], prepared.result, _now)))
            except neo4j_difference.Fallback as fallback:
                clock.lap("difference")
                self.digests = prepared.result()
                return self._staged(state, clock, fallback.changes)
            clock.lap("difference")
            method = "difference" if applied.status == "replaced" else ""  # else: the same went live
            return Outcome(applied.status, 0, tuple(clock.laps), applied.changes, method)

    def _first(self, state: rows.Row, clock: _Clock) -> Outcome:
        """Load a dataset that is not live yet. There is nothing stored to compare it with, so its
        check and its checksum (about 5 s of Python at 1M actors, which used to come before the
        first batch) run on a thread while its records are staged, each batch digesting its own
        records. The switch waits for the verdict: a dataset found wrong is said as such (its error
        wins over any failure of the staging it may have caused), and its staged records, which no
        read ever sees, are collected. Nothing of it goes live."""
        with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="ecosystem-check") as pool:
            self._verdict = verdict = pool.submit(self._checked_checksum)
            try:
                return self._staged(state, clock, None)
            except Exception:
                wrong = verdict.exception()  # waits for it: a bad dataset is what the user must hear
                if wrong is not None:
                    raise wrong from None
                raise
            finally:
                self._verdict = None

    def _staged(self, state: rows.Row, clock: _Clock, changes: Difference | None) -> Outcome:
        """Stage the dataset as a new version and switch to it (a first load's check is waited
        for after the staging, before the switch)."""
        d = self.dataset
        if state["others"]:  # else no id can be another dataset's: 1M ids need not travel
            self._check_owners(self.runner.read)
        clock.lap("check")
        token = versions.new_token()
        with versions.lease(self.runner, token):
            versions.begin(self.runner, token, d.id)
            try:
                self.stage(token)
                clock.lap("stage")
                if self._verdict is not None:
                    self._verdict.result()
                    clock.lap("verdict")
            except StoreUnavailable:
                raise  # nothing went live; the next connection collects the staged records
            except BaseException:
                versions.abandon(self.runner, token)
                raise
            try:
                outcome = self._outcome_known(lambda: self.runner.write_transaction(
                    f"switch of dataset {d.id}",
                    lambda tx: self.switch(tx, token, state["generation"], state["live"])))
                clock.lap("switch")
            except BaseException:
                versions.abandon(self.runner, token)
                raise
        # The old version, or ours when nothing switched. If the server goes away now, the switch has
        # committed: the new version is live, and the next connection collects the old one.
        with contextlib.suppress(StoreUnavailable):
            versions.collect_garbage(self.runner)
        clock.lap("collect")
        return replace(outcome, seconds=tuple(clock.laps), changes=changes, method="full",
                       relationships=self.relationships)

    def _checked_digests(self) -> dict[str, dict[str, str]]:
        """The records' digests (`difference.digests`), once the dataset is known to be valid."""
        check_dataset(self.dataset, self.ref)
        return difference.digests(self.dataset)

    def _checked_checksum(self) -> None:
        """Check the dataset, then set its checksum (what the switch compares and records)."""
        check_dataset(self.dataset, self.ref)
        self.checksum = self.dataset.checksum()

    def _outcome_known(self, commit: Callable[[], T]) -> T:
        """Run the transaction that makes the new content live (a switch, or a difference); the
        server stopping to answer during it is said as LoadOutcomeUnknown: it may have committed."""
        d = self.dataset
        try:
            return commit()
        except StoreUnavailable as lost:
            raise LoadOutcomeUnknown(
                f"The Neo4j server stopped answering while dataset {d.id!r} was being switched to "
                "its new version: it may be live or not. Once the server is back, `ecosystem stats` "
                "says which; loading the file again is safe (the same content changes nothing). "
                f"({lost.text('en')})",
                f"Le serveur Neo4j a cessé de répondre pendant la mise en service de la nouvelle "
                f"version du jeu « {d.id} » : elle est peut-être en service, peut-être pas. Quand le "
                "serveur répondra de nouveau, « ecosystem stats » le dira ; recharger le fichier "
                f"est sans risque (le même contenu ne change rien). ({lost.text('fr')})") from lost

    def _check_owners(self, read: Callable[..., list[neo4j.Record]]) -> None:
        """ConflictError when one of its ids is live in another dataset; `read` is Runner.read or
        Tx.read (inside the switch, after the lock, when the live set changed since the first check)."""
        d = self.dataset
        owners = {(r["kind"], r["id"]): r["dataset"] for r in read(
            "dataset_owners", dataset=d.id, actors=[a.id for a in d.actors],
            policies=[p.id for p in d.policies], alliances=[a.id for a in d.alliances])}
        check_ownership(d, lambda kind, rid: owners.get((kind, rid)))

    def stage(self, token: str) -> None:
        """Write the batches, up to `writers` at a time inside each kind of record (a kind only
        refers to kinds staged before it, so each waits for the previous one to be complete)."""
        self._done = self._written = 0
        if self.progress is not None:
            self.progress(0, self.dataset.row_count)
        inflight: collections.deque[tuple[Batch, concurrent.futures.Future]] = collections.deque()

        def settle(left: int) -> None:
            while len(inflight) > left:
                batch, future = inflight.popleft()
                self._account(batch, future.result())

        # The roll-up is counted on a thread of its own from the start, while the server writes the
        # records (a few seconds of Python at 1M actors that would otherwise follow the last batch).
        pools = concurrent.futures.ThreadPoolExecutor
        with (pools(1, thread_name_prefix="ecosystem-rollup") as counting,
              pools(self.writers, thread_name_prefix="ecosystem-load") as pool):
            cells = counting.submit(rollup.cells, self.dataset, self.ref.hierarchy)
            counted = counting.submit(relationship_count, self.dataset)  # 1.2 s at 1M actors
            kind = ""
            for batch in _ahead(self.batches(cells.result)):
                self._stop_if_wrong()
                settle(0 if batch.query != kind else self.writers - 1)
                kind = batch.query
                inflight.append((batch, pool.submit(self.write, batch, token)))
            settle(0)
        self.runner.write("version_rollup", version=token, rollup=rollup.ROLLUP)
        expected = self.relationships = counted.result()
        if self._written != expected:
            raise RuntimeError(f"dataset {self.dataset.id!r}: {self._written} relationships staged instead "
                               f"of {expected}; nothing was loaded (the reference data in Neo4j differs "
                               "from this version of ecosystem?)")

    def _stop_if_wrong(self) -> None:
        """Raise a first load's check error as soon as it is known: a wrong dataset of 1M actors
        is said after its check's few seconds, not after the whole staging."""
        if self._verdict is not None and self._verdict.done() and self._verdict.exception() is not None:
            self._verdict.result()

    def batches(self, cells: Callable[[], list[rows.Row]]) -> Iterator[Batch]:
        """The staging batches of this load (a method so that a benchmark or a test can stage the
        same dataset with other query texts, e.g. benchmarks/baseline_queries/)."""
        return batches(self.dataset, self.ref, self.batch, self.digests, cells)

    def write(self, batch: Batch, token: str) -> neo4j.SummaryCounters:
        """Stage one batch in its own transaction (called on the writers' threads). The query's last
        step locks the version and says whether it is still usable: doomed by the garbage collector
        meanwhile (or gone), the batch is rolled back and the load abandoned. The driver keeps each
        query's parameters in a reference cycle (its Result and their error handler), which only
        the cyclic collector frees, paused during a load: the rows go in a list of their own
        (`Rows`, which the driver's debug log does not spell out), emptied once written, so that
        they are freed with their batch. Kept, they all stayed in memory to the load's end, whose
        first collection then took 1.3 s at 200,000 actors."""
        sent = Rows(batch.rows)

        def staged(tx: Tx) -> neo4j.SummaryCounters:
            usable, counters = tx.write_returning(batch.query, version=token, rows=sent, **batch.params)
            if not (usable and usable[0]["usable"]):  # doomed or gone: roll back what it wrote
                raise self._abandoned()
            return counters

        try:
            return self.runner.write_transaction(batch.query, staged)
        finally:
            sent.clear()

    def _account(self, batch: Batch, counters: neo4j.SummaryCounters) -> None:
        if batch.query in NODES and counters.nodes_created != len(batch.rows):
            raise self._abandoned()
        self._written += counters.relationships_created
        self._done += batch.count
        if self.progress is not None:
            self.progress(self._done, self.dataset.row_count)

    def _abandoned(self) -> LoadAbandoned:
        return LoadAbandoned(f"The load of dataset {self.dataset.id!r} was stopped: its staged records "
                             "were collected as abandoned (connection lost?); load it again.",
                             f"Le chargement du jeu « {self.dataset.id} » a été arrêté : ses "
                             "enregistrements en attente ont été effacés comme abandonnés (connexion "
                             "perdue ?) ; chargez-le de nouveau.")

    def switch(self, tx: Tx, token: str, generation: int, base: str | None = None) -> Outcome:
        """Make the staged version live, inside the caller's transaction; `generation` is the one
        read before the first ownership check, `base` the dataset's live version then: when another
        load switched meanwhile, this one is refused (LoadOvertaken) and its staged records collected."""
        d = self.dataset
        before = tx.read("datasets_lock", bump=1)[0]["generation"]
        if not versions.claim(tx, token):
            raise LoadAbandoned(f"The load of dataset {d.id!r} was stopped before its switch: its staged "
                                "records were collected as abandoned (connection lost?); load it again.",
                                f"Le chargement du jeu « {d.id} » a été arrêté avant sa mise en service : "
                                "ses enregistrements en attente ont été effacés comme abandonnés "
                                "(connexion perdue ?) ; chargez-le de nouveau.")
        now = tx.read("dataset_state", dataset=d.id)[0]
        if now["checksum"] == self.checksum:  # the same content went live meanwhile
            return Outcome("unchanged", 0)
        if now["live"] != base:  # another load of this dataset switched while this one staged
            raise LoadOvertaken(d.id)
        if before != generation:  # another dataset went live meanwhile: its ids may now clash
            self._check_owners(tx.read)
        kept = tx.write("switch_assessments", old=now["live"], version=token).relationships_created
        tx.write("switch_dataset", id=d.id, name=d.name, source=d.source, description=d.description,
                 loaded_at=_now(), checksum=self.checksum, version=token)
        return Outcome("loaded" if now["live"] is None else "replaced", kept)
