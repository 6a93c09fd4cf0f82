"""What the side panel says about a clicked node: its details, top overlaps and top complements.

Asks the store (and `ecosystem.analysis`) for one node and answers with plain values, in the user's
language, so the page only lays them out and the benchmark times exactly what a click costs on the
server. A node id is the map's ("actor:<id>", "alliance:<id>", "policy:<id>", "sdg:<n>").
"""

from __future__ import annotations

from dataclasses import dataclass

from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.overlap import top_overlaps
from ecosystem.model import SDG_NUMBERS, Actor, Alliance
from ecosystem.store.base import Store
from ecosystem.ui.i18n import kind_label, number_label, percent_label, sdg_label, t
from ecosystem.ui.map import labels

PANEL_SHOWN = 5
"""Overlaps and complements listed in the panel: the strongest, enough to act on; the full lists are
on the Chevauchements and Complémentarités pages."""


@dataclass(frozen=True, slots=True)
class Neighbour:
    """One overlapping or complementary actor: its id (to select it), name, score and why."""

    id: str
    name: str
    score: str  # « 42 % »
    reason: str


@dataclass(frozen=True, slots=True)
class Details:
    """The panel of one node."""

    node: str
    type: str  # actor, alliance, policy, sdg
    name: str
    lines: tuple[str, ...]  # kind, territories, SDGs, memberships...
    overlaps: tuple[Neighbour, ...] = ()
    complements: tuple[Neighbour, ...] = ()
    focus: str | None = None  # the id "centrer sur lui" focuses (actors and alliances)


def node_details(store: Store, node: str, lang: str, k: int = PANEL_SHOWN) -> Details | None:
    """The details of `node`, or None when it is no longer in the store (an old shared link)."""
    type_, _, key = node.partition(":")
    if type_ == "actor":
        found = store.actors([key])
        return _actor(store, node, found[0], lang, k) if found else None
    if type_ == "alliance":
        alliances = store.alliances([key])
        return _alliance(store, node, alliances[0], lang, k) if alliances else None
    if type_ == "policy":
        policies = store.policies([key])
        if not policies:
            return None
        p = policies[0]
        return Details(node, "policy", p.name, (t("map.hover_policy_kind", lang, kind=p.kind),
                                                 t("map.hover_territories", lang,
                                                   places=labels.places(p.territories, lang)),
                                                 labels.sdg_lines(p.sdgs, lang),
                                                 t("map.panel_carriers", lang, n=len(p.carriers))))
    if type_ == "sdg" and key.isdigit() and int(key) in SDG_NUMBERS:
        n = int(key)
        return Details(node, "sdg", sdg_label(n, lang),
                       (t("map.panel_sdg", lang, n=number_label(len(store.actors_in([], None, [n])), lang)),))
    return None


def _actor(store: Store, node: str, actor: Actor, lang: str, k: int) -> Details:
    memberships = store.memberships(actor_ids=[actor.id])
    alliances = store.alliances(sorted({m.alliance for m in memberships}))
    lines = [t("map.hover_kind", lang, kind=kind_label(actor.kind, lang)),
             t("map.hover_territories", lang, places=labels.places(actor.territories, lang)),
             labels.sdg_lines(actor.all_sdgs, lang)]
    if alliances:
        lines.append(t("map.panel_alliances", lang, names=", ".join(a.name for a in alliances)))
    overlaps = tuple(Neighbour(o.actor, o.name, percent_label(o.jaccard, lang), o.reason)
                     for o in top_overlaps(store, actor.id, k=k, lang=lang).items)
    found = complements(store, actor, k=k, lang=lang).items
    return Details(node, "actor", actor.name, tuple(lines), overlaps,
                   tuple(Neighbour(c.actor, c.name, percent_label(c.score, lang), c.reason) for c in found),
                   actor.id)


def _alliance(store: Store, node: str, alliance: Alliance, lang: str, k: int) -> Details:
    members = store.memberships(alliance_ids=[alliance.id])
    lines = (t("map.hover_alliance", lang, status=labels.alliance_status(alliance, lang)),
             t("map.hover_territories", lang, places=labels.places(alliance.territories, lang)),
             labels.sdg_lines(alliance.sdgs, lang),
             t("map.panel_members", lang, n=number_label(len(members), lang)))
    found = complements(store, alliance, k=k, lang=lang).items
    return Details(node, "alliance", alliance.name, lines, (),
                   tuple(Neighbour(c.actor, c.name, percent_label(c.score, lang), c.reason) for c in found),
                   alliance.id)
