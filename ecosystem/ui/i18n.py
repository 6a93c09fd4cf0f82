"""Every string the app shows, in French (first) and English, in one place.

`t(key, lang, **values)` returns the text with `{values}` filled in. The domain vocabulary shared with
the analyses' sentences (kinds of actors, levels, statuses, lever names) comes from
`ecosystem.analysis.wording` through the small helpers at the end, so the app and the analyses
never name the same thing two ways. `tests/test_ui.py` checks that every key has both languages
and that every key used in `ecosystem/ui/` exists.
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import import_module

from ecosystem import vocabulary
from ecosystem.analysis import wording
from ecosystem.lang import DEFAULT_LANG, Lang, UnknownLang, parse_lang
from ecosystem.model import ActorKind, Level
from ecosystem.reference import reference
from ecosystem.reference.labels import territory_label

LANGS = tuple(lang.value for lang in Lang)
LANG_NAMES = {"fr": "Français", "en": "English"}

STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ shell
    "app.store": ("Base : {label}", "Store: {label}"),
    "app.store_error": ("La base de données ne répond pas. {message}",
                        "The database does not answer. {message}"),
    "app.error": ("{message}", "{message}"),
    "app.demo_failed": ("Le jeu de démonstration n'a pas pu être chargé : {message}",
                        "The demo dataset could not be loaded: {message}"),
    "nav.home": ("Accueil", "Home"),
    "nav.map": ("Carte", "Map"),
    "nav.territories": ("Territoires", "Territories"),
    "nav.overlaps": ("Chevauchements", "Overlaps"),
    "nav.complements": ("Complémentarités", "Complementarities"),
    "nav.alliances": ("Alliances", "Alliances"),
    "nav.data": ("Données", "Data"),
    "common.none": ("—", "—"),
    "common.empty_store": ("Aucune donnée n'est chargée. Commencez par la page **Données** pour importer "
                           "votre classeur.", "No data is loaded yet. Start with the **Data** page to "
                           "import your workbook."),
    "common.no_alliance": ("Aucune alliance n'est chargée.", "No alliance is loaded."),
    "common.share": ("Le lien de cette page (barre d'adresse) rouvre la même vue : copiez-le pour le "
                     "partager.",
                     "This page's link (address bar) reopens the same view: copy it to share it."),
    "common.level": ("Échelle", "Level"),
    "common.view": ("Voir", "View"),
    "common.table": ("Le tableau (à copier dans un tableur)", "The table (to copy into a spreadsheet)"),
    "common.actor": ("Acteur", "Actor"),
    "common.kind": ("Type", "Kind"),
    "common.name": ("Nom", "Name"),
    "common.reason": ("Pourquoi", "Why"),
    "common.score": ("Score", "Score"),
    "common.search_actor": ("Rechercher un acteur (nom)", "Search an actor (name)"),
    "common.choose_actor": ("Acteur", "Actor"),
    "common.choose_alliance": ("Alliance", "Alliance"),
    "common.nothing_found": ("Aucun résultat pour « {text} ».", "Nothing found for “{text}”."),
    "common.more": ("et {n} autres", "and {n} more"),
    # ------------------------------------------------------------------ territory picker
    "terr.search": ("Rechercher un territoire (région, département, EPCI, commune)",
                    "Search a territory (region, département, EPCI, municipality)"),
    "terr.results": ("Résultats", "Results"),
    "terr.pick": ("Choisir…", "Choose…"),
    "terr.down": ("Descendre vers…", "Go down to…"),
    "terr.up": ("Remonter", "Go up"),
    "terr.clear": ("Tous les territoires", "All territories"),
    "terr.current": ("Territoire choisi : **{name}**", "Chosen territory: **{name}**"),
    "terr.current_none": ("Territoire : **tous**", "Territory: **all**"),
    # ------------------------------------------------------------------ home
    "home.title": ("Écosystème des alliances d'intérêt général", "Ecosystem of general-interest alliances"),
    "home.intro": (
        "Cartographiez les acteurs d'un territoire, les ODD (Objectifs de développement durable) sur "
        "lesquels ils agissent, les politiques publiques et les alliances ; repérez les chevauchements et "
        "les complémentarités ; confrontez une alliance à la Charte du « faire alliance ».",
        "Map a territory's actors, the SDGs (Sustainable Development Goals) they work on, public policies "
        "and alliances; find overlaps and complementarities; test an alliance against the Charte du "
        "« faire alliance ».",
    ),
    "home.store": ("Base utilisée", "Store in use"),
    "home.store_embedded": ("base intégrée (aucune installation)", "embedded store (no setup)"),
    "home.store_neo4j": ("Neo4j", "Neo4j"),
    "home.loaded": ("Ce qui est chargé", "What is loaded"),
    "home.actors": ("Acteurs", "Actors"),
    "home.alliances": ("Alliances", "Alliances"),
    "home.policies": ("Politiques publiques", "Public policies"),
    "home.memberships": ("Adhésions", "Memberships"),
    "home.assessments": ("Autoévaluations", "Self-assessments"),
    "home.by_kind": ("Acteurs par type", "Actors by kind"),
    "home.datasets": ("Jeux de données", "Datasets"),
    "home.dataset_loaded_at": ("chargé le {when}", "loaded on {when}"),
    "home.dataset_counts": ("{actors} acteurs, {policies} politiques, {alliances} alliances",
                            "{actors} actors, {policies} policies, {alliances} alliances"),
    "home.start": ("Par où commencer", "Where to start"),
    "home.start_map": ("**Carte** : voir qui est où, et qui est relié à qui.",
                       "**Map**: see who is where, and who is linked to whom."),
    "home.start_territories": ("**Territoires** : quels ODD sont couverts, et les manques.",
                               "**Territories**: which SDGs are covered, and the gaps."),
    "home.start_overlaps": ("**Chevauchements** : qui fait la même chose au même endroit.",
                            "**Overlaps**: who does the same thing in the same place."),
    "home.start_complements": ("**Complémentarités** : avec qui s'allier.",
                               "**Complementarities**: whom to team up with."),
    "home.start_alliances": ("**Alliances** : le diagnostic de la charte et l'autoévaluation.",
                             "**Alliances**: the charter diagnosis and the self-assessment."),
    "home.start_data": ("**Données** : importer votre classeur, télécharger le modèle, exporter.",
                        "**Data**: import your workbook, download the template, export."),
    # ------------------------------------------------------------------ map
    "map.title": ("Carte de l'écosystème", "Ecosystem map"),
    "map.sdgs": ("ODD", "SDGs"),
    "map.kinds": ("Types d'acteurs", "Kinds of actors"),
    "map.alliances": ("Alliances", "Alliances"),
    "map.policies": ("Politiques publiques", "Public policies"),
    "map.focus": ("Mettre en évidence un acteur ou une alliance", "Highlight an actor or an alliance"),
    "map.focus_help": ("Ses chevauchements (rouge) et ses complémentarités (vert) apparaissent sur la carte.",
                       "Its overlaps (red) and complementarities (green) show on the map."),
    "map.show_sdgs": ("Relier les acteurs à leurs ODD", "Link actors to their SDGs"),
    "map.group_by": ("Au-delà de {budget} nœuds, regrouper les acteurs par",
                     "Beyond {budget} nodes, group actors by"),
    "map.group_territory": ("territoire", "territory"),
    "map.group_kind": ("type d'acteur", "kind of actor"),
    "map.download": ("Télécharger la carte (HTML)", "Download the map (HTML)"),
    "map.download_help": ("Un fichier autonome, qui s'ouvre hors ligne dans un navigateur : à envoyer à un "
                          "partenaire.", "A standalone file that opens offline in a browser: send it to a "
                          "partner."),
    "map.summary": ("{actors} acteurs, {alliances} alliances, {policies} politiques publiques sur la carte.",
                    "{actors} actors, {alliances} alliances, {policies} public policies on the map."),
    "map.grouped": ("{actors} acteurs dépassent le seuil de {budget} nœuds que le navigateur affiche "
                    "confortablement : ils sont regroupés par {by}. Filtrez (territoire, ODD, type) pour "
                    "voir chaque acteur.",
                    "{actors} actors exceed the {budget} nodes a browser draws comfortably: they are grouped "
                    "by {by}. Filter (territory, SDG, kind) to see each actor."),
    "map.empty": ("Aucun acteur, aucune alliance ni politique ne correspond à ces filtres.",
                  "No actor, alliance or policy matches these filters."),
    "map.focus_missing": ("« {id} » n'est ni un acteur ni une alliance chargés.",
                          "“{id}” is neither a loaded actor nor a loaded alliance."),
    "map.legend": ("Légende", "Legend"),
    "map.legend_alliance": ("Alliance", "Alliance"),
    "map.legend_policy": ("Politique publique", "Public policy"),
    "map.legend_sdg": ("ODD", "SDG"),
    "map.legend_group": ("Groupe d'acteurs", "Group of actors"),
    "map.legend_overlap": ("Chevauchement", "Overlap"),
    "map.legend_complement": ("Complémentarité", "Complementarity"),
    "map.legend_size": ("Taille : nombre de liens", "Size: number of links"),
    "map.legend_hint": ("Survolez un nœud pour le détail ; molette pour zoomer, glisser pour se déplacer.",
                        "Hover a node for details; scroll to zoom, drag to move."),
    "map.hover_kind": ("Type : {kind}", "Kind: {kind}"),
    "map.hover_territories": ("Territoires : {places}", "Territories: {places}"),
    "map.hover_sdgs": ("ODD : {sdgs}", "SDGs: {sdgs}"),
    "map.hover_members": ("Membres : {n}", "Members: {n}"),
    "map.hover_links": ("Liens sur la carte : {n}", "Links on the map: {n}"),
    "map.hover_policy_kind": ("Politique publique ({kind})", "Public policy ({kind})"),
    "map.hover_alliance": ("Alliance ({status})", "Alliance ({status})"),
    "map.hover_group": ("{n} acteurs", "{n} actors"),
    "map.hover_role": ("{actor} — {role} de {alliance}", "{actor} — {role} of {alliance}"),
    "map.hover_carries": ("{actor} porte {policy}", "{actor} carries {policy}"),
    "map.hover_aligns": ("{alliance} s'articule avec {policy}", "{alliance} aligns with {policy}"),
    "map.group_wide": ("Plusieurs {level}", "Several {level}"),
    "map.iframe_alt": ("Carte en réseau des acteurs, alliances et politiques publiques",
                       "Network map of actors, alliances and public policies"),
    # ------------------------------------------------------------------ territories
    "terrp.title": ("Couverture des ODD par territoire", "SDG coverage by territory"),
    "terrp.intro": ("Chaque case compte les acteurs (ou alliances, ou politiques) présents dans le "
                    "territoire et qui travaillent sur l'ODD. Un ⚠ marque un manque : une politique "
                    "publique vise cet ODD ici, mais aucun acteur ni aucune alliance n'y travaille. "
                    "Cliquez une ligne pour descendre d'un niveau.",
                    "Each cell counts the actors (or alliances, or policies) present in the territory that "
                    "work on the SDG. A ⚠ marks a gap: a public policy targets this SDG here, but no actor "
                    "and no alliance works on it. Click a row to go one level down."),
    "terrp.measure": ("Compter", "Count"),
    "terrp.measure_actors": ("les acteurs", "actors"),
    "terrp.measure_alliances": ("les alliances", "alliances"),
    "terrp.measure_policies": ("les politiques", "policies"),
    "terrp.level": ("Détailler par", "Break down by"),
    "terrp.total": ("Ensemble : {name}", "Whole: {name}"),
    "terrp.gaps": ("Manques : ODD visés par une politique publique sans acteur ni alliance",
                   "Gaps: SDGs a public policy targets with no actor and no alliance"),
    "terrp.no_gaps": ("Aucun manque : chaque ODD visé par une politique publique a au moins un acteur ou une "
                      "alliance sur place.", "No gap: every SDG a public policy targets has at least one "
                      "actor or alliance on the ground."),
    "terrp.gap_sdg": ("ODD", "SDG"),
    "terrp.gap_places": ("Territoires", "Territories"),
    "terrp.gap_policies": ("Politiques concernées", "Policies concerned"),
    "terrp.gap_sentence": ("En clair", "In words"),
    "terrp.chart_title": ("{what} par ODD — {name}", "{what} by SDG — {name}"),
    "terrp.rows_cut": ("Les {shown} territoires les plus peuplés sur {total} sont affichés.",
                       "The {shown} most populated of {total} territories are shown."),
    # ------------------------------------------------------------------ overlaps
    "ovl.title": ("Chevauchements", "Overlaps"),
    "ovl.intro": ("Deux acteurs se chevauchent quand ils travaillent sur les mêmes ODD aux mêmes endroits. "
                  "La charte demande aux alliances de prolonger l'existant, pas de s'y substituer.",
                  "Two actors overlap when they work on the same SDGs in the same places. The charter asks "
                  "alliances to extend what exists, not to replace it."),
    "ovl.tab_actor": ("Un acteur", "One actor"),
    "ovl.tab_matrix": ("Matrice d'un territoire", "A territory's matrix"),
    "ovl.tab_duplicates": ("Doublons possibles", "Possible duplicates"),
    "ovl.who": ("Qui chevauche {name} ?", "Who overlaps {name}?"),
    "ovl.none": ("Personne ne chevauche {name} à l'échelle {level}.",
                 "Nobody overlaps {name} at {level} level."),
    "ovl.col_jaccard": ("Part commune", "Common share"),
    "ovl.col_inside": ("Part de son empreinte", "Share of its footprint"),
    "ovl.col_shared_sdgs": ("ODD communs", "Shared SDGs"),
    "ovl.col_places": ("Lieux communs", "Shared places"),
    "ovl.matrix_intro": ("Chaque case dit quelle part de l'empreinte (lieux × ODD) de l'acteur de la ligne "
                         "est aussi occupée par l'acteur de la colonne : on lit la part dans chaque sens. "
                         "100 % : l'empreinte de la ligne est entièrement incluse dans celle de la colonne. "
                         "Seuls les acteurs du territoire qui se chevauchent le plus sont montrés.",
                         "Each cell says which share of the row actor's footprint (places × SDGs) the column "
                         "actor also occupies: read the share each way. 100%: the row's footprint lies "
                         "entirely inside the column's. Only the territory's most overlapping actors are "
                         "shown."),
    "ovl.matrix_empty": ("Aucun chevauchement dans ce territoire.", "No overlap in this territory."),
    "ovl.matrix_cut": ("Les {shown} acteurs les plus concernés sont affichés.",
                       "The {shown} most concerned actors are shown."),
    "ovl.dup_intro": ("Acteurs du même type qui ont au moins {pct} de lieux × ODD en commun (sur tous ceux "
                      "où l'un ou l'autre agit), ou dont l'un agit presque entièrement là où l'autre agit "
                      "déjà (au moins {inside} de son empreinte) : ils font peut-être doublon.",
                      "Actors of the same kind with at least {pct} of places × SDGs in common (out of all "
                      "those where either acts), or one of which acts almost entirely where the other "
                      "already acts (at least {inside} of its footprint): they may duplicate each other."),
    "ovl.dup_none": ("Aucun doublon possible dans ce territoire.",
                     "No possible duplicate in this territory."),
    "ovl.dup_group": ("{n} {kind} — part commune de {low} à {high}",
                      "{n} {kind} — common share {low} to {high}"),
    "ovl.pick_actor_first": ("Choisissez un acteur.", "Choose an actor."),
    # ------------------------------------------------------------------ complementarities
    "cpl.title": ("Complémentarités", "Complementarities"),
    "cpl.intro": ("Partenaires présents aux mêmes endroits qui apportent ce qui manque : d'autres ODD, un "
                  "autre profil d'acteur, des moyens offerts dont on a besoin, et la réciproque.",
                  "Partners present in the same places who bring what is missing: other SDGs, another kind "
                  "of actor, means they offer that are needed, and the other way round."),
    "cpl.for": ("Pour", "For"),
    "cpl.for_actor": ("un acteur", "an actor"),
    "cpl.for_alliance": ("une alliance", "an alliance"),
    "cpl.found": ("{found} partenaires possibles ; les {shown} meilleurs :",
                  "{found} possible partners; the best {shown}:"),
    "cpl.none": ("Aucun partenaire complémentaire trouvé autour {of_name}.",
                 "No complementary partner found around {of_name}."),
    "cpl.col_brings": ("Apporte", "Brings"),
    "cpl.new_sdgs": ("ODD nouveaux : {sdgs}", "New SDGs: {sdgs}"),
    "cpl.other_kind": ("autre profil", "another profile"),
    "cpl.offers": ("offre : {means}", "offers: {means}"),
    "cpl.needs": ("cherche : {means}", "looks for: {means}"),
    # ------------------------------------------------------------------ alliances
    "all.title": ("Alliances et charte", "Alliances and the charter"),
    "all.tab_diagnosis": ("Diagnostic de la charte", "Charter diagnosis"),
    "all.tab_assess": ("Autoévaluation", "Self-assessment"),
    "all.tab_history": ("Parcours", "Path"),
    "all.members": ("Membres : {members}", "Members: {members}"),
    "all.no_members": ("Aucun membre déclaré.", "No member declared."),
    "all.radar_title": ("Principes de la charte (score de 0 à 1)", "Charter principles (score 0 to 1)"),
    "all.suggestion": ("Suggestion", "Suggestion"),
    "all.levers_intro": ("Notez chaque levier de 0 (absent) à 3 (pleinement en place), ou laissez « — » s'il "
                         "n'est pas évalué cette fois. Chaque enregistrement est daté et conservé : c'est le "
                         "parcours de l'alliance.",
                         "Score each lever from 0 (absent) to 3 (fully in place), or leave “—” if it is not "
                         "assessed this time. Each record is dated and kept: it is the alliance's path."),
    "all.assess_date": ("Date de l'autoévaluation", "Date of the self-assessment"),
    "all.comment": ("Commentaire", "Comment"),
    "all.save": ("Enregistrer l'autoévaluation", "Save the self-assessment"),
    "all.saved": ("{n} leviers enregistrés au {when}.", "{n} levers saved on {when}."),
    "all.nothing_to_save": ("Aucun levier noté : rien n'a été enregistré.",
                            "No lever scored: nothing was saved."),
    "all.latest": ("dernière note : {score}/3 le {when}", "latest score: {score}/3 on {when}"),
    "all.never": ("jamais évalué", "never assessed"),
    "all.history_empty": ("Aucune autoévaluation enregistrée pour cette alliance.",
                          "No self-assessment recorded for this alliance."),
    "all.history_title": ("{family} : notes dans le temps", "{family}: scores over time"),
    "all.history_table": ("Historique détaillé", "Detailed history"),
    "all.col_date": ("Date", "Date"),
    "all.col_lever": ("Levier", "Lever"),
    "all.col_score": ("Note", "Score"),
    "all.col_comment": ("Commentaire", "Comment"),
    "family.principe": ("Principes", "Principles"),
    "family.modalite": ("Modalités", "Modalities"),
    "family.moyen": ("Moyens d'action", "Means of action"),
    "score.none": ("—", "—"),
    "score.0": ("0 · absent", "0 · absent"),
    "score.1": ("1 · engagé", "1 · started"),
    "score.2": ("2 · en place", "2 · in place"),
    "score.3": ("3 · pleinement", "3 · fully"),
    # ------------------------------------------------------------------ data
    "data.title": ("Données", "Data"),
    "data.import": ("Importer un jeu de données", "Import a dataset"),
    "data.import_help": ("Un classeur Excel (.xlsx), des fichiers CSV (acteurs.csv, politiques.csv, …) ou un "
                         "fichier JSON. Le format est décrit dans le modèle à télécharger ci-dessous.",
                         "An Excel workbook (.xlsx), CSV files (actors.csv, policies.csv, …) or a JSON file. "
                         "The format is described in the template below."),
    "data.files": ("Fichiers", "Files"),
    "data.name": ("Nom du jeu (si le fichier n'en donne pas)", "Dataset name (if the file gives none)"),
    "data.problems": ("{n} : rien n'a été importé. Corrigez ces cellules puis importez à nouveau.",
                      "{n}: nothing was imported. Fix these cells, then import again."),
    "data.problem_noun": ("problème|problèmes", "problem|problems"),
    "data.warning_noun": ("remarque|remarques", "note|notes"),
    "data.warnings": ("{n}, qui n'empêchent pas l'import :", "{n}, which do not block the import:"),
    "data.problems_cut": ("Les {shown} premiers problèmes sur {total} sont affichés ; la liste complète est "
                          "dans le fichier à télécharger.",
                          "The first {shown} of {total} problems are shown; the full list is in the file to "
                          "download."),
    "data.problems_download": ("Télécharger la liste des problèmes (CSV pour Excel)",
                               "Download the list of problems (CSV for Excel)"),
    "data.col_file": ("Fichier", "File"),
    "data.col_row": ("Ligne", "Row"),
    "data.col_column": ("Colonne", "Column"),
    "data.col_value": ("Valeur", "Value"),
    "data.col_problem": ("Problème", "Problem"),
    "data.valid": ("Jeu valide : « {name} » ({id}) — {actors} acteurs, {policies} politiques, {alliances} "
                   "alliances, {memberships} adhésions, {assessments} autoévaluations.",
                   "Valid dataset: “{name}” ({id}) — {actors} actors, {policies} policies, {alliances} "
                   "alliances, {memberships} memberships, {assessments} self-assessments."),
    "data.replace_note": ("Un jeu du même identifiant est déjà chargé : l'importer le remplacera "
                          "(les autoévaluations faites dans l'application sont conservées).",
                          "A dataset with the same id is already loaded: importing replaces it (the "
                          "self-assessments made in the app are kept)."),
    "data.load": ("Importer", "Import"),
    "data.loading": ("Import en cours…", "Importing…"),
    "data.loaded": ("Import terminé : {rows} lignes en {seconds} s ({status}).",
                    "Import done: {rows} rows in {seconds} s ({status})."),
    "data.status_loaded": ("nouveau jeu", "new dataset"),
    "data.status_replaced": ("jeu remplacé", "dataset replaced"),
    "data.status_unchanged": ("identique, rien n'a changé", "identical, nothing changed"),
    "data.unreadable": ("Fichier illisible : {message}", "Unreadable file: {message}"),
    "data.template": ("Modèle à remplir", "Template to fill in"),
    "data.template_help": ("Un classeur Excel prêt à remplir, avec une ligne d'exemple, des listes "
                           "déroulantes et l'explication de chaque colonne.",
                           "A ready-to-fill Excel workbook, with an example row, drop-down lists and the "
                           "explanation of every column."),
    "data.template_button": ("Télécharger le modèle (.xlsx)", "Download the template (.xlsx)"),
    "data.export": ("Exporter", "Export"),
    "data.export_help": ("GraphML (yEd, Cytoscape) et GEXF (Gephi) : tout le graphe. JSON et CSV : le format "
                         "des jeux de données, que l'on peut réimporter (un fichier .zip par export).",
                         "GraphML (yEd, Cytoscape) and GEXF (Gephi): the whole graph. JSON and CSV: the "
                         "dataset format, which can be imported again (one .zip file per export)."),
    "data.export_button": ("Exporter en {fmt}", "Export as {fmt}"),
    "data.remove": ("Retirer un jeu de données", "Remove a dataset"),
    "data.remove_pick": ("Jeu à retirer", "Dataset to remove"),
    "data.remove_button": ("Retirer…", "Remove…"),
    "data.remove_confirm": ("Retirer « {name} » et tout ce qu'il a apporté ({actors} acteurs, {alliances} "
                            "alliances) ? Les autoévaluations faites dans l'application pour ses alliances "
                            "seront perdues.", "Remove “{name}” and everything it brought ({actors} actors, "
                            "{alliances} alliances)? The self-assessments made in the app for its alliances "
                            "will be lost."),
    "data.remove_yes": ("Oui, retirer", "Yes, remove"),
    "data.remove_no": ("Annuler", "Cancel"),
    "data.removed": ("« {name} » a été retiré.", "“{name}” was removed."),
    "data.no_dataset": ("Aucun jeu de données chargé.", "No dataset loaded."),
    "data.loaded_list": ("Jeux chargés", "Loaded datasets"),
    "data.col_id": ("Identifiant", "Id"),
    "data.col_loaded_at": ("Chargé le", "Loaded on"),
    "data.col_actors": ("Acteurs", "Actors"),
    "data.col_alliances": ("Alliances", "Alliances"),
    "data.col_policies": ("Politiques", "Policies"),
}


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The text of `key` in `lang`, with `{name}` placeholders filled from `values`.

    >>> t("map.hover_members", "fr", n=3)
    'Membres : 3'
    >>> t("map.hover_members", "en", n=3)
    'Members: 3'
    """
    fr, en = STRINGS[key]
    text = en if lang == "en" else fr
    return text.format(**values) if values else text


