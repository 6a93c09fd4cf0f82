"""Preparing a Neo4j database: constraints and indexes, then the reference data, once.

The reference graph (36,000 territories with PART_OF and the WITHIN closure, 17 SDGs, 21 levers) is
written in batched `UNWIND ... MERGE` transactions and then stamped with a version marker (a digest
of the reference data and of this loader), so connecting again costs one read. An interrupted load
leaves no marker and is simply resumed by the next connection (every step is a MERGE). When the
shipped reference data changes, the hierarchy edges are rebuilt and the actors' presence sizes
recomputed, so answers never mix two versions of the map.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime

from ecosystem.reference import Reference
from ecosystem.store.neo4j import cypher, rollup
from ecosystem.store.neo4j.rows import actor_sizes
from ecosystem.store.neo4j.runner import Runner

LOADER_VERSION = 1  # bump when the shape of the reference graph written here changes
BATCH = 5000


def reference_version(ref: Reference) -> str:
    """A digest of everything written from the reference data."""
    digest = hashlib.sha256(f"loader {LOADER_VERSION}\n".encode())
    for t in sorted(ref.hierarchy, key=lambda t: t.id):
        digest.update(json.dumps([t.id, t.level.value, t.code, t.name, t.population, t.parents]).encode())
    for s in ref.sdgs:
        digest.update(json.dumps([s.number, s.name_fr, s.name_en, s.dimension.value]).encode())
    for lv in ref.levers:
        digest.update(json.dumps([lv.id, lv.family.value, lv.number, lv.name, lv.description]).encode())
    return digest.hexdigest()[:16]


def ensure_schema(runner: Runner) -> None:
    """Create the constraints and indexes (idempotent) and wait until they are online."""
    for number, statement in enumerate(cypher.statements("schema"), 1):
        runner.autocommit_text(f"schema statement {number}", statement)


def _batches(rows: list[dict], size: int = BATCH) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def ensure_reference(runner: Runner, ref: Reference) -> bool:
    """Load the reference data unless this version is already there; True when it was loaded."""
    version = reference_version(ref)
    found = runner.read("reference_version")[0]["version"]
    if found == version:
        return False
    if found is not None:  # another version of the map: rebuild its edges from scratch
        runner.autocommit("reference_clear_edges")
    h = ref.hierarchy
    territories = [{"id": t.id, "level": t.level.value, "code": t.code, "name": t.name,
                    "population": t.population, "parents": list(t.parents)} for t in h]
    for rows in _batches(territories):
        runner.write("reference_territories", rows=rows)
    part_of = [{"a": t.id, "b": p} for t in h for p in t.parents]
    for rows in _batches(part_of):
        runner.write("reference_part_of", rows=rows)
    within = [{"a": t.id, "b": c} for t in h for c in h.within(t.id)]
    for rows in _batches(within):
        runner.write("reference_within", rows=rows)
    runner.write("reference_sdgs", rows=[{"number": s.number, "name_fr": s.name_fr, "name_en": s.name_en,
                                          "dimension": s.dimension.value} for s in ref.sdgs])
    runner.write("reference_levers", rows=[
        {"id": lv.id, "family": lv.family.value, "number": lv.number, "name": lv.name,
         "description": lv.description} for lv in ref.levers])
    if found is not None:
        _recompute_actor_sizes(runner, ref)
        rollup.forget(runner)
    runner.write("reference_mark", version=version,
                 loaded_at=datetime.now(UTC).isoformat(timespec="seconds"))
    return True


def _recompute_actor_sizes(runner: Runner, ref: Reference) -> None:
    """Presence sizes depend on the map: recompute them for every actor already loaded."""
    after = ""
    while True:
        page = runner.read("reference_actor_territories", after=after, batch=BATCH)
        if not page:
            return
        rows = [{"id": r["id"], "sizes": actor_sizes(r["territories"], ref.hierarchy)} for r in page]
        runner.write("reference_actor_sizes", rows=rows)
        after = page[-1]["id"]
