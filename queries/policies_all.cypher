// Purpose: every policy, as node properties.
// Parameters: none
// Result: props (map of the node's properties)
MATCH (p:Policy)
RETURN properties(p) AS props
