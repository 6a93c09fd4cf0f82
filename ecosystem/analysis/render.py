"""Findings in words: each language's renderer writes the clause of each code, this module joins
the clauses into sentences.

The analyses never write a sentence: they return findings (`ecosystem.finding.Finding`, codes of
`ecosystem.analysis.codes.Code`), and every sentence a page, the CLI or `--json` shows is made
here from them. Grammar (articles, agreement, plurals) therefore lives in `render_fr` and
`render_en`, one function per code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from ecosystem.analysis import render_en, render_fr
from ecosystem.analysis import wording as w
from ecosystem.finding import Finding

_CLAUSES: Mapping[str, Mapping[str, Callable[[Finding], str]]] = {
    "fr": render_fr.CLAUSES,
    "en": render_en.CLAUSES,
}


@lru_cache(maxsize=65536)
def clause(finding: Finding, lang: str) -> str:
    """The clause saying one finding (cached: 100,000 overlap pairs share few distinct places).

    >>> from ecosystem.analysis.codes import Code
    >>> clause(Finding(Code.SHARED_SDGS, sdgs=(2,)), "en")
    'shared SDGs: 2 (Zero hunger)'
    """
    return _CLAUSES["fr" if lang == "fr" else "en"][finding.code](finding)


def sentence(findings: Iterable[Finding], lang: str) -> str:
    """Findings as the clauses of one sentence, capitalised, ending with a full stop.

    >>> from ecosystem.analysis.codes import Code
    >>> here, new = Finding(Code.PRESENT, places=("commune:26362",)), Finding(Code.BRINGS_SDGS, sdgs=(7,))
    >>> sentence([here, new], "fr")
    "Présent à Valence ; apporte l'ODD 7 que vous ne couvrez pas."
    """
    return w.sentence((clause(f, lang) for f in findings), lang)


def sentences(findings: Iterable[Finding], lang: str) -> tuple[str, ...]:
    """One sentence per finding (the evidence of a verdict)."""
    return tuple(sentence([f], lang) for f in findings)


def missing(lang: str) -> set[str]:
    """Codes the renderer of `lang` cannot say (a test keeps this empty in both languages)."""
    from ecosystem.analysis.codes import Code

    return {c.value for c in Code} - set(_CLAUSES[lang])
