"""Colours of the app: the Okabe-Ito palette, safe for the common forms of colour blindness.

Okabe M. & Ito K., "Color Universal Design" (2002): eight colours that stay distinct for
deuteranopes, protanopes and tritanopes. Kinds of actors get seven of them; the shapes of the map
(dot, diamond, square) carry the node type, so colour is never the only cue.
"""

from __future__ import annotations

from ecosystem.model import ActorKind

ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#999999"

KIND_COLOURS: dict[ActorKind, str] = {
    ActorKind.ASSOCIATION: BLUE,
    ActorKind.ENTREPRISE: ORANGE,
    ActorKind.COLLECTIVITE: BLUISH_GREEN,
    ActorKind.SERVICE_PUBLIC: SKY_BLUE,
    ActorKind.FONDATION: REDDISH_PURPLE,
    ActorKind.RECHERCHE: VERMILLION,
    ActorKind.COLLECTIF_CITOYEN: YELLOW,
    ActorKind.AUTRE: GREY,
}

ALLIANCE_COLOUR = BLACK
POLICY_COLOUR = "#6E6E6E"
SDG_COLOUR = "#FFFFFF"
GROUP_COLOUR = SKY_BLUE
OVERLAP_COLOUR = VERMILLION
COMPLEMENT_COLOUR = BLUISH_GREEN
LINK_COLOUR = "#A0A0A0"

STATUS_COLOURS = {"met": BLUISH_GREEN, "partly": ORANGE, "not_met": VERMILLION, "not_assessable": GREY}

FAMILY_COLOURS = {"principe": BLUE, "modalite": ORANGE, "moyen": BLUISH_GREEN}

SEQUENTIAL = ((0.0, "#F7FBFF"), (0.15, "#C6DBEF"), (0.4, "#6BAED6"), (0.7, "#2171B5"), (1.0, "#08306B"))
"""A light-to-dark blue scale for counts (heatmaps): readable in greyscale too."""


def faded(colour: str, alpha: float = 0.2) -> str:
    """The colour made see-through, for what is not in focus.

    >>> faded("#0072B2", 0.5)
    'rgba(0,114,178,0.5)'
    """
    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha:g})"

# ---------------------------------------------------------------------- the network map's switches

UNLINKED_COLOUR = "#D9D9D9"
"""The group of actors with no link: light grey, as it stands for what is not connected."""

DUPLICATE_COLOUR = REDDISH_PURPLE
"""Links between probable duplicates: apart from overlaps (vermillion) and complements (green)."""

COMMUNITY_COLOURS = (BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW)
"""The seven biggest communities, in Okabe-Ito order; smaller ones are grey (GREY)."""
