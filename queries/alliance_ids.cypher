// Purpose: the ids of every alliance (alliances_in with no territory given).
// Parameters: none
// Result: id
MATCH (al:Alliance)
RETURN al.id AS id
