// Purpose: stage one batch of actors of version $version with ACTS_IN, CONTRIBUTES_TO, OFFERS, NEEDS,
//   and CARRIES / MEMBER_OF to the policies and alliances of the same version (staged before, so
//   no actor is ever looked up). See load_policies.
// Parameters: $version (string: the version token), $rows (list of maps: props = the node's
//   properties, acts_in = territory ids, contributes = SDG numbers (declared and inferred),
//   offers / needs = lever ids, carries = policy ids, memberships = list of {alliance, role}).
//   Relationships carry no properties but MEMBER_OF.role: where an SDG comes from is on the actor.
// Result: nothing (the caller checks the relationships created)
MATCH (v:Version {token: $version})
WHERE v.doomed IS NULL
SET v.touched = datetime()
WITH v
UNWIND $rows AS row
CREATE (a:Actor)
SET a = row.props, a.version = $version
WITH a, row
CALL (a, row) {
  UNWIND row.acts_in AS tid
  MATCH (t:Territory {id: tid})
  CREATE (a)-[:ACTS_IN]->(t)
}
CALL (a, row) {
  UNWIND row.contributes AS n
  MATCH (s:SDG {number: n})
  CREATE (a)-[:CONTRIBUTES_TO]->(s)
}
CALL (a, row) {
  UNWIND row.offers AS lid
  MATCH (l:Lever {id: lid})
  CREATE (a)-[:OFFERS]->(l)
}
CALL (a, row) {
  UNWIND row.needs AS lid
  MATCH (l:Lever {id: lid})
  CREATE (a)-[:NEEDS]->(l)
}
CALL (a, row) {
  UNWIND row.carries AS pid
  MATCH (p:Policy {id: pid})
  USING INDEX p:Policy(id)
  WHERE p.version = $version
  CREATE (a)-[:CARRIES]->(p)
}
CALL (a, row) {
  UNWIND row.memberships AS m
  MATCH (al:Alliance {id: m.alliance})
  USING INDEX al:Alliance(id)
  WHERE al.version = $version
  CREATE (a)-[:MEMBER_OF {role: m.role}]->(al)
}
