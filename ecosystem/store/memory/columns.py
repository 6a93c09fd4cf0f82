"""The active actors of every dataset as one `Incidence`, assembled from the datasets' columns.

Each dataset's columns (derived.py) name territories by id in their own table; here they are mapped
onto the shared `Projection`'s indices once per *territory set* (a few thousand), never per actor.
Sets equal after the mapping (two datasets' sets, or ids the hierarchy does not know, which have no
commune and are skipped as `Projection.rows` skips them) become one, so that `Incidence.groups`
groups every actor with identical territories together.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ecosystem.store.memory.derived import ActorColumns, IdTable
from ecosystem.store.memory.matrices import Incidence, Projection, set_matrix


def actor_incidence(projection: Projection, parts: Sequence[ActorColumns]) -> tuple[Incidence, np.ndarray]:
    """Active actors of all `parts`, in id order, and their kinds (indices into derived.KINDS)."""
    index = projection.index
    keys: dict[tuple[int, ...], int] = {}
    ids, set_of, masks, kinds = [], [], [], []
    for cols in parts:
        local = np.asarray([index.get(t, -1) for t in cols.territories], dtype=np.int64)
        indptr, indices = np.asarray(cols.set_indptr), np.asarray(cols.set_indices)
        mapped = np.empty(len(indptr) - 1, dtype=np.int64)
        for s in range(len(mapped)):
            found = local[indices[indptr[s]:indptr[s + 1]]]
            key = tuple(sorted(set(found[found >= 0].tolist())))
            mapped[s] = keys.setdefault(key, len(keys))
        active = np.flatnonzero(np.asarray(cols.active))
        ids.append(np.asarray(cols.ids)[active])
        set_of.append(mapped[np.asarray(cols.set_of)[active]])
        masks.append(np.asarray(cols.masks)[active].astype(np.int64))
        kinds.append(np.asarray(cols.kind)[active].astype(np.int64))
    if not parts:
        ids = [np.empty(0, dtype="S1")]
        set_of, masks, kinds = ([np.empty(0, np.int64)] for _ in range(3))
    all_ids = np.concatenate(ids) if len(ids) > 1 else ids[0]
    all_sets, all_masks, all_kinds = (np.concatenate(x) for x in (set_of, masks, kinds))
    if len(parts) > 1:  # each part is sorted; together they must be too
        order = np.argsort(all_ids, kind="stable")
        all_ids, all_sets, all_masks, all_kinds = (
            x[order] for x in (all_ids, all_sets, all_masks, all_kinds))
    sets = set_matrix(list(keys), len(projection.ids))
    return Incidence.from_sets(projection, IdTable(all_ids), all_sets, sets, all_masks), all_kinds
