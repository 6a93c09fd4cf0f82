"""The app's words that explain its verdicts: what each score measures, what the badge colours
mean, the portfolio of a territory's alliances, the local/wider split of the Territoires page.

Kept apart from `i18n.py` (merged into `i18n.STRINGS` at its bottom) so that the explanations read
in one place and stay in step with `analysis/thresholds.py`: the numbers in them are passed as
arguments (`{met}`, `{partly}`), never written here, so a changed threshold changes the help too.
"""

from __future__ import annotations

VERDICT_STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ what a score means
    "help.principe-2": (
        "Cadre commun : l'alliance vise des ODD ({targets}), ses partenaires y travaillent ({partners}), "
        "ils ont des profils variés ({kinds}, complet à {kinds_full} profils). Au plus {gated} si moins de "
        "la moitié des partenaires travaillent sur ces ODD.",
        "Common frame: the alliance targets SDGs ({targets}), its partners work on them ({partners}), they "
        "have varied profiles ({kinds}, full at {kinds_full} profiles). At most {gated} when fewer than "
        "half of the partners work on those SDGs."),
    "help.principe-4": (
        "Complémentarité : partenaires qui ne font pas doublon entre eux ({distinct}), part de "
        "l'empreinte que n'occupe pas déjà une autre alliance ({alliances}) ni un petit groupe d'acteurs "
        "semblables extérieurs ({actors}).",
        "Complementarity: partners that do not duplicate each other ({distinct}), share of the footprint "
        "not already occupied by another alliance ({alliances}) nor by a small group of similar outside "
        "actors ({actors})."),
    "help.principe-5": (
        "Décloisonnement : domaines couverts par les ODD visés, parmi l'environnement, le social et "
        "l'économie (un domaine : 0 %, deux : 50 %, trois : 100 %).",
        "Beyond silos: domains covered by the target SDGs, among environment, social and economy (one "
        "domain: 0%, two: 50%, three: 100%)."),
    "help.principe-6": (
        "Ancrage : part des partenaires présents sur le territoire de l'alliance ({present}) et au moins "
        "un partenaire qui n'agit que sur ce territoire ({local}).",
        "Anchoring: share of partners present in the alliance's territory ({present}) and at least one "
        "partner acting only in that territory ({local})."),
    "help.principe-7": (
        "Articulation avec l'action publique : {either} si une collectivité du territoire est membre ou "
        "si l'alliance s'articule avec une politique publique qui le couvre, 100 % si les deux, 0 % sinon.",
        "Articulation with public action: {either} when a local authority of the territory is a member "
        "or when the alliance aligns with a policy covering it, 100% when both, 0% otherwise."),
    "help.self": (
        "Score tiré de la dernière autoévaluation de l'alliance (note sur 3 : 0 absent, 1 engagé, 2 en "
        "place, 3 pleinement en place).",
        "Score from the alliance's latest self-assessment (out of 3: 0 absent, 1 started, 2 in place, "
        "3 fully in place)."),
    "help.legend": (
        "Pastilles : :green-badge[✓ atteint] score d'au moins {met} · :orange-badge[◐ en partie] de "
        "{partly} à moins de {met} · :red-badge[✗ non atteint] moins de {partly} · :gray-badge[? non "
        "évaluable] données manquantes ou levier jamais autoévalué.",
        "Badges: :green-badge[✓ met] score of at least {met} · :orange-badge[◐ partly] from {partly} to "
        "under {met} · :red-badge[✗ not met] under {partly} · :gray-badge[? not assessable] data missing "
        "or lever never self-assessed."),
    # ------------------------------------------------------------------ the portfolio
    "pf.scope": ("Afficher", "Show"),
    "pf.scope_one": ("une alliance", "one alliance"),
    "pf.scope_portfolio": ("toutes les alliances d'un territoire", "all the alliances of a territory"),
    "pf.intro": (
        "Une ligne par alliance ancrée dans le territoire (ou qui le rejoint), une colonne par principe "
        "mesuré sur les données. Cliquez un en-tête pour trier ; survolez-le pour savoir ce que mesure "
        "le score.",
        "One row per alliance anchored in (or reaching) the territory, one column per principle measured "
        "on the data. Click a header to sort; hover it to see what the score measures."),
    "pf.sort": ("Trier par", "Sort by"),
    "pf.sort_name": ("nom de l'alliance", "name of the alliance"),
    "pf.col_alliance": ("Alliance", "Alliance"),
    "pf.short.principe-2": ("Cadre commun", "Common frame"),
    "pf.short.principe-4": ("Complémentarité", "Complementarity"),
    "pf.short.principe-5": ("Décloisonnement", "Beyond silos"),
    "pf.short.principe-6": ("Ancrage", "Anchoring"),
    "pf.short.principe-7": ("Action publique", "Public action"),
    "pf.col_status": ("Statut", "Status"),
    "pf.col_weakest": ("À travailler d'abord", "Work on first"),
    "pf.help_weakest": (
        "Le principe au score le plus bas parmi ceux qui ne sont pas atteints.",
        "The principle with the lowest score among those not met."),
    "pf.help_status": ("En projet, active ou terminée, comme déclaré dans les données.",
                       "Planned, active or ended, as declared in the data."),
    "pf.not_assessable": ("non évaluable", "not assessable"),
    "pf.none": ("Aucune alliance n'est ancrée dans ce territoire.",
                "No alliance is anchored in this territory."),
    # ------------------------------------------------------------------ overlaps explained
    "ovl.help_overlap": (
        "Part commune : parmi tous les couples lieu × ODD où l'un ou l'autre agit, la part où les deux "
        "agissent. 100 % : mêmes lieux et mêmes ODD.",
        "Common share: among all the place × SDG pairs where either acts, the share where both act. "
        "100%: same places and same SDGs."),
    "ovl.help_inside": (
        "Part de l'empreinte (lieux × ODD) de l'acteur choisi que cet acteur occupe aussi. 100 % : "
        "entièrement incluse dans la sienne.",
        "Share of the chosen actor's footprint (places × SDGs) that this actor also occupies. 100%: "
        "entirely inside its own."),
    "ovl.help_other_inside": (
        "Part de l'empreinte de cet acteur que l'acteur choisi occupe aussi.",
        "Share of this actor's footprint that the chosen actor also occupies."),
    "ovl.legend": (
        "Pastilles : :orange-badge[orange] même type d'acteur que l'acteur choisi (doublon possible), "
        ":blue-badge[bleu] autre type. « Part commune » : parmi tous les lieux × ODD où l'un ou "
        "l'autre agit, la part où les deux agissent.",
        "Badges: :orange-badge[orange] same kind of actor as the chosen one (possible duplicate), "
        ":blue-badge[blue] another kind. \"Common share\": among all the places × SDGs where either acts, "
        "the share where both act."),
    "ovl.col_other_inside": ("Part de l'empreinte de l'autre", "Share of the other's footprint"),
    "ovl.hover_inside": ("{share} de l'empreinte {of_row} est aussi occupée par {by_col}",
                         "{share} of {of_row}'s footprint is also occupied by {by_col}"),
    "ovl.matrix_axis": ("part de l'empreinte de la ligne occupée par la colonne",
                        "share of the row's footprint occupied by the column"),
    # ------------------------------------------------------------------ complements explained
    "cpl.help_score": (
        "Score de complémentarité sur 100 : nouveaux ODD apportés ({new_sdgs}), autre profil "
        "({other_kind}), moyens dont vous avez besoin ({receives}), besoins que vous pouvez combler "
        "({gives}), échange dans les deux sens ({mutual}), un ODD en commun ({common_ground}), proximité "
        "({proximity}).",
        "Complementarity score out of 100: new SDGs brought ({new_sdgs}), another profile "
        "({other_kind}), means you need ({receives}), needs you can meet ({gives}), exchange both ways "
        "({mutual}), an SDG in common ({common_ground}), proximity ({proximity})."),
    "cpl.found_one": ("1 partenaire possible :", "1 possible partner:"),
    "cpl.legend": (
        "Pastilles : :gray-badge[gris] type d'acteur · :green-badge[vert] score de complémentarité "
        "(survolez « Score » dans le tableau pour son calcul).",
        "Badges: :gray-badge[grey] kind of actor · :green-badge[green] complementarity score (hover "
        "\"Score\" in the table for how it is computed)."),
    # ------------------------------------------------------------------ territories explained
    "terrp.scope": ("Acteurs comptés", "Actors counted"),
    "terrp.scope_all": ("tous", "all"),
    "terrp.scope_local": ("acteurs locaux seulement", "local actors only"),
    "terrp.help_scope": (
        "« Locaux » : acteurs qui agissent dans le territoire de la ligne (ou dans une de ses communes), et "
        "non ceux qui n'y sont comptés que parce qu'ils agissent sur tout un territoire plus large "
        "(l'intercommunalité pour une commune, le département, la région, la France).",
        "\"Local\": actors acting in the row's territory (or in one of its communes), not those counted "
        "there only because they act in a whole wider territory (the intercommunality for a commune, the "
        "département, the région, France)."),
}
