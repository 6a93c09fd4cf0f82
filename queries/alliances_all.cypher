// Purpose: every live alliance, as node properties.
// Parameters: none
// Result: props (map of the node's properties)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (al:Alliance)
WHERE al.version IN live
RETURN properties(al) AS props
