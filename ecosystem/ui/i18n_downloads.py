"""The app's sentences about files made on demand (merged into i18n.STRINGS): preparing one, saving
it, and why it could not be made."""

from __future__ import annotations

DOWNLOAD_STRINGS: dict[str, tuple[str, str]] = {
    "download.making": ("Préparation du fichier…", "Preparing the file…"),
    "download.save": ("Enregistrer {name} ({size})", "Save {name} ({size})"),
    "download.save_help": (
        "Le fichier est prêt : ce bouton l'enregistre sur votre ordinateur. Il reflète les données au "
        "moment où il a été préparé.",
        "The file is ready: this button saves it on your computer. It reflects the data as they were "
        "when it was prepared."),
    "download.failed": ("Le fichier « {name} » n'a pas pu être préparé : {why}",
                        "The file \"{name}\" could not be prepared: {why}"),
    "download.unexpected": (
        "une erreur inattendue s'est produite (le détail est dans le journal du serveur). Réessayez ; si "
        "l'erreur revient, signalez-la avec l'heure.",
        "an unexpected error occurred (the details are in the server's log). Try again; if it happens "
        "again, report it with the time."),
    "download.bytes": ("{n} octets", "{n} bytes"),
    "download.kb": ("{n} ko", "{n} KB"),
    "download.mb": ("{n} Mo", "{n} MB"),
}
