"""The Neo4j store: the contract of `ecosystem.store.base` on a Neo4j 5 server, over Bolt.

Graph model: design.md section 1, plus three things the queries lean on. Dataset records are
versioned (`ecosystem.store.neo4j.versions`): a load stages a new version in batches and switches
it live in one small transaction, and every read sees only the live versions. Each territory has WITHIN
relationships to every coarser territory it shares a commune with (`Hierarchy.within`), so "present
in x at level L" is one hop: x itself or a WITHIN neighbour. Each actor carries precomputed values
(`all_sdgs`, `n_<level>` = |P_L|, `name_norm`) so the Jaccard counts need no extra walk.
Every record keeps its user-ordered lists as properties, so `dataset()` gives back exactly what was
loaded; relationships are what the queries traverse.

All Cypher lives in `queries/` (see `ecosystem.store.neo4j.cypher`); this module only shapes parameters
and results. Answers that depend on string order are sorted here, in Python, as the contract says.
"""

from __future__ import annotations

import contextlib
import difflib
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

import neo4j

from ecosystem import redact
from ecosystem.datasets.patch import Patch
from ecosystem.errors import EcosystemError, NotFound
from ecosystem.model import (
    Actor,
    ActorKind,
    Alliance,
    Assessment,
    Dataset,
    Level,
    Membership,
    Policy,
)
from ecosystem.reference import Reference, reference
from ecosystem.store.base import (
    ActorOutline,
    AuditEntry,
    CoverageCell,
    DatasetInfo,
    Link,
    LoadReport,
    OverlapCount,
    PairCount,
    ProfilePair,
    Progress,
    SearchHit,
    Stats,
    Store,
    StoreInfo,
)
from ecosystem.store.memory.pairs import ProfileWalk
from ecosystem.store.neo4j import pairing, patching, record_cache, rollup, rows, versions, wide
from ecosystem.store.neo4j.load import BATCH, WRITERS, Loader, Outcome
from ecosystem.store.neo4j.record_cache import ActorCache
from ecosystem.store.neo4j.runner import Runner, Tx, unavailable
from ecosystem.store.neo4j.schema import ensure_reference, ensure_schema
from ecosystem.store.rules import assessment_key, relationship_count
from ecosystem.text import normalize

EVERY_ROW = 2**62  # $fetch when no limit is asked
COUNTS = ("actors", "policies", "alliances", "memberships", "assessments")
KIND_OF = {k.value: k for k in ActorKind}  # a lookup: ActorKind(value) was a third of 16,000 outlines' time


