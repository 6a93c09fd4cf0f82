"""The app's sentences about the outputs to take to a meeting (merged into i18n.STRINGS)."""

from __future__ import annotations

OUTPUTS_STRINGS: dict[str, tuple[str, str]] = {
    "report.download": ("Télécharger le diagnostic (PDF, une page)",
                        "Download the diagnosis (PDF, one page)"),
    "report.download_help": (
        "Le diagnostic de l'alliance sur une page A4, à imprimer ou à envoyer avant un comité de pilotage : "
        "membres, territoire, graphique des principes, verdicts et suggestions. Même document que la "
        "commande « ecosystem report ».",
        "The alliance's diagnosis on one A4 page, to print or send before a steering committee: members, "
        "territory, the principles' chart, verdicts and suggestions. The same document as the "
        "`ecosystem report` command."),
}
