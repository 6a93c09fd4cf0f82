"""The Neo4j driver's own log messages, kept out of the user's terminal unless asked for.

When a server dies in the middle of a command, the driver logs each retry (« Transaction failed and
will be retried in 13.9 s », `[#D810] _: <CONNECTION> error…`) for tens of seconds; Python's
last-resort handler prints them raw on stderr before the command's one-line error says, in the user's
language, what happened. `quiet_driver(False)` routes them nowhere; `--verbose` or
ECOSYSTEM_VERBOSE=1 (`quiet_driver(True)`) prints them, for whoever diagnoses a server.
"""

from __future__ import annotations

import logging
import sys

DRIVER_LOGGER = "neo4j"


def quiet_driver(verbose: bool) -> None:
    """Show the driver's messages on stderr (verbose) or drop them; idempotent."""
    logger = logging.getLogger(DRIVER_LOGGER)
    for handler in list(logger.handlers):
        if getattr(handler, "ecosystem", False):
            logger.removeHandler(handler)
    handler: logging.Handler
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("neo4j: %(levelname)s %(message)s"))
        logger.setLevel(logging.INFO)
    else:
        handler = logging.NullHandler()
        logger.setLevel(logging.CRITICAL + 1)
    handler.ecosystem = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.propagate = False
