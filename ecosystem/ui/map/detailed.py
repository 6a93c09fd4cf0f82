"""The detailed map: every actor, alliance and policy of a scene as its own node.

Pure: takes the scene and the actors the store returned, gives back nodes, edges and a legend.
The base graph (what the filters show) is laid out alone and memoised, so a focus, drawn on top
with its neighbours on a ring, never moves what was already there.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ecosystem.datasets.graph import (  # the same ids as exports
    actor_node,
    alliance_node,
    policy_node,
    sdg_node,
)
from ecosystem.model import SDG_NUMBERS, Actor, ActorKind, Alliance, MemberRole
from ecosystem.ui import palette
from ecosystem.ui.i18n import kind_label, number_label, percent_label, role_label, sdg_label, t
from ecosystem.ui.layout import Point
from ecosystem.ui.map import labels
from ecosystem.ui.map.model import UNLINKED_GROUP, MapEdge, MapModel, MapNode, MapSelection
from ecosystem.ui.map.positions import positions, ring
from ecosystem.ui.map.questions import Scene
from ecosystem.ui.map.style import (
    DECIMALS,
    FADED_ALPHA,
    FOCUS_EDGE_WIDTH,
    GROUP_SIZE_MIN,
    GROUP_SIZE_RANGE,
    HUB_SIZE_MIN,
    LINK_WIDTH,
    NODE_SIZE_MIN,
    NODE_SIZE_RANGE,
    PILOT_WIDTH,
    SDG_LINK_ALPHA,
    SUBJECT_SIZE_MIN,
    UNLINKED_SHOWN_MAX,
)


def detailed_map(sel: MapSelection, scene: Scene, actors: dict[str, Actor], lang: str,
                 budget: int) -> MapModel:
    """The map of `scene` node by node; `actors` holds every actor of the scene and of its focus.

    Actors with no link at all (not even drawn by a switch or a focus) are folded into one group
    node, « 312 acteurs sans lien », when there are more than `UNLINKED_SHOWN_MAX`: a grid of
    hundreds of lone dots said nothing but their number.
    """
    base_ids = set(scene.actor_ids)
    base_edges = _base_edges(sel, scene, actors, base_ids, lang)
    focus_ids = scene.focus_ids()
    linked = {x for e in base_edges for x in (e.source, e.target)}
    lone = sorted(i for i in base_ids if actor_node(i) not in linked)
    folded = lone if len(lone) > UNLINKED_SHOWN_MAX else []
    hubs = ([alliance_node(a.id) for a in scene.alliances] + [policy_node(p.id) for p in scene.policies]
            + ([sdg_node(n) for n in SDG_NUMBERS] if sel.show_sdgs else []))
    # The layout depends on the filters only: a focus or a switch never moves what is already drawn.
    base_order = _actor_order(base_ids - set(folded), actors)
    placed = positions(hubs + [actor_node(i) for i in base_order] + ([UNLINKED_GROUP] if folded else []),
                       ((e.source, e.target) for e in base_edges), hubs)
    switch_edges = _switch_edges(scene, lang)
    # A lone actor a switch or the focus links to leaves the group, to its own place on a ring
    # around it (its place on the ring of all of them: it does not move when others leave too).
    pulled = ({x.removeprefix("actor:") for e in switch_edges for x in (e.source, e.target)} | focus_ids)
    unlinked = [i for i in folded if i not in pulled]
    if len(unlinked) < len(folded):
        around = ring(UNLINKED_GROUP, [actor_node(i) for i in folded], placed)
        placed.update({actor_node(i): around[actor_node(i)] for i in folded if i in pulled})
    base_order = base_order + [i for i in folded if i in pulled]
    subject = _subject(scene)
    focus_edges = _focus_edges(scene, subject, actors, base_ids, lang) if subject else []
    edges = base_edges + switch_edges + focus_edges
    if subject:
        missing = sorted({actor_node(i) for i in focus_ids if actor_node(i) not in placed})
        placed.update(ring(subject, missing, placed))
    drawing = _Drawing.of(edges, placed, subject, scene.betweenness if sel.size_by == "brokers" else None)
    shown_actors = base_order + sorted(i for i in focus_ids if i not in base_ids and i in actors)
    colours = _community_colours(scene) if sel.colour_by == "community" else None
    nodes = (_alliance_nodes(scene, drawing, lang) + _policy_nodes(scene, drawing, lang)
             + (_sdg_nodes(drawing, lang) if sel.show_sdgs else [])
             + [_actor_node(actors[i], scene, drawing, lang, colours) for i in shown_actors]
             + ([_unlinked_node(unlinked, actors, placed, lang)] if unlinked else []))
    kinds = {actors[i].kind for i in shown_actors}
    legend = labels.legend(set() if colours else kinds, alliances=bool(scene.alliances),
                           policies=bool(scene.policies), sdg_nodes=sel.show_sdgs,
                           overlaps=bool(scene.overlaps), complements=bool(scene.complements),
                           unlinked=bool(unlinked), pairs=bool(scene.pairs),
                           duplicates=bool(scene.duplicates),
                           communities=_community_legend(scene, colours, lang) if colours else (),
                           sdgs_named=sel.show_sdgs, lang=lang)
    return MapModel(tuple(nodes), tuple(edges), legend, len(shown_actors) + len(unlinked),
                    len(scene.alliances), len(scene.policies), False, "", budget, tuple(scene.notes),
                    tuple(unlinked))


def _unlinked_node(ids: list[str], actors: dict[str, Actor], placed: dict[str, Point], lang: str) -> MapNode:
    """The group of lone actors: its size grows with their number, its hover text counts them by kind."""
    counts = Counter(actors[i].kind for i in ids)
    label = t("map.unlinked", lang, n=number_label(len(ids), lang))
    title = "\n".join([label, t("map.unlinked_hint", lang),
                       *(labels.kind_count(k, v, lang) for k, v in counts.most_common())])
    size = GROUP_SIZE_MIN + GROUP_SIZE_RANGE * math.sqrt(len(ids) / max(len(actors), 1))
    x, y = placed.get(UNLINKED_GROUP, (0.0, 0.0))
    return MapNode(UNLINKED_GROUP, "group", label, title, palette.UNLINKED_COLOUR, "dot",
                   round(size, DECIMALS), x, y, name=label, opens="unlinked")


def _switch_edges(scene: Scene, lang: str) -> list[MapEdge]:
    """What the switches draw: the strongest overlapping pairs, and each duplicate group as a chain."""
    edges = [MapEdge(actor_node(a), actor_node(b), "pair", text, palette.OVERLAP_COLOUR, LINK_WIDTH * 2,
                     True) for a, b, text in scene.pairs]
    for ids, text in scene.duplicates:
        edges += [MapEdge(actor_node(a), actor_node(b), "duplicate", text, palette.DUPLICATE_COLOUR,
                          FOCUS_EDGE_WIDTH, True) for a, b in pairwise(ids)]
    return edges


def _community_colours(scene: Scene) -> dict[str, str]:
    """Actor id -> colour of its community: the biggest ones get the palette, the rest grey."""
    shown = palette.COMMUNITY_COLOURS
    return {a: shown[c] if c < len(shown) else palette.GREY for a, c in scene.community.items()}


def _community_legend(scene: Scene, colours: dict[str, str], lang: str) -> tuple[tuple[str, str], ...]:
    """(label, colour) of each coloured community, with its size: « Communauté 1 (34 acteurs) »."""
    sizes = Counter(scene.community.values())
    return tuple((t("map.community", lang, n=c + 1, size=number_label(sizes[c], lang)),
                  palette.COMMUNITY_COLOURS[c])
                 for c in sorted(sizes) if c < len(palette.COMMUNITY_COLOURS) and sizes[c] > 1)


# ---------------------------------------------------------------------- edges


def _base_edges(sel: MapSelection, scene: Scene, actors: dict[str, Actor], base_ids: set[str],
                lang: str) -> list[MapEdge]:
    """Links among what the filters show: members, articulation, carriers, then SDGs if asked."""
    policy_by_id = {p.id: p for p in scene.policies}
    edges: list[MapEdge] = []
    for alliance in scene.alliances:
        edges += [_member_edge(actors[actor_id], alliance, role, lang)
                  for actor_id, role in scene.members.get(alliance.id, ()) if actor_id in base_ids]
        edges += [MapEdge(alliance_node(alliance.id), policy_node(pid), "aligns",
                          t("map.hover_aligns", lang, alliance=alliance.name, policy=policy_by_id[pid].name),
                          dashes=True)
                  for pid in alliance.policies if pid in policy_by_id]
    for policy in scene.policies:
        edges += [MapEdge(actor_node(carrier), policy_node(policy.id), "carrier",
                          t("map.hover_carries", lang, actor=actors[carrier].name, policy=policy.name))
                  for carrier in policy.carriers if carrier in base_ids]
    if sel.show_sdgs:
        faint = palette.faded(palette.LINK_COLOUR, SDG_LINK_ALPHA)
        edges += [MapEdge(actor_node(actor_id), sdg_node(number), "sdg", colour=faint)
                  for actor_id in sorted(base_ids) for number in actors[actor_id].all_sdgs]
    return edges


def _focus_edges(scene: Scene, subject: str, actors: dict[str, Actor], base_ids: set[str],
                 lang: str) -> list[MapEdge]:
    """What a focus adds: its alliance's members the filters left out, its overlaps and complements."""
    edges: list[MapEdge] = []
    if scene.focus_alliance:
        edges += [_member_edge(actors[actor_id], scene.focus_alliance, role, lang)
                  for actor_id, role in scene.members.get(scene.focus_alliance.id, ())
                  if actor_id not in base_ids and actor_id in actors]
    for type_, found, colour in (("overlap", scene.overlaps, palette.OVERLAP_COLOUR),
                                 ("complement", scene.complements, palette.COMPLEMENT_COLOUR)):
        edges += [MapEdge(subject, actor_node(actor_id), type_, text, colour, FOCUS_EDGE_WIDTH, True)
                  for actor_id, text in found.items()]
    return edges


