"""The network map: a selection -> nodes, edges and positions -> a standalone HTML page.

Pure of Streamlit: `build_map(store, selection, lang)` asks the store for what the selection shows
and returns a `MapModel`; `render_html(model, lang)` turns it into one HTML file with vis-network
inlined (no CDN: it opens offline, in the app's iframe or sent to a partner).

What the map shows:
- actors (dots coloured by kind, Okabe-Ito), alliances (black diamonds), public policies (grey
  squares), and optionally the 17 SDGs (white boxes);
- links: membership (actor - alliance), carrying (local authority - policy), articulation
  (alliance - policy), and actor - SDG when asked;
- node size grows with the number of links on the map (degree centrality);
- a focused actor or alliance, with its overlaps (vermillion dashes) and complementarities (green
  dashes) from `ecosystem.analysis`; everything else fades.

Positions come from `ecosystem.ui.layout`, memoised on the graph, physics is off: the map appears
at once and does not move between reruns. Beyond `MAP_NODE_BUDGET` nodes the actors are grouped
(by territory one level below the selection, or by kind), and the model says so.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ecosystem.analysis import wording
from ecosystem.analysis.complementarity import complements
from ecosystem.analysis.overlap import top_overlaps
from ecosystem.datasets.graph import (  # the same ids as exports
    actor_node,
    alliance_node,
    policy_node,
    sdg_node,
)
from ecosystem.model import Actor, ActorKind, Alliance, Level, MemberRole, Policy
from ecosystem.reference import reference
from ecosystem.reference.territories import LEVELS_FINE_TO_COARSE
from ecosystem.store.base import Store
from ecosystem.ui import palette
from ecosystem.ui.i18n import (
    kind_label,
    level_label,
    number_label,
    percent_label,
    place_label,
    role_label,
    sdg_label,
    t,
)
from ecosystem.ui.layout import SPACING, layout

MAP_NODE_BUDGET = 5000
"""Most nodes drawn one by one. Measured in headless Chromium on a 2-core machine (docs/app.md):
5,000 nodes are drawn in a few seconds and pan smoothly; beyond, the actors are grouped."""

FOCUS_SHOWN = 10
"""Overlapping and complementary actors drawn around a focused actor or alliance."""

LABEL_LENGTH = 32
GROUP_BY = ("territory", "kind")


@dataclass(frozen=True, slots=True)
class MapSelection:
    """What the user asked to see; hashable, so it can key a cache."""

    territory: str | None = None
    sdgs: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()  # ActorKind values
    alliances: tuple[str, ...] = ()
    policies: tuple[str, ...] = ()
    focus: str | None = None  # an actor or alliance id
    group_by: str = "territory"
    show_sdgs: bool = False


@dataclass(frozen=True, slots=True)
class MapNode:
    id: str  # "actor:<id>", "alliance:<id>", "policy:<id>", "sdg:<n>", "group:<key>"
    type: str  # actor, alliance, policy, sdg, group
    label: str
    title: str  # hover text, plain text on several lines
    colour: str
    shape: str
    size: float
    x: float
    y: float
    kind: str = ""  # ActorKind value for actors (and groups by kind)
    role: str = ""  # in a focus: subject, member, overlap, complement, faded


@dataclass(frozen=True, slots=True)
class MapEdge:
    source: str
    target: str
    type: str  # member, carrier, aligns, sdg, overlap, complement
    title: str = ""
    colour: str = palette.LINK_COLOUR
    width: float = 1.0
    dashes: bool = False


@dataclass(frozen=True, slots=True)
class LegendItem:
    label: str
    colour: str
    shape: str  # dot, diamond, square, box, line


@dataclass(frozen=True, slots=True)
class MapModel:
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    legend: tuple[LegendItem, ...]
    actors: int  # actors matching the selection (drawn one by one or grouped)
    alliances: int
    policies: int
    grouped: bool = False
    group_by: str = ""
    budget: int = MAP_NODE_BUDGET
    notes: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not self.nodes


# ---------------------------------------------------------------------- gathering


@dataclass(slots=True)
class _Scene:
    """What the selection shows, before it becomes nodes."""

    actor_ids: list[str]
    alliances: list[Alliance]
    policies: list[Policy]
    members: dict[str, list[tuple[str, str]]]  # alliance id -> [(actor id, role)]
    focus_actor: Actor | None = None
    focus_alliance: Alliance | None = None
    overlaps: dict[str, str] = field(default_factory=dict)  # actor id -> hover text
    complements: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _gather(store: Store, sel: MapSelection, lang: str) -> _Scene:
    scope = [sel.territory] if sel.territory else []
    kinds = [ActorKind(k) for k in sel.kinds] or None
    sdgs = set(sel.sdgs)
    actor_ids = store.actors_in(scope, kinds, sorted(sdgs) or None)
    alliances = store.alliances(store.alliances_in(scope)) if scope else store.alliances()
    policies = store.policies(store.policies_in(scope)) if scope else store.policies()
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
        if not sel.policies:  # the policies these alliances articulate with
            aligned = {p for a in alliances for p in a.policies}
            policies = [p for p in policies if p.id in aligned]
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for m in store.memberships(alliance_ids=[a.id for a in alliances]):
        members[m.alliance].append((m.actor, m.role.value))
    if sel.alliances or sel.policies:
        linked = {actor for pairs in members.values() for actor, _ in pairs}
        if sel.policies:
            linked |= {c for p in policies for c in p.carriers}
        actor_ids = [a for a in actor_ids if a in linked]
    scene = _Scene(actor_ids, alliances, policies, dict(members))
    if sel.focus:
        _add_focus(store, sel.focus, scene, lang)
    return scene


def _add_focus(store: Store, focus: str, scene: _Scene, lang: str) -> None:
    found = store.actors([focus])
    if found:
        actor = scene.focus_actor = found[0]
        result = top_overlaps(store, actor.id, k=FOCUS_SHOWN, lang=lang)
        word = t("map.legend_overlap", lang)
        scene.overlaps = {o.actor: f"{word} · {percent_label(o.jaccard, lang)}\n{o.reason}"
                          for o in result.items}
        cresult = complements(store, actor, k=FOCUS_SHOWN, lang=lang)
    else:
        alliances = store.alliances([focus])
        if not alliances:
            scene.notes.append(t("map.focus_missing", lang, id=focus))
            return
        alliance = scene.focus_alliance = alliances[0]
        if alliance.id not in {a.id for a in scene.alliances}:
            scene.alliances.append(alliance)
            scene.members[alliance.id] = [(m.actor, m.role.value)
                                          for m in store.memberships(alliance_ids=[alliance.id])]
        cresult = complements(store, alliance, k=FOCUS_SHOWN, lang=lang)
    word = t("map.legend_complement", lang)
    scene.complements = {c.actor: f"{word} · {percent_label(c.score, lang)}\n{c.reason}"
                         for c in cresult.items}


# ---------------------------------------------------------------------- building


def build_map(store: Store, selection: MapSelection, lang: str = "fr",
              budget: int = MAP_NODE_BUDGET) -> MapModel:
    """The map of `selection`: every actor one by one, or grouped beyond `budget` nodes."""
    scene = _gather(store, selection, lang)
    extra = 17 if selection.show_sdgs else 0
    total = len(scene.actor_ids) + len(scene.alliances) + len(scene.policies) + extra
    if total > budget:
        return _grouped(store, selection, scene, lang, budget)
    return _detailed(store, selection, scene, lang, budget)


def _detailed(store: Store, sel: MapSelection, scene: _Scene, lang: str, budget: int) -> MapModel:
    focus_ids = set(scene.overlaps) | set(scene.complements)
    if scene.focus_actor:
        focus_ids.add(scene.focus_actor.id)
    if scene.focus_alliance:
        focus_ids |= {a for a, _ in scene.members.get(scene.focus_alliance.id, ())}
    base_ids = set(scene.actor_ids)
    actors = {a.id: a for a in store.actors(base_ids | focus_ids)}
    policy_by_id = {p.id: p for p in scene.policies}

    # Base graph: what the filters show, laid out once (memoised) whatever the focus.
    base_edges: list[MapEdge] = []
    for alliance in scene.alliances:
        for actor_id, role in scene.members.get(alliance.id, ()):
            if actor_id in base_ids:
                base_edges.append(_member_edge(actors[actor_id], alliance, role, lang))
        for pid in alliance.policies:
            if pid in policy_by_id:
                base_edges.append(MapEdge(alliance_node(alliance.id), policy_node(pid), "aligns",
                                          t("map.hover_aligns", lang, alliance=alliance.name,
                                            policy=policy_by_id[pid].name), dashes=True))
    for policy in scene.policies:
        for carrier in policy.carriers:
            if carrier in base_ids:
                base_edges.append(MapEdge(actor_node(carrier), policy_node(policy.id), "carrier",
                                          t("map.hover_carries", lang, actor=actors[carrier].name,
                                            policy=policy.name)))
    if sel.show_sdgs:
        for actor_id in sorted(base_ids):
            for number in actors[actor_id].all_sdgs:
                base_edges.append(MapEdge(actor_node(actor_id), sdg_node(number), "sdg",
                                          colour=palette.faded(palette.LINK_COLOUR, 0.5)))
    order = {k: i for i, k in enumerate(ActorKind)}
    base_actor_order = sorted(base_ids, key=lambda i: (order[actors[i].kind], actors[i].name, i))
    hubs = ([alliance_node(a.id) for a in scene.alliances] + [policy_node(p.id) for p in scene.policies]
            + ([sdg_node(n) for n in range(1, 18)] if sel.show_sdgs else []))
    base_nodes = hubs + [actor_node(i) for i in base_actor_order]
    positions = dict(_memo_layout(tuple(base_nodes), tuple(sorted((e.source, e.target) for e in base_edges)),
                                  tuple(hubs)))

    # Focus: its neighbours that the filters left out are set in a ring around it.
    edges = list(base_edges)
    subject = (actor_node(scene.focus_actor.id) if scene.focus_actor
               else alliance_node(scene.focus_alliance.id) if scene.focus_alliance else None)
    if subject:
        if scene.focus_alliance:
            for actor_id, role in scene.members.get(scene.focus_alliance.id, ()):
                if actor_id not in base_ids and actor_id in actors:
                    edges.append(_member_edge(actors[actor_id], scene.focus_alliance, role, lang))
        for actor_id, text in scene.overlaps.items():
            edges.append(MapEdge(subject, actor_node(actor_id), "overlap", text, palette.OVERLAP_COLOUR, 3.0,
                                 True))
        for actor_id, text in scene.complements.items():
            edges.append(MapEdge(subject, actor_node(actor_id), "complement", text, palette.COMPLEMENT_COLOUR,
                                 3.0, True))
        missing = sorted({actor_node(i) for i in focus_ids if actor_node(i) not in positions})
        positions.update(_ring(subject, missing, positions))

    degree: Counter[str] = Counter()
    for e in edges:
        degree[e.source] += 1
        degree[e.target] += 1
    top = max(degree.values(), default=1)

    lit = _lit(subject, edges) if subject else None
    nodes: list[MapNode] = []
    for alliance in scene.alliances:
        nid = alliance_node(alliance.id)
        status = _alliance_status(alliance, lang)
        title = "\n".join([alliance.name, t("map.hover_alliance", lang, status=status),
                           t("map.hover_territories", lang, places=_places(alliance.territories, lang)),
                           t("map.hover_sdgs", lang, sdgs=_sdgs(alliance.sdgs)),
                           t("map.hover_members", lang, n=len(scene.members.get(alliance.id, ())))])
        nodes.append(_node(nid, "alliance", alliance.name, title, palette.ALLIANCE_COLOUR, "diamond",
                           degree[nid], top, positions, lit, subject))
    for policy in scene.policies:
        nid = policy_node(policy.id)
        title = "\n".join([policy.name, t("map.hover_policy_kind", lang, kind=policy.kind),
                           t("map.hover_territories", lang, places=_places(policy.territories, lang)),
                           t("map.hover_sdgs", lang, sdgs=_sdgs(policy.sdgs))])
        nodes.append(_node(nid, "policy", policy.name, title, palette.POLICY_COLOUR, "square",
                           degree[nid], top, positions, lit, subject))
    if sel.show_sdgs:
        for number in range(1, 18):
            nid = sdg_node(number)
            nodes.append(_node(nid, "sdg", str(number), sdg_label(number, lang), palette.SDG_COLOUR, "box",
                               degree[nid], top, positions, lit, subject, font_label=True))
    shown_actors = base_actor_order + sorted(i for i in focus_ids if i not in base_ids and i in actors)
    for actor_id in shown_actors:
        actor = actors[actor_id]
        nid = actor_node(actor_id)
        title = "\n".join([actor.name, t("map.hover_kind", lang, kind=kind_label(actor.kind, lang)),
                           t("map.hover_territories", lang, places=_places(actor.territories, lang)),
                           t("map.hover_sdgs", lang, sdgs=_sdgs(actor.all_sdgs)),
                           t("map.hover_links", lang, n=degree[nid])])
        role = ""
        if actor_id in scene.overlaps:
            title += "\n\n" + scene.overlaps[actor_id]
            role = "overlap"
        if actor_id in scene.complements:
            title += "\n\n" + scene.complements[actor_id]
            role = role or "complement"
        nodes.append(_node(nid, "actor", actor.name, title, palette.KIND_COLOURS[actor.kind], "dot",
                           degree[nid], top, positions, lit, subject, kind=actor.kind.value, role=role))
    present_kinds = {actors[i].kind for i in shown_actors}
    legend = _legend(present_kinds, bool(scene.alliances), bool(scene.policies), sel.show_sdgs,
                     bool(scene.overlaps), bool(scene.complements), False, lang)
    notes = list(scene.notes)
    return MapModel(tuple(nodes), tuple(edges), legend, len(shown_actors), len(scene.alliances),
                    len(scene.policies), False, "", budget, tuple(notes))


def _member_edge(actor: Actor, alliance: Alliance, role: str, lang: str) -> MapEdge:
    return MapEdge(actor_node(actor.id), alliance_node(alliance.id), "member",
                   t("map.hover_role", lang, actor=actor.name, role=role_label(role, lang),
                     alliance=alliance.name),
                   width=2.0 if role == MemberRole.PILOTE.value else 1.0)


def _lit(subject: str, edges: Sequence[MapEdge]) -> set[str]:
    """The subject and everything one link away from it stay bright; the rest fades."""
    lit = {subject}
    for e in edges:
        if e.source == subject:
            lit.add(e.target)
        elif e.target == subject:
            lit.add(e.source)
    return lit


def _node(nid: str, type_: str, label: str, title: str, colour: str, shape: str, degree: int, top: int,
          positions: dict[str, tuple[float, float]], lit: set[str] | None, subject: str | None,
          kind: str = "", role: str = "", font_label: bool = False) -> MapNode:
    size = 8.0 + 22.0 * math.sqrt(degree / top) if top else 8.0
    if type_ in ("alliance", "policy"):
        size = max(size, 14.0)
    if nid == subject:
        role, size = "subject", max(size, 34.0)
    elif lit is not None and nid not in lit:
        role, colour = "faded", palette.faded(colour, 0.18)
    elif lit is not None and not role:
        role = "linked"
    x, y = positions.get(nid, (0.0, 0.0))
    short = label if font_label or len(label) <= LABEL_LENGTH else label[:LABEL_LENGTH - 1] + "…"
    return MapNode(nid, type_, short, title, colour, shape, round(size, 1), x, y, kind, role)


def _ring(centre: str, ids: Sequence[str],
          positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Positions for nodes the filters left out, on a ring around the focused node."""
    if centre in positions:
        cx, cy = positions[centre]
    elif positions:
        cx = max(x for x, _ in positions.values()) + SPACING * 6
        cy = sum(y for _, y in positions.values()) / len(positions)
    else:
        cx = cy = 0.0
    placed = {centre: (cx, cy)} if centre not in positions else {}
    radius = SPACING * max(3.0, len(ids) / 2.5)
    for i, nid in enumerate(ids):
        angle = 2 * math.pi * i / max(1, len(ids))
        placed[nid] = (round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1))
    return placed


