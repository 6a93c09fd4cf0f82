// Purpose: policies by id, as node properties (unknown ids give no row).
// Parameters: $ids (list of policy ids)
// Result: props (map of the node's properties)
UNWIND $ids AS id
MATCH (p:Policy {id: id})
RETURN properties(p) AS props
