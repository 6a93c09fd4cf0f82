"""The coverage roll-up: per territory, per SDG, how many records of a version are present there.

`Store.coverage(t, L)` counts, for each level-L territory x of project(t, L) and each SDG, the
active actors, alliances and policies present in x. Walking the graph for it reads every record
present in a région on each call (2.2 s at 1M actors, a fifth of them in Île-de-France). These
counts only change when a dataset does, so a load computes them once, in Python, from the dataset
it is loading (the presence rule of `Hierarchy.presence`, the same one the embedded store and the
tests' oracle use), and stages them as `Coverage` nodes of its version.

Records are grouped by footprint (their exact tuple of territories). A local footprint's records
are counted in one node per territory of every level where they are present:

    (:Coverage {version, territory, sdgs: [3, 11], actors: [12, 4], alliances: [1, 0], policies: [0, 2]})

A wide footprint (WIDE_COMMUNES communes or more: a département's, a national actor's) keeps its
counts in one node of its own, spread over its presence when coverage is read (`spread`):

    (:Coverage {version, territory: "*", footprint: ["pays:FR"], sdgs: [...], actors: [...], ...})

Why: a national actor is present in all 35,000 communes, so with per-territory nodes alone, a
re-import or an edit touching one national actor had to rewrite every node of the version (2-3 s of
server time at 100k actors). Now a change rewrites the nodes of the local territories its records are
present in, and the few wide nodes (`adjust`). The sums are the same whichever way a footprint is
kept, so a version counted before wide nodes existed reads right too.

Being records of the version, they go live with the same switch and are collected with it, so the
roll-up is never out of step with the records it counts. The question then reads a few thousand
small nodes by an index (coverage_rollup, coverage_wide) and sums them over the live datasets (an
actor belongs to one dataset only, so the sums count each record once).

A version staged before the roll-up existed has no `rollup` mark: coverage then walks the records
as before (coverage_single, coverage_multi) until that dataset is loaded again. So does every
version after the reference map changes (`forget`), since presence depends on the map.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
import scipy.sparse as sp

from ecosystem.model import Actor, Alliance, Dataset, Level, Policy
from ecosystem.reference.territories import Hierarchy
from ecosystem.store.neo4j.runner import Runner, Tx

ROLLUP = 2  # Version.rollup: the shape of the Coverage nodes its load wrote (none when absent); 1 had
# no wide nodes: such a version walks its records, as one without a mark does, until loaded again
COLUMNS = 18  # SDG numbers 1..17 used as column indexes (0 stays empty)
KINDS = ("actors", "alliances", "policies")
WIDE = "*"  # the `territory` of a wide footprint's node: found by the same index as the others
WIDE_COMMUNES = 100
"""A footprint whose territories hold this many communes or more is wide: a département's (100 to
900 communes), a région's, the country's. Measured on a 1 % re-import at 100,000 actors: with 2,000
(régions and the country only) the changed records' nodes were 21,000, most of them the communes of
the départements some changed records act in; with 100, 3,700 nodes, and 118 wide nodes for the
whole version, which every coverage question reads and spreads (a few milliseconds)."""
BATCH = 5000  # Coverage rows per write, as a staged load writes them

Footprint = tuple[str, ...]
Counts = dict[Footprint, list[int]]
"""Footprint -> counts, one column per (kind, SDG): kind k's SDG s at k * COLUMNS + s. Signed when
it is a difference between two sets of records."""

Record = tuple[int, Footprint, Iterable[int]]  # (index of its kind in KINDS, territories, SDGs)


def records_of(actors: Iterable[Actor] = (), alliances: Iterable[Alliance] = (),
               policies: Iterable[Policy] = ()) -> Iterator[Record]:
    """What the roll-up counts of these records: the active actors, the alliances and the policies."""
    for actor in actors:
        if actor.active:
            yield 0, actor.territories, actor.all_sdgs
    for alliance in alliances:
        yield 1, alliance.territories, alliance.sdgs
    for policy in policies:
        yield 2, policy.territories, policy.sdgs


def footprint_counts(records: Iterable[Record], sign: int = 1, into: Counts | None = None) -> Counts:
    """Records grouped by their territories. Most actors of a big dataset share their footprint
    with many others (a commune), so the projections run once per footprint, not once per record;
    plain lists of ints, as numpy's item access costs ten times more."""
    rows: Counts = into if into is not None else {}
    width = len(KINDS) * COLUMNS
    for kind, territories, sdgs in records:
        counts = rows.get(territories)
        if counts is None:
            counts = rows[territories] = [0] * width
        base = kind * COLUMNS
        for sdg in set(sdgs):
            counts[base + sdg] += sign
    return rows


def is_wide(footprint: Footprint, hierarchy: Hierarchy) -> bool:
    """Whether a footprint's counts are kept in a node of its own (`WIDE`). Any fixed rule gives
    the same sums; the communes of its territories added up is cheap, and puts a départemental,
    regional or national footprint there, a commune's or most EPCIs' in the territories' nodes."""
    return sum(hierarchy.commune_count(t) for t in footprint) >= WIDE_COMMUNES


