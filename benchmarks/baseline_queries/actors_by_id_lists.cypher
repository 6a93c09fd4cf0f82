// Purpose (the query before record_cache.py, kept for benchmarks/whatif.py's baseline): live actors by id, as node properties (unknown ids give no row).
//   One record holding lists: the driver decodes a record per message, about ten times slower than
//   the items of a list (a diagnosis reads thousands of actors).
// Parameters: $ids (list of actor ids)
// Result: one record: props (list of maps of the nodes' properties)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (a:Actor {id: id})
USING INDEX a:Actor(id)
WHERE a.version IN live
RETURN collect(properties(a)) AS props
