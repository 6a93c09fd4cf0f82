"""SIRENE (INSEE) stock files, read while streaming and filtered to a territory.

The national `StockEtablissement` file holds tens of millions of rows: it is never loaded. Each line
is first tested as raw text (does it contain ",26" for the Drôme?), and only the few lines that pass
are parsed as CSV and checked exactly (is the commune code one of the territory's?). Memory holds the
territory's establishments only. `StockUniteLegale` is read the same way afterwards, keeping only the
legal units (SIREN) of those establishments: its first field is the SIREN, so the test is a slice.

Both files are accepted as CSV (48/54 and 33/35 columns, columns found by name) or as parquet when
pyarrow is installed; in a zip or not. `sirene_actor` is the pure decision for one establishment.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from typing import BinaryIO

from ecosystem.errors import UnreadableFile
from ecosystem.importers import legal
from ecosystem.importers.cleaning import Cleaning
from ecosystem.importers.inference import Inference
from ecosystem.importers.rejects import Reject
from ecosystem.importers.rna import Outcome, parse_day
from ecosystem.importers.scope import Scope
from ecosystem.importers.streams import Tally, records, utf8_lines
from ecosystem.model import Actor
from ecosystem.text import squash_spaces

Tick = Callable[[], None]
TICK_EVERY = 1 << 16
_SIRET = re.compile(r"^[0-9]{14}$")
_HIDDEN = "[ND]"


class NotASireneFile(UnreadableFile):
    """The file is not the expected SIRENE stock file: the import stops before reading anything."""


@dataclass(frozen=True, slots=True)
class Establishment:
    """The columns of one StockEtablissement row the project uses (names as in the file)."""

    file: str
    line: int
    siret: str
    siren: str
    codeCommuneEtablissement: str
    etatAdministratifEtablissement: str
    activitePrincipaleEtablissement: str
    nomenclatureActivitePrincipaleEtablissement: str
    denominationUsuelleEtablissement: str
    enseigne1Etablissement: str
    statutDiffusionEtablissement: str
    dateCreationEtablissement: str
    etablissementSiege: str


@dataclass(frozen=True, slots=True)
class UniteLegale:
    """The columns of one StockUniteLegale row the project uses."""

    siren: str
    categorieJuridiqueUniteLegale: str
    denominationUniteLegale: str
    denominationUsuelle1UniteLegale: str
    sigleUniteLegale: str
    nomUniteLegale: str
    nomUsageUniteLegale: str
    prenomUsuelUniteLegale: str
    identifiantAssociationUniteLegale: str
    economieSocialeSolidaireUniteLegale: str
    societeMissionUniteLegale: str
    nicSiegeUniteLegale: str
    statutDiffusionUniteLegale: str


_ETAB_COLUMNS = tuple(f.name for f in fields(Establishment))[2:]
_UL_COLUMNS = tuple(f.name for f in fields(UniteLegale))
ETAB_REQUIRED = ("siret", "siren", "codeCommuneEtablissement", "etatAdministratifEtablissement")
UL_REQUIRED = ("siren", "categorieJuridiqueUniteLegale")


@dataclass(slots=True)
class SireneFile:
    """What was learnt about a file while reading it: layout, rows read, rows kept."""

    name: str
    layout: str = ""
    rows: int = 0
    kept: int = 0


def _refuse(name: str, what: str, wanted: tuple[str, ...], found: list[str]) -> NotASireneFile:
    shown = ", ".join(found[:6]) + (" ..." if len(found) > 6 else "") if found else "rien"
    shown_en = shown if found else "nothing"
    hint_fr = hint_en = ""
    if what == "StockEtablissement" and "categorieJuridiqueUniteLegale" in found:
        hint_fr = " Ce fichier semble être celui des unités légales : passez-le avec --unites-legales."
        hint_en = " This looks like the legal-unit file: pass it with --unites-legales."
    elif what == "StockUniteLegale" and "siret" in found:
        hint_fr = " Ce fichier semble être celui des établissements."
        hint_en = " This looks like the establishment file."
    return NotASireneFile(
        f"'{name}' is not a SIRENE {what} file: it needs the columns {', '.join(wanted)} "
        f"(found: {shown_en}).{hint_en} Download '{what}' from data.gouv.fr (SIRENE database).",
        f"« {name} » n'est pas un fichier SIRENE {what} : il faut les colonnes {', '.join(wanted)} "
        f"(colonnes trouvées : {shown}).{hint_fr} Téléchargez « {what} » sur data.gouv.fr (base SIRENE).")


def _layout(what: str, header: list[str], fmt: str) -> str:
    return f"{what} {fmt} ({len(header)} colonnes)"


def _is_parquet(fp: BinaryIO) -> bool:
    if not fp.seekable():
        return False
    start = fp.tell()
    magic = fp.read(4)
    fp.seek(start)
    return magic == b"PAR1"


def _csv_rows(fp: BinaryIO, name: str, what: str, required: tuple[str, ...], wanted: tuple[str, ...],
              keep: Callable[[str], bool] | None, info: SireneFile, tick: Tick | None, cleaning: Cleaning
              ) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: value}) for the records of a SIRENE CSV that pass the raw-text test `keep`."""
    text = utf8_lines(fp)
    first = text.readline()
    try:
        header = [h.strip() for h in next(csv.reader([first]))] if first else []
    except csv.Error:
        header = []
    if any(column not in header for column in required):
        raise _refuse(name, what, required, header)
    info.layout = _layout(what, header, "CSV")
    at = [(column, header.index(column)) for column in wanted if column in header]
    width = len(header)
    line = 1

    def counted() -> Iterator[str]:
        nonlocal line
        for physical in text:
            line += 1
            if tick is not None and not line % TICK_EVERY:
                tick()
            yield physical

    tally = Tally()
    for row in csv.reader(records(counted(), keep, tally)):
        if len(row) != width:
            continue  # a broken line of a national file: without its columns it cannot be placed
        yield line, {column: cleaning.cell(name, line, column, row[i]).strip() for column, i in at}
    info.rows = tally.records


