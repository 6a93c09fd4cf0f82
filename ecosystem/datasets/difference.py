"""What changed between the stored version of a dataset and a new one, record kind by record kind.

Re-importing an updated file, or saving one edit in the app, usually changes a handful of records out
of tens of thousands. Rewriting the whole dataset then costs seconds (a new Neo4j version staged and
switched, the embedded graph rebuilt) for a change a person makes in one click. Both stores therefore
compute the difference first (this module, pure) and apply only that, all or nothing, when it is
small; above `FULL_LOAD_SHARE` of the records they load the whole version as before.

Records are compared by canonical form: two records are the same when every field is equal (the
frozen dataclasses of `ecosystem.model` compare field by field, exactly what the canonical JSON of a
dataset writes), or, where a store keeps only a digest of each record (Neo4j), when their
`record_digest`s are equal. Each kind has its key: the id for actors, policies and alliances,
(alliance, actor) for memberships, (alliance, lever, date) for self-assessments.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from ecosystem.model import Assessment, Dataset, Membership

KINDS = ("actors", "policies", "alliances", "memberships", "assessments")
RECORDS = ("actors", "policies", "alliances")  # the kinds with an id (and a digest in Neo4j)

FULL_LOAD_SHARE = 0.2
"""Above this share of the new version's rows touched (added + removed + changed), a store loads the
whole version instead of applying the difference: past it, rebuilding is no slower than editing in
place (a bulk rewrite costs per record less than a targeted one), and a re-import that changes a fifth
of a dataset is a new dataset rather than an update. Neo4j adds a cap in records of its own (the
difference is one transaction, held in the server's heap: `ecosystem.store.neo4j.difference`)."""

Key = Hashable
MembershipKey = tuple[str, str]
AssessmentKey = tuple[str, str, date]


def membership_key(m: Membership) -> MembershipKey:
    return (m.alliance, m.actor)


def assessment_key(s: Assessment) -> AssessmentKey:
    """An alliance has at most one entry per (lever, date): the same key as the stores'."""
    return (s.alliance, s.lever, s.on)


@dataclass(frozen=True, slots=True)
class Change:
    """What changed in one kind of record: keys added, removed and changed (each sorted)."""

    kind: str
    added: tuple[Any, ...] = ()
    removed: tuple[Any, ...] = ()
    changed: tuple[Any, ...] = ()

    @property
    def size(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


@dataclass(frozen=True, slots=True)
class Difference:
    """The changes of every kind, in the order of `KINDS`."""

    changes: tuple[Change, ...]

    def of(self, kind: str) -> Change:
        return self.changes[KINDS.index(kind)]

    @property
    def size(self) -> int:
        """Records touched, all kinds together."""
        return sum(c.size for c in self.changes)

    @property
    def empty(self) -> bool:
        return self.size == 0

    def counts(self) -> tuple[tuple[str, int, int, int], ...]:
        """(kind, added, removed, changed) for every kind, zeros included: what a report shows."""
        return tuple((c.kind, len(c.added), len(c.removed), len(c.changed)) for c in self.changes)

    def small(self, rows: int, share: float | None = None) -> bool:
        """Whether applying it beats loading the whole version of `rows` rows (`share` of them at
        most, FULL_LOAD_SHARE when not given: read at each call, so a test can force full loads).

        >>> Difference((Change("actors", changed=("a",)),)).small(10)
        True
        >>> Difference((Change("actors", changed=("a", "b", "c")),)).small(10)
        False
        """
        return self.size <= (FULL_LOAD_SHARE if share is None else share) * max(rows, 1)


def compare(kind: str, old: Mapping[Any, Any], new: Mapping[Any, Any]) -> Change:
    """The keys only in `new` (added), only in `old` (removed), and in both with unequal values
    (changed). Values are records, or their digests: anything compared with `==`."""
    added = sorted(k for k in new if k not in old)
    removed = sorted(k for k in old if k not in new)
    changed = sorted(k for k, v in new.items() if k in old and old[k] != v)
    return Change(kind, tuple(added), tuple(removed), tuple(changed))


def keyed(dataset: Dataset) -> dict[str, dict[Any, Any]]:
    """Each kind's records by key."""
    return {
        "actors": {a.id: a for a in dataset.actors},
        "policies": {p.id: p for p in dataset.policies},
        "alliances": {a.id: a for a in dataset.alliances},
        "memberships": {membership_key(m): m for m in dataset.memberships},
        "assessments": {assessment_key(s): s for s in dataset.assessments},
    }


def difference_of(old: Mapping[str, Mapping[Any, Any]], new: Mapping[str, Mapping[Any, Any]]) -> Difference:
    """The difference between two views keyed as `keyed` gives (values: records or digests)."""
    return Difference(tuple(compare(kind, old[kind], new[kind]) for kind in KINDS))


def difference(old: Dataset, new: Dataset) -> Difference:
    """What loading `new` over `old` changes, kind by kind (the datasets' own name and description
    are not records: a store writes them with every load)."""
    return difference_of(keyed(old), keyed(new))


def record_digest(record: Any) -> str:
    """A short digest of a record's canonical form (every field, in declaration order): equal for
    equal records. orjson serialises the frozen dataclasses directly (enums as values, dates as ISO
    strings), four times faster than building their dicts first. A change of the record types
    changes every digest, which only makes the next load a full one."""
    return hashlib.blake2b(orjson.dumps(record), digest_size=12).hexdigest()


def digests(dataset: Dataset) -> dict[str, dict[str, str]]:
    """The digests of the records with an id, by kind then id: what Neo4j keeps on each node."""
    return {kind: {r.id: record_digest(r) for r in getattr(dataset, kind)} for kind in RECORDS}
