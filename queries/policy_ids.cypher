// Purpose: the ids of every policy (policies_in with no territory given).
// Parameters: none
// Result: id
MATCH (p:Policy)
RETURN p.id AS id