def _member_edge(actor: Actor, alliance: Alliance, role: str, lang: str) -> MapEdge:
    return MapEdge(actor_node(actor.id), alliance_node(alliance.id), "member",
                   t("map.hover_role", lang, actor=actor.name, role=role_label(role, lang),
                     alliance=alliance.name),
                   width=PILOT_WIDTH if role == MemberRole.PILOTE.value else LINK_WIDTH)


def _subject(scene: Scene) -> str | None:
    if scene.focus_actor:
        return actor_node(scene.focus_actor.id)
    return alliance_node(scene.focus_alliance.id) if scene.focus_alliance else None


def _actor_order(ids: set[str], actors: dict[str, Actor]) -> list[str]:
    """Actors by kind, then name: the layout's grid of unlinked actors keeps colours together."""
    order = {k: i for i, k in enumerate(ActorKind)}
    return sorted(ids, key=lambda i: (order[actors[i].kind], actors[i].name, i))


# ---------------------------------------------------------------------- nodes


@dataclass(frozen=True, slots=True)
class _Drawing:
    """What every node's size, position and emphasis depend on, computed once per map."""

    degree: Counter[str]
    top: int
    placed: dict[str, Point]
    lit: set[str] | None  # None without a focus: nothing fades
    subject: str | None
    between: dict[str, float] | None = None  # actor node id -> betweenness, when size tells brokers
    top_between: float = 1.0

    @classmethod
    def of(cls, edges: Sequence[MapEdge], placed: dict[str, Point], subject: str | None,
           betweenness: dict[str, float] | None = None) -> _Drawing:
        degree: Counter[str] = Counter()
        for e in edges:
            degree[e.source] += 1
            degree[e.target] += 1
        between = {actor_node(a): b for a, b in betweenness.items()} if betweenness is not None else None
        top_between = max((between or {}).values(), default=0.0) or 1.0
        return cls(degree, max(degree.values(), default=1), placed, _lit(subject, edges) if subject else None,
                   subject, between, top_between)

    def node(self, nid: str, type_: str, label: str, title: str, colour: str, shape: str, kind: str = "",
             role: str = "") -> MapNode:
        """A node sized by its degree (or an actor by its betweenness), faded outside the focus, its
        label cut (SDG numbers never are)."""
        share = self.degree[nid] / self.top  # top >= 1
        if self.between is not None and type_ == "actor":
            share = self.between.get(nid, 0.0) / self.top_between
        size = NODE_SIZE_MIN + NODE_SIZE_RANGE * math.sqrt(share)
        if type_ in ("alliance", "policy"):
            size = max(size, HUB_SIZE_MIN)
        if nid == self.subject:
            role, size = "subject", max(size, SUBJECT_SIZE_MIN)
        elif self.lit is not None and nid not in self.lit:
            role, colour = "faded", palette.faded(colour, FADED_ALPHA)
        elif self.lit is not None and not role:
            role = "linked"
        x, y = self.placed.get(nid, (0.0, 0.0))
        shown = label if type_ == "sdg" else labels.short(label)
        return MapNode(nid, type_, shown, title, colour, shape, round(size, DECIMALS), x, y, kind, role,
                       label)


