"""The app's sentences about accounts, roles, the audit log and history (merged into i18n.STRINGS).

Kept apart from `i18n.py` so the shared instance's wording reads in one place; `t()` sees these keys
like any other, and tests/test_ui.py checks them the same way.
"""

from __future__ import annotations

ACCESS_STRINGS: dict[str, tuple[str, str]] = {
    "access.local_admin": (
        "Vous utilisez l'application seul, sur cet ordinateur : aucun compte n'est configuré, vous êtes "
        "donc son administrateur local. Elle n'est joignable que depuis cette machine (127.0.0.1). Pour la "
        "partager, créez des comptes (ecosystem users add) : voir docs/deployment.md.",
        "You are using the app alone, on this computer: no account is configured, so you are its local "
        "administrator. It can only be reached from this machine (127.0.0.1). To share it, create "
        "accounts (ecosystem users add): see docs/deployment.md."),
    "access.refused": ("{message}", "{message}"),
    "access.signed_in": ("Connecté : **{name}** ({role})", "Signed in: **{name}** ({role})"),
    "access.anonymous": ("Lecture seule : connectez-vous pour modifier les données.",
                         "Read only: sign in to change the data."),
    "access.login": ("Se connecter", "Sign in"),
    "access.logout": ("Se déconnecter", "Sign out"),
    "access.name": ("Nom", "Name"),
    "access.password": ("Mot de passe", "Password"),
    "access.login_provider": ("Se connecter avec le fournisseur d'identité",
                              "Sign in with the identity provider"),
    "access.read_only": ("Votre rôle ({role}) ne permet pas de modifier les données : cette section est en "
                         "lecture seule.",
                         "Your role ({role}) does not allow changing the data: this section is read only."),
    "access.not_granted": ("Vous n'avez pas de droit d'écriture sur cette alliance : l'autoévaluation est en "
                           "lecture seule.",
                           "You may not write to this alliance: the self-assessment is read only."),
    "assess.saved_one": ("{n} levier enregistré au {when}.", "{n} lever saved on {when}."),
    "history.title": ("Historique et restauration", "History and restore"),
    "history.help": ("Les versions précédentes de chaque jeu sont gardées (les {n} dernières), "
                     "même après un retrait : choisissez-en une pour la recharger. La version actuelle est "
                     "gardée à son tour.",
                     "Earlier versions of each dataset are kept (the last {n}), even after a "
                     "removal: pick one to load it back. The live version is kept in turn."),
    "history.pick": ("Jeu de données", "Dataset"),
    "history.removed": ("retiré", "removed"),
    "history.none": ("Aucune version précédente n'est gardée pour ce jeu.",
                     "No earlier version is kept for this dataset."),
    "history.pick_version": ("Version à restaurer", "Version to restore"),
    "history.restore": ("Restaurer la version {version}", "Restore version {version}"),
    "history.restored": ("Version {version} de {name} restaurée.", "Version {version} of {name} restored."),
    "history.force_load": ("Importer quand même", "Import anyway"),
    "history.force_restore": ("Restaurer quand même", "Restore anyway"),
    "history.col_version": ("Version", "Version"),
    "history.col_loaded": ("Chargée le", "Loaded on"),
    "history.col_by": ("Par", "By"),
    "history.col_kept": ("Gardée car", "Kept because"),
    "history.reason_replaced": ("remplacée", "replaced"),
    "history.reason_restored_over": ("remplacée par une restauration", "restored over"),
    "history.reason_removed": ("jeu retiré", "dataset removed"),
    "audit.title": ("Journal des modifications", "Audit log"),
    "audit.help": ("Qui a modifié quoi, et quand : réservé aux administrateurs. Les {n} dernières entrées ; "
                   "toutes avec ecosystem audit.",
                   "Who changed what, and when: for administrators only. The last {n} entries; all of them "
                   "with ecosystem audit."),
    "audit.empty": ("Rien n'a encore été modifié.", "Nothing has been changed yet."),
    "audit.col_when": ("Quand", "When"),
    "audit.col_who": ("Qui", "Who"),
    "audit.col_action": ("Action", "Action"),
    "audit.col_dataset": ("Jeu", "Dataset"),
    "audit.col_version": ("Version", "Version"),
    "audit.col_records": ("Enregistrements", "Records"),
    "audit.col_counts": ("Nombres", "Counts"),
}
