"""The app's sentences about editing records, what-if scenarios and the evolution of a dataset
(merged into i18n.STRINGS, like i18n_access)."""

from __future__ import annotations

EDITING_STRINGS: dict[str, tuple[str, str]] = {
    "nav.edit": ("Modifier", "Edit"),
    "nav.evolution": ("Évolution", "Evolution"),
    "edit.title": ("Modifier les données", "Edit the data"),
    "edit.intro": (
        "Créez, corrigez ou retirez un acteur, une politique ou une alliance, changez les membres d'une "
        "alliance, ou essayez un partenaire avant de l'inviter. Chaque modification enregistrée est une "
        "nouvelle version du jeu de données : la précédente reste dans l'historique (page Données) et peut "
        "être restaurée.",
        "Create, correct or retire an actor, a policy or an alliance, change an alliance's members, or try "
        "a partner before inviting them. Each change saved is a new version of the dataset: the previous "
        "one stays in the history (Data page) and can be restored."),
    "edit.tab_records": ("Fiches", "Records"),
    "edit.tab_members": ("Membres d'une alliance", "Alliance members"),
    "edit.tab_whatif": ("Et si… ?", "What if…?"),
    "edit.no_dataset": ("Aucun jeu de données n'est chargé : importez-en un sur la page Données.",
                        "No dataset is loaded: import one on the Data page."),
    "edit.no_editable": ("Aucun jeu de données ne vous est ouvert en écriture : demandez à un "
                         "administrateur de vous en confier un.",
                         "No dataset is open to you for writing: ask an administrator to grant you one."),
    "edit.dataset": ("Jeu de données", "Dataset"),
    "edit.kind": ("Type de fiche", "Kind of record"),
    "edit.kind_actor": ("Acteur", "Actor"),
    "edit.kind_policy": ("Politique publique", "Public policy"),
    "edit.kind_alliance": ("Alliance", "Alliance"),
    "edit.record": ("Fiche", "Record"),
    "edit.new": ("+ Nouvelle fiche", "+ New record"),  # no emoji: browsers without an emoji font draw a box
    "edit.search": ("Chercher une fiche par son nom", "Search a record by name"),
    "edit.matches": ("{n} fiches trouvées, les {shown} premières sont proposées.",
                     "{n} records found, the first {shown} are offered."),
    "edit.form_help": (
        "Les cases se remplissent comme dans le classeur : plusieurs valeurs séparées par « ; », les "
        "territoires par leur nom ou leur code (« Romans-sur-Isère ; 26058 »), les ODD par leur numéro. "
        "Les mêmes vérifications qu'à l'import s'appliquent.",
        "Cells are filled in as in the workbook: several values separated by \";\", territories by name or "
        "code (\"Romans-sur-Isère; 26058\"), SDGs by number. The same checks as an import apply."),
    "edit.save": ("Enregistrer", "Save"),
    "edit.create": ("Créer", "Create"),
    "edit.saved": ("Fiche « {name} » enregistrée : nouvelle version du jeu {dataset}.",
                   "Record \"{name}\" saved: new version of the dataset {dataset}."),
    "edit.invalid_one": ("La fiche n'a pas été enregistrée : un problème à corriger.",
                         "The record was not saved: one problem to fix."),
    "edit.invalid_many": ("La fiche n'a pas été enregistrée : {n} problèmes à corriger.",
                          "The record was not saved: {n} problems to fix."),
    "edit.retire": ("Retirer cette fiche", "Retire this record"),
    "edit.retire_confirm": ("Je confirme le retrait de « {name} » (il reste dans l'historique)",
                            "I confirm retiring \"{name}\" (it stays in the history)"),
    "edit.retire_needs_confirm": ("Cochez d'abord la case de confirmation.",
                                  "Tick the confirmation box first."),
    "edit.retired": ("Fiche « {name} » retirée du jeu {dataset} ; la version précédente est dans "
                     "l'historique.",
                     "Record \"{name}\" retired from the dataset {dataset}; the previous version is in the "
                     "history."),
    "edit.read_only": ("Votre rôle ({role}) ne permet pas de modifier les données : vous pouvez essayer des "
                       "partenaires dans « Et si… ? », sans rien enregistrer.",
                       "Your role ({role}) does not allow changing the data: you can try partners in "
                       "\"What if…?\", without saving anything."),
    "edit.alliance": ("Alliance", "Alliance"),
    "edit.no_alliance": ("Ce jeu de données n'a aucune alliance : créez-en une dans « Fiches ».",
                         "This dataset has no alliance: create one in \"Records\"."),
    "edit.members": ("Membres", "Members"),
    "edit.role_of": ("Rôle de {name}", "Role of {name}"),
    "edit.members_saved": ("Membres de « {name} » enregistrés ({n}).", "Members of \"{name}\" saved ({n})."),
    "whatif.intro": (
        "Ajoutez ou retirez des partenaires et voyez le diagnostic changer, principe par principe, avant "
        "d'enregistrer quoi que ce soit.",
        "Add or remove partners and see the diagnosis change, principle by principle, before anything is "
        "saved."),
    "whatif.complements": ("Partenaires complémentaires suggérés", "Suggested complementary partners"),
    "whatif.search": ("Ou chercher n'importe quel acteur par son nom", "Or search any actor by name"),
    "whatif.found": ("Acteurs trouvés", "Actors found"),
    "whatif.choose": ("Choisissez…", "Choose…"),
    "whatif.search_first": ("Tapez d'abord un nom ci-dessus", "Type a name above first"),
    "whatif.remove": ("Membres à retirer", "Members to remove"),
    "whatif.nothing": ("Choisissez des partenaires à ajouter ou à retirer pour voir la différence.",
                       "Choose partners to add or remove to see the difference."),
    "whatif.col_principle": ("Principe", "Principle"),
    "whatif.col_before": ("Aujourd'hui", "Today"),
    "whatif.col_after": ("Avec ce changement", "With this change"),
    "whatif.col_change": ("Évolution", "Change"),
    "whatif.better": ("mieux", "better"),
    "whatif.worse": ("moins bien", "worse"),
    "whatif.same": ("inchangé", "unchanged"),
    "whatif.score_up": ("note en hausse", "score up"),
    "whatif.score_down": ("note en baisse", "score down"),
    "whatif.before": ("Aujourd'hui", "Today"),
    "whatif.after": ("Avec ce changement", "With this change"),
    "whatif.scenario_name": ("Nom du scénario", "Scenario name"),
    "whatif.keep": ("Garder ce scénario", "Keep this scenario"),
    "whatif.kept": ("Scénario « {name} » gardé.", "Scenario \"{name}\" kept."),
    "whatif.apply": ("Appliquer : enregistrer ces membres", "Apply: save these members"),
    "whatif.applied": ("Scénario appliqué : les membres de « {name} » sont enregistrés.",
                       "Scenario applied: the members of \"{name}\" are saved."),
    "whatif.scenarios": ("Scénarios gardés", "Kept scenarios"),
    "whatif.load": ("Reprendre", "Open"),
    "whatif.delete": ("Supprimer", "Delete"),
    "whatif.scenario_line": ("« {name} » : +{added} / −{removed} ({by}, {at})",
                             "\"{name}\": +{added} / −{removed} ({by}, {at})"),
    "whatif.not_granted": ("Vous pouvez essayer librement ; garder ou appliquer un scénario demande le droit "
                           "de modifier le jeu de données de cette alliance.",
                           "You may try freely; keeping or applying a scenario needs the right to edit "
                           "this alliance's dataset."),
    "evo.title": ("Évolution d'un jeu de données", "Evolution of a dataset"),
    "evo.intro": (
        "Comparez deux versions d'un jeu de données (deux imports du RNA, avant et après une "
        "modification) : qui est apparu, qui est parti, dont les ODD ou les territoires ont changé, et "
        "quelles lacunes se sont ouvertes ou comblées, territoire par territoire.",
        "Compare two versions of a dataset (two imports of the RNA, before and after an edit): who "
        "appeared, who left, whose SDGs or territories changed, and which gaps opened or closed, territory "
        "by territory."),
    "evo.no_history": ("Ce jeu de données n'a pas encore d'autre version à comparer : chaque import ou "
                       "modification en crée une.",
                       "This dataset has no other version to compare yet: each import or edit makes one."),
    "evo.from": ("Depuis", "From"),
    "evo.to": ("Jusqu'à", "To"),
    "evo.live": ("version actuelle", "live version"),
    "evo.version": ("version {n} ({at}, {by})", "version {n} ({at}, {by})"),
    "evo.version_anonymous": ("version {n} ({at})", "version {n} ({at})"),
    "evo.level": ("Territoires comparés", "Territories compared"),
    "evo.appeared": ("Apparus", "Appeared"),
    "evo.left": ("Partis", "Left"),
    "evo.changed": ("Modifiés", "Changed"),
    "evo.col_actor": ("Acteur", "Actor"),
    "evo.col_kind": ("Type", "Kind"),
    "evo.col_what": ("Ce qui a changé", "What changed"),
    "evo.col_before": ("Avant", "Before"),
    "evo.col_after": ("Après", "After"),
    "evo.sdgs": ("ODD", "SDGs"),
    "evo.territories": ("territoires", "territories"),
    "evo.json": ("Télécharger (JSON)", "Download (JSON)"),
}
