"""A verdict on one lever of the charter, and the small pieces every verdict is built from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ecosystem.analysis import wording as w
from ecosystem.analysis.assessment import LeverPath, path_sentence
from ecosystem.analysis.facts import AllianceFacts, CandidateFacts
from ecosystem.analysis.thresholds import SUGGESTIONS_SHOWN, Status, status_of
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


def names(items: Iterable[str], lang: str, shown: int = SUGGESTIONS_SHOWN) -> str:
    """Names in a sentence, the first few then how many others.

    >>> names(["A", "B", "C", "D"], "fr", shown=2)
    'A, B et 2 autres'
    """
    found = list(items)
    if len(found) <= shown:
        return w.join(found, lang)
    rest = len(found) - shown
    s = "s" if rest > 1 else ""
    return ", ".join(found[:shown]) + w.tr(lang, f" et {rest} autre{s}", f" and {rest} other{s}")


def who(name: str, kind: ActorKind, lang: str) -> str:
    """An actor's name with its kind, for suggestions.

    >>> who("Labo", ActorKind.RECHERCHE, "fr")
    'Labo (recherche)'
    """
    return f"{name} ({w.kind_name(kind, lang)})"


def agree(n: int, singular: str, plural: str) -> str:
    """The French (or English) word agreeing with a count."""
    return singular if n == 1 else plural


def kinds_in_order(kinds: Iterable[ActorKind]) -> list[ActorKind]:
    order = list(ActorKind)
    return sorted(set(kinds), key=order.index)


def pick(f: AllianceFacts, keep: Callable[[CandidateFacts], bool]) -> list[CandidateFacts]:
    """The best few complementary candidates passing `keep`, local ones first (closest to the
    ground), for a suggestion."""
    kept = [c for c in f.candidates if keep(c)]
    return sorted(kept, key=lambda c: not c.local)[:SUGGESTIONS_SHOWN]


def make(lever_id: str, score: float | None, evidence: Sequence[str], suggestion: Sequence[str],
         basis: str, lang: str, status: Status | None = None, done: str = "",
         path: LeverPath | None = None) -> Verdict:
    """A verdict; the suggestion clauses become one sentence, or `done` when there are none; the
    self-assessment path of the lever travels with it."""
    lever = reference().levers[lever_id]
    status = status_of(score) if status is None else status
    text = w.sentence(suggestion, lang) if suggestion else done
    history, trend = (path.history, path.trend) if path is not None else ((), None)
    return Verdict(lever_id, lever.family, lever.number, w.lever_name(lever_id, lang), status, score,
                   tuple(w.sentence([e], lang) for e in evidence if e), text, basis, history, trend)


def self_view(path: LeverPath, measured: Status, lang: str) -> list[str]:
    """The alliance's own view of a principle measured on the graph, and whether the two differ."""
    if path.latest is None:
        return []
    lines = [path_sentence(path, lang)]
    if path.status == Status.MET and measured == Status.NOT_MET:
        lines.append(w.tr(lang, "votre autoévaluation est plus favorable que ce que montrent les données : "
                                "un point à discuter entre partenaires",
                          "your self-assessment is more favourable than the data shows: worth discussing "
                          "between partners"))
    elif path.status == Status.NOT_MET and measured == Status.MET:
        lines.append(w.tr(lang, "les données sont plus favorables que votre autoévaluation : qu'est-ce qui "
                                "vous manque encore ?",
                          "the data is more favourable than your self-assessment: what is still missing "
                          "in your view?"))
    return lines


def measured(lever_id: str, f: AllianceFacts, score: float | None, evidence: list[str],
             suggestion: list[str], lang: str, done: str, status: Status | None = None) -> Verdict:
    """A verdict measured on the graph, with the alliance's own view of it added as evidence."""
    status = status_of(score) if status is None else status
    path = f.paths[lever_id]
    return make(lever_id, score, evidence + self_view(path, status, lang), suggestion, "graph", lang, status,
                done, path)


def no_members(lever_id: str, f: AllianceFacts, lang: str) -> Verdict:
    return measured(lever_id, f, None,
                    [w.tr(lang, "aucun membre n'est enregistré pour cette alliance",
                          "no member is recorded for this alliance")],
                    [w.tr(lang, "ajoutez ses membres (feuille « membres » du jeu de données) pour que ce "
                                "principe puisse être lu",
                          "add its members (the \"members\" sheet of the dataset) so that this principle "
                          "can be read")],
                    lang, "", Status.NOT_ASSESSABLE)
