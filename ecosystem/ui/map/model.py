"""What a map is, as plain values: the selection asked for, and the nodes, edges and legend drawn.

Frozen dataclasses, so a selection keys the app's cache and a model compares with `==`. Nothing
here knows the store, the language or the HTML: the builders fill these in, the renderer draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ecosystem.ui import palette
from ecosystem.ui.map.style import LINK_WIDTH

MAP_NODE_BUDGET = 5000
"""Most nodes drawn one by one. Measured in headless Chromium on a 2-core machine (docs/app.md):
5,000 nodes are drawn in a few seconds and pan smoothly; beyond, the actors are grouped."""

GROUP_BY = ("territory", "kind")
"""How actors can be grouped beyond the budget: the map page offers these two choices."""

COLOUR_BY = ("kind", "community")
"""What an actor's colour says: its kind, or its community in the network of linked actors."""

SIZE_BY = ("links", "brokers")
"""What an actor's size says: its links on the map, or its betweenness (who bridges the network)."""

UNLINKED_GROUP = "group:unlinked"
"""The one node standing for the actors with no link on a detailed map."""


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
    colour_by: str = "kind"  # one of COLOUR_BY
    size_by: str = "links"  # one of SIZE_BY
    overlaps: bool = True  # draw the focus's overlaps, or the selection's top overlapping pairs
    complements: bool = True  # draw the focus's complements
    duplicates: bool = False  # draw the groups of probable duplicates


@dataclass(frozen=True, slots=True)
class MapNode:
    """One drawn node, with everything the renderer needs (no lookup left to do)."""

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
    name: str = ""  # the full name, when the label is cut (tooltips and the side panel show it)
    opens: str = ""  # a group: what clicking it opens ("territory:<id>", "kind:<kind>", "unlinked")


@dataclass(frozen=True, slots=True)
class MapEdge:
    """One drawn link; the defaults are the plain grey line most links are."""

    source: str
    target: str
    type: str  # member, carrier, aligns, sdg, overlap, complement, pair, duplicate
    title: str = ""
    colour: str = palette.LINK_COLOUR
    width: float = LINK_WIDTH
    dashes: bool = False


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One line of the legend written above the map."""

    label: str
    colour: str
    shape: str  # dot, diamond, square, box, line, dotted


@dataclass(frozen=True, slots=True)
class MapModel:
    """A whole map: what is drawn, and the counts and notes the page writes beside it."""

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
    unlinked: tuple[str, ...] = field(default=())  # actor ids folded into the UNLINKED_GROUP node

    @property
    def empty(self) -> bool:
        return not self.nodes
