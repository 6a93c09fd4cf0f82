// Purpose: the memberships of a dataset's live alliances (its actors are of the same version).
// Parameters: $dataset (string: dataset id)
// Result: alliance, actor, role
MATCH (d:Dataset {id: $dataset})
MATCH (a:Actor)-[m:MEMBER_OF]->(al:Alliance {version: d.live})
WHERE a.version = d.live
RETURN al.id AS alliance, a.id AS actor, m.role AS role