def check_lang(value: str | None, default: str = "fr") -> str:
    """A supported language code: `value` when it is one, else `default`.

    >>> check_lang("en"), check_lang(" EN "), check_lang("de"), check_lang(None)
    ('en', 'en', 'fr', 'fr')
    """
    try:
        return parse_lang(value).value if value else parse_lang(default).value
    except UnknownLang:  # a hand-edited link or setting: the app still opens, in the default language
        return DEFAULT_LANG.value


# ---------------------------------------------------------------------- domain vocabulary


def kind_label(kind: ActorKind | str, lang: str, plural: bool = False) -> str:
    """'Association', 'Collectivité', 'Local authority': capitalised for labels and legends."""
    return vocabulary.actor_kind(kind).title(lang, plural)


def role_label(role: str, lang: str) -> str:
    """A member's role in an alliance: 'pilote', 'financeur' / 'lead', 'funder'."""
    return vocabulary.role(role).label(lang)


def level_label(level: Level | str, lang: str, plural: bool = False) -> str:
    return wording.level_name(level, lang, plural_=plural)


def status_label(status: str, lang: str) -> str:
    return wording.status_label(status, lang)


def lever_label(lever_id: str, lang: str) -> str:
    return wording.lever_name(lever_id, lang)


def sdg_label(number: int, lang: str) -> str:
    """'ODD 13 · Mesures relatives à la lutte contre ...' / 'SDG 13 · Climate action'."""
    return reference().sdgs.label(number, lang)


