"""Domain records to Neo4j parameter rows and back, exactly (the two stores are compared with `==`).

A record is written as its node's properties (lists keep the user's order, dates are ISO strings)
plus the targets of its relationships. Empty strings and lists are not stored, and relationships
carry no properties except MEMBER_OF.role and the ASSESSED values: every property is bytes on disk
and work in each load (and about 60 bytes of server heap per property while its batch is open).
Actors, policies and alliances also keep the digest of their record (`digest`), which a
re-import compares (ecosystem.datasets.difference).
Actors also get the precomputed values the overlap queries read instead of traversing: `all_sdgs`,
`name_norm` and `n_<level>` = |P_L| for every level. What only a read of the whole actor needs (no
query filters, counts or returns it: description, website, identifiers, the offers and needs lists,
the inferred and rejected SDGs, date and source) is one JSON string, `details`: each property is
space in a record the server writes in every load, and each list of strings a record of its own (at
1M actors the store's array file went from 335 MB to 168 MB; docs/architecture.md, "Neo4j staging:
what bounds a load"). A node written before `details` existed keeps them as properties of their
own, and reads the same.

An actor row also carries the actor's relationships to the dataset's policies (CARRIES) and
alliances (MEMBER_OF): those are staged before the actors, so no batch ever looks an actor up.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import orjson

from ecosystem.model import (
    Actor,
    ActorKind,
    Alliance,
    AllianceStatus,
    Assessment,
    Dataset,
    InferredSdg,
    Level,
    MemberRole,
    Membership,
    Policy,
)
from ecosystem.reference.territories import Hierarchy
from ecosystem.text import normalize

Row = dict[str, Any]


def size_key(level: Level) -> str:
    """The Actor property holding |P_L|, e.g. `n_commune` (chosen from the enum, never from user text)."""
    return f"n_{Level(level).value}"


_SIZE_KEYS = tuple((level, size_key(level)) for level in Level)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _unique(values: tuple) -> list:
    return list(dict.fromkeys(values))


def _compact(props: Row) -> Row:
    """Leave out empty strings, empty lists and None: read back as the record's defaults."""
    return {k: v for k, v in props.items() if v is not None and v != "" and v != []}


DETAILS = ("description", "website", "siren", "siret", "rna", "offers", "needs", "inferred_numbers",
           "inferred_sources", "inferred_confidences", "created", "source", "rejected_sdgs")
"""The actor fields packed in `details` (see the module's docstring); never read by a query."""


def _packed(props: Row) -> Row:
    """`props` (compacted) with the DETAILS fields moved into one JSON string, `details`."""
    details = {k: props.pop(k) for k in DETAILS if k in props}
    if details:
        props["details"] = orjson.dumps(details).decode()
    return props


def _unpacked(props: Row) -> Row:
    """The node's properties with `details` spread back (a node written before has none)."""
    details = props.get("details")
    return {**props, **orjson.loads(details)} if details else props


# ----------------------------------------------------------------------------- writing


def actor_row(actor: Actor, dataset_id: str, hierarchy: Hierarchy, carries: list[str] | None = None,
              memberships: list[Row] | None = None, digest: str = "") -> Row:
    """The row of load_actors: `carries` = ids of the policies it carries, `memberships` = the
    {alliance, role} of its memberships (both from `links`); `digest` its
    `ecosystem.datasets.difference.record_digest`, kept on the node for the next re-import."""
    props: Row = {
        "id": actor.id, "digest": digest,
        "dataset": dataset_id, "name": actor.name, "name_norm": normalize(actor.name),
        "kind": actor.kind.value, "territories": list(actor.territories), "sdgs": list(actor.sdgs),
        "offers": list(actor.offers), "needs": list(actor.needs), "siren": actor.siren, "siret": actor.siret,
        "rna": actor.rna, "description": actor.description, "website": actor.website,
        "inferred_numbers": [s.number for s in actor.inferred_sdgs],
        "inferred_sources": [s.source for s in actor.inferred_sdgs],
        "inferred_confidences": [float(s.confidence) for s in actor.inferred_sdgs],
        "created": _iso(actor.created), "source": actor.source, "all_sdgs": list(actor.all_sdgs),
        "rejected_sdgs": list(actor.rejected_sdgs),
        **actor_sizes(actor.territories, hierarchy),
    }
    return {"props": {**_packed(_compact(props)), "active": actor.active},
            "acts_in": _unique(actor.territories),
            "contributes": list(actor.all_sdgs), "offers": _unique(actor.offers),
            "needs": _unique(actor.needs), "carries": carries or [], "memberships": memberships or []}


