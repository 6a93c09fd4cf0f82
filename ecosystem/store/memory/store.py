"""The embedded store: a NetworkX graph in memory, persisted to a local folder, zero setup.

The graphs (`ecosystem.store.memory.graph`: the shared reference graph, and this store's dataset graph)
hold the reference nodes and every loaded dataset; lookups read them. Counting primitives read
sparse matrices (`ecosystem.store.memory.matrices`) derived from them on first use, dropped on any change.
Every write follows one path: check (`integrity`), apply to the graph, commit the manifest
(`persistence`), so a refused or failed write leaves memory and disk as they were, and a crash
leaves the last committed state.

Several processes may share a folder (the app and a command-line load): writes are serialised by a
lock, and a writer that finds the folder changed since it last read it reloads before writing, so
no write is lost. Readers see another process's writes when they next write or are reopened.
"""

from __future__ import annotations

import difflib
import gc
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import scipy.sparse as sp

from ecosystem import deadline
from ecosystem.datasets.difference import Difference, difference
from ecosystem.datasets.patch import Patch
from ecosystem.errors import NotFound
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
from ecosystem.store.integrity import check_dataset, check_ownership
from ecosystem.store.memory import graph as g
from ecosystem.store.memory.columns import actor_incidence
from ecosystem.store.memory.matrices import (
    Incidence,
    jaccard,
    popcount,
    projection_for,
    sdg_mask,
)
from ecosystem.store.memory.pairs import Groups, ProfileWalk
from ecosystem.store.memory.persistence import (
    Entry,
    Manifest,
    StateFolder,
    canonical_json,
    checksum_of,
)
from ecosystem.store.memory.records import Records
from ecosystem.store.rules import AssessmentKey, LoadOvertaken, assessment_key, relationship_count
from ecosystem.text import normalize

if TYPE_CHECKING:  # imported when the graph is first asked for: opening and counting need none
    import networkx as nx

T = TypeVar("T")
KINDS = tuple(ActorKind)
AUDIT_FILE = "audit.jsonl"
"""The audit log: one JSON object a line, appended (a torn last line after a crash is one entry lost)."""


@dataclass(frozen=True, slots=True)
class _Held:
    """A committed dataset (its records, read lazily: `Records`) and what the manifest says about it.
    Built from a `Dataset` (a load in this process) or from the `Records` of its files."""

    records: Records
    entry: Entry

    def __post_init__(self) -> None:
        if isinstance(self.records, Dataset):
            object.__setattr__(self, "records", Records.held(self.records))

    @property
    def dataset(self) -> Dataset:
        """Every record (parsed from the file on first use when opened from disk)."""
        return self.records.dataset

    def assessments(self) -> tuple[Assessment, ...]:
        """The dataset's own history (less the entries deleted in the app) with the app's entries over
        it, by (alliance, on, lever)."""
        removed = set(self.entry.removed)
        own = self.records.small.assessments
        merged = {assessment_key(s): s for s in own if assessment_key(s) not in removed}
        merged.update((assessment_key(s), s) for s in self.entry.app_assessments)
        return tuple(sorted(merged.values(), key=lambda s: (s.alliance, s.on, s.lever)))



def _visible(held: _Held) -> Dataset:
    """The dataset as the graph shows it: its assessments are the file's merged with the app's."""
    return replace(held.dataset, assessments=held.assessments())