def sdg_short(number: int, lang: str) -> str:
    return f"ODD {number}" if lang == "fr" else f"SDG {number}"


def place_label(tid: str, lang: str) -> str:
    """'Crest (Drôme, 26)', 'Drôme (département)': homonyms told apart (`reference.labels`)."""
    return territory_label(tid, lang)


def places_text(tids: tuple[str, ...] | list[str], lang: str, shown: int = 3) -> str:
    """The best-known names of some places, then how many more."""
    return wording.place_names(tids, lang, shown=shown) if tids else t("common.none", lang)


def date_label(value: date | datetime | str, lang: str) -> str:
    """'26/11/2026' in French, '2026-11-26' in English; an ISO timestamp keeps its time (UTC)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        day = value.strftime("%d/%m/%Y à %H:%M UTC") if lang == "fr" else value.strftime("%Y-%m-%d %H:%M UTC")
        return day
    return value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()


def number_label(value: float, lang: str) -> str:
    """'1 234' in French (narrow no-break space), '1,234' in English."""
    text = f"{value:,.0f}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def percent_label(value: float, lang: str) -> str:
    return wording.percent(value, lang)


# Each topic's sentences live in a module of their own, ecosystem/ui/i18n_<topic>.py, as one dict merged
# into STRINGS here: (module, dict). One line per module, so that branches adding a topic merge cleanly;
# tests/test_i18n_topics.py checks that every module is listed and no topic takes a key another has.
TOPICS: tuple[tuple[str, str], ...] = (
    ("i18n_access", "ACCESS_STRINGS"),  # the shared instance: accounts, roles, audit log, history
    ("i18n_verdicts", "VERDICT_STRINGS"),  # what each score means, badges, portfolio, local split (issue 12)
    ("i18n_outputs", "OUTPUTS_STRINGS"),
    ("i18n_map", "MAP_STRINGS"),
    ("i18n_editing", "EDITING_STRINGS"),
    ("i18n_geo", "GEO_STRINGS"),
    ("i18n_workflow", "WORKFLOW_STRINGS"),  # registers, SDG review, long tables, first visit
    ("i18n_entries", "ENTRY_STRINGS"),
    ("i18n_widgets", "WIDGET_STRINGS"),  # Streamlit's own names read aloud and file sizes
    ("i18n_difference", "DIFFERENCE_STRINGS"),  # what a re-import changed (issue 17, item 3)
    ("i18n_downloads", "DOWNLOAD_STRINGS"),  # files made in the page, then saved (issue 16)
)

for _module, _strings in TOPICS:
    STRINGS.update(getattr(import_module(f"ecosystem.ui.{_module}"), _strings))
