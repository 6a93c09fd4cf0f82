"""The Neo4j store: the official driver, one Cypher query per file, staged versioned loads.

The driver itself is imported lazily by the modules that talk to a server, so importing this package
costs nothing until a Neo4j store is actually opened.
"""
