"""One line per score the app shows, saying what it measures, with the numbers read from
`analysis/thresholds.py`: the help of a metric, a column or a badge never drifts from the rule.

Issue 12: people could not tell what « Score 55 % » or a badge colour meant. Each page asks here.
"""

from __future__ import annotations

from ecosystem.analysis.principles import MEASURED
from ecosystem.analysis.thresholds import (
    COMPLEMENT_WEIGHTS,
    KINDS_FULL,
    MET,
    P2_GATED_MAX,
    P2_WEIGHTS,
    P4_WEIGHTS,
    P6_WEIGHTS,
    P7_EITHER,
    PARTLY,
)
from ecosystem.ui.i18n import percent_label, t


def score_help(lever: str, lang: str) -> str:
    """What the score of a principle or lever measures, in one line.

    >>> print(score_help("principe-6", "fr"))
    Ancrage : part des partenaires présents sur le territoire de l'alliance (60 %) et au moins un \
partenaire qui n'agit que sur ce territoire (40 %).
    >>> score_help("moyen-outils", "en").startswith("Score from the alliance's latest self-assessment")
    True
    """
    if lever not in MEASURED:
        return t("help.self", lang)
    weights = {"principe-2": P2_WEIGHTS, "principe-4": P4_WEIGHTS, "principe-6": P6_WEIGHTS}.get(lever, {})
    values = {k: percent_label(v, lang) for k, v in weights.items()}
    values.update(kinds_full=KINDS_FULL, gated=percent_label(P2_GATED_MAX, lang),
                  either=percent_label(P7_EITHER, lang))
    return t(f"help.{lever}", lang, **values)


def status_legend(lang: str) -> str:
    """The colours and signs of the status badges, with the thresholds that decide them.

    >>> "moins de 40 %" in status_legend("fr") and "at least 75%" in status_legend("en")
    True
    """
    return t("help.legend", lang, met=percent_label(MET, lang), partly=percent_label(PARTLY, lang))


def complement_help(lang: str) -> str:
    """What the complementarity score adds up, out of 100.

    >>> complement_help("en").startswith("Complementarity score out of 100: new SDGs brought (25)")
    True
    """
    return t("cpl.help_score", lang, **{k: round(v * 100) for k, v in COMPLEMENT_WEIGHTS.items()})
