// Purpose: one page of live actors with their territories, to recompute presence sizes after the map
//   changed (live actor ids are unique, so paging by id sees each once).
// Parameters: $after (string: last actor id of the previous page, "" for the first), $batch (integer)
// Result: id, territories (list of territory ids)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (a:Actor)
WHERE a.version IN live AND a.id > $after
RETURN a.id AS id, a.territories AS territories
ORDER BY id
LIMIT $batch
