// Purpose: the memberships of these alliances, optionally only of these actors.
// Parameters: $alliances (list of alliance ids), $actors (list of actor ids, or null for all)
// Result: alliance, actor, role
UNWIND $alliances AS id
MATCH (a:Actor)-[m:MEMBER_OF]->(al:Alliance {id: id})
WHERE $actors IS NULL OR a.id IN $actors
RETURN al.id AS alliance, a.id AS actor, m.role AS role