def cells(dataset: Dataset, hierarchy: Hierarchy) -> list[dict]:
    """The Coverage rows of `dataset`: local footprints by territory, then wide ones (`rows_of`)."""
    return rows_of(footprint_counts(records_of(dataset.actors, dataset.alliances, dataset.policies)),
                   hierarchy)


def rows_of(counts: Counts, hierarchy: Hierarchy) -> list[dict]:
    """Coverage rows: one per territory (every level) where a local footprint with an SDG is
    present, then one per wide footprint, each holding its non-zero SDGs and the count of each kind
    for each of them."""
    local = {f: c for f, c in counts.items() if not is_wide(f, hierarchy)}
    wide = sorted((f, c) for f, c in counts.items() if f not in local)
    rows = _territory_rows(local, hierarchy)
    for footprint, row in wide:
        totals = np.asarray(row, dtype=np.int64).reshape(len(KINDS), COLUMNS)
        rows += _row(WIDE, totals, list(footprint))
    return rows


def _row(territory: str, totals: np.ndarray, footprint: list[str] | None = None) -> list[dict]:
    """The row of one node (none when every count is zero): `totals` is (kind, SDG)."""
    sdgs = np.flatnonzero(totals.any(axis=0))
    if not len(sdgs):
        return []
    row = {"territory": territory, "sdgs": sdgs.tolist(),
           **{kind: totals[k, sdgs].tolist() for k, kind in enumerate(KINDS)}}
    if footprint is not None:
        row["footprint"] = footprint
    return [row]


def _territory_rows(counts: Counts, hierarchy: Hierarchy) -> list[dict]:
    """The counts of a level are one sparse product:
    (territory x footprint presence) @ (footprint x (kind, SDG))."""
    footprints = list(counts)
    width = len(KINDS) * COLUMNS
    matrix = np.asarray(list(counts.values()), dtype=np.int64).reshape(len(footprints), width)
    rows: list[dict] = []
    for level in Level:
        index: dict[str, int] = {}
        present_in: list[int] = []
        of: list[int] = []
        for k, footprint in enumerate(footprints):
            if len(footprint) == 1:  # `project` is cached, and most footprints are one territory
                present = hierarchy.project(footprint[0], level)
            else:
                present = hierarchy.presence(footprint, level)
            for x in present:
                present_in.append(index.setdefault(x, len(index)))
                of.append(k)
        presence = sp.csr_matrix((np.ones(len(of), dtype=np.int64), (present_in, of)),
                                 shape=(len(index), len(footprints)))
        totals = np.asarray(presence @ matrix).reshape(len(index), len(KINDS), COLUMNS)
        names = list(index)
        for i in sorted(range(len(names)), key=names.__getitem__):
            rows += _row(names[i], totals[i])
    return rows


def spread(footprint: Iterable[str], level: Level, inside: frozenset[str],
           hierarchy: Hierarchy) -> frozenset[str]:
    """The territories of `inside` (level `level`) where a wide node's records are present."""
    return hierarchy.presence(tuple(footprint), level) & inside


def adjust(tx: Tx, version: str, old: Iterable[Record], new: Iterable[Record], hierarchy: Hierarchy) -> None:
    """Inside the caller's write transaction, the roll-up of `version` after records `old` were
    replaced by `new` (both only the records that changed): the nodes where their difference is
    not zero are read, added to and written again. Footprints, not records, are subtracted, so a
    record renamed without changing its territories, SDGs or activity cancels out and costs nothing."""
    delta = footprint_counts(new, 1, footprint_counts(old, -1))
    delta = {f: c for f, c in delta.items() if any(c)}
    if not delta:
        return
    changes = rows_of(delta, hierarchy)
    territories = sorted({r["territory"] for r in changes})
    totals: dict[tuple[str, Footprint], dict[int, list[int]]] = {}
    stored = [dict(r) for r in tx.read("coverage_of_territories", version=version, territories=territories)]
    for r in stored + changes:  # what the nodes hold, plus the difference
        cells = totals.setdefault((r["territory"], tuple(r.get("footprint") or ())), {})
        for i, sdg in enumerate(r["sdgs"]):
            counts = cells.setdefault(sdg, [0] * len(KINDS))
            for k, kind in enumerate(KINDS):
                counts[k] += r[kind][i]
    out = []
    for (territory, footprint), cells in sorted(totals.items()):
        kept = sorted((sdg, c) for sdg, c in cells.items() if any(c))
        if kept:
            row = {"territory": territory, "sdgs": [s for s, _ in kept],
                   **{kind: [c[k] for _, c in kept] for k, kind in enumerate(KINDS)}}
            if territory == WIDE:
                row["footprint"] = list(footprint)
            out.append(row)
    tx.write("coverage_delete_territories", version=version, territories=territories)
    for chunk in chunks(out, BATCH):
        tx.write("load_coverage", version=version, rows=chunk)


def chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def ready(runner: Runner) -> bool:
    """True when every live version has its roll-up (else coverage walks the records)."""
    return bool(runner.read("coverage_ready", rollup=ROLLUP)[0]["ready"])


def forget(runner: Runner) -> None:
    """The reference map changed: presence, hence every roll-up, may differ. Unmark them all (the
    Coverage nodes go with their versions' garbage; unmarked, they are never read)."""
    runner.write("coverage_forget")