@lru_cache(maxsize=64)
def _memo_layout(nodes: tuple[str, ...], edges: tuple[tuple[str, str], ...],
                 hubs: tuple[str, ...]) -> tuple[tuple[str, tuple[float, float]], ...]:
    return tuple(layout(nodes, edges, hubs).items())


# ---------------------------------------------------------------------- grouping


def group_level(territory: str | None) -> Level | None:
    """The level actors are grouped at: one below the selected territory (régions for the whole
    country); None for a commune, which has nothing below.

    >>> group_level(None), group_level("departement:26"), group_level("commune:26362")
    (<Level.REGION: 'region'>, <Level.EPCI: 'epci'>, None)
    """
    if territory is None:
        return Level.REGION
    level = reference().hierarchy[territory].level
    return None if level == Level.COMMUNE else LEVELS_FINE_TO_COARSE[level.rank - 1]


def _single_place(territories: Sequence[str], level: Level) -> str | None:
    """The one level-`level` territory where an actor acting in `territories` is present, or None
    when it is present in several. Stops at the first territory spanning more than one place, so a
    national actor costs one cached lookup instead of a presence of 35,000 communes (at 1M actors,
    asking the store for the presence of a map's actors took minutes)."""
    h = reference().hierarchy
    only: frozenset[str] | None = None
    for tid in territories:
        places = h.project(tid, level)
        if len(places) != 1 or (only is not None and places != only):
            return None
        only = places
    return next(iter(only)) if only else None


