// Purpose: create one batch of policies with CARRIES (from their carrier actors), COVERS and ADDRESSES.
// Parameters: $rows (list of maps: props = the node's properties, carriers = actor ids,
//   covers = territory ids, addresses = SDG numbers)
// Result: nothing
UNWIND $rows AS row
CREATE (p:Policy)
SET p = row.props
WITH p, row
CALL (p, row) {
  UNWIND row.carriers AS aid
  MATCH (a:Actor {id: aid})
  CREATE (a)-[:CARRIES]->(p)
}
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
