"""The network map's sentences added with its side panel, switches and search (merged into i18n.STRINGS).

Kept apart from `i18n.py` so parallel work on other pages merges cleanly; `t()` sees these keys like
any other, and tests/test_ui.py checks them the same way.
"""

from __future__ import annotations

MAP_STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ nodes and legend
    "map.unlinked": ("{n} acteurs sans lien", "{n} actors with no link"),
    "map.legend_unlinked": ("Acteurs sans lien (cliquez pour les lister)",
                            "Actors with no link (click to list)"),
    "map.hover_group_one": ("1 acteur", "1 actor"),
    "map.unlinked_hint": ("Cliquez pour les lister.", "Click to list them."),
    "map.legend_pairs": ("Chevauchement fort", "Strong overlap"),
    "map.legend_duplicates": ("Doublons probables", "Probable duplicates"),
    "map.community": ("Communauté {n} ({size} acteurs)", "Community {n} ({size} actors)"),
    "map.hover_betweenness": ("Rôle de passeur (intermédiarité) : {value}",
                              "Broker role (betweenness): {value}"),
    "map.group_count": ("{name} · {n} acteurs", "{name} · {n} actors"),
    "map.group_count_one": ("{name} · 1 acteur", "{name} · 1 actor"),
    "map.legend_click": ("Cliquez sur un nœud pour son détail, sur un groupe pour l'ouvrir ; molette pour "
                         "zoomer : plus de noms apparaissent.",
                         "Click a node for its details, a group to open it; scroll to zoom: more names "
                         "appear."),
    # ------------------------------------------------------------------ switches
    "map.draw": ("Dessiner sur la carte", "Draw on the map"),
    "map.draw_overlaps": ("Chevauchements", "Overlaps"),
    "map.draw_overlaps_help": ("Avec un acteur mis en évidence : ses chevauchements ; sinon les paires "
                               "d'acteurs qui se chevauchent le plus.",
                               "With a highlighted actor: its overlaps; otherwise the most overlapping "
                               "pairs of actors."),
    "map.draw_complements": ("Complémentarités de l'acteur ou de l'alliance mis en évidence",
                             "Complements of the highlighted actor or alliance"),
    "map.draw_complements_off": ("Mettez en évidence un acteur ou une alliance pour voir ses "
                                 "complémentarités.",
                                 "Highlight an actor or an alliance to see its complements."),
    "map.draw_duplicates": ("Doublons probables", "Probable duplicates"),
    "map.colour_by": ("Couleur des acteurs", "Colour of actors"),
    "map.colour_kind": ("type", "kind"),
    "map.colour_community": ("communauté", "community"),
    "map.size_by": ("Taille des acteurs", "Size of actors"),
    "map.size_links": ("nombre de liens", "number of links"),
    "map.size_brokers": ("rôle de passeur", "broker role"),
    "map.grouped_switches": ("Les acteurs sont regroupés : couleurs, tailles, chevauchements et doublons "
                             "s'appliquent aux acteurs un par un. Choisissez un territoire plus petit ou "
                             "ouvrez un groupe.",
                             "Actors are grouped: colours, sizes, overlaps and duplicates apply to actors "
                             "one by one. Choose a smaller territory or open a group."),
    "map.grouped_sdgs": ("Les groupes sont reliés aux ODD de leurs acteurs (épaisseur : nombre d'acteurs).",
                         "Groups are linked to their actors' SDGs (width: number of actors)."),
    # ------------------------------------------------------------------ search and panel
    "map.find": ("Trouver un nœud par son nom", "Find a node by name"),
    "map.find_results": ("Résultats", "Results"),
    "map.find_none": ("Aucun nœud ne s'appelle « {text} ».", "No node is called “{text}”."),
    "map.panel_hint": ("Cliquez sur un nœud de la carte pour afficher son détail ici.",
                       "Click a node of the map to show its details here."),
    "map.panel_close": ("Fermer", "Close"),
    "map.panel_focus": ("Centrer sur lui", "Focus on it"),
    "map.panel_unfocus": ("Ne plus centrer", "Stop focusing"),
    "map.panel_overlaps": ("Chevauchements principaux", "Top overlaps"),
    "map.panel_complements": ("Complémentarités principales", "Top complements"),
    "map.panel_members": ("Membres : {n}", "Members: {n}"),
    "map.panel_carriers": ("Porteurs : {n}", "Carriers: {n}"),
    "map.panel_alliances": ("Alliances : {names}", "Alliances: {names}"),
    "map.panel_none": ("Aucun.", "None."),
    "map.panel_missing": ("« {id} » n'est plus sur la carte.", "“{id}” is no longer on the map."),
    "map.panel_unlinked": ("{n} acteurs n'ont aucun lien sur cette carte : ni alliance, ni politique "
                           "portée ensemble. Choisissez-en un pour son détail.",
                           "{n} actors have no link on this map: no alliance, no policy carried together. "
                           "Choose one for its details."),
    "map.panel_sdg": ("Acteurs qui y contribuent : {n}", "Actors contributing to it: {n}"),
    "map.breadcrumb_all": ("Toute la France", "All of France"),
}