def _lit(subject: str, edges: Sequence[MapEdge]) -> set[str]:
    """The subject and everything one link away from it stay bright; the rest fades."""
    lit = {subject}
    for e in edges:
        if e.source == subject:
            lit.add(e.target)
        elif e.target == subject:
            lit.add(e.source)
    return lit


def _alliance_nodes(scene: Scene, drawing: _Drawing, lang: str) -> list[MapNode]:
    nodes = []
    for alliance in scene.alliances:
        title = "\n".join([alliance.name,
                           t("map.hover_alliance", lang, status=labels.alliance_status(alliance, lang)),
                           t("map.hover_territories", lang, places=labels.places(alliance.territories, lang)),
                           labels.sdg_lines(alliance.sdgs, lang),
                           t("map.hover_members", lang, n=len(scene.members.get(alliance.id, ())))])
        nodes.append(drawing.node(alliance_node(alliance.id), "alliance", alliance.name, title,
                                  palette.ALLIANCE_COLOUR, "diamond"))
    return nodes


def _policy_nodes(scene: Scene, drawing: _Drawing, lang: str) -> list[MapNode]:
    nodes = []
    for policy in scene.policies:
        title = "\n".join([policy.name, t("map.hover_policy_kind", lang, kind=policy.kind),
                           t("map.hover_territories", lang, places=labels.places(policy.territories, lang)),
                           labels.sdg_lines(policy.sdgs, lang)])
        nodes.append(drawing.node(policy_node(policy.id), "policy", policy.name, title, palette.POLICY_COLOUR,
                                  "square"))
    return nodes


