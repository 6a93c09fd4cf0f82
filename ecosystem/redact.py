"""Secrets kept out of what is shown: messages, logs, the app's store line.

A Neo4j URI may be written with its credentials, `bolt://neo4j:password@host:7687` (the driver
refuses that form, and the error naming the URI would then print the password). Whatever is shown
of a URI goes through `uri` first.
"""

from __future__ import annotations

HIDDEN = "***"


def uri(text: str) -> str:
    """The URI with everything between the scheme and the last "@" hidden (user and password).

    The last "@", not the first: a password may hold "@", "/" or "#", so no URL parser is trusted
    to find where it ends.

    >>> uri("bolt://neo4j:s3cret@localhost:7687")
    'bolt://***@localhost:7687'
    >>> uri("neo4j+s://me:p@ss/w#rd@db.example.org")
    'neo4j+s://***@db.example.org'
    >>> uri("bolt://127.0.0.1:7687")
    'bolt://127.0.0.1:7687'
    """
    at = text.rfind("@")
    if at < 0:
        return text
    scheme = text.find("://")
    start = scheme + 3 if 0 <= scheme < at else 0
    return text[:start] + HIDDEN + text[at:]
