// Purpose: write recomputed presence sizes (n_commune ... n_pays) on a batch of live actors.
// Parameters: $rows (list of maps: id, sizes = map of n_<level> -> integer)
// Result: nothing
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
USING INDEX SEEK a:Actor(id)
WHERE a.version IN live
SET a += row.sizes
