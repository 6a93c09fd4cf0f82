"""Running an import end to end: read the register, decide row by row, merge, link, load.

`import_rna`, `import_sirene` and `import_collectivites` take a store, the sources and a territory,
and return an `ImportSummary`. They are what the CLI (`ecosystem import ...`) and the app's Données
page (`import_uploaded`, with the uploaded bytes) call. With `dry_run=True` everything is computed and
nothing is written. The store is written last: the import dataset first (one unit), then the other
register's datasets changed by the one-actor rule (ecosystem.importers.links).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from ecosystem.errors import NotFound, UnreadableFile
from ecosystem.importers.cleaning import Cleaning
from ecosystem.importers.collectivites import authority_actors
from ecosystem.importers.inference import Inference
from ecosystem.importers.links import (
    Context,
    absorb,
    context,
    held_elsewhere,
    previous_version,
    with_actors,
    without_actors,
)
from ecosystem.importers.merge import MergeCounts, merge_actors, rehome
from ecosystem.importers.rejects import REASONS, STATUS_REASONS, Reject, RejectSink
from ecosystem.importers.rna import Outcome, RnaFile, read_rna, rna_actor
from ecosystem.importers.scope import Scope
from ecosystem.importers.sirene import (
    Establishment,
    SireneFile,
    UniteLegale,
    read_establishments,
    read_unites_legales,
    sirene_actor,
)
from ecosystem.importers.sources import Source, sources_from_bytes
from ecosystem.importers.summary import DATASET_NAMES, FileRead, ImportSummary
from ecosystem.model import Actor, Dataset
from ecosystem.reference import reference
from ecosystem.reference.territories import Hierarchy
from ecosystem.store.base import Store

ImportProgress = Callable[[str, int, int], None]
"""progress(step, done, total): step is "lecture" (bytes), "unites-legales" (bytes) or "chargement" (rows)."""

_NOT_KEPT = STATUS_REASONS | {"identifiant-invalide", "doublon", "deja-present", "deja-saisi", "collectivite",
                              "non-diffusible"}
_TICK_ROWS = 4096
ALSACE_MOSELLE = frozenset({"57", "67", "68"})


# ----------------------------------------------------------------------------- shared pieces


def scope_of(territory: str, hierarchy: Hierarchy) -> Scope:
    """The scope of a territory id ("departement:26") or code ("26"); NotFound otherwise."""
    tid = territory if territory in hierarchy else hierarchy.resolve(territory).territory_id
    if tid is None or tid not in hierarchy:
        raise NotFound("territory", territory)
    return Scope.of(tid, hierarchy)


@dataclass
class _Reading:
    """Everything learnt from the files before the store is consulted."""

    fresh: dict[str, Actor] = field(default_factory=dict)
    rejected: Counter[str] = field(default_factory=Counter)
    keep: set[str] = field(default_factory=set)  # ids present but unreadable: previous version kept
    outside: int = 0
    rows: int = 0
    files: list[FileRead] = field(default_factory=list)
    sink: RejectSink | None = None
    cleaning: Cleaning = field(default_factory=Cleaning)  # cells cleaned of control characters

    def reject(self, reject: Reject) -> None:
        self.rejected[reject.reason] += 1
        if reject.id and reject.reason not in _NOT_KEPT:
            self.keep.add(reject.id)
        if self.sink is not None:
            self.sink(reject)

    def decide(self, decision: Outcome, file: str = "", line: int = 0) -> None:
        if decision.outside:
            self.outside += 1
        elif decision.reject is not None:
            self.reject(decision.reject)
        elif decision.actor is not None:
            actor = decision.actor
            if actor.id in self.fresh:
                self.reject(Reject(file, line, "doublon", actor.id, actor.name,
                                   actor.territories[0].partition(":")[2]))
            else:
                self.fresh[actor.id] = actor

    def refuse(self, actor: Actor, reason: str, detail: str = "") -> None:
        """Take back an actor read from the files (the store already has it somewhere)."""
        del self.fresh[actor.id]
        commune = actor.territories[0].partition(":")[2]
        self.reject(Reject("", 0, reason, actor.id, actor.name, commune, detail))


@contextmanager
def _opened(source: Source, step: str, base: int, total: int, progress: ImportProgress | None
            ) -> Iterator[tuple[BinaryIO, Callable[[], None]]]:
    with source.open() as fp:
        def tick() -> None:
            if progress is not None:
                progress(step, min(base + fp.tell(), total), total)
        yield fp, tick
    if progress is not None:
        progress(step, min(base + source.size, total), total)


def _sources(sources: Sequence[Source], step: str, progress: ImportProgress | None
             ) -> Iterator[tuple[Source, BinaryIO, Callable[[], None]]]:
    total, base = sum(s.size for s in sources), 0
    for source in sources:
        with _opened(source, step, base, total, progress) as (fp, tick):
            yield source, fp, tick
        base += source.size


def _not_held(reading: _Reading, store: Store, previous: Dataset | None) -> None:
    for actor_id in sorted(held_elsewhere(store, reading.fresh, previous)):
        reading.refuse(reading.fresh[actor_id], "deja-present")


def _not_typed(reading: _Reading, ctx: Context) -> None:
    for actor in list(reading.fresh.values()):
        typed = ctx.typed.match(actor.rna, actor.siret, actor.siren)
        if typed:
            reading.refuse(actor, "deja-saisi", ", ".join(sorted({did for did, _ in typed})))


def _dataset(register: str, scope: Scope, actors: Sequence[Actor], files: Iterable[str]) -> Dataset:
    names = ", ".join(files)
    description = {
        "rna": "Associations actives du Répertoire National des Associations (Ministère de l'Intérieur, "
               "data.gouv.fr, Licence Ouverte)",
        "sirene": "Établissements actifs de la base SIRENE (INSEE, data.gouv.fr, Licence Ouverte)",
        "collectivites": "Collectivités territoriales du territoire, d'après le Code officiel géographique "
                         "(INSEE) livré avec le projet",
    }[register]
    if names:
        description += f" ; fichiers : {names}"
    description += (". Les ODD marqués « déduits » sont des suggestions du projet (voir docs/imports.md), "
                    "à confirmer ou rejeter." if register != "collectivites" else ".")
    return Dataset(id=scope.dataset_id(register), name=f"{DATASET_NAMES[register]} – {scope.label}",
                   source=register, description=description, actors=tuple(actors))


def _save(store: Store, dataset: Dataset, others: Sequence[Dataset], dry_run: bool,
          progress: ImportProgress | None) -> str:
    if dry_run:
        return "dry-run"

    def loading(done: int, total: int) -> None:
        if progress is not None:
            progress("chargement", done, total)

    status = store.load(dataset, loading).status
    for other in others:
        store.load(other)
    return status


def _summary(register: str, scope: Scope, dataset: Dataset, reading: _Reading, counts: MergeCounts,
             linked: int, others: Sequence[Dataset], status: str, warnings: tuple[str, ...] = ()
             ) -> ImportSummary:
    active = [a for a in dataset.actors if a.active]
    return ImportSummary(
        register=register, dataset_id=dataset.id, dataset_name=dataset.name, territory=scope.territory_id,
        territory_label=scope.label, files=tuple(reading.files), rows=reading.rows, outside=reading.outside,
        rejected={r: reading.rejected[r] for r in REASONS if reading.rejected[r]}, merge=counts,
        linked=linked, linked_datasets=tuple(d.id for d in others),
        inferred_actors=sum(1 for a in active if a.inferred_sdgs),
        inferred_links=sum(len(a.inferred_sdgs) for a in active), status=status, warnings=warnings,
        cleaned=reading.cleaning.result(),
    )


# ----------------------------------------------------------------------------- RNA


def import_rna(store: Store, sources: Sequence[Source], territory: str, *, rejects: RejectSink | None = None,
               dry_run: bool = False, progress: ImportProgress | None = None,
               hierarchy: Hierarchy | None = None, inference: Inference | None = None) -> ImportSummary:
    """Import the active associations of `territory` from RNA files (waldec and/or import, any layout)
    into the dataset rna-{territory code}. Raises NotAnRnaFile (nothing imported) for a non-RNA file."""
    h = hierarchy or reference().hierarchy
    inf = inference or Inference.shipped()
    scope = scope_of(territory, h)
    reading = _Reading(sink=rejects)
    for source, fp, tick in _sources(sources, "lecture", progress):
        info = RnaFile(source.name)
        for n, item in enumerate(read_rna(fp, source.name, info, reading.cleaning), 1):
            if isinstance(item, Reject):
                reading.reject(item)
            else:
                reading.decide(rna_actor(item, scope, h, inf), item.file, item.line)
            if not n % _TICK_ROWS:
                tick()
        reading.rows += info.rows
        reading.files.append(FileRead(source.name, info.layout, info.decoding.label if info.decoding else "",
                                      info.rows))
    dataset_id = scope.dataset_id("rna")
    previous = previous_version(store, dataset_id)
    _not_held(reading, store, previous)
    ctx = context(store, dataset_id, "sirene")
    _not_typed(reading, ctx)
    taken: dict[str, list[Actor]] = {}  # RNA id -> SIRENE actors it now stands for
    removals: dict[str, set[str]] = defaultdict(set)  # SIRENE dataset id -> actor ids leaving it
    for actor in reading.fresh.values():
        matches = ctx.registers.match(actor.rna, actor.siret, actor.siren)
        if matches:
            taken[actor.id] = [a for _, a in matches]
            for did, other in matches:
                removals[did].add(other.id)
    merged, counts = merge_actors(previous.actors if previous else (), reading.fresh.values(), reading.keep)
    merged = tuple(absorb(a, taken[a.id]) if a.id in taken else a for a in merged)
    actors, lost = rehome(merged, h)
    if lost:
        counts = replace(counts, dropped=counts.dropped + lost)
    dataset = _dataset("rna", scope, actors, (f.name for f in reading.files))
    others = [without_actors(ctx.registers.datasets[did], ids) for did, ids in sorted(removals.items())]
    status = _save(store, dataset, others, dry_run, progress)
    linked = sum(len(v) for v in taken.values())
    warnings = ("alsace-moselle",) if scope.departements & ALSACE_MOSELLE else ()
    return _summary("rna", scope, dataset, reading, counts, linked, others, status, warnings)


# ----------------------------------------------------------------------------- SIRENE


def _read_sirene(sources: Sequence[Source], units: Sequence[Source], scope: Scope, reading: _Reading,
                 progress: ImportProgress | None, inference: Inference
                 ) -> tuple[list[Establishment], dict[str, UniteLegale]]:
    """The territory's active establishments and their legal units. Closed ones are decided (rejected)
    on the spot: most rows of the register are closed, memory keeps only the active."""
    establishments: list[Establishment] = []
    for source, fp, tick in _sources(sources, "lecture", progress):
        info = SireneFile(source.name)
        for est in read_establishments(fp, source.name, scope, info, tick, reading.cleaning):
            if est.etatAdministratifEtablissement == "A":
                establishments.append(est)
            else:
                reading.decide(sirene_actor(est, None, scope, inference), est.file, est.line)
        reading.rows += info.rows
        reading.outside += info.rows - info.kept
        reading.files.append(FileRead(source.name, info.layout, "utf-8", info.rows))
    sirens = {e.siren for e in establishments}
    legal_units: dict[str, UniteLegale] = {}
    for source, fp, tick in _sources(units, "unites-legales", progress):
        info = SireneFile(source.name)
        legal_units.update((u.siren, u) for u in read_unites_legales(fp, source.name, sirens, info, tick,
                                                                     reading.cleaning))
        reading.files.append(FileRead(source.name, info.layout, "utf-8", info.rows))
    return establishments, legal_units


def import_sirene(store: Store, sources: Sequence[Source], territory: str, *, units: Sequence[Source] = (),
                  rejects: RejectSink | None = None, dry_run: bool = False,
                  progress: ImportProgress | None = None, hierarchy: Hierarchy | None = None,
                  inference: Inference | None = None) -> ImportSummary:
    """Import the active establishments of `territory` from StockEtablissement (and, optionally,
    StockUniteLegale for names, legal categories and RNA links) into sirene-{territory code}.
    Streams both files: memory holds the territory's establishments, never the national file."""
    h = hierarchy or reference().hierarchy
    inf = inference or Inference.shipped()
    scope = scope_of(territory, h)
    if scope.territory_id == "pays:FR":
        raise UnreadableFile(
            "Choose a région, département, EPCI or commune: importing SIRENE for the whole of France would "
            "hold millions of establishments in memory.",
            "Choisissez une région, un département, un EPCI ou une commune : l'import SIRENE de la France "
            "entière garderait des millions d'établissements en mémoire.")
    reading = _Reading(sink=rejects)
    establishments, legal_units = _read_sirene(sources, units, scope, reading, progress, inf)
    for est in establishments:
        reading.decide(sirene_actor(est, legal_units.get(est.siren), scope, inf), est.file, est.line)
    del establishments
    dataset_id = scope.dataset_id("sirene")
    previous = previous_version(store, dataset_id)
    before = {a.id: a for a in previous.actors} if previous else {}
    _not_held(reading, store, previous)
    ctx = context(store, dataset_id, "rna")
    _not_typed(reading, ctx)
    updates: dict[str, dict[str, Actor]] = defaultdict(dict)  # RNA dataset id -> changed RNA actors
    folded: set[str] = set()
    for actor in list(reading.fresh.values()):
        matches = ctx.registers.match(actor.rna, actor.siret, actor.siren)
        if not matches:
            continue
        unit = legal_units.get(actor.siren)
        nic = unit.nicSiegeUniteLegale if unit is not None else ""
        siege = actor.siren + nic if nic else ""
        for did, target in matches:
            current = updates[did].get(target.id, target)
            updates[did][target.id] = absorb(current, [before.get(actor.id, actor)], siret=siege)
        folded.add(actor.id)
        del reading.fresh[actor.id]
    merged, counts = merge_actors(before.values(), reading.fresh.values(), reading.keep, drop=folded)
    actors, lost = rehome(merged, h)
    if lost:
        counts = replace(counts, dropped=counts.dropped + lost)
    dataset = _dataset("sirene", scope, actors, (f.name for f in reading.files))
    others = []
    for did, changed in sorted(updates.items()):
        original = ctx.registers.datasets[did]
        updated = with_actors(original, changed)
        if updated != original:
            others.append(updated)
    status = _save(store, dataset, others, dry_run, progress)
    warnings = () if units else ("sans-unites-legales",)
    return _summary("sirene", scope, dataset, reading, counts, len(folded), others, status, warnings)


