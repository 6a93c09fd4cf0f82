// Purpose: actors by id, as node properties (unknown ids give no row).
// Parameters: $ids (list of actor ids)
// Result: props (map of the node's properties)
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN properties(a) AS props
