"""One edit as a patch of its dataset, built from the few records it touches and validated by the
same validator as a file.

Why not the whole dataset (`records.py`, the first way): at 100,000 actors reading the dataset from
the store, turning it into rows and validating every row again took a minute and a half for one
actor's SDGs (and on Neo4j the read alone passed the query limit), and it rewrote records nobody
touched: a generated name with a double space came back squashed. An edit can only break what it
touches: the edited record, and the references to and from it. So the validator
(`datasets.validate.validate`) is given a small book: the edited rows, and "stub" rows for the
records they refer to (fetched by id or name from the store, their own references blanked, since
they are there only to be referred to). A problem therefore reads exactly as a file's would
(sheet, column, value, sentence); only a line number the form never shows may differ.

The record that comes out keeps, for each cell the person left as it was, the stored value, not
the value parsed again from its text: an edit changes only what the user changed.

Pure apart from the store's lookups: `Lookup` reads the store (never `Store.dataset`), the
functions return (patch, undo) for `Writes.apply_patch`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ecosystem.datasets.columns import ACTORS, ALLIANCES, MEMBERSHIPS, POLICIES, Kind
from ecosystem.datasets.difference import assessment_key, membership_key
from ecosystem.datasets.patch import Patch
from ecosystem.datasets.rows import Rows, dataset_to_rows, rows_to_book
from ecosystem.datasets.sources import RawRow
from ecosystem.datasets.validate import validate
from ecosystem.datasets.values import split
from ecosystem.errors import NotFound
from ecosystem.model import Dataset, MemberRole
from ecosystem.store.base import DatasetInfo, Store
from ecosystem.text import normalize, slugify, squash_spaces

KIND_OF = {"actor": "actors", "policy": "policies", "alliance": "alliances"}
SHEET = {"actors": ACTORS.name, "policies": POLICIES.name, "alliances": ALLIANCES.name}
FALLBACK = {"actors": "acteur", "policies": "politique", "alliances": "alliance"}  # as the validator's
REFERS = {("policies", "carriers"): "actors", ("alliances", "policies"): "policies"}
SEARCHED = 200  # name matches looked at when a reference is written as a name


class Renamed(Exception):
    """The edit changes a record's id: every reference to it across the dataset follows, which
    `records.with_record` does on the whole dataset (raised before anything is read)."""


@dataclass(frozen=True)
class Lookup:
    """What an edit reads of the store: one dataset's info and a few of its records."""

    store: Store
    dataset_id: str

    def info(self) -> DatasetInfo:
        found = next((d for d in self.store.datasets() if d.id == self.dataset_id), None)
        if found is None:
            raise NotFound("dataset", self.dataset_id, [d.id for d in self.store.datasets()][:20])
        return found

    def mine(self, kind: str, ids: Iterable[str]) -> list[Any]:
        """The records of these ids that are this dataset's, sorted by id."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        owners = self.store.record_datasets(kind, wanted)
        ours = [i for i in wanted if owners.get(i) == self.dataset_id]
        if not ours:
            return []
        read = {"actors": self.store.actors, "policies": self.store.policies,
                "alliances": self.store.alliances}[kind]
        return list(read(ours))

    def named(self, kind: str, texts: Iterable[str]) -> list[Any]:
        """This dataset's records of `kind` that the validator could resolve these texts to: the
        record of that id, and those whose name is the text ignoring case, accents and spaces."""
        texts = [t for t in texts if t]
        found = {r.id: r for r in self.mine(kind, texts)}
        hit_type = {"actors": "actor", "policies": "policy", "alliances": "alliance"}[kind]
        for text in texts:
            if text in found:  # an id is resolved as an id before any name is looked at
                continue
            folded = normalize(squash_spaces(text))
            if not folded:
                continue
            hits = [h.id for h in self.store.search(text, limit=SEARCHED)
                    if h.type == hit_type and normalize(h.name) == folded]
            found.update((r.id, r) for r in self.mine(kind, hits))
        return [found[i] for i in sorted(found)]

    def exists(self, kind: str, record_id: str) -> bool:
        return self.store.record_datasets(kind, [record_id]).get(record_id) == self.dataset_id


def row_of(kind: str, record: Any, lang: str) -> dict[str, str]:
    """One record's cells, as the export writes them."""
    return dataset_to_rows(Dataset("-", "", **{kind: (record,)}), lang)[SHEET[kind]][0]


