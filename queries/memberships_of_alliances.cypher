// Purpose: the memberships of these live alliances, optionally only of these actors.
// Parameters: $alliances (list of alliance ids), $actors (list of actor ids, or null for all)
// Result: alliance, actor, role
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $alliances AS id
MATCH (a:Actor)-[m:MEMBER_OF]->(al:Alliance {id: id})
USING INDEX SEEK al:Alliance(id)
WHERE al.version IN live AND a.version IN live AND ($actors IS NULL OR a.id IN $actors)
RETURN al.id AS alliance, a.id AS actor, m.role AS role