def _grouped(store: Store, sel: MapSelection, scene: _Scene, lang: str, budget: int) -> MapModel:
    level = group_level(sel.territory)
    by = "kind" if sel.group_by == "kind" or level is None else "territory"
    ids = set(scene.actor_ids)
    actors = store.actors(sorted(ids))  # the scene is already filtered by kind and SDG
    kind_of = {actor.id: actor.kind for actor in actors}
    group_of: dict[str, str] = {}
    labels: dict[str, str] = {}
    if by == "territory" and level is not None:
        wide = f"group:wide:{level.value}"
        labels[wide] = t("map.group_wide", lang, level=level_label(level, lang, plural=True))
        for actor in actors:
            place = _single_place(actor.territories, level)
            if place is not None:
                group_of[actor.id] = f"group:{place}"
                labels.setdefault(f"group:{place}", wording.territory_name(place))
            else:
                group_of[actor.id] = wide
    else:
        for actor_id, kind in kind_of.items():
            group_of[actor_id] = f"group:{kind.value}"
            labels[f"group:{kind.value}"] = kind_label(kind, lang, plural=True)
    counts: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for actor_id, group in group_of.items():
        counts[group][kind_of.get(actor_id, ActorKind.AUTRE)] += 1

    # Alliances and policies: the biggest ones when even they exceed what is left of the budget.
    room = max(0, budget - len(counts))
    alliances = sorted(scene.alliances, key=lambda a: (-len(scene.members.get(a.id, ())), a.id))[: room // 2]
    policies = sorted(scene.policies, key=lambda p: (-len(p.carriers), p.id))[: room - len(alliances)]
    edges: list[MapEdge] = []
    weight: Counter[tuple[str, str]] = Counter()
    for alliance in alliances:
        for actor_id, _ in scene.members.get(alliance.id, ()):
            if actor_id in group_of:
                weight[(group_of[actor_id], alliance_node(alliance.id))] += 1
    for policy in policies:
        for carrier in policy.carriers:
            if carrier in group_of:
                weight[(group_of[carrier], policy_node(policy.id))] += 1
    for (a, b), n in sorted(weight.items()):
        edges.append(MapEdge(a, b, "member", t("map.hover_members", lang, n=n),
                             width=min(6.0, 1.0 + math.log1p(n))))
    kept_policies = {p.id for p in policies}
    for alliance in alliances:
        for pid in alliance.policies:
            if pid in kept_policies:
                edges.append(MapEdge(alliance_node(alliance.id), policy_node(pid), "aligns", dashes=True))

    group_ids = sorted(counts, key=lambda g: (-sum(counts[g].values()), g))
    hubs = [alliance_node(a.id) for a in alliances] + [policy_node(p.id) for p in policies]
    positions = dict(_memo_layout(tuple(group_ids + hubs), tuple(sorted((e.source, e.target) for e in edges)),
                                  tuple(group_ids)))
    biggest = max((sum(c.values()) for c in counts.values()), default=1)
    nodes: list[MapNode] = []
    for gid in group_ids:
        n = sum(counts[gid].values())
        detail = "\n".join(f"  {kind_label(k, lang, plural=v > 1)} : {v}" if lang == "fr"
                           else f"  {kind_label(k, lang, plural=v > 1)}: {v}"
                           for k, v in sorted(counts[gid].items(), key=lambda kv: -kv[1]))
        title = "\n".join([labels[gid], t("map.hover_group", lang, n=n), detail])
        key = gid.split(":", 1)[1]
        colour = palette.KIND_COLOURS[ActorKind(key)] if by == "kind" else palette.GROUP_COLOUR
        size = 12.0 + 50.0 * math.sqrt(n / biggest)
        x, y = positions[gid]
        nodes.append(MapNode(gid, "group", f"{labels[gid]} ({n})", title, colour, "dot", round(size, 1), x, y,
                             gid.split(":", 1)[1] if by == "kind" else ""))
    for alliance in alliances:
        nid = alliance_node(alliance.id)
        x, y = positions[nid]
        members = len(scene.members.get(alliance.id, ()))
        title = "\n".join([alliance.name, t("map.hover_members", lang, n=members)])
        nodes.append(MapNode(nid, "alliance", alliance.name[:LABEL_LENGTH], title, palette.ALLIANCE_COLOUR,
                             "diamond", 14.0, x, y))
    for policy in policies:
        nid = policy_node(policy.id)
        x, y = positions[nid]
        nodes.append(MapNode(nid, "policy", policy.name[:LABEL_LENGTH], f"{policy.name}\n{policy.kind}",
                             palette.POLICY_COLOUR, "square", 12.0, x, y))
    by_words = t("map.group_territory", lang) if by == "territory" else t("map.group_kind", lang)
    notes = [t("map.grouped", lang, actors=number_label(len(ids), lang), budget=number_label(budget, lang),
               by=by_words), *scene.notes]
    kinds = set(kind_of.values()) if by == "kind" else set()
    legend = _legend(kinds, bool(alliances), bool(policies), False, False, False, by == "territory", lang)
    return MapModel(tuple(nodes), tuple(edges), legend, len(ids), len(alliances), len(policies), True, by,
                    budget, tuple(notes))


# ---------------------------------------------------------------------- words


def _places(territories: Iterable[str], lang: str) -> str:
    ids = list(territories)
    if not ids:
        return t("common.none", lang)
    shown = [place_label(tid, lang) for tid in ids[:3]]
    more = f" {t('common.more', lang, n=len(ids) - 3)}" if len(ids) > 3 else ""
    return ", ".join(shown) + more


def _sdgs(numbers: Iterable[int]) -> str:
    values = sorted(numbers)
    return " · ".join(str(n) for n in values) if values else "—"


def _alliance_status(alliance: Alliance, lang: str) -> str:
    words = {"projet": ("en projet", "planned"), "active": ("active", "active"),
             "terminee": ("terminée", "ended")}
    fr, en = words.get(alliance.status.value, (alliance.status.value, alliance.status.value))
    return wording.tr(lang, fr, en)


def _legend(kinds: set[ActorKind], alliances: bool, policies: bool, sdgs: bool, overlaps: bool,
            complements_: bool, groups: bool, lang: str) -> tuple[LegendItem, ...]:
    items = [LegendItem(kind_label(k, lang), palette.KIND_COLOURS[k], "dot") for k in ActorKind if k in kinds]
    if groups:
        items.append(LegendItem(t("map.legend_group", lang), palette.GROUP_COLOUR, "dot"))
    if alliances:
        items.append(LegendItem(t("map.legend_alliance", lang), palette.ALLIANCE_COLOUR, "diamond"))
    if policies:
        items.append(LegendItem(t("map.legend_policy", lang), palette.POLICY_COLOUR, "square"))
    if sdgs:
        items.append(LegendItem(t("map.legend_sdg", lang), palette.SDG_COLOUR, "box"))
    if overlaps:
        items.append(LegendItem(t("map.legend_overlap", lang), palette.OVERLAP_COLOUR, "line"))
    if complements_:
        items.append(LegendItem(t("map.legend_complement", lang), palette.COMPLEMENT_COLOUR, "line"))
    return tuple(items)


# ---------------------------------------------------------------------- HTML


VIS_OPTIONS: dict = {
    "autoResize": True,
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False, "randomSeed": 7},
    "nodes": {
        "borderWidth": 1,
        "font": {"size": 11, "face": "Source Sans Pro, Arial, sans-serif", "strokeWidth": 3,
                 "strokeColor": "#ffffff"},
        "scaling": {"label": {"drawThreshold": 6}},
    },
    "edges": {"smooth": False, "color": {"color": palette.LINK_COLOUR, "inherit": False},
              "selectionWidth": 2},
    "interaction": {"hover": True, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True, "tooltipDelay": 120,
                    "keyboard": False, "navigationButtons": False, "zoomSpeed": 0.8},
}
"""vis-network options tuned for big graphs: no physics, no improved layout (its O(n²) start),
straight edges, edges hidden while dragging or zooming."""