def _parquet_rows(fp: BinaryIO, name: str, what: str, required: tuple[str, ...], wanted: tuple[str, ...],
                  column: str, values: Iterable[str] | None, info: SireneFile, tick: Tick | None,
                  cleaning: Cleaning) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the installation
        raise UnreadableFile(
            f"'{name}' is a parquet file: install pyarrow (pip install pyarrow) or use the CSV version.",
            f"« {name} » est un fichier parquet : installez pyarrow (pip install pyarrow) ou prenez la "
            "version CSV.") from None
    table = pq.ParquetFile(fp)
    header = table.schema_arrow.names
    if any(c not in header for c in required):
        raise _refuse(name, what, required, header)
    info.layout = _layout(what, header, "parquet")
    present = [c for c in wanted if c in header]
    value_set = pa.array(sorted(values), type=pa.string()) if values is not None else None
    line = 1
    for batch in table.iter_batches(batch_size=1 << 16, columns=present):
        first = line
        line += batch.num_rows
        if tick is not None:
            tick()
        if value_set is not None:
            keys = pc.cast(batch.column(present.index(column)), pa.string())
            mask = pc.is_in(keys, value_set=value_set)
            positions = pc.indices_nonzero(mask).to_pylist()
            if not positions:
                continue
            batch = batch.take(pa.array(positions))
        else:
            positions = list(range(batch.num_rows))
        for pos, record in zip(positions, batch.to_pylist(), strict=True):
            line = first + 1 + pos
            yield line, {c: cleaning.cell(name, line, c, _text(v)) for c, v in record.items()}
    info.rows = line - 1


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _marker_test(markers: tuple[str, ...]) -> Callable[[str], bool]:
    if len(markers) == 2:
        a, b = markers
        return lambda record: a in record or b in record
    pattern = re.compile("|".join(re.escape(m) for m in markers))
    return lambda record: pattern.search(record) is not None


def read_establishments(fp: BinaryIO, name: str, scope: Scope, info: SireneFile | None = None,
                        tick: Tick | None = None, cleaning: Cleaning | None = None
                        ) -> Iterator[Establishment]:
    """The establishments of `scope` (any state) in a StockEtablissement stream, CSV or parquet;
    control characters removed from the cells used, and recorded in `cleaning`."""
    seen = info if info is not None else SireneFile(name)
    cleaner = cleaning if cleaning is not None else Cleaning()
    if _is_parquet(fp):
        rows = _parquet_rows(fp, name, "StockEtablissement", ETAB_REQUIRED, _ETAB_COLUMNS,
                             "codeCommuneEtablissement", list(scope.codes), seen, tick, cleaner)
    else:
        national = scope.territory_id == "pays:FR"
        rows = _csv_rows(fp, name, "StockEtablissement", ETAB_REQUIRED, _ETAB_COLUMNS,
                         None if national else _marker_test(scope.markers()), seen, tick, cleaner)
    for line, row in rows:
        if scope.commune(row["codeCommuneEtablissement"]) is None:
            continue
        seen.kept += 1
        yield Establishment(name, line, *(row.get(c, "") for c in _ETAB_COLUMNS))


