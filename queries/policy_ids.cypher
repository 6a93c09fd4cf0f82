// Purpose: the ids of every live policy (policies_in with no territory given).
// Parameters: none
// Result: id
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (p:Policy)
WHERE p.version IN live
RETURN p.id AS id
