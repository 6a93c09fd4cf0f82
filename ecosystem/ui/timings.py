"""Server-side time of each page run, written on the terminal when ECOSYSTEM_TIMINGS=1.

Why: "how long did the server take for this visitor" is the figure issue 17 asks for with ten
sessions at once, and only the server knows it (a browser adds its own drawing time). One line per
run, from the script's start to its end, after the page's last element was sent:

    ecosystem-timing {"page": "carte", "ms": 212.4, "computed": 31}

("computed": how many query functions really ran in this process so far, cache misses.)

benchmarks/sessions.py reads these lines from the server's log. Nothing is written by default.
"""

from __future__ import annotations

import json
import sys
import threading
import time

from ecosystem import settings

PREFIX = "ecosystem-timing "
_WRITING = threading.Lock()


def start() -> float:
    """The run's start, to pass back to `report`."""
    return time.perf_counter()


def report(page: str, started: float) -> None:
    """Write the run's line when timings are asked for (a setting read per run: cheap, and a test can
    turn it on without restarting the process)."""
    if settings.get("ECOSYSTEM_TIMINGS") != "1":
        return
    from ecosystem.ui.context import COMPUTED

    line = json.dumps({"page": page or "accueil", "ms": round((time.perf_counter() - started) * 1000, 1),
                       "computed": sum(COMPUTED.values())})
    with _WRITING:  # one write per line: sessions' runs end at the same time on several threads
        sys.stderr.write(PREFIX + line + "\n")
        sys.stderr.flush()
