// Purpose: live actors by id, as node properties (unknown ids give no row).
// Parameters: $ids (list of actor ids)
// Result: props (map of the node's properties)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (a:Actor {id: id})
USING INDEX a:Actor(id)
WHERE a.version IN live
RETURN properties(a) AS props
