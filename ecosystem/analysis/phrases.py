"""Small phrase builders every renderer uses: names in a list, a name with its kind, agreement.

They sit apart from `wording` (the vocabulary: SDG, lever, kind and place names) because they
only arrange words a renderer already has.
"""

from __future__ import annotations

from collections.abc import Iterable

from ecosystem.analysis import wording as w
from ecosystem.analysis.thresholds import SUGGESTIONS_SHOWN
from ecosystem.model import ActorKind


def names(items: Iterable[str], lang: str, shown: int = SUGGESTIONS_SHOWN, prep: str = "") -> str:
    """Names in a sentence, the first few then how many others; `prep` ("à", "de") is the French
    preposition each name already carries, repeated before the others as French wants it.

    >>> names(["A", "B", "C", "D"], "fr", shown=2)
    'A, B et 2 autres'
    >>> names(["à A", "à B", "à C"], "fr", shown=2, prep="à"), names(["de A", "de B", "de C"], "fr", 2, "de")
    ('à A, à B et à un autre', "de A, de B et d'un autre")
    """
    found = list(items)
    if len(found) <= shown:
        return w.join(found, lang)
    rest = len(found) - shown
    s = "s" if rest > 1 else ""
    if lang == "fr" and prep:
        others = f"{rest} autres" if rest > 1 else "un autre"
        lead = "d'" if prep == "de" and rest == 1 else f"{prep} "
        return ", ".join(found[:shown]) + f" et {lead}{others}"
    return ", ".join(found[:shown]) + w.tr(lang, f" et {rest} autre{s}", f" and {rest} other{s}")


def who(name: str, kind: ActorKind | str, lang: str) -> str:
    """An actor's name with its kind, for suggestions.

    >>> who("Labo", ActorKind.RECHERCHE, "fr")
    'Labo (recherche)'
    """
    return f"{name} ({w.kind_name(kind, lang)})"


def agree(n: int, singular: str, plural: str) -> str:
    """The French (or English) word agreeing with a count.

    >>> agree(1, "agit", "agissent"), agree(2, "agit", "agissent")
    ('agit', 'agissent')
    """
    return singular if n == 1 else plural
