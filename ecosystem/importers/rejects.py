"""Rows that are not imported, and why: the reasons, the reject records and the rejects CSV.

A dirty row never stops an import: it becomes a `Reject` with one of the reasons below, counted in the
summary and, on request, written to a CSV that opens in Excel (UTF-8 with BOM, `;`), so that a person
can check the register's own data.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

REASONS: dict[str, tuple[str, str]] = {
    # code: (French, English)
    "dissoute": ("association dissoute (position D)", "dissolved association (position D)"),
    "supprimee": ("association supprimée (position S)", "deleted association (position S)"),
    "reprise": ("reprise sous un autre numéro (position R)", "taken over under another number (position R)"),
    "position-inconnue": ("position inconnue (ni A, D, S ni R)", "unknown position (not A, D, S or R)"),
    "fermee": ("établissement fermé (état F)", "closed establishment (state F)"),
    "etat-inconnu": ("état administratif inconnu (ni A ni F)", "unknown administrative state (not A or F)"),
    "commune-manquante": ("code commune vide", "empty commune code"),
    "commune-inconnue": ("code commune inconnu", "unknown commune code"),
    "identifiant-invalide": ("numéro RNA ou SIRET invalide", "invalid RNA number or SIRET"),
    "nom-manquant": ("nom vide", "empty name"),
    "ligne-mal-formee": ("ligne mal formée (nombre de colonnes)", "malformed line (number of columns)"),
    "doublon": ("numéro déjà vu plus haut dans les fichiers", "number already seen earlier in the files"),
    "non-diffusible": ("diffusion partielle demandée par la personne : non importé",
                       "partial diffusion requested by the person: not imported"),
    "collectivite": ("collectivité territoriale : importée par « ecosystem import collectivites »",
                     "local authority: imported by `ecosystem import collectivites`"),
    "deja-present": ("déjà présent dans un autre jeu de données", "already in another dataset"),
    "deja-saisi": ("déjà saisi à la main dans un jeu de données (numéro RNA ou SIRET)",
                   "already entered by hand in a dataset (RNA number or SIRET)"),
}
"""Every reason a row is not imported. Order = order of the summary."""

STATUS_REASONS = frozenset({"dissoute", "supprimee", "reprise", "fermee"})
"""Reasons that say the entity itself is gone: a previously imported actor becomes inactive."""


def reason_text(code: str, lang: str = "fr") -> str:
    fr, en = REASONS[code]
    return fr if lang == "fr" else en


@dataclass(frozen=True, slots=True)
class Reject:
    """One row not imported. `line` is the line number in its file (header = 1)."""

    file: str
    line: int
    reason: str
    id: str = ""
    name: str = ""
    commune: str = ""
    detail: str = ""

    def __post_init__(self) -> None:
        if self.reason not in REASONS:
            raise ValueError(f"unknown reject reason {self.reason!r}")


RejectSink = Callable[[Reject], None]

REJECT_COLUMNS = ("fichier", "ligne", "motif", "explication", "identifiant", "nom", "code_commune", "detail")


class RejectsWriter:
    """Writes rejects as they come, as a CSV for Excel (`;`, CRLF; open the text stream with
    encoding="utf-8-sig" and newline="")."""

    def __init__(self, out: TextIO, lang: str = "fr") -> None:
        self._writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        self._writer.writerow(REJECT_COLUMNS)
        self._lang = lang
        self.count = 0

    def __call__(self, reject: Reject) -> None:
        explained = reason_text(reject.reason, self._lang)
        self._writer.writerow((reject.file, reject.line, reject.reason, explained, reject.id, reject.name,
                               reject.commune, reject.detail))
        self.count += 1
