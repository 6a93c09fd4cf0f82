// Purpose: every live policy, as node properties.
// Parameters: none
// Result: props (map of the node's properties)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (p:Policy)
WHERE p.version IN live
RETURN properties(p) AS props
