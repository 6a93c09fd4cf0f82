// Purpose: the memberships of these live actors, in any live alliance.
// Parameters: $actors (list of actor ids)
// Result: alliance, actor, role
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $actors AS id
MATCH (a:Actor {id: id})-[m:MEMBER_OF]->(al:Alliance)
USING INDEX SEEK a:Actor(id)
WHERE a.version IN live AND al.version IN live
RETURN al.id AS alliance, a.id AS actor, m.role AS role
