// Purpose: one page of actors with their territories, to recompute presence sizes after the map changed.
// Parameters: $after (string: last actor id of the previous page, "" for the first), $batch (integer)
// Result: id, territories (list of territory ids)
MATCH (a:Actor)
WHERE a.id > $after
RETURN a.id AS id, a.territories AS territories
ORDER BY id
LIMIT $batch
