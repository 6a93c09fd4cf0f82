"""The levers read from an alliance's self-assessments: P1, P3, the 7 modalities and the 7 means.

Respect, trust or the way partners dialogue cannot be seen in a graph: only the partners can say,
and the charter asks them to say it over time ("capitaliser", "évaluer"). The verdict is the
latest score (0..3) and the way travelled since the first one. The means ("contribution reçue et
donnée") also show which members offer or look for them, and who outside could bring a missing one.
"""

from __future__ import annotations

from functools import partial

from ecosystem.analysis import wording as w
from ecosystem.analysis.assessment import path_sentence
from ecosystem.analysis.facts import AllianceFacts
from ecosystem.analysis.verdict import Verdict, agree, make, names, pick
from ecosystem.model import LeverFamily
from ecosystem.reference import reference


def self_assessed(lever_id: str, f: AllianceFacts, lang: str = "fr") -> Verdict:
    """A lever judged from the alliance's self-assessments (plus the members' offers and needs for
    a means)."""
    t = partial(w.tr, lang)
    path = f.paths[lever_id]
    lever = reference().levers[lever_id]
    name = w.lever_name(lever_id, lang)
    evidence = [path_sentence(path, lang)]
    suggestion: list[str] = []
    if lever.family == LeverFamily.MOYEN:
        more_evidence, more_suggestion = means_in_graph(lever_id, f, lang)
        evidence += more_evidence
        suggestion += more_suggestion
    quoted = t(f" (la charte : « {lever.description} »)", "")
    if path.latest is None:
        suggestion.insert(0, t(f"faites ensemble l'autoévaluation de « {name} » (note de 0 à 3) lors de "
                               "votre prochain point d'étape",
                               f"self-assess \"{name}\" together (score 0 to 3) at your next review"))
    elif path.trend is not None and path.trend < 0:
        suggestion.insert(0, t(f"« {name} » recule : prenez le temps d'en parler entre partenaires{quoted}",
                               f"\"{name}\" is declining: take the time to talk about it between partners"))
    elif path.latest <= 1:
        suggestion.insert(0, t(f"mettez « {name} » à l'ordre du jour de votre prochaine rencontre{quoted}",
                               f"put \"{name}\" on the agenda of your next meeting"))
    done = t("Rien à corriger : refaites le point à votre prochain bilan pour suivre le chemin parcouru.",
             "Nothing to fix: review it again at your next assessment to follow the path travelled.")
    return make(lever_id, path.score, evidence, suggestion, "self-assessment", lang, path.status, done, path)


def means_in_graph(lever_id: str, f: AllianceFacts, lang: str) -> tuple[list[str], list[str]]:
    """Which members offer or look for this means, and where to find it if no member offers it."""
    t = partial(w.tr, lang)
    offered = [m.name for m in f.members if lever_id in m.offers]
    needed = [m.name for m in f.members if lever_id in m.needs]
    evidence: list[str] = []
    suggestion: list[str] = []
    parts = []
    if offered:
        parts.append(t(f"apporté par {names(offered, lang)}", f"brought by {names(offered, lang)}"))
    if needed:
        parts.append(t(f"recherché par {names(needed, lang)}", f"sought by {names(needed, lang)}"))
    if parts:
        evidence.append(t(" ; ", "; ").join(parts))
    seekers = [n for n in needed if n not in offered]
    if seekers and offered:
        givers, takers = names(offered, lang), names(seekers, lang)
        can = agree(len(offered), "peut", "peuvent")
        suggestion.append(t(f"{givers} {can} l'apporter {w.to(takers)} : organisez ce partage",
                            f"{givers} can bring it to {takers}: organise it"))
    elif seekers:
        found = pick(f, lambda c: lever_id in c.offers)
        if found:
            them = names((c.name for c in found), lang)
            suggestion.append(t(f"cherchez-le auprès {w.de(them)}, présents sur votre territoire",
                                f"look for it with {them}, present on your territory"))
    return evidence, suggestion