def stub_rows(kind: str, records: Iterable[Any], lang: str) -> list[dict[str, str]]:
    """Rows for records that are only referred to: their own references blanked (not checked here)."""
    out = []
    for r in records:
        row = row_of(kind, r, lang)
        for (sheet, column), _ in REFERS.items():
            if sheet == kind:
                row[column] = ""
        out.append(row)
    return out


def check(rows: Rows, lookup: Lookup, name: str, lang: str,
          after: Mapping[str, int] | None = None) -> Dataset:
    """The small book validated as a file would be: the dataset it gives, or DatasetInvalid.
    `after[sheet]` rows come before that sheet's in the whole dataset's file: its lines follow them,
    so a message naming a line of the sheet names the line the export would have."""
    for sheet in (ACTORS.name, POLICIES.name, ALLIANCES.name, MEMBERSHIPS.name):
        rows.setdefault(sheet, [])
    book = rows_to_book(rows, label=lookup.dataset_id, lang=lang)
    for sheet, skipped in (after or {}).items():
        raw = book.sheets.get(sheet)
        if raw is not None and skipped:
            raw.rows = [RawRow(r.line + skipped, r.values, r.flagged) for r in raw.rows]
    return validate(book, name, dataset_id=lookup.dataset_id, name=name).dataset_or_raise()


def referred(kind: str, row: Mapping[str, str], lookup: Lookup, lang: str) -> Rows:
    """Stub rows for what the cells of `row` refer to (by id or name)."""
    rows: Rows = {}
    for (sheet, column), target in REFERS.items():
        if sheet == kind and row.get(column, "").strip():
            texts = split(row[column], Kind.REF)
            rows.setdefault(SHEET[target], []).extend(stub_rows(target, lookup.named(target, texts), lang))
    return rows


def kept_values(new: Any, old: Any, new_row: Mapping[str, str], old_row: Mapping[str, str]) -> Any:
    """`new` with the stored value of every field whose cell text the person left unchanged."""
    same = {f: getattr(old, f) for f in old_row if f in new_row and new_row[f] == old_row[f]
            and hasattr(old, f)}
    return replace(new, **same)


