// Purpose: live policies by id, as node properties (unknown ids give no row).
// Parameters: $ids (list of policy ids)
// Result: props (map of the node's properties)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $ids AS id
MATCH (p:Policy {id: id})
USING INDEX p:Policy(id)
WHERE p.version IN live
RETURN properties(p) AS props