def links(dataset: Dataset) -> tuple[dict[str, list[str]], dict[str, list[Row]]]:
    """Per actor id: the policies it carries (each once) and its memberships, for `actor_row`."""
    carries: dict[str, list[str]] = {}
    for p in dataset.policies:
        for carrier in _unique(p.carriers):
            carries.setdefault(carrier, []).append(p.id)
    memberships: dict[str, list[Row]] = {}
    for m in dataset.memberships:
        memberships.setdefault(m.actor, []).append({"alliance": m.alliance, "role": m.role.value})
    return carries, memberships


def actor_sizes(territories: tuple[str, ...] | list[str], hierarchy: Hierarchy) -> dict[str, int]:
    """|P_L| for every level: what overlap queries divide by."""
    return dict(_sizes(hierarchy, frozenset(territories)))


@functools.lru_cache(maxsize=1 << 16)
def _sizes(hierarchy: Hierarchy, distinct: frozenset[str]) -> tuple[tuple[str, int], ...]:
    """Cached: most actors of a big dataset share their territories with many others (a commune),
    and this was half the Python time of building a load's rows."""
    if len(distinct) == 1:  # the common case; `project` is cached, a union would copy big sets
        (only,) = distinct
        return tuple((key, len(hierarchy.project(only, level))) for level, key in _SIZE_KEYS)
    return tuple((key, len(hierarchy.presence(distinct, level))) for level, key in _SIZE_KEYS)


def policy_row(policy: Policy, dataset_id: str, digest: str = "") -> Row:
    props: Row = {
        "id": policy.id, "digest": digest,
        "dataset": dataset_id, "name": policy.name, "name_norm": normalize(policy.name),
        "kind": policy.kind, "carriers": list(policy.carriers), "territories": list(policy.territories),
        "sdgs": list(policy.sdgs), "description": policy.description,
    }
    return {"props": _compact(props), "covers": _unique(policy.territories),
            "addresses": _unique(policy.sdgs)}


def alliance_row(alliance: Alliance, dataset_id: str, digest: str = "") -> Row:
    props: Row = {
        "id": alliance.id, "digest": digest,
        "dataset": dataset_id, "name": alliance.name,
        "name_norm": normalize(alliance.name), "purpose": alliance.purpose, "started": _iso(alliance.started),
        "status": alliance.status.value,
        "territories": list(alliance.territories), "sdgs": list(alliance.sdgs),
        "policies": list(alliance.policies),
    }
    return {"props": _compact(props), "anchored_in": _unique(alliance.territories),
            "targets": _unique(alliance.sdgs), "aligns_with": _unique(alliance.policies)}



def assessment_row(s: Assessment) -> Row:
    return {"alliance": s.alliance, "lever": s.lever, "on": s.on.isoformat(), "score": s.score,
            "comment": s.comment, "author": s.author}


# ----------------------------------------------------------------------------- reading


def actor_from(p: Row) -> Actor:
    p = _unpacked(p)
    inferred = tuple(InferredSdg(n, src, conf) for n, src, conf in zip(
        p.get("inferred_numbers") or (), p.get("inferred_sources") or (), p.get("inferred_confidences") or (),
        strict=True))
    return Actor(
        id=p["id"], name=p["name"], kind=ActorKind(p["kind"]), territories=tuple(p.get("territories") or ()),
        sdgs=tuple(p.get("sdgs") or ()), offers=tuple(p.get("offers") or ()),
        needs=tuple(p.get("needs") or ()),
        siren=p.get("siren", ""), siret=p.get("siret", ""), rna=p.get("rna", ""),
        description=p.get("description", ""), website=p.get("website", ""), inferred_sdgs=inferred,
        active=p.get("active", True), created=_date(p.get("created")), source=p.get("source", ""),
        rejected_sdgs=tuple(p.get("rejected_sdgs") or ()),
    )


def policy_from(p: Row) -> Policy:
    return Policy(id=p["id"], name=p["name"], kind=p.get("kind", ""), carriers=tuple(p.get("carriers") or ()),
                  territories=tuple(p.get("territories") or ()), sdgs=tuple(p.get("sdgs") or ()),
                  description=p.get("description", ""))


def alliance_from(p: Row) -> Alliance:
    return Alliance(id=p["id"], name=p["name"], purpose=p.get("purpose", ""), started=_date(p.get("started")),
                    status=AllianceStatus(p["status"]), territories=tuple(p.get("territories") or ()),
                    sdgs=tuple(p.get("sdgs") or ()), policies=tuple(p.get("policies") or ()))


def membership_from(r: Row) -> Membership:
    return Membership(alliance=r["alliance"], actor=r["actor"], role=MemberRole(r["role"]))


def assessment_from(r: Row) -> Assessment:
    return Assessment(alliance=r["alliance"], lever=r["lever"], on=date.fromisoformat(r["on"]),
                      score=r["score"], comment=r["comment"] or "", author=r.get("author") or "")
