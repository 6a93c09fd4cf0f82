// Purpose: create one batch of actors with their ACTS_IN, CONTRIBUTES_TO, OFFERS and NEEDS
//   relationships (the caller checks that every relationship was created).
// Parameters: $rows (list of maps: props = the node's properties, acts_in = territory ids,
//   contributes = SDG numbers (declared and inferred), offers / needs = lever ids). Relationships
//   carry no properties: where an SDG comes from is on the actor (sdgs, inferred_*), and each
//   relationship property would cost transaction memory on big loads.
// Result: nothing
UNWIND $rows AS row
CREATE (a:Actor)
SET a = row.props
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
