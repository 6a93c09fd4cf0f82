// Purpose: every alliance, as node properties.
// Parameters: none
// Result: props (map of the node's properties)
MATCH (al:Alliance)
RETURN properties(al) AS props
