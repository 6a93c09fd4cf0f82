// Purpose: every membership.
// Parameters: none
// Result: alliance, actor, role
MATCH (a:Actor)-[m:MEMBER_OF]->(al:Alliance)
RETURN al.id AS alliance, a.id AS actor, m.role AS role
