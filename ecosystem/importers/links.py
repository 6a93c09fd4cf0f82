"""One association, one actor: matching register records with what the store already holds.

An association is in the RNA (id = its RNA number) and, when it has a SIRET, in SIRENE. The rule, in
whichever order the two registers are imported:

- the RNA actor is the association (it has the purpose text and the social-object codes);
- a SIRENE import does not create an actor for an establishment of an association already loaded from
  the RNA (matched by RNA number from the legal-unit file, by SIRET, or by SIREN); it records the
  SIRET and SIREN on the RNA actor instead, in an updated RNA dataset;
- an RNA import takes over the SIRENE actors of that association: they leave their SIRENE dataset,
  the RNA actor gets their identifiers and the SDGs people confirmed or rejected on them.

Actors typed by hand in a user dataset are never changed: a register record with the same RNA number
or SIRET is not imported ("deja-saisi"). An id already held by another dataset is skipped
("deja-present") rather than making the store refuse the whole import.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ecosystem.errors import NotFound
from ecosystem.importers.inference import without
from ecosystem.model import Actor, Dataset
from ecosystem.store.base import Store

REGISTERS = ("rna", "sirene", "collectivites")
"""`Dataset.source` of the datasets made by the importers; any other source is a user dataset."""


def previous_version(store: Store, dataset_id: str) -> Dataset | None:
    """The dataset as loaded, or None on a first import."""
    try:
        return store.dataset(dataset_id)
    except NotFound:
        return None


def held_elsewhere(store: Store, ids: Iterable[str], previous: Dataset | None) -> set[str]:
    """Ids among `ids` that already belong to another dataset than `previous`."""
    ours = {a.id for a in previous.actors} if previous is not None else set()
    return {a.id for a in store.actors([i for i in ids if i not in ours])}


@dataclass
class Index:
    """Actors of some datasets by RNA number, SIRET and SIREN, remembering their dataset."""

    datasets: dict[str, Dataset] = field(default_factory=dict)
    by_rna: dict[str, list[tuple[str, Actor]]] = field(default_factory=lambda: defaultdict(list))
    by_siret: dict[str, list[tuple[str, Actor]]] = field(default_factory=lambda: defaultdict(list))
    by_siren: dict[str, list[tuple[str, Actor]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, dataset: Dataset, rna_from_id: bool = False) -> None:
        self.datasets[dataset.id] = dataset
        for actor in dataset.actors:
            rna = actor.rna or (actor.id if rna_from_id else "")
            if rna:
                self.by_rna[rna].append((dataset.id, actor))
            if actor.siret:
                self.by_siret[actor.siret].append((dataset.id, actor))
            if actor.siren:
                self.by_siren[actor.siren].append((dataset.id, actor))

    def match(self, rna: str = "", siret: str = "", siren: str = "") -> list[tuple[str, Actor]]:
        """Actors sharing the RNA number, the SIRET or the SIREN (each found once), by id."""
        found: dict[str, tuple[str, Actor]] = {}
        for table, key in ((self.by_rna, rna), (self.by_siret, siret), (self.by_siren, siren)):
            if key:
                for did, actor in table.get(key, ()):
                    found.setdefault(actor.id, (did, actor))
        return [found[i] for i in sorted(found)]


@dataclass
class Context:
    """What the store holds that an import must respect: other registers and hand-typed actors."""

    registers: Index  # the other register's import datasets (SIRENE for an RNA import, and back)
    typed: Index  # user datasets: actors typed by hand, never modified


def context(store: Store, dataset_id: str, other_register: str) -> Context:
    """Read the datasets an import must look at: `other_register`'s and the user datasets."""
    registers, typed = Index(), Index()
    for info in store.datasets():
        if info.id == dataset_id:
            continue
        if info.source == other_register:
            registers.add(store.dataset(info.id), rna_from_id=other_register == "rna")
        elif info.source not in REGISTERS:
            typed.add(store.dataset(info.id))
    return Context(registers, typed)


def absorb(target: Actor, others: Sequence[Actor], siret: str = "") -> Actor:
    """`target` standing for `others` too: their identifiers when it has none, and the SDGs people
    confirmed or rejected on them (a confirmation wins over a rejection).

    >>> from ecosystem.model import ActorKind, InferredSdg
    >>> rna = Actor("W261000001", "Asso", ActorKind.ASSOCIATION, ("commune:26362",),
    ...             inferred_sdgs=(InferredSdg(3, "rna:017000", 0.8),
    ...                            InferredSdg(10, "mot-cle:inclusion", 0.3)))
    >>> est = Actor("12345678900011", "ASSO", ActorKind.ASSOCIATION, ("commune:26362",), sdgs=(3,),
    ...             rejected_sdgs=(10,), siren="123456789", siret="12345678900011")
    >>> merged = absorb(rna, [est])
    >>> merged.siret, merged.sdgs, merged.rejected_sdgs, merged.inferred_sdgs
    ('12345678900011', (3,), (10,), ())
    """
    declared = sorted({*target.sdgs, *(n for o in others for n in o.sdgs)})
    rejected = sorted({*target.rejected_sdgs, *(n for o in others for n in o.rejected_sdgs)} - set(declared))
    theirs = sorted(o.siret for o in others if o.siret)
    chosen = target.siret or siret or (theirs[0] if theirs else "")
    return replace(
        target, sdgs=tuple(declared), rejected_sdgs=tuple(rejected),
        inferred_sdgs=without(target.inferred_sdgs, declared, rejected),
        siret=chosen, siren=target.siren or chosen[:9] or next((o.siren for o in others if o.siren), ""),
    )


def without_actors(dataset: Dataset, ids: set[str]) -> Dataset:
    """`dataset` minus some actors (they are represented elsewhere now)."""
    return replace(dataset, actors=tuple(a for a in dataset.actors if a.id not in ids))


def with_actors(dataset: Dataset, changed: dict[str, Actor]) -> Dataset:
    """`dataset` with some actors replaced (same ids)."""
    return replace(dataset, actors=tuple(changed.get(a.id, a) for a in dataset.actors))
