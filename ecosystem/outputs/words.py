"""The few words the outputs add around what the analysis says: headings, labels, "and N more".

Every sentence of a diagnosis or a map comes from the analysis and its renderers (render_fr / render_en);
these are only the frames around them, in French and English. French typography: « » with spaces,
a space before the colon, the singular for 0 and 1.
"""

from __future__ import annotations

from ecosystem.analysis import wording as w

WORDS: dict[str, tuple[str, str]] = {
    "report.kicker": ("Diagnostic selon la Charte du faire alliance",
                      "Diagnosis against the Charte du faire alliance"),
    "report.members": ("Membres", "Members"),
    "report.no_members": ("Aucun membre enregistré.", "No member recorded."),
    "report.principles": ("Les 7 principes", "The 7 principles"),
    "report.chart": ("Score de chaque principe", "Score of each principle"),
    "report.modalite": ("Modalités d'action", "Modalities of action"),
    "report.moyen": ("Moyens d'action", "Means of action"),
    "report.suggestion": ("Suggestion", "Suggestion"),
    "report.status": ("Statut", "Status"),
    "report.started": ("depuis le {date}", "since {date}"),
    "report.anchored": ("Ancrage", "Anchored in"),
    "report.sdgs": ("ODD visés", "SDGs targeted"),
    "report.assessed": ("Autoévaluations", "Self-assessments"),
    "report.to_assess": ("À autoévaluer ensemble (0 à 3)", "To self-assess together (0 to 3)"),
    "report.made": ("Établi le {date} avec ecosystem, à partir des données chargées ; les principes 2, 4, 5, "
                    "6 et 7 sont mesurés sur ces données, les autres leviers viennent de l'autoévaluation.",
                    "Made on {date} with ecosystem from the data loaded; principles 2, 4, 5, 6 and 7 are "
                    "measured on that data, the other levers come from the self-assessment."),
    "report.cut": ("Version abrégée pour tenir sur une page : le diagnostic complet est dans l'application "
                   "(page Alliances) et la commande «\u00a0ecosystem diagnose\u00a0».",
                   "Shortened to fit on one page: the full diagnosis is in the app (Alliances page) and the "
                   "`ecosystem diagnose` command."),
    "map.legend": ("Légende", "Legend"),
    "map.filters": ("Filtres", "Filters"),
    "map.no_filter": ("aucun filtre", "no filter"),
    "map.made": ("ecosystem · {date}", "ecosystem · {date}"),
}


def word(key: str, lang: str, **values: object) -> str:
    """The frame `key` in the language, its {placeholders} filled.

    >>> word("report.started", "fr", date="01/03/2024")
    'depuis le 01/03/2024'
    """
    fr, en = WORDS[key]
    return w.tr(lang, fr, en).format(**values)


def colon(lang: str) -> str:
    """The colon as each language writes it after a label (French puts a no-break space before it)."""
    return "\u00a0:" if lang == "fr" else ":"


def and_more(count: int, lang: str, singular_fr: str = "autre", plural_fr: str = "autres",
             en: str = "more") -> str:
    """What a shortened list ends with.

    >>> and_more(3, "fr"), and_more(1, "fr"), and_more(12, "en")
    ('… et 3 autres', '… et 1 autre', '… and 12 more')
    >>> and_more(2, "fr", "autre membre", "autres membres")
    '… et 2 autres membres'
    """
    if lang == "fr":
        return f"… et {w.counted(count, singular_fr, plural_fr, 'fr')}"
    return f"… and {w.whole(count, 'en')} {en}"
