"""The domain types: what an ecosystem graph is made of.

Plain frozen dataclasses with their invariants checked on construction. They are what the dataset
readers produce, what both stores load and return, and what the analyses take, so that the two
stores can be compared value for value. Ids of territories are "{level}:{code}" (design.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

import orjson


class ActorKind(StrEnum):
    ASSOCIATION = "association"
    ENTREPRISE = "entreprise"
    COLLECTIVITE = "collectivite"
    SERVICE_PUBLIC = "service_public"
    FONDATION = "fondation"
    RECHERCHE = "recherche"
    COLLECTIF_CITOYEN = "collectif_citoyen"
    AUTRE = "autre"


class Level(StrEnum):
    """Territorial levels from finest to coarsest; `rank` orders them."""

    COMMUNE = "commune"
    EPCI = "epci"
    DEPARTEMENT = "departement"
    REGION = "region"
    PAYS = "pays"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.COMMUNE: 0, Level.EPCI: 1, Level.DEPARTEMENT: 2, Level.REGION: 3, Level.PAYS: 4}


class LeverFamily(StrEnum):
    PRINCIPE = "principe"
    MODALITE = "modalite"
    MOYEN = "moyen"


class Dimension(StrEnum):
    """The "wedding cake" reading of the SDGs (Stockholm Resilience Centre)."""

    BIOSPHERE = "biosphere"
    SOCIETY = "society"
    ECONOMY = "economy"
    PARTNERSHIP = "partnership"


class MemberRole(StrEnum):
    PILOTE = "pilote"
    PARTENAIRE = "partenaire"
    FINANCEUR = "financeur"
    BENEFICIAIRE = "beneficiaire"


class AllianceStatus(StrEnum):
    PROJET = "projet"
    ACTIVE = "active"
    TERMINEE = "terminee"


class SdgSource(StrEnum):
    """Where an actor's link to an SDG comes from: said by a person, or inferred by a rule."""

    DECLARED = "declared"
    INFERRED = "inferred"


SDG_NUMBERS = range(1, 18)
MAX_SCORE = 3


def territory_id(level: Level | str, code: str) -> str:
    """The id of a territory node.

    >>> territory_id("commune", "26362")
    'commune:26362'
    """
    return f"{Level(level).value}:{code}"


def split_territory_id(tid: str) -> tuple[Level, str]:
    """Level and code of a territory id.

    >>> split_territory_id("epci:200068781")
    (<Level.EPCI: 'epci'>, '200068781')
    """
    level, _, code = tid.partition(":")
    return Level(level), code


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


_SDG_SET = frozenset(SDG_NUMBERS)  # a set test of the whole tuple: 150,000 actors are checked at a read


def _check_sdgs(numbers: tuple[int, ...], owner: str) -> None:
    _require(_SDG_SET.issuperset(numbers), f"{owner}: SDG numbers must be 1..17, got {numbers}")
    _require(len(set(numbers)) == len(numbers), f"{owner}: duplicate SDG in {numbers}")


# ----------------------------------------------------------------------------- reference data


@dataclass(frozen=True, slots=True)
class Territory:
    id: str
    level: Level
    code: str
    name: str
    population: int
    parents: tuple[str, ...] = ()  # direct parents (design.md PART_OF)

    def __post_init__(self) -> None:
        _require(self.id == territory_id(self.level, self.code), f"territory id {self.id!r} != level:code")
        _require(self.population >= 0, f"{self.id}: negative population")


@dataclass(frozen=True, slots=True)
class Sdg:
    number: int
    name_fr: str
    name_en: str
    dimension: Dimension

    def __post_init__(self) -> None:
        _require(self.number in SDG_NUMBERS, f"SDG number {self.number} not in 1..17")


@dataclass(frozen=True, slots=True)
class Lever:
    id: str
    family: LeverFamily
    number: int  # position 1..7 inside its family, as in the charter
    name: str
    description: str

    def __post_init__(self) -> None:
        _require(1 <= self.number <= 7, f"lever {self.id}: number must be 1..7")
        _require(self.id.startswith(self.family.value + "-"), f"lever {self.id}: id must start with family")


# ----------------------------------------------------------------------------- dataset records


