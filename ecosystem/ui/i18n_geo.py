"""The geographic map's strings (page « Géographie »), merged into i18n.STRINGS.

Nouns that take a count are written "singular|plural" and agreed by `wording.counted` (French
keeps the singular for 0 and 1: « 0 acteur », « 1 234 acteurs »).
"""

from __future__ import annotations

GEO_STRINGS: dict[str, tuple[str, str]] = {
    "nav.geo": ("Géographie", "Geography"),
    "geo.title": ("Géographie des acteurs", "Where the actors are"),
    "geo.france": ("France", "France"),
    "geo.intro": ("Chaque territoire est coloré selon la mesure choisie ; les cercles violets sont les "
                  "acteurs, placés dans leur commune. Cliquez sur un territoire pour y descendre, et sur le "
                  "fil d'Ariane pour remonter.",
                  "Each territory is coloured by the chosen measure; the purple circles are the actors, "
                  "placed in their municipality. Click a territory to go down into it, and the breadcrumb to "
                  "go back up."),
    "geo.level": ("Découper en", "Shapes"),
    "geo.measure": ("Colorer selon", "Colour by"),
    "geo.measure_actors": ("les acteurs", "actors"),
    "geo.measure_alliances": ("les alliances", "alliances"),
    "geo.measure_coverage": ("les ODD couverts", "SDGs covered"),
    "geo.measure_gaps": ("les manques", "gaps"),
    "geo.measure_help": ("**ODD couverts** : combien des ODD choisis (les 17 si aucun) ont au moins un "
                         "acteur ou une alliance sur place. **Manques** : combien d'ODD visés par une "
                         "politique publique n'ont ni acteur ni alliance sur place.",
                         "**SDGs covered**: how many of the chosen SDGs (all 17 when none is chosen) have at "
                         "least one actor or alliance there. **Gaps**: how many SDGs a public policy targets "
                         "there with no actor and no alliance on them."),
    "geo.legend_actors": ("Acteurs", "Actors"),
    "geo.legend_alliances": ("Alliances", "Alliances"),
    "geo.legend_coverage": ("ODD couverts", "SDGs covered"),
    "geo.legend_gaps": ("Manques (ODD)", "Gaps (SDGs)"),
    "geo.noun_actors": ("acteur|acteurs", "actor|actors"),
    "geo.noun_alliances": ("alliance|alliances", "alliance|alliances"),
    "geo.noun_coverage": ("ODD couvert|ODD couverts", "SDG covered|SDGs covered"),
    "geo.noun_gaps": ("ODD sans acteur ni alliance|ODD sans acteur ni alliance",
                      "SDG with no actor nor alliance|SDGs with no actor nor alliance"),
    "geo.range": ("{low} à {high}", "{low}–{high}"),
    "geo.points": ("Afficher les acteurs (cercles)", "Show the actors (circles)"),
    "geo.points_here": ("{actors} dans cette commune", "{actors} in this municipality"),
    "geo.points_group": ("{actors} avec une commune ici", "{actors} with a municipality here"),
    "geo.breadcrumb": ("Vous êtes ici :", "You are here:"),
    "geo.summary": ("{kept} : {placed} ; {wider}.", "{kept}: {placed}; {wider}."),
    "geo.kept": ("acteur retenu par les filtres|acteurs retenus par les filtres",
                 "actor kept by the filters|actors kept by the filters"),
    "geo.placed": ("placé dans sa commune|placés dans leur commune",
                   "placed in its municipality|placed in their municipality"),
    "geo.wider": ("sur un territoire plus large, compté dans les formes mais sans cercle|sur un territoire "
                  "plus large, comptés dans les formes mais sans cercle",
                  "on a wider territory, counted in the shapes but without a circle|on a wider territory, "
                  "counted in the shapes but without a circle"),
    "geo.grouped": ("Plus de {budget} communes ont des acteurs : un cercle par territoire dessiné, pas par "
                    "commune.", "More than {budget} municipalities have actors: one circle per territory "
                    "drawn, not per municipality."),
    "geo.no_shape": ("Pas de contour pour {names} : ces territoires ne sont pas dessinés.",
                     "No outline for {names}: these territories are not drawn."),
    "geo.click_hint": ("Cliquez sur un territoire (ou sur son point) pour y descendre.",
                       "Click a territory (or its dot) to go down into it."),
    "geo.tiles": ("Fond de carte : {credit}. Contours : IGN ADMIN EXPRESS COG, Licence Ouverte 2.0.",
                  "Basemap: {credit}. Outlines: IGN ADMIN EXPRESS COG, Licence Ouverte 2.0."),
    "geo.offline": ("Fond neutre, sans serveur de tuiles : la carte fonctionne hors ligne. Contours : IGN "
                    "ADMIN EXPRESS COG, Licence Ouverte 2.0.",
                    "Neutral background, no tile server: the map works offline. Outlines: IGN ADMIN EXPRESS "
                    "COG, Licence Ouverte 2.0."),
}
