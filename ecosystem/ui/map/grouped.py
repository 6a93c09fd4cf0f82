"""The grouped map: beyond the node budget, actors become one node per territory or per kind.

Pure: takes the scene and its actors, gives back nodes, edges and a legend. Territories are read
from the shipped reference hierarchy, never from the store, so grouping a million actors costs one
cached lookup per territory an actor names.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ecosystem.datasets.graph import alliance_node, policy_node, sdg_node
from ecosystem.model import SDG_NUMBERS, Actor, ActorKind, Alliance, Level, Policy
from ecosystem.reference import reference
from ecosystem.reference.territories import LEVELS_FINE_TO_COARSE
from ecosystem.store.base import ActorOutline
from ecosystem.ui import palette
from ecosystem.ui.i18n import kind_label, level_label, number_label, place_label, sdg_label, t
from ecosystem.ui.layout import Point
from ecosystem.ui.map import labels
from ecosystem.ui.map.model import MapEdge, MapModel, MapNode, MapSelection
from ecosystem.ui.map.positions import positions
from ecosystem.ui.map.questions import Scene
from ecosystem.ui.map.style import (
    DECIMALS,
    GROUP_SIZE_MIN,
    GROUP_SIZE_RANGE,
    GROUPED_ALLIANCE_SHARE,
    GROUPED_ALLIANCE_SIZE,
    GROUPED_EDGE_WIDTH_MAX,
    GROUPED_POLICY_SIZE,
    LINK_WIDTH,
    SDG_LINK_ALPHA,
)

Outline = ActorOutline | Actor
"""What the grouped map reads of an actor: an outline, or the whole record (same attributes)."""

Groups = tuple[dict[str, str], dict[str, str]]
"""(actor id -> group node id, group node id -> label)."""


def grouped_map(sel: MapSelection, scene: Scene, actors: Mapping[str, Outline], lang: str,
                budget: int) -> MapModel:
    """The map of `scene` with its actors grouped; `actors` holds the scene's actors by id, their
    outlines (kind, territories, SDGs) being all it reads."""
    level = group_level(sel.territory)
    by = "kind" if sel.group_by == "kind" or level is None else "territory"
    kind_of = {a.id: a.kind for a in actors.values()}
    if level is not None and by == "territory":
        group_of, names = _by_territory(actors.values(), level, lang)
    else:
        group_of, names = _by_kind(kind_of, lang)
    counts: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for actor_id, group in group_of.items():
        counts[group][kind_of[actor_id]] += 1
    sdg_room = len(SDG_NUMBERS) if sel.show_sdgs else 0
    alliances, policies = _biggest_hubs(scene, max(0, budget - len(counts) - sdg_room))
    edges = _edges(scene, alliances, policies, group_of, lang)
    if sel.show_sdgs:
        edges += _sdg_edges(actors.values(), group_of, lang)
    group_ids = sorted(counts, key=lambda g: (-sum(counts[g].values()), g))
    hubs = ([alliance_node(a.id) for a in alliances] + [policy_node(p.id) for p in policies]
            + ([sdg_node(n) for n in SDG_NUMBERS] if sel.show_sdgs else []))
    # The groups, not the alliances, anchor this layout: they are what the grouped map is about.
    placed = positions(group_ids + hubs, ((e.source, e.target) for e in edges), group_ids)
    nodes = (_group_nodes(group_ids, counts, names, by, placed, lang)
             + _alliance_nodes(alliances, scene, placed, lang) + _policy_nodes(policies, placed)
             + (_sdg_nodes(placed, lang) if sel.show_sdgs else []))
    actor_count = len(set(scene.actor_ids))
    by_words = t("map.group_territory", lang) if by == "territory" else t("map.group_kind", lang)
    notes = (t("map.grouped", lang, actors=number_label(actor_count, lang), budget=number_label(budget, lang),
               by=by_words), *scene.notes, *((t("map.grouped_sdgs", lang),) if sel.show_sdgs else ()))
    legend = labels.legend(set(kind_of.values()) if by == "kind" else set(), alliances=bool(alliances),
                           policies=bool(policies), groups=by == "territory", sdg_nodes=sel.show_sdgs,
                           sdgs_named=sel.show_sdgs, lang=lang)
    return MapModel(tuple(nodes), tuple(edges), legend, actor_count, len(alliances), len(policies), True, by,
                    budget, notes)


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


def single_place(territories: Sequence[str], level: Level) -> str | None:
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


# ---------------------------------------------------------------------- groups


def _by_territory(actors: Iterable[Outline], level: Level, lang: str) -> Groups:
    """Each actor in the group of its one place at `level`, or in the group of the wide ones."""
    wide = f"group:wide:{level.value}"
    group_of: dict[str, str] = {}
    names = {wide: t("map.group_wide", lang, level=level_label(level, lang, plural=True))}
    for actor in actors:
        place = single_place(actor.territories, level)
        if place is None:
            group_of[actor.id] = wide
        else:
            group_of[actor.id] = f"group:{place}"
            names.setdefault(f"group:{place}", place_label(place, lang))  # « Valence (Drôme, 26) »
    return group_of, names


def _by_kind(kind_of: dict[str, ActorKind], lang: str) -> Groups:
    group_of = {actor_id: f"group:{kind.value}" for actor_id, kind in kind_of.items()}
    names = {f"group:{kind.value}": kind_label(kind, lang, plural=True) for kind in kind_of.values()}
    return group_of, names


def _biggest_hubs(scene: Scene, room: int) -> tuple[list[Alliance], list[Policy]]:
    """The alliances with most members and the policies with most carriers that fit in `room`."""
    alliances = sorted(scene.alliances, key=lambda a: (-len(scene.members.get(a.id, ())), a.id))
    alliances = alliances[: room // GROUPED_ALLIANCE_SHARE]
    policies = sorted(scene.policies, key=lambda p: (-len(p.carriers), p.id))[: room - len(alliances)]
    return alliances, policies


def _edges(scene: Scene, alliances: list[Alliance], policies: list[Policy], group_of: dict[str, str],
           lang: str) -> list[MapEdge]:
    """One link per group and hub, as wide as the members or carriers behind it; then articulation."""
    weight: Counter[tuple[str, str]] = Counter()
    for alliance in alliances:
        for actor_id, _ in scene.members.get(alliance.id, ()):
            if actor_id in group_of:
                weight[(group_of[actor_id], alliance_node(alliance.id))] += 1
    for policy in policies:
        for carrier in policy.carriers:
            if carrier in group_of:
                weight[(group_of[carrier], policy_node(policy.id))] += 1
    edges = [MapEdge(a, b, "member", t("map.hover_members", lang, n=n),
                     width=min(GROUPED_EDGE_WIDTH_MAX, LINK_WIDTH + math.log1p(n)))
             for (a, b), n in sorted(weight.items())]
    kept = {p.id for p in policies}
    edges += [MapEdge(alliance_node(a.id), policy_node(pid), "aligns", dashes=True)
              for a in alliances for pid in a.policies if pid in kept]
    return edges


def _sdg_edges(actors: Iterable[Outline], group_of: dict[str, str], lang: str) -> list[MapEdge]:
    """One link per group and SDG, as wide as the group's actors contributing to it: the SDG switch
    applies to a grouped map too (it was silently ignored)."""
    weight: Counter[tuple[str, int]] = Counter()
    for actor in actors:
        for n in actor.all_sdgs:
            weight[(group_of[actor.id], n)] += 1
    faint = palette.faded(palette.LINK_COLOUR, SDG_LINK_ALPHA)
    return [MapEdge(g, sdg_node(n), "sdg", labels.actor_count(k, lang), faint,
                    min(GROUPED_EDGE_WIDTH_MAX, LINK_WIDTH + math.log1p(k)))
            for (g, n), k in sorted(weight.items())]


# ---------------------------------------------------------------------- nodes


def _sdg_nodes(placed: dict[str, Point], lang: str) -> list[MapNode]:
    return [MapNode(sdg_node(n), "sdg", str(n), sdg_label(n, lang), palette.SDG_COLOUR, "box",
                    GROUPED_POLICY_SIZE, *placed[sdg_node(n)], name=sdg_label(n, lang)) for n in SDG_NUMBERS]


def _group_nodes(group_ids: list[str], counts: dict[str, Counter[ActorKind]], names: dict[str, str], by: str,
                 placed: dict[str, Point], lang: str) -> list[MapNode]:
    """Groups sized by their share of the biggest one, their hover text counting actors per kind."""
    biggest = max((sum(c.values()) for c in counts.values()), default=1)
    nodes = []
    for gid in group_ids:
        n = sum(counts[gid].values())
        by_kind = sorted(counts[gid].items(), key=lambda kv: -kv[1])  # stable: kinds in order of arrival
        title = "\n".join([names[gid], labels.actor_count(n, lang),
                           "\n".join(labels.kind_count(k, v, lang) for k, v in by_kind)])
        key = gid.split(":", 1)[1]
        colour = palette.KIND_COLOURS[ActorKind(key)] if by == "kind" else palette.GROUP_COLOUR
        size = GROUP_SIZE_MIN + GROUP_SIZE_RANGE * math.sqrt(n / biggest)
        label = (t("map.group_count_one", lang, name=names[gid]) if n == 1
                 else t("map.group_count", lang, name=names[gid], n=number_label(n, lang)))
        opens = "" if key.startswith("wide:") else (f"kind:{key}" if by == "kind" else f"territory:{key}")
        nodes.append(MapNode(gid, "group", label, title, colour, "dot", round(size, DECIMALS),
                             *placed[gid], key if by == "kind" else "", name=label, opens=opens))
    return nodes


def _alliance_nodes(alliances: list[Alliance], scene: Scene, placed: dict[str, Point],
                    lang: str) -> list[MapNode]:
    """Alliances at one size, their name cut with an ellipsis, whole in the hover text and the panel."""
    nodes = []
    for alliance in alliances:
        nid = alliance_node(alliance.id)
        members = len(scene.members.get(alliance.id, ()))
        title = "\n".join([alliance.name, t("map.hover_members", lang, n=members)])
        nodes.append(MapNode(nid, "alliance", labels.short(alliance.name), title, palette.ALLIANCE_COLOUR,
                             "diamond", GROUPED_ALLIANCE_SIZE, *placed[nid], name=alliance.name))
    return nodes


def _policy_nodes(policies: list[Policy], placed: dict[str, Point]) -> list[MapNode]:
    return [MapNode(policy_node(p.id), "policy", labels.short(p.name), f"{p.name}\n{p.kind}",
                    palette.POLICY_COLOUR, "square", GROUPED_POLICY_SIZE, *placed[policy_node(p.id)],
                    name=p.name)
            for p in policies]
