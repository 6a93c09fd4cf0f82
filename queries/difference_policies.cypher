// Purpose: a re-import applied as a difference: write the added and changed policies into the live
//   version, in place (a changed one keeps its node, its relationships cleared by difference_clear),
//   with COVERS and ADDRESSES. CARRIES comes after the actors (difference_carries).
// Parameters: $version (string: the live version token), $rows (list of maps: new = true for an
//   added policy, props = the node's properties, covers = territory ids, addresses = SDG numbers)
// Result: nothing (the caller checks the relationships created)
UNWIND $rows AS row
CALL (row) {
  WITH row
  WHERE row.new
  CREATE (p:Policy)
  RETURN p
  UNION
  WITH row
  WHERE NOT row.new
  MATCH (p:Policy {id: row.props.id})
  USING INDEX SEEK p:Policy(id)
  WHERE p.version = $version
  RETURN p
}
SET p = row.props, p.version = $version
WITH p, row
CALL (p, row) {
  UNWIND row.covers AS tid
  MATCH (t:Territory {id: tid})
  CREATE (p)-[:COVERS]->(t)
}
CALL (p, row) {
  UNWIND row.addresses AS n
  MATCH (s:SDG {number: n})
  CREATE (p)-[:ADDRESSES]->(s)
}