# ----------------------------------------------------------------------------- local authorities


def import_collectivites(store: Store, territory: str, *, rejects: RejectSink | None = None,
                         dry_run: bool = False, progress: ImportProgress | None = None,
                         hierarchy: Hierarchy | None = None) -> ImportSummary:
    """The communes, EPCI, départements and régions of `territory` as actors, in collectivites-{code}."""
    h = hierarchy or reference().hierarchy
    scope = scope_of(territory, h)
    reading = _Reading(sink=rejects)
    for actor in authority_actors(scope.territory_id, h):
        reading.fresh[actor.id] = actor
    reading.rows = len(reading.fresh)
    dataset_id = scope.dataset_id("collectivites")
    previous = previous_version(store, dataset_id)
    _not_held(reading, store, previous)
    _not_typed(reading, context(store, dataset_id, ""))
    merged, counts = merge_actors(previous.actors if previous else (), reading.fresh.values())
    actors, lost = rehome(merged, h)
    if lost:
        counts = replace(counts, dropped=counts.dropped + lost)
    dataset = _dataset("collectivites", scope, actors, ())
    status = _save(store, dataset, (), dry_run, progress)
    return _summary("collectivites", scope, dataset, reading, counts, 0, (), status)


# ----------------------------------------------------------------------------- for the app


