"""The store contract: what both stores (embedded NetworkX, Neo4j) answer, identically.

The contract is small on purpose. It has the writes (load a dataset all or nothing, remove it,
record self-assessments), the lookups, and a handful of *counting primitives* that need the whole
graph (presence, overlaps, coverage, co-presence). Everything that turns counts into scores,
rankings, sentences and diagnoses lives in `ecosystem.analysis` as pure functions, written once.

Rules every implementation follows, and that `tests/test_contract.py` checks on both stores:
- Results are plain values from `ecosystem.model` or the records below, sorted as documented, so
  two stores can be compared with `==`.
- Presence is the commune-based rule of `ecosystem.reference.territories`: the level-L territories
  where an actor is present are the union of `Hierarchy.project(t, L)` over its territories.
- Only active actors (`Actor.active`) take part in presence-based queries (actors_in, overlaps,
  coverage, co-presence, actor_links); lookups by id return them all.
- An actor's SDGs, for every analysis, are `Actor.all_sdgs` (declared and inferred).
- A load is all or nothing and idempotent: loading the same dataset again changes nothing; loading
  a new version of a dataset (same id) replaces it, keeping the self-assessments recorded in the app
  for alliances that are still there; a failed load leaves the store exactly as it was.
"""

from __future__ import annotations

import difflib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from ecosystem.errors import NotFound
from ecosystem.model import Actor, ActorKind, Alliance, Assessment, Dataset, Level, Membership, Policy

if TYPE_CHECKING:  # datasets/ imports this module (exports read a store)
    from ecosystem.datasets.patch import Patch
    from ecosystem.store.memory.pairs import ProfileWalk

Progress = Callable[[int, int], None]
"""Called as progress(done, total) while a load runs; done and total count rows."""


@dataclass(frozen=True, slots=True)
class StoreInfo:
    kind: str  # "embedded" or "neo4j"
    location: str  # state folder, or the Bolt URI
    version: str  # "networkx 3.x" or "Neo4j 5.26.x"
    database: str = ""

    @property
    def label(self) -> str:
        """'neo4j bolt://127.0.0.1:7687, Neo4j 5.26.30' or 'embedded /path/.ecosystem (networkx 3.6)'."""
        if self.kind == "neo4j":
            db = f" (database {self.database})" if self.database and self.database != "neo4j" else ""
            return f"neo4j {self.location}{db}, {self.version}"
        return f"embedded {self.location} ({self.version})"


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    id: str
    name: str
    source: str
    description: str
    loaded_at: str  # ISO 8601, UTC, second precision
    checksum: str
    counts: tuple[tuple[str, int], ...]  # (("actors", n), ("policies", n), ...) in that order

    def count(self, what: str) -> int:
        return dict(self.counts).get(what, 0)


@dataclass(frozen=True, slots=True)
class Stats:
    actors_by_kind: tuple[tuple[str, int], ...]  # every ActorKind, in enum order, zeros included
    territories_by_level: tuple[tuple[str, int], ...]  # every Level, fine to coarse
    territories_used: int  # distinct territories that some actor, alliance or policy refers to
    sdgs: int
    levers: int
    policies: int
    alliances: int
    memberships: int
    assessments: int
    datasets: tuple[DatasetInfo, ...]  # sorted by id

    @property
    def actors(self) -> int:
        return sum(n for _, n in self.actors_by_kind)


