// Purpose: write recomputed presence sizes (n_commune ... n_pays) on a batch of actors.
// Parameters: $rows (list of maps: id, sizes = map of n_<level> -> integer)
// Result: nothing
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a += row.sizes
