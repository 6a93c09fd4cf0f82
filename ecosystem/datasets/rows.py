"""A Dataset as rows of the dataset format, and rows back into raw sheets.

`dataset_to_rows` is what the CSV and Excel exports write; `rows_to_book` feeds rows held in memory
to the validator, so `validate(rows_to_book(dataset_to_rows(d)))` gives `d` back: the round trip
the exports promise, checked without touching a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from ecosystem.datasets.columns import (
    ACTORS,
    ALLIANCES,
    ASSESSMENTS,
    DATASET,
    MEMBERSHIPS,
    POLICIES,
    SHEETS,
    SHEETS_BY_NAME,
)
from ecosystem.datasets.sources import RawBook, RawRow, RawSheet
from ecosystem.model import Dataset, InferredSdg

Rows = dict[str, list[dict[str, str]]]  # sheet -> rows of {canonical column: text}

SEPARATOR = "; "


def _join(values: Sequence[object]) -> str:
    return SEPARATOR.join(str(v) for v in values)


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def inferred_text(item: InferredSdg) -> str:
    """An inferred SDG as one item of the "ODD déduits" cell.

    >>> inferred_text(InferredSdg(13, "mot-cle:climat", 0.5))
    '13 (mot-cle:climat, 0.5)'
    """
    return f"{item.number} ({item.source}, {item.confidence})"


def dataset_to_rows(dataset: Dataset, lang: str = "fr") -> Rows:
    """Every sheet of the format, with text cells; empty cells are empty strings."""
    yes, no = ("oui", "non") if lang == "fr" else ("yes", "no")
    return {
        DATASET.name: [{"id": dataset.id, "name": dataset.name, "source": dataset.source,
                        "description": dataset.description}],
        ACTORS.name: [{
            "id": a.id, "name": a.name, "kind": a.kind.value, "territories": _join(a.territories),
            "sdgs": _join(a.sdgs), "offers": _join(a.offers), "needs": _join(a.needs), "siren": a.siren,
            "siret": a.siret, "rna": a.rna, "description": a.description, "website": a.website,
            "active": yes if a.active else no, "created": _date(a.created), "source": a.source,
            "inferred_sdgs": _join([inferred_text(s) for s in a.inferred_sdgs]),
            "rejected_sdgs": _join(a.rejected_sdgs),
        } for a in dataset.actors],
        POLICIES.name: [{
            "id": p.id, "name": p.name, "kind": p.kind, "carriers": _join(p.carriers),
            "territories": _join(p.territories), "sdgs": _join(p.sdgs), "description": p.description,
        } for p in dataset.policies],
        ALLIANCES.name: [{
            "id": a.id, "name": a.name, "purpose": a.purpose, "started": _date(a.started),
            "status": a.status.value, "territories": _join(a.territories), "sdgs": _join(a.sdgs),
            "policies": _join(a.policies),
        } for a in dataset.alliances],
        MEMBERSHIPS.name: [{"alliance": m.alliance, "actor": m.actor, "role": m.role.value}
                           for m in dataset.memberships],
        ASSESSMENTS.name: [{"alliance": s.alliance, "lever": s.lever, "on": s.on.isoformat(),
                            "score": str(s.score), "comment": s.comment} for s in dataset.assessments],
    }


def rows_to_book(rows: Mapping[str, list[dict[str, str]]], label: str = "rows", lang: str = "fr") -> RawBook:
    """Raw sheets from in-memory rows (keyed by canonical sheet and column), as if read from CSV
    files named after the sheets; line numbers start at 2, below the header."""
    book = RawBook(label)
    for sheet in SHEETS:
        if sheet.name not in rows:
            continue
        raw = RawSheet(SHEETS_BY_NAME[sheet.name], sheet.file_name(lang),
                       headers={c.name: c.header(lang) for c in sheet.columns})
        for line, row in enumerate(rows[sheet.name], start=2):
            values = {k: v.strip() for k, v in row.items() if v and v.strip()}
            if values:
                raw.rows.append(RawRow(line, values))
        book.add(raw)
    return book
