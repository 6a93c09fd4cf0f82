"""The levers read from an alliance's self-assessments: P1, P3, the 7 modalities and the 7 means.

Respect, trust or the way partners dialogue cannot be seen in a graph: only the partners can say,
and the charter asks them to say it over time ("capitaliser", "évaluer"). The verdict is the
latest score (0..3) and the way travelled since the first one. The means ("contribution reçue et
donnée") also show which members offer or look for them, and who outside could bring a missing one.
"""

from __future__ import annotations

from ecosystem.analysis.codes import Code
from ecosystem.analysis.facts import AllianceFacts
from ecosystem.analysis.verdict import Verdict, make, path_finding, pick
from ecosystem.finding import Finding, refs
from ecosystem.model import LeverFamily
from ecosystem.reference import reference


def self_assessed(lever_id: str, f: AllianceFacts, lang: str = "fr") -> Verdict:
    """A lever judged from the alliance's self-assessments (plus the members' offers and needs for
    a means)."""
    path = f.paths[lever_id]
    found = [path_finding(path)]
    advice: list[Finding] = []
    if reference().levers[lever_id].family == LeverFamily.MOYEN:
        found += means_found(lever_id, f)
        advice += means_advice(lever_id, f)
    first = (Code.SELF_ASSESS if path.latest is None
             else Code.SELF_DECLINING if path.trend is not None and path.trend < 0
             else Code.SELF_ON_AGENDA if path.latest <= 1 else None)
    if first is not None:
        advice.insert(0, Finding(first, levers=(lever_id,)))
    return make(lever_id, path.score, found, advice, "self-assessment", lang, path.status, path)


def means_found(lever_id: str, f: AllianceFacts) -> list[Finding]:
    """Which members offer or look for this means."""
    offered = refs(m for m in f.members if lever_id in m.offers)
    needed = refs(m for m in f.members if lever_id in m.needs)
    if not offered and not needed:
        return []
    return [Finding(Code.MEANS_IN_ALLIANCE, offered, needed, levers=(lever_id,))]


def means_advice(lever_id: str, f: AllianceFacts) -> list[Finding]:
    """Members needing it from members offering it, or where to find it if no member offers it."""
    offered = refs(m for m in f.members if lever_id in m.offers)
    offering = {r.name for r in offered}
    seekers = refs(m for m in f.members if lever_id in m.needs and m.name not in offering)
    if seekers and offered:
        return [Finding(Code.MEANS_SHARE, offered, seekers, levers=(lever_id,))]
    if seekers:
        found = pick(f, lambda c: lever_id in c.offers)
        if found:
            return [Finding(Code.MEANS_LOOK_FOR, refs(found), levers=(lever_id,))]
    return []