def read_unites_legales(fp: BinaryIO, name: str, sirens: set[str], info: SireneFile | None = None,
                        tick: Tick | None = None, cleaning: Cleaning | None = None) -> Iterator[UniteLegale]:
    """The legal units whose SIREN is in `sirens`, from a StockUniteLegale stream (CSV or parquet);
    control characters removed from the cells used, and recorded in `cleaning`."""
    seen = info if info is not None else SireneFile(name)
    cleaner = cleaning if cleaning is not None else Cleaning()
    if _is_parquet(fp):
        rows = _parquet_rows(fp, name, "StockUniteLegale", UL_REQUIRED, _UL_COLUMNS, "siren", sirens, seen,
                             tick, cleaner)
    else:
        def keep(record: str) -> bool:  # the SIREN is the first field, quoted or not
            return record[:9] in sirens or record[1:10] in sirens

        rows = _csv_rows(fp, name, "StockUniteLegale", UL_REQUIRED, _UL_COLUMNS, keep, seen, tick, cleaner)
    for _, row in rows:
        if row["siren"] in sirens:
            seen.kept += 1
            yield UniteLegale(*(row.get(c, "") for c in _UL_COLUMNS))


# ----------------------------------------------------------------------------- one establishment


def _clean(value: str) -> str:
    value = squash_spaces(value)
    return "" if value == _HIDDEN else value


def establishment_name(est: Establishment, unit: UniteLegale | None) -> str:
    """The name people know: the establishment's usual name or sign, else its legal unit's name."""
    for value in (est.denominationUsuelleEtablissement, est.enseigne1Etablissement):
        if _clean(value):
            return _clean(value)
    if unit is not None:
        for value in (unit.denominationUniteLegale, unit.denominationUsuelle1UniteLegale,
                      unit.sigleUniteLegale):
            if _clean(value):
                return _clean(value)
        person = " ".join(v for v in (_clean(unit.prenomUsuelUniteLegale),
                                      _clean(unit.nomUsageUniteLegale) or _clean(unit.nomUniteLegale)) if v)
        if person:
            return person
    return f"Établissement {est.siret}"


def _description(est: Establishment, unit: UniteLegale | None, inference: Inference) -> str:
    parts = []
    siege = est.etablissementSiege.lower() == "true"
    legal_name = _clean(unit.denominationUniteLegale) if unit is not None else ""
    kind = "Siège" if siege else "Établissement secondaire"
    parts.append(f"{kind} de {legal_name}." if legal_name and not siege else f"{kind}.")
    naf = est.activitePrincipaleEtablissement
    if naf:
        division = inference.naf_label(naf) if _naf_rev2(est) else ""
        parts.append(f"Activité principale : {naf}" + (f" ({division})." if division else "."))
    if unit is not None:
        category = unit.categorieJuridiqueUniteLegale
        if category:
            parts.append(f"Catégorie juridique : {category} ({legal.label(category)}).")
        if unit.economieSocialeSolidaireUniteLegale == "O":
            parts.append("Entreprise de l'économie sociale et solidaire (ESS).")
        if unit.societeMissionUniteLegale == "O":
            parts.append("Société à mission.")
    return " ".join(parts)


def _naf_rev2(est: Establishment) -> bool:
    nomenclature = est.nomenclatureActivitePrincipaleEtablissement
    return nomenclature in ("", "NAFRev2")


def sirene_actor(est: Establishment, unit: UniteLegale | None, scope: Scope, inference: Inference) -> Outcome:
    """The actor one establishment becomes (id = SIRET), or the reason it does not."""
    commune = scope.commune(est.codeCommuneEtablissement)
    if commune is None:
        return Outcome(outside=True)
    name = establishment_name(est, unit)

    def reject(reason: str, detail: str = "") -> Outcome:
        return Outcome(reject=Reject(est.file, est.line, reason, est.siret, name,
                                     est.codeCommuneEtablissement, detail))

    if not _SIRET.match(est.siret):
        return reject("identifiant-invalide")
    state = est.etatAdministratifEtablissement
    if state == "F":
        return reject("fermee")
    if state != "A":
        return reject("etat-inconnu", state)
    if est.statutDiffusionEtablissement not in ("", "O") or (
            unit is not None and unit.statutDiffusionUniteLegale not in ("", "O")):
        return Outcome(reject=Reject(est.file, est.line, "non-diffusible", est.siret, "",
                                      est.codeCommuneEtablissement))
    category = unit.categorieJuridiqueUniteLegale if unit is not None else ""
    if category in legal.IMPORTED_AS_COLLECTIVITES:
        return reject("collectivite", f"{category} {legal.label(category)}")
    kind = legal.kind_of(category) if category else legal.kind_from_naf(est.activitePrincipaleEtablissement)
    rna = unit.identifiantAssociationUniteLegale.upper() if unit is not None else ""
    inferred = inference.naf(est.activitePrincipaleEtablissement) if _naf_rev2(est) else ()
    return Outcome(actor=Actor(
        id=est.siret, name=name, kind=kind, territories=(commune,), siren=est.siren, siret=est.siret,
        rna=rna, description=_description(est, unit, inference),
        inferred_sdgs=inferred, created=parse_day(est.dateCreationEtablissement), source="sirene",
    ))
