// Purpose: a re-import applied as a difference: memberships removed or changed lose their MEMBER_OF,
//   memberships added or changed get theirs, between records of the live version.
// Parameters: $version (string: the live version token), $gone (list of maps: alliance, actor),
//   $rows (list of maps: alliance, actor, role)
// Result: nothing (the caller checks the relationships created)
CALL () {
  UNWIND $gone AS g
  MATCH (a:Actor {id: g.actor})
  USING INDEX SEEK a:Actor(id)
  WHERE a.version = $version
  MATCH (a)-[m:MEMBER_OF]->(al:Alliance {id: g.alliance})
  WHERE al.version = $version
  DELETE m
}
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
USING INDEX SEEK a:Actor(id)
WHERE a.version = $version
MATCH (al:Alliance {id: row.alliance})
USING INDEX SEEK al:Alliance(id)
WHERE al.version = $version
CREATE (a)-[:MEMBER_OF {role: row.role}]->(al)