@dataclass(frozen=True, slots=True)
class LoadReport:
    dataset_id: str
    status: str  # "loaded" (new), "replaced" (new version of a dataset), "unchanged" (same checksum)
    rows: int
    relationships: int
    seconds: float = field(compare=False)
    # what a replacement changed, as (kind, added, removed, changed) for actors, policies, alliances,
    # memberships and assessments (the visible history: the file's entries and the app's), computed by
    # ecosystem.datasets.difference; () for a new dataset, an unchanged one, or a Neo4j version written
    # before records kept their digest (its first replacement cannot tell)
    changes: tuple[tuple[str, int, int, int], ...] = ()
    # "difference" when only the changes were written (one transaction), "full" when the whole version
    # was (new dataset, or more changed than ecosystem.datasets.difference.FULL_LOAD_SHARE); how, not what
    method: str = field(default="", compare=False)

    def changed(self, kind: str) -> tuple[int, int, int]:
        """(added, removed, changed) of one kind; zeros when the report has none."""
        found = next((c for c in self.changes if c[0] == kind), None)
        return (found[1], found[2], found[3]) if found else (0, 0, 0)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change to the data, as the audit log keeps it: who, when, what.

    `action` is load, replace, remove, restore, assess, assess-correct, assess-delete or purge;
    `version` the dataset's checksum after the change (empty after a removal); `records` the ids the
    change names (alliances and levers of a self-assessment); `counts` what it holds or touched."""

    at: str  # ISO 8601, UTC, microseconds (entries sort by it)
    who: str
    action: str
    dataset: str = ""
    version: str = ""
    records: tuple[str, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()

    def count(self, what: str) -> int:
        return dict(self.counts).get(what, 0)


@dataclass(frozen=True, slots=True)
class SearchHit:
    type: str  # "actor", "alliance" or "policy"
    id: str
    name: str
    detail: str  # actor kind, policy kind, alliance status


@dataclass(frozen=True, slots=True)
class ActorOutline:
    """The few fields of an actor that the big questions draw from: its name, kind, territories
    and SDGs (`Actor.all_sdgs`). Why not the `Actor`: at 1M actors a grouped map holds 16,000
    actors and a département's duplicate groups 10,000, and reading ~25 properties of each and
    building `Actor`s was most of those questions' time (docs/benchmarks.md, "Neo4j questions at
    1M actors"). Same attributes as `Actor`'s, so code reading only these takes either."""

    id: str
    name: str
    kind: ActorKind
    territories: tuple[str, ...]
    all_sdgs: tuple[int, ...]

    @classmethod
    def of(cls, actor: Actor) -> ActorOutline:
        """The outline of a whole actor."""
        return cls(actor.id, actor.name, actor.kind, actor.territories, actor.all_sdgs)


@dataclass(frozen=True, slots=True)
class OverlapCount:
    """Overlap counts between a subject footprint and one actor, at one level.

    |F(a) & F(b)| = shared_territories * shared_sdgs, |F(b)| = territories * sdgs (F = P x S).
    """

    actor: str
    shared_territories: int
    shared_sdgs: int
    territories: int  # |P_L(b)|
    sdgs: int  # |S(b)|


@dataclass(frozen=True, slots=True)
class PairCount:
    a: str  # a < b
    b: str
    shared_territories: int
    shared_sdgs: int
    territories_a: int
    sdgs_a: int
    territories_b: int
    sdgs_b: int


@dataclass(frozen=True, slots=True)
class ProfilePair:
    """Two profiles (actors with the same territories, SDGs and kind: interchangeable for the
    Jaccard formula) whose footprints meet; stands for every pair of actors across them, or inside
    one (`same`). What a question over all pairs (duplicate groups) reads without making them."""

    members_a: tuple[str, ...]
    members_b: tuple[str, ...]  # == members_a when same
    same: bool
    shared_territories: int
    shared_sdgs: int
    territories_a: int
    sdgs_a: int
    territories_b: int
    sdgs_b: int


@dataclass(frozen=True, slots=True)
class CoverageCell:
    territory: str
    sdg: int
    actors: int
    alliances: int
    policies: int


@dataclass(frozen=True, slots=True)
class Link:
    a: str  # a < b
    b: str
    alliances: int  # alliances both are members of
    policies: int  # policies both carry


def jaccard(shared_territories: int, shared_sdgs: int, ta: int, sa: int, tb: int, sb: int) -> float:
    """Jaccard of two footprints F = P x S from their counts; the one formula both stores use.

    >>> jaccard(1, 2, 1, 2, 1, 4)
    0.5
    """
    inter = shared_territories * shared_sdgs
    union = ta * sa + tb * sb - inter
    return inter / union if union else 0.0


