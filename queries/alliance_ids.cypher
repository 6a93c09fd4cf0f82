// Purpose: the ids of every live alliance (alliances_in with no territory given).
// Parameters: none
// Result: id
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (al:Alliance)
WHERE al.version IN live
RETURN al.id AS id
