"""The app's sentences for the registers, the SDG review, long tables, the first visit and the
French texts of Streamlit's own widgets (merged into i18n.STRINGS).

Kept apart from `i18n.py` so this workflow's wording reads in one place; `t()` sees these keys like
any other, and tests/test_ui.py checks them the same way.
"""

from __future__ import annotations

WORKFLOW_STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ registers (Données)
    "reg.title": ("Importer depuis les registres publics", "Import from the public registers"),
    "reg.help": (
        "Les associations du RNA, les établissements de SIRENE et les collectivités d'un territoire "
        "deviennent des acteurs, chacun dans son propre jeu (rna-26, sirene-26, collectivites-26). "
        "Réimporter met ce jeu à jour : les ODD confirmés ou rejetés sont gardés.",
        "Associations from the RNA, establishments from SIRENE and the local authorities of a territory "
        "become actors, each in its own dataset (rna-26, sirene-26, collectivites-26). Importing again "
        "updates that dataset: the SDGs confirmed or rejected are kept.",
    ),
    "reg.admin_only": (
        "Les imports depuis les registres sont réservés aux administrateurs.",
        "Imports from the registers are for administrators only.",
    ),
    "reg.register": ("Registre", "Register"),
    "reg.rna": ("RNA (associations)", "RNA (associations)"),
    "reg.sirene": ("SIRENE (établissements)", "SIRENE (establishments)"),
    "reg.collectivites": ("Collectivités territoriales", "Local authorities"),
    "reg.territory": ("Territoire (code ou nom)", "Territory (code or name)"),
    "reg.territory_help": (
        "Un département (26), une commune (26362), un EPCI (200068781), une région "
        "(region:84) ou un nom sans ambiguïté.",
        "A département (26), a commune (26362), an EPCI (200068781), a région "
        "(region:84) or an unambiguous name.",
    ),
    "reg.territory_is": ("Territoire : **{name}**", "Territory: **{name}**"),
    "reg.rna_files": (
        "Fichiers du RNA (waldec et import, le zip ou le CSV tels que téléchargés)",
        "RNA files (waldec and import, the zip or the CSV as downloaded)",
    ),
    "reg.sirene_files": (
        "Fichier des établissements (StockEtablissement : CSV, parquet ou zip)",
        "Establishments file (StockEtablissement: CSV, parquet or zip)",
    ),
    "reg.sirene_units": (
        "Fichier des unités légales (StockUniteLegale, facultatif)",
        "Legal units file (StockUniteLegale, optional)",
    ),
    "reg.server": ("Fichiers déjà sur le serveur", "Files already on the server"),
    "reg.server_help": (
        "Pour les fichiers de plusieurs gigaoctets : déposez-les dans le dossier {folder} "
        "du serveur, ils apparaissent ici.",
        "For files of several gigabytes: put them in the server's folder {folder}, they show up here.",
    ),
    "reg.server_units": ("Unités légales sur le serveur", "Legal units on the server"),
    "reg.collectivites_note": (
        "Les collectivités viennent du Code officiel géographique livré avec le "
        "projet : aucun fichier à fournir.",
        "Local authorities come from the official geographic code shipped with the project: no file to give.",
    ),
    "reg.dry_run": (
        "Simulation : tout lire et compter, ne rien enregistrer",
        "Dry run: read and count everything, save nothing",
    ),
    "reg.run": ("Lancer l'import", "Run the import"),
    "reg.need_files": ("Ajoutez au moins un fichier.", "Add at least one file."),
    "reg.need_territory": ("Indiquez le territoire à importer.", "Say which territory to import."),
    "reg.reading": ("Lecture des fichiers : {done} sur {total}", "Reading the files: {done} of {total}"),
    "reg.units": (
        "Lecture des unités légales : {done} sur {total}",
        "Reading the legal units: {done} of {total}",
    ),
    "reg.loading": ("Enregistrement : {done} lignes sur {total}", "Saving: {done} rows of {total}"),
    "reg.done": ("Import terminé en {seconds} s.", "Import done in {seconds} s."),
    "reg.rejects": ("Télécharger les lignes écartées ({n})", "Download the rows not imported ({n})"),
    "reg.rejects_none": ("Aucune ligne écartée.", "No row set aside."),
    "reg.review_next": (
        "Étape suivante : confirmer ou rejeter les ODD déduits sur la page « Revue des ODD ».",
        "Next step: confirm or reject the inferred SDGs on the “SDG review” page.",
    ),
    # ------------------------------------------------------------------ SDG review
    "nav.review": ("Revue des ODD", "SDG review"),
    "rev.title": ("Revue des ODD déduits", "Review of the inferred SDGs"),
    "rev.intro": (
        "Les ODD (Objectifs de développement durable) d'un acteur importé d'un registre sont déduits "
        "de son code d'activité ou des mots de son objet : ce sont des suggestions. Confirmez-les ou "
        "rejetez-les ; vos décisions sont gardées quand le registre est réimporté.",
        "The SDGs (Sustainable Development Goals) of an actor imported from a register are inferred from "
        "its activity code or the words of its purpose: they are suggestions. Confirm or reject them; "
        "your decisions are kept when the register is imported again.",
    ),
    "rev.none": ("Aucun ODD déduit n'attend de revue.", "No inferred SDG is waiting for review."),
    "rev.none_match": (
        "Aucun ODD déduit ne correspond à ces filtres.",
        "No inferred SDG matches these filters.",
    ),
    "rev.count": ("{n} ODD déduits à revoir, pour {actors}.", "{n} inferred SDGs to review, for {actors}."),
    "rev.actor_one": ("1 acteur", "1 actor"),
    "rev.actors": ("{n} acteurs", "{n} actors"),
    "rev.count_one": ("1 ODD déduit à revoir.", "1 inferred SDG to review."),
    "rev.filter_territory": ("Territoire", "Territory"),
    "rev.filter_kind": ("Types d'acteurs", "Kinds of actors"),
    "rev.filter_sdg": ("ODD", "SDGs"),
    "rev.filter_confidence": ("Confiance minimale", "Minimum confidence"),
    "rev.filter_text": ("Filtrer par nom", "Filter by name"),
    "rev.col_actor": ("Acteur", "Actor"),
    "rev.col_kind": ("Type", "Kind"),
    "rev.col_commune": ("Commune", "Commune"),
    "rev.col_sdg": ("ODD", "SDG"),
    "rev.col_confidence": ("Confiance", "Confidence"),
    "rev.col_source": ("Source", "Source"),
    "rev.col_trigger": ("Déclenché par", "Triggered by"),
    "rev.col_dataset": ("Jeu", "Dataset"),
    "rev.source_rna": ("code objet social du RNA {code}", "RNA social-object code {code}"),
    "rev.source_naf": ("code d'activité NAF {code}", "NAF activity code {code}"),
    "rev.source_word": ("mot « {code} » de l'objet", "word “{code}” in the purpose"),
    "rev.kind_rna": ("code RNA", "RNA code"),
    "rev.kind_naf": ("code NAF", "NAF code"),
    "rev.kind_word": ("mot-clé", "keyword"),
    "rev.confirm": ("Confirmer la sélection ({n})", "Confirm the selection ({n})"),
    "rev.reject": ("Rejeter la sélection ({n})", "Reject the selection ({n})"),
    "rev.select_all": ("Tout sélectionner (lignes filtrées)", "Select all (filtered rows)"),
    "rev.pick_some": (
        "Cochez des lignes du tableau (case à gauche) ou « Tout sélectionner » pour les confirmer ou les "
        "rejeter.",
        "Tick rows of the table (box on the left) or “Select all” to confirm or reject them.",
    ),
    "rev.confirmed": ("{n} ODD confirmés.", "{n} SDGs confirmed."),
    "rev.confirmed_one": ("1 ODD confirmé.", "1 SDG confirmed."),
    "rev.rejected": (
        "{n} ODD rejetés : ils ne seront plus déduits.",
        "{n} SDGs rejected: they will not be inferred again.",
    ),
    "rev.rejected_one": (
        "1 ODD rejeté : il ne sera plus déduit.",
        "1 SDG rejected: it will not be inferred again.",
    ),
    "rev.read_only": (
        "Votre rôle ({role}) permet de lire cette liste, pas de la modifier.",
        "Your role ({role}) lets you read this list, not change it.",
    ),
    "rev.shown_cut": (
        "Les {shown} premières lignes sont affichées ; resserrez les filtres pour voir les autres "
        "(toutes sont dans le CSV).",
        "The first {shown} rows are shown; narrow the filters to see the others (all are in the CSV).",
    ),
    # ------------------------------------------------------------------ tables and pickers
    "tbl.filter": ("Filtrer le tableau", "Filter the table"),
    "tbl.rows": ("{shown} lignes sur {total}", "{shown} rows of {total}"),
    "tbl.download": ("Télécharger en CSV", "Download as CSV"),
    "tbl.dup_group": ("Groupe", "Group"),
    "tbl.dup_size": ("Taille du groupe", "Group size"),
    "tbl.dup_similarity": ("Ressemblance", "Similarity"),
    "pick.type": (
        "Tapez quelques lettres du nom ci-dessus : les noms qui les contiennent s'afficheront.",
        "Type a few letters of the name above: the names containing them will show.",
    ),
    "pick.none": ("Aucun nom ne contient « {text} ».", "No name contains “{text}”."),
    "pick.placeholder": ("Quelques lettres du nom", "A few letters of the name"),
    "pick.search_alliance": ("Rechercher une alliance (nom)", "Search an alliance (name)"),
    # ------------------------------------------------------------------ first visit
    "first.other_pages": ("Les autres pages", "The other pages"),
    "first.step1": (
        "**1. Choisissez votre territoire** : la page Territoires montre qui y agit, sur quels ODD, et "
        "ce qui manque.",
        "**1. Choose your territory**: the Territories page shows who acts there, on which SDGs, and "
        "what is missing.",
    ),
    "first.step2": (
        "**2. Regardez qui se recoupe et qui se complète** : Chevauchements, Complémentarités.",
        "**2. See who overlaps and who complements whom**: Overlaps, Complementarities.",
    ),
    "first.step3": (
        "**3. Diagnostiquez une alliance** au regard de la charte, puis importez vos propres "
        "données (page Données).",
        "**3. Diagnose an alliance** against the charter, then import your own data (Data page).",
    ),
    "first.choose": ("Choisir mon territoire", "Choose my territory"),
    "first.charter": (
        "**La charte des alliances d'intérêt général** fixe 21 leviers : des principes (ancrage "
        "territorial, gouvernance partagée, contribution aux ODD…) et des moyens (temps, compétences, "
        "financements…). Les diagnostics de l'application les suivent un à un.",
        "**The charter of general-interest alliances** sets 21 levers: principles (territorial roots, "
        "shared governance, contribution to the SDGs…) and means (time, skills, funding…). The app's "
        "diagnoses follow them one by one.",
    ),
    "first.charter_link": ("Lire la charte résumée", "Read the charter summary"),
    "about.title": ("À propos", "About"),
    "about.location": ("Emplacement : {location}", "Location: {location}"),
    "about.versions": ("Versions : {versions}", "Versions: {versions}"),
    # ------------------------------------------------------------------ Streamlit's own widgets
    "st.drop": ("Glissez-déposez vos fichiers ici", "Drag and drop files here"),
    "st.limit": ("{mb} Mo maximum par fichier", "Limit {mb} MB per file"),
    "st.browse": ("Parcourir", "Browse files"),
    "st.no_results": ("Aucun résultat", "No results"),
}
