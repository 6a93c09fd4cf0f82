// Purpose: every membership of the live datasets.
// Parameters: none
// Result: alliance, actor, role
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (a:Actor)-[m:MEMBER_OF]->(al:Alliance)
WHERE al.version IN live AND a.version IN live
RETURN al.id AS alliance, a.id AS actor, m.role AS role
