// Purpose: create one batch of memberships (Actor)-[:MEMBER_OF {role}]->(Alliance).
// Parameters: $rows (list of maps: alliance, actor, role)
// Result: nothing
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (al:Alliance {id: row.alliance})
CREATE (a)-[:MEMBER_OF {role: row.role}]->(al)