def _only(dataset: Dataset, diff: Difference) -> Dataset:
    """The dataset cut down to the records `diff` adds (to check who owns their ids)."""
    actors, policies, alliances = (set(diff.of(kind).added) for kind in ("actors", "policies", "alliances"))
    return replace(dataset, actors=tuple(a for a in dataset.actors if a.id in actors),
                   policies=tuple(p for p in dataset.policies if p.id in policies),
                   alliances=tuple(a for a in dataset.alliances if a.id in alliances),
                   memberships=(), assessments=())


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects (records, graph
    nodes, result rows): its repeated full passes over a large heap otherwise double the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class MemoryStore(Store):
    """The contract on NetworkX + scipy.sparse, persisted in `state_dir` (created on first write)."""

    def __init__(self, state_dir: Path, ref: Reference | None = None) -> None:
        self._folder = StateFolder(Path(state_dir))
        self._ref = ref if ref is not None else reference()
        self._projection = projection_for(self._ref.hierarchy)
        self._lock = threading.RLock()
        self._cache: dict[str, Any] = {}
        self._held: dict[str, _Held] = {}
        self._graph: nx.MultiDiGraph | None = None  # built when a question needs it (`_dataset_graph`)
        self._generation = 0
        with self._folder.lock(exclusive=False):
            self._read_state()

    # ------------------------------------------------------------------ state

    def _read_state(self) -> None:
        """Open the committed state on disk: each dataset through its derived pack (nothing parsed
        yet); the graph and the matrices are built when a question needs them."""
        manifest = self._folder.read_manifest()
        with _bulk():
            held = {did: _Held(self._folder.open_records(e), e) for did, e in manifest.entries.items()}
        self._held, self._graph, self._generation = held, None, manifest.generation
        self._cache = {}

    def _dataset_graph(self) -> nx.MultiDiGraph:
        """The datasets' graph, built from every record on first use (call it holding the lock)."""
        if self._graph is None:
            import networkx as nx

            with _bulk():
                graph = nx.MultiDiGraph()
                for item in self._held.values():
                    g.add_dataset(graph, item.dataset, item.assessments(), self._node_properties(item.entry))
            self._graph = graph
        return self._graph

    def _packs_to_write(self, helds: dict[str, _Held]) -> dict[str, _Held]:
        """Those of `helds` opened without a usable derived pack (an older folder, a damaged pack):
        the write in progress gives them one, written now under a fresh name and committed with its
        manifest (call it holding the write lock)."""
        out = {}
        for did, held in helds.items():
            if not held.records.rebuilt:
                continue
            payload = canonical_json(held.dataset)
            if checksum_of(payload) != held.entry.checksum:  # never trust a pack not of these bytes
                continue
            name = self._folder.write_derived(held.dataset, payload, held.entry.sha256, held.entry.checksum)
            out[did] = _Held(held.records, replace(held.entry, derived=name))
        return out

    @staticmethod
    def _node_properties(entry: Entry) -> dict[str, str]:
        return {"loaded_at": entry.loaded_at, "checksum": entry.checksum}

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold both locks; catch up first if another process committed since we last read."""
        with self._lock, self._folder.lock(exclusive=True):
            if self._folder.generation() != self._generation:
                self._read_state()
            yield

    def _manifest(self, changes: dict[str, Entry | None],
                  repaired: dict[str, _Held] | None = None) -> Manifest:
        entries = {did: h.entry for did, h in self._held.items()}
        entries.update((did, h.entry) for did, h in (repaired or {}).items())
        for did, entry in changes.items():
            if entry is None:
                entries.pop(did, None)
            else:
                entries[did] = entry
        return Manifest(generation=self._generation + 1, entries=entries)

    def _transition(self, to: dict[str, _Held | None], progress: Progress | None = None,
                    diff: Difference | None = None) -> None:
        """Make memory hold `to[id]` (nothing when None) for each of these dataset ids. With `diff`
        (one dataset replaced, `diff` its `_visible` difference), the graph is edited in place; should
        that fail half-way, both versions' records leave the graph, for the caller to put the old
        one back whole."""
        self._cache = {}
        graph = self._graph  # only a graph already built follows; otherwise it is built when needed
        with _bulk():
            for did, held in to.items():
                current = self._held.pop(did, None)
                if diff is not None and current is not None and held is not None and graph is not None:
                    try:
                        g.apply_difference(graph, _visible(current), _visible(held), diff,
                                           self._node_properties(held.entry))
                    except BaseException:
                        g.remove_dataset(graph, held.dataset)
                        g.remove_dataset(graph, current.dataset)
                        raise
                    self._held[did] = held
                    continue
                if current is not None and graph is not None:
                    g.remove_dataset(graph, current.dataset)
                if held is None:
                    continue
                if graph is not None:
                    try:
                        g.add_dataset(graph, held.dataset, held.assessments(),
                                      self._node_properties(held.entry), progress)
                    except BaseException:
                        g.remove_dataset(graph, held.dataset)
                        raise
                self._held[did] = held

    def _change(self, to: dict[str, _Held | None], obsolete: tuple[str, ...] = (),
                written: str | tuple[str, ...] | None = None, progress: Progress | None = None,
                diff: Difference | None = None) -> None:
        """Apply `to` in memory, then commit it: the one step that changes the state on disk.
        `diff`, for a replacement, lets memory edit the graph rather than rebuild it (`_transition`);
        the commit is the same either way.

        On any failure memory goes back to what it was. If the failure came before the commit, the
        file `written` for it is removed; after, it is left to the next sweep (should the manifest
        have been replaced after all, the next write sees its generation and reloads)."""
        before = {did: self._held.get(did) for did in to}
        written = (written,) if isinstance(written, str) else tuple(written or ())
        committing = False
        repaired: dict[str, _Held] = {}
        try:
            repaired = self._packs_to_write({did: h for did, h in self._held.items() if did not in to})
            manifest = self._manifest({did: held.entry if held else None for did, held in to.items()},
                                      repaired)
            self._transition(to, progress, diff)
            committing = True
            self._folder.commit(manifest, obsolete)
        except BaseException:
            self._transition(before)
            if not committing:
                for name in (*written, *(h.entry.derived for h in repaired.values())):
                    self._folder.discard(name)
            raise
        self._held.update(repaired)
        for held in repaired.values():
            held.records.rebuilt = False  # its pack is committed now: the next write leaves it
        self._generation = manifest.generation

    def _cached(self, name: str, build: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._cache:
                self._cache[name] = build()
            return self._cache[name]

    def _owner(self, kind: str, record_id: str) -> str | None:
        """The dataset holding this record (found in the datasets' columns and small records)."""
        for did, held in self._held.items():
            records = held.records
            if kind == "actor":
                if records.has_actor(record_id):
                    return did
            elif (records.policy(record_id) if kind == "policy" else records.alliance(record_id)) is not None:
                return did
        return None

    def _record(self, label: str, record_id: str) -> Any:
        if label == g.ACTOR:
            found = self._actor_records([record_id])
            return found[0] if found else None
        for held in self._held.values():
            record = held.records.policy(record_id) if label == g.POLICY else held.records.alliance(record_id)
            if record is not None:
                return record
        return None

    def _actor_records(self, ids: Iterable[str]) -> list[Actor]:
        """The actors of these ids, each read alone from its dataset's file (not parsing the rest)."""
        wanted = set(ids)
        found: list[Actor] = []
        for held in self._held.values():
            if wanted:
                found.extend(held.records.actors(sorted(wanted)))
        return found

    def _all(self, what: str) -> Iterator[Any]:
        """Every record of a kind: actors need the whole datasets, the rest their small part."""
        for held in self._held.values():
            yield from getattr(held.dataset if what == "actors" else held.records.small, what)

    # ------------------------------------------------------------------ lifecycle

    def describe(self) -> StoreInfo:
        return StoreInfo(kind="embedded", location=str(self._folder.root),
                         version=f"networkx {version('networkx')}")

    def revision(self) -> str:
        """The committed state's generation this process holds (bumped by every commit; a write
        from another process is seen once this one catches up, which is when its reads change)."""
        with self._lock:
            return f"g{self._generation}"

    def graph(self) -> nx.MultiDiGraph:
        """A read-only view of the datasets' graph (its reference ends are keys of `reference_graph`)."""
        with self._lock:
            return self._dataset_graph().copy(as_view=True)

    def reference_graph(self) -> nx.DiGraph:
        """The frozen reference graph: territories with PART_OF, SDGs, levers."""
        return g.reference_graph(self._ref)  # built on first use, then shared by the process

    def load(self, dataset: Dataset, progress: Progress | None = None) -> LoadReport:
        """A replacement that touches at most FULL_LOAD_SHARE of the rows edits the graph in place
        (`g.apply_difference`) instead of rebuilding it; the file is written and committed the same
        way, so crash safety and what the next reader sees do not depend on which way was taken."""
        started = time.perf_counter()
        total = dataset.row_count

        def report(status: str, diff: Difference | None = None, method: str = "") -> LoadReport:
            if progress is not None:
                progress(total, total)
            return LoadReport(dataset.id, status, total, relationship_count(dataset),
                              time.perf_counter() - started, diff.counts() if diff is not None else (),
                              method)

        with _bulk():  # the cyclic collector's full passes over 100,000 records cost more than the load
            return self._load(dataset, progress, report)

    def apply_patch(self, patch: Patch, undo: Patch) -> LoadReport:
        """The held version's records patched (not read back from the store, not validated again:
        the edit checked what it changes), then written as any load, which takes the difference
        path; refused (LoadOvertaken) unless the live version is still `patch.base`, checked under
        the write lock."""
        started = time.perf_counter()
        with self._lock:
            held = self._held.get(patch.dataset)
            if held is None or held.entry.checksum != patch.base:
                raise LoadOvertaken(patch.dataset)
            with _bulk():
                dataset = patch.apply(held.dataset)

        def report(status: str, diff: Difference | None = None, method: str = "") -> LoadReport:
            # relationships not counted (0), as on Neo4j: a quarter of a second at 100,000 for a figure
            # an edit never shows
            return LoadReport(dataset.id, status, dataset.row_count, 0, time.perf_counter() - started,
                              diff.counts() if diff is not None else (), method)

        with _bulk():
            return self._load(dataset, None, report, expected=patch.base)

    def record_datasets(self, kind: str, ids: Iterable[str]) -> dict[str, str]:
        noun = {"actors": "actor", "policies": "policy", "alliances": "alliance"}[kind]
        with self._lock:
            owners = {rid: self._owner(noun, rid) for rid in ids}
        return {rid: owner for rid, owner in owners.items() if owner is not None}

    def _load(self, dataset: Dataset, progress: Progress | None,
              report: Callable[[str, Difference | None, str], LoadReport],
              expected: str | None = None) -> LoadReport:
        total = dataset.row_count
        dataset = dataset.canonical()
        # The version this load starts from, read before waiting for the lock (the manifest is
        # replaced atomically): if another load of the dataset commits meanwhile, this one is told.
        base = self._folder.read_manifest().entries.get(dataset.id)
        with self._writing():
            old = self._held.get(dataset.id)
            if expected is not None and (old is None or old.entry.checksum != expected):
                raise LoadOvertaken(dataset.id)  # an edit built on a version no longer live
            if old is not None and old.dataset == dataset:  # equal records: equal checksums, no JSON needed
                return report("unchanged", None, "")
            payload = canonical_json(dataset)
            checksum = checksum_of(payload)
            if old is not None and old.entry.checksum == checksum:
                return report("unchanged", None, "")
            if (old.entry.checksum if old else None) != (base.checksum if base else None):
                raise LoadOvertaken(dataset.id)
            check_dataset(dataset, self._ref)
            if progress is not None:
                progress(0, total)
            alliances = {a.id for a in dataset.alliances}
            own = {assessment_key(s) for s in dataset.assessments}
            kept = tuple(s for s in (old.entry.app_assessments if old else ())
                         if s.alliance in alliances and assessment_key(s) not in own)
            entry = Entry("", "", checksum, _now(), kept)
            diff = None
            if old is not None:
                diff = difference(_visible(old), _visible(_Held(dataset, entry)))
                # ids already in this dataset are its own: only the new ones can be another's
                check_ownership(_only(dataset, diff), self._owner)
            else:
                check_ownership(dataset, self._owner)
            file, sha256 = self._folder.write_dataset(dataset.id, payload)
            try:
                # persist the derived files: the pack is committed with the file, in one manifest
                derived = self._folder.write_derived(dataset, payload, sha256, checksum)
            except BaseException:
                self._folder.discard(file)
                raise
            new = _Held(dataset, replace(entry, file=file, sha256=sha256, derived=derived))
            small = diff is not None and diff.small(total)
            self._change({dataset.id: new}, obsolete=old.entry.files() if old else (),
                         written=(file, derived), progress=progress, diff=diff if small else None)
            if old is None:
                return report("loaded", None, "full")
            return report("replaced", diff, "difference" if small else "full")

    def remove_dataset(self, dataset_id: str) -> None:
        with self._writing():
            held = self._held.get(dataset_id)
            if held is None:
                raise NotFound("dataset", dataset_id, difflib.get_close_matches(dataset_id, list(self._held)))
            self._change({dataset_id: None}, obsolete=held.entry.files())

    def record_assessments(self, assessments: Sequence[Assessment]) -> None:
        levers = {lv.id for lv in self._ref.levers}
        with self._writing():
            by_dataset: dict[str, dict[AssessmentKey, Assessment]] = {}
            for s in assessments:
                owner = self._owner("alliance", s.alliance)
                if owner is None:
                    known = [a.id for a in self._all("alliances")]
                    raise NotFound("alliance", s.alliance, difflib.get_close_matches(s.alliance, known))
                if s.lever not in levers:
                    raise ValueError(f'"{s.lever}" is not one of the charter\'s 21 levers')
                recorded = self._held[owner].entry.app_assessments
                app = by_dataset.setdefault(owner, {assessment_key(a): a for a in recorded})
                app[assessment_key(s)] = s
            if not by_dataset:
                return
            after = {}
            for did, app in by_dataset.items():
                entry = replace(self._held[did].entry, app_assessments=tuple(app.values()))
                after[did] = replace(self._held[did], entry=entry)
            self._commit_histories(after, {s.alliance for s in assessments})

    def delete_assessment(self, alliance_id: str, lever: str, on: date) -> Assessment:
        with self._writing():
            owner = self._owner("alliance", alliance_id)
            if owner is None:
                known = [a.id for a in self._all("alliances")]
                raise NotFound("alliance", alliance_id, difflib.get_close_matches(alliance_id, known))
            held = self._held[owner]
            key = (alliance_id, lever, on)
            history = [s for s in held.assessments() if s.alliance == alliance_id]
            gone = next((s for s in history if assessment_key(s) == key), None)
            if gone is None:
                wanted = f"{lever}@{on.isoformat()}"
                raise NotFound("self-assessment entry", wanted,
                               difflib.get_close_matches(wanted, [s.entry_id for s in history]))
            app = tuple(s for s in held.entry.app_assessments if assessment_key(s) != key)
            removed = held.entry.removed
            if key not in removed and any(assessment_key(s) == key for s in held.records.small.assessments):
                removed = (*removed, key)
            entry = replace(held.entry, app_assessments=app, removed=removed)
            self._commit_histories({owner: replace(held, entry=entry)}, {alliance_id})
        return gone

    def _commit_histories(self, after: dict[str, _Held], touched: set[str]) -> None:
        """Commit these entries (a new manifest), with the graph's histories of `touched` following;
        the graph goes back as it was if the commit fails. Called holding the write lock."""
        before = {did: self._held[did] for did in after}
        repaired = self._packs_to_write({**self._held, **after})
        fixed = list(repaired.values())
        after = {did: repaired.pop(did, held) for did, held in after.items()}
        written = [held.entry.derived for did, held in after.items() if held.entry != self._held[did].entry]
        manifest = self._manifest({did: held.entry for did, held in after.items()}, repaired)
        self._set_histories(after, touched)
        try:
            self._folder.commit(manifest)
        except BaseException:
            self._set_histories(before, touched)
            for name in (*(h.entry.derived for h in repaired.values()), *written):
                if name and name not in {h.entry.derived for h in before.values()}:
                    self._folder.discard(name)
            raise
        self._held.update(repaired)
        for held in fixed:
            held.records.rebuilt = False  # its pack is committed now: the next write leaves it
        self._generation = manifest.generation

    def record_audit(self, entry: AuditEntry) -> None:
        """One JSON line appended to `audit.jsonl` in the store's folder, flushed to disk."""
        line = json.dumps({"at": entry.at, "who": entry.who, "action": entry.action, "dataset": entry.dataset,
                           "version": entry.version, "records": list(entry.records),
                           "counts": [list(c) for c in entry.counts]}, ensure_ascii=False) + "\n"
        with self._lock, self._folder.lock(exclusive=True):
            self._folder.root.mkdir(parents=True, exist_ok=True)
            with open(self._folder.root / AUDIT_FILE, "a", encoding="utf-8") as out:
                out.write(line)
                out.flush()
                os.fsync(out.fileno())

    def audit(self, limit: int | None = None) -> list[AuditEntry]:
        path = self._folder.root / AUDIT_FILE
        if not path.is_file():
            return []
        entries = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            counts = tuple((k, int(v)) for k, v in item["counts"])
            entries.append(AuditEntry(item["at"], item["who"], item["action"], item["dataset"],
                                      item["version"], tuple(item["records"]), counts))
        entries.sort(key=lambda e: e.at, reverse=True)
        return entries if limit is None else entries[:limit]

    def _set_histories(self, helds: dict[str, _Held], alliances: set[str]) -> None:
        """Hold these entries, and make the graph's ASSESSED history of `alliances` theirs."""
        for did, held in helds.items():
            self._held[did] = held
            if self._graph is None:  # built later from the held entries
                continue
            history = held.assessments()
            for alliance in alliances & {a.id for a in held.records.small.alliances}:
                g.replace_assessments(self._graph, alliance, [s for s in history if s.alliance == alliance])

    # ------------------------------------------------------------------ catalogue

    def _info(self, held: _Held) -> DatasetInfo:
        ds = held.records.small
        counts = (("actors", held.records.actor_count()), ("policies", len(ds.policies)),
                  ("alliances", len(ds.alliances)), ("memberships", len(ds.memberships)),
                  ("assessments", len(held.assessments())))
        return DatasetInfo(ds.id, ds.name, ds.source, ds.description, held.entry.loaded_at,
                           held.entry.checksum, counts)

    def datasets(self) -> list[DatasetInfo]:
        with self._lock:
            return [self._info(self._held[did]) for did in sorted(self._held)]

    def stats(self) -> Stats:
        with self._lock:
            by_kind = dict.fromkeys(KINDS, 0)
            used: set[str] = set()
            for held in self._held.values():  # from the actors' columns: no record is read
                columns = held.records.columns()
                for code, n in enumerate(np.bincount(columns.kind, minlength=len(KINDS)).tolist()):
                    by_kind[KINDS[code]] += n
                used.update(columns.territories)
            for record in (*self._all("policies"), *self._all("alliances")):
                used.update(record.territories)
            hierarchy = self._ref.hierarchy
            return Stats(
                actors_by_kind=tuple((k.value, n) for k, n in by_kind.items()),
                territories_by_level=tuple((level.value, len(hierarchy.by_level[level])) for level in Level),
                territories_used=len(used),
                sdgs=len(self._ref.sdgs),
                levers=len(self._ref.levers),
                policies=sum(1 for _ in self._all("policies")),
                alliances=sum(1 for _ in self._all("alliances")),
                memberships=sum(1 for _ in self._all("memberships")),
                assessments=sum(len(h.assessments()) for h in self._held.values()),
                datasets=tuple(self._info(self._held[did]) for did in sorted(self._held)),
            )

    def dataset(self, dataset_id: str) -> Dataset:
        with self._lock:
            held = self._held.get(dataset_id)
            if held is None:
                raise NotFound("dataset", dataset_id, difflib.get_close_matches(dataset_id, list(self._held)))
            ds = held.dataset
            return replace(
                ds,
                actors=tuple(sorted(ds.actors, key=lambda a: a.id)),
                policies=tuple(sorted(ds.policies, key=lambda p: p.id)),
                alliances=tuple(sorted(ds.alliances, key=lambda a: a.id)),
                memberships=tuple(sorted(ds.memberships, key=lambda m: (m.alliance, m.actor))),
                assessments=held.assessments(),
            )

    def _search_index(self) -> list[tuple[str, str, str, str, str]]:
        """(normalised name, type, id, name, detail) of every actor, alliance and policy, sorted."""
        rows = [(normalize(a.name), "actor", a.id, a.name, a.kind.value) for a in self._all("actors")]
        rows += [(normalize(a.name), "alliance", a.id, a.name, a.status.value)
                 for a in self._all("alliances")]
        rows += [(normalize(p.name), "policy", p.id, p.name, p.kind) for p in self._all("policies")]
        rows.sort()
        return rows

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        with self._lock:
            index = self._cached("search", self._search_index)
        query = normalize(text)
        exact: list[tuple] = []
        starting: list[tuple] = []
        inside: list[tuple] = []
        for row in index:
            norm, _, rid, _, _ = row
            if rid == text:
                exact.append(row)
            elif norm.startswith(query):
                if len(starting) < limit:
                    starting.append(row)
            elif query in norm and len(inside) < limit:
                inside.append(row)
        found = (exact + starting + inside)[:limit]
        return [SearchHit(kind, rid, name, detail) for _, kind, rid, name, detail in found]

    def actors(self, ids: Iterable[str]) -> list[Actor]:
        with self._lock:
            return sorted(self._actor_records(ids), key=lambda a: a.id)

    def actor_outlines(self, ids: Iterable[str]) -> list[ActorOutline]:
        """From the records read by id (each sliced from its dataset's file): the embedded store
        has no cheaper way to a name, and a grouped map's few thousand actors cost little here."""
        with self._lock:
            return sorted(map(ActorOutline.of, self._actor_records(ids)), key=lambda o: o.id)

    def alliances(self, ids: Iterable[str] | None = None) -> list[Alliance]:
        with self._lock:
            if ids is None:
                return sorted(self._all("alliances"), key=lambda a: a.id)
            found = (self._record(g.ALLIANCE, i) for i in set(ids))
            return sorted((a for a in found if a is not None), key=lambda a: a.id)

    def policies(self, ids: Iterable[str] | None = None) -> list[Policy]:
        with self._lock:
            if ids is None:
                return sorted(self._all("policies"), key=lambda p: p.id)
            found = (self._record(g.POLICY, i) for i in set(ids))
            return sorted((p for p in found if p is not None), key=lambda p: p.id)

    def memberships(self, alliance_ids: Iterable[str] | None = None,
                    actor_ids: Iterable[str] | None = None) -> list[Membership]:
        alliances = set(alliance_ids) if alliance_ids is not None else None
        actors = set(actor_ids) if actor_ids is not None else None
        with self._lock:
            found = [m for m in self._all("memberships")
                     if (alliances is None or m.alliance in alliances)
                     and (actors is None or m.actor in actors)]
        return sorted(found, key=lambda m: (m.alliance, m.actor))

    def alliance_datasets(self, alliance_ids: Iterable[str]) -> dict[str, str]:
        with self._lock:
            owners = {aid: self._owner("alliance", aid) for aid in alliance_ids}
        return {aid: owner for aid, owner in owners.items() if owner is not None}

    def assessments(self, alliance_id: str) -> list[Assessment]:
        with self._lock:
            owner = self._owner("alliance", alliance_id)
            if owner is None:
                known = [a.id for a in self._all("alliances")]
                raise NotFound("alliance", alliance_id, difflib.get_close_matches(alliance_id, known))
            history = [s for s in self._held[owner].assessments() if s.alliance == alliance_id]
        return sorted(history, key=lambda s: (s.on, s.lever))

    # ------------------------------------------------------------------ derived matrices

    def _actor_matrix(self) -> tuple[Incidence, np.ndarray]:
        """Active actors in id order, and their kinds as indices into KINDS."""

        def build() -> tuple[Incidence, np.ndarray]:
            parts = [self._held[did].records.columns() for did in sorted(self._held)]
            return actor_incidence(self._projection, parts)

        return self._cached("actors", build)

    def _records_matrix(self, what: str) -> Incidence:
        def build() -> Incidence:
            records = sorted(self._all(what), key=lambda r: r.id)
            return Incidence(self._projection, [r.id for r in records], [r.territories for r in records],
                             [r.sdgs for r in records])

        return self._cached(what, build)

    def _link_matrices(self) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """Active actors x alliances (MEMBER_OF) and active actors x policies (CARRIES)."""

        def build() -> tuple[sp.csr_matrix, sp.csr_matrix]:
            inc, _ = self._actor_matrix()
            out = []
            for pairs in (((m.actor, m.alliance) for m in self._all("memberships")),
                          ((c, p.id) for p in self._all("policies") for c in p.carriers)):
                pairs = [(inc.row[a], b) for a, b in pairs if a in inc.row]
                cols = {b: i for i, b in enumerate(sorted({b for _, b in pairs}))}
                rows = np.asarray([a for a, _ in pairs], dtype=np.int64)
                colv = np.asarray([cols[b] for _, b in pairs], dtype=np.int64)
                m = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, colv)),
                                  shape=(len(inc), len(cols)))
                m.sum_duplicates()
                m.data[:] = 1
                out.append(m)
            return out[0], out[1]

        return self._cached("links", build)

    # ------------------------------------------------------------------ geography

    def presence(self, actor_ids: Iterable[str], level: Level) -> dict[str, frozenset[str]]:
        level = Level(level)
        hierarchy = self._ref.hierarchy
        with self._lock:
            found = self._actor_records(actor_ids)
        return {a.id: hierarchy.presence(a.territories, level) for a in sorted(found, key=lambda a: a.id)}

    def actors_in(self, territory_ids: Iterable[str], kinds: Iterable[ActorKind] | None = None,
                  sdgs: Iterable[int] | None = None) -> list[str]:
        territory_ids = list(territory_ids)
        with self._lock:
            inc, kind_codes = self._actor_matrix()
        keep = inc.touching(territory_ids) if territory_ids else np.ones(len(inc), dtype=bool)
        if kinds is not None:
            position = {k: i for i, k in enumerate(KINDS)}
            keep &= np.isin(kind_codes, [position[ActorKind(k)] for k in kinds])
        if sdgs is not None:
            keep &= (inc.masks & sdg_mask(sdgs)) != 0
        return [inc.ids[i] for i in np.flatnonzero(keep)]

    def _records_in(self, what: str, territory_ids: Iterable[str]) -> list[str]:
        territory_ids = list(territory_ids)
        with self._lock:
            inc = self._records_matrix(what)
        keep = inc.touching(territory_ids) if territory_ids else np.ones(len(inc), dtype=bool)
        return [inc.ids[i] for i in np.flatnonzero(keep)]

    def actor_outlines_in(self, territory_ids: Iterable[str], kinds: Iterable[ActorKind] | None = None,
                          sdgs: Iterable[int] | None = None) -> list[ActorOutline]:
        """`actors_in`, then the outlines of what it found: two steps in memory cost no more."""
        return self.actor_outlines(self.actors_in(territory_ids, kinds, sdgs))

    def alliances_in(self, territory_ids: Iterable[str]) -> list[str]:
        return self._records_in("alliances", territory_ids)

    def policies_in(self, territory_ids: Iterable[str]) -> list[str]:
        return self._records_in("policies", territory_ids)

    # ------------------------------------------------------------------ counting primitives

    def _excluded(self, inc: Incidence, exclude: Iterable[str]) -> np.ndarray:
        mask = np.zeros(len(inc), dtype=bool)
        rows = [inc.row[i] for i in set(exclude) if i in inc.row]
        mask[rows] = True
        return mask

    def overlap_counts(self, territories: Sequence[str], sdgs: Sequence[int], level: Level,
                       exclude: Iterable[str] = (), limit: int | None = None) -> list[OverlapCount]:
        level = Level(level)
        with self._lock:
            inc, _ = self._actor_matrix()
            sizes = inc.sizes(level)
        subject = self._projection.presence_vector(territories, level)
        subject_mask = sdg_mask(set(sdgs))
        shared_t = inc.shared(subject, level)
        shared_s = popcount(inc.masks & subject_mask)
        rows = np.flatnonzero((shared_t > 0) & (shared_s > 0) & ~self._excluded(inc, exclude))
        jac = jaccard(shared_t[rows], shared_s[rows], int(subject.sum()), len(set(sdgs)),
                      sizes[rows], inc.sdg_sizes[rows])
        top = rows[np.lexsort((rows, -jac))[:limit]]
        with _bulk():
            return list(map(OverlapCount, [inc.ids[r] for r in top.tolist()], shared_t[top].tolist(),
                            shared_s[top].tolist(), sizes[top].tolist(), inc.sdg_sizes[top].tolist()))

    def overlap_profile_walk(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                             same_kind: bool = False) -> ProfileWalk:
        """The territory's actors in groups (interchangeable for the Jaccard formula), before any
        pair is made: what the listing, its total, the profile pairs and the duplicate groups start
        from (`pairs`)."""
        level = Level(level)
        with self._lock:
            inc, kinds = self._actor_matrix()
            presence, sizes = inc.presence(level), inc.sizes(level)
        members = np.flatnonzero(inc.touching([territory_id]))
        deadline.check()
        # Two levels of groups: by territories (few: the sparse product stays small even with
        # nationwide actors), then by territories + SDGs + kind (what a pair's figures depend on).
        tgroup, treps = inc.groups(members)
        sub = presence[treps]
        tshared = (sub @ sub.T).tocsr()
        extra = kinds if same_kind else np.zeros(len(kinds), dtype=np.int64)
        group, _ = inc.groups(members, extra)
        deadline.check()
        groups = Groups.of(members, group, tgroup, tshared, inc.masks, sizes, inc.sdg_sizes, extra)
        return ProfileWalk(inc.ids, groups, float(min_jaccard), same_kind)

    def overlap_pair_total(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                           same_kind: bool = False) -> int:
        return self.overlap_profile_walk(territory_id, level, min_jaccard, same_kind).total()

    def overlap_profile_pairs(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                              same_kind: bool = False) -> list[ProfilePair]:
        return self.overlap_profile_walk(territory_id, level, min_jaccard, same_kind).profile_pairs()

    def overlap_pairs(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                      same_kind: bool = False, limit: int | None = None) -> list[PairCount]:
        walk = self.overlap_profile_walk(territory_id, level, min_jaccard, same_kind)
        with _bulk():
            return walk.pairs(limit)

    def coverage(self, territory_id: str, level: Level) -> list[CoverageCell]:
        level = Level(level)
        territories = self._projection.level_ids[level]
        index = self._projection.level_index[level]
        inside = self._ref.hierarchy.project(territory_id, level)
        cols = np.asarray(sorted(index[t] for t in inside), dtype=np.int64)
        with self._lock:
            sources = [self._actor_matrix()[0], self._records_matrix("alliances"),
                       self._records_matrix("policies")]
        actors, alliances, policies = (inc.territory_sdg_counts(level, cols) for inc in sources)
        rows, sdgs = np.nonzero(actors + alliances + policies)
        names = [territories[c] for c in cols[rows].tolist()]
        with _bulk():
            return list(map(CoverageCell, names, (sdgs + 1).tolist(), actors[rows, sdgs].tolist(),
                            alliances[rows, sdgs].tolist(), policies[rows, sdgs].tolist()))

    def copresent(self, territories: Sequence[str], level: Level, exclude: Iterable[str] = (),
                  limit: int | None = None) -> list[tuple[str, int]]:
        level = Level(level)
        with self._lock:
            inc, _ = self._actor_matrix()
        shared = inc.shared(self._projection.presence_vector(territories, level), level)
        rows = np.flatnonzero((shared > 0) & ~self._excluded(inc, exclude))
        order = np.lexsort((rows, -shared[rows]))[:limit]
        return [(inc.ids[r], int(shared[r])) for r in rows[order].tolist()]

    def actor_links(self, actor_ids: Iterable[str] | None = None) -> list[Link]:
        with self._lock:
            inc, _ = self._actor_matrix()
            alliances, policies = self._link_matrices()
        if actor_ids is None:
            rows = np.arange(len(inc))
        else:
            rows = np.asarray(sorted({inc.row[i] for i in actor_ids if i in inc.row}), dtype=np.int64)
        n = len(rows)
        counts = []
        for matrix in (alliances, policies):
            sub = matrix[rows]
            pairs = sp.triu(sub @ sub.T, k=1).tocoo()
            counts.append((pairs.row.astype(np.int64) * n + pairs.col, pairs.data.astype(np.int64)))
        keys = np.union1d(counts[0][0], counts[1][0])
        values = []
        for found, data in counts:
            full = np.zeros(len(keys), dtype=np.int64)
            full[np.searchsorted(keys, found)] = data
            values.append(full)
        a, b = rows[keys // max(n, 1)], rows[keys % max(n, 1)]
        with _bulk():
            return list(map(Link, [inc.ids[x] for x in a.tolist()], [inc.ids[y] for y in b.tolist()],
                            values[0].tolist(), values[1].tolist()))
