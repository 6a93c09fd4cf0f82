"""What the map asks the store: the actors, alliances and policies a selection shows, and a focus.

The only module of the map that reads the store (and runs the overlap and complementarity
analyses): it answers with a `Scene` of plain values, from which the builders draw without any
further question, so they can be tested on data alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ecosystem.analysis import metrics
from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.overlap import duplicate_groups, pairs_in, top_overlaps
from ecosystem.model import Actor, ActorKind, Alliance, Policy
from ecosystem.store.base import ActorOutline, Store
from ecosystem.ui.i18n import percent_label, t
from ecosystem.ui.map.model import MapSelection

FOCUS_SHOWN = 10
"""Overlapping and complementary actors drawn around a focused actor or alliance."""

PAIRS_SHOWN = 25
"""Overlapping pairs drawn without a focus: the strongest of the selection, enough to see where
actors crowd, few enough that the dashes stay distinct."""

PAIRS_ASKED = PAIRS_SHOWN * 8
"""Pairs asked of the store before keeping those whose two actors are drawn (filters by kind or SDG
leave some out): a bounded question even on a million actors."""

WHOLE_COUNTRY = "pays:FR"
"""The territory asked for overlapping pairs and duplicates when the selection names none."""

Members = dict[str, list[tuple[str, str]]]
"""Alliance id -> [(actor id, role value)], in the store's order."""


@dataclass(slots=True)
class Scene:
    """What the selection shows, before it becomes nodes."""

    actor_ids: list[str]
    alliances: list[Alliance]
    policies: list[Policy]
    members: Members
    focus_actor: Actor | None = None
    focus_alliance: Alliance | None = None
    overlaps: dict[str, str] = field(default_factory=dict)  # actor id -> hover text
    complements: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (actor, actor, hover text)
    duplicates: list[tuple[tuple[str, ...], str]] = field(default_factory=list)  # (actor ids, hover text)
    community: dict[str, int] = field(default_factory=dict)  # actor id -> community, biggest first
    betweenness: dict[str, float] = field(default_factory=dict)
    # the outlines of `actor_ids`, when the question that found them returned them (`ask_scene`)
    outlines: dict[str, ActorOutline] | None = None

    def focus_ids(self) -> set[str]:
        """The actors a focus brings onto the map: the subject, its overlaps, complements, members."""
        ids = set(self.overlaps) | set(self.complements)
        if self.focus_actor:
            ids.add(self.focus_actor.id)
        if self.focus_alliance:
            ids |= {a for a, _ in self.members.get(self.focus_alliance.id, ())}
        return ids


def ask_scene(store: Store, sel: MapSelection, lang: str) -> Scene:
    """The scene of `sel`: what its filters keep, plus its focus and the focus's neighbours."""
    scope = [sel.territory] if sel.territory else []
    kinds, sdgs = [ActorKind(k) for k in sel.kinds] or None, sorted(sel.sdgs) or None
    outlines: dict[str, ActorOutline] | None = None
    if sel.alliances or sel.policies:  # a few linked actors among many: their ids only
        actor_ids = store.actors_in(scope, kinds, sdgs)
    else:  # what a grouped map draws from, in the walk that finds them (the detailed map's cost is small)
        outlines = {o.id: o for o in store.actor_outlines_in(scope, kinds, sdgs)}
        actor_ids = list(outlines)
    alliances = store.alliances(store.alliances_in(scope)) if scope else store.alliances()
    policies = store.policies(store.policies_in(scope)) if scope else store.policies()
    alliances, policies = _filter_hubs(sel, alliances, policies)
    members = _members(store, [a.id for a in alliances])
    if sel.alliances or sel.policies:
        linked = {actor for pairs in members.values() for actor, _ in pairs}
        if sel.policies:
            linked |= {c for p in policies for c in p.carriers}
        actor_ids = [a for a in actor_ids if a in linked]
    scene = Scene(actor_ids, alliances, policies, members, outlines=outlines)
    if sel.focus:
        _add_focus(store, sel.focus, scene, lang, sel)
    return scene