def vis_data(model: MapModel) -> tuple[list[dict], list[dict], dict[str, dict]]:
    """Nodes, edges and node groups as vis-network wants them.

    Colours and shapes go in groups (one per type, kind and fading), so each node carries only its
    id, label, hover text, position, size and group: a third of the bytes on a 5,000-node map.
    """
    groups: dict[str, dict] = {}
    nodes = []
    for n in model.nodes:
        group = f"{n.type}.{n.kind}.{'faded' if n.role == 'faded' else 'lit'}"
        if group not in groups:
            groups[group] = {"shape": n.shape, "color": {
                "background": n.colour, "border": _border(n),
                "highlight": {"background": n.colour, "border": "#000000"},
                "hover": {"background": n.colour, "border": "#000000"}}}
            if n.shape == "box":
                groups[group]["font"] = {"size": 16, "color": "#000000"}
                groups[group]["widthConstraint"] = {"minimum": 28}
        node: dict = {"id": n.id, "label": n.label, "title": n.title, "x": n.x, "y": n.y, "size": n.size,
                      "group": group}
        if n.role == "faded":
            node["label"] = " "  # the name shows on hover; faded labels would only clutter
        if n.role == "subject":
            node["borderWidth"] = 4
            node["color"] = {"background": n.colour, "border": "#000000"}
            node["font"] = {"size": 22}
        elif n.role in ("linked", "overlap", "complement"):
            node["font"] = {"size": 18}
        elif n.type in ("alliance", "group") and n.role != "faded":
            node["font"] = {"size": 16}
        elif n.type == "policy" and n.role != "faded":
            node["font"] = {"size": 13}
        nodes.append(node)
    edges = []
    for e in model.edges:
        edge: dict = {"from": e.source, "to": e.target}
        if e.colour != palette.LINK_COLOUR:
            edge["color"] = {"color": e.colour}
        if e.width != 1.0:
            edge["width"] = e.width
        if e.title:
            edge["title"] = e.title
        if e.dashes:
            edge["dashes"] = True
        edges.append(edge)
    return nodes, edges, groups