def record_detail(record: Actor | Policy | Alliance) -> str:
    """What a picker shows beside a record's name: an actor's kind, a policy's kind, an alliance's
    status (their stored values)."""
    if isinstance(record, Actor):
        return record.kind.value
    if isinstance(record, Alliance):
        return record.status.value
    return record.kind


class Store(ABC):
    """The contract. See the module docstring for the rules all methods follow."""

    # ------------------------------------------------------------------ lifecycle

    @abstractmethod
    def describe(self) -> StoreInfo: ...

    @abstractmethod
    def load(self, dataset: Dataset, progress: Progress | None = None) -> LoadReport:
        """Load or replace `dataset` as one unit. Raises ConflictError when one of its actor, policy
        or alliance ids belongs to another dataset (nothing is changed then). The dataset must
        already be valid (see ecosystem.datasets.validate) and refer only to known territories,
        SDGs and levers."""

    def apply_patch(self, patch: Patch, undo: Patch) -> LoadReport:
        """Apply an edit (`ecosystem.datasets.patch`) to the live version whose checksum is
        `patch.base`, all or nothing; LoadOvertaken when another write replaced that version first.
        `undo` takes the result back (its records are the old versions of those touched). This
        default writes the whole patched version; both stores write only the patch."""
        from ecosystem.store.rules import LoadOvertaken

        live = next((d for d in self.datasets() if d.id == patch.dataset), None)
        if live is None or live.checksum != patch.base:
            raise LoadOvertaken(patch.dataset)
        return self.load(patch.apply(self.dataset(patch.dataset)))

    def record_names(self, dataset_id: str, kind: str) -> list[tuple[str, str, str]]:
        """(id, name, detail) of a loaded dataset's records of one kind (`kind`: actors, policies or
        alliances; detail: an actor's kind, a policy's kind, an alliance's status), by id: the
        Modifier page lists them for its pickers, which must not read a whole dataset after each
        edit at 100,000 actors. NotFound for a dataset that is not loaded."""
        return sorted((r.id, r.name, record_detail(r)) for r in getattr(self.dataset(dataset_id), kind))

    def record_datasets(self, kind: str, ids: Iterable[str]) -> dict[str, str]:
        """The dataset each of these live records belongs to (`kind`: actors, policies or alliances;
        unknown ids left out): an edit checks the records it names without reading a dataset."""
        if kind == "alliances":
            return self.alliance_datasets(ids)
        wanted = set(ids)
        found: dict[str, str] = {}
        for info in self.datasets():
            for r in getattr(self.dataset(info.id), kind):
                if r.id in wanted:
                    found[r.id] = info.id
        return found

    @abstractmethod
    def remove_dataset(self, dataset_id: str) -> None:
        """Remove a dataset and everything it brought. NotFound if there is no such dataset."""

    @abstractmethod
    def record_assessments(self, assessments: Sequence[Assessment]) -> None:
        """Append self-assessments made in the app to their alliances' history, as one unit.
        NotFound for an unknown alliance; ValueError for an unknown lever. A new entry with the same
        (alliance, lever, date) replaces the earlier one."""

    @abstractmethod
    def delete_assessment(self, alliance_id: str, lever: str, on: date) -> Assessment:
        """Delete the alliance's entry for `lever` on `on`, wherever it came from, and return it.

        NotFound for an unknown alliance or entry. An entry recorded in the app over one of the file's
        (same key) had replaced it: deleting it leaves no entry for that key, in both stores. A new
        version of the dataset's file brings the file's own entries back (the file is its own truth),
        as loading it does for every other record."""

    def correct_assessment(self, alliance_id: str, lever: str, on: date, score: int,
                           comment: str) -> Assessment:
        """Give the alliance's entry for `lever` on `on` a new score and comment, keeping its date and
        author (who corrected it is the audit log's business); return the corrected entry.
        NotFound for an unknown alliance or entry. Written once here: a correction is a recording
        with the same key, which replaces the entry (`record_assessments`)."""
        current = self.assessment(alliance_id, lever, on)
        corrected = replace(current, score=score, comment=comment)
        self.record_assessments([corrected])
        return corrected

    def assessment(self, alliance_id: str, lever: str, on: date) -> Assessment:
        """The alliance's entry for `lever` on `on`; NotFound for an unknown alliance or entry."""
        history = self.assessments(alliance_id)
        found = next((s for s in history if s.lever == lever and s.on == on), None)
        if found is None:
            key = f"{lever}@{on.isoformat()}"
            raise NotFound("self-assessment entry", key,
                           difflib.get_close_matches(key, [s.entry_id for s in history]))
        return found

    @abstractmethod
    def record_audit(self, entry: AuditEntry) -> None:
        """Append `entry` to the audit log (kept with the data, never changed afterwards)."""

    @abstractmethod
    def audit(self, limit: int | None = None) -> list[AuditEntry]:
        """The audit log, newest first (by `at`); the first `limit` entries when given."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections; the embedded store has nothing to release."""

    @abstractmethod
    def revision(self) -> str:
        """A short token for the data the reads answer from right now: it changes after every write
        to the data (load, replacement, removal, self-assessment recorded, corrected or deleted) and
        stays the same otherwise, so the app can key answers it shares between sessions on it.

        Cheap on purpose (one small read, no scan): the app asks for it on every page run. Equal
        tokens from one store mean the same data; a token may change without a visible change (a
        refused write may still count), which only costs a recomputation. The audit log is not data."""

    # ------------------------------------------------------------------ catalogue

    @abstractmethod
    def stats(self) -> Stats: ...

    @abstractmethod
    def datasets(self) -> list[DatasetInfo]:
        """Loaded datasets, sorted by id."""

    @abstractmethod
    def dataset(self, dataset_id: str) -> Dataset:
        """The dataset as loaded, with the app's self-assessments included (records sorted by id,
        memberships by (alliance, actor), assessments by (alliance, on, lever)). NotFound otherwise."""

    @abstractmethod
    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Actors, alliances and policies whose id equals `text` or whose normalised name
        (ecosystem.text.normalize) contains the normalised `text`. Order: exact id, then names
        starting with it, then the others; inside each group by (normalised name, type, id)."""

    @abstractmethod
    def actors(self, ids: Iterable[str]) -> list[Actor]:
        """The actors with these ids (unknown ids skipped), sorted by id."""

    @abstractmethod
    def actor_outlines(self, ids: Iterable[str]) -> list[ActorOutline]:
        """`ActorOutline.of` each of `actors(ids)`, sorted by id, read without the rest of the
        records: what a grouped map and a list of duplicate groups need of thousands of actors."""

    @abstractmethod
    def alliances(self, ids: Iterable[str] | None = None) -> list[Alliance]:
        """These alliances (all when None), sorted by id."""

    @abstractmethod
    def policies(self, ids: Iterable[str] | None = None) -> list[Policy]:
        """These policies (all when None), sorted by id."""

    @abstractmethod
    def memberships(self, alliance_ids: Iterable[str] | None = None,
                    actor_ids: Iterable[str] | None = None) -> list[Membership]:
        """Memberships of these alliances and/or these actors (all when both None), sorted by
        (alliance, actor)."""

    @abstractmethod
    def assessments(self, alliance_id: str) -> list[Assessment]:
        """An alliance's self-assessment history, sorted by (on, lever), each entry with its author
        ("" for the entries of the dataset's file)."""

    @abstractmethod
    def alliance_datasets(self, alliance_ids: Iterable[str]) -> dict[str, str]:
        """The dataset each of these alliances belongs to (unknown ids left out): a contributor's
        grant may name a dataset, and the access check needs to know whose an alliance is."""

    # ------------------------------------------------------------------ geography

    @abstractmethod
    def presence(self, actor_ids: Iterable[str], level: Level) -> dict[str, frozenset[str]]:
        """P_L for each known actor id (active or not)."""

    @abstractmethod
    def actors_in(self, territory_ids: Iterable[str], kinds: Iterable[ActorKind] | None = None,
                  sdgs: Iterable[int] | None = None) -> list[str]:
        """Ids of active actors with a territory sharing a commune with one of `territory_ids`
        (all active actors when territory_ids is empty), optionally of these kinds and working on
        at least one of these SDGs. Sorted."""

    @abstractmethod
    def actor_outlines_in(self, territory_ids: Iterable[str], kinds: Iterable[ActorKind] | None = None,
                          sdgs: Iterable[int] | None = None) -> list[ActorOutline]:
        """The outlines of the actors `actors_in` finds with the same arguments, sorted by id: one
        question where a map would ask `actors_in` then `actor_outlines` (on Neo4j, looking 16,000
        actors up by id again costs more than the walk that found them)."""

    @abstractmethod
    def alliances_in(self, territory_ids: Iterable[str]) -> list[str]:
        """Ids of alliances anchored in a territory sharing a commune with one of `territory_ids`."""

    @abstractmethod
    def policies_in(self, territory_ids: Iterable[str]) -> list[str]:
        """Ids of policies covering a territory sharing a commune with one of `territory_ids`."""

    # ------------------------------------------------------------------ counting primitives

    @abstractmethod
    def overlap_counts(self, territories: Sequence[str], sdgs: Sequence[int], level: Level,
                       exclude: Iterable[str] = (), limit: int | None = None) -> list[OverlapCount]:
        """Active actors b (not in `exclude`) whose footprint meets the subject footprint
        P_L(territories) x sdgs: shared territories > 0 and shared SDGs > 0.

        Ordered by Jaccard descending (the `jaccard` function above, with the subject's sizes
        |P_L(territories)| and len(set(sdgs))), then actor id; cut to `limit` when given."""

    @abstractmethod
    def overlap_pairs(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                      same_kind: bool = False, limit: int | None = None) -> list[PairCount]:
        """Pairs (a < b) of active actors both in `territory_id` (as in `actors_in`) whose
        footprints at `level` meet, with jaccard >= min_jaccard (and a.kind == b.kind when
        same_kind). Ordered by Jaccard descending, then (a, b); cut to `limit` when given."""

    @abstractmethod
    def overlap_profile_pairs(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                              same_kind: bool = False) -> list[ProfilePair]:
        """The pairs of `overlap_pairs` (no limit) grouped by profile pair, in no particular order:
        memory grows with the number of profiles, not with the square of the number of actors."""

    @abstractmethod
    def overlap_profile_walk(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                             same_kind: bool = False) -> ProfileWalk:
        """The territory's actors in profiles, with the walk of the profile pairs of
        `overlap_profile_pairs` in blocks (`ecosystem.store.memory.pairs`, one pairing for both
        stores): what the duplicate groups are joined from (`ProfileWalk.components`) in flat memory,
        without a Python object per profile pair."""

    @abstractmethod
    def overlap_pair_total(self, territory_id: str, level: Level, min_jaccard: float = 0.0,
                           same_kind: bool = False) -> int:
        """How many pairs `overlap_pairs` would give without a limit, counted without making them:
        a listing cut at its limit says how many more there are, in memory that stays flat (a
        commune of 137,000 actors holds billions of pairs)."""

    @abstractmethod
    def coverage(self, territory_id: str, level: Level) -> list[CoverageCell]:
        """For each level-L territory x of project(territory_id, L) and each SDG s, how many active
        actors, alliances and policies are present in x (at level L) and work on s. Only cells
        with a non-zero count; sorted by (territory, sdg)."""

    @abstractmethod
    def copresent(self, territories: Sequence[str], level: Level, exclude: Iterable[str] = (),
                  limit: int | None = None) -> list[tuple[str, int]]:
        """Active actors (not in `exclude`) present at level L in at least one territory of
        P_L(territories), with how many they share; sorted by (shared descending, id); the first
        `limit` only when given (a région holds tens of thousands of actors at 1M)."""

    @abstractmethod
    def actor_links(self, actor_ids: Iterable[str] | None = None) -> list[Link]:
        """Pairs of active actors linked by a common alliance or a policy they carry together,
        restricted to pairs inside `actor_ids` when given. Sorted by (a, b)."""