@dataclass(frozen=True, slots=True)
class InferredSdg:
    """An SDG link computed by a rule (register code, keyword), never passed off as declared."""

    number: int
    source: str  # e.g. "rna:024026" or "naf:88" or "mot-cle:insertion"
    confidence: float  # 0..1

    def __post_init__(self) -> None:
        _require(self.number in SDG_NUMBERS, f"inferred SDG {self.number} not in 1..17")
        _require(0.0 <= self.confidence <= 1.0, "confidence must be in 0..1")


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    territories: tuple[str, ...]
    sdgs: tuple[int, ...] = ()  # declared
    offers: tuple[str, ...] = ()  # lever ids of family "moyen"
    needs: tuple[str, ...] = ()
    siren: str = ""
    siret: str = ""
    rna: str = ""
    description: str = ""
    website: str = ""
    inferred_sdgs: tuple[InferredSdg, ...] = ()
    active: bool = True
    created: date | None = None
    source: str = ""  # register it was imported from ("rna", "sirene", ...); "" when typed by a person
    rejected_sdgs: tuple[int, ...] = ()  # inferred links a person rejected: never inferred again

    def __post_init__(self) -> None:
        _require(bool(self.id) and bool(self.name), "actor needs an id and a name")
        _check_sdgs(self.sdgs, f"actor {self.id}")
        _check_sdgs(self.rejected_sdgs, f"actor {self.id} (rejected)")

    @property
    def all_sdgs(self) -> tuple[int, ...]:
        """Declared and inferred SDGs, sorted: what the analyses count."""
        return tuple(sorted(set(self.sdgs) | {s.number for s in self.inferred_sdgs}))


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    name: str
    kind: str  # PCAET, PAT, contrat de ville, CRTE, ... (free text, normalised by the reader)
    carriers: tuple[str, ...]  # actor ids (local authorities)
    territories: tuple[str, ...]
    sdgs: tuple[int, ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        _require(bool(self.id) and bool(self.name), "policy needs an id and a name")
        _check_sdgs(self.sdgs, f"policy {self.id}")


@dataclass(frozen=True, slots=True)
class Alliance:
    id: str
    name: str
    purpose: str = ""
    started: date | None = None
    status: AllianceStatus = AllianceStatus.ACTIVE
    territories: tuple[str, ...] = ()  # ANCHORED_IN
    sdgs: tuple[int, ...] = ()  # TARGETS
    policies: tuple[str, ...] = ()  # ALIGNS_WITH

    def __post_init__(self) -> None:
        _require(bool(self.id) and bool(self.name), "alliance needs an id and a name")
        _check_sdgs(self.sdgs, f"alliance {self.id}")


@dataclass(frozen=True, slots=True)
class Membership:
    alliance: str
    actor: str
    role: MemberRole = MemberRole.PARTENAIRE


@dataclass(frozen=True, slots=True)
class Assessment:
    """One dated self-assessment of one lever by an alliance (charter: capitaliser, évaluer)."""

    alliance: str
    lever: str
    on: date
    score: int  # 0 absent .. 3 fully in place
    comment: str = ""
    author: str = ""  # the account that recorded it in the app; "" for an entry of the dataset's file

    def __post_init__(self) -> None:
        _require(0 <= self.score <= MAX_SCORE, f"score must be 0..{MAX_SCORE}, got {self.score}")

    @property
    def entry_id(self) -> str:
        """How a person names this entry to correct or delete it ("principe-1@2025-06-01"): an
        alliance has at most one entry per (lever, date), so the pair is the entry's identity in both
        stores without a stored id that could drift between them."""
        return f"{self.lever}@{self.on.isoformat()}"


@dataclass(frozen=True, slots=True)
class Dataset:
    """A territory dataset as a person filled it in: loaded and removed as one unit."""

    id: str
    name: str
    source: str = ""
    description: str = ""
    actors: tuple[Actor, ...] = ()
    policies: tuple[Policy, ...] = ()
    alliances: tuple[Alliance, ...] = ()
    memberships: tuple[Membership, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        _require(bool(self.id), "dataset needs an id")

    @property
    def row_count(self) -> int:
        return (len(self.actors) + len(self.policies) + len(self.alliances)
                + len(self.memberships) + len(self.assessments))

    def canonical(self) -> Dataset:
        """The same dataset with its records in the order stores return them (ids; memberships by
        (alliance, actor); assessments by (alliance, date, lever)), so that an export read back, or
        the same sheet sorted differently, is recognised as the same dataset."""
        return replace(
            self,
            actors=tuple(sorted(self.actors, key=lambda a: a.id)),
            policies=tuple(sorted(self.policies, key=lambda p: p.id)),
            alliances=tuple(sorted(self.alliances, key=lambda a: a.id)),
            memberships=tuple(sorted(self.memberships, key=lambda m: (m.alliance, m.actor))),
            assessments=tuple(sorted(self.assessments, key=lambda s: (s.alliance, s.on, s.lever))),
        )

    def checksum(self) -> str:
        """A digest of the content, independent of record order: loading a dataset with the same
        checksum changes nothing."""
        return checksum_of(canonical_bytes(self.canonical()))


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _actor_dict(a: Actor) -> dict:
    return {"id": a.id, "name": a.name, "kind": a.kind.value, "territories": list(a.territories),
            "sdgs": list(a.sdgs), "offers": list(a.offers), "needs": list(a.needs), "siren": a.siren,
            "siret": a.siret, "rna": a.rna, "description": a.description, "website": a.website,
            "inferred_sdgs": [{"number": s.number, "source": s.source, "confidence": s.confidence}
                              for s in a.inferred_sdgs],
            "active": a.active, "created": _day(a.created), "source": a.source,
            "rejected_sdgs": list(a.rejected_sdgs)}


def dataset_to_dict(dataset: Dataset) -> dict:
    """The dataset as plain JSON-ready data (dates as ISO strings), field by field.

    Written out rather than through `dataclasses.asdict`, whose deep copies dominated the load of a
    100,000-actor dataset; `tests/test_model.py` checks both agree.
    """
    return {
        "id": dataset.id, "name": dataset.name, "source": dataset.source, "description": dataset.description,
        "actors": [_actor_dict(a) for a in dataset.actors],
        "policies": [{"id": p.id, "name": p.name, "kind": p.kind, "carriers": list(p.carriers),
                      "territories": list(p.territories), "sdgs": list(p.sdgs), "description": p.description}
                     for p in dataset.policies],
        "alliances": [{"id": a.id, "name": a.name, "purpose": a.purpose, "started": _day(a.started),
                       "status": a.status.value, "territories": list(a.territories), "sdgs": list(a.sdgs),
                       "policies": list(a.policies)} for a in dataset.alliances],
        "memberships": [{"alliance": m.alliance, "actor": m.actor, "role": m.role.value}
                        for m in dataset.memberships],
        "assessments": [assessment_to_dict(x) for x in dataset.assessments],
    }


def assessment_to_dict(s: Assessment) -> dict:
    """An assessment as stored; the author only when there is one, so that a dataset read from a file
    (no authors) keeps the checksum it had before entries carried their author."""
    data = {"alliance": s.alliance, "lever": s.lever, "on": s.on.isoformat(), "score": s.score,
            "comment": s.comment}
    if s.author:
        data["author"] = s.author
    return data


def assessment_from_dict(d: dict) -> Assessment:
    """Inverse of `assessment_to_dict`; an entry written before authors were kept has none."""
    return Assessment(alliance=d["alliance"], lever=d["lever"], on=date.fromisoformat(d["on"]),
                      score=int(d["score"]), comment=d.get("comment", ""), author=d.get("author", ""))


def canonical_bytes(dataset: Dataset) -> bytes:
    """The dataset as compact JSON with sorted keys: what the checksum digests and what the embedded
    store writes, so one serialisation serves both."""
    return orjson.dumps(dataset_to_dict(dataset), option=orjson.OPT_SORT_KEYS)


def checksum_of(payload: bytes) -> str:
    """The short digest `Dataset.checksum()` gives, from `canonical_bytes`."""
    return hashlib.sha256(payload).hexdigest()[:16]


def dataset_from_dict(data: dict) -> Dataset:
    """Inverse of `dataset_to_dict`, for persisted state (already validated when it was written)."""

    def d(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    actors = tuple(
        Actor(
            id=a["id"], name=a["name"], kind=ActorKind(a["kind"]), territories=tuple(a["territories"]),
            sdgs=tuple(a["sdgs"]), offers=tuple(a["offers"]), needs=tuple(a["needs"]),
            siren=a.get("siren", ""), siret=a.get("siret", ""), rna=a.get("rna", ""),
            description=a.get("description", ""), website=a.get("website", ""),
            inferred_sdgs=tuple(InferredSdg(**s) for s in a.get("inferred_sdgs", ())),
            active=a.get("active", True), created=d(a.get("created")), source=a.get("source", ""),
            rejected_sdgs=tuple(a.get("rejected_sdgs", ())),
        )
        for a in data.get("actors", ())
    )
    policies = tuple(
        Policy(id=p["id"], name=p["name"], kind=p["kind"], carriers=tuple(p["carriers"]),
               territories=tuple(p["territories"]), sdgs=tuple(p["sdgs"]),
               description=p.get("description", ""))
        for p in data.get("policies", ())
    )
    alliances = tuple(
        Alliance(id=a["id"], name=a["name"], purpose=a.get("purpose", ""), started=d(a.get("started")),
                 status=AllianceStatus(a.get("status", "active")), territories=tuple(a["territories"]),
                 sdgs=tuple(a["sdgs"]), policies=tuple(a["policies"]))
        for a in data.get("alliances", ())
    )
    memberships = tuple(
        Membership(alliance=m["alliance"], actor=m["actor"], role=MemberRole(m["role"]))
        for m in data.get("memberships", ())
    )
    assessments = tuple(assessment_from_dict(s) for s in data.get("assessments", ()))
    return Dataset(id=data["id"], name=data["name"], source=data.get("source", ""),
                   description=data.get("description", ""), actors=actors, policies=policies,
                   alliances=alliances, memberships=memberships, assessments=assessments)