def _border(node: MapNode) -> str:
    if node.role == "subject":
        return "#000000"
    if node.role == "faded":
        return "rgba(0,0,0,0.1)"
    if node.shape == "box":
        return "#000000"
    return "#222222" if node.type != "alliance" else "#000000"


def render_html(model: MapModel, lang: str = "fr", height: int = 700, title: str = "") -> str:
    """A standalone HTML page drawing the map (vis-network inlined, from the pyvis package).

    The page sets `window.ecosystemMap` once the first frame is drawn ({nodes, edges, drawnAt,
    drawMs}) and keeps the vis Network in `window.network`: the browser tests read them.
    """
    from pyvis.network import Network

    net = Network(height=f"{height}px", width="100%", directed=False, cdn_resources="in_line", heading="")
    nodes, edges, groups = vis_data(model)
    # Bulk assignment: pyvis' add_node/add_edge check duplicates in lists, O(n²) on 5,000 nodes.
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.options = {**VIS_OPTIONS, "groups": groups}
    data_nodes, data_edges, _, height_css, width_css, options = net.get_network_data()
    page = _TEMPLATE
    replacements = {
        "%%LANG%%": html.escape(lang),
        "%%TITLE%%": html.escape(title or t("map.title", lang)),
        "%%VIS_CSS%%": _asset("vis-network.css"),
        "%%VIS_JS%%": _asset("vis-network.min.js"),
        "%%HEIGHT%%": html.escape(height_css),
        "%%WIDTH%%": html.escape(width_css),
        "%%LEGEND%%": _legend_html(model, lang),
        "%%NODES%%": _script_json(data_nodes),
        "%%EDGES%%": _script_json(data_edges),
        "%%OPTIONS%%": _script_json(json.loads(options) if isinstance(options, str) else options),
    }
    for key in ("%%LANG%%", "%%TITLE%%", "%%HEIGHT%%", "%%WIDTH%%", "%%LEGEND%%", "%%NODES%%", "%%EDGES%%",
                "%%OPTIONS%%", "%%VIS_CSS%%", "%%VIS_JS%%"):
        page = page.replace(key, replacements[key], 1)
    return page


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element (no "</script>" nor "<!--" can close or open anything)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    """vis-network's script, or the only rule of its stylesheet the map uses (the tooltip): the rest
    of the 220 kB stylesheet styles the editing and navigation widgets, which are off."""
    import pyvis

    root = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    text = (root / name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        return text.replace("</script", "<\\/script")
    return "".join(re.findall(r"div\.vis-tooltip\{[^}]*\}", text)).replace("</style", "")


def _legend_html(model: MapModel, lang: str) -> str:
    rows = [f'<li class="title">{html.escape(t("map.legend", lang))}</li>']
    for item in model.legend:
        colour = html.escape(item.colour)
        if item.shape == "line":
            mark = f'<span class="mark line" style="border-top-color:{colour}"></span>'
        else:
            mark = f'<span class="mark {html.escape(item.shape)}" style="background:{colour}"></span>'
        rows.append(f"<li>{mark}{html.escape(item.label)}</li>")
    rows.append(f'<li class="note">{html.escape(t("map.legend_size", lang))}</li>')
    rows.append(f'<li class="note">{html.escape(t("map.legend_hint", lang))}</li>')
    return f'<ul id="legend">{"".join(rows)}</ul>'


_TEMPLATE = """<!DOCTYPE html>
<html lang="%%LANG%%">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%%TITLE%%</title>
<style>%%VIS_CSS%%</style>
<style>
  html, body { margin: 0; padding: 0; font-family: "Source Sans Pro", Arial, sans-serif; background: #fff; }
  #wrap { width: %%WIDTH%%; height: %%HEIGHT%%; display: flex; flex-direction: column; gap: 6px; }
  #mynetwork { flex: 1; min-height: 200px; border: 1px solid #d9d9d9; border-radius: 6px; }
  #legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px; font-size: 13px;
            margin: 0; padding: 4px 2px; list-style: none; }
  #legend li { display: flex; align-items: center; gap: 5px; }
  #legend li.title { font-weight: 600; }
  #legend li.note { color: #555; font-style: italic; }
  .mark { display: inline-block; width: 12px; height: 12px; border: 1px solid #222; flex: none; }
  .mark.dot { border-radius: 50%; }
  .mark.diamond { transform: rotate(45deg); width: 10px; height: 10px; }
  .mark.box { border-radius: 2px; }
  .mark.line { width: 18px; height: 0; border: none; border-top: 3px dashed; }
  div.vis-tooltip { white-space: pre-line; max-width: 420px; font-family: inherit; font-size: 13px;
                    line-height: 1.35; padding: 8px; background: #fffef5; border: 1px solid #999; }
</style>
</head>
<body>
<div id="wrap">%%LEGEND%%<div id="mynetwork" role="img" aria-label="%%TITLE%%"></div></div>
<script>%%VIS_JS%%</script>
<script>
(function () {
  var started = performance.now();
  var nodes = new vis.DataSet(%%NODES%%);
  var edges = new vis.DataSet(%%EDGES%%);
  var options = %%OPTIONS%%;
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  window.network = network;
  network.once("afterDrawing", function () {
    window.ecosystemMap = {nodes: nodes.length, edges: edges.length, drawnAt: Date.now(),
                           drawMs: performance.now() - started};
    document.body.setAttribute("data-drawn", "1");
  });
  network.fit({animation: false});
})();
</script>
</body>
</html>
"""


@dataclass(frozen=True, slots=True)
class MapView:
    model: MapModel
    html: str


def map_view(store: Store, selection: MapSelection, lang: str = "fr", height: int = 700) -> MapView:
    """The model and its HTML page: what the map page caches."""
    model = build_map(store, selection, lang)
    return MapView(model, render_html(model, lang, height))
