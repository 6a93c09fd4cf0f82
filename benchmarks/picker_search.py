"""CPU time of one picker search (`ecosystem.ui.pickers.search_entries`) on the embedded store.

    .venv/bin/python -m benchmarks.picker_search                  # 100,000 generated actors, France
    .venv/bin/python -m benchmarks.picker_search --actors 10000

The pickers stop listing every actor beyond `PICKER_MAX` and send what is typed to the store's
`search`; this is the time of that answer (median of 5 per word, CPU seconds of this process, so the
figure does not depend on what else runs on the machine).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ecosystem.generate import GeneratorSpec, generate  # noqa: E402
from ecosystem.store.memory import MemoryStore  # noqa: E402
from ecosystem.ui.pickers import search_entries  # noqa: E402

WORDS = ("val", "asso", "jardin", "crest", "zzzq", "la")


def picker_search(actors: int = 100_000, seed: int = 1) -> dict[str, Any]:
    """Median CPU milliseconds of a picker search per word typed, at `actors` actors."""
    with tempfile.TemporaryDirectory() as tmp:
        store = MemoryStore(Path(tmp))
        store.load(generate(GeneratorSpec(actors=actors, seed=seed)))
        search_entries(store, "actor", "x")  # warm-up: the first call pays for imports and caches
        medians = {}
        for word in WORDS:
            times = []
            for _ in range(5):
                start = time.process_time()
                search_entries(store, "actor", word)
                times.append(time.process_time() - start)
            medians[word] = round(statistics.median(times) * 1000, 1)
    return {"actors": actors, "cpu_ms": medians}


def report_lines(results: dict[str, Any]) -> list[str]:
    """The picker paragraph of docs/benchmarks.md (under "Registers in the app")."""
    r = results.get("picker_search") or {}
    if not r:
        return []
    ms = r["cpu_ms"].values()
    return [
        "",
        f"Picker search at {r['actors']:,} actors (`python -m benchmarks.picker_search`, embedded store, "
        f"generated actors over France): {min(ms):.0f}-{max(ms):.0f} ms of CPU per search, whatever is typed "
        f"({', '.join(r['cpu_ms'])}). The same search on Neo4j was not measured.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(json.dumps(picker_search(args.actors, args.seed), indent=1))


if __name__ == "__main__":
    main()
