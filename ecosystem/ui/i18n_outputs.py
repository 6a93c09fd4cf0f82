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
    "outputs.map_png": ("Image PNG de la carte", "Map as a PNG picture"),
    "outputs.map_svg": ("Image SVG de la carte", "Map as an SVG picture"),
    "outputs.map_help": (
        "La carte telle qu'elle est dessinée, avec son titre, ses filtres et sa légende écrits dessus, "
        "au format A4 paysage : à coller dans une présentation ou un compte rendu (SVG : modifiable).",
        "The map as drawn, with its title, filters and legend written on it, A4 landscape: to paste into "
        "a slide or a report (SVG: editable)."),
}
