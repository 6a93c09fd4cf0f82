"""An import summary in words: one function per line code and per language.

`ImportSummary.findings()` says which lines there are and their numbers; this module only writes
them, so the French and the English summaries can never disagree on what they report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ecosystem.finding import Finding
from ecosystem.importers.rejects import reason_text

REGISTER_LABELS = {
    "rna": ("RNA (associations)", "RNA (associations)"),
    "sirene": ("SIRENE (établissements)", "SIRENE (establishments)"),
    "collectivites": ("collectivités territoriales", "local authorities"),
}
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
"""The text of each warning code, French then English."""

_STATUS = {
    "dry-run": ("Simulation (--dry-run) : rien n'a été enregistré.", "Dry run: nothing was saved."),
    "loaded": ("Jeu de données créé.", "Dataset created."),
    "replaced": ("Jeu de données mis à jour.", "Dataset updated."),
    "unchanged": ("Rien n'a changé depuis le dernier import.", "Nothing changed since the last import."),
}


def n(value: int | None) -> str:
    """A count with a narrow no-break space between thousands.

    >>> n(12345)
    '12\u202f345'
    """
    return f"{value or 0:,}".replace(",", "\u202f")


def lines(findings: Iterable[Finding], lang: str) -> list[str]:
    """The summary's lines in `lang` (a finding may give several: the rejects and their reasons)."""
    says = FR if lang == "fr" else EN
    return [line for f in findings for line in says[f.code](f)]


def _counts(f: Finding) -> dict[str, int]:
    return dict(f.counts)


def _status(f: Finding, index: int) -> str:
    status = f.kinds[0]
    return _STATUS[status][index] if status in _STATUS else status


# ----------------------------------------------------------------------------- French


def _title_fr(f: Finding) -> list[str]:
    return [f"Import {REGISTER_LABELS[f.kinds[0]][0]} → jeu « {f.refs[0].id} » ({f.labels[0]})"]


def _imported_fr(f: Finding) -> list[str]:
    c = _counts(f)
    return [f"Importés : {n(c['active'])} actifs (nouveaux {n(c['added'])}, mis à jour {n(c['updated'])}, "
            f"inchangés {n(c['unchanged'])})"]


def _linked_fr(f: Finding) -> list[str]:
    updated = f", jeux mis à jour : {', '.join(r.id for r in f.refs)}" if f.refs else ""
    return [f"Rapprochés RNA ⇄ SIRENE : {n(f.count)} (une association = un acteur){updated}"]


def _rejected_fr(f: Finding) -> list[str]:
    reasons = [f"  - {reason_text(code, 'fr')} : {n(k)}" for code, k in f.counts]
    return [f"Écartés : {n(f.count)}", *reasons]


FR: dict[str, Callable[[Finding], list[str]]] = {
    "title": _title_fr,
    "status": lambda f: [_status(f, 0)],
    "file": lambda f: [f"Fichier {f.refs[0].name} : {f.labels[0]}, {f.labels[1]}, {n(f.count)} lignes"],
    "imported": _imported_fr,
    "reactivated": lambda f: [f"Réactivés : {n(f.count)}"],
    "inactivated": lambda f: [f"Marqués inactifs : {n(f.count)} (dissous, fermés ou disparus du registre ; "
                              "conservés)"],
    "kept": lambda f: [f"Conservés tels quels : {n(f.count)} (ligne illisible cette fois-ci)"],
    "dropped": lambda f: [f"Retirés : {n(f.count)} (représentés par un autre acteur, ou territoire disparu)"],
    "linked": _linked_fr,
    "rejected": _rejected_fr,
    "outside": lambda f: [f"Hors du territoire (ignorés) : {n(f.count)}"],
    "inferred": lambda f: [f"ODD déduits (à confirmer) : {n(f.count)} liens pour {n(f.total)} acteurs ; "
                           "ce sont des suggestions du projet, pas des déclarations"],
    "warning": lambda f: [f"Attention : {WARNINGS[f.kinds[0]][0]}"],
}
"""Each line code in French."""


# ----------------------------------------------------------------------------- English


def _title_en(f: Finding) -> list[str]:
    return [f"Import {REGISTER_LABELS[f.kinds[0]][1]} -> dataset '{f.refs[0].id}' ({f.labels[0]})"]


def _imported_en(f: Finding) -> list[str]:
    c = _counts(f)
    return [f"Imported: {n(c['active'])} active (new {n(c['added'])}, updated {n(c['updated'])}, "
            f"unchanged {n(c['unchanged'])})"]


def _linked_en(f: Finding) -> list[str]:
    updated = f", datasets updated: {', '.join(r.id for r in f.refs)}" if f.refs else ""
    return [f"Matched RNA <-> SIRENE: {n(f.count)} (one association, one actor){updated}"]


def _rejected_en(f: Finding) -> list[str]:
    reasons = [f"  - {reason_text(code, 'en')}: {n(k)}" for code, k in f.counts]
    return [f"Not imported: {n(f.count)}", *reasons]


EN: dict[str, Callable[[Finding], list[str]]] = {
    "title": _title_en,
    "status": lambda f: [_status(f, 1)],
    "file": lambda f: [f"File {f.refs[0].name}: {f.labels[0]}, {f.labels[1]}, {n(f.count)} rows"],
    "imported": _imported_en,
    "reactivated": lambda f: [f"Reactivated: {n(f.count)}"],
    "inactivated": lambda f: [f"Marked inactive: {n(f.count)} (dissolved, closed or gone from the register; "
                              "kept)"],
    "kept": lambda f: [f"Kept as they were: {n(f.count)} (unreadable row this time)"],
    "dropped": lambda f: [f"Removed: {n(f.count)} (represented by another actor, or territory gone)"],
    "linked": _linked_en,
    "rejected": _rejected_en,
    "outside": lambda f: [f"Outside the territory (ignored): {n(f.count)}"],
    "inferred": lambda f: [f"Inferred SDGs (to be confirmed): {n(f.count)} links for {n(f.total)} actors; "
                           "suggestions of the project, not declarations"],
    "warning": lambda f: [f"Warning: {WARNINGS[f.kinds[0]][1]}"],
}
"""Each line code in English."""
