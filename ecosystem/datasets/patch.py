"""A change of a few records of one dataset, as data: what an edit in the app writes.

Why not a whole new version: at 100,000 actors, rebuilding the dataset from the store, turning it into
rows, validating every row again and computing the difference cost a minute and a half for one actor's
SDGs, and it rewrote records the person never touched (a generated name with a double space came back
squashed). A `Patch` names only the records an edit puts (added or replaced, whole) and the keys it
takes away; a store applies it to the live version whose checksum is `base`, all or nothing, or
refuses (`LoadOvertaken`) when that version is no longer live. The same type, taken backwards, is what
the history keeps of the version an edit replaced (`ecosystem.history.archive`).

Keys are those of `ecosystem.datasets.difference`: ids, (alliance, actor), (alliance, lever, date).
Taking an alliance away takes its memberships and self-assessments with it, as loading a version
without it does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import orjson

from ecosystem.datasets.difference import Change, Difference, assessment_key, membership_key
from ecosystem.model import (
    Actor,
    Alliance,
    Assessment,
    Dataset,
    Membership,
    Policy,
    assessment_from_dict,
    assessment_to_dict,
    dataset_from_dict,
    dataset_to_dict,
)


@dataclass(frozen=True, slots=True)
class Patch:
    """Records put (whole, replacing any of the same key) and keys taken away, kind by kind."""

    dataset: str
    base: str = ""  # checksum of the live version it applies to ("" in the history: the next version)
    actors: tuple[Actor, ...] = ()
    policies: tuple[Policy, ...] = ()
    alliances: tuple[Alliance, ...] = ()
    memberships: tuple[Membership, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    removed: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # kind -> keys taken away

    def gone(self, kind: str) -> tuple[Any, ...]:
        return self.removed.get(kind, ())

    @property
    def size(self) -> int:
        return (len(self.actors) + len(self.policies) + len(self.alliances) + len(self.memberships)
                + len(self.assessments) + sum(len(v) for v in self.removed.values()))

    def apply(self, dataset: Dataset) -> Dataset:
        """`dataset` with the patch applied; records keep the dataset's canonical order."""
        gone_alliances = set(self.gone("alliances"))

        def merged(records: tuple, put: tuple, key: Any, gone: set) -> tuple:
            keep = {key(r): r for r in records if key(r) not in gone}
            keep.update((key(r), r) for r in put)
            return tuple(keep[k] for k in sorted(keep))

        by_id = _by_id
        return replace(
            dataset,
            actors=merged(dataset.actors, self.actors, by_id, set(self.gone("actors"))),
            policies=merged(dataset.policies, self.policies, by_id, set(self.gone("policies"))),
            alliances=merged(dataset.alliances, self.alliances, by_id, gone_alliances),
            memberships=merged(
                tuple(m for m in dataset.memberships if m.alliance not in gone_alliances
                      and m.actor not in set(self.gone("actors"))),
                self.memberships, membership_key, set(self.gone("memberships"))),
            assessments=tuple(sorted(
                merged(tuple(s for s in dataset.assessments if s.alliance not in gone_alliances),
                       self.assessments, assessment_key, set(self.gone("assessments"))),
                key=lambda s: (s.alliance, s.on, s.lever))),
        )

    def difference(self, existing: dict[str, set[Any]]) -> Difference:
        """The patch as a difference, given the keys of each kind that exist now (`existing`):
        a put of an existing key is a change, of a new one an addition."""
        def change(kind: str, put: tuple, key: Any) -> Change:
            there = existing.get(kind, set())
            keys = [key(r) for r in put]
            return Change(kind, tuple(sorted(k for k in keys if k not in there)),
                          tuple(sorted(self.gone(kind))), tuple(sorted(k for k in keys if k in there)))

        return Difference((change("actors", self.actors, _by_id), change("policies", self.policies, _by_id),
                           change("alliances", self.alliances, _by_id),
                           change("memberships", self.memberships, membership_key),
                           change("assessments", self.assessments, assessment_key)))

    def digest(self) -> str:
        """A digest of what the patch writes, to make the checksum of the version it gives."""
        return hashlib.blake2b(orjson.dumps(self.to_dict(), option=orjson.OPT_SORT_KEYS),
                               digest_size=12).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as the history keeps it."""
        records = dataset_to_dict(Dataset(self.dataset or "-", "", actors=self.actors, policies=self.policies,
                                          alliances=self.alliances, memberships=self.memberships))
        removed = {kind: [list(k) if isinstance(k, tuple) else k for k in keys]
                   for kind, keys in self.removed.items()}
        removed["assessments"] = [[a, lv, on.isoformat()] for a, lv, on in self.gone("assessments")]
        return {"dataset": self.dataset, "base": self.base, **{k: records[k] for k in
                ("actors", "policies", "alliances", "memberships")},
                "assessments": [assessment_to_dict(s) for s in self.assessments], "removed": removed}


def patch_from_dict(data: dict[str, Any]) -> Patch:
    """Inverse of `Patch.to_dict`."""
    records = dataset_from_dict({"id": data["dataset"] or "-", "name": "", "source": "", "description": "",
                                 **{k: data[k] for k in ("actors", "policies", "alliances", "memberships")},
                                 "assessments": []})
    raw = data.get("removed", {})
    removed: dict[str, tuple[Any, ...]] = {k: tuple(raw.get(k, ()))
                                           for k in ("actors", "policies", "alliances")}
    removed["memberships"] = tuple((a, b) for a, b in raw.get("memberships", ()))
    removed["assessments"] = tuple((a, lv, date.fromisoformat(on))
                                   for a, lv, on in raw.get("assessments", ()))
    return Patch(data["dataset"], data.get("base", ""), records.actors, records.policies, records.alliances,
                 records.memberships, tuple(assessment_from_dict(s) for s in data.get("assessments", ())),
                 {k: v for k, v in removed.items() if v})


def _by_id(record: Any) -> str:
    return record.id


def patched_checksum(base: str, patch: Patch) -> str:
    """The checksum of the version a patch gives when the store cannot digest the whole dataset
    (Neo4j): new for every distinct edit of every version, 16 hex digits like `Dataset.checksum`."""
    return hashlib.sha256(f"{base}|{patch.digest()}".encode()).hexdigest()[:16]
