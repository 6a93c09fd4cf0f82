"""The map's look in numbers: sizes, widths, fading, label lengths and vis-network settings.

Each value is named once, with why it is what it is, so a change of look is one line here and the
builders and the renderer stay free of bare numbers. Colours of kinds and node types are in
`ecosystem.ui.palette` (shared with the charts); only the map's own shades are here.
"""

from __future__ import annotations

# ---------------------------------------------------------------------- labels

LABEL_LENGTH = 32
"""Longest label drawn on the canvas: about two words of a long name, so neighbouring labels rarely
collide; the full name is in the hover text."""

UNLINKED_SHOWN_MAX = 12
"""Actors with no link drawn one by one up to this many; more become one group node (« 312 acteurs
sans lien »): a dozen lone dots still read as actors, hundreds only as a grid."""

LABEL_PX = 12
"""Labels of actors, in screen pixels: the component keeps labels this size at any zoom."""

LABEL_PX_HUB = 14
"""Labels of groups, alliances and what a focus links to, in screen pixels."""

LABEL_PX_SUBJECT = 17
"""Label of the focused node, in screen pixels: the largest text on the map."""

LABEL_TIERS = {"subject": 0, "group": 1, "linked": 2, "overlap": 2, "complement": 2, "alliance": 3,
               "sdg": 4, "policy": 5, "actor": 6, "faded": 9}
"""Label priority by role in a focus, else by type: lower is labelled first when labels compete for
room (the focus, then the groups, what the focus links to, alliances, SDGs, policies, actors)."""

LABEL_MAX_VISIBLE = 60
"""vis-network's cap on a label's size on screen: above the component's sizes, so it never cuts them."""

DIGEST_CHARS = 16
"""Hex characters of a content digest kept to name a version or a folder: 64 bits, no collision."""

PLACES_SHOWN = 3
"""Territories written in a hover text before "and N more": enough to place an actor, short enough
for a tooltip."""

# ---------------------------------------------------------------------- node sizes (canvas pixels)

NODE_SIZE_MIN = 8.0
"""Size of a node with no link: still visible at the zoom that fits 5,000 nodes."""

NODE_SIZE_RANGE = 22.0
"""Added for the best-connected node (size grows with the square root of the degree, so the area,
which is what the eye compares, grows with the degree)."""

HUB_SIZE_MIN = 14.0
"""Smallest alliance or policy: they anchor the layout and must stand out from actors even when
few of their links are on the map."""

SUBJECT_SIZE_MIN = 34.0
"""Smallest focused actor or alliance: the largest node on the map, found at a glance."""

GROUP_SIZE_MIN = 12.0
"""Smallest group of actors, for a group of one."""

GROUP_SIZE_RANGE = 50.0
"""Added for the biggest group (square root of its share, as for degrees): groups are few, so they
can be large."""

GROUPED_ALLIANCE_SIZE = 14.0
"""Alliances on a grouped map: one fixed size, as their degree there counts groups, not actors."""

GROUPED_POLICY_SIZE = 12.0
"""Policies on a grouped map: a little smaller than alliances, which the map is mostly about."""

DECIMALS = 1
"""Sizes and ring positions are rounded to a tenth of a pixel: finer is invisible, and shorter
numbers make a lighter page (as `ecosystem.ui.layout` does for the other positions)."""

# ---------------------------------------------------------------------- edges

LINK_WIDTH = 1.0
"""A plain link: the thinnest line vis-network draws crisply; every other width is relative to it."""

PILOT_WIDTH = 2.0
"""A pilot's membership link: twice a plain link, so who leads an alliance shows."""

FOCUS_EDGE_WIDTH = 3.0
"""Overlap and complement links of a focus: thicker than any plain link, and dashed."""

GROUPED_EDGE_WIDTH_MAX = 6.0
"""Widest link between a group and an alliance or policy, whatever the number of members behind it
(width grows with log(1 + n) up to this)."""

SDG_LINK_ALPHA = 0.5
"""Actor-SDG links are drawn half see-through: there are many, and they are context, not subject."""

FADED_ALPHA = 0.18
"""What is outside a focus keeps this much of its colour: still there, no longer competing."""

GROUPED_ALLIANCE_SHARE = 2
"""On a grouped map, alliances get at most 1/this of the room left by the groups, policies the rest:
both kinds of hub stay visible when they exceed the budget."""

# ---------------------------------------------------------------------- ring around a focus

RING_OFFSET = 6.0
"""A focus with no position of its own is set this many spacings right of the map, off its nodes."""

RING_RADIUS_MIN = 3.0
"""Smallest ring around a focus, in spacings: a few neighbours do not touch the focus."""

RING_NODES_PER_SPACING = 2.5
"""Ring radius grows by one spacing per this many nodes on it, so neighbours never overlap."""

# ---------------------------------------------------------------------- fonts and borders (renderer)

FONT_SIZE = 11
"""Labels of ordinary nodes: small, as thousands may be drawn."""

NODE_BORDER = 1
"""Border of ordinary nodes, in pixels: enough to separate touching dots of the same colour."""

LABEL_HALO = 3
"""A white outline this wide around every label, so labels stay readable across edges."""

LABEL_HALO_COLOUR = "#ffffff"
"""The halo is the page's background colour."""

SELECTED_EDGE_GROWTH = 2
"""Pixels vis-network adds to an edge's width when it is selected or its node is: it shows, and a
focus's dashed links stay the thickest."""

FONT_FACE = "Source Sans Pro, Arial, sans-serif"
"""Streamlit's own font first, so the map reads as part of the page."""

LABEL_DRAW_THRESHOLD = 6
"""Labels smaller than this on screen are not drawn: zoomed out, a 5,000-node map shows dots, not
an unreadable smear of text."""

SDG_FONT_SIZE = 16
"""The SDG boxes' numbers: their label is their whole body."""

SDG_BOX_MIN_WIDTH = 28
"""SDG boxes share one width, whether the number has one digit or two."""

SUBJECT_BORDER = 4
"""Border of the focused node: a black ring that shows even on a black alliance diamond."""

SUBJECT_FONT_SIZE = 22
"""Label of the focused node: the largest text on the map."""

NEIGHBOUR_FONT_SIZE = 18
"""Labels of what a focus links to (members, overlaps, complements)."""

HUB_FONT_SIZE = 16
"""Labels of alliances and groups: the map's landmarks."""

POLICY_FONT_SIZE = 13
"""Labels of policies: above actors, below alliances."""

BORDER_DARK = "#000000"
"""Border of what must stand out: the focus, alliances, SDG boxes, and any node hovered or chosen."""

BORDER_PLAIN = "#222222"
"""Border of other nodes: near black, so light colours (yellow) keep an edge on white."""

BORDER_FADED = "rgba(0,0,0,0.1)"
"""Border of faded nodes: almost gone, like their colour."""

# ---------------------------------------------------------------------- vis-network

LAYOUT_SEED = 7
"""vis-network's seed: unused with positions given and physics off, fixed so nothing can vary."""

TOOLTIP_DELAY_MS = 120
"""Hover texts appear after this long: fast enough to explore, slow enough not to flicker while
the pointer crosses the map."""

ZOOM_SPEED = 0.8
"""Below vis-network's 1.0: a wheel notch zooms less, so a big map does not jump past the level
where labels appear."""

HTML_HEIGHT = 700
"""Height of the map's page when none is given, in pixels: a laptop screen below the app's header."""
