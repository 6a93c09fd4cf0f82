"""A verdict on one lever of the charter, and the small pieces every verdict is built from.

A verdict keeps its findings and advice as data (`findings`, `advice`) and, rendered once in the
language asked for, as sentences (`evidence`, `suggestion`) for the pages and the CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ecosystem.analysis import render
from ecosystem.analysis import wording as w
from ecosystem.analysis.assessment import LeverPath
from ecosystem.analysis.codes import Code
from ecosystem.analysis.facts import AllianceFacts, CandidateFacts
from ecosystem.analysis.thresholds import SUGGESTIONS_SHOWN, Status, status_of
from ecosystem.finding import Finding
from ecosystem.model import ActorKind, LeverFamily
from ecosystem.reference import reference


@dataclass(frozen=True, slots=True)
class Verdict:
    """The charter's judgement on one lever for one alliance."""

    lever: str
    family: LeverFamily
    number: int
    name: str
    status: Status
    score: float | None  # 0..1; None when not assessable
    evidence: tuple[str, ...]  # sentences with names
    suggestion: str  # one sentence naming actors or policies to turn to
    basis: str  # "graph" (measured on the data) or "self-assessment"
    history: tuple[tuple[date, int], ...] = ()  # the alliance's self-assessments of this lever, oldest first
    trend: int | None = None  # latest minus first self-assessed score; None with fewer than two
    findings: tuple[Finding, ...] = ()  # what `evidence` says, as data
    advice: tuple[Finding, ...] = ()  # the clauses of `suggestion`, as data


def weighted(parts: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    """Weighted mean of the parts that can be assessed (None parts are left out and their weight
    shared among the others); None when no part can be assessed.

    >>> weighted({"a": 1.0, "b": 0.0}, {"a": 0.6, "b": 0.4})
    0.6
    >>> weighted({"a": 1.0, "b": None}, {"a": 0.6, "b": 0.4})
    1.0
    >>> weighted({"a": None}, {"a": 1.0}) is None
    True
    """
    known = {k: v for k, v in parts.items() if v is not None}
    total = sum(weights[k] for k in known)
    if not total:
        return None
    return sum(weights[k] * v for k, v in known.items()) / total


def kinds_in_order(kinds: Iterable[ActorKind]) -> list[ActorKind]:
    order = list(ActorKind)
    return sorted(set(kinds), key=order.index)


def pick(f: AllianceFacts, keep: Callable[[CandidateFacts], bool]) -> list[CandidateFacts]:
    """The best few complementary candidates passing `keep`, local ones first (closest to the
    ground), for a suggestion."""
    kept = [c for c in f.candidates if keep(c)]
    return sorted(kept, key=lambda c: not c.local)[:SUGGESTIONS_SHOWN]


def make(lever_id: str, score: float | None, findings: Sequence[Finding], advice: Sequence[Finding],
         basis: str, lang: str, status: Status | None = None, path: LeverPath | None = None) -> Verdict:
    """A verdict, its findings and advice rendered in `lang`; the advice clauses become one sentence,
    or "nothing to fix" when there are none; the self-assessment path of the lever travels with it."""
    lever = reference().levers[lever_id]
    status = status_of(score) if status is None else status
    advice = tuple(advice) or (Finding(Code.NOTHING_TO_FIX, levers=(lever_id,)),)
    history, trend = (path.history, path.trend) if path is not None else ((), None)
    return Verdict(lever_id, lever.family, lever.number, w.lever_name(lever_id, lang), status, score,
                   render.sentences(findings, lang), render.sentence(advice, lang), basis, history, trend,
                   tuple(findings), advice)


def path_finding(path: LeverPath) -> Finding:
    """The self-assessments of one lever as a finding."""
    return Finding(Code.SELF_PATH, levers=(path.lever,), history=path.history,
                   labels=(path.comment,) if path.comment else ())


def self_view(path: LeverPath, measured: Status) -> list[Finding]:
    """The alliance's own view of a principle measured on the graph, and whether the two differ."""
    if path.latest is None:
        return []
    found = [path_finding(path)]
    if path.status == Status.MET and measured == Status.NOT_MET:
        found.append(Finding(Code.SELF_MORE_FAVOURABLE, levers=(path.lever,)))
    elif path.status == Status.NOT_MET and measured == Status.MET:
        found.append(Finding(Code.DATA_MORE_FAVOURABLE, levers=(path.lever,)))
    return found


def measured(lever_id: str, f: AllianceFacts, score: float | None, findings: list[Finding],
             advice: list[Finding], lang: str, status: Status | None = None) -> Verdict:
    """A verdict measured on the graph, with the alliance's own view of it added to its findings."""
    status = status_of(score) if status is None else status
    path = f.paths[lever_id]
    return make(lever_id, score, findings + self_view(path, status), advice, "graph", lang, status, path)


def no_members(lever_id: str, f: AllianceFacts, lang: str) -> Verdict:
    return measured(lever_id, f, None, [Finding(Code.NO_MEMBERS)], [Finding(Code.ADD_MEMBERS)], lang,
                    Status.NOT_ASSESSABLE)
