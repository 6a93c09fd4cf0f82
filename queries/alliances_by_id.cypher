// Purpose: alliances by id, as node properties (unknown ids give no row).
// Parameters: $ids (list of alliance ids)
// Result: props (map of the node's properties)
UNWIND $ids AS id
MATCH (al:Alliance {id: id})
RETURN properties(al) AS props
