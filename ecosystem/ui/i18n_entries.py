"""The app's sentences about self-assessment entries: who wrote them, correcting and deleting one
(merged into i18n.STRINGS like i18n_access)."""

from __future__ import annotations

ENTRY_STRINGS: dict[str, tuple[str, str]] = {
    "entries.title": ("Entrées de l'autoévaluation", "Self-assessment entries"),
    "entries.intro": ("Une entrée peut être corrigée ou supprimée par la personne qui l'a enregistrée, "
                      "ou par un administrateur ; chaque correction et chaque suppression est inscrite "
                      "au journal.",
                      "An entry can be corrected or deleted by the person who recorded it, or by an "
                      "administrator; each correction and each deletion is written to the audit log."),
    "entries.line": ("**{when}** · {lever} · note {score}/3 · {who}",
                     "**{when}** · {lever} · score {score}/3 · {who}"),
    "entries.by": ("par {name}", "by {name}"),
    "entries.from_file": ("fichier du jeu de données", "dataset file"),
    "entries.correct": ("Corriger", "Correct"),
    "entries.delete": ("Supprimer", "Delete"),
    "entries.confirm_delete": ("Supprimer l'entrée du {when} ({lever}, note {score}/3) ? Elle disparaîtra de "
                               "l'historique et du diagnostic.",
                               "Delete the entry of {when} ({lever}, score {score}/3)? It will leave the "
                               "history and the diagnosis."),
    "entries.confirm": ("Confirmer la suppression", "Confirm the deletion"),
    "entries.cancel": ("Annuler", "Cancel"),
    "entries.correct_title": ("Corriger l'entrée du {when} ({lever})",
                              "Correct the entry of {when} ({lever})"),
    "entries.score": ("Note", "Score"),
    "entries.comment": ("Commentaire", "Comment"),
    "entries.save": ("Enregistrer la correction", "Save the correction"),
    "entries.corrected": ("Entrée du {when} ({lever}) corrigée.", "Entry of {when} ({lever}) corrected."),
    "entries.deleted": ("Entrée du {when} ({lever}) supprimée.", "Entry of {when} ({lever}) deleted."),
    "entries.gone": ("Cette entrée n'existe plus : quelqu'un l'a peut-être supprimée entre-temps.",
                     "This entry no longer exists: someone may have deleted it meanwhile."),
}
