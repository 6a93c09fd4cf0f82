"""Server-side time of each page run, written on the terminal when ECOSYSTEM_TIMINGS=1.

Why: "how long did the server take for this visitor" is the figure issue 17 asks for with ten
sessions at once, and only the server knows it (a browser adds its own drawing time). One line per
run, from the script's start to its end, after the page's last element was sent:

    ecosystem-timing {"page": "carte", "ms": 212.4}

benchmarks/sessions.py reads these lines from the server's log. Nothing is written by default.
"""

from __future__ import annotations

import json
import sys
import time

from ecosystem import settings

PREFIX = "ecosystem-timing "


def start() -> float:
    """The run's start, to pass back to `report`."""
    return time.perf_counter()


def report(page: str, started: float) -> None:
    """Write the run's line when timings are asked for (a setting read per run: cheap, and a test can
    turn it on without restarting the process)."""
    if settings.get("ECOSYSTEM_TIMINGS") != "1":
        return
    line = json.dumps({"page": page or "accueil", "ms": round((time.perf_counter() - started) * 1000, 1)})
    print(PREFIX + line, file=sys.stderr, flush=True)
