// Purpose: a re-import applied as a difference: write the added and changed actors into the live
//   version, in place (see difference_policies), with ACTS_IN, CONTRIBUTES_TO, OFFERS and NEEDS.
//   CARRIES belongs to the policies (difference_carries), MEMBER_OF to the memberships
//   (difference_memberships), so a changed actor keeps both.
// Parameters: $version (string: the live version token), $rows (list of maps: new = true for an
//   added actor, props = the node's properties, acts_in = territory ids, contributes = SDG numbers,
//   offers / needs = lever ids; as load_actors, whose carries and memberships are not read here)
// Result: nothing (the caller checks the relationships created)
UNWIND $rows AS row
CALL (row) {
  WITH row
  WHERE row.new
  CREATE (a:Actor)
  RETURN a
  UNION
  WITH row
  WHERE NOT row.new
  MATCH (a:Actor {id: row.props.id})
  USING INDEX SEEK a:Actor(id)
  WHERE a.version = $version
  RETURN a
}
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
