"""The RNA (Répertoire National des Associations) files: reading rows, and turning them into actors.

`read_rna(fp, name)` takes a binary stream of one per-département file (`rna_waldec_*` or `rna_import_*`,
any of the four column layouts, UTF-8 or cp1252) and yields one `RnaRow` per record, or a `Reject` for
a record it cannot read. `rna_actor(row, ...)` is the pure decision for one row: an `Actor`
(association, id = RNA number) or the reason it is not imported. Columns are found by name, so the
layouts differ only in the label shown to the user.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from ecosystem.controls import strip_controls
from ecosystem.errors import UnreadableFile
from ecosystem.importers.cleaning import Cleaning
from ecosystem.importers.inference import Inference
from ecosystem.importers.rejects import Reject
from ecosystem.importers.scope import Scope, clean_code, commune_of
from ecosystem.importers.streams import Decoding, decoded_lines
from ecosystem.model import Actor, ActorKind
from ecosystem.reference.territories import Hierarchy
from ecosystem.text import squash_spaces

REQUIRED = ("id", "titre", "objet", "adrs_codeinsee", "position")
_LAYOUTS = {
    ("waldec", 39): "waldec (39 colonnes)",
    ("waldec", 41): "waldec ancien (41 colonnes)",
    ("import", 24): "import (24 colonnes)",
    ("import", 26): "import ancien (26 colonnes)",
}
_RNA_ID = re.compile(r"^[0-9A-Z]{8,14}$")
_SIRET = re.compile(r"^[0-9]{14}$")
_POSITION_REASONS = {"D": "dissoute", "S": "supprimee", "R": "reprise"}
csv.field_size_limit(1 << 20)  # a runaway quote must be a rejected row, not a crash


class NotAnRnaFile(UnreadableFile):
    """The file is not an RNA file at all: the import stops before reading anything."""


@dataclass(frozen=True, slots=True)
class RnaRow:
    """The columns of one RNA record the project uses, as written in the file (trimmed)."""

    file: str
    line: int
    id: str
    siret: str
    title: str
    short_title: str
    purpose: str
    codes: tuple[str, ...]  # objet_social1/2 without "000000" and blanks
    commune: str
    position: str
    created: str
    observation: str
    website: str


@dataclass(slots=True)
class RnaFile:
    """What was learnt about a file while reading it."""

    name: str
    layout: str = ""
    decoding: Decoding | None = None
    rows: int = 0


def layout_of(header: list[str]) -> str:
    """The layout label of a header, e.g. 'waldec (39 colonnes)'."""
    family = "waldec" if "date_disso" in header else "import" if "adr1" in header else "rna"
    return _LAYOUTS.get((family, len(header)), f"{family} ({len(header)} colonnes)")


def _not_rna(name: str, found: list[str]) -> NotAnRnaFile:
    shown = ", ".join(c[:30] for c in found[:6]) + (" ..." if len(found) > 6 else "") if found else "rien"
    shown_en = shown if found else "nothing"
    wanted = ", ".join(REQUIRED)
    hint_fr = hint_en = ""
    if len(found) == 1 and found[0].count(",") > 3:
        hint_fr = (" Ses colonnes sont séparées par des virgules : est-ce un fichier SIRENE "
                   "(« ecosystem import sirene ») ?")
        hint_en = " Its columns are separated by commas: is it a SIRENE file (`ecosystem import sirene`)?"
    return NotAnRnaFile(
        f"'{name}' is not an RNA file: it needs the columns {wanted} separated by ';' "
        f"(found: {shown_en}).{hint_en} Download 'rna_waldec' or 'rna_import' from data.gouv.fr.",
        f"« {name} » n'est pas un fichier du RNA : il faut les colonnes {wanted} séparées par « ; » "
        f"(début trouvé : {shown}).{hint_fr} Téléchargez « rna_waldec » ou « rna_import » sur data.gouv.fr "
        f"(Répertoire national des associations).")


def read_rna(fp: BinaryIO, name: str, info: RnaFile | None = None, cleaning: Cleaning | None = None
             ) -> Iterator[RnaRow | Reject]:
    """The records of one RNA file. Raises NotAnRnaFile when the header is not an RNA header.
    Control characters are removed from every cell, and recorded in `cleaning`."""
    seen = info if info is not None else RnaFile(name)
    cleaner = cleaning if cleaning is not None else Cleaning()
    seen.decoding = Decoding()
    reader = csv.reader(decoded_lines(fp, seen.decoding), delimiter=";", quotechar='"')
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        raise _not_rna(name, []) from None
    if any(column not in header for column in REQUIRED):
        raise _not_rna(name, header)
    seen.layout = layout_of(header)
    at = {column: i for i, column in enumerate(header)}
    width = len(header)

    def get(row: list[str], column: str) -> str:
        i = at.get(column)
        return cleaner.cell(name, reader.line_num, column, row[i]).strip() if i is not None else ""

    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            seen.rows += 1
            yield Reject(name, reader.line_num, "ligne-mal-formee", detail=str(error))
            continue
        if not row or row == [""]:
            continue
        seen.rows += 1
        if len(row) != width:
            yield Reject(name, reader.line_num, "ligne-mal-formee", id=strip_controls(row[0]).strip()[:20],
                         detail=f"{len(row)} colonnes au lieu de {width}")
            continue
        codes = tuple(c for c in (get(row, "objet_social1"), get(row, "objet_social2"))
                      if c and c.strip("0"))
        yield RnaRow(
            file=name, line=reader.line_num, id=get(row, "id").upper(), siret=get(row, "siret"),
            title=get(row, "titre"), short_title=get(row, "titre_court"), purpose=get(row, "objet"),
            codes=tuple(dict.fromkeys(codes)), commune=get(row, "adrs_codeinsee"),
            position=get(row, "position").upper(), created=get(row, "date_creat"),
            observation=get(row, "observation"), website=get(row, "siteweb"),
        )


def parse_day(text: str) -> date | None:
    """A register date; '0001-01-01' (the RNA's "no date"), blanks and junk give None.

    >>> parse_day("2015-12-29"), parse_day("0001-01-01"), parse_day("2015-13-45")
    (datetime.date(2015, 12, 29), None, None)
    """
    value = text.strip()[:10]
    if not value or value.startswith("0001"):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if day.year >= 1800 else None


def website(text: str) -> str:
    """A usable address from the free-text siteweb column, or ''.

    >>> website("www.asso.fr"), website("http://x.org"), website("néant")
    ('http://www.asso.fr', 'http://x.org', '')
    """
    value = text.strip()
    if not value or " " in value or "." not in value or "@" in value:
        return ""
    if value.lower().startswith(("http://", "https://")):
        return value
    return "http://" + value


@dataclass(frozen=True, slots=True)
class Outcome:
    """What to do with one row: an actor to import, or why not (and whether it is still active)."""

    actor: Actor | None = None
    reject: Reject | None = None
    outside: bool = False  # a valid row whose commune is outside the territory: ignored, not rejected


def rna_actor(row: RnaRow, scope: Scope, hierarchy: Hierarchy, inference: Inference) -> Outcome:
    """The actor one RNA row becomes, or the reason it does not."""

    def reject(reason: str, detail: str = "") -> Outcome:
        return Outcome(reject=Reject(row.file, row.line, reason, row.id, squash_spaces(row.title),
                                      row.commune, detail))

    commune = commune_of(row.commune, hierarchy)
    if commune is not None and scope.commune(row.commune) is None:
        return Outcome(outside=True)  # whatever its state: rows of other territories are not our business
    if not _RNA_ID.match(row.id):
        return reject("identifiant-invalide")
    position_reason = _POSITION_REASONS.get(row.position)
    if position_reason is not None:
        return reject(position_reason, row.observation if row.position == "R" else "")
    if row.position != "A":
        return reject("position-inconnue", row.position)
    name = squash_spaces(row.title) or squash_spaces(row.short_title)
    if not name:
        return reject("nom-manquant")
    if commune is None:
        return reject("commune-inconnue" if clean_code(row.commune) else "commune-manquante")
    siret = row.siret.replace(" ", "")
    siret = siret if _SIRET.match(siret) else ""
    purpose = squash_spaces(row.purpose)
    return Outcome(actor=Actor(
        id=row.id, name=name, kind=ActorKind.ASSOCIATION, territories=(commune,), rna=row.id,
        siret=siret, siren=siret[:9], description=purpose, website=website(row.website),
        inferred_sdgs=inference.rna(row.codes, f"{name} {purpose}"), created=parse_day(row.created),
        source="rna",
    ))
