"""ecosystem: map territorial ecosystems of general-interest alliances.

Actors, territories, SDGs (ODD), public policies, alliances and the 21 levers of the
"Charte du faire alliance" stored as a graph, in Neo4j or in an embedded NetworkX store.
"""

__version__ = "0.1.0"
