// Purpose: the memberships of a dataset's alliances.
// Parameters: $dataset (string: dataset id)
// Result: alliance, actor, role
MATCH (a:Actor)-[m:MEMBER_OF]->(al:Alliance {dataset: $dataset})
RETURN al.id AS alliance, a.id AS actor, m.role AS role
