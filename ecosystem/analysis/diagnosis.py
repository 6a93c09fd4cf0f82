"""The charter diagnosis of an alliance: the 21 levers, each with a verdict a partner can act on.

`diagnose(store, alliance)` gathers the facts (`facts.gather`), judges each lever
(`principles` for P2, P4-P7 measured on the graph, `self_assessed`
for the others) and sums up: how many principles are met, and which one to work on first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ecosystem.analysis import render
from ecosystem.analysis import wording as w
from ecosystem.analysis.codes import Code
from ecosystem.analysis.facts import AllianceFacts, gather
from ecosystem.analysis.principles import MEASURED
from ecosystem.analysis.self_assessed import self_assessed
from ecosystem.analysis.thresholds import Status
from ecosystem.analysis.verdict import Verdict
from ecosystem.finding import Finding, Ref
from ecosystem.model import Alliance, LeverFamily
from ecosystem.reference import reference
from ecosystem.store.base import Store


@dataclass(frozen=True, slots=True)
class Diagnosis:
    alliance: str
    name: str
    lang: str
    principles: tuple[Verdict, ...]  # the 7 principles, P1 first
    modalities: tuple[Verdict, ...]
    means: tuple[Verdict, ...]
    assessed_on: tuple[date, ...]  # dates of the alliance's self-assessments, oldest first
    summary: str
    summary_finding: Finding | None = None  # what `summary` says, as data

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        return self.principles + self.modalities + self.means


def summary_finding(alliance: Ref, principles: tuple[Verdict, ...]) -> Finding:
    """The principles counted by status (in the order met, partly, not met, not assessable), and the
    weakest measured one to work on first."""
    counts = Counter(v.status for v in principles)
    weak = [v for v in principles if v.status in (Status.NOT_MET, Status.PARTLY) and v.score is not None]
    worst = (min(weak, key=lambda v: (v.score, v.number)).lever,) if weak else ()
    return Finding(Code.SUMMARY, (alliance,), levers=worst, total=len(principles),
                   counts=tuple((str(s), counts[s]) for s in Status if counts.get(s)))


def summarise(name: str, principles: tuple[Verdict, ...], lang: str) -> str:
    """One sentence: the principles counted by status, and the weakest measured one to work on.

    >>> v = lambda n, s, x: Verdict(f"principe-{n}", LeverFamily.PRINCIPE, n, f"P{n}", s, x, (), "", "graph")
    >>> print(summarise("Alim", (v(1, Status.MET, 1.0), v(4, Status.PARTLY, 0.5), v(7, Status.NOT_MET, 0.2),
    ...                          v(2, Status.NOT_MET, 0.3)), "fr"))
    Alim : sur 4 principes, 1 atteint, 1 en partie et 2 non atteints ; à travailler d'abord : \
Articulation avec les politiques publiques (principe 7).
    """
    return render.sentence([summary_finding(Ref("", name), principles)], lang)


def verdicts(facts: AllianceFacts, lang: str = "fr") -> dict[str, Verdict]:
    """All 21 verdicts by lever id, in charter order: measured on the graph or self-assessed."""
    result = {}
    for lever in reference().levers:
        judge = MEASURED.get(lever.id)
        result[lever.id] = judge(facts, lang) if judge else self_assessed(lever.id, facts, lang)
    return result


def diagnosis_from(facts: AllianceFacts, lang: str = "fr") -> Diagnosis:
    """The diagnosis from gathered facts (pure)."""
    w.check_lang(lang)
    judged = verdicts(facts, lang)

    def family(f: LeverFamily) -> tuple[Verdict, ...]:
        return tuple(v for v in judged.values() if v.family == f)

    principles = family(LeverFamily.PRINCIPE)
    dates = tuple(sorted({d for p in facts.paths.values() for d, _ in p.history}))
    found = summary_finding(Ref(facts.alliance.id, facts.alliance.name), principles)
    return Diagnosis(facts.alliance.id, facts.alliance.name, lang, principles, family(LeverFamily.MODALITE),
                     family(LeverFamily.MOYEN), dates, render.sentence([found], lang), found)


def diagnose(store: Store, alliance: Alliance | str, lang: str = "fr") -> Diagnosis:
    """Diagnose an alliance (given as an Alliance or an id) against the charter."""
    w.check_lang(lang)
    if isinstance(alliance, str):
        from ecosystem.analysis.lookup import find_alliance

        alliance = find_alliance(store, alliance)
    return diagnosis_from(gather(store, alliance), lang)