def import_uploaded(store: Store, register: str, files: Mapping[str, bytes], territory: str, *,
                    unites_legales: Mapping[str, bytes] | None = None, rejects: RejectSink | None = None,
                    dry_run: bool = False, progress: ImportProgress | None = None) -> ImportSummary:
    """The same imports from uploaded files (name -> bytes; zips accepted), for the Données page.

    register: "rna", "sirene" or "collectivites" (then `files` may be empty).
    progress(step, done, total) is called while reading and loading; the rejects can be collected with
    `RejectsWriter(io.StringIO())` and offered as a download.
    """
    h = reference().hierarchy
    if register == "collectivites":
        return import_collectivites(store, territory, rejects=rejects, dry_run=dry_run, progress=progress)
    scope = scope_of(territory, h)
    sources = [s for name, data in files.items() for s in sources_from_bytes(name, data, scope.departements)]
    if register == "rna":
        return import_rna(store, sources, scope.territory_id, rejects=rejects, dry_run=dry_run,
                          progress=progress)
    if register == "sirene":
        units = [s for name, data in (unites_legales or {}).items() for s in sources_from_bytes(name, data)]
        return import_sirene(store, sources, scope.territory_id, units=units, rejects=rejects,
                             dry_run=dry_run, progress=progress)
    raise ValueError(f"unknown register {register!r}: rna, sirene or collectivites")