def free_id(kind: str, name: str, lookup: Lookup) -> str:
    """The id a file would give a new record without one: its name's slug, made unique in the
    dataset the same way (`-2`, `-3`...)."""
    base = slugify(squash_spaces(name)) or FALLBACK[kind]
    candidate, n = base, 1
    while lookup.exists(kind, candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def record_patch(lookup: Lookup, kind: str, cells: Mapping[str, str], replaces: str | None,
                 lang: str) -> tuple[Patch, Patch, str]:
    """Create (`replaces` None) or change one record of `kind` ("actors", "policies", "alliances").
    Raises Renamed when the change gives the record another id."""
    info = lookup.info()  # first: the records read next are of this version or the edit is refused
    clean = {k: str(v) for k, v in cells.items()}
    sheet = SHEET[kind]
    if replaces is None:
        row = dict(clean)
        if not row.get("id", "").strip() and squash_spaces(row.get("name", "")):
            row["id"] = free_id(kind, row.get("name", ""), lookup)
        rid = squash_spaces(row.get("id", ""))  # the id the validator will make of the cell
        rows = referred(kind, row, lookup, lang)
        taken = lookup.mine(kind, [rid]) if rid else []  # a file would say "already the id of line N"
        rows.setdefault(sheet, []).extend([*stub_rows(kind, taken, lang), row])
        new = _one(check(rows, lookup, info.name, lang), kind)
        return (Patch(info.id, info.checksum, **{kind: (new,)}),
                Patch(info.id, removed={kind: (new.id,)}), new.id)
    if not clean.get("id", replaces):
        clean["id"] = replaces  # an id emptied in a form keeps the record's own
    if clean.get("id", replaces).strip() != replaces:
        raise Renamed(replaces)
    found = lookup.mine(kind, [replaces])
    if not found:
        raise NotFound(_noun(kind), replaces, [])
    old = found[0]
    old_row = row_of(kind, old, lang)
    row = {**old_row, **clean}
    rows = referred(kind, row, lookup, lang)
    rows.setdefault(sheet, []).append(row)
    new = kept_values(_one(check(rows, lookup, info.name, lang), kind), old, row, old_row)
    return Patch(info.id, info.checksum, **{kind: (new,)}), Patch(info.id, **{kind: (old,)}), replaces


def retire_patch(lookup: Lookup, kind: str, record_id: str, lang: str) -> tuple[Patch, Patch]:
    """Take one record away: an actor with its memberships, an alliance with its memberships and
    self-assessments. A record still referred to (a policy carried by the actor, an alliance aligned
    with the policy) is refused with the validator's message for that reference, as a file would be."""
    info = lookup.info()
    found = lookup.mine(kind, [record_id])
    if not found:
        raise NotFound(_noun(kind), record_id, [])
    old = found[0]
    store = lookup.store
    if kind in ("actors", "policies"):
        holder, column = ("policies", "carriers") if kind == "actors" else ("alliances", "policies")
        every = store.policies() if holder == "policies" else store.alliances()
        using = [r for r in every if record_id in getattr(r, column)]
        using = lookup.mine(holder, [r.id for r in using])
        if using:  # the validator names each reference left behind
            rows: Rows = {SHEET[holder]: [row_of(holder, r, lang) for r in using]}
            others = {t for r in using for t in getattr(r, column) if t != record_id}
            rows[SHEET[kind]] = stub_rows(kind, lookup.mine(kind, others), lang)
            check(rows, lookup, info.name, lang)
    if kind == "actors":
        members = tuple(store.memberships(actor_ids=[record_id]))
        return (Patch(info.id, info.checksum, removed={"actors": (record_id,),
                                                       "memberships": tuple(map(membership_key, members))}),
                Patch(info.id, actors=(old,), memberships=members))
    if kind == "alliances":
        members = tuple(store.memberships(alliance_ids=[record_id]))
        history = tuple(store.assessments(record_id))
        return (Patch(info.id, info.checksum, removed={
                    "alliances": (record_id,), "memberships": tuple(map(membership_key, members)),
                    "assessments": tuple(map(assessment_key, history))}),
                Patch(info.id, alliances=(old,), memberships=members, assessments=history))
    return (Patch(info.id, info.checksum, removed={"policies": (record_id,)}),
            Patch(info.id, policies=(old,)))


def members_patch(lookup: Lookup, alliance_id: str, members: Sequence[tuple[str, MemberRole | str]],
                  lang: str) -> tuple[Patch, Patch]:
    """The members of one alliance replaced by `members` (actor id or name, role)."""
    info = lookup.info()
    found = lookup.mine("alliances", [alliance_id])
    if not found:
        raise NotFound("alliance", alliance_id, [])
    mine = [{"alliance": alliance_id, "actor": str(actor), "role": str(getattr(role, "value", role))}
            for actor, role in members]
    rows: Rows = {ALLIANCES.name: stub_rows("alliances", found, lang), MEMBERSHIPS.name: mine,
                  ACTORS.name: stub_rows("actors", lookup.named("actors", [m["actor"] for m in mine]), lang)}
    old = {membership_key(m): m for m in lookup.store.memberships(alliance_ids=[alliance_id])}
    others = info.count("memberships") - len(old)  # the members of other alliances come first
    new = {membership_key(m): m for m in check(rows, lookup, info.name, lang,
                                               {MEMBERSHIPS.name: others}).memberships}
    put = tuple(m for k, m in sorted(new.items()) if old.get(k) != m)
    gone = tuple(k for k in sorted(old) if k not in new)
    touched = set(gone) | {membership_key(m) for m in put}
    undo = Patch(info.id, memberships=tuple(old[k] for k in sorted(old) if k in touched),
                 removed={"memberships": tuple(sorted(k for k in touched if k not in old))})
    return Patch(info.id, info.checksum, memberships=put, removed={"memberships": gone}), undo


def _one(dataset: Dataset, kind: str) -> Any:
    """The edited record: the last row of its sheet (stubs of the same kind come before it)."""
    return getattr(dataset, kind)[-1]


def _noun(kind: str) -> str:
    return {"actors": "actor", "policies": "policy", "alliances": "alliance"}[kind]
