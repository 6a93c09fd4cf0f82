"""The findings of an evolution (`analysis.evolution`) in French and in English.

Kept beside the analysis's own renderers rather than inside render_fr / render_en: the codes are
the evolution's alone, and one module holds both languages' clauses so that their grammar
(agreement of « apparu », « parti », « couvert ») reads side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ecosystem.analysis import wording as w
from ecosystem.analysis.evolution import EvolutionCode as C
from ecosystem.analysis.phrases import names
from ecosystem.finding import Finding, Ref

SHOWN = 5
"""Names shown in a clause before « et N autres »."""


def version_label(label: str, lang: str) -> str:
    """What was compared, in words: a version number, the live version, or a file.

    >>> version_label("3", "fr"), version_label("live", "en"), version_label("rna-juin.csv", "fr")
    ('la version 3', 'the live version', 'le fichier « rna-juin.csv »')
    """
    if label.isdigit():
        return w.tr(lang, f"la version {label}", f"version {label}")
    if label == "live":
        return w.tr(lang, "la version actuelle", "the live version")
    return w.tr(lang, f"le fichier « {label} »", f'the file "{label}"')


def _names(refs: Iterable[Ref], lang: str) -> str:
    return names((r.name for r in refs), lang, SHOWN)


def _actors(f: Finding, lang: str, fr: tuple[str, str], en: tuple[str, str]) -> str:
    """« 2 acteurs apparus (A et B) »: a count agreed with its participle, then the names."""
    n = f.count or 0
    one = n == 1
    text = (f"{w.whole(n, lang)} acteur{'' if one else 's'} {fr[0] if one else fr[1]}" if lang == "fr"
            else f"{w.whole(n, lang)} actor{'' if one else 's'} {en[0] if one else en[1]}")
    return text + (f" ({_names(f.refs, lang)})" if f.refs else "")


def _summary(f: Finding, lang: str) -> str:
    before, after = (version_label(x, lang) for x in f.labels)
    counts = dict(f.counts)
    parts = []
    for key, fr, en in (("appeared", ("apparu", "apparus"), ("appeared", "appeared")),
                        ("left", ("parti", "partis"), ("left", "left")),
                        ("sdgs", ("dont les ODD ont changé", "dont les ODD ont changé"),
                         ("whose SDGs changed", "whose SDGs changed")),
                        ("territories", ("dont les territoires ont changé",) * 2,
                         ("whose territories changed", "whose territories changed"))):
        if counts.get(key):
            parts.append(_actors(Finding("", count=counts[key]), lang, fr, en))
    head = w.tr(lang, f"entre {before} et {after}", f"from {before} to {after}")
    return head + (" : " if lang == "fr" else ": ") + (w.join(parts, lang) if parts else w.tr(
        lang, "aucun acteur apparu, parti ni modifié", "no actor appeared, left or changed"))


def _territory(f: Finding, lang: str) -> str:
    name = w.territory_name(f.places[0])
    return name + (" : " if lang == "fr" else ": ") + w.tr(lang, " ; ", "; ").join(
        clause(p, lang) for p in f.parts)


def _gaps_opened(f: Finding, lang: str) -> str:
    if lang == "fr":
        return "plus aucun acteur sur " + w.sdgs_phrase(f.sdgs, lang)
    return "no actor left on " + w.sdgs_phrase(f.sdgs, lang)


def _gaps_closed(f: Finding, lang: str) -> str:
    if lang == "fr":
        many = len(f.sdgs) > 1
        return w.sdgs_phrase(f.sdgs, lang) + (" désormais couverts" if many else " désormais couvert")
    return w.sdgs_phrase(f.sdgs, lang) + " now covered"


CLAUSES: dict[str, Callable[[Finding, str], str]] = {
    C.SUMMARY: _summary,
    C.TERRITORY: _territory,
    C.APPEARED: lambda f, lang: _actors(f, lang, ("apparu", "apparus"), ("appeared", "appeared")),
    C.LEFT: lambda f, lang: _actors(f, lang, ("parti", "partis"), ("left", "left")),
    C.SDGS: lambda f, lang: _actors(f, lang, ("dont les ODD ont changé",) * 2, ("whose SDGs changed",) * 2),
    C.PLACES: lambda f, lang: _actors(f, lang, ("dont les territoires ont changé",) * 2,
                                      ("whose territories changed",) * 2),
    C.GAPS_OPENED: _gaps_opened,
    C.GAPS_CLOSED: _gaps_closed,
    C.NOTHING: lambda f, lang: w.tr(lang, "rien n'a changé", "nothing changed"),
}


def clause(finding: Finding, lang: str) -> str:
    return CLAUSES[finding.code](finding, "fr" if lang == "fr" else "en")


def sentences(findings: Iterable[Finding], lang: str) -> list[str]:
    """One sentence per finding: the summary first, then one per territory."""
    return [w.sentence([clause(f, lang)], lang) for f in findings]
