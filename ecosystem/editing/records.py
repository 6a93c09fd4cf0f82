"""One record changed inside a dataset, validated exactly as a file would be.

Why rows: the app's forms must give the same messages as a workbook. So a change is made on the
dataset's rows (`datasets.rows.dataset_to_rows`, what the CSV export writes), one row replaced, added
or removed, and the rows are validated by `datasets.validate.validate` (`rows_to_book`). A form value
is therefore the text of a cell ("26362; 26058", "3; 5", "oui"), parsed and checked by the one
validator; a problem names the sheet, the line and the column, in French or English.

Pure functions: nothing here reads or writes a store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from ecosystem.datasets.columns import ACTORS, ALLIANCES, MEMBERSHIPS, POLICIES
from ecosystem.datasets.rows import Rows, dataset_to_rows, rows_to_book
from ecosystem.datasets.validate import validate
from ecosystem.errors import NotFound
from ecosystem.model import Dataset, MemberRole


class RecordKind(StrEnum):
    """What a form edits: one row of one of these sheets."""

    ACTOR = "actor"
    POLICY = "policy"
    ALLIANCE = "alliance"


SHEET_OF = {RecordKind.ACTOR: ACTORS.name, RecordKind.POLICY: POLICIES.name,
            RecordKind.ALLIANCE: ALLIANCES.name}
FORM_COLUMNS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.ACTOR: ("id", "name", "kind", "territories", "sdgs", "offers", "needs", "siren", "siret",
                       "rna", "website", "active", "created", "description"),
    RecordKind.POLICY: ("id", "name", "kind", "carriers", "territories", "sdgs", "description"),
    RecordKind.ALLIANCE: ("id", "name", "status", "started", "territories", "sdgs", "policies", "purpose"),
}
"""The cells a form shows, in order; the other cells of the row (an actor's inferred SDGs, its
source) are kept as they were."""

def _records(dataset: Dataset, kind: RecordKind) -> tuple:
    return {RecordKind.ACTOR: dataset.actors, RecordKind.POLICY: dataset.policies,
            RecordKind.ALLIANCE: dataset.alliances}[kind]


def _missing(dataset: Dataset, kind: RecordKind, record_id: str) -> NotFound:
    return NotFound(str(kind), record_id, [r.id for r in _records(dataset, kind)][:20])


def record_row(dataset: Dataset, kind: RecordKind, record_id: str, lang: str = "fr") -> dict[str, str]:
    """The cells of one record as a form shows them (the text a file would hold)."""
    for row in dataset_to_rows(dataset, lang)[SHEET_OF[kind]]:
        if row["id"] == record_id:
            return row
    raise _missing(dataset, kind, record_id)


def validated(rows: Rows, dataset: Dataset, lang: str = "fr") -> Dataset:
    """The rows as a dataset with the same id, name and description; DatasetInvalid with every
    problem otherwise (the messages a file gets)."""
    book = rows_to_book(rows, label=dataset.id, lang=lang)
    report = validate(book, dataset.name, dataset_id=dataset.id, name=dataset.name)
    return report.dataset_or_raise()


def with_record(dataset: Dataset, kind: RecordKind, cells: Mapping[str, str], replaces: str | None = None,
                lang: str = "fr") -> Dataset:
    """`dataset` with one record created (`replaces` None) or changed (`replaces` its id).

    `cells` are the form's texts by canonical column; cells the form does not show keep their value.
    An empty id on creation is made from the name, as in a file. Changing an id also renames it in the
    memberships and references of the dataset, so a rename never orphans a member."""
    rows = dataset_to_rows(dataset, lang)
    sheet = rows[SHEET_OF[kind]]
    clean = {k: str(v) for k, v in cells.items()}
    if replaces is None:
        sheet.append(clean)
        return validated(rows, dataset, lang)
    if not clean.get("id", replaces):
        clean["id"] = replaces  # an id emptied in a form keeps the record's own (a file would make a new one)
    for i, row in enumerate(sheet):
        if row["id"] == replaces:
            sheet[i] = {**row, **clean}
            new_id = sheet[i].get("id") or replaces
            if new_id != replaces:
                _rename(rows, kind, replaces, new_id)
            return validated(rows, dataset, lang)
    raise _missing(dataset, kind, replaces)


def _rename(rows: Rows, kind: RecordKind, old: str, new: str) -> None:
    """Follow an id change in the cells that refer to it."""
    def swap(text: str) -> str:
        items = (item.strip() for item in text.split(";"))
        return "; ".join(new if item == old else item for item in items if item)

    if kind is RecordKind.ACTOR:
        for m in rows[MEMBERSHIPS.name]:
            m["actor"] = new if m["actor"] == old else m["actor"]
        for p in rows[POLICIES.name]:
            p["carriers"] = swap(p["carriers"])
    elif kind is RecordKind.ALLIANCE:
        for sheet in (MEMBERSHIPS.name, "assessments"):
            for m in rows.get(sheet, []):
                m["alliance"] = new if m["alliance"] == old else m["alliance"]
    else:
        for a in rows[ALLIANCES.name]:
            a["policies"] = swap(a["policies"])


def without_record(dataset: Dataset, kind: RecordKind, record_id: str, lang: str = "fr") -> Dataset:
    """`dataset` with one record retired. An actor leaves its alliances with it, an alliance takes its
    memberships and self-assessments; a reference left behind (a policy still carried by the actor)
    is reported by the validator, as a file would be."""
    rows = dataset_to_rows(dataset, lang)
    sheet = rows[SHEET_OF[kind]]
    kept = [r for r in sheet if r["id"] != record_id]
    if len(kept) == len(sheet):
        raise _missing(dataset, kind, record_id)
    rows[SHEET_OF[kind]] = kept
    if kind is RecordKind.ACTOR:
        rows[MEMBERSHIPS.name] = [m for m in rows[MEMBERSHIPS.name] if m["actor"] != record_id]
    elif kind is RecordKind.ALLIANCE:
        for name in (MEMBERSHIPS.name, "assessments"):
            rows[name] = [m for m in rows.get(name, []) if m["alliance"] != record_id]
    return validated(rows, dataset, lang)


def with_members(dataset: Dataset, alliance_id: str, members: Sequence[tuple[str, MemberRole | str]],
                 lang: str = "fr") -> Dataset:
    """`dataset` with the members of one alliance replaced by `members` (actor id or name, role)."""
    if alliance_id not in {a.id for a in dataset.alliances}:
        raise _missing(dataset, RecordKind.ALLIANCE, alliance_id)
    rows = dataset_to_rows(dataset, lang)
    others = [m for m in rows[MEMBERSHIPS.name] if m["alliance"] != alliance_id]
    mine = [{"alliance": alliance_id, "actor": actor, "role": str(getattr(role, "value", role))}
            for actor, role in members]
    rows[MEMBERSHIPS.name] = others + mine
    return validated(rows, dataset, lang)