class Neo4jStore(Store):
    """The contract on Neo4j. Build it with `connect`, or pass a driver you own."""

    def __init__(self, driver: neo4j.Driver, *, uri: str, user: str = "neo4j", database: str = "neo4j",
                 timeout: float = 60.0, ref: Reference | None = None, owns_driver: bool = False,
                 batch: int = BATCH, writers: int = WRITERS, load_timeout: float = 3600.0,
                 on_recovery: Callable[[int], None] | None = None) -> None:
        """Check the server answers, create the schema, load the reference data if needed, bring
        records of an older layout to versions, and collect what an interrupted load left.

        Questions run under `timeout` (ECOSYSTEM_QUERY_TIMEOUT); loads, whose staging, switch and
        bookkeeping queries grow with the dataset, under `load_timeout` (ECOSYSTEM_LOAD_TIMEOUT), on
        a second runner of the same driver (bookmarks are the driver's, so reads still see them).
        `on_recovery(n)` is called before cleaning up what crashed loads left (n versions at most)."""
        self.runner = Runner(driver, database=database, timeout=timeout, uri=uri, user=user)
        self.load_runner = Runner(driver, database=database, timeout=load_timeout, uri=uri, user=user,
                                  setting="ECOSYSTEM_LOAD_TIMEOUT")
        self._ref = ref if ref is not None else reference()
        self._owns_driver = owns_driver
        self.uri, self.database, self.batch, self.writers = uri, database, batch, writers
        self.last_load: Outcome | None = None  # how the last load went, phase by phase (benchmarks)
        self._actor_cache = ActorCache(record_cache.reader(self.runner))
        try:
            driver.verify_connectivity()
        except Exception as exc:  # the driver raises many types here; all mean "cannot use it"
            raise unavailable(uri, user, database, exc) from None
        self.version = self._server_version()
        # maintenance at connection (schema, reference data, what a crash left) is a load's kind of work
        ensure_schema(self.load_runner)
        versions.ensure_layout(self.load_runner)
        ensure_reference(self.load_runner, self._ref)
        versions.collect_garbage(self.load_runner, announce=on_recovery)

    @classmethod
    def connect(cls, *, uri: str, user: str, password: str, database: str = "neo4j", timeout: float = 60.0,
                ref: Reference | None = None, load_timeout: float = 3600.0,
                on_recovery: Callable[[int], None] | None = None) -> Neo4jStore:
        """A store on its own driver (closed by `close`); StoreUnavailable when it cannot be used."""
        try:
            driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10,
                                                max_transaction_retry_time=15)
        except Exception as exc:  # malformed URI, unknown scheme, bad TLS settings
            raise unavailable(uri, user, database, exc) from None
        try:
            return cls(driver, uri=uri, user=user, database=database, timeout=timeout, ref=ref,
                       owns_driver=True, load_timeout=load_timeout, on_recovery=on_recovery)
        except BaseException:
            driver.close()
            raise

    def _server_version(self) -> str:
        for record in self.runner.read("server_version"):
            if record["name"] == "Neo4j Kernel":
                return f"Neo4j {record['versions'][0]}"
        return "Neo4j"

    def close(self) -> None:
        if self._owns_driver:
            with contextlib.suppress(Exception):
                self.runner.driver.close()

    def describe(self) -> StoreInfo:
        return StoreInfo(kind="neo4j", location=redact.uri(self.uri), version=self.version,
                         database=self.database)

    def revision(self) -> str:
        """The datasets' meta node: a random epoch (so a wiped database never repeats a token), the
        live set's generation and the count of data writes (both raised by `datasets_lock`, which
        every data write takes). One indexed single-node read."""
        record = self.runner.read("store_revision")[0]
        return f"{record['epoch']}:{record['generation']}.{record['revision']}"

    # ------------------------------------------------------------------ writes

    def load(self, dataset: Dataset, progress: Progress | None = None) -> LoadReport:
        """Staged in batches, made live in one small switch: see `ecosystem.store.neo4j.load`; a small
        replacement is one transaction instead (`ecosystem.store.neo4j.difference`)."""
        started = time.perf_counter()
        outcome = Loader(self.load_runner, self._ref, dataset, progress, self.batch, self.writers).run()
        self.last_load = outcome
        if outcome.status != "unchanged" and outcome.method != "difference":  # a few records changed:
            self._forget_plans()  # the data's shape, hence the plans' fitness, did not
        if progress is not None:
            progress(dataset.row_count, dataset.row_count)
        known = outcome.changes is not None and outcome.status == "replaced"
        changes = outcome.changes.counts() if known and outcome.changes is not None else ()
        counted = outcome.relationships
        relationships = counted if counted is not None else relationship_count(dataset)
        return LoadReport(dataset.id, outcome.status, dataset.row_count, relationships,
                          time.perf_counter() - started, changes, outcome.method)

    def apply_patch(self, patch: Patch, undo: Patch) -> LoadReport:
        """One transaction writing only the edit's records (`ecosystem.store.neo4j.patching`): no
        whole-dataset read, no digests of the other records, no roll-up counted again."""
        started = time.perf_counter()
        checksum, shown = self.runner.write_transaction(
            f"edit of dataset {patch.dataset}", lambda tx: patching.apply(tx, patch, undo, self._ref))
        info = next((d for d in self.datasets() if d.id == patch.dataset), None)  # another write may follow
        rows_now = sum(n for _, n in info.counts) if info is not None and info.checksum == checksum else 0
        return LoadReport(patch.dataset, "replaced", rows_now, 0, time.perf_counter() - started,
                          shown.counts(), "difference")

    def record_names(self, dataset_id: str, kind: str) -> list[tuple[str, str, str]]:
        """One query on the version index (`record_names`), not the whole dataset."""
        found = self.runner.read("record_names", dataset=dataset_id, kind=kind)[0]
        if not found["found"]:
            raise NotFound("dataset", dataset_id, self._close([d.id for d in self.datasets()], dataset_id))
        return sorted(zip(found["ids"], found["names"], found["details"], strict=True))

    def record_datasets(self, kind: str, ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(ids))
        found = self.runner.read("record_datasets", **{k: wanted if k == kind else []
                                                      for k in ("actors", "policies", "alliances")})
        return {r["id"]: r["dataset"] for r in found}

    def remove_dataset(self, dataset_id: str) -> None:
        """Invisible at once (the dataset's node goes, so its version is no longer live), deleted in
        batches right after."""
        def work(tx: Tx) -> int:
            tx.read("datasets_lock", bump=1)
            return tx.read("dataset_delete", dataset=dataset_id)[0]["deleted"]

        if not self.runner.write_transaction(f"removal of dataset {dataset_id}", work):
            raise NotFound("dataset", dataset_id, self._close([d.id for d in self.datasets()], dataset_id))
        versions.collect_garbage(self.load_runner)
        self._forget_plans()

    def _forget_plans(self) -> None:
        """Plans cached for the data's old shape can be catastrophic for its new one (a test saw a
        walk that answers in milliseconds run past 120 s right after a load): forget them, so the
        next questions are planned on the data as it is now (`queries/plans_forget.cypher`). Only
        an optimisation: if the server cannot be asked now, the load's own outcome is what counts."""
        with contextlib.suppress(EcosystemError):
            self.runner.read("plans_forget")

    def record_audit(self, entry: AuditEntry) -> None:
        self.runner.write("audit_record", at=entry.at, who=entry.who, action=entry.action,
                          dataset=entry.dataset, version=entry.version, records=list(entry.records),
                          count_names=[k for k, _ in entry.counts], count_values=[v for _, v in entry.counts])

    def audit(self, limit: int | None = None) -> list[AuditEntry]:
        rows = self.runner.read("audit_list", limit=EVERY_ROW if limit is None else limit)
        return [AuditEntry(r["at"], r["who"], r["action"], r["dataset"], r["version"], tuple(r["records"]),
                           tuple(zip(r["count_names"], r["count_values"], strict=True))) for r in rows]

    def collect_garbage(self) -> versions.Garbage:
        """Delete the records no dataset points to: old versions, loads interrupted by a crash."""
        return versions.collect_garbage(self.load_runner)

    def record_assessments(self, assessments: Sequence[Assessment]) -> None:
        levers = {lv.id for lv in self._ref.levers}
        latest = {assessment_key(s): s for s in assessments}  # a later entry with the same key wins
        for s in latest.values():
            if s.lever not in levers:
                raise ValueError(f'"{s.lever}" is not one of the charter\'s 21 levers')
        if not latest:
            return
        wanted = sorted({s.alliance for s in latest.values()})

        def work(tx: Tx) -> None:
            tx.read("datasets_lock", bump=0)  # a switch carries these over, or runs after them
            known = {r["id"] for r in tx.read("alliances_existing", ids=wanted)}
            for alliance in wanted:
                if alliance not in known:
                    raise NotFound("alliance", alliance, self._close(self._alliance_ids(), alliance))
            tx.write("record_assessments", rows=[rows.assessment_row(s) for s in latest.values()])

        self.runner.write_transaction("record_assessments", work)

    def delete_assessment(self, alliance_id: str, lever: str, on: date) -> Assessment:
        key = f"{lever}@{on.isoformat()}"

        def work(tx: Tx) -> dict[str, Any]:
            tx.read("datasets_lock", bump=0)  # not while a switch copies this alliance's entries
            # a write query read through Tx.read: its one record says what was deleted
            return dict(tx.read("delete_assessment", alliance=alliance_id, lever=lever, on=on.isoformat())[0])

        found = self.runner.write_transaction("delete_assessment", work)
        if not found["exists"]:
            raise NotFound("alliance", alliance_id, self._close(self._alliance_ids(), alliance_id))
        if not found["gone"]:
            known = [s.entry_id for s in self.assessments(alliance_id)]
            raise NotFound("self-assessment entry", key, self._close(known, key))
        return rows.assessment_from({"alliance": alliance_id, **found["gone"][0]})

    # ------------------------------------------------------------------ catalogue

    def _best(self, name: str, limit: int | None, score: Callable[[neo4j.Record], Any],
              floor: Callable[[neo4j.Record], dict[str, Any]], /, **params: Any) -> list[neo4j.Record]:
        """The rows of a query ordered best first in Neo4j (ORDER BY ... LIMIT $fetch) that can be
        among the `limit` best once ties are ordered by id in Python.

        Neo4j orders strings by UTF-16 code units, Python by code points, so which rows tied at the
        cut make it is decided here: one more row than asked is fetched, and when it ties with the
        last one the query runs again for every row scoring at least as well (`floor`)."""
        if limit is None:
            return self.runner.read(name, fetch=EVERY_ROW, **params)
        rows = self.runner.read(name, fetch=limit + 1, **params)
        if len(rows) <= limit or score(rows[limit]) != score(rows[limit - 1]):
            return rows[:limit]
        return self.runner.read(name, fetch=EVERY_ROW, **(params | floor(rows[limit - 1])))

    @staticmethod
    def _close(known: list[str], key: str) -> list[str]:
        return difflib.get_close_matches(key, known)

    def _alliance_ids(self) -> list[str]:
        return [r["id"] for r in self.runner.read("alliance_ids")]

    @staticmethod
    def _info(r: neo4j.Record) -> DatasetInfo:
        return DatasetInfo(r["id"], r["name"], r["source"], r["description"], r["loaded_at"], r["checksum"],
                           tuple((what, r[what]) for what in COUNTS))

    def datasets(self) -> list[DatasetInfo]:
        return sorted((self._info(r) for r in self.runner.read("datasets_list")), key=lambda d: d.id)

    def stats(self) -> Stats:
        r = self.runner.read("stats")[0]
        kinds = dict(r["kinds"])
        levels = dict(r["levels"])
        return Stats(
            actors_by_kind=tuple((k.value, kinds.get(k.value, 0)) for k in ActorKind),
            territories_by_level=tuple((level.value, levels.get(level.value, 0)) for level in Level),
            territories_used=r["territories_used"], sdgs=r["sdgs"], levers=r["levers"],
            policies=r["policies"], alliances=r["alliances"], memberships=r["memberships"],
            assessments=r["assessments"],
            datasets=tuple(self.datasets()),
        )

    def dataset(self, dataset_id: str) -> Dataset:
        found = self.runner.read("dataset_get", dataset=dataset_id)
        if not found:
            raise NotFound("dataset", dataset_id, self._close([d.id for d in self.datasets()], dataset_id))
        meta = found[0]
        actors, policies, alliances = [], [], []
        for r in self.runner.read("dataset_records", dataset=dataset_id):
            kind, props = r["kind"], r["props"]
            if kind == "actor":
                actors.append(rows.actor_from(props))
            elif kind == "policy":
                policies.append(rows.policy_from(props))
            else:
                alliances.append(rows.alliance_from(props))
        memberships = map(rows.membership_from, self.runner.read("dataset_memberships", dataset=dataset_id))
        history = map(rows.assessment_from, self.runner.read("dataset_assessments", dataset=dataset_id))
        return Dataset(
            id=meta["id"], name=meta["name"], source=meta["source"], description=meta["description"],
            actors=tuple(sorted(actors, key=lambda a: a.id)),
            policies=tuple(sorted(policies, key=lambda p: p.id)),
            alliances=tuple(sorted(alliances, key=lambda a: a.id)),
            memberships=tuple(sorted(memberships, key=lambda m: (m.alliance, m.actor))),
            assessments=tuple(sorted(history, key=lambda s: (s.alliance, s.on, s.lever))),
        )

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        if limit <= 0:
            return []
        found = self._best("search", limit, lambda h: (h["rank"], h["norm"], h["type"]),
                           lambda h: {"floor": {"rank": h["rank"], "norm": h["norm"], "type": h["type"]}},
                           text=text, q=normalize(text), floor=None)
        hits = sorted(found, key=lambda h: (h["rank"], h["norm"], h["type"], h["id"]))
        return [SearchHit(h["type"], h["id"], h["name"], h["detail"]) for h in hits[:limit]]

    def actors(self, ids: Iterable[str]) -> list[Actor]:
        """Kept between calls while no data is written (`record_cache`): a what-if reads again the
        actors the page's diagnosis has just read."""
        return self._actor_cache.actors(ids)

    def actor_outlines(self, ids: Iterable[str]) -> list[ActorOutline]:
        """One query for five properties (`actor_outlines.cypher`), not through the actor cache: a
        cold grouped map at 1M actors read 16,661 whole records to draw a few dozen groups."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        return self._outlines(self.runner.read("actor_outlines", ids=wanted)[0])

    def actor_outlines_in(self, territory_ids: Iterable[str], kinds: Iterable[ActorKind] | None = None,
                          sdgs: Iterable[int] | None = None) -> list[ActorOutline]:
        """`actors_in`'s walk returning outlines (`actor_outlines_in.cypher`), not ids to look up again."""
        return self._outlines(self._walk("actor_outlines_in", "actor_outlines_all", territory_ids, kinds,
                                         sdgs)[0])

    @staticmethod
    def _outlines(found: neo4j.Record) -> list[ActorOutline]:
        """Outlines from one record of parallel lists (`actor_outlines*.cypher`), sorted by id."""
        columns = (found["ids"], found["names"], found["kinds"], found["territories"], found["sdgs"])
        return sorted((ActorOutline(i, name, KIND_OF[kind], tuple(ts or ()), tuple(sorted(sdgs or ())))
                       for i, name, kind, ts, sdgs in zip(*columns, strict=True)), key=lambda o: o.id)

    def alliances(self, ids: Iterable[str] | None = None) -> list[Alliance]:
        found = ([r["props"] for r in self.runner.read("alliances_all")] if ids is None
                 else self.runner.read("alliances_by_id", ids=sorted(set(ids)))[0]["props"])
        return sorted(map(rows.alliance_from, found), key=lambda a: a.id)

    def policies(self, ids: Iterable[str] | None = None) -> list[Policy]:
        found = ([r["props"] for r in self.runner.read("policies_all")] if ids is None
                 else self.runner.read("policies_by_id", ids=sorted(set(ids)))[0]["props"])
        return sorted(map(rows.policy_from, found), key=lambda p: p.id)

    def memberships(self, alliance_ids: Iterable[str] | None = None,
                    actor_ids: Iterable[str] | None = None) -> list[Membership]:
        actors = sorted(set(actor_ids)) if actor_ids is not None else None
        if alliance_ids is not None:
            found = self.runner.read("memberships_of_alliances", alliances=sorted(set(alliance_ids)),
                                     actors=actors)
        elif actors is not None:
            found = self.runner.read("memberships_of_actors", actors=actors)
        else:
            found = self.runner.read("memberships_all")
        return sorted((rows.membership_from(r) for r in found), key=lambda m: (m.alliance, m.actor))

    def alliance_datasets(self, alliance_ids: Iterable[str]) -> dict[str, str]:
        found = self.runner.read("alliance_datasets", ids=sorted(set(alliance_ids)))
        return {r["id"]: r["dataset"] for r in found}

    def assessments(self, alliance_id: str) -> list[Assessment]:
        r = self.runner.read("assessments_of_alliance", alliance=alliance_id)[0]
        if not r["exists"]:
            raise NotFound("alliance", alliance_id, self._close(self._alliance_ids(), alliance_id))
        return sorted((rows.assessment_from(h) for h in r["history"]), key=lambda s: (s.on, s.lever))

    # ------------------------------------------------------------------ geography

    def presence(self, actor_ids: Iterable[str], level: Level) -> dict[str, frozenset[str]]:
        found = self.runner.read("presence", ids=sorted(set(actor_ids)), level=Level(level).value)
        return {r["id"]: frozenset(r["territories"]) for r in sorted(found, key=lambda r: r["id"])}

    def actors_in(self, territory_ids: Iterable[str], kinds: Iterable[ActorKind] | None = None,
                  sdgs: Iterable[int] | None = None) -> list[str]:
        return sorted(self._walk("actors_in", "actors_all", territory_ids, kinds, sdgs)[0]["ids"])

    def _walk(self, within: str, everywhere: str, territory_ids: Iterable[str],
              kinds: Iterable[ActorKind] | None, sdgs: Iterable[int] | None) -> list[neo4j.Record]:
        """The records of the walk `within` the territories, or of `everywhere` when none is given,
        with the filters of `actors_in` (None: no filter) written once for both of its forms."""
        territories = sorted(set(territory_ids))
        filters = {"kinds": None if kinds is None else sorted({ActorKind(k).value for k in kinds}),
                   "sdgs": None if sdgs is None else sorted(set(sdgs))}
        return (self.runner.read(within, territories=territories, **filters) if territories
                else self.runner.read(everywhere, **filters))

    def alliances_in(self, territory_ids: Iterable[str]) -> list[str]:
        territories = sorted(set(territory_ids))
        found = (self.runner.read("alliances_in", territories=territories) if territories
                 else self.runner.read("alliance_ids"))
        return sorted(r["id"] for r in found)

    def policies_in(self, territory_ids: Iterable[str]) -> list[str]:
        territories = sorted(set(territory_ids))
        found = (self.runner.read("policies_in", territories=territories) if territories
                 else self.runner.read("policy_ids"))
        return sorted(r["id"] for r in found)

    # ------------------------------------------------------------------ counting primitives

    def overlap_counts(self, territories: Sequence[str], sdgs: Sequence[int], level: Level,
                       exclude: Iterable[str] = (), limit: int | None = None) -> list[OverlapCount]:
        level = Level(level)
        subject_sdgs = sorted(set(sdgs))
        if not subject_sdgs or (limit is not None and limit <= 0):
            return []
        if wide.is_wide(self._ref.hierarchy, territories):  # at any level: see wide.is_wide
            return wide.best_overlaps(self.runner, self._ref.hierarchy, territories, subject_sdgs, level,
                                      set(exclude), limit)
        found = self._best("overlap_counts", limit, lambda r: r["jaccard"], lambda r: {"floor": r["jaccard"]},
                           territories=sorted(set(territories)), sdgs=subject_sdgs, level=level.value,
                           size=rows.size_key(level), exclude=sorted(set(exclude)), floor=None)
        found.sort(key=lambda r: (-r["jaccard"], r["actor"]))
        return [OverlapCount(r["actor"], r["shared_territories"], r["shared_sdgs"], r["territories"],
                             r["sdgs"]) for r in found[:limit]]

    def overlap_profile_walk(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                             same_kind: bool = False) -> ProfileWalk:
        """The territory's actors in profiles: one compact fetch, grouped and paired in Python."""
        found = self.runner.read("pair_projection", territory=territory_id)[0]
        columns = (found["ids"], found["kinds"], found["territories"], found["sdgs"])
        fetched = pairing.Fetched.of(list(zip(*columns, strict=True)))
        outlines = pairing.FetchedOutlines(found["ids"], found["names"], *columns[1:])
        return pairing.group_pairs(fetched, self._ref.hierarchy, Level(level), float(min_jaccard), same_kind,
                                   outlines)

    def overlap_profile_pairs(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                              same_kind: bool = False) -> list[ProfilePair]:
        return self.overlap_profile_walk(territory_id, level, min_jaccard, same_kind).profile_pairs()

    def overlap_pair_total(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                           same_kind: bool = False) -> int:
        return self.overlap_profile_walk(territory_id, level, min_jaccard, same_kind).total()

    def overlap_pairs(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                      same_kind: bool = False, limit: int | None = None) -> list[PairCount]:
        if limit is not None and limit <= 0:
            return []
        return self.overlap_profile_walk(territory_id, level, min_jaccard, same_kind).pairs(limit)

    def coverage(self, territory_id: str, level: Level) -> list[CoverageCell]:
        """Read from the roll-up the loads keep (`rollup.py`: a few thousand small nodes at 1M
        actors); walked from the records while a live version has none (loaded by an older
        ecosystem, or before the reference map changed)."""
        params = {"territory": territory_id, "level": Level(level).value}
        kept = rollup.ready(self.runner)
        names = ("coverage_rollup",) if kept else ("coverage_single", "coverage_multi")
        cells: dict[tuple[str, int], list[int]] = {}
        for name in names:
            for r in self.runner.read(name, **params):
                counts = cells.setdefault((r["territory"], r["sdg"]), [0, 0, 0])
                counts[0] += r["actors"]
                counts[1] += r["alliances"]
                counts[2] += r["policies"]
        if kept:
            inside = self._ref.hierarchy.project(territory_id, level)
            for r in self.runner.read("coverage_wide", wide=rollup.WIDE):
                found = list(zip(r["sdgs"], r["actors"], r["alliances"], r["policies"], strict=True))
                for x in rollup.spread(r["footprint"], level, inside, self._ref.hierarchy):
                    for sdg, *each in found:
                        counts = cells.setdefault((x, sdg), [0, 0, 0])
                        for k, n in enumerate(each):
                            counts[k] += n
        return [CoverageCell(t, s, *counts) for (t, s), counts in sorted(cells.items())]

    def copresent(self, territories: Sequence[str], level: Level, exclude: Iterable[str] = (),
                  limit: int | None = None) -> list[tuple[str, int]]:
        if limit is not None and limit <= 0:
            return []
        found = self.runner.read("copresent", territories=sorted(set(territories)), level=Level(level).value,
                                 exclude=sorted(set(exclude)), fetch=EVERY_ROW if limit is None else limit)[0]
        return sorted(zip(found["actors"], found["shared"], strict=True), key=lambda p: (-p[1], p[0]))

    def actor_links(self, actor_ids: Iterable[str] | None = None) -> list[Link]:
        found = (self.runner.read("actor_links") if actor_ids is None
                 else self.runner.read("actor_links_among", ids=sorted(set(actor_ids))))
        links = [Link(*sorted((r["a"], r["b"])), r["alliances"], r["policies"]) for r in found]
        return sorted(links, key=lambda link: (link.a, link.b))