def _sdg_nodes(drawing: _Drawing, lang: str) -> list[MapNode]:
    return [drawing.node(sdg_node(n), "sdg", str(n), sdg_label(n, lang), palette.SDG_COLOUR, "box")
            for n in SDG_NUMBERS]


def _actor_node(actor: Actor, scene: Scene, drawing: _Drawing, lang: str,
                colours: dict[str, str] | None = None) -> MapNode:
    """An actor, its hover text ending with why it overlaps or complements the focus, if it does."""
    nid = actor_node(actor.id)
    title = "\n".join([actor.name, t("map.hover_kind", lang, kind=kind_label(actor.kind, lang)),
                       t("map.hover_territories", lang, places=labels.places(actor.territories, lang)),
                       labels.sdg_lines(actor.all_sdgs, lang),
                       t("map.hover_links", lang, n=drawing.degree[nid])])
    role = ""
    if actor.id in scene.overlaps:
        title += "\n\n" + scene.overlaps[actor.id]
        role = "overlap"
    if actor.id in scene.complements:
        title += "\n\n" + scene.complements[actor.id]
        role = role or "complement"
    if actor.id in scene.betweenness:
        value = percent_label(scene.betweenness[actor.id], lang)
        title += "\n" + t("map.hover_betweenness", lang, value=value)
    colour = colours.get(actor.id, palette.GREY) if colours is not None else palette.KIND_COLOURS[actor.kind]
    kind = f"c{scene.community.get(actor.id, -1)}" if colours is not None else actor.kind.value
    return drawing.node(nid, "actor", actor.name, title, colour, "dot", kind=kind, role=role)