def ask_network(store: Store, sel: MapSelection, scene: Scene, lang: str) -> None:
    """What the switches of a detailed map add to `scene`: the selection's strongest overlapping
    pairs (without a focus), its duplicate groups, and the communities and betweenness of its
    linked actors (`ecosystem.analysis.metrics`), asked only when a switch wants them."""
    where = sel.territory or WHOLE_COUNTRY
    drawn = set(scene.actor_ids)
    if sel.overlaps and not scene.focus_actor and not scene.focus_alliance and drawn:
        word = t("map.legend_pairs", lang)
        found = pairs_in(store, where, limit=PAIRS_ASKED, lang=lang)
        scene.pairs = [(p.a, p.b, f"{p.a_name} — {p.b_name}\n{word} · {percent_label(p.jaccard, lang)}\n"
                        f"{p.reason}") for p in found if p.a in drawn and p.b in drawn][:PAIRS_SHOWN]
    if sel.duplicates and drawn:
        word = t("map.legend_duplicates", lang)
        scene.duplicates = [(kept, f"{word}\n{g.reason}") for g in duplicate_groups(store, where, lang=lang)
                            if len(kept := tuple(i for i in g.actors if i in drawn)) > 1]
    if (sel.colour_by == "community" or sel.size_by == "brokers") and drawn:
        graph = metrics.build_graph(store.actor_links(sorted(drawn)), sorted(drawn))
        scene.community = {a: i for i, c in enumerate(metrics.communities(graph)) for a in c}
        scene.betweenness = metrics.betweenness(graph) if sel.size_by == "brokers" else {}


def ask_actors(store: Store, ids: Iterable[str]) -> dict[str, Actor]:
    """The actors of `ids` the store knows, by id."""
    return {a.id: a for a in store.actors(sorted(ids))}


def ask_outlines(store: Store, scene: Scene) -> dict[str, ActorOutline]:
    """The outlines (kind, territories, SDGs, name) of the scene's actors, by id: all a grouped map
    draws from. Those `ask_scene` read with the actors, or else asked by id."""
    if scene.outlines is not None:
        return scene.outlines
    return {a.id: a for a in store.actor_outlines(sorted(scene.actor_ids))}


def _filter_hubs(sel: MapSelection, alliances: list[Alliance],
                 policies: list[Policy]) -> tuple[list[Alliance], list[Policy]]:
    """Alliances and policies kept by the SDG, policy and alliance filters, in the store's order.

    Choosing alliances alone also keeps the policies they articulate with, so their links show.
    """
    sdgs = set(sel.sdgs)
    if sdgs:
        alliances = [a for a in alliances if sdgs & set(a.sdgs)]
        policies = [p for p in policies if sdgs & set(p.sdgs)]
    if sel.policies:
        chosen = set(sel.policies)
        policies = [p for p in policies if p.id in chosen]
        alliances = [a for a in alliances if chosen & set(a.policies) or a.id in sel.alliances]
    if sel.alliances:
        chosen = set(sel.alliances)
        alliances = [a for a in alliances if a.id in chosen]
        if not sel.policies:
            aligned = {p for a in alliances for p in a.policies}
            policies = [p for p in policies if p.id in aligned]
    return alliances, policies


def _members(store: Store, alliance_ids: list[str]) -> Members:
    members: Members = defaultdict(list)
    for m in store.memberships(alliance_ids=alliance_ids):
        members[m.alliance].append((m.actor, m.role.value))
    return dict(members)


def _add_focus(store: Store, focus: str, scene: Scene, lang: str, sel: MapSelection | None = None) -> None:
    """Set the focused actor or alliance on `scene` with its overlaps and complements (hover texts);
    an unknown id becomes a note, not an error (it may come from an old shared link)."""
    found = store.actors([focus])
    wanted = MapSelection(overlaps=True, complements=True) if sel is None else sel
    if found:
        actor = scene.focus_actor = found[0]
        word = t("map.legend_overlap", lang)
        if wanted.overlaps:
            scene.overlaps = {o.actor: f"{word} · {percent_label(o.jaccard, lang)}\n{o.reason}"
                              for o in top_overlaps(store, actor.id, k=FOCUS_SHOWN, lang=lang).items}
        result = complements(store, actor, k=FOCUS_SHOWN, lang=lang) if wanted.complements else None
    else:
        alliances = store.alliances([focus])
        if not alliances:
            scene.notes.append(t("map.focus_missing", lang, id=focus))
            return
        alliance = scene.focus_alliance = alliances[0]
        if alliance.id not in {a.id for a in scene.alliances}:
            scene.alliances.append(alliance)
            scene.members[alliance.id] = _members(store, [alliance.id]).get(alliance.id, [])
        result = complements(store, alliance, k=FOCUS_SHOWN, lang=lang) if wanted.complements else None
    if result is None:
        return
    word = t("map.legend_complement", lang)
    scene.complements = {c.actor: f"{word} · {percent_label(c.score, lang)}\n{c.reason}"
                         for c in result.items}
