"""What an import did, in numbers and in words (French first), for the CLI and the Données page."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecosystem.importers.cleaning import Cleaned
from ecosystem.importers.merge import MergeCounts
from ecosystem.importers.rejects import REASONS, reason_text

DATASET_NAMES = {
    "rna": "Associations du RNA", "sirene": "Établissements SIRENE",
    "collectivites": "Collectivités territoriales",
}
REGISTER_LABELS = {
    "rna": ("RNA (associations)", "RNA (associations)"),
    "sirene": ("SIRENE (établissements)", "SIRENE (establishments)"),
    "collectivites": ("collectivités territoriales", "local authorities"),
}
STEPS = {
    "lecture": ("Lecture", "Reading"),
    "unites-legales": ("Unités légales", "Legal units"),
    "chargement": ("Chargement", "Loading"),
}
"""Steps reported to progress callbacks as progress(step, done, total)."""
WARNINGS = {
    "sans-unites-legales": (
        "sans le fichier des unités légales (--unites-legales StockUniteLegale.csv), les noms, les types "
        "d'acteurs et les rapprochements avec le RNA sont incomplets",
        "without the legal-unit file (--unites-legales StockUniteLegale.csv), names, kinds of actors and "
        "links with the RNA are incomplete"),
    "alsace-moselle": (
        "les associations d'Alsace-Moselle (57, 67, 68) relèvent du droit local et ne sont pas au RNA : "
        "elles sont inscrites au registre des associations du tribunal judiciaire",
        "associations of Alsace-Moselle (57, 67, 68) fall under local law and are not in the RNA: they "
        "are registered with the local court"),
}


@dataclass(frozen=True, slots=True)
class FileRead:
    name: str
    layout: str
    encoding: str
    rows: int


@dataclass(frozen=True)
class ImportSummary:
    register: str  # "rna", "sirene", "collectivites"
    dataset_id: str
    dataset_name: str
    territory: str  # territory id
    territory_label: str
    files: tuple[FileRead, ...]
    rows: int  # records read in the files (header excluded)
    outside: int  # valid rows of other territories, ignored
    rejected: dict[str, int]  # reason -> rows not imported (in the territory), in REASONS order
    merge: MergeCounts
    linked: int  # records folded into an actor of another register (one-actor rule)
    linked_datasets: tuple[str, ...]  # other import datasets updated because of it
    inferred_actors: int  # active actors with at least one inferred SDG
    inferred_links: int
    status: str  # store load status: "loaded", "replaced", "unchanged", or "dry-run"
    warnings: tuple[str, ...] = field(default=())  # codes of WARNINGS
    cleaned: Cleaned = field(default=Cleaned())  # cells whose control characters were removed

    @property
    def dry_run(self) -> bool:
        return self.status == "dry-run"

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    def lines(self, lang: str = "fr") -> list[str]:
        """The summary as short lines of text."""
        return (_lines_fr(self) if lang == "fr" else _lines_en(self)) + self.cleaned.lines(lang)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def _reasons(summary: ImportSummary, lang: str) -> list[str]:
    return [f"  - {reason_text(code, lang)} : {_n(summary.rejected[code])}" if lang == "fr"
            else f"  - {reason_text(code, lang)}: {_n(summary.rejected[code])}"
            for code in REASONS if summary.rejected.get(code)]


def _lines_fr(s: ImportSummary) -> list[str]:
    m = s.merge
    head = "Simulation (--dry-run) : rien n'a été enregistré." if s.dry_run else {
        "loaded": "Jeu de données créé.", "replaced": "Jeu de données mis à jour.",
        "unchanged": "Rien n'a changé depuis le dernier import."}.get(s.status, s.status)
    lines = [f"Import {REGISTER_LABELS[s.register][0]} → jeu « {s.dataset_id} » ({s.territory_label})", head]
    for f in s.files:
        lines.append(f"Fichier {f.name} : {f.layout}, {f.encoding}, {_n(f.rows)} lignes")
    lines.append(f"Importés : {_n(m.active)} actifs (nouveaux {_n(m.added)}, mis à jour {_n(m.updated)}, "
                 f"inchangés {_n(m.unchanged)})")
    if m.reactivated:
        lines.append(f"Réactivés : {_n(m.reactivated)}")
    lines.append(f"Marqués inactifs : {_n(m.inactivated)} "
                 "(dissous, fermés ou disparus du registre ; conservés)")
    if m.kept:
        lines.append(f"Conservés tels quels : {_n(m.kept)} (ligne illisible cette fois-ci)")
    if m.dropped:
        lines.append(f"Retirés : {_n(m.dropped)} (représentés par un autre acteur, ou territoire disparu)")
    if s.linked:
        lines.append(f"Rapprochés RNA ⇄ SIRENE : {_n(s.linked)} (une association = un acteur)"
                     + (f", jeux mis à jour : {', '.join(s.linked_datasets)}" if s.linked_datasets else ""))
    lines.append(f"Écartés : {_n(s.rejected_total)}")
    lines.extend(_reasons(s, "fr"))
    if s.outside:
        lines.append(f"Hors du territoire (ignorés) : {_n(s.outside)}")
    if s.register != "collectivites":
        lines.append(f"ODD déduits (à confirmer) : {_n(s.inferred_links)} liens pour {_n(s.inferred_actors)} "
                     "acteurs ; ce sont des suggestions du projet, pas des déclarations")
    lines.extend(f"Attention : {WARNINGS[w][0]}" for w in s.warnings)
    return lines


def _lines_en(s: ImportSummary) -> list[str]:
    m = s.merge
    head = "Dry run: nothing was saved." if s.dry_run else {
        "loaded": "Dataset created.", "replaced": "Dataset updated.",
        "unchanged": "Nothing changed since the last import."}.get(s.status, s.status)
    title = f"Import {REGISTER_LABELS[s.register][1]} -> dataset '{s.dataset_id}' ({s.territory_label})"
    lines = [title, head]
    for f in s.files:
        lines.append(f"File {f.name}: {f.layout}, {f.encoding}, {_n(f.rows)} rows")
    lines.append(f"Imported: {_n(m.active)} active (new {_n(m.added)}, updated {_n(m.updated)}, "
                 f"unchanged {_n(m.unchanged)})")
    if m.reactivated:
        lines.append(f"Reactivated: {_n(m.reactivated)}")
    lines.append(f"Marked inactive: {_n(m.inactivated)} (dissolved, closed or gone from the register; kept)")
    if m.kept:
        lines.append(f"Kept as they were: {_n(m.kept)} (unreadable row this time)")
    if m.dropped:
        lines.append(f"Removed: {_n(m.dropped)} (represented by another actor, or territory gone)")
    if s.linked:
        lines.append(f"Matched RNA <-> SIRENE: {_n(s.linked)} (one association, one actor)"
                     + (f", datasets updated: {', '.join(s.linked_datasets)}" if s.linked_datasets else ""))
    lines.append(f"Not imported: {_n(s.rejected_total)}")
    lines.extend(_reasons(s, "en"))
    if s.outside:
        lines.append(f"Outside the territory (ignored): {_n(s.outside)}")
    if s.register != "collectivites":
        lines.append(f"Inferred SDGs (to be confirmed): {_n(s.inferred_links)} links for "
                     f"{_n(s.inferred_actors)} actors; suggestions of the project, not declarations")
    lines.extend(f"Warning: {WARNINGS[w][1]}" for w in s.warnings)
    return lines
