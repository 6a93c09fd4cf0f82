// Purpose: the memberships of these actors, in any alliance.
// Parameters: $actors (list of actor ids)
// Result: alliance, actor, role
UNWIND $actors AS id
MATCH (a:Actor {id: id})-[m:MEMBER_OF]->(al:Alliance)
RETURN al.id AS alliance, a.id AS actor, m.role AS role
