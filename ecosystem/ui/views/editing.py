"""What the Modifier and Évolution pages ask the store: records of a dataset, one record's cells,
members, complements to try, a what-if, the versions of a dataset and their evolution.

Functions take the store first and return small, picklable values (the pages cache them with
`ctx.q` until the data changes). No whole dataset is read for the forms and pickers (the store
lists names, and reads one record): at 100,000 actors that read took seconds after every edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.diagnosis import diagnose
from ecosystem.analysis.evolution import Evolution, compare
from ecosystem.analysis.whatif import WhatIf, whatif
from ecosystem.datasets.columns import SHEETS_BY_NAME, Column
from ecosystem.editing.records import FORM_COLUMNS, SHEET_OF, RecordKind, record_row
from ecosystem.history.archive import Archive
from ecosystem.history.versions import label_of, read_version
from ecosystem.model import Dataset, Level
from ecosystem.store.base import Store
from ecosystem.ui.views.common import Entry

SEARCH_LIMIT = 30
"""Actors a what-if search offers at once."""


def dataset_entries(store: Store) -> tuple[Entry, ...]:
    """The loaded datasets, by name."""
    return tuple(sorted((Entry(d.id, d.name, d.source) for d in store.datasets()),
                        key=lambda e: (e.name.casefold(), e.id)))


PLURAL = {RecordKind.ACTOR: "actors", RecordKind.POLICY: "policies", RecordKind.ALLIANCE: "alliances"}


def _by_name(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return sorted(found, key=lambda r: (r[1].casefold(), r[0]))


def records(store: Store, dataset_id: str, kind: str) -> tuple[tuple[str, str], ...]:
    """(id, name) of a dataset's records of one kind, by name (`Store.record_names`: the pickers are
    listed again after every edit, and at 100,000 actors a whole dataset takes seconds to read)."""
    found = store.record_names(dataset_id, PLURAL[RecordKind(kind)])
    return tuple((i, name) for i, name, _ in _by_name(found))


def record_cells(store: Store, dataset_id: str, kind: str, record_id: str, lang: str) -> dict[str, str]:
    """One record's cells as a file holds them (the form's initial values), read alone: its row
    depends on nothing else in the dataset."""
    kind = RecordKind(kind)
    plural = PLURAL[kind]
    mine = store.record_datasets(plural, [record_id]).get(record_id) == dataset_id
    found = tuple(getattr(store, plural)([record_id])) if mine else ()
    return record_row(Dataset(dataset_id, dataset_id, **{plural: found}), kind, record_id, lang)


def form_columns(kind: str) -> tuple[Column, ...]:
    """The columns a form shows for a kind of record, in order (the format's own declarations)."""
    sheet = SHEETS_BY_NAME[SHEET_OF[RecordKind(kind)]]
    return tuple(sheet.column(name) for name in FORM_COLUMNS[RecordKind(kind)])


def dataset_actors(store: Store, dataset_id: str) -> tuple[Entry, ...]:
    """The actors of one dataset, by name (the members an alliance of it may have)."""
    return tuple(Entry(*r) for r in _by_name(store.record_names(dataset_id, "actors")))


def alliances_of(store: Store, dataset_id: str) -> tuple[Entry, ...]:
    return tuple(Entry(*r) for r in _by_name(store.record_names(dataset_id, "alliances")))


def members(store: Store, alliance_id: str) -> tuple[tuple[str, str], ...]:
    """(actor id, role) of an alliance's members."""
    return tuple((m.actor, m.role.value) for m in store.memberships(alliance_ids=[alliance_id]))


def member_entries(store: Store, alliance_id: str) -> tuple[Entry, ...]:
    ids = [m.actor for m in store.memberships(alliance_ids=[alliance_id])]
    return tuple(sorted((Entry(a.id, a.name, a.kind.value) for a in store.actors(ids)),
                        key=lambda e: (e.name.casefold(), e.id)))


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str
    name: str
    kind: str
    why: str


def suggestions(store: Store, alliance_id: str, lang: str, k: int = 10) -> tuple[Suggestion, ...]:
    """The alliance's best complements, each with the sentence saying why."""
    (alliance,) = store.alliances([alliance_id])
    found = complements(store, alliance, k=k, lang=lang)
    return tuple(Suggestion(c.actor, c.name, c.kind.value, c.reason) for c in found.items)


def search_actors(store: Store, text: str) -> tuple[Entry, ...]:
    """Actors whose name contains `text`, asked of the store (a server-side search at 100,000 actors)."""
    return tuple(Entry(h.id, h.name, h.detail) for h in store.search(text, limit=SEARCH_LIMIT)
                 if h.type == "actor")


def actor_entries(store: Store, ids: tuple[str, ...]) -> tuple[Entry, ...]:
    return tuple(Entry(a.id, a.name, a.kind.value) for a in store.actors(ids))


def tried(store: Store, alliance_id: str, add: tuple[str, ...], remove: tuple[str, ...], lang: str) -> WhatIf:
    """The what-if, with the diagnosis as it is taken from the same computation the Alliances page
    caches (`diagnose`)."""
    return whatif(store, alliance_id, add, remove, lang, before=diagnose(store, alliance_id, lang))


def dataset_of_alliance(store: Store, alliance_id: str) -> str:
    return store.alliance_datasets([alliance_id]).get(alliance_id, "")


# ---------------------------------------------------------------------- evolution


@dataclass(frozen=True, slots=True)
class KeptVersion:
    name: str  # "live" or the version number
    at: str
    by: str


def versions(store: Store, dataset_id: str) -> tuple[KeptVersion, ...]:
    """The live version (when loaded) then the kept ones, newest first."""
    archive = Archive.of(store)
    found = []
    live = next((d for d in store.datasets() if d.id == dataset_id), None)
    if live is not None:
        by = (archive.current(dataset_id) or {}).get("loaded_by", "")
        found.append(KeptVersion("live", live.loaded_at, by))
    kept = reversed(archive.versions(dataset_id))
    found += [KeptVersion(str(v.version), v.loaded_at, v.loaded_by) for v in kept]
    return tuple(found)


def history_datasets(store: Store) -> tuple[str, ...]:
    """Datasets loaded or with kept versions."""
    return tuple(sorted({d.id for d in store.datasets()} | set(Archive.of(store).datasets())))


def evolution(store: Store, dataset_id: str, before: str, after: str, level: str) -> Evolution:
    archive = Archive.of(store)
    old = read_version(store, dataset_id, before, archive)
    new = read_version(store, dataset_id, after, archive)
    return compare(old, new, label_of(before), label_of(after), Level(level))
